"""The main window, driven like a user would: first-start offer, import, tree navigation, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QToolBar, QUndoView

from db.engine import Database
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.import_preview import ImportPreviewDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.items import (
    COL_DEADLINE,
    COL_NUMBER,
    COL_TARGET,
    COL_TEXT,
    ItemsModel,
)
from desktop_app.ui.models.plan_tree import NODE_ROLE
from tests.conftest import MINH_TAN, NAM_HONG
from tests.qt_helpers import answer_next_box


@pytest.fixture
def window(qtbot: Any, db: Database) -> MainWindow:
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    return win


def _rows(model: ItemsModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_first_start_offers_the_sample_plan(qtbot: Any, window: MainWindow) -> None:
    asked: list[str] = []
    answer_next_box("Có", asked)
    assert window.browser.tree_model.rowCount() == 0
    window.imports.offer_sample()
    qtbot.waitUntil(lambda: window.browser.tree_model.rowCount() == 1, timeout=10000)
    assert "Nam Hồng" in asked[0]
    plan = window.browser.tree_model.item(0)
    assert "Nam Hồng" in plan.text()
    assert plan.rowCount() == 2 and plan.child(0).rowCount() == 8
    assert window.browser.items_model.rowCount() == 55
    window.imports.offer_sample()  # not empty any more: no second question
    assert len(asked) == 1


def test_tree_selects_groups_and_table_shows_items(qtbot: Any, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import_file(db, path=NAM_HONG)
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    plan = win.browser.tree_model.item(0)
    group2 = plan.child(0).child(1)
    win.browser.tree.setCurrentIndex(group2.index())
    assert _rows(win.browser.items_model, COL_NUMBER) == [f"2.{i}" for i in range(1, 9)]
    assert _rows(win.browser.items_model, COL_DEADLINE)[0] == "31/12/2026"
    assert _rows(win.browser.items_model, COL_TARGET)[0] == "> 70%"
    section2 = plan.child(1)
    win.browser.tree.setCurrentIndex(section2.index())
    assert win.browser.items_model.rowCount() == 8
    assert _rows(win.browser.items_model, COL_TEXT)[0] == "Kế hoạch Chuyển đổi số xã Nam Hồng năm 2027"


def test_ui_speaks_vietnamese(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Tệp" in menus
    header = window.browser.items_model.headerData(COL_TEXT, Qt.Orientation.Horizontal)
    assert header == "Chỉ tiêu/nhiệm vụ"


def test_import_of_a_bad_file_shows_a_clear_message(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    shown: list[str] = []
    answer_next_box("Đồng ý", shown)
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    task = window.imports.import_path(bad)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "hong.xlsx" in shown[0]
    assert window.browser.tree_model.rowCount() == 0
    assert task is not None


def test_reimport_asks_before_a_second_copy(qtbot: Any, window: MainWindow) -> None:
    import_file(window.db, path=MINH_TAN)
    window.browser.refresh()
    asked: list[str] = []
    answer_next_box("Không", asked)
    window.imports.import_path(MINH_TAN)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    QApplication.processEvents()
    assert window.browser.tree_model.rowCount() == 1
    answer_next_box("Có", asked)
    window.imports.import_path(MINH_TAN)
    qtbot.waitUntil(lambda: window.browser.tree_model.rowCount() == 2, timeout=10000)
    assert "đã được nhập" in asked[0] and "bản thứ hai" in asked[1]


def test_items_model_passes_the_model_tester(qtmodeltester: Any, db: Database) -> None:
    from datetime import date

    from desktop_app.services.items import make_query

    plan_id = import_file(db, path=MINH_TAN).plan_id
    model = ItemsModel(db)
    model.set_query(make_query(plan_id=plan_id, today=date(2026, 11, 24)))
    qtmodeltester.check(model)


def test_file_menu_import_through_the_open_dialog(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    seen: dict[str, str] = {}

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, pick)
            return
        seen["accept"] = dialog.labelText(QFileDialog.DialogLabel.Accept)
        seen["filter"] = dialog.nameFilters()[0]
        dialog.selectFile(str(NAM_HONG))
        dialog.accept()

    def accept_preview() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPreviewDialog):
            QTimer.singleShot(20, accept_preview)
            return
        seen["preview_items"] = str(len(dialog.preview.parsed.items))
        dialog.correct(0, "text", "100% nhiệm vụ đã sửa trong bản xem trước")
        dialog.accept()

    QTimer.singleShot(0, pick)
    QTimer.singleShot(0, accept_preview)
    window.imports.import_action.trigger()
    qtbot.waitUntil(lambda: window.browser.tree_model.rowCount() == 1, timeout=10000)
    assert seen.pop("preview_items") == "55"
    assert show(window.db)["plans"][0]["items"][0]["text"] == "100% nhiệm vụ đã sửa trong bản xem trước"
    assert seen == {"accept": "Mở", "filter": "Phụ lục (*.docx *.xlsx *.txt *.md *.tsv *.csv)"}
    assert "Nam Hồng" in window.browser.tree_model.item(0).text()


def test_select_an_item_edit_it_in_the_form_and_undo_with_ctrl_z(qtbot: Any, db: Database) -> None:
    from desktop_app.ui.models.items import COL_TARGET

    import_file(db, path=NAM_HONG)
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    group2 = win.browser.tree_model.item(0).child(0).child(1)
    win.browser.tree.setCurrentIndex(group2.index())
    win.browser.table.selectRow(1)  # 2.2, ≥ 70%
    assert win.browser.item_form.number.text() == "2.2" and win.browser.item_form.isEnabled()
    win.browser.item_form.targets.item(0, 1).setText("75")
    assert win.browser.items_model.index(1, COL_TARGET).data() == "≥ 75%"
    assert win.browser.item_form.isEnabled() and win.browser.item_form.number.text() == "2.2"
    win.edits.undo_action.trigger()
    assert win.browser.items_model.index(1, COL_TARGET).data() == "≥ 70%"
    assert win.browser.item_form.targets.item(0, 1).text() == "70"
    win.edits.redo_action.trigger()
    assert win.browser.items_model.index(1, COL_TARGET).data() == "≥ 75%"


def test_switch_to_english_and_back(qtbot: Any, window: MainWindow) -> None:
    english = window.switch_language("en")
    qtbot.addWidget(english)
    assert [a.text() for a in english.menuBar().actions()][:2] == ["&File", "&Edit"]
    assert english.browser.items_model.headerData(COL_TEXT, Qt.Orientation.Horizontal) == "Indicator / task"
    assert english.language_actions["en"].isChecked()
    vietnamese = english.switch_language("vi")
    qtbot.addWidget(vietnamese)
    assert [a.text() for a in vietnamese.menuBar().actions()][:2] == ["&Tệp", "&Sửa"]
    assert vietnamese.browser.items_model.headerData(COL_TEXT, Qt.Orientation.Horizontal) == "Chỉ tiêu/nhiệm vụ"


def test_item_history_lists_reports_and_charts_them(qtbot: Any, db: Database) -> None:
    from decimal import Decimal

    from desktop_app.services.progress import record_progress

    import_file(db, path=NAM_HONG)
    item = next(i for i in show(db)["plans"][0]["items"] if i["number"] == "7.1")
    record_progress(db, item_id=item["id"], period="Quý II/2026", unit="Công an xã", value=Decimal(52), reported_by="Lan")
    record_progress(db, item_id=item["id"], period="Quý III/2026", unit="Công an xã", value=Decimal("68,5".replace(",", ".")),
                    reported_by="Lan")
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    group7 = win.browser.tree_model.item(0).child(0).child(6)
    win.browser.tree.setCurrentIndex(group7.index())
    win.browser.table.selectRow(0)
    history = win.browser.item_history
    assert history.table.rowCount() == 2
    assert [history.table.item(r, 2).text() for r in range(2)] == ["52", "68,5"]
    assert history.table.item(1, 0).text() == "Quý III/2026" and history.table.item(1, 4).text() == "Lan"
    win.browser.item_tabs.setCurrentIndex(1)
    points = history.chart.points()
    assert len(points) == 2 and points[1].y() < points[0].y()  # a higher value is drawn higher
    assert history.chart.targets == [Decimal(70)]


def test_dashboard_click_filters_the_items_table(qtbot: Any, db: Database) -> None:
    from datetime import date

    from desktop_app.domain.assessment import assess

    import_file(db, path=NAM_HONG)
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.browser.views.setCurrentWidget(win.browser.dashboard)
    plan = show(db)["plans"][0]
    today = date.today()
    expected = sum(1 for i in plan["items"] if assess(result=None, deadline_kind=i["deadline"]["kind"],
                                                        due=date.fromisoformat(i["deadline"]["due"]) if i["deadline"]["due"] else None,
                                                        today=today) == "overdue")
    win.browser.dashboard.filter_requested.emit({"assessment": "overdue"})
    assert win.browser.views.currentIndex() == 0
    assert win.browser.items_model.total == expected
    assert all(win.browser.items_model.row_at(r).assessment == "overdue" for r in range(win.browser.items_model.rowCount()))
    assert win.browser.filter_bar.assessment.currentData() == "overdue"


def test_unit_manager_from_the_edit_menu_merges_and_ctrl_z_undoes(qtbot: Any, db: Database) -> None:
    from desktop_app.services import units as units_service
    from desktop_app.ui.dialogs.unit_manager import MergeUnitsCommand

    import_file(db, path=NAM_HONG)
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    dialog = win.edits.manage_units()
    infos = {u.name: u for u in units_service.list_units(db)}
    before = show(db)
    win.undo_stack.push(MergeUnitsCommand(
        db, source_id=infos["Phòng Kinh tế"].id, source_name="Phòng Kinh tế",
        target_id=infos["Phòng Văn hóa - Xã hội"].id, target_name="Phòng Văn hóa - Xã hội"))
    dialog.changed.emit()
    assert "Phòng Kinh tế" not in {u.name for u in units_service.list_units(db)}
    assert all("Phòng Kinh tế" not in i["monitoring_units"] for i in show(db)["plans"][0]["items"])
    win.edits.undo_action.trigger()
    assert show(db) == before
    dialog.close()


def test_window_layout_and_last_plan_are_restored(qtbot: Any, db: Database) -> None:
    import_file(db, path=NAM_HONG)
    second = import_file(db, path=MINH_TAN).plan_id
    make_app()
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.show()
    first.browser.refresh(select_plan=second)
    first.browser.table.setColumnWidth(COL_DEADLINE, 123)
    first.browser.items_split.setSizes([300, 300])
    sizes = first.browser.items_split.sizes()
    first.close()
    again = MainWindow(db)
    qtbot.addWidget(again)
    again.show()
    assert again.browser.current_selection().plan_id == second
    assert again.browser.table.columnWidth(COL_DEADLINE) == 123
    assert again.browser.items_split.sizes() == sizes


def test_an_unexpected_fault_is_told_logged_and_copyable(qtbot: Any) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.logs import log_path, start_logging
    from desktop_app.ui.app import _report_unexpected

    make_app()
    assert start_logging() == log_path()
    seen: list[str] = []

    def press_copy_then_ok() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_copy_then_ok)
            return
        seen.append(box.text())
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        buttons["Sao chép chi tiết"].click()
        seen.append("still open" if box.isVisible() else "closed")
        buttons["Đồng ý"].click()

    QTimer.singleShot(0, press_copy_then_ok)
    try:
        raise ValueError("cột không có")
    except ValueError as exc:
        _report_unexpected(ValueError, exc, exc.__traceback__)
    assert "cột không có" in seen[0] and "không bị mất" in seen[0] and str(log_path()) in seen[0]
    assert seen[1] == "still open"
    assert "ValueError: cột không có" in QGuiApplication.clipboard().text()
    assert "ValueError: cột không có" in log_path().read_text(encoding="utf-8")


def test_dashboard_section_row_shows_only_the_items_directly_under_it(qtbot: Any, db: Database, tmp_path: Path) -> None:
    rows = ["Stt\tChỉ tiêu/nhiệm vụ\tĐơn vị chủ trì theo dõi\tĐơn vị triển khai\tThời gian hoàn thành\tGhi chú",
            "I\tChỉ tiêu\t\t\t\t", "1.1\tTỷ lệ A: đạt 100%\tCông an xã\tCông an xã\tNăm 2026\t",
            "1\tNhóm một\t\t\t\t", "1.2\tTỷ lệ B: đạt 100%\tCông an xã\tCông an xã\tNăm 2026\t"]
    path = tmp_path / "hon_hop.txt"
    path.write_text("\n".join(rows), encoding="utf-8")
    import_file(db, path=path)
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    section_id = win.browser.tree_model.item(0).child(0).data(NODE_ROLE).section_id
    win.browser.dashboard.filter_requested.emit({"section_id": section_id})
    assert [win.browser.items_model.row_at(r).number for r in range(win.browser.items_model.rowCount())] == ["1.1"]
    win.browser.tree.setCurrentIndex(win.browser.tree_model.item(0).child(0).index())
    win.browser.tree.setCurrentIndex(win.browser.tree_model.item(0).index())
    win.browser.tree.setCurrentIndex(win.browser.tree_model.item(0).child(0).index())
    assert win.browser.items_model.rowCount() == 2


def test_undo_history_names_actions_in_vietnamese_and_the_toolbar_has_them(qtbot: Any, db: Database) -> None:
    import_file(db, path=NAM_HONG)
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.browser.tree.setCurrentIndex(win.browser.tree_model.item(0).child(0).child(1).index())
    win.browser.table.selectRow(1)
    win.browser.item_form.targets.item(0, 1).setText("75")
    dialog = win.edits.show_undo_history()
    view = dialog.findChild(QUndoView)
    texts = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert texts == ["<đầu phiên làm việc>", "Sửa chỉ tiêu 2.2"]
    toolbar_texts = [a.text() for a in win.findChildren(QToolBar)[0].actions()]
    assert any("Hoàn tác" in t for t in toolbar_texts) and "&Thêm chỉ tiêu sau dòng này" in toolbar_texts
    dialog.close()
