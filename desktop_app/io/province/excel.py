"""Excel (.xlsx) comparison of communes: one row per plan, a percentage per area coloured by its traffic light,
the overall percentage, the counts behind each percentage on a second sheet, and the indicators the plans share
on a third (excel_indicators.py). Percentages are numbers (0–100 with a "%" format) so that the officer can
sort and filter them in Excel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.areas import (
    AREAS,
    COMMUNE_HEADER,
    OTHER_NAME,
    OVERALL_HEADER,
    YEAR_HEADER,
    Comparison,
    IndicatorRow,
    comparison_title,
)

SHEET, COUNTS_SHEET = "So sánh", "Số chỉ tiêu"
from desktop_app.io.province.excel_cells import HEADER_ROW, count_cell, headers, page_setup, percent_cell, text_cell
from desktop_app.io.province.excel_indicators import write_indicators_sheet


def write_comparison_xlsx(data: Comparison, out: BinaryIO, *,
                          indicators: Sequence[IndicatorRow] | None = None) -> None:
    """Write the comparison to out: sheet "So sánh" (percentages, coloured), "Số chỉ tiêu" (counts) and, when
    indicators are given, "Chỉ tiêu chung" (each shared indicator's result per commune)."""

    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet (openpyxl types `active` as any sheet, or None)
    ws.title = SHEET
    page_setup(ws, data)
    names = [COMMUNE_HEADER, YEAR_HEADER, *(a.name for a in AREAS), OVERALL_HEADER]
    for index, row in enumerate(data.rows, HEADER_ROW + 1):
        text_cell(ws, index, 1, row.commune or f"Kế hoạch #{row.plan_id}")
        count_cell(ws, index, 2, row.year)
        for column, cell in enumerate(row.areas, 3):
            percent_cell(ws, index, column, cell)
        percent_cell(ws, index, len(names), row.overall, bold=True)
    headers(ws, names, [24, 7, *([12] * len(AREAS)), 11])

    counts = wb.create_sheet(COUNTS_SHEET)
    page_setup(counts, data)
    count_names = [COMMUNE_HEADER, YEAR_HEADER]
    for name in [*(a.name for a in AREAS), OTHER_NAME, OVERALL_HEADER]:
        count_names += [f"{name}: số chỉ tiêu", f"{name}: đã đạt"]
    for index, row in enumerate(data.rows, HEADER_ROW + 1):
        text_cell(counts, index, 1, row.commune or f"Kế hoạch #{row.plan_id}")
        count_cell(counts, index, 2, row.year)
        for offset, cell in enumerate([*row.areas, row.other, row.overall]):
            count_cell(counts, index, 3 + 2 * offset, cell.items)
            count_cell(counts, index, 4 + 2 * offset, cell.completed)
    headers(counts, count_names, [24, 7, *([10] * (len(count_names) - 2))])
    counts.row_dimensions[HEADER_ROW].height = 48
    if indicators is not None:
        write_indicators_sheet(wb, data, indicators)
    wb.properties.title = comparison_title(data)
    wb.save(out)
