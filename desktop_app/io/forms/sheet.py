"""Excel (.xlsx) reporting form for a unit without the program: written from plain dataclasses, read back into
plain dataclasses. The sheet «Biểu mẫu» lists the unit's items with locked fixed cells and unlocked input cells;
a very hidden sheet holds the plan, unit and period identities, each row's item UUID, a digest of every fixed
cell and a seal of the whole fixed part (an HMAC-SHA-256 keyed by a secret of the installation that made the
form, so that nobody without that installation's database can reseal an edited form), so that a form for
another plan/unit/period, one whose fixed cells or item list were edited, or one made elsewhere is recognised
on reading. No text ever becomes a formula (see cell_text.py)."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.io.cell_text import formula_like, printable
from desktop_app.messages import Message

FORMAT = "cds-bieu-mau/2"
"""/2: the seal is an HMAC keyed by the installation's secret (a /1 form's unkeyed SHA-256 anyone could redo)."""
FORM_SHEET = "Biểu mẫu"
HIDDEN_SHEET = "_du_lieu_bieu_mau"
MAX_FORM_BYTES = 20 * 1024 * 1024
"""Largest form file accepted (a form of 5,000 rows is well under 2 MB)."""
MAX_FORM_ROWS = 5_000
"""Most item rows in one form."""
MAX_CELL_CHARS = 5_000
"""Longest text accepted in one cell."""
KEY_BYTES = 32
"""Length of the sealing key (services.identity.form_key derives it from the installation's private key)."""

# (title, width, input?) — the input columns are typed into by the unit; the others are fixed.
COLUMNS = (
    ("Mục", 6, False), ("Stt", 7, False), ("Chỉ tiêu/nhiệm vụ", 50, False), ("Chỉ tiêu kế hoạch", 18, False),
    ("Thời hạn", 13, False), ("Kết quả đã báo cáo gần nhất", 20, False), ("Giá trị", 10, True), ("Tử số", 9, True),
    ("Mẫu số", 9, True), ("Trạng thái", 17, True), ("Nội dung kết quả", 38, True), ("Minh chứng", 26, True),
)
WIDTH = len(COLUMNS)
COL_VALUE, COL_NUMERATOR, COL_DENOMINATOR, COL_STATUS, COL_NARRATIVE, COL_EVIDENCE = 7, 8, 9, 10, 11, 12
NUMBER_COLUMNS = (COL_VALUE, COL_NUMERATOR, COL_DENOMINATOR)
HEADER_ROW = 9
FIRST_ROW = HEADER_ROW + 1
PERCENT, NUMBER, STATUS = "percent", "number", "status"
MODES = (PERCENT, NUMBER, STATUS)
"""How a row is reported: a value 0–100, a value >= 0, or a status (tasks, documents, unmeasured indicators)."""
TITLE = "BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CHUYỂN ĐỔI SỐ"
INSTRUCTIONS = (
    "Hướng dẫn: chỉ nhập vào các ô nền vàng; các ô khác đã được khóa. Không thêm, xóa, đổi thứ tự dòng "
    "hay đổi tên trang tính.",
    "Chỉ tiêu đo được: nhập Giá trị (số, vd. 72,5), hoặc Tử số và Mẫu số; chỉ tiêu tính theo % nhập từ 0 đến 100.",
    "Nhiệm vụ: chọn Trạng thái trong danh sách (" + ", ".join(STATUS_NAMES.values()) + ") và ghi Nội dung kết quả.",
    "Ô để trống: giữ nguyên kết quả đã ghi; dòng để trống: không thay đổi. Lưu tệp (.xlsx) rồi gửi lại cho "
    "bộ phận tổng hợp.",
)
HEADER_KEYS = ("format", "plan_uuid", "plan_title", "unit_uuid", "unit_name", "period_uuid", "period_code",
               "period_label", "created_at", "rows", "checksum")
ITEMS_ROW = len(HEADER_KEYS) + 3
"""First row of the hidden sheet's item list (row uuid and mode in columns A–C; cell digests in E–F)."""
UUID_RE = re.compile(r"[0-9a-fA-F-]{36}")

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNUSED_FILL = PatternFill("solid", fgColor="EDEDED")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")


@dataclass(frozen=True)
class FormHeader:
    """Who and what a form is for."""

    plan_uuid: str
    plan_title: str
    unit_uuid: str
    unit_name: str
    period_uuid: str
    period_code: str
    period_label: str
    created_at: str


@dataclass(frozen=True)
class FormRow:
    """One item as printed on the form (fixed part)."""

    item_uuid: str
    section: str
    number: str
    text: str
    target: str
    deadline: str
    last_value: str
    mode: str


@dataclass(frozen=True)
class FormContent:
    """A form to write."""

    header: FormHeader
    rows: list[FormRow]


@dataclass(frozen=True)
class FormEntry:
    """What the unit typed on one row (None / "" where a cell was left blank)."""

    line: int
    item_uuid: str
    mode: str
    number: str
    text: str
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    status: str | None = None
    narrative: str = ""
    evidence: str = ""

    @property
    def empty(self) -> bool:
        """Nothing typed on the row."""
        return (self.value is None and self.numerator is None and self.denominator is None and self.status is None
                and not self.narrative and not self.evidence)


@dataclass(frozen=True)
class FilledForm:
    """A form read back: its header and every row with what was typed."""

    header: FormHeader
    entries: list[FormEntry] = field(default_factory=list)
    sealed: bool = True
    """False when the seal is not the reading installation's (made elsewhere, or forged): entries are left
    empty, and the use case refuses the form once it has said whether its plan, unit and period are known."""


def place(line: int, column: int) -> Message:
    """Where a cell is, as errors name it."""
    return Message("form.place", sheet=FORM_SHEET, line=line, column=COLUMNS[column - 1][0])


def input_columns(mode: str) -> tuple[int, ...]:
    """The columns a row of this mode takes input in."""
    typed = NUMBER_COLUMNS if mode in (PERCENT, NUMBER) else (COL_STATUS,)
    return (*typed, COL_NARRATIVE, COL_EVIDENCE)


def _title_rows(header: FormHeader) -> dict[int, str]:
    return {1: TITLE, 2: f"Đơn vị: {header.unit_name} — Kỳ báo cáo: {header.period_label} ({header.period_code})",
            3: f"Kế hoạch: {header.plan_title}", **{4 + i: text for i, text in enumerate(INSTRUCTIONS)}}


def fixed_cells(content: FormContent) -> dict[str, str]:
    """Every fixed cell of the form as written: coordinate → text ("" for a blank one)."""
    cells: dict[str, str] = {}
    titles = _title_rows(content.header)
    for r in range(1, HEADER_ROW):
        for c in range(1, WIDTH + 1):
            cells[f"{get_column_letter(c)}{r}"] = printable(titles.get(r, "")) if c == 1 else ""
    for c, (title, _width, _input) in enumerate(COLUMNS, start=1):
        cells[f"{get_column_letter(c)}{HEADER_ROW}"] = title
    for r, row in enumerate(content.rows, start=FIRST_ROW):
        typed = input_columns(row.mode)
        texts = (row.section, row.number, row.text, row.target, row.deadline, row.last_value)
        for c in range(1, WIDTH + 1):
            if c not in typed:
                cells[f"{get_column_letter(c)}{r}"] = printable(texts[c - 1]) if c <= len(texts) else ""
    return cells


def cell_digest(coordinate: str, text: str) -> str:
    """A short digest of one fixed cell, to name the cell that was edited."""
    return hashlib.sha256(f"{coordinate}\x1f{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def checksum(header: FormHeader, rows: list[tuple[str, str]], cells: dict[str, str], key: bytes) -> str:
    """The seal: HMAC-SHA-256 keyed by key over the header's identities, each row's (item uuid, mode) and every
    fixed cell's text."""
    if len(key) != KEY_BYTES:
        raise ValueError("a form's sealing key is 32 bytes")
    payload = [FORMAT, [getattr(header, k) for k in HEADER_KEYS[1:-2]], len(rows), rows, sorted(cells.items())]
    text = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hmac.new(key, text, hashlib.sha256).hexdigest()


def seal_matches(header: FormHeader, rows: list[tuple[str, str]], cells: dict[str, str], key: bytes,
                 stored: str) -> bool:
    """Whether stored is the seal key gives (compared in constant time)."""
    return hmac.compare_digest(checksum(header, rows, cells, key), stored)


def _put(ws: Any, row: int, col: int, value: str, **looks: Any) -> None:
    """A text cell that stays text: a formula-like text or an error code is a quoted string, never a formula."""
    cell = ws.cell(row=row, column=col)
    if value:
        value = printable(value)
        cell.value = value
        if formula_like(value) or value in ERROR_CODES or cell.data_type != "s":
            cell.data_type = "s"
            cell.quotePrefix = True
    for name, look in looks.items():
        setattr(cell, name, look)


def _validation(kind: str, cells: list[str]) -> DataValidation | None:
    if not cells:
        return None
    if kind == STATUS:
        names = ",".join(STATUS_NAMES.values())
        dv = DataValidation(type="list", formula1=f'"{names}"', allow_blank=True)
        dv.error = "Hãy chọn một trạng thái trong danh sách: " + ", ".join(STATUS_NAMES.values()) + "."
    elif kind == PERCENT:
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
        dv.error = "Chỉ tiêu tính theo %: hãy nhập một số từ 0 đến 100 (vd. 72,5)."
    else:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        dv.error = "Hãy nhập một số không âm (vd. 45)."
    dv.errorTitle = "Giá trị không hợp lệ"
    dv.showErrorMessage = True
    dv.sqref = " ".join(cells)
    return dv


def write_form(content: FormContent, handle: BinaryIO, key: bytes) -> None:
    """Write the form workbook to handle, sealed with key (the installation's form key)."""
    if len(content.rows) > MAX_FORM_ROWS:
        raise ValueError(f"a form holds at most {MAX_FORM_ROWS} rows")
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet (openpyxl types `active` as any sheet, or None)
    ws.title = FORM_SHEET
    wb.properties.title = f"{TITLE} — {content.header.unit_name} — {content.header.period_label}"
    thin = Side(style="thin", color="808080")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(vertical="top", wrap_text=True)
    unlocked = Protection(locked=False)
    for r, text in _title_rows(content.header).items():
        _put(ws, r, 1, text, font=Font(bold=True, size=13) if r == 1 else Font(bold=r < 4, italic=r >= 4))
    for c, (title, width, _input) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
        _put(ws, HEADER_ROW, c, title, font=Font(bold=True), fill=HEADER_FILL, border=box,
             alignment=Alignment(horizontal="center", vertical="center", wrap_text=True))
    wanted: dict[str, list[str]] = {PERCENT: [], NUMBER: [], STATUS: []}
    for r, row in enumerate(content.rows, start=FIRST_ROW):
        typed = input_columns(row.mode)
        texts = (row.section, row.number, row.text, row.target, row.deadline, row.last_value)
        for c in range(1, WIDTH + 1):
            centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
            align = centred if c in (1, 2, 5, COL_STATUS) else top
            if c in typed:
                _put(ws, r, c, "", border=box, alignment=align, fill=INPUT_FILL, protection=unlocked,
                     number_format="#,##0.##" if c in NUMBER_COLUMNS else "@")
            else:
                _put(ws, r, c, texts[c - 1] if c <= len(texts) else "", border=box, alignment=align,
                     **({"fill": UNUSED_FILL} if c > len(texts) else {}))
        ref = get_column_letter
        if row.mode == STATUS:
            wanted[STATUS].append(f"{ref(COL_STATUS)}{r}")
        else:
            wanted[row.mode].append(f"{ref(COL_VALUE)}{r}")
            wanted[NUMBER].extend((f"{ref(COL_NUMERATOR)}{r}", f"{ref(COL_DENOMINATOR)}{r}"))
    for kind, cells in wanted.items():
        dv = _validation(kind, cells)
        if dv is not None:
            ws.add_data_validation(dv)
    ws.freeze_panes = f"C{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    footer = ws.oddFooter
    assert footer is not None  # every sheet has one (openpyxl types it as optional)
    footer.center.text = "Trang &P / &N"
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False  # widths and heights may be adjusted
    _write_hidden(wb, content, key)
    wb.security = WorkbookProtection(lockStructure=True)  # no deleting, renaming or unhiding sheets
    wb.save(handle)


def _write_hidden(wb: Workbook, content: FormContent, key: bytes) -> None:
    hidden = wb.create_sheet(HIDDEN_SHEET)
    cells = fixed_cells(content)
    rows = [(row.item_uuid, row.mode) for row in content.rows]
    header = content.header
    values = [FORMAT, *(getattr(header, k) for k in HEADER_KEYS[1:-2]), str(len(rows)),
              checksum(header, rows, cells, key)]
    for r, (name, value) in enumerate(zip(HEADER_KEYS, values, strict=True), start=1):
        _put(hidden, r, 1, name)
        _put(hidden, r, 2, value)
    for c, title in enumerate(("Dòng", "Mã chỉ tiêu", "Kiểu nhập", "", "Ô", "Mã kiểm tra"), start=1):
        _put(hidden, ITEMS_ROW - 1, c, title)
    for r, (item_uuid, mode) in enumerate(rows, start=ITEMS_ROW):
        _put(hidden, r, 1, str(r - ITEMS_ROW + FIRST_ROW))
        _put(hidden, r, 2, item_uuid)
        _put(hidden, r, 3, mode)
    for r, (coordinate, text) in enumerate(((k, v) for k, v in cells.items() if v), start=ITEMS_ROW):
        _put(hidden, r, 5, coordinate)
        _put(hidden, r, 6, cell_digest(coordinate, text))
    hidden.protection.sheet = True
    hidden.sheet_state = "veryHidden"
