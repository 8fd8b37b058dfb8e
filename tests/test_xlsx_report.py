"""Excel report: written from the seeds' report data, reopened with openpyxl (normal mode) and checked as a user
would see it: sheets per section, plan texts, numbers and dates typed, formats, print setup, no formula anywhere."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from db.engine import Database
from desktop_app.domain.report import (
    APPENDIX,
    GROUP,
    ITEM,
    PROGRESS,
    SECTION,
    FlatRow,
    PeriodCell,
    PeriodColumn,
    ReportData,
    ReportRow,
)
from desktop_app.io.reports.csv_export import FLAT_COLUMNS
from desktop_app.io.reports.excel import (
    DATA_SHEET,
    FIRST_ROW,
    HEADER_ROW,
    sheet_title,
    write_xlsx,
)
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.reports import build_report

DATA = Path(__file__).parent / "data"
NAM_HONG, MINH_TAN = DATA / "nam_hong_phu_luc_1.txt", DATA / "minh_tan_phu_luc_1.txt"
TODAY = date(2026, 11, 24)
INJECTION = '=HYPERLINK("http://x")'
PLAN_WIDTH = 7  # Stt … Ghi chú; then Kết quả/Đánh giá per period, then the latest result (3 columns)
Q3 = 2  # index of Quý III in the plan's quarters


def _write(data: ReportData) -> Workbook:
    buffer = io.BytesIO()
    write_xlsx(data, buffer)
    return load_workbook(io.BytesIO(buffer.getvalue()))


def _cells(wb: Workbook) -> list:
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]


def _row_of(ws: Worksheet, number: str) -> int:
    return next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == number)


@pytest.fixture(scope="module")
def nam_hong(tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportData, Workbook]:
    """The Nam Hồng plan with a few results, exported once for the whole module."""
    from db.engine import open_database

    db = open_database(tmp_path_factory.mktemp("xlsx") / "db.sqlite3")
    try:
        plan = import_file(db, path=NAM_HONG).plan_id
        item = lambda number: item_by_number(db, plan_id=plan, number=number, section="I")
        record_progress(db, item_id=item("1.1"), period="2026-Q3", value=Decimal("72.5"), narrative=INJECTION,
                        unit="Phòng Văn hóa - Xã hội", reported_by="Nguyễn Văn An")
        record_progress(db, item_id=item("1.1"), period="2026-Q2", value=Decimal(40))
        record_progress(db, item_id=item("2.5"), period="2026-Q3", status="done", narrative="- Đã lắp đặt xong")
        record_progress(db, item_id=item("5.1"), period="2026-Q3", value=Decimal("0.82"))
        data = build_report(db, plan_id=plan, today=TODAY)
    finally:
        db.close()
    return data, _write(data)


def test_one_sheet_per_section_and_the_data_sheet(nam_hong: tuple[ReportData, Workbook]) -> None:
    data, wb = nam_hong
    sections = [r for r in data.rows if r.kind == SECTION]
    assert len(wb.sheetnames) == len(sections) + 1 and wb.sheetnames[-1] == DATA_SHEET
    assert wb.sheetnames[0] == "I. Phân công phụ trách theo dõ…"
    assert wb.sheetnames[1].startswith("II. PHÂN CÔNG CHỦ TRÌ")
    for name in wb.sheetnames:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_rows_carry_the_plan_texts_exactly_and_every_item(nam_hong: tuple[ReportData, Workbook]) -> None:
    data, wb = nam_hong
    for ws, section in zip(wb.worksheets, [r for r in data.rows if r.kind == SECTION], strict=False):
        expected = [(r.number, r.text, r.monitoring or None) for r in data.rows if r.section == section.section]
        shown = [(ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 4).value)
                 for r in range(FIRST_ROW, ws.max_row + 1)]
        assert shown == expected
        items = [r for r in data.rows if r.section == section.section and r.kind == ITEM]
        assert sum(1 for r in range(FIRST_ROW, ws.max_row + 1) if not ws.cell(r, 1).font.b) == len(items)
    ws = wb.worksheets[0]
    row = _row_of(ws, "1.1")
    assert ws.cell(row, 4).value == "Phòng Văn hóa - Xã hội"
    assert ws.cell(row, 5).value == "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã"
    assert ws.cell(row, 6).value == "Thường xuyên"


def test_header_rows_periods_and_merges(nam_hong: tuple[ReportData, Workbook]) -> None:
    data, wb = nam_hong
    ws = wb.worksheets[0]
    assert ws.cell(1, 1).value == "PHỤ LỤC KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ" and ws.cell(1, 1).font.b
    assert "Nam Hồng" in ws.cell(2, 1).value and ws.cell(3, 1).value == "Số liệu tính đến ngày 24/11/2026"
    heads = [ws.cell(HEADER_ROW, c).value for c in range(1, PLAN_WIDTH + 1)]
    assert heads == ["Stt", "Chỉ tiêu/nhiệm vụ", "Chỉ tiêu kế hoạch", "Đơn vị theo dõi", "Đơn vị triển khai",
                     "Thời gian hoàn thành", "Ghi chú"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    for i, period in enumerate(data.periods):
        col = PLAN_WIDTH + 1 + 2 * i
        assert ws.cell(HEADER_ROW, col).value == period.label
        assert [ws.cell(HEADER_ROW + 1, col + k).value for k in (0, 1)] == ["Kết quả", "Đánh giá"]
        assert f"{ws.cell(HEADER_ROW, col).coordinate}:{ws.cell(HEADER_ROW, col + 1).coordinate}" in merged
    assert ws.cell(HEADER_ROW, PLAN_WIDTH + 1 + 2 * Q3).value == "Quý III/2026"
    assert "A4:A5" in merged and "B4:B5" in merged
    latest = PLAN_WIDTH + 1 + 2 * len(data.periods)
    assert ws.cell(HEADER_ROW, latest).value == "Kết quả đến 24/11/2026"
    assert ws.max_column == latest + 2


def test_numbers_statuses_and_formats(nam_hong: tuple[ReportData, Workbook]) -> None:
    data, wb = nam_hong
    ws = wb.worksheets[0]
    q2, q3 = PLAN_WIDTH + 1 + 2, PLAN_WIDTH + 1 + 2 * Q3
    latest = PLAN_WIDTH + 1 + 2 * len(data.periods)
    row = _row_of(ws, "1.1")
    value = ws.cell(row, q3)
    assert value.value == 72.5 and isinstance(value.value, float) and value.data_type == "n"
    assert value.number_format == '#,##0.##"%"'
    assert ws.cell(row, q3 + 1).value == "Đang thực hiện"
    assert ws.cell(row, q2).value == 40 and ws.cell(row, q2).number_format == '#,##0"%"'
    assert ws.cell(row, latest).value == 72.5
    row = _row_of(ws, "5.1")
    assert ws.cell(row, q3).value == 0.82 and ws.cell(row, q3).number_format == "#,##0.##"
    row = _row_of(ws, "2.5")
    assert ws.cell(row, q3).value == "Hoàn thành" and ws.cell(row, q3).data_type == "s"
    assert ws.cell(row, latest + 2).value == "- Đã lắp đặt xong"  # a dash bullet stays as typed


def test_groups_bold_and_shaded_text_wrapped(nam_hong: tuple[ReportData, Workbook]) -> None:
    _, wb = nam_hong
    ws = wb.worksheets[0]
    group = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == "2")
    for col in (1, 2, 9):
        cell = ws.cell(group, col)
        assert cell.font.b and cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("DDEBF7")
    section = ws.cell(FIRST_ROW, 2)
    assert section.font.b and section.fill.fgColor.rgb.endswith("BDD7EE")
    item = ws.cell(_row_of(ws, "1.1"), 2)
    assert not item.font.b and item.fill.fill_type is None
    assert item.alignment.wrap_text and item.border.left.style == "thin"
    assert ws.column_dimensions["B"].width == 60 and 25 <= ws.column_dimensions["E"].width <= 30


def test_page_setup_frozen_header_and_print_header(nam_hong: tuple[ReportData, Workbook]) -> None:
    _, wb = nam_hong
    for ws in wb.worksheets[:-1]:
        assert ws.freeze_panes == f"C{FIRST_ROW}"
        assert ws.print_title_rows in ("4:5", "$4:$5")
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
        assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddHeader.center.text == "UBND XÃ NAM HỒNG — Kế hoạch 44/KH-UBND"
        assert "&P" in ws.oddFooter.center.text


def test_no_text_becomes_a_formula(nam_hong: tuple[ReportData, Workbook]) -> None:
    data, wb = nam_hong
    assert not [c.coordinate for c in _cells(wb) if c.data_type == "f"]
    ws = wb.worksheets[0]
    note = ws.cell(_row_of(ws, "1.1"), PLAN_WIDTH + 1 + 2 * len(data.periods) + 2)
    assert note.value == INJECTION and note.data_type == "s" and note.quotePrefix
    flat = wb[DATA_SHEET]
    narrative = FLAT_COLUMNS.index("Nội dung") + 1
    column = next(flat.iter_cols(min_col=narrative, max_col=narrative, min_row=2))
    injected = [c for c in column if c.value == INJECTION]
    assert len(injected) == 1 and injected[0].data_type == "s"


def test_data_sheet_for_pivot_tables(nam_hong: tuple[ReportData, Workbook]) -> None:
    data, wb = nam_hong
    ws = wb[DATA_SHEET]
    assert [c.value for c in ws[1]] == list(FLAT_COLUMNS)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:T{len(data.flat) + 1}"
    assert ws.max_row == len(data.flat) + 1 == 5
    rows = [dict(zip(FLAT_COLUMNS, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    first = next(r for r in rows if r["Stt"] == "1.1" and r["Kỳ"] == "2026-Q3")
    assert first["Mục"].startswith("I. Phân công") and first["Nhóm"].startswith("1. Về công tác")
    assert first["Tên kỳ"] == "Quý III/2026" and first["Đơn vị"] == "Phòng Văn hóa - Xã hội"
    assert first["Giá trị"] == 72.5 and first["Đánh giá"] == "Đang thực hiện"
    assert first["Từ ngày"] == datetime(2026, 7, 1) and first["Đến ngày"] == datetime(2026, 9, 30)
    assert isinstance(first["Ngày báo cáo"], datetime) and first["Người báo cáo"] == "Nguyễn Văn An"
    assert first["Tử số"] is None and first["Minh chứng"] is None
    cell = ws.cell(rows.index(first) + 2, FLAT_COLUMNS.index("Ngày báo cáo") + 1)
    assert cell.number_format == "dd/mm/yyyy hh:mm"
    assert ws.cell(2, FLAT_COLUMNS.index("Từ ngày") + 1).number_format == "dd/mm/yyyy"
    task = next(r for r in rows if r["Stt"] == "2.5")
    assert task["Trạng thái"] == "Hoàn thành" and task["Giá trị"] is None


def test_progress_is_reported(db: Database) -> None:
    plan = import_file(db, path=MINH_TAN).plan_id
    data = build_report(db, plan_id=plan, today=TODAY)
    calls: list[tuple[int, int]] = []
    write_xlsx(data, io.BytesIO(), on_progress=lambda done, total: calls.append((done, total)))
    total = len(data.rows) + len(data.flat)
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_minh_tan_sheets(db: Database) -> None:
    plan = import_file(db, path=MINH_TAN).plan_id
    data = build_report(db, plan_id=plan, today=TODAY)
    wb = _write(data)
    sections = [r for r in data.rows if r.kind == SECTION]
    assert len(wb.sheetnames) == len(sections) + 1 and len({n.lower() for n in wb.sheetnames}) == len(wb.sheetnames)
    for ws, section in zip(wb.worksheets, sections, strict=False):
        items = [r.number for r in data.rows if r.section == section.section and r.kind == ITEM]
        shown = [ws.cell(r, 1).value or "" for r in range(FIRST_ROW, ws.max_row + 1) if not ws.cell(r, 1).font.b]
        assert shown == items  # items without a number ("" in the seed) included
    assert wb.worksheets[0].oddHeader.center.text == "UBND XÃ MINH TÂN — Kế hoạch chuyển đổi số năm 2026"


def test_appendix_kind_has_no_results(db: Database) -> None:
    plan = import_file(db, path=NAM_HONG).plan_id
    data = build_report(db, plan_id=plan, kind=APPENDIX, today=TODAY)
    wb = _write(data)
    assert DATA_SHEET not in wb.sheetnames
    ws = wb.worksheets[0]
    assert ws.max_column == PLAN_WIDTH and ws.cell(1, 1).value.startswith("CHỈ TIÊU, NHIỆM VỤ")


def _hand_made(texts: list[str]) -> ReportData:
    period = PeriodColumn("2026-Q3", "Quý III/2026", date(2026, 7, 1), date(2026, 9, 30))
    data = ReportData(kind=PROGRESS, commune="A & B", plan_title="Kế hoạch", plan_number="", plan_date=None,
                      year=2026, as_of=TODAY, periods=[period])
    data.rows.append(ReportRow(GROUP, "", "1", "Nhóm không thuộc mục nào"))
    moment = datetime(2026, 9, 1, 8, 0, tzinfo=timezone(timedelta(hours=7)))
    for i, text in enumerate(texts, 1):
        data.rows.append(ReportRow(ITEM, "", f"1.{i}", text, note=text, value=Decimal(i), value_text=str(i),
                                   by_period=(PeriodCell(Decimal("1234.5"), "1234,5", "Đạt"),)))
        data.flat.append(FlatRow("", "1", f"1.{i}", text, "", "", "2026-Q3", "Quý III/2026", text, Decimal(i),
                                 Decimal(3), Decimal(4), "", "Đạt", text, text, moment, text))
    return data


def test_hostile_and_odd_texts_stay_text() -> None:
    texts = ["=1+1", "+84 912 345 678", "-5", "@SUM(A1)", "\t=1", "  =2", "#N/A", "bad\x0bchar", "ok"]
    wb = _write(_hand_made(texts))
    assert wb.sheetnames == ["Phụ lục", DATA_SHEET]
    assert wb["Phụ lục"].oddHeader.center.text == "UBND XÃ A && B — Kế hoạch chuyển đổi số năm 2026"  # "&&" shows "&"
    assert not [c.coordinate for c in _cells(wb) if c.data_type in ("f", "e")]
    ws = wb["Phụ lục"]
    shown = [ws.cell(r, 2).value for r in range(FIRST_ROW + 1, ws.max_row + 1)]
    assert shown == [*texts[:7], "badchar", "ok"]
    flat = wb[DATA_SHEET]
    assert [flat.cell(r, 17).value for r in range(2, flat.max_row + 1)] == [*texts[:7], "badchar", "ok"]
    moment = datetime(2026, 9, 1, 8, 0, tzinfo=timezone(timedelta(hours=7)))
    assert flat.cell(2, 19).value == moment.astimezone().replace(tzinfo=None)  # aware times shown in local time
    assert ws.cell(FIRST_ROW + 1, PLAN_WIDTH + 1).value == 1234.5


@pytest.mark.parametrize(("number", "text", "taken", "expected"), [
    ("I", "Phân công", set(), "I. Phân công"),
    ("II", "Văn bản: ban hành [mới]/sửa*?", set(), "II. Văn bản ban hành mới sửa"),
    ("III", "x" * 40, set(), "III. " + "x" * 25 + "…"),
    ("I", "Phân công", {"i. phân công"}, "I. Phân công (2)"),
    ("I", "y" * 40, {"i. " + "y" * 27 + "…"}, "I. " + "y" * 23 + "… (2)"),
    ("", "'quoted'", set(), "quoted"),
    ("", "History", set(), "History (2)"),
])
def test_sheet_titles(number: str, text: str, taken: set[str], expected: str) -> None:
    name = sheet_title(number, text, taken)
    assert name == expected and len(name) <= 31 and name.lower() in taken


def test_writes_to_a_real_file(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    with path.open("wb") as out:
        write_xlsx(_hand_made(["a"]), out)
    assert load_workbook(path).sheetnames == ["Phụ lục", DATA_SHEET]
