"""The kept-versions dialog: the list and the fields that differ, restoring with the button after the
confirmation (and not when it is refused), already-restored versions shown on request, one item's versions,
and the Exchange menu action that opens it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database
from desktop_app.services import editing
from desktop_app.services.importing import import_file
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.versions import (
    COL_KIND,
    COL_REASON,
    COL_RECORD,
    COL_SOURCE,
    VersionsDialog,
)
from desktop_app.ui.main_window import MainWindow
from tests.conftest import NAM_HONG, new_database
from tests.exchange_helpers import send
from tests.qt_helpers import answer_next_box


@pytest.fixture
def b_with_conflict(tmp_path: Path) -> Iterator[Database]:
    """Installation B after a package from A whose text of item 2.3 conflicted with B's (B's kept)."""
    a = new_database(tmp_path / "a" / "du_lieu.sqlite3")
    b = new_database(tmp_path / "b" / "du_lieu.sqlite3")
    import_file(a, path=NAM_HONG)
    send(a, b, tmp_path, "dau_tien.cdsx")
    for db, text in ((a, "Nội dung của xã"), (b, "Nội dung của phòng")):
        detail = editing.item_detail(db, item_id=_one(db, "SELECT id FROM items WHERE number = '2.3'")[0])
        editing.update_item(db, new=detail.__class__(**{**detail.__dict__, "text": text}))
    assert send(a, b, tmp_path, "a_to_b.cdsx").counts["conflict"] == 1
    a.close()
    yield b
    b.close()


def _one(db: Database, sql: str, *args: Any) -> Any:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


def _dialog(qtbot: Any, db: Database, **options: Any) -> VersionsDialog:
    make_app()
    dialog = VersionsDialog(db, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fields(dialog: VersionsDialog) -> list[tuple[str, str, str]]:
    table = dialog.fields
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]  # type: ignore[misc]


def test_the_button_restores_the_selected_version_after_confirmation(qtbot: Any, b_with_conflict: Database) -> None:
    b = b_with_conflict
    dialog = _dialog(qtbot, b)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, COL_RECORD).text().startswith("2.3 Nội dung của phòng")
    assert dialog.table.item(0, COL_KIND).text() == "Chỉ tiêu/nhiệm vụ"
    assert dialog.table.item(0, COL_REASON).text() == "Không được chọn khi xung đột"
    assert "a_to_b.cdsx" in dialog.table.item(0, COL_SOURCE).text()
    assert _fields(dialog) == [("Nội dung", "Nội dung của phòng", "Nội dung của xã")]
    assert dialog.restore_button.isEnabled()
    restored: list[int] = []
    dialog.restored.connect(restored.append)
    asked: list[str] = []
    answer_next_box("Có", asked)
    dialog.restore_button.click()
    assert asked and "2.3 Nội dung của phòng" in asked[0]
    assert _one(b, "SELECT text FROM items WHERE number = '2.3'")[0] == "Nội dung của xã"
    assert len(restored) == 1 and "2.3" in dialog.status.text()
    # the list now holds the version the restore replaced, ready to bring back
    assert dialog.table.rowCount() == 1 and _fields(dialog) == [("Nội dung", "Nội dung của xã", "Nội dung của phòng")]
    dialog.show_restored.setChecked(True)
    assert dialog.table.rowCount() == 2
    assert dialog.select_version(restored[0]) and not dialog.restore_button.isEnabled()


def test_refusing_the_confirmation_changes_nothing(qtbot: Any, b_with_conflict: Database) -> None:
    b = b_with_conflict
    dialog = _dialog(qtbot, b)
    asked: list[str] = []
    answer_next_box("Không", asked)
    dialog.restore_button.click()
    assert asked and dialog.status.text() == ""
    assert _one(b, "SELECT text FROM items WHERE number = '2.3'")[0] == "Nội dung của phòng"
    assert _one(b, "SELECT count(*) FROM record_history WHERE restored_at IS NOT NULL")[0] == 0


def test_one_items_versions_and_the_exchange_menu(qtbot: Any, b_with_conflict: Database) -> None:
    b = b_with_conflict
    other = _dialog(qtbot, b, item_id=_one(b, "SELECT id FROM items WHERE number = '1.1'")[0])
    assert other.table.rowCount() == 0 and not other.restore_button.isEnabled()
    own = _dialog(qtbot, b, item_id=_one(b, "SELECT id FROM items WHERE number = '2.3'")[0])
    assert own.table.rowCount() == 1
    make_app()
    window = MainWindow(b)
    qtbot.addWidget(window)
    window.show()
    assert window.exchange.versions_action in window.exchange_menu.actions()
    window.exchange.versions_action.trigger()
    qtbot.waitUntil(lambda: window.exchange.versions_dialog.isVisible(), timeout=20000)
    assert window.exchange.versions_dialog.item_id is None and window.exchange.versions_dialog.table.rowCount() == 1
    window.exchange.versions_dialog.reject()
