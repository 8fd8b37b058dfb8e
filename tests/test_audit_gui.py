"""The change log on screen: the global view filters by person, dates and record; one item's history; the
officer's name asked on first start."""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from db.engine import Database
from desktop_app.services import editing
from desktop_app.services.importing import import_file
from desktop_app.services.officer import (
    GUI,
    saved_name,
    set_officer_name,
    start_session,
)
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.ui.widgets.audit_view import AuditDialog, AuditTable, ask_officer_name
from tests.conftest import NAM_HONG


def _column(dialog: AuditDialog, column: int) -> list[str]:
    return [dialog.table.item(row, column).text() for row in range(dialog.table.rowCount())]


def test_the_change_log_filters_by_person_record_and_date(qtbot: Any, db: Database) -> None:
    start_session(db, origin=GUI)
    set_officer_name(db, "Nguyễn Thị Hoa")
    plan = import_file(db, path=NAM_HONG).plan_id
    item_id = item_by_number(db, plan_id=plan, number="2.1")
    set_officer_name(db, "Trần Văn Nam")
    record_progress(db, item_id=item_id, period="2026-Q1", value=Decimal("40.5"))
    dialog = AuditDialog(db)
    qtbot.addWidget(dialog)
    everyone = dialog.table.rowCount()
    assert everyone > 100
    dialog.person.setCurrentIndex(dialog.person.findData("Trần Văn Nam"))
    assert _column(dialog, 1) == ["Trần Văn Nam"]
    assert _column(dialog, 2) == ["Thêm"]
    assert "Giá trị: ∅ → 40,5" in _column(dialog, 4)[0]
    assert _column(dialog, 5) == [GUI]
    dialog.person.setCurrentIndex(0)
    dialog.record.setText("Quý I/2026")
    assert dialog.table.rowCount() == 1
    dialog.record.clear()
    tomorrow = QDate.currentDate().addDays(1)
    dialog.since.setDate(tomorrow)
    assert dialog.table.rowCount() == 0 and dialog.count.text().startswith("0")
    dialog.since.setDate(dialog.since.minimumDate())
    assert dialog.table.rowCount() == everyone


def _laid_out_and_refitted(qtbot: Any, table: AuditTable) -> None:
    """Wait for the events that fit the rows, not for a time: the columns get their laid-out widths (they fill
    the viewport once the changes column has stretched into what the window gives it), then the refit that
    every width change of a wrapped column schedules (the table's single-shot timer) runs, as often as it was
    scheduled again meanwhile. The timeouts only bound a hang."""
    columns = table.horizontalHeader()
    qtbot.waitUntil(lambda: columns.length() == table.viewport().width(), timeout=20000)
    while table._refit.isActive():
        with qtbot.waitSignal(table._refit.timeout, timeout=20000):
            pass


def test_rows_fit_their_text_once_the_window_is_laid_out(qtbot: Any, db: Database) -> None:
    import_file(db, path=NAM_HONG)
    dialog = AuditDialog(db)  # filled before it is shown, while the changes column is still narrow
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(1400, 600)
    table = dialog.table
    rows = table.verticalHeader()

    least = rows.minimumSectionSize()  # a row is never lower than this, whatever its text
    # ... nor lower than the header's own hint for the row (its label in the header's bold font: taller than
    # the minimum with some fonts), which Qt's fitting to contents also takes
    def fitted() -> bool:
        return all(table.rowHeight(r) == max(least, rows.sectionSizeHint(r), table.sizeHintForRow(r))
                   for r in range(min(20, table.rowCount())))

    _laid_out_and_refitted(qtbot, table)
    qtbot.waitUntil(fitted, timeout=20000)  # at once, unless a last width change is still being handled
    one_line = table.fontMetrics().height()
    assert min(table.rowHeight(r) for r in range(20)) < 3 * one_line  # no tall empty rows left from the fill
    table.setColumnWidth(3, 120)  # a narrower record column wraps more: its rows grow again
    _laid_out_and_refitted(qtbot, table)
    qtbot.waitUntil(fitted, timeout=20000)


def test_an_items_history_lists_only_its_changes(qtbot: Any, db: Database) -> None:
    plan = import_file(db, path=NAM_HONG).plan_id
    item_id = item_by_number(db, plan_id=plan, number="2.1")
    detail = editing.item_detail(db, item_id=item_id)
    editing.update_item(db, new=replace(detail, text="Phủ sóng 5G toàn xã"))
    dialog = AuditDialog(db, item_id=item_id, title="2.1")
    qtbot.addWidget(dialog)
    assert "2.1" in dialog.windowTitle()
    records = _column(dialog, 3)
    assert records and all(" 2.1" in r for r in records)
    assert _column(dialog, 2)[0] == "Sửa" and "Phủ sóng 5G toàn xã" in _column(dialog, 4)[0]


def _answer_input(text: str | None, seen: list[str], timeout: float = 10.0) -> None:
    """Type text into the next QInputDialog and accept it (None: cancel it)."""
    deadline = time.monotonic() + timeout

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog) and box.isVisible():
            seen.append(box.textValue())
            if text is None:
                box.reject()
            else:
                box.setTextValue(text)
                box.accept()
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def test_the_officer_is_asked_once_and_a_cancel_keeps_the_user_name(qtbot: Any, db: Database) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    assert saved_name(db) is None
    seen: list[str] = []
    _answer_input(None, seen)
    assert ask_officer_name(parent, db, first=True) is False
    assert seen and saved_name(db) == seen[0]  # the computer's user name, offered and kept
    _answer_input("  Phạm   Minh Thu ", seen)
    assert ask_officer_name(parent, db) is True
    assert saved_name(db) == "Phạm Minh Thu" and db.actor == "Phạm Minh Thu"


def test_the_main_window_shows_an_items_changes_and_opens_the_change_log(qtbot: Any, db: Database) -> None:
    from desktop_app.ui.app import make_app
    from desktop_app.ui.main_window import MainWindow

    start_session(db, origin=GUI)
    set_officer_name(db, "Nguyễn Thị Hoa")
    import_file(db, path=NAM_HONG)
    make_app()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.browser.tree.setCurrentIndex(win.browser.tree_model.item(0).child(0).child(1).index())
    win.browser.table.selectRow(1)  # 2.2, ≥ 70%
    assert win.browser.item_form.number.text() == "2.2"
    tab = win.browser.item_tabs.indexOf(win.browser.item_audit)
    assert win.browser.item_tabs.tabText(tab) == "Thay đổi"
    win.browser.item_tabs.setCurrentIndex(tab)
    before = win.browser.item_audit.table.rowCount()
    assert before > 0  # the import
    win.browser.item_form.targets.item(0, 1).setText("75")  # saved as the officer types
    qtbot.waitUntil(lambda: win.browser.item_audit.table.rowCount() > before, timeout=20000)
    top = [win.browser.item_audit.table.item(0, c).text() for c in range(7)]
    assert top[1] == "Nguyễn Thị Hoa" and top[2] == "Sửa" and "70 → 75" in top[4] and top[5] == GUI
    assert win.browser.item_audit.versions_button.isEnabled()
    assert win.audit.audit_action.text() == "&Nhật ký thay đổi…" and win.audit.audit_action.shortcut().toString() == "Ctrl+Shift+L"
    dialog = win.audit.show_audit()
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() > before and dialog.person.findData("Nguyễn Thị Hoa") > 0
