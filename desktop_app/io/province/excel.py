"""Excel (.xlsx) comparison of communes: one row per plan, a percentage per area coloured by its traffic light,
the overall percentage, the counts behind each percentage on a second sheet, and the indicators the plans share
on a third (excel_indicators.py). Percentages are numbers (0–100 with a "%" format) so that the officer can
sort and filter them in Excel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.areas import (
    AREAS,
    COMMUNE_HEADER,
    LIGHT_FILLS,
    LIGHT_INKS,
    LIGHT_NAMES,
    OTHER_NAME,
    OVERALL_HEADER,
    YEAR_HEADER,
    AreaCell,
    Comparison,
    IndicatorRow,
    comparison_note,
    comparison_title,
)
from desktop_app.io.cell_text import formula_like, printable
from desktop_app.io.reports.excel import PAPER_A4, excel_number

SHEET, COUNTS_SHEET = "So sánh", "Số chỉ tiêu"
HEADER_ROW = 4
PERCENT_FORMAT = '0.0"%"'
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
_FILLS = {light: PatternFill("solid", fgColor=colour) for light, colour in LIGHT_FILLS.items()}
_INKS = {light: Font(color=colour) for light, colour in LIGHT_INKS.items()}
_INKS_BOLD = {light: Font(color=colour, bold=True) for light, colour in LIGHT_INKS.items()}


def _text(ws: Worksheet, row: int, column: int, value: str) -> Any:
    """A text cell that stays text: never a formula, even when a commune's name starts with "="."""
    cell = ws.cell(row=row, column=column)
    cell.value = printable(value)
    cell.data_type = "s"
    if formula_like(value):
        cell.quotePrefix = True
    cell.border = _BOX
    return cell


def _headers(ws: Worksheet, names: list[str], widths: list[float], *, freeze_column: int = 3) -> None:
    for column, (name, width) in enumerate(zip(names, widths, strict=False), 1):
        cell = _text(ws, HEADER_ROW, column, name)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=freeze_column).coordinate
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(names))}{ws.max_row}"


def _page(ws: Worksheet, data: Comparison, note: str | None = None) -> None:
    """A4 landscape fitted to the page width; title and note above the table; page numbers below."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    fit, footer = ws.sheet_properties.pageSetUpPr, ws.oddFooter
    assert fit is not None and footer is not None  # every sheet has both (openpyxl types them as optional)
    fit.fitToPage = True
    footer.center.text = "Trang &P/&N"
    footer.center.size = 9
    ws["A1"] = comparison_title(data)
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = comparison_note(data) if note is None else note
    ws["A2"].font = Font(italic=True)


def _percent(ws: Worksheet, row: int, column: int, cell: AreaCell, *, bold: bool = False) -> None:
    out = ws.cell(row=row, column=column)
    out.value = None if cell.percent is None else excel_number(cell.percent)
    out.number_format = PERCENT_FORMAT
    out.fill = _FILLS[cell.light]
    out.font = (_INKS_BOLD if bold else _INKS)[cell.light]
    out.alignment = Alignment(horizontal="center")
    out.border = _BOX
    # the light's name travels with the cell, for whoever reads the sheet in grey or through a screen reader
    if cell.items:
        out.comment = Comment(f"{LIGHT_NAMES[cell.light]}: {cell.completed}/{cell.items} đạt", "")


def _plain(ws: Worksheet, row: int, column: int, value: int | None) -> None:
    out = ws.cell(row=row, column=column, value=value)
    out.border = _BOX
    out.alignment = Alignment(horizontal="center")


def write_comparison_xlsx(data: Comparison, out: BinaryIO, *,
                          indicators: Sequence[IndicatorRow] | None = None) -> None:
    """Write the comparison to out: sheet "So sánh" (percentages, coloured), "Số chỉ tiêu" (counts) and, when
    indicators are given, "Chỉ tiêu chung" (each shared indicator's result per commune)."""
    # imported here: the indicators' sheet uses this module's cell helpers
    from desktop_app.io.province.excel_indicators import write_indicators_sheet

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet (openpyxl types `active` as any sheet, or None)
    ws.title = SHEET
    _page(ws, data)
    names = [COMMUNE_HEADER, YEAR_HEADER, *(a.name for a in AREAS), OVERALL_HEADER]
    for index, row in enumerate(data.rows, HEADER_ROW + 1):
        _text(ws, index, 1, row.commune or f"Kế hoạch #{row.plan_id}")
        _plain(ws, index, 2, row.year)
        for column, cell in enumerate(row.areas, 3):
            _percent(ws, index, column, cell)
        _percent(ws, index, len(names), row.overall, bold=True)
    _headers(ws, names, [24, 7, *([12] * len(AREAS)), 11])

    counts = wb.create_sheet(COUNTS_SHEET)
    _page(counts, data)
    count_names = [COMMUNE_HEADER, YEAR_HEADER]
    for name in [*(a.name for a in AREAS), OTHER_NAME, OVERALL_HEADER]:
        count_names += [f"{name}: số chỉ tiêu", f"{name}: đã đạt"]
    for index, row in enumerate(data.rows, HEADER_ROW + 1):
        _text(counts, index, 1, row.commune or f"Kế hoạch #{row.plan_id}")
        _plain(counts, index, 2, row.year)
        for offset, cell in enumerate([*row.areas, row.other, row.overall]):
            _plain(counts, index, 3 + 2 * offset, cell.items)
            _plain(counts, index, 4 + 2 * offset, cell.completed)
    _headers(counts, count_names, [24, 7, *([10] * (len(count_names) - 2))])
    counts.row_dimensions[HEADER_ROW].height = 48
    if indicators is not None:
        write_indicators_sheet(wb, data, indicators)
    wb.properties.title = comparison_title(data)
    wb.save(out)
