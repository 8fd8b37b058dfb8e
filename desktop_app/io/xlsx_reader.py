"""Excel (.xlsx) input: one RawTable per worksheet, merged ranges filled, read with openpyxl in read-only mode."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings

from lxml import etree

from desktop_app.errors import FileRefused
from desktop_app.io.safety import check_zip
from desktop_app.io.tables import RawDocument, RawRow, RawTable

MAX_SHEET_CELLS = 1_000_000
"""Most cells (non-empty ones read, and rows kept x width) for one worksheet, merge fills included."""
MAX_MERGES = 100_000
"""Most merged ranges accepted in one worksheet."""
EXCEL_MAX_ROW = 1_048_576

READ_FAILED = "Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không đúng định dạng Excel 2007 trở lên"
NO_TABLE = "Trong tệp Excel không tìm thấy bảng phụ lục (mọi trang tính đều trống)."

_REF_RE = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


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
    ranges = []
    with ws._get_source() as src:  # type: ignore[attr-defined]  # openpyxl 3.1 read-only internals
        parser = etree.iterparse(
            src, events=("end",), tag=("{*}row", "{*}mergeCell"), resolve_entities=False, no_network=True,
            load_dtd=False, huge_tree=False,
        )
        for _, element in parser:
            if len(ranges) > MAX_MERGES:
                raise FileRefused(f"Trang tính «{ws.title}» có quá nhiều vùng gộp ô.", file=name)  # type: ignore[attr-defined]
            if element.tag.endswith("}mergeCell") or element.tag == "mergeCell":
                ends = [_cell_index(part) for part in (element.get("ref") or "").split(":")]
                if len(ends) == 2 and ends[0] and ends[1]:
                    (r1, c1), (r2, c2) = ends  # type: ignore[misc]
                    ranges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
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


def cell_text(value: object, number_format: str = "General") -> str:
    """An openpyxl cell value as the text a user sees (dates dd/mm/yyyy, no spurious ".0")."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
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


def _sheet_table(ws: object, name: str) -> RawTable:
    """One worksheet as a RawTable: non-empty rows with real row numbers, merged ranges filled."""
    title = ws.title  # type: ignore[attr-defined]
    values: dict[int, dict[int, str]] = {}
    count = 0
    ws.reset_dimensions()  # type: ignore[attr-defined]  # never trust the <dimension> tag: it can be huge
    for row_number, row in enumerate(ws._cells_by_row(1, 1, None, None), start=1):  # type: ignore[attr-defined]
        if row_number > EXCEL_MAX_ROW:
            break  # openpyxl yields an empty row for every missing number: stop at Excel's last row
        count += len(row)
        if count > MAX_SHEET_CELLS:
            raise FileRefused(f"Trang tính «{title}» quá lớn (trên {MAX_SHEET_CELLS} ô).", file=name)
        for col, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            if value is None:
                continue
            is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
            text = cell_text(value, getattr(cell, "number_format", "General") if is_number else "General")
            if text:
                values.setdefault(row_number, {})[col] = text
    if not values:
        return RawTable(rows=[], name=title)
    max_row = max(values)
    width = max(max(cols) for cols in values.values())
    budget = MAX_SHEET_CELLS
    for r1, c1, r2, c2 in _merged_ranges(ws, name):
        top = values.get(r1, {}).get(c1)
        if not top:
            continue
        r2, c2 = min(r2, max_row), min(c2, width)
        budget -= max(0, r2 - r1 + 1) * max(0, c2 - c1 + 1)
        if budget < 0:
            raise FileRefused(f"Trang tính «{title}» có vùng gộp ô quá lớn.", file=name)
        for r in range(r1, r2 + 1):
            cols = values.setdefault(r, {})
            for c in range(c1, c2 + 1):
                cols[c] = top
    if len(values) * width > MAX_SHEET_CELLS:
        raise FileRefused(
            f"Trang tính «{title}» quá lớn ({len(values)} hàng × {width} cột) — hãy xoá các ô thừa rồi lưu lại.", file=name
        )
    rows = []
    for r in sorted(values):
        cols = values[r]
        rows.append(
            RawRow(cells=[cols.get(c, "") for c in range(1, width + 1)], line=r, place=f"trang tính «{title}», hàng {r}")
        )
    return RawTable(rows=rows, name=title)


def read_xlsx(data: bytes, name: str, *, checked: bool = False) -> RawDocument:
    """Read every worksheet of a .xlsx; `checked` skips check_zip when the caller already ran it."""
    if not checked:
        check_zip(data, name)
    doc = RawDocument(source_name=name, fmt="xlsx")
    try:
        import openpyxl  # imported here: keeps start-up light

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
            try:
                for ws in wb.worksheets:
                    doc.tables.append(_sheet_table(ws, name))
            finally:
                wb.close()
    except FileRefused:
        raise
    except Exception as exc:  # InvalidFileException, KeyError, ValueError, XML syntax errors, BadZipFile...
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise FileRefused(f"{READ_FAILED} ({detail}).", file=name) from exc
    if not any(t.rows for t in doc.tables):
        raise FileRefused(NO_TABLE, file=name)
    return doc
