"""Hostile, broken and unsupported input: every case ends in FileRefused, quickly and without huge memory."""

from __future__ import annotations

import functools
import io
import random
import re
import struct
import time
import zipfile
import zlib
from collections.abc import Callable

import openpyxl
import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.errors import FileRefused
from desktop_app.io import safety
from desktop_app.io.appendix.detect import read_clipboard_text, read_document
from desktop_app.io.appendix.docx_reader import read_docx
from desktop_app.io.appendix.raw import RawDocument
from desktop_app.io.appendix.xlsx_reader import read_xlsx
from tests.memory import peak_growth_mb, reset_peak

MB = 1 << 20


# --------------------------------------------------------------------------- helpers


def assert_refused(call: Callable[[], object], name: str, *keywords: str) -> str:
    """Run call; it must raise FileRefused naming the file and all keywords, in < 5 s, < 300 MB more memory."""
    rss_before = reset_peak()
    start = time.process_time()
    with pytest.raises(FileRefused) as err:
        call()
    elapsed = time.process_time() - start
    grown_mb = peak_growth_mb(rss_before)
    message = str(err.value)
    assert elapsed < 5.0, f"took {elapsed:.1f}s"
    assert grown_mb < 300, f"peak memory grew by {grown_mb:.0f} MB"
    assert err.value.file == name
    assert f"«{name}»" in message
    for word in keywords:
        assert word.lower() in message.lower(), (word, message)
    return message


def deflate(data: bytes) -> bytes:
    """Raw deflate stream of data, as stored in a zip member."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush()


@functools.cache
def deflated_zeros(megabytes: int) -> tuple[bytes, int]:
    """A raw deflate stream of `megabytes` MiB of zeros and its CRC-32, built in a few ms from one repeated block."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(MB)
    first = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)  # identical for every later MiB
    stream = first + block * (megabytes - 1) + comp.flush()
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    return stream, crc


def build_zip(members: list[tuple[str, bytes, int, int]], *, flags: int = 0, method: int = 8) -> bytes:
    """A zip written by hand: (name, compressed data, crc, DECLARED uncompressed size) per member."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        raw_name = name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, 0x21, crc, len(data), size, len(raw_name), 0)
        out += raw_name + data
        central += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, method, 0, 0x21, crc, len(data), size, len(raw_name), 0, 0, 0, 0, 0, offset
        )
        central += raw_name
    count = len(members)
    return bytes(out + central + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0))


def small_member(name: str, text: bytes) -> tuple[str, bytes, int, int]:
    """A truthful deflated member."""
    return name, deflate(text), zlib.crc32(text), len(text)


CONTENT_TYPES = small_member("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="x"/>')


def saved(document: object) -> bytes:
    """The bytes of a python-docx Document or openpyxl Workbook."""
    buf = io.BytesIO()
    document.save(buf)  # type: ignore[attr-defined]
    return buf.getvalue()


@functools.cache
def valid_docx() -> bytes:
    """A small valid docx with a title and a table."""
    doc = Document()
    doc.add_paragraph("PHỤ LỤC 1")
    table = doc.add_table(rows=2, cols=3)
    for r in range(2):
        for c in range(3):
            table.cell(r, c).text = f"ô {r}.{c}"
    return saved(doc)


@functools.cache
def valid_xlsx() -> bytes:
    """A small valid xlsx (inline strings) with a merge."""
    wb = openpyxl.Workbook()
    for row in (["PHỤ LỤC 1"], ["Stt", "Chỉ tiêu", "Thời hạn"], [1.0, "Tỷ lệ", "Tháng 12/2026"]):
        wb.active.append(row)
    wb.active.merge_cells("A1:C1")
    return saved(wb)


def replace_member(data: bytes, member: str | None, content: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The zip `data` with one member's content replaced (none if member is None), re-written with `compression`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == member else src.read(info.filename))
    return buf.getvalue()


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)


# --------------------------------------------------------------------------- cases


def docx_without_table() -> bytes:
    """A valid docx with paragraphs only."""
    doc = Document()
    doc.add_paragraph("PHỤ LỤC 1")
    doc.add_paragraph("Không có bảng.")
    return saved(doc)


def xlsx_with_shared_strings(sst: bytes) -> bytes:
    """valid_xlsx() with cell A1 taken from a real, referenced xl/sharedStrings.xml part holding `sst`."""
    src = zipfile.ZipFile(io.BytesIO(valid_xlsx()))
    parts = {n: src.read(n) for n in src.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(r'<c r="A1" t="inlineStr"><is><t>.*?</t></is></c>', '<c r="A1" t="s"><v>0</v></c>', sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/></Relationships>')
    parts["xl/sharedStrings.xml"] = sst
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for part, content in parts.items():
            dst.writestr(part, content)
    return buf.getvalue()


SST = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{}</t></si></sst>'


def docx_entity_bomb(encoding: str) -> bytes:
    """valid_docx() whose word/document.xml declares a billion-laughs DTD and uses it in the text."""
    original = zipfile.ZipFile(io.BytesIO(valid_docx())).read("word/document.xml").decode("utf-8")
    body = original.split("?>", 1)[1].replace("PHỤ LỤC 1", "&lol9;")
    xml = BILLION_LAUGHS.replace('version="1.0"', f'version="1.0" encoding="{encoding}"') + body
    return replace_member(valid_docx(), "word/document.xml", xml.encode(encoding))


def corrupted_member_data() -> bytes:
    """valid_docx() with 40 bytes of word/document.xml's compressed data zeroed."""
    data = bytearray(valid_docx())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + 20
    data[start : start + 40] = bytes(40)
    return bytes(data)


def zeros_member(name: str, megabytes: int, declared: int | None = None) -> tuple[str, bytes, int, int]:
    """A member holding `megabytes` MiB of zeros, declaring `declared` bytes (the truth by default)."""
    stream, crc = deflated_zeros(megabytes)
    return name, stream, crc, megabytes * MB if declared is None else declared


DOC_XML = small_member("word/document.xml", b"<a/>")
XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships>&x;</Relationships>'
UTF7 = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<w:document/>'
SHORT = b"<w:document/>"

# (file name, bytes factory, key words of the message, reader also tried directly)
CASES: list[tuple[str, Callable[[], bytes], list[str], Callable[[bytes, str], RawDocument] | None]] = [
    ("rong.docx", lambda: b"", ["Tệp rỗng"], None),
    ("trang.txt", lambda: b" \r\n\t \n  ", ["Tệp rỗng"], None),
    ("trang16.txt", lambda: b"\xff\xfe" + " \n ".encode("utf-16-le"), ["Tệp rỗng"], None),
    ("ngau_nhien.bin", lambda: random.Random(20260401).randbytes(10_000), ["không phải văn bản UTF-8/UTF-16"], None),
    ("nul.txt", lambda: b"Stt\tA\x00\x00\x00\n1\tB\n", ["UTF-8/UTF-16"], None),
    ("cp1258.txt", lambda: "Stt\tĐơn\n1\tVăn\n".encode("cp1258"), ["UTF-8/UTF-16"], None),
    ("to.txt", lambda: b"1\tabc\n" * (safety.MAX_TEXT_BYTES // 6 + 10), ["quá lớn"], None),
    ("chu.txt", lambda: "PHỤ LỤC 1\nChỉ có chữ, không có bảng.\n".encode(), ["không tìm thấy bảng phụ lục"], None),
    ("cu.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), ["97-2003", ".docx", ".xlsx"], None),
    ("kh.pdf", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", ["PDF"], None),
    ("kh.rtf", lambda: b"{\\rtf1\\ansi Stt\\tab A}", ["RTF"], None),
    ("nen.zip", lambda: build_zip([small_member("a.txt", b"xin chao"), small_member("b.xml", b"<a/>")]),
     ["không phải Word hay Excel"], None),
    ("kh.odt", lambda: build_zip([small_member("mimetype", b"application/vnd.oasis.opendocument.text")]),
     ["OpenDocument"], None),
    ("khong_bang.docx", docx_without_table, ["không tìm thấy bảng phụ lục"], read_docx),
    ("cut.docx", lambda: valid_docx()[: len(valid_docx()) // 2], ["Tệp bị hỏng hoặc không đầy đủ"], read_docx),
    ("cut.xlsx", lambda: valid_xlsx()[: len(valid_xlsx()) // 2], ["Tệp bị hỏng hoặc không đầy đủ"], read_xlsx),
    ("hong.docx", corrupted_member_data, ["hỏng", "word/document.xml"], read_docx),
    ("xml.docx", lambda: replace_member(valid_docx(), "word/document.xml", b"<w:document><unclosed>"),
     ["Không đọc được tệp Word (.docx)"], read_docx),
    ("xml.xlsx", lambda: replace_member(valid_xlsx(), "xl/workbook.xml", b"<workbook><oops"),
     ["Không đọc được tệp Excel (.xlsx)"], read_xlsx),
    ("bom_sst.xlsx", lambda: xlsx_with_shared_strings((BILLION_LAUGHS + SST.format("&lol9;")).encode()),
     ["DOCTYPE/ENTITY", "xl/sharedStrings.xml"], read_xlsx),
    ("bom8.docx", lambda: docx_entity_bomb("utf-8"), ["DOCTYPE/ENTITY", "word/document.xml"], read_docx),
    ("bom16.docx", lambda: docx_entity_bomb("utf-16"), ["DOCTYPE/ENTITY", "word/document.xml"], read_docx),
    ("xxe.docx", lambda: replace_member(valid_docx(), "_rels/.rels", XXE), ["DOCTYPE/ENTITY", "_rels/.rels"], None),
    ("utf7.docx", lambda: replace_member(valid_docx(), "word/document.xml", UTF7), ["bảng mã lạ", "word/document.xml"],
     None),
    # 1 GiB of zeros in ~1 MB: refused from the declared size before anything is decompressed
    ("bom_nen.docx", lambda: build_zip([CONTENT_TYPES, zeros_member("word/document.xml", 1024)]),
     ["bom nén", "word/document.xml"], read_docx),
    ("tong.xlsx", lambda: build_zip([CONTENT_TYPES] + [zeros_member(f"xl/s{i}.xml", 90) for i in range(4)]),
     ["tổng dung lượng"], None),
    ("ti_le.xlsx", lambda: build_zip([CONTENT_TYPES, zeros_member("xl/workbook.xml", 90)]),
     ["tỉ lệ nén", "xl/workbook.xml"], read_xlsx),
    # local header and central directory both claim 1000 bytes; the stream holds 1 GiB
    ("noi_doi.docx", lambda: build_zip([CONTENT_TYPES, zeros_member("word/document.xml", 1024, declared=1000)]),
     ["khai báo", "word/document.xml"], read_docx),
    ("thieu.docx", lambda: build_zip([CONTENT_TYPES, ("word/document.xml", deflate(SHORT), zlib.crc32(SHORT), 5000)]),
     ["khai báo", "word/document.xml"], None),
    ("mat_khau.docx", lambda: build_zip([CONTENT_TYPES, DOC_XML], flags=1), ["mật khẩu"], None),
    ("nhieu.docx", lambda: build_zip([CONTENT_TYPES] + [(f"p{i}.xml", *DOC_XML[1:]) for i in range(safety.MAX_MEMBERS)]),
     ["quá nhiều thành phần"], None),
] + [
    (f"duong_dan{i}.docx", lambda bad=bad: build_zip([CONTENT_TYPES, DOC_XML, small_member(bad, b"<a/>")]),
     ["đường dẫn"], None)
    for i, bad in enumerate(["../../evil.xml", "/etc/passwd", "word/..\\..\\x.xml", "C:/Windows/x.xml"])
]


@pytest.mark.parametrize(("name", "make", "keywords", "direct"), CASES, ids=[case[0] for case in CASES])
def test_refused(
    name: str, make: Callable[[], bytes], keywords: list[str], direct: Callable[[bytes, str], RawDocument] | None
) -> None:
    data = make()
    assert_refused(lambda: read_document(data, name), name, *keywords)
    if direct is not None:
        assert_refused(lambda: direct(data, name), name, *keywords)


def test_shared_strings_control_file_reads() -> None:
    doc = read_document(xlsx_with_shared_strings(SST.format("Từ bảng chuỗi").encode()), "ok.xlsx")
    assert doc.tables[0].rows[0].cells == ["Từ bảng chuỗi"] * 3  # so the bomb above sits where the parser reads


def test_clipboard_empty_and_nul() -> None:
    name = "Khay nhớ tạm (clipboard)"
    assert_refused(lambda: read_clipboard_text("   \n"), name, "rỗng")
    assert_refused(lambda: read_clipboard_text("a\tb\x00\n"), name, "không phải văn bản")


def test_huge_merge_and_dimension_in_xlsx_do_not_explode() -> None:
    sheet = zipfile.ZipFile(io.BytesIO(valid_xlsx())).read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace('ref="A1:C3"', 'ref="A1:XFD1048576"').replace('"A1:C1"', '"A1:XFD1048576"')
    assert sheet.count("XFD1048576") == 2
    data = replace_member(valid_xlsx(), "xl/worksheets/sheet1.xml", sheet.encode())
    start = time.process_time()
    doc = read_document(data, "gop.xlsx")
    assert time.process_time() - start < 5
    assert [r.cells for r in doc.tables[0].rows] == [["PHỤ LỤC 1"] * 3] * 3


# --------------------------------------------------------------------------- fuzzing


@functools.cache
def fuzz_bases() -> tuple[bytes, ...]:
    """Small valid inputs of every kind: docx (deflated and stored), xlsx, TSV, Markdown."""
    docx = valid_docx()
    stored_docx = replace_member(docx, None, b"", compression=zipfile.ZIP_STORED)
    return (
        docx,
        stored_docx,
        valid_xlsx(),
        "Tiêu đề\nStt\t\"Chỉ tiêu\nhai dòng\"\tGhi chú\n1\ta\tb\n\n2\tc\td\n".encode(),
        "\ufeffTiêu đề\n\n| Stt | A \\| B |\n|---|:-:|\n| 1 | x<br>y |\n".encode("utf-8"),
        b"\xff\xfe" + "Stt\tA\n1\tB\n".encode("utf-16-le"),
    )


EDIT = st.tuples(st.floats(min_value=0, max_value=1, exclude_max=True), st.integers(0, 255) | st.sampled_from(b'<>/"=: -09x'))
CUT = st.none() | st.floats(min_value=0, max_value=1)
FUZZ_PARTS = [(0, "word/document.xml"), (0, "word/_rels/document.xml.rels"), (0, "[Content_Types].xml"),
              (0, "word/styles.xml"), (2, "xl/worksheets/sheet1.xml"), (2, "xl/workbook.xml"),
              (2, "xl/_rels/workbook.xml.rels"), (2, "xl/styles.xml")]


def mutate(data: bytes, edits: list[tuple[float, int]], cut: float | None) -> bytes:
    """data with bytes overwritten at relative positions, then optionally cut at a relative length."""
    out = bytearray(data)
    for where, value in edits:
        out[int(where * len(out))] = value
    return bytes(out if cut is None else out[: int(cut * len(out))])


def assert_document_or_refused(data: bytes, name: str) -> None:
    """read_document gives a RawDocument or a FileRefused naming the file, never another exception."""
    try:
        doc = read_document(data, name)
    except FileRefused as err:
        assert name in str(err)
    else:
        assert isinstance(doc, RawDocument) and doc.fmt in {"tsv", "markdown", "docx", "xlsx"}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, 5), edits=st.lists(EDIT, max_size=8), cut=CUT)
def test_mutated_inputs_never_raise_anything_but_file_refused(
    which: int, edits: list[tuple[float, int]], cut: float | None
) -> None:
    assert_document_or_refused(mutate(fuzz_bases()[which], edits, cut), "dot_bien.bin")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(part=st.sampled_from(FUZZ_PARTS), edits=st.lists(EDIT, min_size=1, max_size=6), cut=CUT)
def test_mutated_xml_parts_in_a_valid_zip_never_raise_anything_but_file_refused(
    part: tuple[int, str], edits: list[tuple[float, int]], cut: float | None
) -> None:
    base = fuzz_bases()[part[0]]
    content = mutate(zipfile.ZipFile(io.BytesIO(base)).read(part[1]), edits, cut)
    assert_document_or_refused(replace_member(base, part[1], content), "phan_hong.bin")


def test_xlsx_row_number_far_beyond_excel_does_not_hang() -> None:
    sheet = zipfile.ZipFile(io.BytesIO(valid_xlsx())).read("xl/worksheets/sheet1.xml").decode()
    data = replace_member(valid_xlsx(), "xl/worksheets/sheet1.xml", sheet.replace('r="3"', 'r="999999999"').encode())
    start = time.process_time()
    doc = read_document(data, "hang.xlsx")
    assert time.process_time() - start < 5
    assert [r.line for r in doc.tables[0].rows] == [1, 2]
