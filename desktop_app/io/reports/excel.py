"""Excel (.xlsx) report: one sheet per section (the plan's columns, a result/assessment column pair per
reporting period, the latest result) and a flat "Dữ liệu" sheet, one row per item × period × unit, for pivot
tables. Written with openpyxl in write-only mode: rows stream to disk, and only cells that need a look (borders,
wrapping, number and date formats) are Cell objects sharing a few precomputed style arrays.

Numbers are numbers (percentages as 0–100 with a "%" format, so 72.5 shows as 72,5% in a Vietnamese Excel),
dates are dates. No text ever becomes a formula: see cell_text.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, BinaryIO, Protocol, cast

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.report import (
    APPENDIX,
    GROUP,
    ITEM,
    SECTION,
    ReportData,
    ReportRow,
)
from desktop_app.domain.report_text import appendix_title, summary_line
from desktop_app.io.cell_text import formula_like, printable
from desktop_app.io.reports.csv_export import (
    DATE_COLUMNS,
    DATETIME_COLUMN,
    FLAT_COLUMNS,
    NUMBER_COLUMNS,
    TEXT_COLUMNS,
    flat_values,
)

DATA_SHEET = "Dữ liệu"
SHEET_NAME_MAX = 31
PLAN_COLUMNS = (("Stt", 6), ("Chỉ tiêu/nhiệm vụ", 60), ("Chỉ tiêu kế hoạch", 18), ("Đơn vị theo dõi", 25),
                ("Đơn vị triển khai", 28), ("Thời gian hoàn thành", 13), ("Ghi chú", 16))
PERIOD_COLUMNS = (("Kết quả", 10), ("Đánh giá", 14))
LATEST_COLUMNS = (("Kết quả", 10), ("Đánh giá", 14), ("Ghi chú kết quả", 28))
DATA_WIDTHS = (30, 30, 6, 60, 18, 13, 10, 14, 11, 11, 28, 10, 10, 10, 15, 15, 40, 30, 16, 20)
"""Column widths of the "Dữ liệu" sheet, whose columns are csv_export.FLAT_COLUMNS."""
HEADER_ROW = 4
"""Rows 1–3 hold the title; the two header rows are 4 and 5, the table starts at 6."""
FIRST_ROW = HEADER_ROW + 2
NUMBER_FORMATS = {(False, True): "#,##0", (False, False): "#,##0.##",
                  (True, True): '#,##0"%"', (True, False): '#,##0.##"%"'}
"""(percent, integral) -> format; integral numbers get no decimal separator ("72" not "72,")."""
DATE_FORMAT, DATETIME_FORMAT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
PROGRESS_EVERY = 500
PAPER_A4 = 9  # Worksheet.PAPERSIZE_A4 (not on write-only sheets)

_SHEET_FORBIDDEN_RE = re.compile(r"[\[\]:*?/\\]+")
_SPACES_RE = re.compile(r"\s+")


def sheet_title(number: str, text: str, taken: set[str]) -> str:
    """A valid, unused worksheet name for a section: "I. Phân công…" (at most 31 characters, none of []:*?/\\,
    unique ignoring case); the name is added to taken (lower-cased)."""
    base = _SPACES_RE.sub(" ", _SHEET_FORBIDDEN_RE.sub(" ", f"{number}. {text}" if number else text)).strip(" '")
    base = base or "Phụ lục"
    name, n = base, 1
    while True:
        if len(name) > SHEET_NAME_MAX:
            suffix = name[len(base):]
            name = base[:SHEET_NAME_MAX - 1 - len(suffix)].rstrip(" '.") + "…" + suffix
        if name.lower() not in taken and name.lower() != "history":
            taken.add(name.lower())
            return name
        n += 1
        name = f"{base} ({n})"


def excel_number(value: Decimal) -> int | float:
    """A Decimal as Excel stores it: int when integral, float otherwise."""
    return int(value) if value == value.to_integral_value() else float(value)


def _is_percent(text: str) -> bool:
    """Whether the shown result is a percentage ("72,5%", "45/60 (75%)")."""
    return text.endswith(("%", "%)"))


def _local(moment: datetime) -> datetime:
    """Excel has no time zones: an aware time is shown in local time."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


def _header_text(text: str) -> str:
    """Text for a print header: "&" doubled (it starts a code there), within Excel's 255 characters."""
    return text.replace("&", "&&")[:250]


class _Styled(Protocol):
    """A cell's looks as openpyxl keeps them (StyleableObject._style; its stubs leave it out)."""

    _style: StyleArray


class _Styles:
    """The workbook's few cell looks, as style arrays every Cell copies (no per-cell style lookups)."""

    def __init__(self, wb: Workbook) -> None:
        # a stand-in sheet: style lookups only need cell.parent.parent, the workbook
        self._owner = cast(Worksheet, SimpleNamespace(parent=wb))
        self._quoted: dict[tuple[int, ...], StyleArray] = {}
        thin = Side(style="thin", color="808080")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        top = Alignment(vertical="top", wrap_text=True)
        centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
        middle = Alignment(horizontal="center", vertical="center", wrap_text=True)
        bold = Font(bold=True)
        # Titles left-aligned and not merged: a merged, centred title would straddle the frozen columns and
        # sit off-screen on a laptop; this way it reads from A1 wherever the window is.
        self.title = self._make(font=Font(bold=True, size=13))
        self.subtitle = self._make(font=Font(italic=True))
        self.header = self._make(font=bold, alignment=middle, border=box,
                                 fill=PatternFill("solid", fgColor="D9D9D9"))
        self.section = self._make(font=bold, alignment=top, border=box, fill=PatternFill("solid", fgColor="BDD7EE"))
        self.group = self._make(font=bold, alignment=top, border=box, fill=PatternFill("solid", fgColor="DDEBF7"))
        self.text = self._make(alignment=top, border=box)
        self.centre = self._make(alignment=centre, border=box)
        self.numbers = {key: self._make(alignment=Alignment(vertical="top"), border=box, number_format=fmt)
                        for key, fmt in NUMBER_FORMATS.items()}
        self.data_header = self._make(font=bold, alignment=middle, fill=PatternFill("solid", fgColor="D9D9D9"))
        self.date = self._make(number_format=DATE_FORMAT)
        self.datetime = self._make(number_format=DATETIME_FORMAT)
        self.plain_quoted = self.quoted(StyleArray())

    def _make(self, **looks: Any) -> StyleArray:
        cell = Cell(self._owner, 1, 1)
        for name, look in looks.items():
            setattr(cell, name, look)
        return cast(_Styled, cell)._style

    def quoted(self, style: StyleArray) -> StyleArray:
        """style with Excel's quote-prefix flag: the text stays text even when someone edits the cell."""
        key = tuple(style)
        found = self._quoted.get(key)
        if found is None:
            found = self._quoted[key] = StyleArray(style)
            found.quotePrefix = 1
        return found


class _XlsxWriter:
    """Writes one ReportData into a write-only workbook."""

    def __init__(self, data: ReportData, on_progress: Callable[[int, int], None] | None) -> None:
        self.data = data
        self.on_progress = on_progress
        self.wb = Workbook(write_only=True)
        self.wb.properties.title = summary_line(data)
        self.wb.properties.creator = data.issuing_body
        self.results = data.kind != APPENDIX
        self.periods = list(data.periods) if self.results else []
        self.total = len(data.rows) + len(data.flat)
        self.done = 0
        self.taken = {DATA_SHEET.lower()}
        self.styles = _Styles(self.wb)
        self.memo: dict[str, Any] = {}

    # -- cells ---------------------------------------------------------------------------------------------
    def cell(self, ws: Any, value: Any, style: StyleArray) -> Cell:
        """A styled cell; text is always a string cell, never a formula or an error value."""
        if value.__class__ is str:
            if not value:
                return Cell(ws, 1, 1, style_array=style)
            value = printable(value)
            if formula_like(value) or value in ERROR_CODES:
                cell = Cell(ws, 1, 1, style_array=self.styles.quoted(style))
                cell.value = value
                cell.data_type = "s"
                return cell
        return Cell(ws, 1, 1, value=value, style_array=style)

    def plain(self, ws: Any, value: str) -> Any:
        """Unstyled text for the data sheet: the str itself, None for blank, a quoted Cell when formula-like.
        Results are memoised (texts repeat down the sheet; a Cell is written at once, so it can be reused)."""
        if not value:
            return None
        found = self.memo.get(value)
        if found is not None:
            return found
        shown: Any = printable(value)
        if formula_like(shown) or shown in ERROR_CODES:
            cell = Cell(ws, 1, 1, style_array=self.styles.plain_quoted)  # styled, so openpyxl never rebinds it
            cell.value = shown
            cell.data_type = "s"
            shown = cell
        if len(self.memo) < 50_000:
            self.memo[value] = shown
        return shown

    def result(self, ws: Any, value: Decimal | None, text: str) -> Cell:
        """A result: the number with its format, or the status text."""
        if value is None:
            return self.cell(ws, text, self.styles.centre)
        number = excel_number(value)
        return Cell(ws, 1, 1, value=number, style_array=self.styles.numbers[_is_percent(text), type(number) is int])

    def tick(self) -> None:
        self.done += 1
        if self.on_progress is not None and self.done % PROGRESS_EVERY == 0 and self.done < self.total:
            self.on_progress(self.done, self.total)

    # -- sheets --------------------------------------------------------------------------------------------
    def page(self, ws: Any, widths: Iterable[float]) -> None:
        """Column widths, A4 landscape fitted to the page width, the commune and plan in the print header."""
        for index, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = PAPER_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_margins.left, ws.page_margins.right = 0.5, 0.4
        ws.page_margins.top, ws.page_margins.bottom = 0.7, 0.6
        ws.page_margins.header = ws.page_margins.footer = 0.3
        ws.print_options.horizontalCentered = True
        year = f" năm {self.data.year}" if self.data.year else ""
        plan = f"Kế hoạch {self.data.plan_number}" if self.data.plan_number else f"Kế hoạch chuyển đổi số{year}"
        ws.oddHeader.center.text = _header_text(" — ".join(p for p in (self.data.issuing_body, plan) if p))
        ws.oddHeader.center.size = 9
        ws.oddFooter.center.text = "Trang &P/&N"
        ws.oddFooter.center.size = 9

    def columns(self) -> list[tuple[str, float]]:
        cols: list[tuple[str, float]] = list(PLAN_COLUMNS)
        for _ in self.periods:
            cols += PERIOD_COLUMNS
        if self.results:
            cols += LATEST_COLUMNS
        return cols

    def latest_label(self) -> str:
        if self.data.period is not None:
            return f"Kết quả {self.data.period.label}"
        return f"Kết quả đến {self.data.as_of:%d/%m/%Y}"

    def appendix_sheet(self, number: str, text: str) -> Any:
        """A section's sheet with its title rows and the two header rows written."""
        ws = self.wb.create_sheet(sheet_title(number, text, self.taken))
        s = self.styles
        cols = self.columns()
        self.page(ws, (w for _, w in cols))
        ws.freeze_panes = f"C{FIRST_ROW}"
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
        ws.row_dimensions[1].height = 21
        subtitle = "" if not self.results else f"Số liệu tính đến ngày {self.data.as_of:%d/%m/%Y}"
        for line, style in ((appendix_title(self.data), s.title), (summary_line(self.data), s.subtitle),
                            (subtitle, s.subtitle)):
            ws.append([self.cell(ws, line, style)])
        top = [self.cell(ws, name, s.header) for name, _ in PLAN_COLUMNS]
        bottom = [self.cell(ws, None, s.header) for _ in PLAN_COLUMNS]
        for index in range(1, len(PLAN_COLUMNS) + 1):
            letter = get_column_letter(index)
            ws.merged_cells.add(f"{letter}{HEADER_ROW}:{letter}{HEADER_ROW + 1}")
        groups: list[tuple[str, tuple[tuple[str, int], ...]]] = [(p.label, PERIOD_COLUMNS) for p in self.periods]
        if self.results:
            groups.append((self.latest_label(), LATEST_COLUMNS))
        for label, sub in groups:
            start = len(top) + 1
            top += [self.cell(ws, label, s.header)] + [self.cell(ws, None, s.header) for _ in sub[1:]]
            bottom += [self.cell(ws, name, s.header) for name, _ in sub]
            ws.merged_cells.add(f"{get_column_letter(start)}{HEADER_ROW}:"
                                f"{get_column_letter(start + len(sub) - 1)}{HEADER_ROW}")
        ws.row_dimensions[HEADER_ROW].height = ws.row_dimensions[HEADER_ROW + 1].height = 22
        ws.append(top)
        ws.append(bottom)
        return ws

    def heading_row(self, ws: Any, row: ReportRow, style: StyleArray, width: int) -> None:
        ws.append([self.cell(ws, row.number, style), self.cell(ws, row.text, style)]
                  + [Cell(ws, 1, 1, style_array=style) for _ in range(width - 2)])

    def item_row(self, ws: Any, row: ReportRow) -> None:
        s = self.styles
        cell, text, centre = self.cell, s.text, s.centre
        cells = [cell(ws, row.number, centre), cell(ws, row.text, text), cell(ws, row.targets, text),
                 cell(ws, row.monitoring, text), cell(ws, row.implementing, text), cell(ws, row.deadline, centre),
                 cell(ws, row.note, text)]
        if self.results:
            by_period = list(row.by_period[:len(self.periods)])
            for pc in by_period:
                cells += [self.result(ws, pc.value, pc.text), cell(ws, pc.assessment_label, centre)]
            for _ in range(len(self.periods) - len(by_period)):
                cells += [cell(ws, "", text), cell(ws, "", text)]
            cells += [self.result(ws, row.value, row.value_text), cell(ws, row.assessment_label, centre),
                      cell(ws, row.result_note, text)]
        ws.append(cells)

    def appendix(self) -> None:
        """One sheet per section: section and group rows shaded and bold, then the items."""
        s = self.styles
        width = len(self.columns())
        ws = None
        for row in self.data.rows:
            if row.kind == SECTION:
                ws = self.appendix_sheet(row.number, row.text)
                self.heading_row(ws, row, s.section, width)
            else:
                if ws is None:
                    ws = self.appendix_sheet("", "Phụ lục")
                if row.kind == GROUP:
                    self.heading_row(ws, row, s.group, width)
                elif row.kind == ITEM:
                    self.item_row(ws, row)
            self.tick()
        if ws is None:
            self.appendix_sheet("", "Phụ lục")

    def data_sheet(self) -> None:
        """The flat sheet: one row per report, header frozen, autofilter on (for pivot tables)."""
        s = self.styles
        ws = self.wb.create_sheet(DATA_SHEET)
        for index, width in enumerate(DATA_WIDTHS, 1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = PAPER_A4
        ws.auto_filter.ref = f"A1:{get_column_letter(len(FLAT_COLUMNS))}{len(self.data.flat) + 1}"
        ws.append([self.cell(ws, name, s.data_header) for name in FLAT_COLUMNS])
        plain, date_style = self.plain, s.date
        for values in flat_values(self.data):
            row = list(values)
            for i in TEXT_COLUMNS:
                row[i] = plain(ws, row[i])
            for i in DATE_COLUMNS:
                if row[i] is not None:
                    row[i] = Cell(ws, 1, 1, value=row[i], style_array=date_style)
            for i in NUMBER_COLUMNS:
                if row[i] is not None:
                    row[i] = excel_number(row[i])
            moment = row[DATETIME_COLUMN]
            if moment is not None:
                row[DATETIME_COLUMN] = Cell(ws, 1, 1, value=_local(moment).replace(microsecond=0),
                                            style_array=s.datetime)
            ws.append(row)
            self.tick()

    def save(self, out: BinaryIO) -> None:
        """Every sheet, then the zip (total/total is reported once the file is complete)."""
        if self.on_progress is not None:
            self.on_progress(0, self.total)
        self.appendix()
        if self.results or self.data.flat:
            self.data_sheet()
        self.wb.save(out)
        if self.on_progress is not None:
            self.on_progress(self.total, self.total)


def write_xlsx(data: ReportData, out: BinaryIO, *,
               on_progress: Callable[[int, int], None] | None = None) -> None:
    """Write the report as an Excel workbook to out; on_progress(done, total) is called as rows are written."""
    _XlsxWriter(data, on_progress).save(out)

