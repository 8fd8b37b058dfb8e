"""The Word report's low-level pieces: safe text, raw WordprocessingML runs and paragraphs, borderless tables and
the appendix table (built as XML directly, because python-docx's cell API is far too slow for a thousand rows).

No Qt, no database: only the report data and python-docx/lxml."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.table import Table
from lxml import etree

from desktop_app.domain.report import APPENDIX, GROUP, ITEM, ReportData, ReportRow

# Characters XML 1.0 forbids (C0 controls but tab and line feed, surrogates, U+FFFE/U+FFFF) and the C1
# controls, which it allows but no one means: any of them would make Word refuse the whole file.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")

TABLE_STYLE_ID = "ChuTrongBang"  # the table text paragraph style (defined by docx_report)
GROUP_FILL = "E7E6E6"  # light grey behind group rows
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def safe(text: object) -> str:
    """text as Word may hold it: NFC, line breaks as "\\n", no character XML 1.0 forbids."""
    if text is None:
        return ""
    s = _LINE_BREAKS.sub("\n", str(text))
    return unicodedata.normalize("NFC", _FORBIDDEN.sub("", s))


def twips(mm: float) -> int:
    """Millimetres in twentieths of a point."""
    return round(mm * 1440 / 25.4)


def percent_text(value: Decimal | None) -> str:
    """A completion rate with a decimal comma and no trailing zeros ("72,5", "100"); "" for none."""
    if value is None:
        return ""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
    return text.replace(".", ",")


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    element = etree.SubElement(parent, qn(tag))
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


def add_runs(p: Any, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> None:
    """Append text to the paragraph element p as one run, "\\n" as line breaks and tabs as tabs."""
    text = safe(text)
    if not text:
        return
    r = _sub(p, "w:r")
    if bold or italic or size:
        rpr = _sub(r, "w:rPr")
        if bold:
            _sub(rpr, "w:b")
            _sub(rpr, "w:bCs")
        if italic:
            _sub(rpr, "w:i")
            _sub(rpr, "w:iCs")
        if size:
            _sub(rpr, "w:sz", val=str(round(size * 2)))
            _sub(rpr, "w:szCs", val=str(round(size * 2)))
    for n, line in enumerate(text.split("\n")):
        if n:
            _sub(r, "w:br")
        for m, piece in enumerate(line.split("\t")):
            if m:
                _sub(r, "w:tab")
            if piece:
                t = _sub(r, "w:t")
                t.text = piece
                t.set(_XML_SPACE, "preserve")


def set_borders(tbl: Any, value: str) -> None:
    """Give table element tbl explicit outer and inner borders: "nil" (none at all) or "single"."""
    tbl_pr = tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = etree.Element(qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if value == "nil":
            _sub(borders, f"w:{side}", val="nil")
        else:
            _sub(borders, f"w:{side}", val=value, sz="4", space="0", color="auto")
    # tblBorders comes after tblStyle/tblpPr/.../tblW/jc/tblCellSpacing/tblInd and before shd/tblLayout/...
    later = {qn(t) for t in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                             "w:tblDescription")}
    for i, child in enumerate(tbl_pr):
        if child.tag in later:
            tbl_pr.insert(i, borders)
            return
    tbl_pr.append(borders)


def fixed_table(doc: Document, widths_mm: list[float], total_mm: float, *, style: str | None) -> Table:
    """An empty table (no rows) of fixed layout whose columns sum exactly to total_mm."""
    table = doc.add_table(rows=0, cols=len(widths_mm))
    if style:
        table.style = doc.styles[style]
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [twips(w) for w in widths_mm]
    widths[-1] += twips(total_mm) - sum(widths)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(width))
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    return table


def column_widths(table: Table) -> list[int]:
    """The table's grid column widths in twips."""
    return [int(c.get(qn("w:w"), "0")) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def _cell(tr: Any, width: int, text: str, *, align: str = "left", bold: bool = False, span: int = 1,
          fill: str | None = None) -> None:
    tc = _sub(tr, "w:tc")
    tc_pr = _sub(tc, "w:tcPr")
    _sub(tc_pr, "w:tcW", w=str(width), type="dxa")
    if span > 1:
        _sub(tc_pr, "w:gridSpan", val=str(span))
    if fill:
        _sub(tc_pr, "w:shd", val="clear", color="auto", fill=fill)
    _sub(tc_pr, "w:vAlign", val="center")
    p = _sub(tc, "w:p")
    p_pr = _sub(p, "w:pPr")
    _sub(p_pr, "w:pStyle", val=TABLE_STYLE_ID)
    if align != "left":
        _sub(p_pr, "w:jc", val=align)
    add_runs(p, text, bold=bold)


@dataclass(frozen=True)
class Column:
    """One appendix column: header, width (mm, scaled to the page), alignment and what it shows of an item."""

    header: str
    width: float
    align: str
    value: Callable[[ReportRow], str]


PROGRESS_COLUMNS = (
    Column("Stt", 14, "center", lambda r: r.number),
    Column("Chỉ tiêu/nhiệm vụ", 68, "left", lambda r: r.text),
    Column("Chỉ tiêu kế hoạch", 27, "center", lambda r: r.targets),
    Column("Kết quả thực hiện", 26, "center", lambda r: r.value_text),
    Column("Tỷ lệ hoàn thành (%)", 24, "center", lambda r: percent_text(r.completion)),
    Column("Đánh giá", 22, "center", lambda r: r.assessment_label),
    Column("Đơn vị chủ trì", 38, "center", lambda r: r.implementing),
    Column("Ghi chú", 33, "left", lambda r: r.result_note),
)
APPENDIX_COLUMNS = (
    Column("Stt", 14, "center", lambda r: r.number),
    Column("Chỉ tiêu/nhiệm vụ", 96, "left", lambda r: r.text),
    Column("Đơn vị theo dõi", 40, "center", lambda r: r.monitoring),
    Column("Đơn vị triển khai, báo cáo", 50, "center", lambda r: r.implementing),
    Column("Thời gian hoàn thành", 27, "center", lambda r: r.deadline),
    Column("Ghi chú", 25, "left", lambda r: r.note),
)


def columns_for(data: ReportData) -> tuple[Column, ...]:
    """The appendix columns of this kind of report."""
    return APPENDIX_COLUMNS if data.kind == APPENDIX else PROGRESS_COLUMNS


def add_appendix_table(doc: Document, data: ReportData, text_width_mm: float) -> Table:
    """The appendix as a "Table Grid" table: a header row repeated on every page, then one row per section,
    group (title across the text columns, groups shaded) and item; no row breaks across pages."""
    columns = columns_for(data)
    scale = text_width_mm / sum(c.width for c in columns)
    table = fixed_table(doc, [c.width * scale for c in columns], text_width_mm, style="Table Grid")
    widths = column_widths(table)
    tbl = table._tbl
    heading_width = sum(widths[1:])

    header = _sub(tbl, "w:tr")
    header_pr = _sub(header, "w:trPr")
    _sub(header_pr, "w:cantSplit")
    _sub(header_pr, "w:tblHeader")
    for column, width in zip(columns, widths, strict=False):
        _cell(header, width, column.header, align="center", bold=True)

    for row in data.rows:
        tr = _sub(tbl, "w:tr")
        _sub(_sub(tr, "w:trPr"), "w:cantSplit")
        if row.kind == ITEM:
            for column, width in zip(columns, widths, strict=False):
                _cell(tr, width, column.value(row), align=column.align)
        else:
            fill = GROUP_FILL if row.kind == GROUP else None
            _cell(tr, widths[0], row.number, align="center", bold=True, fill=fill)
            _cell(tr, heading_width, row.text, bold=True, span=len(widths) - 1, fill=fill)
    return table
