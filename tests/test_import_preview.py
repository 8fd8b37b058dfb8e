"""The import preview: shows the parsed plan, lets a cell be corrected, writes only on Import."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from db.engine import Database
from db.queries.common import count_rows
from desktop_app.services import importing
from desktop_app.services.plans import show
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.import_preview import ImportPreviewDialog
from desktop_app.ui.main_window import MainWindow
from tests.conftest import MINH_TAN, NAM_HONG


def _dialog(qtbot: Any, db: Database, preview: importing.Preview) -> ImportPreviewDialog:
    make_app()
    dialog = ImportPreviewDialog(db, preview)
    qtbot.addWidget(dialog)
    return dialog


def _warnings(dialog: ImportPreviewDialog) -> list[str]:
    return [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]


def test_preview_shows_the_tree_and_corrections_update_targets_and_warnings(qtbot: Any, db: Database) -> None:
    dialog = _dialog(qtbot, db, importing.preview_file(db, path=MINH_TAN))
    section = dialog.tree.topLevelItem(0)
    assert dialog.tree.topLevelItemCount() == 1 and section.childCount() == 8
    assert sum(section.child(g).childCount() for g in range(8)) == 40
    assert any("12/2025" in w for w in _warnings(dialog))
    index = next(i for i, item in enumerate(dialog.preview.parsed.items) if item.number == "6.15")
    node = dialog._node(index)
    node.setText(3, "Tháng 12/2026")  # as the officer types it in the tree's editor
    assert node.text(3) == "31/12/2026"
    assert not any("12/2025" in w for w in _warnings(dialog))
    first_62 = next(i for i, item in enumerate(dialog.preview.parsed.items) if item.number == "6.2")
    dialog.correct(first_62, "text", dialog.preview.parsed.items[first_62].text + ": Đạt tối thiểu 90%")
    assert dialog._node(first_62).text(2) == "≥ 90%"
    assert len([w for w in _warnings(dialog) if "không có giá trị mục tiêu" in w]) == 1


def test_cancel_writes_nothing_and_import_writes_the_corrected_plan(qtbot: Any, db: Database) -> None:
    before = {}
    with db.reading() as session:
        before = count_rows(session)
    dialog = _dialog(qtbot, db, importing.preview_file(db, path=NAM_HONG))
    dialog.correct(0, "monitoring", "Phòng Văn hoá – Xã hội; Công an xã")
    dialog.reject()
    with db.reading() as session:
        assert count_rows(session) == before
    result = importing.import_preview(db, preview=dialog.preview)
    item = show(db, plan_id=result.plan_id)["plans"][0]["items"][0]
    assert item["monitoring_units"] == ["Phòng Văn hóa - Xã hội", "Công an xã"]


def test_preview_judges_unit_spellings_against_the_registry(qtbot: Any, db: Database) -> None:
    importing.import_file(db, path=NAM_HONG)
    preview = importing.preview_file(db, path=MINH_TAN)
    merged = [w.message for w in preview.warnings(db) if w.code == "units_merged"]
    assert any("đã có trong danh sách đơn vị" in m for m in merged)


def test_paste_shows_the_preview_then_imports(qtbot: Any, db: Database) -> None:
    make_app()
    window = MainWindow(db)
    qtbot.addWidget(window)
    QGuiApplication.clipboard().setText(NAM_HONG.read_text(encoding="utf-8"))
    seen: list[int] = []

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportPreviewDialog):
            QTimer.singleShot(20, accept)
            return
        seen.append(len(dialog.preview.parsed.items))
        dialog.accept()

    QTimer.singleShot(0, accept)
    window.imports.paste_action.trigger()
    qtbot.waitUntil(lambda: window.browser.tree_model.rowCount() == 1, timeout=10000)
    assert seen == [55]
