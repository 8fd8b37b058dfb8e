"""The Word report: Decree 30 layout, real styles, the appendix table, page numbers and hostile text."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
import unicodedata
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from db.engine import Database
from desktop_app.domain.report import (
    APPENDIX,
    GROUP,
    ITEM,
    SECTION,
    UNIT,
    GroupSummary,
    ReportData,
    ReportRow,
    ReportSettings,
)
from desktop_app.domain.report_text import (
    MOTTO,
    NATIONAL_NAME,
    document_number,
    summary_line,
)
from desktop_app.io.reports.word import write_docx
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.services.progress import record_progress
from desktop_app.services.reports import build_report
from tests.conftest import MINH_TAN, NAM_HONG

TODAY = date(2026, 11, 24)
PROGRESS_HEADERS = ["Stt", "Chỉ tiêu/nhiệm vụ", "Chỉ tiêu kế hoạch", "Kết quả thực hiện", "Tỷ lệ hoàn thành (%)",
                    "Đánh giá", "Đơn vị chủ trì", "Ghi chú"]
APPENDIX_HEADERS = ["Stt", "Chỉ tiêu/nhiệm vụ", "Đơn vị theo dõi", "Đơn vị triển khai, báo cáo",
                    "Thời gian hoàn thành", "Ghi chú"]


def _docx(data: ReportData) -> tuple[Document, bytes]:
    out = io.BytesIO()
    write_docx(data, out)
    raw = out.getvalue()
    return docx.Document(io.BytesIO(raw)), raw


def _plan(db: Database, path: Path = NAM_HONG) -> int:
    plan_id = import_file(db, path=path).plan_id
    items = {i["number"]: i["id"] for i in show(db, plan_id=plan_id)["plans"][0]["items"] if i["section"] == "I"}
    record_progress(db, item_id=items["2.1"], period="2026-Q3", value=Decimal(80))  # > 70%: 100
    record_progress(db, item_id=items["2.2"], period="2026-Q3", value=Decimal(50))  # ≥ 70%: 71,4
    return plan_id


def _borders(table) -> dict[str, str]:  # type: ignore[no-untyped-def]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {} if borders is None else {b.tag.split("}")[1]: b.get(qn("w:val")) for b in borders}


def _texts(table) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.text for row in table.rows for cell in row.cells for p in cell.paragraphs)


def test_progress_report_layout(db: Database) -> None:
    data = build_report(db, plan_id=_plan(db), period="2026-Q3", today=TODAY)
    doc, raw = _docx(data)

    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {a: fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == dict.fromkeys(
        ("ascii", "hAnsi", "eastAsia", "cs"), "Times New Roman")
    assert normal.paragraph_format.space_after == Pt(6)
    content = doc.styles["Nội dung báo cáo"].paragraph_format
    assert content.first_line_indent.mm == pytest.approx(10, abs=0.05)
    assert content.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    used = {p.style.name for p in doc.paragraphs}
    assert {"Tiêu đề báo cáo", "Trích yếu báo cáo", "Mục báo cáo", "Nội dung báo cáo"} <= used
    assert [p.text for p in doc.paragraphs if p.style.name == "Tiêu đề báo cáo"] == ["BÁO CÁO"]
    assert summary_line(data) in [p.text.replace("\u00a0", " ") for p in doc.paragraphs]

    portrait, landscape = doc.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT
    assert (portrait.page_width.mm, portrait.page_height.mm) == pytest.approx((210, 297), abs=0.05)
    assert [m.mm for m in (portrait.top_margin, portrait.bottom_margin, portrait.left_margin,
                           portrait.right_margin)] == pytest.approx([20, 20, 30, 15], abs=0.05)
    assert landscape.orientation == WD_ORIENT.LANDSCAPE and landscape.page_width > landscape.page_height

    header_table, signature, appendix = doc.tables
    for borderless in (header_table, signature):
        assert borderless.style is None or borderless.style.name != "Table Grid"
        assert set(_borders(borderless).values()) == {"nil"} and len(_borders(borderless)) == 6
    header_text = _texts(header_table)
    for text in ("UBND XÃ NAM HỒNG", NATIONAL_NAME, MOTTO, document_number(), "Nam Hồng, ngày"):
        assert text in header_text
    assert "Nơi nhận:" in _texts(signature) and "TM. ỦY BAN NHÂN DÂN" in _texts(signature)

    assert appendix.style.name == "Table Grid"
    rows = appendix.rows
    assert len(rows) == len(data.rows) + 1
    assert [c.text for c in rows[0].cells] == PROGRESS_HEADERS
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)
    assert all(p.style.name == "Chữ trong bảng" for c in rows[5].cells for p in c.paragraphs)
    assert doc.styles["Chữ trong bảng"].font.size == Pt(12)
    widths = [int(c.get(qn("w:w"))) for c in appendix._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) == round(252 * 1440 / 25.4)
    by_number = {}
    for report_row, row in zip(data.rows, rows[1:], strict=False):
        tcs = row._tr.findall(qn("w:tc"))
        if report_row.kind == ITEM:
            assert len(tcs) == 8
            by_number[report_row.number] = [tc.xpath("string(.)") for tc in tcs]
        else:  # number, then the title across the seven text columns; groups shaded
            assert len(tcs) == 2 and tcs[1].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "7"
            assert tcs[1].xpath("string(.)") == report_row.text
            assert (tcs[1].tcPr.find(qn("w:shd")) is not None) == (report_row.kind == GROUP)
    assert by_number["2.1"][2:6] == ["> 70%", "80%", "100", "Vượt"]
    assert by_number["2.2"][4] == "71,4"

    headers = doc.part.package.parts
    xml = {str(p.partname): p.blob.decode() for p in headers if "header" in str(p.partname)}
    assert portrait.different_first_page_header_footer and not landscape.different_first_page_header_footer
    assert "PAGE" in portrait.header._element.xml and "PAGE" in landscape.header._element.xml
    assert not portrait.first_page_header.is_linked_to_previous
    assert "PAGE" not in portrait.first_page_header._element.xml
    assert sum("PAGE" in x for x in xml.values()) == 2

    assert doc.core_properties.title == summary_line(data)
    assert doc.core_properties.author == "UBND XÃ NAM HỒNG"
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        assert z.testzip() is None


def test_appendix_report(db: Database) -> None:
    data = build_report(db, plan_id=import_file(db, path=NAM_HONG).plan_id, kind=APPENDIX, today=TODAY)
    doc, raw = _docx(data)
    (section,) = doc.sections
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    heading, table = doc.tables
    assert "UBND XÃ NAM HỒNG" in _texts(heading) and MOTTO in _texts(heading)
    assert set(_borders(heading).values()) == {"nil"}
    assert summary_line(data).upper() in [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" not in [p.text for p in doc.paragraphs]  # no report body
    assert [c.text for c in table.rows[0].cells] == APPENDIX_HEADERS
    assert len(table.rows) == len(data.rows) + 1
    first_item = next(i for i, r in enumerate(data.rows) if r.kind == ITEM) + 1
    cells = [c.text for c in table.rows[first_item].cells]
    assert cells[0] == "1.1" and cells[2] == "Phòng Văn hóa - Xã hội" and cells[4] == "Thường xuyên"
    document_xml = zipfile.ZipFile(io.BytesIO(raw)).read("word/document.xml").decode()
    nfc = unicodedata.normalize("NFC", "Phòng Văn hóa - Xã hội")
    assert nfc in document_xml and unicodedata.normalize("NFD", nfc) not in document_xml


def test_unit_report_holds_only_the_unit(db: Database) -> None:
    plan_id = import_file(db, path=MINH_TAN).plan_id
    unit = next(u for i in show(db, plan_id=plan_id)["plans"][0]["items"] for u in i["implementing_units"])
    data = build_report(db, plan_id=plan_id, kind=UNIT, unit=unit, period="2026-Q3", today=TODAY)
    doc, _ = _docx(data)
    assert len(doc.sections) == 2
    assert f"(đơn vị: {data.unit})" in doc.core_properties.title
    assert len(doc.tables[-1].rows) == len(data.rows) + 1


def _hostile(text: str) -> str:
    return unicodedata.normalize("NFD", text) + "\x00\x01\x08\x0b\x0c\x1b\x7f\ufffe\ud800"


def test_hostile_text_gives_a_valid_nfc_document() -> None:
    settings = ReportSettings(issuing_body=_hostile("UBND XÃ HOÀ BÌNH"), signer_name=_hostile("Nguyễn Văn Ân"),
                              recipients=(_hostile("Lưu: VT."),))
    data = ReportData(
        kind="progress", commune=_hostile("Hoà Bình"), plan_title="Kế hoạch", plan_number="1/KH-UBND",
        plan_date=date(2026, 1, 5), year=2026, as_of=date(2026, 9, 30), settings=settings,
        rows=[ReportRow(SECTION, "I", "I", _hostile("Phần một")),
              ReportRow(GROUP, "I", "1", _hostile("Nhóm một")),
              ReportRow(ITEM, "I", "1.1", _hostile("Dòng một\r\ndòng hai\tcột"), targets="≥ 70%",
                        result_note=_hostile("ghi chú"), assessment="no_data", assessment_label="Chưa có số liệu")],
        groups=[GroupSummary("1", _hostile("Nhóm một"), {"no_data": 1})],
    )
    doc, raw = _docx(data)  # python-docx re-parses every part: the XML is well formed
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                text = z.read(name).decode("utf-8")
                assert text == unicodedata.normalize("NFC", text)
                assert not any(ch in text for ch in "\x00\x01\x08\x0b\x0c\x1b\x7f\ufffe")
    assert "UBND XÃ HOÀ BÌNH" in _texts(doc.tables[0])
    assert doc.core_properties.author == "UBND XÃ HOÀ BÌNH"
    item = doc.tables[-1].rows[3].cells
    assert item[1].text == "Dòng một\ndòng hai\tcột"
    assert "Nguyễn Văn Ân" in _texts(doc.tables[1]) and "- Lưu: VT." in _texts(doc.tables[1])


def _big(items: int) -> ReportData:
    rows: list[ReportRow] = []
    for g in range(items // 20):
        if g % 10 == 0:
            rows.append(ReportRow(SECTION, "I", str(g // 10 + 1), "Phần về chuyển đổi số"))
        rows.append(ReportRow(GROUP, "I", str(g + 1), "Về phát triển hạ tầng số"))
        rows.extend(ReportRow(
            ITEM, "I", f"{g + 1}.{i + 1}", "Tỷ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản đạt 100%",
            targets="≥ 70%", implementing="Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã", value_text="50%",
            completion=Decimal("71.4"), assessment="in_progress", assessment_label="Đang thực hiện",
            item_kind="indicator") for i in range(20))
    return ReportData(kind="progress", commune="Nam Hồng", plan_title="Kế hoạch", plan_number="44/KH-UBND",
                      plan_date=date(2026, 4, 1), year=2026, as_of=date(2026, 9, 30), rows=rows,
                      groups=[GroupSummary(str(g + 1), "Nhóm", {"in_progress": 20}) for g in range(items // 20)])


def test_a_thousand_items_take_seconds_not_minutes() -> None:
    data = _big(1000)
    start = time.process_time()
    doc, _ = _docx(data)
    assert time.process_time() - start < 5
    assert len(doc.tables[-1].rows) == len(data.rows) + 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_it(db: Database, tmp_path: Path) -> None:
    """Opened by a real word processor: Vietnamese text intact, number only from page 2, landscape appendix."""
    pypdf = pytest.importorskip("pypdf")
    data = build_report(db, plan_id=_plan(db), period="2026-Q3", today=TODAY)
    source = tmp_path / "report.docx"
    with source.open("wb") as out:
        write_docx(data, out)
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                       check=True, capture_output=True, timeout=60)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"LibreOffice could not convert: {exc}")
    reader = pypdf.PdfReader(tmp_path / "report.pdf")
    pages = [unicodedata.normalize("NFC", p.extract_text()) for p in reader.pages]
    assert len(pages) >= 3
    assert "BÁO CÁO" in pages[0] and NATIONAL_NAME in pages[0] and "Hạnh phúc" in pages[0]
    assert not pages[0].lstrip().startswith("1")
    assert pages[1].lstrip().startswith("2")
    box = reader.pages[-1].mediabox
    assert box.width > box.height  # the appendix is landscape
    assert "Tỷ lệ hoàn" in pages[-1]  # the header row repeats on the last page
