"""Progress entry grid: typed in by keyboard like a spreadsheet, saved cell by cell, assessed live in colour."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from db.engine import Database
from desktop_app.errors import InvalidValue
from desktop_app.services.importing import import_file
from desktop_app.services.progress import list_periods, list_progress
from desktop_app.services.progress_grid import grid_rows, implementing_units, save_cell
from desktop_app.ui.models.items import COLOURS
from desktop_app.ui.widgets.progress_grid import (
    COL_ASSESSMENT,
    COL_DOC_DATE,
    COL_DOC_NUMBER,
    COL_ENTRY,
    COL_EVIDENCE,
    COL_NARRATIVE,
    ERROR_COLOURS,
    ProgressGridModel,
    ProgressGridWidget,
)
from tests.conftest import NAM_HONG

TODAY = date(2026, 8, 15)  # inside Quý III/2026, whatever the machine's clock says
Q3 = "Quý III/2026"
PERCENT_MESSAGE = "Giá trị phải từ 0 đến 100 khi đơn vị là %"
TELECOMS = "Các doanh nghiệp viễn thông"


@pytest.fixture
def plan_id(db: Database) -> int:
    return import_file(db, path=NAM_HONG).plan_id


@pytest.fixture
def grid(qtbot: Any, db: Database, plan_id: int) -> ProgressGridWidget:
    widget = ProgressGridWidget(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_plan(plan_id)
    widget.set_period(Q3)
    with qtbot.waitExposed(widget, timeout=20000):  # a context manager: it waits on leaving the block
        widget.show()
    widget.activateWindow()
    return widget


def row_of(model: ProgressGridModel, number: str, section: str = "I") -> int:
    return next(r for r in range(model.rowCount())
                if model.row_at(r).number == number and model.row_at(r).section == section)


def go_to(qtbot: Any, grid: ProgressGridWidget, number: str, column: int, section: str = "I") -> None:
    grid.table.setCurrentIndex(grid.model.index(row_of(grid.model, number, section), column))
    grid.table.setFocus()
    qtbot.waitUntil(lambda: grid.table.hasFocus(), timeout=20000)


def type_text(qtbot: Any, text: str) -> None:
    """Type as a person would: each key goes to whatever has the keyboard focus (the view, then its editor)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(QApplication.focusWidget(), ch)
        else:  # QTest.keyClicks maps only ASCII to keys (it aborts on "Đ"): send the character as the key's text
            QTest.sendKeyEvent(QTest.KeyAction.Click, QApplication.focusWidget(), Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def press(qtbot: Any, key: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def status_editor() -> QWidget | None:
    """The combo box the keyboard is in (the focus may sit on its line edit)."""
    focus = QApplication.focusWidget()
    return focus if isinstance(focus, QComboBox) else focus.parent() if focus is not None else None


def reports(db: Database, plan_id: int) -> dict[str, dict[str, Any]]:
    return {r["item_number"]: r for r in list_progress(db, plan_id=plan_id) if r["period"] == Q3}


def section_reports(db: Database, plan_id: int, section: str) -> dict[str, dict[str, Any]]:
    """Q3 reports of one section's items (item numbers repeat across sections)."""
    ids = {r.item_id for r in grid_rows(db, plan_id=plan_id, period_id=q3_id(db, plan_id), unit_id=None, today=TODAY)
           if r.section == section}
    return {r["item_number"]: r for r in list_progress(db, plan_id=plan_id)
            if r["period"] == Q3 and r["item_id"] in ids}


def q3_id(db: Database, plan_id: int) -> int:
    return next(p.id for p in list_periods(db, plan_id=plan_id) if p.label == Q3)


def background(grid: ProgressGridWidget, number: str, column: int) -> str:
    return grid.model.index(row_of(grid.model, number), column).data(Qt.ItemDataRole.BackgroundRole).color().name()


def current(grid: ProgressGridWidget) -> tuple[str, int]:
    index = grid.table.currentIndex()
    return grid.model.row_at(index.row()).number, index.column()


def test_keyboard_entry_of_values_with_enter(qtbot: Any, grid: ProgressGridWidget, db: Database, plan_id: int) -> None:
    assert grid.current_period().label == Q3
    assert background(grid, "3.2", COL_ASSESSMENT) == COLOURS["no_data"][0]
    go_to(qtbot, grid, "3.2", COL_ENTRY)  # ≥ 90%
    with qtbot.waitSignal(grid.changed):
        type_text(qtbot, "92")
        press(qtbot, Qt.Key.Key_Return)
    assert reports(db, plan_id)["3.2"]["value"] == 92
    assert background(grid, "3.2", COL_ASSESSMENT) == COLOURS["achieved"][0]
    assert grid.model.index(row_of(grid.model, "3.2"), COL_ASSESSMENT).data() == "Đạt"
    assert current(grid) == ("3.3", COL_ENTRY)  # Enter moved down

    type_text(qtbot, "45/50")  # ≥ 30%: a numerator and a denominator
    press(qtbot, Qt.Key.Key_Return)
    stored = reports(db, plan_id)["3.3"]
    assert (stored["numerator"], stored["denominator"], stored["value"]) == (45, 50, 90)
    assert grid.model.index(row_of(grid.model, "3.3"), COL_ENTRY).data() == "45/50 (90%)"
    assert grid.model.index(row_of(grid.model, "3.3"), COL_ENTRY).data(Qt.ItemDataRole.EditRole) == "45/50"
    assert grid.model.row_at(row_of(grid.model, "3.3")).assessment == "exceeded"
    assert current(grid) == ("3.4", COL_ENTRY)

    type_text(qtbot, "120")  # refused: a percentage above 100
    press(qtbot, Qt.Key.Key_Return)
    assert "3.4" not in reports(db, plan_id)
    assert PERCENT_MESSAGE in grid.status_label.text()
    index = grid.model.index(row_of(grid.model, "3.4"), COL_ENTRY)
    assert PERCENT_MESSAGE in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == ERROR_COLOURS[0]
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "120"  # kept open on the typed text
    assert current(grid) == ("3.4", COL_ENTRY)

    type_text(qtbot, "100")  # the typed text was selected: the correction replaces it
    press(qtbot, Qt.Key.Key_Return)
    assert reports(db, plan_id)["3.4"]["value"] == 100
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    assert current(grid) == ("3.5", COL_ENTRY)


def test_refused_value_left_with_escape_stays_red(qtbot: Any, grid: ProgressGridWidget, db: Database,
                                                  plan_id: int) -> None:
    go_to(qtbot, grid, "7.1", COL_ENTRY)
    type_text(qtbot, "120")
    press(qtbot, Qt.Key.Key_Tab)  # Tab refuses the same way and does not move on
    assert current(grid) == ("7.1", COL_ENTRY)
    press(qtbot, Qt.Key.Key_Escape)
    index = grid.model.index(row_of(grid.model, "7.1"), COL_ENTRY)
    assert index.data() == "120" and index.data(Qt.ItemDataRole.EditRole) == "120"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == PERCENT_MESSAGE + "."
    assert reports(db, plan_id) == {}


def test_tab_moves_right_and_narrative_keeps_the_value(qtbot: Any, grid: ProgressGridWidget, db: Database,
                                                       plan_id: int) -> None:
    go_to(qtbot, grid, "7.1", COL_ENTRY)  # ≥ 70%
    type_text(qtbot, "72,5%")
    press(qtbot, Qt.Key.Key_Tab)
    assert current(grid) == ("7.1", COL_NARRATIVE)
    type_text(qtbot, "Đã cấp 1.250 tài khoản")
    press(qtbot, Qt.Key.Key_Tab)
    assert current(grid) == ("7.1", COL_EVIDENCE)
    type_text(qtbot, "Báo cáo số 12/BC-CA")
    press(qtbot, Qt.Key.Key_Tab)
    assert current(grid) == ("7.2", COL_ENTRY)  # past the last column: the next row's first entry cell
    stored = reports(db, plan_id)["7.1"]
    assert (stored["value"], stored["narrative"], stored["evidence"]) == (72.5, "Đã cấp 1.250 tài khoản",
                                                                          "Báo cáo số 12/BC-CA")
    row = row_of(grid.model, "7.1")
    assert grid.model.index(row, COL_ENTRY).data() == "72,5%"
    assert grid.model.index(row, COL_NARRATIVE).data() == "Đã cấp 1.250 tài khoản"

    go_to(qtbot, grid, "7.1", COL_NARRATIVE)  # rewriting the narrative alone
    type_text(qtbot, "Cập nhật")
    press(qtbot, Qt.Key.Key_Return)
    stored = reports(db, plan_id)["7.1"]
    assert (stored["value"], stored["narrative"], stored["evidence"]) == (72.5, "Cập nhật", "Báo cáo số 12/BC-CA")
    assert current(grid) == ("7.2", COL_NARRATIVE)
    press(qtbot, Qt.Key.Key_Return)  # Enter without typing only moves
    assert current(grid) == ("7.3", COL_NARRATIVE)
    assert len(reports(db, plan_id)) == 1


def test_status_of_a_task(qtbot: Any, grid: ProgressGridWidget, db: Database, plan_id: int) -> None:
    row = row_of(grid.model, "2.5")
    assert grid.model.row_at(row).kind == "task" and not grid.model.row_at(row).has_targets
    go_to(qtbot, grid, "2.5", COL_ENTRY)
    type_text(qtbot, "Đang thực hiện")
    assert isinstance(status_editor(), QComboBox)  # the status chooser
    press(qtbot, Qt.Key.Key_Return)
    assert reports(db, plan_id)["2.5"]["status"] == "in_progress"
    assert background(grid, "2.5", COL_ASSESSMENT) == COLOURS["in_progress"][0]

    go_to(qtbot, grid, "2.5", COL_ENTRY)
    type_text(qtbot, "hoan thanh")  # typed without accents
    press(qtbot, Qt.Key.Key_Return)
    assert reports(db, plan_id)["2.5"]["status"] == "done"
    assert grid.model.index(row, COL_ENTRY).data() == "Hoàn thành"
    assert background(grid, "2.5", COL_ASSESSMENT) == COLOURS["achieved"][0]

    go_to(qtbot, grid, "2.5", COL_ENTRY)
    type_text(qtbot, "xong")
    press(qtbot, Qt.Key.Key_Return)
    assert "Trạng thái «xong» không hợp lệ" in grid.status_label.text()
    assert reports(db, plan_id)["2.5"]["status"] == "done"


def test_status_chosen_from_the_list(qtbot: Any, grid: ProgressGridWidget, db: Database, plan_id: int) -> None:
    go_to(qtbot, grid, "2.7", COL_ENTRY)
    press(qtbot, Qt.Key.Key_F2)
    combo = status_editor()
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "Chưa bắt đầu", "Đang thực hiện",
                                                                 "Hoàn thành", "Vướng mắc"]
    with qtbot.waitSignal(grid.changed):
        combo.setCurrentIndex(combo.findText("Vướng mắc"))  # what a click in the pop-up list does
        combo.activated.emit(combo.currentIndex())
    assert reports(db, plan_id)["2.7"]["status"] == "blocked"
    assert grid.model.row_at(row_of(grid.model, "2.7")).assessment == "in_progress"


def test_clicking_away_saves_what_was_typed(qtbot: Any, grid: ProgressGridWidget, db: Database,
                                            plan_id: int) -> None:
    go_to(qtbot, grid, "2.8", COL_ENTRY)
    type_text(qtbot, "Chưa thực hiện")  # the plan's wording for "not started"
    elsewhere = grid.table.visualRect(grid.model.index(row_of(grid.model, "1.1"), COL_EVIDENCE)).center()
    qtbot.mouseClick(grid.table.viewport(), Qt.MouseButton.LeftButton, pos=elsewhere)
    assert reports(db, plan_id)["2.8"]["status"] == "not_started"
    assert grid.model.index(row_of(grid.model, "2.8"), COL_ENTRY).data() == "Chưa bắt đầu"
    assert current(grid) == ("1.1", COL_EVIDENCE)


def test_unit_filter_narrows_rows_and_reports_for_that_unit(qtbot: Any, grid: ProgressGridWidget, db: Database,
                                                            plan_id: int) -> None:
    everything = grid.model.rowCount()
    assert everything == 55
    assert grid.model.row_at(row_of(grid.model, "2.1")).unit_name == TELECOMS  # its first implementing unit
    units = dict((name, uid) for uid, name in implementing_units(db, plan_id=plan_id))
    assert [grid.unit_combo.itemText(i) for i in range(grid.unit_combo.count())][1:] == list(units)
    grid.unit_combo.setCurrentIndex(grid.unit_combo.findText(TELECOMS))
    assert [grid.model.row_at(r).number for r in range(grid.model.rowCount())] == ["2.1", "2.2"]
    grid.unit_combo.setCurrentIndex(grid.unit_combo.findText("Thôn, xóm trên địa bàn xã"))
    assert [grid.model.row_at(r).number for r in range(grid.model.rowCount())] == ["2.1", "2.2"]
    assert {grid.model.row_at(r).unit_name for r in range(2)} == {"Thôn, xóm trên địa bàn xã"}

    go_to(qtbot, grid, "2.2", COL_ENTRY)
    type_text(qtbot, "75")
    press(qtbot, Qt.Key.Key_Return)
    assert reports(db, plan_id)["2.2"]["unit"] == "Thôn, xóm trên địa bàn xã"
    grid.set_unit(None)
    assert grid.model.rowCount() == everything
    assert grid.model.index(row_of(grid.model, "2.2"), COL_ENTRY).data() == ""  # the telecoms' report is still empty


def test_monthly_decree09_scheme(qtbot: Any, grid: ProgressGridWidget, db: Database, plan_id: int) -> None:
    assert [p.label for p in grid.periods()] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert grid.kind_combo.currentData() == "quarter" and grid.basis_combo.currentData() == "calendar"
    with qtbot.waitSignal(grid.changed):
        grid.kind_combo.setCurrentIndex(grid.kind_combo.findData("month"))
    with qtbot.waitSignal(grid.changed):
        grid.basis_combo.setCurrentIndex(grid.basis_combo.findData("decree09"))
    months = grid.periods()
    assert grid.period_combo.count() == 12 and len(months) == 12
    assert [p.label for p in months] == [f"Tháng {m}/2026" for m in range(1, 13)]
    assert (months[0].start, months[0].end) == (date(2025, 12, 15), date(2026, 1, 14))
    assert (months[1].start, months[1].end) == (date(2026, 1, 15), date(2026, 2, 14))
    assert months[-1].end == date(2026, 12, 14)
    assert all(b.start - a.end == timedelta(days=1) for a, b in pairwise(months))
    assert grid.period_combo.itemText(0) == "Tháng 1/2026 (15/12/2025 – 14/01/2026)"
    assert [(p.label, p.start, p.end) for p in list_periods(db, plan_id=plan_id)] == \
        [(p.label, p.start, p.end) for p in months]  # chosen for the plan, not only shown
    assert grid.current_period().label == "Tháng 8/2026"  # today's month, kept by name when the basis changed
    assert grid.model.rowCount() == 55

    fresh = ProgressGridWidget(db, today=TODAY)  # the plan remembers its scheme
    qtbot.addWidget(fresh)
    fresh.set_plan(plan_id)
    assert (fresh.kind_combo.currentData(), fresh.basis_combo.currentData()) == ("month", "decree09")
    assert fresh.current_period().label == "Tháng 9/2026"  # 15/08–14/09 holds 15/08


def test_models_pass_the_model_tester(qtmodeltester: Any, grid: ProgressGridWidget, db: Database) -> None:
    qtmodeltester.check(grid.model)
    qtmodeltester.check(ProgressGridModel(db))


def test_save_cell_parses_and_keeps_other_fields(db: Database, plan_id: int) -> None:
    q3 = next(p.id for p in list_periods(db, plan_id=plan_id) if p.label == Q3)
    rows = {r.number: r for r in grid_rows(db, plan_id=plan_id, period_id=q3, unit_id=None, today=TODAY)
            if r.section == "I"}
    item = rows["5.6"]  # ≥ 90%
    args = {"plan_id": plan_id, "period_id": q3, "item_id": item.item_id, "unit_id": item.unit_id, "today": TODAY}
    assert save_cell(db, field="narrative", text="Đang tổng hợp", **args).value is None
    row = save_cell(db, field="value", text="72,5%", **args)
    assert (row.value, row.narrative, row.assessment) == (Decimal("72.5"), "Đang tổng hợp", "in_progress")
    row = save_cell(db, field="evidence", text="Sổ theo dõi", **args)
    assert (row.value, row.narrative, row.evidence) == (Decimal("72.5"), "Đang tổng hợp", "Sổ theo dõi")
    for text, message in (("abc", "không phải là một số"), ("45/", "cả tử số và mẫu số"), ("60/50", "lớn hơn mẫu số"),
                          ("-1", "không được âm")):
        with pytest.raises(InvalidValue, match=message):
            save_cell(db, field="value", text=text, **args)
    assert reports(db, plan_id)["5.6"]["value"] == 72.5
    save_cell(db, field="value", text="", **args)
    with pytest.raises(InvalidValue, match="Báo cáo trống"):  # evidence alone is no report (domain rule)
        save_cell(db, field="narrative", text="", **args)
    save_cell(db, field="evidence", text="", **args)
    assert reports(db, plan_id)["5.6"]["narrative"] == "Đang tổng hợp"
    row = save_cell(db, field="narrative", text="", **args)  # everything cleared: the report goes
    assert not row.reported and "5.6" not in reports(db, plan_id)


def test_assessment_is_judged_at_the_end_of_the_period(db: Database, plan_id: int) -> None:
    periods = {p.label: p.id for p in list_periods(db, plan_id=plan_id)}

    def assessment(label: str, today: date) -> str:
        rows = grid_rows(db, plan_id=plan_id, period_id=periods[label], unit_id=None, today=today)
        return next(r.assessment for r in rows if r.number == "2.6")  # a task due 30/04/2026

    assert assessment("Quý I/2026", TODAY) == "no_data"  # Q1 ended before the deadline
    assert assessment("Quý II/2026", TODAY) == "overdue"
    assert assessment("Quý II/2026", date(2026, 4, 20)) == "no_data"  # Q2 still running, not due yet


def test_document_number_and_date_typed_on_a_document_row(qtbot: Any, grid: ProgressGridWidget, db: Database,
                                                          plan_id: int) -> None:
    # English source strings, or Vietnamese when an earlier test left the translator installed
    assert grid.model.headerData(COL_DOC_NUMBER, Qt.Orientation.Horizontal) in ("Document no.", "Số văn bản")
    assert grid.model.headerData(COL_DOC_DATE, Qt.Orientation.Horizontal) in ("Issued on", "Ngày ban hành")
    row = row_of(grid.model, "6", "II")
    assert grid.model.row_at(row).kind == "document"
    assert grid.model.row_at(row).text.startswith("Quyết định ban hành Quy chế quản lý")
    go_to(qtbot, grid, "6", COL_DOC_NUMBER, "II")
    type_text(qtbot, "125/QĐ-UBND")
    press(qtbot, Qt.Key.Key_Tab)
    assert current(grid) == ("6", COL_DOC_DATE)
    type_text(qtbot, "5/9/2026")  # d/m/yyyy
    press(qtbot, Qt.Key.Key_Tab)
    assert current(grid) == ("7", COL_ENTRY)  # the next row's first cell one can type in
    stored = section_reports(db, plan_id, "II")["6"]
    assert (stored["document_number"], stored["document_date"]) == ("125/QĐ-UBND", "2026-09-05")
    assert stored["status"] is None
    assert grid.model.index(row, COL_DOC_NUMBER).data() == "125/QĐ-UBND"
    assert grid.model.index(row, COL_DOC_DATE).data() == "05/09/2026"

    go_to(qtbot, grid, "6", COL_ENTRY, "II")  # the status keeps the document's number and date
    type_text(qtbot, "Hoàn thành")
    press(qtbot, Qt.Key.Key_Return)
    stored = section_reports(db, plan_id, "II")["6"]
    assert (stored["status"], stored["document_number"], stored["document_date"]) == \
        ("done", "125/QĐ-UBND", "2026-09-05")

    go_to(qtbot, grid, "6", COL_DOC_DATE, "II")  # a day not in the calendar: refused in place
    type_text(qtbot, "31/02/2026")
    press(qtbot, Qt.Key.Key_Return)
    assert current(grid) == ("6", COL_DOC_DATE)
    index = grid.model.index(row, COL_DOC_DATE)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == ERROR_COLOURS[0]
    assert "31/02/2026" in index.data(Qt.ItemDataRole.ToolTipRole) and "31/02/2026" in grid.status_label.text()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "31/02/2026"
    assert section_reports(db, plan_id, "II")["6"]["document_date"] == "2026-09-05"
    type_text(qtbot, "2026-09-06")  # not dd/mm/yyyy either
    press(qtbot, Qt.Key.Key_Return)
    assert "ngày/tháng/năm" in grid.status_label.text()
    assert section_reports(db, plan_id, "II")["6"]["document_date"] == "2026-09-05"
    type_text(qtbot, "06/09/2026")
    press(qtbot, Qt.Key.Key_Return)
    assert section_reports(db, plan_id, "II")["6"]["document_date"] == "2026-09-06"
    assert current(grid) == ("7", COL_DOC_DATE)  # Enter went down to the next document row


def test_document_columns_are_read_only_on_other_rows(qtbot: Any, grid: ProgressGridWidget, db: Database,
                                                      plan_id: int) -> None:
    row = row_of(grid.model, "7.1")
    assert grid.model.row_at(row).kind == "indicator"
    for column in (COL_DOC_NUMBER, COL_DOC_DATE):
        assert not grid.model.flags(grid.model.index(row, column)) & Qt.ItemFlag.ItemIsEditable
        assert not grid.model.setData(grid.model.index(row, column), "12/QĐ-UBND")
    assert grid.model.flags(grid.model.index(row_of(grid.model, "6", "II"), COL_DOC_NUMBER)) \
        & Qt.ItemFlag.ItemIsEditable
    go_to(qtbot, grid, "7.1", COL_DOC_NUMBER)
    type_text(qtbot, "12")  # no editor opens on a read-only cell
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert reports(db, plan_id) == {}
    args = {"plan_id": plan_id, "period_id": q3_id(db, plan_id), "item_id": grid.model.row_at(row).item_id,
            "unit_id": grid.model.row_at(row).unit_id, "today": TODAY}
    with pytest.raises(InvalidValue, match="không phải là văn bản"):
        save_cell(db, field="document_number", text="12/QĐ-UBND", **args)
    assert reports(db, plan_id) == {}


def test_save_cell_document_fields(db: Database, plan_id: int) -> None:
    q3 = q3_id(db, plan_id)
    doc = next(r for r in grid_rows(db, plan_id=plan_id, period_id=q3, unit_id=None, today=TODAY)
               if r.section == "II" and r.number == "5")
    args = {"plan_id": plan_id, "period_id": q3, "item_id": doc.item_id, "unit_id": doc.unit_id, "today": TODAY}
    row = save_cell(db, field="document_number", text="  88/QĐ-UBND ", **args)
    assert (row.document_number, row.document_date, row.reported) == ("88/QĐ-UBND", None, True)
    row = save_cell(db, field="document_date", text="20/7/2026", **args)
    assert (row.document_number, row.document_date) == ("88/QĐ-UBND", date(2026, 7, 20))
    for text, message in (("31/02/2026", "không có trong lịch"), ("20-07-2026", "ngày/tháng/năm"),
                          ("hôm qua", "ngày/tháng/năm"), ("01/01/2020", "quá sớm")):
        with pytest.raises(InvalidValue, match=message):
            save_cell(db, field="document_date", text=text, **args)
    assert section_reports(db, plan_id, "II")["5"]["document_date"] == "2026-07-20"
    save_cell(db, field="document_date", text="", **args)
    row = save_cell(db, field="document_number", text="", **args)  # everything cleared: the report goes
    assert not row.reported and "5" not in section_reports(db, plan_id, "II")


def test_large_plans_are_read_a_page_at_a_time(qtbot: Any, db: Database) -> None:
    from desktop_app.domain.appendix import ParsedAppendix, ParsedItem, ParsedSection
    from desktop_app.domain.deadlines import parse_deadline
    from desktop_app.services.importing import _write
    from desktop_app.ui.widgets.progress_grid import PAGE_SIZE, ProgressGridModel

    parsed = ParsedAppendix(source_name="lon.xlsx", fmt="xlsx", commune="Thử", year=2026,
                            sections=[ParsedSection("I", "Chỉ tiêu", 1)])
    parsed.items = [ParsedItem(section=0, group=None, number_raw="", number=str(n + 1), kind="task",
                               text=f"Nhiệm vụ {n + 1}", note="", monitoring=["Công an xã"], implementing=["Công an xã"],
                               deadline=parse_deadline("Tháng 12/2026"), targets=[], line=n, place=f"hàng {n}")
                    for n in range(450)]
    plan_id = _write(db, parsed, "f" * 64).plan_id
    from desktop_app.services.progress import list_periods

    model = ProgressGridModel(db)
    model.load(plan_id=plan_id, period_id=list_periods(db, plan_id=plan_id)[2].id, unit_id=None)
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    assert [model.row_at(r).number for r in (0, 199, 200, 449)] == ["1", "200", "201", "450"]
