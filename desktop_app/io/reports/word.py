"""The editable Word report (.docx), laid out as an official report under Decree 30/2020 (Phụ lục I).

Progress and unit reports: A4 portrait page with the header block (issuing body, number | national name,
motto, place and date), title, summary line, body and signature block; then a landscape section holding the
appendix table. Appendix reports: only the landscape table under a short heading. Page numbers are centred
in the top margin from page 2. The words all come from domain.report_text; every string is NFC and free of
characters XML forbids.

No Qt, no database: only the report data and python-docx."""

from __future__ import annotations

from datetime import datetime
from typing import Any, BinaryIO, cast

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree
from lxml.etree import _Element as Element

from desktop_app.domain.report import APPENDIX, ReportData
from desktop_app.domain.report_text import (
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_HEADING,
    appendix_title,
    body,
    date_line,
    document_number,
    summary_line,
    title,
    unbroken_period,
)
from desktop_app.io.reports.word_parts import (
    TABLE_STYLE_ID,
    add_appendix_table,
    add_runs,
    fixed_table,
    safe,
    set_borders,
)

FONT = "Times New Roman"
PAGE_SHORT, PAGE_LONG = 210.0, 297.0  # A4, mm
TOP, BOTTOM, LEFT, RIGHT = 20.0, 20.0, 30.0, 15.0  # margins, mm
PORTRAIT_WIDTH = PAGE_SHORT - LEFT - RIGHT  # 165 mm of text
LANDSCAPE_WIDTH = PAGE_LONG - LEFT - RIGHT  # 252 mm
HEADER_COLUMNS = (62.0, PORTRAIT_WIDTH - 62.0)  # issuing body | national name
APPENDIX_HEADER_LEFT = 100.0  # issuing body column of the appendix report
SIGNATURE_COLUMNS = (75.0, PORTRAIT_WIDTH - 75.0)  # recipients | signer
CELL_PADDING = 2 * 0.19 * 10  # Word's default left + right cell margins (0.19 cm each), mm
MOTTO_WIDTH = 56.0  # "Độc lập - Tự do - Hạnh phúc" in Times New Roman bold 13 pt, mm (the line under it)
SIGNATURE_LINES = 4  # empty lines left for the signature and seal

# Paragraph styles: name, styleId (ASCII: Word keeps ids plain), size pt, bold, italic, alignment,
# first-line indent (mm), space before / after (pt), line spacing (None: single), keep with next.
_CENTER, _JUSTIFY, _LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
STYLES: tuple[tuple[Any, ...], ...] = (
    ("Tiêu đề báo cáo", "TieuDeBaoCao", 14, True, False, _CENTER, 0, 18, 0, None, True),
    ("Trích yếu báo cáo", "TrichYeuBaoCao", 14, True, False, _CENTER, 0, 0, 0, None, True),
    ("Mục báo cáo", "MucBaoCao", 14, True, False, _JUSTIFY, 0, 6, 6, 1.15, True),
    ("Nội dung báo cáo", "NoiDungBaoCao", 14, False, False, _JUSTIFY, 10, 0, 6, 1.15, False),
    ("Đầu văn bản", "DauVanBan", 13, False, False, _CENTER, 0, 0, 0, None, False),
    ("Đường kẻ", "DuongKe", 1, False, False, _CENTER, 0, 3, 0, None, False),
    ("Tiêu đề phụ lục", "TieuDePhuLuc", 14, True, False, _CENTER, 0, 0, 6, None, True),
    ("Nơi nhận", "NoiNhan", 12, True, True, _LEFT, 0, 0, 0, None, False),
    ("Danh sách nơi nhận", "DanhSachNoiNhan", 11, False, False, _LEFT, 0, 0, 0, None, False),
    ("Chữ ký", "ChuKy", 14, True, False, _CENTER, 0, 0, 0, None, False),
    ("Chữ trong bảng", TABLE_STYLE_ID, 12, False, False, _LEFT, 0, 1, 1, None, False),
    ("Số trang", "SoTrang", 13, False, False, _CENTER, 0, 0, 0, None, False),
)


def _fonts(rpr: Any) -> None:
    """Times New Roman for every script (Vietnamese letters count as complex/east-asian in some Words),
    replacing the template's theme fonts, which would otherwise win."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.Element(qn("w:rFonts"))
        rpr.insert(0, fonts)
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), FONT)


def _setup_styles(doc: Document) -> None:
    """Normal: Times New Roman 14 pt, 6 pt after, 1.15 lines, Vietnamese; then the report's named styles."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
        lang.set(qn("w:eastAsia"), "vi-VN")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    _fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(14)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.widow_control = True
    for name, style_id, size, bold, italic, align, indent, before, after, spacing, keep in STYLES:
        style = cast(ParagraphStyle, doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
        style.element.set(qn("w:styleId"), style_id)
        style.base_style = normal
        style.quick_style = True
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(indent)
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        if spacing is None:
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        else:
            fmt.line_spacing = spacing
        fmt.keep_with_next = keep
    rule = doc.styles["Đường kẻ"].paragraph_format
    rule.line_spacing = Pt(1)  # exactly one point: an empty paragraph that is only its top border
    rule.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def _page(section: Section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_LONG if landscape else PAGE_SHORT)
    section.page_height = Mm(PAGE_SHORT if landscape else PAGE_LONG)
    section.top_margin, section.bottom_margin = Mm(TOP), Mm(BOTTOM)
    section.left_margin, section.right_margin = Mm(LEFT), Mm(RIGHT)
    section.header_distance = section.footer_distance = Mm(10)
    section.gutter = Mm(0)


def _page_number(paragraph: Paragraph) -> None:
    """A PAGE field (shown as the page's number) in paragraph."""
    p: Element = paragraph._p  # lxml's own type: SubElement() gives its parent's (CT_P's text is read-only)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        r = etree.SubElement(p, qn("w:r"))
        if kind == "instr":
            instr = etree.SubElement(r, qn("w:instrText"))
            instr.text = text
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        elif kind == "text":
            etree.SubElement(r, qn("w:t")).text = text
        else:
            etree.SubElement(r, qn("w:fldChar")).set(qn("w:fldCharType"), kind)


def _page_numbers(doc: Document) -> None:
    """Page numbers centred at the top of every page but the first: the first section has a blank
    first-page header; later sections number all their pages (they never hold page 1)."""
    for n, section in enumerate(doc.sections):
        section.different_first_page_header_footer = n == 0
        header = section.header
        header.is_linked_to_previous = False  # its own copy: LibreOffice and old Words lay it out alike
        paragraph = header.paragraphs[0]
        paragraph.style = doc.styles["Số trang"]
        _page_number(paragraph)
        if n == 0:
            first = section.first_page_header
            first.is_linked_to_previous = False
            first.paragraphs[0].style = doc.styles["Số trang"]


def _para(container: Any, text: str, style: str, *, bold: bool = False, italic: bool = False,
          size: float | None = None) -> Paragraph:
    """A paragraph of style holding text; a table cell's own first, empty paragraph is used first."""
    if isinstance(container, _Cell) and len(container.paragraphs) == 1 and not container.paragraphs[0].text \
            and container.paragraphs[0].style.name == "Normal":
        paragraph = container.paragraphs[0]
        paragraph.style = style
    else:
        paragraph = container.add_paragraph(style=style)
    add_runs(paragraph._p, text, bold=bold, italic=italic, size=size)
    return paragraph


def _rule(container: Any, width: float, room: float, *, after: float = 0) -> None:
    """A centred horizontal line width mm long under the previous paragraph, room mm being available, and
    after pt of space below it."""
    paragraph = _para(container, "", "Đường kẻ")
    if after:
        paragraph.paragraph_format.space_after = Pt(after)
    indent = max((room - width) / 2, 0)
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(indent)
    p_pr: Element = paragraph._p.get_or_add_pPr()
    borders = etree.Element(qn("w:pBdr"))
    top = etree.SubElement(borders, qn("w:top"))
    for attr, value in (("val", "single"), ("sz", "6"), ("space", "0"), ("color", "auto")):
        top.set(qn(f"w:{attr}"), value)
    # pBdr sits after pStyle/keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers
    anchor = p_pr.find(qn("w:pStyle"))
    p_pr.insert(list(p_pr).index(anchor) + 1 if anchor is not None else 0, borders)


def _hairline(paragraph: Paragraph) -> None:
    """Make an empty paragraph one point high."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def _borderless(doc: Document, widths: tuple[float, float], rows: int) -> list[list[_Cell]]:
    table = fixed_table(doc, list(widths), sum(widths), style=None)
    set_borders(table._tbl, "nil")
    cells = []
    for _ in range(rows):
        row = table.add_row()
        row._tr.get_or_add_trPr().append(etree.Element(qn("w:cantSplit")))  # a signature never splits
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = Mm(width)
        cells.append(row.cells)
    return cells


def _issuer(cell: _Cell, data: ReportData, width: float) -> None:
    """The issuing body in bold capitals over a short centred line, in a column width mm wide."""
    room = width - CELL_PADDING
    _para(cell, data.issuing_body.upper(), "Đầu văn bản", bold=True)
    _rule(cell, min(22.0, room / 2), room)


def _nation(cell: _Cell, width: float) -> None:
    """National name and motto, the motto underlined by a line as long as itself."""
    _para(cell, NATIONAL_NAME, "Đầu văn bản", bold=True, size=12)
    _para(cell, MOTTO, "Đầu văn bản", bold=True, size=13)
    _rule(cell, MOTTO_WIDTH, width - CELL_PADDING)


def _header_block(doc: Document, data: ReportData) -> None:
    """Issuing body and number on the left, national name, motto, place and date on the right; the number and
    the date share a row so they stand on one line."""
    (body_cell, nation), (number_cell, date_cell) = _borderless(doc, HEADER_COLUMNS, 2)
    _issuer(body_cell, data, HEADER_COLUMNS[0])
    _nation(nation, HEADER_COLUMNS[1])
    _para(number_cell, document_number(), "Đầu văn bản").paragraph_format.space_before = Pt(4)
    _para(date_cell, date_line(data), "Đầu văn bản", italic=True, size=14).paragraph_format.space_before = Pt(4)


def _signature(doc: Document, data: ReportData) -> None:
    """Recipients on the left, the signer on the right."""
    doc.add_paragraph(style="Đầu văn bản")  # a little air between the body and the signature
    ((recipients, signer),) = _borderless(doc, SIGNATURE_COLUMNS, 1)
    _para(recipients, RECIPIENTS_HEADING, "Nơi nhận")
    for name in data.settings.recipients:
        _para(recipients, f"- {name}", "Danh sách nơi nhận")
    settings = data.settings
    _para(signer, settings.signer_on_behalf, "Chữ ký")
    _para(signer, settings.signer_title, "Chữ ký")
    for _ in range(SIGNATURE_LINES):
        _para(signer, "", "Chữ ký")
    _para(signer, settings.signer_name, "Chữ ký")


def _report_pages(doc: Document, data: ReportData) -> None:
    _header_block(doc, data)
    _para(doc, title(data), "Tiêu đề báo cáo")
    _para(doc, unbroken_period(data, summary_line(data)), "Trích yếu báo cáo")
    _rule(doc, 40.0, PORTRAIT_WIDTH, after=12)
    for paragraph in body(data):
        _para(doc, paragraph.text, "Mục báo cáo" if paragraph.heading else "Nội dung báo cáo")
    _signature(doc, data)


def _appendix_heading(doc: Document, data: ReportData) -> None:
    """Appendix report: issuing body | national name and motto, each above its line, then the title lines."""
    widths = (APPENDIX_HEADER_LEFT, LANDSCAPE_WIDTH - APPENDIX_HEADER_LEFT)
    ((body_cell, nation),) = _borderless(doc, widths, 1)
    _issuer(body_cell, data, widths[0])
    _nation(nation, widths[1])
    _para(doc, title(data), "Tiêu đề báo cáo")
    _para(doc, appendix_title(data), "Tiêu đề phụ lục")


def write_docx(data: ReportData, out: BinaryIO) -> None:
    """Write the report as an editable Word document to the open binary file out."""
    doc = new_document()
    _setup_styles(doc)
    if data.kind == APPENDIX:
        _page(doc.sections[0], landscape=True)
        _appendix_heading(doc, data)
    else:
        _page(doc.sections[0], landscape=False)
        _report_pages(doc, data)
        _page(doc.add_section(WD_SECTION.NEW_PAGE), landscape=True)
        _hairline(doc.paragraphs[-1])  # the paragraph ending the portrait section: no blank page for it
        _para(doc, appendix_title(data), "Tiêu đề phụ lục")
    add_appendix_table(doc, data, LANDSCAPE_WIDTH)
    _page_numbers(doc)
    props = doc.core_properties
    props.title = safe(summary_line(data))
    props.author = props.last_modified_by = safe(data.issuing_body)
    props.subject = safe(data.plan_title)
    props.keywords = props.comments = props.category = ""
    props.language = "vi-VN"
    props.created = props.modified = datetime.now().replace(microsecond=0)
    props.revision = 1
    doc.save(out)
