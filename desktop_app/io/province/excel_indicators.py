"""The "Chỉ tiêu chung" sheet of the province comparison workbook: one row per indicator found in several plans,
one column per commune (in the comparison's order) with that commune's latest result, coloured by its light."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from math import ceil

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.areas import (
    AREA_NAMES,
    LIGHT_NAMES,
    CommuneRow,
    Comparison,
    IndicatorCell,
    IndicatorRow,
)
from desktop_app.domain.assessment import EXCEEDED, MET, UNMET
from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.io.province.excel_cells import (
    BOX,
    FILLS,
    HEADER_ROW,
    INKS,
    PERCENT_FORMAT,
    count_cell,
    headers,
    page_setup,
    text_cell,
)
from desktop_app.io.reports.excel import excel_number

INDICATORS_SHEET = "Chỉ tiêu chung"
INDICATOR_HEADER, AREA_HEADER, PLANS_HEADER = "Chỉ tiêu, nhiệm vụ", "Lĩnh vực", "Số kế hoạch có"
FIRST_COMMUNE = 4
RESULT_NAMES = {EXCEEDED: "Vượt", MET: "Đạt", UNMET: "Chưa đạt", None: "Chưa báo cáo"}
COMMUNES_PER_PAGE = 8
"""Commune columns printed across one landscape page (the indicator's column repeats on every page)."""
_WRAP = Alignment(vertical="top", wrap_text=True)
_CENTRE = Alignment(horizontal="center", vertical="top", wrap_text=True)


def indicators_note(data: Comparison, rows: Sequence[IndicatorRow]) -> str:
    """The line under the heading: what the sheet holds, as of when, and what the colours mean."""
    return (f"Các chỉ tiêu, nhiệm vụ có trong ít nhất hai kế hoạch ({len(rows)} chỉ tiêu, nhiệm vụ); kết quả báo "
            f"cáo gần nhất của từng xã; số liệu đến ngày {data.made_at:%d/%m/%Y}. Xanh: đạt hoặc vượt; Đỏ: chưa "
            "đạt; Xám: chưa báo cáo; ô trống: kế hoạch của xã không có chỉ tiêu này.")


def commune_labels(plans: Sequence[CommuneRow]) -> list[str]:
    """The column heading of each plan: its commune, with the year when a commune has several plans."""
    names = [p.commune or f"Kế hoạch #{p.plan_id}" for p in plans]
    repeated = Counter(names)
    return [f"{name} ({p.year})" if repeated[name] > 1 and p.year else name for name, p in zip(names, plans, strict=True)]


def result_text(cell: IndicatorCell) -> str:
    """What a cell without a number says: the status reported, else the result ("Chưa báo cáo")."""
    if cell.status:
        return STATUS_NAMES.get(cell.status, cell.status)
    return RESULT_NAMES.get(cell.result, RESULT_NAMES[None])


def _comment(row: IndicatorRow, cell: IndicatorCell, wording: str) -> Comment | None:
    # the light's name for whoever reads in grey, and the commune's own wording when it differs from the row's
    lines = []
    if cell.result is not None:
        lines.append(f"{LIGHT_NAMES[cell.light]}: {RESULT_NAMES.get(cell.result, cell.result)}")
    if wording and wording != row.text:
        lines.append(f"Kế hoạch của xã ghi: {wording}")
    if not lines:
        return None
    return Comment("\n".join(lines), "", height=110, width=320)


def _result(ws: Worksheet, row: int, column: int, indicator: IndicatorRow, plan_id: int) -> None:
    """One commune's cell: the latest value as a number (a percentage formatted as one), else the status text;
    filled by the result's light; empty when the commune's plan lacks the indicator."""
    cell = indicator.cells.get(plan_id)
    if cell is None and plan_id in indicator.results:  # a row built without cells: its result alone
        cell = IndicatorCell(indicator.results[plan_id])
    if cell is None:
        ws.cell(row=row, column=column).border = BOX
        return
    if cell.value is not None:
        out = ws.cell(row=row, column=column, value=excel_number(cell.value))
        out.number_format = PERCENT_FORMAT if cell.percent else "General"
        out.border = BOX
    else:
        out = text_cell(ws, row, column, result_text(cell))
    out.fill, out.font = FILLS[cell.light], INKS[cell.light]
    out.alignment = _CENTRE
    out.comment = _comment(indicator, cell, indicator.texts.get(plan_id, ""))


def write_indicators_sheet(wb: Workbook, data: Comparison, rows: Sequence[IndicatorRow]) -> Worksheet:
    """Add the "Chỉ tiêu chung" sheet to wb: the indicators rows × the communes of data, in data's order."""
    ws = wb.create_sheet(INDICATORS_SHEET)
    page_setup(ws, data, indicators_note(data, rows))
    plans = list(data.rows)
    for index, indicator in enumerate(rows, HEADER_ROW + 1):
        text_cell(ws, index, 1, indicator.text).alignment = _WRAP
        text_cell(ws, index, 2, AREA_NAMES.get(indicator.area or "", "Khác")).alignment = _WRAP
        count_cell(ws, index, 3, indicator.plans)
        for column, plan in enumerate(plans, FIRST_COMMUNE):
            _result(ws, index, column, indicator, plan.plan_id)
    names = [INDICATOR_HEADER, AREA_HEADER, PLANS_HEADER, *commune_labels(plans)]
    headers(ws, names, [50, 14, 9, *([13] * len(plans))], freeze_column=2)
    ws.row_dimensions[HEADER_ROW].height = 48
    # many communes do not fit one page: spread them over pages, the indicator's column on each
    ws.page_setup.fitToWidth = max(1, ceil(len(plans) / COMMUNES_PER_PAGE))
    ws.print_title_cols = "A:A"
    return ws
