"""Readers: seeds, encodings, TSV/Markdown details, generated .docx and .xlsx files."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from desktop_app.errors import FileRefused
from desktop_app.io.appendix.detect import read_clipboard_text, read_document
from desktop_app.io.appendix.docx_reader import read_docx
from desktop_app.io.appendix.raw import RawDocument
from desktop_app.io.appendix.text_reader import decode_text, read_text
from desktop_app.io.appendix.xlsx_reader import read_xlsx

DATA = Path(__file__).parent / "data"
NAM_HONG = "nam_hong_phu_luc_1.txt"
MINH_TAN = "minh_tan_phu_luc_1.txt"


def seed_bytes(name: str) -> bytes:
    """The seed file's bytes."""
    return (DATA / name).read_bytes()


def saved(document: object) -> bytes:
    """The bytes of a python-docx Document or openpyxl Workbook."""
    buf = io.BytesIO()
    document.save(buf)  # type: ignore[attr-defined]
    return buf.getvalue()


def all_cells(doc: RawDocument) -> list[list[str]]:
    """Every row's cells, all tables concatenated."""
    return [row.cells for table in doc.tables for row in table.rows]


# --------------------------------------------------------------------------- seeds


def test_nam_hong_seed_is_tsv_with_seven_page_tables() -> None:
    doc = read_document(seed_bytes(NAM_HONG), NAM_HONG)
    assert doc.fmt == "tsv"
    assert doc.source_name == NAM_HONG
    assert len(doc.title_lines) == 1
    assert doc.title_lines[0].startswith("PHỤ LỤC 1*(Kèm theo Kế hoạch số 44/KH-UBND")
    assert len(doc.tables) == 7
    for table in doc.tables:
        assert table.name is None
        assert table.rows[0].cells[0] == "Stt"
        for row in table.rows:
            assert len(row.cells) == 6
    first = doc.tables[0].rows[0]
    assert first.line == 5 and first.place == "dòng 5"
    assert doc.tables[0].rows[1].cells[:2] == [
        "I",
        "Phân công phụ trách theo dõi, đơn đốc, kiểm tra thực hiện các chỉ tiêu",
    ]
    assert doc.tables[-1].rows[-1].line == 82
    assert sum(len(t.rows) for t in doc.tables) == 72  # every non-blank line from line 5 on
    # quotes inside a cell that does not start with a quote are kept as they are
    assert any('"đúng, đủ, sạch, sống"' in c for row in all_cells(doc) for c in row)


def test_minh_tan_seed_is_markdown_with_eight_tables() -> None:
    doc = read_document(seed_bytes(MINH_TAN), MINH_TAN)
    assert doc.fmt == "markdown"
    assert doc.title_lines == [
        "PHỤ LỤC 1:",
        "Phân công phụ trách theo dõi, kiểm tra, đôn đốc thực hiện chỉ tiêu và ban hành văn bản, chính sách",
        "(Kèm theo Kế hoạch số /KH-UBND ngày /4/2026 của UBND xã Minh Tân)",
    ]
    assert len(doc.tables) == 8
    for row in (r for t in doc.tables for r in t.rows):
        assert len(row.cells) == 6
        assert not all(c and set(c) <= set("-:") for c in row.cells), "separator row kept"
    assert doc.tables[0].rows[0].cells[0] == "Stt"
    assert doc.tables[0].rows[0].line == 7
    assert doc.tables[0].rows[1].cells[0] == "I."
    for table in doc.tables[2:]:
        assert table.rows[0].cells == [""] * 6
    assert doc.tables[2].rows[0].place == "dòng 26"
    assert doc.tables[2].rows[1].cells[0] == "3.5."
    # the trailing separator line (line 79) is dropped too
    assert doc.tables[-1].rows[-1].cells[0] == "8.4"
    assert doc.tables[-1].rows[-1].line == 78
    assert doc.tables[2].rows[-2].cells[0] == ""  # rows without a number stay


@pytest.mark.parametrize("seed", [NAM_HONG, MINH_TAN])
def test_bom_and_utf16_versions_decode_identically(seed: str) -> None:
    raw = seed_bytes(seed)
    text = raw.decode("utf-8")
    variants = {
        "utf8": raw,
        "utf8-bom": b"\xef\xbb\xbf" + raw,
        "utf16le-bom": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be-bom": b"\xfe\xff" + text.encode("utf-16-be"),
    }
    reference = read_document(raw, seed)
    for label, data in variants.items():
        assert decode_text(data, seed) == text, label
        doc = read_document(data, seed)
        assert doc == reference, label


def test_nfd_text_passes_through_unchanged() -> None:
    text = seed_bytes(NAM_HONG).decode("utf-8")
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    doc = read_text(nfd, NAM_HONG)
    ref = read_text(text, NAM_HONG)
    assert all_cells(doc) == [[unicodedata.normalize("NFD", c) for c in r] for r in all_cells(ref)]
    assert doc.title_lines == [unicodedata.normalize("NFD", t) for t in ref.title_lines]
    assert decode_text(nfd.encode("utf-8"), "x.txt") == nfd


def test_crlf_line_endings_read_like_lf() -> None:
    raw = seed_bytes(MINH_TAN).decode("utf-8")
    assert read_text(raw.replace("\n", "\r\n"), MINH_TAN) == read_text(raw, MINH_TAN)
    raw = seed_bytes(NAM_HONG).decode("utf-8")
    assert read_text(raw.replace("\n", "\r\n"), NAM_HONG) == read_text(raw, NAM_HONG)


# --------------------------------------------------------------------------- TSV details


def test_tsv_excel_quoted_cells_with_line_breaks_tabs_and_quotes() -> None:
    text = (
        "Kế hoạch\n"
        'Stt\t"Chỉ tiêu\nnhiệm vụ"\tGhi chú\r\n'
        '1\t"Có ""ngoặc kép"" và\ttab"\t\n'
        '2\t"Phi tiếp xúc" là chữ thường\tx\n'
        "3\tcuối\t\n"
    )
    doc = read_text(text, "clip.txt")
    assert doc.fmt == "tsv"
    assert doc.title_lines == ["Kế hoạch"]
    assert doc.tables[0].preceding_lines == ["Kế hoạch"]
    rows = doc.tables[0].rows
    assert [r.cells for r in rows] == [
        ["Stt", "Chỉ tiêu\nnhiệm vụ", "Ghi chú"],
        ["1", 'Có "ngoặc kép" và\ttab', ""],
        ["2", '"Phi tiếp xúc" là chữ thường', "x"],
        ["3", "cuối", ""],
    ]
    assert [r.line for r in rows] == [2, 4, 5, 6]
    assert rows[1].place == "dòng 4"


def test_tsv_line_without_tab_after_table_is_one_cell_row_and_blank_lines_split() -> None:
    text = "Tiêu đề\n\nA\tB\nII. PHẦN HAI\n\nC\tD\n\t\n"
    doc = read_text(text, "a.txt")
    assert doc.title_lines == ["Tiêu đề"]
    assert [[r.cells for r in t.rows] for t in doc.tables] == [
        [["A", "B"], ["II. PHẦN HAI"]],
        [["C", "D"], ["", ""]],
    ]
    assert [t.preceding_lines for t in doc.tables] == [["Tiêu đề"], []]


def test_tsv_keeps_emphasis_markers() -> None:
    doc = read_text("**Tiêu đề**\n**Stt**\t__Nội dung__\t*x*\n", "a.txt")
    assert doc.title_lines == ["**Tiêu đề**"]
    assert doc.tables[0].rows[0].cells == ["**Stt**", "__Nội dung__", "*x*"]


def test_unclosed_quote_is_literal() -> None:
    doc = read_text('1\t"không đóng ngoặc\n2\tb\n', "a.txt")
    assert [r.cells for r in doc.tables[0].rows] == [["1", '"không đóng ngoặc'], ["2", "b"]]


# --------------------------------------------------------------------------- Markdown details


def test_markdown_escapes_br_separators_and_table_boundaries() -> None:
    text = (
        "Tiêu đề một\n"
        "Tiêu đề **hai**\n"
        "\n"
        "| Stt | Nội dung | Ghi chú |\n"
        "|:---|:--:|---:|\n"
        "| 1 | a \\| b | dòng 1<br>dòng 2<BR/>dòng 3 |\n"
        "Đoạn văn giữa hai bảng\n"
        "| 2 | c | |\n"
        "\n"
        "  | 3 | d | e |\n"
    )
    doc = read_text(text, "m.md")
    assert doc.fmt == "markdown"
    assert doc.title_lines == ["Tiêu đề một", "Tiêu đề hai"]
    assert [[r.cells for r in t.rows] for t in doc.tables] == [
        [["Stt", "Nội dung", "Ghi chú"], ["1", "a | b", "dòng 1\ndòng 2\ndòng 3"]],
        [["2", "c", ""]],
        [["3", "d", "e"]],
    ]
    assert doc.tables[1].rows[0].line == 8
    assert [t.preceding_lines for t in doc.tables] == [["Tiêu đề một", "Tiêu đề hai"], ["Đoạn văn giữa hai bảng"], []]


def test_markdown_preceding_lines_of_every_table() -> None:
    text = (
        "PHỤ LỤC 1\n"
        "(Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026)\n"
        "| Stt | Nội dung |\n"
        "|---|---|\n"
        "| 1 | a |\n"
        "\n"
        "**PHỤ LỤC 2**\n"
        "*(Kèm theo Kế hoạch số 45/KH-UBND)*\n"
        "\n"
        "|---|---|\n"  # separator lines only: not a table, the text before it carries on
        "Ghi chú bảng 2\n"
        "| Stt | Nội dung |\n"
        "| 1 | b |\n"
        "Đoạn cuối, sau bảng cuối\n"
    )
    doc = read_text(text, "m.md")
    assert doc.fmt == "markdown"
    assert doc.title_lines == ["PHỤ LỤC 1", "(Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026)"]
    assert len(doc.tables) == 2
    assert doc.tables[0].preceding_lines == doc.title_lines
    assert doc.tables[1].preceding_lines == ["PHỤ LỤC 2", "(Kèm theo Kế hoạch số 45/KH-UBND)", "Ghi chú bảng 2"]
    assert [r.cells for r in doc.tables[1].rows] == [["Stt", "Nội dung"], ["1", "b"]]


def test_markdown_emphasis_markers_are_removed() -> None:
    text = (
        "**PHỤ LỤC 1** và _ghi chú_\n"
        "| **Stt** | __Nội dung__ | Ghi chú |\n"
        "|---|---|---|\n"
        "| **I.** | __Về hạ tầng số__ | |\n"
        "| **1.** | Tỷ lệ đạt *tối thiểu* 60% | ***rất*** quan trọng |\n"
        "| 2 | a*b và 2*3*4 giữ nguyên | snake_case_names, file_name_v2 |\n"
        "| 3 | * không phải nhấn mạnh * | \\*thoát\\* và ** |\n"
        "| 4 | **đậm *nghiêng* đậm** | dòng **một**<br>dòng _hai_ |\n"
    )
    doc = read_text(text, "m.md")
    assert doc.title_lines == ["PHỤ LỤC 1 và ghi chú"]
    assert [r.cells for r in doc.tables[0].rows] == [
        ["Stt", "Nội dung", "Ghi chú"],
        ["I.", "Về hạ tầng số", ""],
        ["1.", "Tỷ lệ đạt tối thiểu 60%", "rất quan trọng"],
        ["2", "a*b và 2*3*4 giữ nguyên", "snake_case_names, file_name_v2"],
        ["3", "* không phải nhấn mạnh *", "\\*thoát\\* và **"],
        ["4", "đậm nghiêng đậm", "dòng một\ndòng hai"],
    ]


def test_markdown_emphasis_on_hostile_long_lines_is_fast() -> None:
    text = "| " + " *a" * 300_000 + " | " + "**b " * 200_000 + " | " + "_" * 500_000 + " |\n"
    t0 = time.process_time()
    doc = read_text(text, "m.md")
    assert time.process_time() - t0 < 3.0
    assert len(doc.tables[0].rows[0].cells) == 3


def test_format_is_decided_from_content() -> None:
    assert read_text("| a | b |\n| c | d |\n", "x.tsv").fmt == "markdown"
    assert read_text("a\tb\nc\td\n", "x.md").fmt == "tsv"


def test_clipboard_text() -> None:
    doc = read_clipboard_text("Stt\tNội dung\n1\tMột\n")
    assert doc.source_name == "Khay nhớ tạm (clipboard)"
    assert doc.fmt == "tsv"
    assert [r.cells for r in doc.tables[0].rows] == [["Stt", "Nội dung"], ["1", "Một"]]
    with pytest.raises(FileRefused) as err:
        read_clipboard_text("chỉ có chữ, không có bảng")
    assert "không tìm thấy bảng phụ lục" in str(err.value)
    assert "Khay nhớ tạm (clipboard)" in str(err.value)


# --------------------------------------------------------------------------- docx


def make_docx() -> bytes:
    """Title paragraphs, a table with horizontal + vertical merges, a paragraph, a second (split) table."""
    doc = Document()
    doc.add_paragraph("PHỤ LỤC 1")
    doc.add_paragraph("")
    doc.add_paragraph("(Kèm theo Kế hoạch số 44/KH-UBND)")
    t1 = doc.add_table(rows=4, cols=4)
    t1.cell(0, 0).text = "Stt"
    t1.cell(0, 1).text = "Chỉ tiêu"
    t1.cell(0, 2).merge(t1.cell(0, 3)).text = "Đơn vị"
    for col, text in enumerate(["", "", "Chủ trì", "Phối hợp"]):
        if text:
            t1.cell(1, col).text = text
    t1.cell(2, 0).text = "1"
    t1.cell(2, 1).text = "Dòng một"
    t1.cell(2, 1).add_paragraph("đoạn hai")
    merged = t1.cell(2, 2).merge(t1.cell(3, 2))
    merged.text = "Phòng VH-XH"
    t1.cell(2, 3).text = "Các phòng"
    t1.cell(3, 0).text = "2"
    t1.cell(3, 1).text = "Dòng hai"
    t1.cell(3, 3).text = "Thôn"
    doc.add_paragraph("Đoạn giữa hai bảng (không phải tiêu đề)")
    t2 = doc.add_table(rows=1, cols=4)
    for col, text in enumerate(["3", "Dòng ba", "UBND", ""]):
        t2.cell(0, col).text = text
    return saved(doc)


def test_generated_docx() -> None:
    doc = read_docx(make_docx(), "ke_hoach.docx")
    assert doc.fmt == "docx"
    assert doc.title_lines == ["PHỤ LỤC 1", "(Kèm theo Kế hoạch số 44/KH-UBND)"]
    assert len(doc.tables) == 2
    assert [r.cells for r in doc.tables[0].rows] == [
        ["Stt", "Chỉ tiêu", "Đơn vị", "Đơn vị"],
        ["", "", "Chủ trì", "Phối hợp"],
        ["1", "Dòng một\nđoạn hai", "Phòng VH-XH", "Các phòng"],
        ["2", "Dòng hai", "Phòng VH-XH", "Thôn"],
    ]
    assert [r.cells for r in doc.tables[1].rows] == [["3", "Dòng ba", "UBND", ""]]
    assert doc.tables[0].preceding_lines == doc.title_lines
    assert doc.tables[1].preceding_lines == ["Đoạn giữa hai bảng (không phải tiêu đề)"]
    assert doc.tables[0].rows[3].place == "bảng 1, hàng 4"
    assert doc.tables[1].rows[0].place == "bảng 2, hàng 1"
    assert doc.tables[1].rows[0].line == 1
    assert read_document(make_docx(), "ke_hoach.docx") == doc


def test_docx_paragraphs_after_the_official_header_table_are_kept() -> None:
    d = Document()
    d.add_paragraph("Mẫu số 01")
    header = d.add_table(rows=1, cols=2)  # the official header block laid out as a table
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ NAM HỒNG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    d.add_paragraph("")
    d.add_paragraph("PHỤ LỤC 1")
    d.add_paragraph("(Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026 của UBND xã Nam Hồng)")
    d.add_paragraph("   ")
    appendix = d.add_table(rows=2, cols=3)
    for col, text in enumerate(["Stt", "Chỉ tiêu", "Thời gian"]):
        appendix.cell(0, col).text = text
    for col, text in enumerate(["1", "Tỷ lệ", "2026"]):
        appendix.cell(1, col).text = text
    d.add_paragraph("Phần tiếp theo\tcó tab")
    d.add_table(rows=0, cols=3)  # an empty table is no table: the paragraphs before it carry on
    d.add_paragraph("Ghi chú")
    last = d.add_table(rows=1, cols=3)
    last.cell(0, 0).text = "2"
    d.add_paragraph("Nơi nhận: (sau bảng cuối)")
    doc = read_document(saved(d), "ke_hoach.docx")
    assert len(doc.tables) == 3
    assert doc.title_lines == ["Mẫu số 01"]
    assert [t.preceding_lines for t in doc.tables] == [
        ["Mẫu số 01"],
        ["PHỤ LỤC 1", "(Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026 của UBND xã Nam Hồng)"],
        ["Phần tiếp theo\tcó tab", "Ghi chú"],
    ]
    assert doc.tables[0].rows[0].cells == [
        "ỦY BAN NHÂN DÂN\nXÃ NAM HỒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    ]
    assert doc.tables[1].rows[0].cells == ["Stt", "Chỉ tiêu", "Thời gian"]
    assert doc.tables[2].rows[0].place == "bảng 3, hàng 1"


def test_docx_5000_rows_is_fast() -> None:
    d = Document()
    rows, cols = 5000, 6
    for r_i, tr in enumerate(d.add_table(rows=rows, cols=cols)._tbl.tr_lst):  # filled through XML: fast
        for c_i, tc in enumerate(tr.tc_lst):
            tc.p_lst[0].add_r().text = f"{r_i}.{c_i} Tỷ lệ hồ sơ xử lý trực tuyến"
    data = saved(d)
    t0 = time.process_time()
    doc = read_docx(data, "lon.docx")
    elapsed = time.process_time() - t0
    assert len(doc.tables[0].rows) == rows
    assert doc.tables[0].rows[-1].cells[-1] == f"{rows - 1}.{cols - 1} Tỷ lệ hồ sơ xử lý trực tuyến"
    print(f"docx 5000x6 read in {elapsed:.2f}s")
    assert elapsed < 3.0


# --------------------------------------------------------------------------- xlsx


def make_xlsx() -> bytes:
    """Title rows, merged headings, floats, a percent, a date, a vertical merge, a second sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục 1"
    ws["A1"] = "PHỤ LỤC 1"
    ws.merge_cells("A1:E1")
    ws["A2"] = "(Kèm theo Kế hoạch số 44/KH-UBND)"
    # row 3 stays empty
    ws["A4"], ws["B4"], ws["C4"], ws["E4"] = "Stt", "Chỉ tiêu", "Đơn vị", "Thời hạn"
    ws.merge_cells("C4:D4")
    ws["C5"], ws["D5"] = "Chủ trì", "Phối hợp"
    ws["A6"], ws["B6"], ws["C6"], ws["D6"], ws["E6"] = 1.0, "Tỷ lệ", "Phòng VH", 4.1, dt.datetime(2026, 12, 31)
    ws["A7"], ws["B7"], ws["D7"], ws["E7"] = 2, "Số hóa", 0.7, dt.date(2026, 4, 1)
    ws["D7"].number_format = "0%"
    ws.merge_cells("C6:C7")
    ws["A8"], ws["B8"] = "3", "Dòng có\nxuống dòng"
    ws2 = wb.create_sheet("Khác")
    ws2["B2"] = 12345678.0
    return saved(wb)


def test_generated_xlsx() -> None:
    doc = read_xlsx(make_xlsx(), "bang.xlsx")
    assert doc.fmt == "xlsx"
    assert doc.title_lines == []
    assert [t.name for t in doc.tables] == ["Phụ lục 1", "Khác"]
    rows = doc.tables[0].rows
    assert [r.line for r in rows] == [1, 2, 4, 5, 6, 7, 8]
    assert [r.cells for r in rows] == [
        ["PHỤ LỤC 1"] * 5,
        ["(Kèm theo Kế hoạch số 44/KH-UBND)", "", "", "", ""],
        ["Stt", "Chỉ tiêu", "Đơn vị", "Đơn vị", "Thời hạn"],
        ["", "", "Chủ trì", "Phối hợp", ""],
        ["1", "Tỷ lệ", "Phòng VH", "4.1", "31/12/2026"],
        ["2", "Số hóa", "Phòng VH", "70%", "01/04/2026"],
        ["3", "Dòng có\nxuống dòng", "", "", ""],
    ]
    assert rows[2].place == "trang tính «Phụ lục 1», hàng 4"
    other = doc.tables[1].rows
    assert [(r.line, r.cells) for r in other] == [(2, ["", "12345678"])]
    assert read_document(make_xlsx(), "bang.xlsx") == doc


HEADER = [
    "Stt",
    "Chỉ tiêu/nhiệm vụ",
    "Đơn vị chủ trì theo dõi, hướng dẫn, đôn đốc, kiểm tra và tổng hợp kết quả thực hiện",
    "Đơn vị chủ trì tổ chức triển khai và báo cáo kết quả thực hiện",
    "Thời gian hoàn thành",
    "Ghi chú",
]


def test_xlsx_5000_rows_is_fast() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["PHỤ LỤC 1"])
    ws.merge_cells("A1:F1")
    ws.append(HEADER)
    for i in range(5000):
        ws.append([f"{i}.1", f"Tỷ lệ hồ sơ số {i}", "Phòng Văn hóa - Xã hội", "Các phòng", "Tháng 12/2026", i * 1.5])
    data = saved(wb)
    t0 = time.process_time()
    doc = read_xlsx(data, "lon.xlsx")
    elapsed = time.process_time() - t0
    assert len(doc.tables[0].rows) == 5002
    assert doc.tables[0].rows[0].cells == ["PHỤ LỤC 1"] * 6
    assert doc.tables[0].rows[-1].cells[-1] == "7498.5"
    print(f"xlsx 5000x6 read in {elapsed:.2f}s")
    assert elapsed < 3.0


def test_xlsx_dates_without_a_day_in_their_format_show_month_and_year() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    formats = [
        ("mm/yyyy", "12/2026"),
        ("m/yyyy", "12/2026"),
        ("mmm yyyy", "12/2026"),
        ("mmmm\\ yyyy", "12/2026"),
        ('"Tháng "mm/yyyy', "12/2026"),
        ('[$-42A]"Tháng "m" năm "yyyy', "12/2026"),
        ("yyyy", "2026"),
        ("dd/mm/yyyy", "31/12/2026"),
        ("d/m/yyyy", "31/12/2026"),
        ("dd mmm yyyy", "31/12/2026"),
        ("yyyy-mm-dd", "31/12/2026"),
        ('"Ngày" dd/mm/yyyy', "31/12/2026"),
    ]
    for row, (number_format, _) in enumerate(formats, start=1):
        ws.cell(row, 1, "Ô").number_format = "General"
        cell = ws.cell(row, 2, dt.datetime(2026, 12, 31))
        cell.number_format = number_format
    ws.cell(len(formats) + 1, 2, dt.datetime(2026, 12, 31, 14, 30)).number_format = "mm/yyyy"
    ws.cell(len(formats) + 2, 2, dt.datetime(2026, 12, 31, 14, 30)).number_format = "dd/mm/yyyy hh:mm"
    doc = read_document(saved(wb), "ngay.xlsx")
    cells = [r.cells[1] for r in doc.tables[0].rows]
    assert cells == [expected for _, expected in formats] + ["12/2026", "31/12/2026 14:30"]


def make_no_appendix_xlsx(rows: int) -> bytes:
    """A big write-only workbook (no <dimension> tag) without any appendix header row."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Số liệu")
    ws.append(["Báo cáo số liệu dân cư"])
    for i in range(rows):
        ws.append([i, f"Hộ {i}", "Thôn Đông", i * 1.5, f"Tổ {i % 40}", "x"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_160k_rows_without_appendix_header_is_read_only_to_the_header_search_limit() -> None:
    data = make_no_appendix_xlsx(160_000)
    assert len(data) > 4 * 10**6
    t0 = time.process_time()
    doc = read_document(data, "so_lieu.xlsx")
    elapsed = time.process_time() - t0
    print(f"xlsx 160000x6 without appendix header handled in {elapsed:.2f}s")
    assert elapsed < 3.0
    rows = doc.tables[0].rows
    assert len(rows) == 300  # the rows read before giving up are kept
    assert rows[0].cells == ["Báo cáo số liệu dân cư", "", "", "", "", ""]
    assert rows[-1].line == 300 and rows[-1].cells == ["298", "Hộ 298", "Thôn Đông", "447", "Tổ 18", "x"]


def test_xlsx_header_search_limit() -> None:
    def workbook(header_at: int, total: int, *, split_header: bool = False) -> bytes:
        wb = openpyxl.Workbook()
        ws = wb.active
        for r in range(1, total + 1):
            if r == header_at and split_header:  # header over two rows, as vertical merges leave it
                ws.append(HEADER[:2] + ["Đơn vị", "", HEADER[4], ""])
                ws.append(["", "", "Theo dõi", "Triển khai", "", ""])
                ws.merge_cells(f"A{r}:A{r + 1}")
                ws.merge_cells(f"B{r}:B{r + 1}")
                ws.merge_cells(f"C{r}:D{r}")
            elif r == header_at:
                ws.append(HEADER)
            elif not (split_header and r == header_at + 1):
                ws.append([f"{r}", f"Dòng {r}"])
        ws["H1"] = "Ghi chú riêng"
        ws.merge_cells("H1:H2")
        return saved(wb)

    doc = read_xlsx(workbook(header_at=300, total=1000), "a.xlsx")
    assert len(doc.tables[0].rows) == 1000
    assert [r.cells[-1] for r in doc.tables[0].rows[:3]] == ["Ghi chú riêng", "Ghi chú riêng", ""]  # merges filled
    doc = read_xlsx(workbook(header_at=299, total=1000, split_header=True), "b.xlsx")
    assert len(doc.tables[0].rows) == 1000
    assert doc.tables[0].rows[299].cells[:4] == ["Stt", "Chỉ tiêu/nhiệm vụ", "Theo dõi", "Triển khai"]
    doc = read_xlsx(workbook(header_at=301, total=1000), "c.xlsx")
    assert [r.line for r in doc.tables[0].rows] == list(range(1, 301))
    # a sheet with no header is cut at the limit, but other sheets are still read fully
    wb = openpyxl.load_workbook(io.BytesIO(workbook(header_at=0, total=400)))
    other = wb.create_sheet("Phụ lục")
    other.append(HEADER)
    for r in range(2000):
        other.append([str(r), "x"])
    doc = read_xlsx(saved(wb), "d.xlsx")
    assert [len(t.rows) for t in doc.tables] == [300, 2001]


def test_docx_wrappers_grid_before_tracked_changes_and_tab_stops() -> None:
    base = make_docx()
    body = (
        "<w:body>"
        '<w:p><w:r><w:t>Tiêu đề</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>xoá</w:delText><w:tab/></w:r>'
        '</w:del><w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve"> thêm</w:t></w:r></w:ins></w:p>'
        "<w:sdt><w:sdtContent><w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        '<w:tr><w:tc><w:p><w:r><w:t>A</w:t><w:br/><w:t>B</w:t><w:br w:type="page"/></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr>'
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="100"/>'
        "</w:tabs></w:pPr><w:r><w:t>D</w:t></w:r></w:p></w:tc>"
        '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>E</w:t></w:r></w:p></w:tc></w:tr>'
        "<w:tr><w:tc><w:p><w:r><w:t>F</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc>"
        "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>"
        "</w:tbl></w:sdtContent></w:sdt><w:sectPr/></w:body>"
    )
    src = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "word/document.xml":
                content = re.sub(r"<w:body>.*</w:body>", body, content.decode(), flags=re.S).encode()
            dst.writestr(info.filename, content)
    doc = read_docx(out.getvalue(), "goi.docx")
    assert doc.title_lines == ["Tiêu đề thêm"]
    assert [r.cells for r in doc.tables[0].rows] == [["A\nB", "C", "C"], ["", "D", "E"], ["F", "", "E"]]
    assert doc.tables[0].rows[1].place == "bảng 1, hàng 2"
