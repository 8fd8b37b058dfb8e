"""The cells every sheet of the province comparison workbook shares: boxed text, headers, the page set-up,
percentages on their traffic-light fill, plain counts."""

from __future__ import annotations

from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.areas import (
    LIGHT_FILLS,
    LIGHT_INKS,
    LIGHT_NAMES,
    AreaCell,
    Comparison,
    comparison_note,
    comparison_title,
)
from desktop_app.io.cell_text import formula_like, printable
from desktop_app.io.reports.excel import PAPER_A4, excel_number

SHEET, COUNTS_SHEET = "So sánh", "Số chỉ tiêu"
HEADER_ROW = 4
PERCENT_FORMAT = '0.0"%"'
_THIN = Side(style="thin", color="808080")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9D9D9")
FILLS = {light: PatternFill("solid", fgColor=colour) for light, colour in LIGHT_FILLS.items()}
INKS = {light: Font(color=colour) for light, colour in LIGHT_INKS.items()}
INKS_BOLD = {light: Font(color=colour, bold=True) for light, colour in LIGHT_INKS.items()}


def text_cell(ws: Worksheet, row: int, column: int, value: str) -> Any:
    """A text cell that stays text: never a formula, even when a commune's name starts with "="."""
    cell = ws.cell(row=row, column=column)
    cell.value = printable(value)
    cell.data_type = "s"
    if formula_like(value):
        cell.quotePrefix = True
    cell.border = BOX
    return cell


def headers(ws: Worksheet, names: list[str], widths: list[float], *, freeze_column: int = 3) -> None:
    for column, (name, width) in enumerate(zip(names, widths, strict=False), 1):
        cell = text_cell(ws, HEADER_ROW, column, name)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.row_dimensions[HEADER_ROW].height = 32
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=freeze_column).coordinate
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(names))}{ws.max_row}"


def page_setup(ws: Worksheet, data: Comparison, note: str | None = None) -> None:
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


def percent_cell(ws: Worksheet, row: int, column: int, cell: AreaCell, *, bold: bool = False) -> None:
    out = ws.cell(row=row, column=column)
    out.value = None if cell.percent is None else excel_number(cell.percent)
    out.number_format = PERCENT_FORMAT
    out.fill = FILLS[cell.light]
    out.font = (INKS_BOLD if bold else INKS)[cell.light]
    out.alignment = Alignment(horizontal="center")
    out.border = BOX
    # the light's name travels with the cell, for whoever reads the sheet in grey or through a screen reader
    if cell.items:
        out.comment = Comment(f"{LIGHT_NAMES[cell.light]}: {cell.completed}/{cell.items} đạt", "")


def count_cell(ws: Worksheet, row: int, column: int, value: int | None) -> None:
    out = ws.cell(row=row, column=column, value=value)
    out.border = BOX
    out.alignment = Alignment(horizontal="center")
