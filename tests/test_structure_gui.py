"""Structure edits from the main window with the keyboard: delete (confirmed, undone), add, move, rename."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from db.engine import Database
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.ui.app import make_app
from desktop_app.ui.controllers.structure import PlanHeaderDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models.items import COL_NUMBER
from tests.conftest import MINH_TAN, NAM_HONG
from tests.qt_helpers import answer_next_box


def _window(qtbot: Any, db: Database, path: Any = NAM_HONG) -> MainWindow:
    import_file(db, path=path)
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=20000)
    win.browser.tree.setCurrentIndex(win.browser.tree_model.item(0).child(0).child(1).index())  # group 2
    return win


def _numbers(win: MainWindow) -> list[str]:
    return [win.browser.items_model.index(r, COL_NUMBER).data() for r in range(win.browser.items_model.rowCount())]


def test_delete_key_asks_then_undo_restores(qtbot: Any, db: Database) -> None:
    win = _window(qtbot, db)
    win.browser.table.setFocus()
    win.browser.table.selectRow(2)  # 2.3
    asked: list[str] = []
    answer_next_box("Có", asked)
    qtbot.keyClick(win.browser.table, Qt.Key.Key_Delete)
    assert "2.3" in asked[0] and "2.3" not in _numbers(win)
    assert len(show(db)["plans"][0]["items"]) == 54
    win.edits.undo_action.trigger()
    assert _numbers(win)[2] == "2.3" and len(show(db)["plans"][0]["items"]) == 55
    answer_next_box("Không", asked)
    win.browser.table.selectRow(0)
    win.activateWindow()  # the confirmation box took the activation
    qtbot.waitUntil(win.isActiveWindow, timeout=20000)
    win.browser.table.setFocus()
    qtbot.keyClick(win.browser.table, Qt.Key.Key_Delete)
    assert len(asked) == 2 and _numbers(win)[0] == "2.1"


def test_add_and_move_items_with_the_keyboard(qtbot: Any, db: Database) -> None:
    win = _window(qtbot, db)
    win.browser.table.setFocus()
    win.browser.table.selectRow(0)
    qtbot.keyClick(win.browser.table, Qt.Key.Key_Insert)
    assert _numbers(win)[:3] == ["2.1", "", "2.2"] and win.browser.item_form.text.toPlainText() == "Chỉ tiêu mới"
    win.edits.undo_action.trigger()
    assert _numbers(win)[:2] == ["2.1", "2.2"]
    second = win.browser.items_model.row_at(1).text
    win.browser.table.selectRow(1)
    qtbot.keyClick(win.browser.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert win.browser.items_model.row_at(0).text == second and win.browser.table.currentIndex().row() == 0
    assert _numbers(win)[:2] == ["2.1", "2.2"]
    win.edits.undo_action.trigger()
    assert win.browser.items_model.row_at(1).text == second


def test_rename_a_group_with_f2_and_edit_the_plan_header(qtbot: Any, db: Database) -> None:
    win = _window(qtbot, db, MINH_TAN)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue("Về phát triển hạ tầng số")
            dialog.accept()
        elif isinstance(dialog, PlanHeaderDialog):
            dialog.number.setText("52/KH-UBND")
            dialog.accept()
        else:
            QTimer.singleShot(20, answer)

    win.browser.tree.setFocus()
    QTimer.singleShot(0, answer)
    qtbot.keyClick(win.browser.tree, Qt.Key.Key_F2)
    assert show(db)["plans"][0]["sections"][0]["groups"][1]["title"] == "Về phát triển hạ tầng số"
    assert "Về phát triển hạ tầng số" in win.browser.tree.currentIndex().data()
    QTimer.singleShot(0, answer)
    win.structure.plan_info_action.trigger()
    assert show(db)["plans"][0]["plan_number"] == "52/KH-UBND"
    assert "52/KH-UBND" in win.browser.tree_model.item(0).text()
    win.edits.undo_action.trigger()
    win.edits.undo_action.trigger()
    assert show(db)["plans"][0]["plan_number"] == ""
    assert show(db)["plans"][0]["sections"][0]["groups"][1]["title"] == "Về hạ tầng số"


def test_dropping_a_row_on_another_moves_the_item_and_undo_puts_it_back(qtbot: Any, db: Database) -> None:
    from PySide6.QtCore import QModelIndex

    win = _window(qtbot, db)
    first = win.browser.items_model.row_at(0).text
    data = win.browser.items_model.mimeData([win.browser.items_model.index(0, 0)])
    win.browser.items_model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, win.browser.items_model.index(2, 0))
    assert win.browser.items_model.row_at(2).text == first and _numbers(win)[:3] == ["2.1", "2.2", "2.3"]
    win.edits.undo_action.trigger()
    assert win.browser.items_model.row_at(0).text == first
    assert not win.browser.items_model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
