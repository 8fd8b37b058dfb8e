"""Reading a filled reporting form (see sheet.py) back: size and zip checks first, then the hidden sheet,
the checksum of the fixed part (naming the first edited cell), and every input cell parsed, with each error
naming its sheet, row and column. Raises only FileRefused (not our form, broken, edited) or InvalidValue
(a wrong input)."""

from __future__ import annotations

import io
import warnings
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from desktop_app.domain.progress import (
    MAX_DECIMALS,
    MAX_NUMBER,
    STATUS_NAMES,
    ProgressRuleError,
    check_report_details,
    parse_decimal,
)
from desktop_app.domain.text import clean, search_key
from desktop_app.errors import AppError, FileRefused, InvalidValue
from desktop_app.io.appendix.xlsx_reader import READ_FAILED, ReadOnlySheet, cell_text
from desktop_app.io.forms.sheet import (
    COL_DENOMINATOR,
    COL_EVIDENCE,
    COL_NARRATIVE,
    COL_NUMERATOR,
    COL_STATUS,
    COL_VALUE,
    FIRST_ROW,
    FORM_SHEET,
    FORMAT,
    HEADER_KEYS,
    HIDDEN_SHEET,
    ITEMS_ROW,
    MAX_CELL_CHARS,
    MAX_FORM_BYTES,
    MAX_FORM_ROWS,
    MODES,
    NUMBER_COLUMNS,
    UUID_RE,
    WIDTH,
    FilledForm,
    FormEntry,
    FormHeader,
    cell_digest,
    input_columns,
    place,
    seal_matches,
)
from desktop_app.io.safety import check_zip
from desktop_app.messages import Joined, Message

NOT_A_FORM = "form.not_a_form"
MAX_ERRORS = 20
_STATUS_WORDS = {**{search_key(n): code for code, n in STATUS_NAMES.items()},
                 **{code.replace("_", " "): code for code in STATUS_NAMES}}
_STEP = Decimal(1).scaleb(-MAX_DECIMALS)


def _refuse(code: str, name: str, **args: Any) -> FileRefused:
    return FileRefused(code, file=name, **args)


def _rows(ws: ReadOnlySheet, last_row: int, width: int) -> dict[int, dict[int, Any]]:
    """(row → column → cell) of rows 1..last_row, columns 1..width; whatever lies beyond is never parsed."""
    out: dict[int, dict[int, Any]] = {}
    ws.reset_dimensions()  # never trust the <dimension> tag
    for r, row in enumerate(ws._cells_by_row(1, 1, width, last_row), start=1):  # openpyxl 3.1 internals
        if r > last_row:
            break
        out[r] = {c: cell for c, cell in enumerate(row, start=1) if getattr(cell, "value", None) is not None}
    return out


def _text(cell: Any) -> str:
    """A fixed cell's content as the checksum sees it: the string itself; any other value never equals text."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    return value if isinstance(value, str) else f"\x00{type(value).__name__}:{value!r}"


def _header(rows: dict[int, dict[int, Any]], name: str) -> tuple[FormHeader, int, str]:
    values = {}
    for r, key in enumerate(HEADER_KEYS, start=1):
        if _text(rows.get(r, {}).get(1)) != key:
            raise _refuse(NOT_A_FORM, name)
        values[key] = _text(rows.get(r, {}).get(2))
    if values["format"] != FORMAT:
        raise _refuse("form.other_version", name, version=values["format"][:40], expected=FORMAT)
    count = values["rows"]
    if not (count.isdigit() and len(count) < 6 and int(count) <= MAX_FORM_ROWS):
        raise _refuse(NOT_A_FORM, name)
    if not all(UUID_RE.fullmatch(values[k]) for k in ("plan_uuid", "unit_uuid", "period_uuid")):
        raise _refuse(NOT_A_FORM, name)
    header = FormHeader(**{k: values[k] for k in HEADER_KEYS[1:-2]})
    return header, int(count), values["checksum"]


def _number(cell: Any, line: int, column: int) -> Decimal | None:
    value = cell.value
    where = place(line, column)
    number: Decimal | None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            raise InvalidValue("form.not_a_number", place=where, value=value)
        if "%" in (getattr(cell, "number_format", "") or ""):
            number *= 100  # "70%" typed in Excel is stored as 0.7
        if abs(number) >= MAX_NUMBER:
            raise InvalidValue("form.number_too_large", place=where, value=value)
        # A float from Excel carries binary noise (0.07 × 100): rounded to the decimals a person types.
        return number.quantize(_STEP, rounding=ROUND_HALF_EVEN).normalize() if number != number.to_integral() \
            else number.quantize(Decimal(1))
    if not isinstance(value, str):
        shown = cell_text(value, getattr(cell, "number_format", "General"))
        raise InvalidValue("form.not_a_number", place=where, value=shown)
    typed = clean(value)
    try:
        number = parse_decimal(typed, "")
    except ProgressRuleError as exc:
        if exc.code == "progress.number_too_large":
            raise InvalidValue("form.typed_number_too_large", place=where, value=typed[:60]) from None
        if exc.code == "progress.too_many_decimals":
            raise InvalidValue("form.too_many_decimals", place=where, value=typed[:60], limit=MAX_DECIMALS) from None
        raise InvalidValue("form.not_a_number", place=where, value=typed[:60]) from None
    if number is None:
        return None
    if abs(number) >= MAX_NUMBER:
        raise InvalidValue("form.typed_number_too_large", place=where, value=typed[:60])
    exponent = number.as_tuple().exponent  # an int: parse_decimal gives finite numbers only
    if number != 0 and isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        raise InvalidValue("form.too_many_decimals", place=where, value=typed[:60], limit=MAX_DECIMALS)
    return number


def _status(cell: Any, line: int) -> str | None:
    typed = clean(cell_text(cell.value) if not isinstance(cell.value, str) else cell.value)
    if not typed:
        return None
    code = _STATUS_WORDS.get(search_key(typed))
    if code is None:
        names = ", ".join(STATUS_NAMES.values())
        raise InvalidValue("form.bad_status", place=place(line, COL_STATUS), value=typed[:60], names=names)
    return code


def _note(cell: Any) -> str:
    value = cell.value
    return clean(value if isinstance(value, str) else cell_text(value, getattr(cell, "number_format", "General")))


def _entry(cells: dict[int, Any], line: int, item_uuid: str, mode: str, errors: list[InvalidValue]) -> FormEntry:
    got: dict[str, Any] = {}
    keys = {COL_VALUE: "value", COL_NUMERATOR: "numerator", COL_DENOMINATOR: "denominator", COL_STATUS: "status",
            COL_NARRATIVE: "narrative", COL_EVIDENCE: "evidence"}
    for column in input_columns(mode):
        cell = cells.get(column)
        if cell is None:
            continue
        try:
            if isinstance(cell.value, str) and len(cell.value) > MAX_CELL_CHARS:
                raise InvalidValue("form.cell_too_long", place=place(line, column), length=len(cell.value),
                                   limit=MAX_CELL_CHARS)
            if column in NUMBER_COLUMNS:
                got[keys[column]] = _number(cell, line, column)
            elif column == COL_STATUS:
                got["status"] = _status(cell, line)
            else:
                got[keys[column]] = _note(cell)
                check_report_details(**{keys[column]: got[keys[column]]})
        except ProgressRuleError as exc:
            errors.append(InvalidValue(exc.coded, place=place(line, column)))
        except InvalidValue as exc:
            errors.append(exc)
    text = _text(cells.get(3))
    return FormEntry(line=line, item_uuid=item_uuid, mode=mode, number=_text(cells.get(2)), text=text, **got)


def _edited_cell(expected: dict[str, str], rows: dict[int, dict[int, Any]], inputs: set[str]) -> str | None:
    """The first fixed cell whose content differs from what was written (by its stored digest), if any."""
    from openpyxl.utils import get_column_letter

    last = max(rows, default=0)
    for r in range(1, last + 1):
        for c in range(1, WIDTH + 1):
            coordinate = f"{get_column_letter(c)}{r}"
            if coordinate in inputs:
                continue
            text = _text(rows.get(r, {}).get(c))
            digest = expected.get(coordinate)
            if (digest is None and text) or (digest is not None and digest != cell_digest(coordinate, text)):
                return coordinate
    return None


def combine(errors: list[InvalidValue], name: str) -> InvalidValue:
    """One InvalidValue naming the first wrong cell and listing the others."""
    first = errors[0]
    if len(errors) == 1:
        return InvalidValue(first.coded, file=name, place=first.place)
    others = [Joined(["- ", e.place or "", ": ", e.coded]) for e in errors[1:MAX_ERRORS]]
    parts: list[Message | str] = [first.coded, "\n", Message("form.other_cells", count=len(errors) - 1), "\n", Joined(others, "\n")]
    if len(errors) > MAX_ERRORS:
        parts += ["\n", Message("form.more_errors", count=len(errors) - MAX_ERRORS)]
    return InvalidValue(Joined(parts), file=name, place=first.place)


def read_form(data: bytes, name: str, key: bytes) -> FilledForm:
    """Read a filled form sealed with key (the reading installation's form key); FileRefused when it is not (or
    no longer) a valid form, InvalidValue for wrong inputs. A form whose seal is not key's comes back with
    sealed=False and no entries."""
    if len(data) > MAX_FORM_BYTES:
        raise _refuse("form.too_large", name, size_mb=len(data) // (1 << 20), limit_mb=MAX_FORM_BYTES >> 20)
    if not data.startswith(b"PK"):
        raise _refuse("form.not_xlsx", name)
    check_zip(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _read(data, name, key)
    except AppError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise _refuse(READ_FAILED, name, detail=Message("form.detail_unusual")) from exc
    except Exception as exc:  # InvalidFileException, KeyError, ValueError, XML syntax errors, BadZipFile...
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise _refuse(READ_FAILED, name, detail=detail) from exc


def _read(data: bytes, name: str, key: bytes) -> FilledForm:
    from desktop_app.io.appendix.xlsx_reader import _load_workbook

    wb, sheets = _load_workbook(io.BytesIO(data))
    try:
        titles = [ws.title for ws in sheets]
        by_title = {ws.title: ws for ws in reversed(sheets)}  # the first sheet of a title, as wb[title] finds it
        if HIDDEN_SHEET not in titles:
            raise _refuse(NOT_A_FORM, name)
        if FORM_SHEET not in titles:
            raise _refuse("form.sheet_missing", name, sheet=FORM_SHEET)
        hidden = _rows(by_title[HIDDEN_SHEET], ITEMS_ROW - 1 + 6 * MAX_FORM_ROWS + 100, 6)
        header, count, stored = _header(hidden, name)
        items: list[tuple[str, str]] = []
        for i in range(count):
            cells = hidden.get(ITEMS_ROW + i, {})
            line, item_uuid, mode = (_text(cells.get(c)) for c in (1, 2, 3))
            if line != str(FIRST_ROW + i) or not UUID_RE.fullmatch(item_uuid) or mode not in MODES:
                raise _refuse(NOT_A_FORM, name)
            items.append((item_uuid, mode))
        digests = {_text(cells.get(5)): _text(cells.get(6)) for r, cells in hidden.items()
                   if r >= ITEMS_ROW and cells.get(5) is not None}
        last = FIRST_ROW + count - 1
        rows = _rows(by_title[FORM_SHEET], last, WIDTH)
    finally:
        wb.close()
    from openpyxl.utils import get_column_letter

    inputs = {f"{get_column_letter(c)}{FIRST_ROW + i}" for i, (_u, mode) in enumerate(items)
              for c in input_columns(mode)}
    fixed: dict[str, str] = {}  # the cells the checksum covers
    for r in range(1, last + 1):
        for c in range(1, WIDTH + 1):
            coordinate = f"{get_column_letter(c)}{r}"
            if coordinate not in inputs:
                fixed[coordinate] = _text(rows.get(r, {}).get(c))
    if not seal_matches(header, items, fixed, key, stored):
        edited = _edited_cell(digests, rows, inputs)
        if edited is not None:
            raise _refuse("form.cell_edited", name, cell=edited)
        return FilledForm(header=header, entries=[], sealed=False)
    errors: list[InvalidValue] = []
    entries = [_entry(rows.get(FIRST_ROW + i, {}), FIRST_ROW + i, item_uuid, mode, errors)
               for i, (item_uuid, mode) in enumerate(items)]
    if errors:
        raise combine(errors, name)
    return FilledForm(header=header, entries=entries)


__all__ = ["FilledForm", "FormEntry", "combine", "read_form"]
