"""Excel (.xlsx) input: one RawTable per worksheet, merged ranges filled, read with openpyxl in read-only mode."""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import warnings
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Protocol, cast

from lxml import etree

from desktop_app.errors import FileRefused
from desktop_app.io.appendix.columns import is_header_row
from desktop_app.io.appendix.raw import RawDocument, RawRow, RawTable
from desktop_app.io.safety import check_zip

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

MAX_SHEET_CELLS = 1_000_000
"""Most cells (non-empty ones read, and rows kept x width) for one worksheet, merge fills included."""
MAX_MERGES = 100_000
"""Most merged ranges accepted in one worksheet."""
EXCEL_MAX_ROW = 1_048_576
HEADER_SEARCH_ROWS = 300
"""A worksheet with no appendix header row among its first this-many non-empty rows is not read further."""
_HEADER_BAND = 3
"""Header rows looked at together (a header split over rows by vertical merges has its parts in separate rows)."""

READ_FAILED = "appendix.xlsx_unreadable"
"""The code of the message for a .xlsx that cannot be read; it takes the reader's words as {detail}."""
NO_TABLE = "appendix.xlsx_no_table"

_REF_RE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
# Parts of a number format that are not date codes: quoted text, escaped characters, [colours/locales], _x and *x.
_FORMAT_LITERAL_RE = re.compile(r'"[^"]*"?|\\.|\[[^\]]*\]?|[_*].')


class ReadOnlySheet(Protocol):
    """A worksheet as read here: openpyxl 3.1's ReadOnlyWorksheet, with the internals its stubs leave out (the
    sheet's XML stream, and its rows read without the size probe)."""

    title: str

    def reset_dimensions(self) -> None: ...

    def _get_source(self) -> IO[bytes]: ...

    def _cells_by_row(self, min_col: int, min_row: int, max_col: int | None,
                      max_row: int | None) -> Iterator[tuple[object, ...]]: ...


class _SheetList(Protocol):
    """A workbook's own list of its sheets (openpyxl keeps it in _sheets; its stubs leave it out)."""

    _sheets: list[object]


def _cell_index(ref: str) -> tuple[int, int] | None:
    """(row, column) of an A1-style reference, or None."""
    match = _REF_RE.fullmatch(ref.strip())
    if not match:
        return None
    col = 0
    for letter in match.group(1).upper():
        col = col * 26 + ord(letter) - 64
    return int(match.group(2)), col


def _merged_ranges(ws: object, name: str) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges (min_row, min_col, max_row, max_col), parsed from its XML with entities off."""
    ranges: list[tuple[int, int, int, int]] = []
    with ws._get_source() as src:  # type: ignore[attr-defined]  # openpyxl 3.1 read-only internals
        parser = etree.iterparse(
            src, events=("end",), tag=("{*}row", "{*}mergeCell"), resolve_entities=False, no_network=True,
            load_dtd=False, huge_tree=False,
        )
        for _, element in parser:
            if len(ranges) > MAX_MERGES:
                title = ws.title  # type: ignore[attr-defined]
                raise FileRefused("appendix.sheet_too_many_merges", file=name, sheet=title)
            if str(element.tag).endswith("}mergeCell") or element.tag == "mergeCell":
                ends = [_cell_index(part) for part in (element.get("ref") or "").split(":")]
                if len(ends) == 2 and (first := ends[0]) and (last := ends[1]):
                    (r1, c1), (r2, c2) = first, last
                    ranges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    return ranges


def _number_text(value: float, number_format: str) -> str:
    """A number as text: 1.0 -> "1", 4.1 -> "4.1", 0.7 formatted as percent -> "70%"."""
    percent = "%" in (number_format or "")
    if percent:
        value = value * 100
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, float):
        text = format(value, ".15g")
    else:
        text = str(value)
    return text + "%" if percent else text


@functools.lru_cache(maxsize=256)
def _dayless_date_pattern(number_format: str) -> str | None:
    """strftime pattern for a date format with no day: "%m/%Y" ("mm/yyyy", "mmm yyyy"), "%Y" ("yyyy"), else None."""
    codes = _FORMAT_LITERAL_RE.sub("", number_format or "").split(";")[0].lower()
    if "y" not in codes or "d" in codes:
        return None
    return "%m/%Y" if "m" in codes else "%Y"


def cell_text(value: object, number_format: str = "General") -> str:
    """An openpyxl cell value as the text a user sees (dates dd/mm/yyyy, or mm/yyyy when the format has no day)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.date):
        dayless = _dayless_date_pattern(number_format)
        if dayless:
            return value.strftime(dayless)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M" if value.second == 0 else "%d/%m/%Y %H:%M:%S")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M" if value.second == 0 else "%H:%M:%S")
    if isinstance(value, (int, float)):
        return _number_text(value, number_format)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _has_header(band: list[dict[int, str]]) -> bool:
    """Whether the last row of the band, alone or together with the rows just above it, is an appendix header."""
    return any(
        is_header_row([text for row in band[start:] for text in row.values()])
        for start in range(len(band) - 1, -1, -1)
    )


def _sheet_table(ws: ReadOnlySheet, name: str) -> RawTable:
    """One worksheet as a RawTable: non-empty rows with real row numbers, merged ranges filled.

    A sheet with no appendix header among its first HEADER_SEARCH_ROWS non-empty rows is not an appendix: it is
    read no further, and its merged ranges are left unfilled (they are listed after the last row of the sheet's
    XML, so finding them would mean parsing the whole sheet after all); the table says it was cut short.
    """
    title = ws.title
    values: dict[int, dict[int, str]] = {}
    count = 0
    band: list[dict[int, str]] = []  # the last non-empty rows, while no header has been seen
    header_seen = truncated = False
    ws.reset_dimensions()  # never trust the <dimension> tag: it can be huge
    for row_number, row in enumerate(ws._cells_by_row(1, 1, None, None), start=1):
        if row_number > EXCEL_MAX_ROW:
            break  # openpyxl yields an empty row for every missing number: stop at Excel's last row
        count += len(row)
        if count > MAX_SHEET_CELLS:
            raise FileRefused("appendix.sheet_too_many_cells", file=name, sheet=title, limit=MAX_SHEET_CELLS)
        for col, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            if value is None:
                continue
            formatted = isinstance(value, (int, float, dt.date)) and not isinstance(value, bool)
            text = cell_text(value, getattr(cell, "number_format", "General") if formatted else "General")
            if text:
                values.setdefault(row_number, {})[col] = text
        if header_seen or row_number not in values:
            continue
        band = [*band[1 - _HEADER_BAND :], values[row_number]]
        header_seen = _has_header(band)
        if not header_seen and len(values) >= HEADER_SEARCH_ROWS:
            truncated = True  # no appendix header near the top: not an appendix sheet, keep what was read
            break
    if not values:
        return RawTable(rows=[], name=title)
    max_row = max(values)
    width = max(max(cols) for cols in values.values())
    budget = MAX_SHEET_CELLS
    for r1, c1, r2, c2 in [] if truncated else _merged_ranges(ws, name):
        top = values.get(r1, {}).get(c1)
        if not top:
            continue
        r2, c2 = min(r2, max_row), min(c2, width)
        budget -= max(0, r2 - r1 + 1) * max(0, c2 - c1 + 1)
        if budget < 0:
            raise FileRefused("appendix.sheet_merge_too_large", file=name, sheet=title)
        for r in range(r1, r2 + 1):
            cols = values.setdefault(r, {})
            for c in range(c1, c2 + 1):
                cols[c] = top
    if len(values) * width > MAX_SHEET_CELLS:
        raise FileRefused("appendix.sheet_too_large", file=name, sheet=title, rows=len(values), columns=width)
    rows = []
    for r in sorted(values):
        cols = values[r]
        rows.append(
            RawRow(cells=[cols.get(c, "") for c in range(1, width + 1)], line=r, place=f"trang tính «{title}», hàng {r}")
        )
    return RawTable(rows=rows, name=title, truncated=truncated)


def _load_workbook(source: io.BytesIO) -> tuple[Workbook, list[ReadOnlySheet]]:
    """openpyxl's read-only load_workbook, without its size probe of every worksheet; the workbook and its
    worksheets.

    openpyxl looks for a <dimension> tag when it opens a sheet and, when the tag is missing (files written by
    openpyxl's write-only mode, some exporters), parses the whole sheet to find it: seconds for a big sheet that
    the size checks here would then stop early. The readers never use that size (see reset_dimensions).
    """
    from openpyxl.reader.excel import ExcelReader  # imported here: keeps start-up light
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class Sheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            """No size probe."""

    class Reader(ExcelReader):
        sheets: list[ReadOnlySheet]

        def read_worksheets(self) -> None:
            """Open every worksheet lazily (chart sheets, which hold no cells, are left out)."""
            self.sheets = []
            for sheet, rel in self.parser.find_sheets():
                if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                    ws = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                    ws.sheet_state = sheet.state or "visible"  # no state: visible (as Excel reads it)
                    # the workbook's list itself: its _add_sheet() refuses a read-only sheet
                    cast(_SheetList, self.wb)._sheets.append(ws)
                    self.sheets.append(cast(ReadOnlySheet, ws))  # a ReadOnlyWorksheet has what ReadOnlySheet names

    reader = Reader(source, read_only=True, keep_vba=False, data_only=True, keep_links=False)
    reader.read()
    return reader.wb, reader.sheets


def read_xlsx(data: bytes, name: str, *, checked: bool = False) -> RawDocument:
    """Read every worksheet of a .xlsx; `checked` skips check_zip when the caller already ran it."""
    if not checked:
        check_zip(data, name)
    doc = RawDocument(source_name=name, fmt="xlsx")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb, sheets = _load_workbook(io.BytesIO(data))
            try:
                for ws in sheets:
                    doc.tables.append(_sheet_table(ws, name))
            finally:
                wb.close()
    except FileRefused:
        raise
    except Exception as exc:  # InvalidFileException, KeyError, ValueError, XML syntax errors, BadZipFile...
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise FileRefused(READ_FAILED, file=name, detail=detail) from exc
    if not any(t.rows for t in doc.tables):
        raise FileRefused(NO_TABLE, file=name)
    return doc
