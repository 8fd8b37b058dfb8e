"""Data packages from the GUI: a new sender confirmed then previewed and imported, a refused sender writing
nothing, a conflict resolved with the version sent, the preview's filter and buttons, the export dialog writing
a package to the chosen folder, the identity dialog, and a damaged package refused with a message."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from db.engine import Database
from desktop_app.services import editing
from desktop_app.services.exchange import export_package, import_package
from desktop_app.services.identity import (
    installation,
    set_installation_name,
    trusted_senders,
)
from desktop_app.services.importing import import_file
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.exchange_destination import (
    DestinationDialog,
    TrustSenderDialog,
)
from desktop_app.ui.dialogs.exchange_export import PackageExportDialog
from desktop_app.ui.dialogs.exchange_preview import PackagePreviewDialog
from desktop_app.ui.main_window import MainWindow
from tests.conftest import NAM_HONG, new_database
from tests.qt_helpers import answer_next_box

Window = MainWindow  # the main window, with the exchange steps


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Database, Database, Path]]:
    """Commune A holding the seed plan, unit B empty, and A's first full package."""
    a = new_database(tmp_path / "a" / "du_lieu.sqlite3")
    b = new_database(tmp_path / "b" / "du_lieu.sqlite3")
    set_installation_name(a, name="UBND xã Nam Hồng")
    set_installation_name(b, name="Phòng Văn hóa - Xã hội")
    import_file(a, path=NAM_HONG)
    package = tmp_path / "goi_dau.cdsx"
    export_package(a, out=package)
    QSettings().remove("exchange/folder")
    yield a, b, package
    a.close()
    b.close()


def _window(qtbot: Any, db: Database) -> Window:
    make_app()
    win = Window(db)
    qtbot.addWidget(win)
    win.show()
    return win


def when_shown(kind: type, act: Callable[[Any], None], timeout_ms: int = 20000) -> None:
    """When the next modal dialog of kind opens, call act(dialog) (which accepts or rejects it)."""
    left = [timeout_ms // 20]

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif left[0] > 0:
            left[0] -= 1
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def _one(db: Database, sql: str, *args: Any) -> Any:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


def _edit(db: Database, number: str, **changes: str) -> None:
    item_id = _one(db, "SELECT id FROM items WHERE number = ?", number)[0]
    detail = editing.item_detail(db, item_id=item_id)
    editing.update_item(db, new=detail.__class__(**{**detail.__dict__, **changes}))


def test_a_new_sender_is_confirmed_then_previewed_then_imported(qtbot: Any, pair: Any) -> None:
    a, b, package = pair
    window = _window(qtbot, b)
    seen: dict[str, Any] = {}

    def trust(dialog: TrustSenderDialog) -> None:
        seen["fingerprint"] = dialog.fingerprint.text()
        dialog.accept()

    def preview(dialog: PackagePreviewDialog) -> None:
        seen["counts"] = dict(dialog.outcome.counts)
        seen["known"] = dialog.outcome.sender_known
        seen["apply"] = dialog.apply_button is not None and dialog.apply_button.isEnabled()
        dialog.accept()

    when_shown(TrustSenderDialog, trust)
    when_shown(PackagePreviewDialog, preview)
    summary: list[str] = []
    answer_next_box("Đồng ý", summary, timeout=30)
    window.exchange.import_data_package_from(package)
    qtbot.waitUntil(lambda: bool(summary), timeout=30000)
    assert seen["fingerprint"] == installation(a).fingerprint and seen["known"] is False and seen["apply"]
    assert seen["counts"]["new"] > 300 and seen["counts"]["conflict"] == 0
    assert window.exchange.last_import is not None and window.exchange.last_import.counts == seen["counts"]  # the preview was right
    assert "UBND xã Nam Hồng" in summary[0] and window.exchange.last_import.backup is not None
    assert window.browser.tree_model.rowCount() == 1 and "Nam Hồng" in window.browser.tree_model.item(0).text()
    assert _one(b, "SELECT count(*) FROM items")[0] == 55
    assert [p.name for p in trusted_senders(b)] == ["UBND xã Nam Hồng"]
    assert QSettings().value("exchange/folder") == str(package.parent)


def test_refusing_the_new_sender_writes_nothing(qtbot: Any, pair: Any) -> None:
    _a, b, package = pair
    window = _window(qtbot, b)
    previews: list[object] = []
    when_shown(TrustSenderDialog, lambda dialog: dialog.reject())
    when_shown(PackagePreviewDialog, lambda dialog: (previews.append(dialog), dialog.reject()), timeout_ms=1500)
    task = window.exchange.import_data_package_from(package)
    qtbot.waitUntil(lambda: task not in window.operations.tasks, timeout=20000)
    qtbot.wait(300)
    assert previews == [] and window.exchange.last_import is None
    assert _one(b, "SELECT count(*) FROM plans")[0] == 0 and trusted_senders(b) == []


def test_a_conflict_resolved_with_the_version_sent(qtbot: Any, pair: Any, tmp_path: Path) -> None:
    a, b, package = pair
    import_package(b, path=package, trust=True)
    _edit(a, "2.3", text="Nội dung sửa ở xã")
    _edit(b, "2.3", text="Nội dung sửa ở phòng")
    _edit(a, "1.1", note="Ghi chú của xã")
    _edit(b, "1.1", note="Ghi chú của phòng")
    second = tmp_path / "goi_hai.cdsx"
    export_package(a, out=second)
    window = _window(qtbot, b)
    seen: dict[str, Any] = {}

    def preview(dialog: PackagePreviewDialog) -> None:
        seen["rows"] = [(dialog.conflict_table.item(r, 1).text(), dialog.conflict_table.item(r, 2).text(),
                         dialog.conflict_table.item(r, 3).text()) for r in range(dialog.conflict_table.rowCount())]
        text_key = next(key for key in dialog.conflict_rows if key[1] == "text")
        dialog.choose(*text_key, "theirs")
        seen["choices"] = dialog.choices()
        dialog.accept()

    when_shown(PackagePreviewDialog, preview)
    summary: list[str] = []
    answer_next_box("Đồng ý", summary, timeout=30)
    window.exchange.import_data_package_from(second)
    qtbot.waitUntil(lambda: bool(summary), timeout=30000)
    assert sorted(seen["rows"])[1][1:] == ("Nội dung sửa ở phòng", "Nội dung sửa ở xã")
    assert sorted(seen["choices"].values()) == ["ours", "theirs"]
    assert window.exchange.last_import is not None and window.exchange.last_import.counts["conflict"] == 2
    assert _one(b, "SELECT text FROM items WHERE number = '2.3'")[0] == "Nội dung sửa ở xã"
    assert _one(b, "SELECT note FROM items WHERE number = '1.1'")[0] == "Ghi chú của phòng"
    kept = _one(b, "SELECT count(*) FROM record_history WHERE reason = 'not_chosen' AND content LIKE ?",
                "%Nội dung sửa ở phòng%")[0]
    assert kept == 1  # the version not chosen can still be restored


def test_preview_filter_choices_and_nothing_to_change(qtbot: Any, pair: Any) -> None:
    _a, b, package = pair
    make_app()
    first = import_package(b, path=package, dry_run=True)
    dialog = PackagePreviewDialog(first)
    qtbot.addWidget(dialog)
    assert dialog.apply_button is not None and not hasattr(dialog, "conflict_table")
    dialog.show_kind("new")
    assert set(dialog.shown_kinds()) == {"new"} and len(dialog.shown_kinds()) == len(first.changes)
    dialog.show_kind("unchanged")
    assert dialog.shown_kinds() == []
    dialog.show_kind("")
    assert len(dialog.shown_kinds()) == len(first.changes)
    import_package(b, path=package, trust=True)
    again = PackagePreviewDialog(import_package(b, path=package, dry_run=True))
    qtbot.addWidget(again)
    assert again.apply_button is None and again.outcome.counts["unchanged"] > 300
    assert [button.text() for button in again.buttons.buttons()] == [again.tr("Close")]
    assert again.choices() == {}


def test_keep_all_and_take_all_set_every_conflict(qtbot: Any, pair: Any, tmp_path: Path) -> None:
    a, b, package = pair
    import_package(b, path=package, trust=True)
    for number in ("1.1", "1.2", "2.1"):
        _edit(a, number, note=f"xã {number}")
        _edit(b, number, note=f"phòng {number}")
    export_package(a, out=tmp_path / "ba.cdsx")
    make_app()
    dialog = PackagePreviewDialog(import_package(b, path=tmp_path / "ba.cdsx", dry_run=True))
    qtbot.addWidget(dialog)
    assert len(dialog.conflict_rows) == 3 and set(dialog.choices().values()) == {"ours"}
    dialog.all_theirs.click()
    assert set(dialog.choices().values()) == {"theirs"}
    dialog.all_ours.click()
    assert set(dialog.choices().values()) == {"ours"}


def test_export_dialog_writes_a_package_to_the_chosen_folder(qtbot: Any, pair: Any, tmp_path: Path) -> None:
    a, b, _package = pair
    window = _window(qtbot, a)
    out = tmp_path / "usb"
    out.mkdir()
    plan_id = _one(a, "SELECT id FROM plans")[0]
    seen: dict[str, Any] = {}

    def scope(dialog: PackageExportDialog) -> None:
        dialog.plan.setCurrentIndex(dialog.plan.findData(plan_id))
        dialog.only_changes.setChecked(True)
        dialog.recipient.setCurrentText("Phòng  Văn hóa - Xã hội ")
        seen["values"] = dialog.values()
        dialog.accept()

    def destination(dialog: DestinationDialog) -> None:
        seen["suggested"] = dialog.name.text()
        dialog.add_folder(out)
        dialog.accept()

    when_shown(PackageExportDialog, scope)
    when_shown(DestinationDialog, destination)
    shown: list[str] = []
    answer_next_box("Đồng ý", shown, timeout=30)
    window.exchange.export_data_package()
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert seen["values"] == {"plan_id": plan_id, "unit": None, "since_last_to": "Phòng Văn hóa - Xã hội"}
    assert seen["suggested"].startswith("Goi_du_lieu_UBND_xã_Nam_Hồng_") and seen["suggested"].endswith(".cdsx")
    written = window.exchange.last_package
    assert written is not None and written.path.parent == out and written.path.is_file()
    assert written.to_name == "Phòng Văn hóa - Xã hội" and written.since is None  # first package: everything
    assert written.sha256 in shown[0] and QSettings().value("exchange/folder") == str(out)
    outcome = import_package(b, path=written.path, trust=True)
    assert outcome.counts["new"] > 300 and _one(b, "SELECT count(*) FROM items")[0] == 55


def test_export_dialog_offers_trusted_senders_and_needs_a_recipient(qtbot: Any, pair: Any) -> None:
    a, b, package = pair
    import_package(b, path=package, trust=True)
    make_app()
    dialog = PackageExportDialog(b)
    qtbot.addWidget(dialog)
    assert [dialog.recipient.itemText(i) for i in range(dialog.recipient.count())] == ["UBND xã Nam Hồng"]
    assert dialog.plan.itemData(0) is None and dialog.plan.count() == 2 and dialog.unit.count() > 5
    assert dialog.values() == {"plan_id": None, "unit": None, "since_last_to": None}
    dialog.only_changes.setChecked(True)
    dialog.recipient.setCurrentText("")
    assert not dialog.ok.isEnabled()
    dialog.recipient.setCurrentIndex(0)
    assert dialog.ok.isEnabled() and dialog.values()["since_last_to"] == "UBND xã Nam Hồng"


def test_identity_dialog_renames_and_forgets_a_sender(qtbot: Any, pair: Any) -> None:
    _a, b, package = pair
    import_package(b, path=package, trust=True)
    window = _window(qtbot, b)
    dialog = window.exchange.show_identity()
    assert dialog.fingerprint.text() == installation(b).fingerprint and dialog.peers.rowCount() == 1
    dialog.name.setText("  Phòng   Văn hoá ")
    assert dialog.store_name() and installation(b).name == "Phòng Văn hoá" == dialog.name.text()
    dialog.name.setText("")
    refused: list[str] = []
    answer_next_box("Đồng ý", refused)
    assert not dialog.store_name() and "trống" in refused[0]
    dialog.peers.selectRow(0)
    asked: list[str] = []
    answer_next_box("Có", asked)
    assert dialog.forget_selected()
    assert "UBND xã Nam Hồng" in asked[0] and trusted_senders(b) == [] and dialog.peers.rowCount() == 0
    dialog.name.setText("Phòng Văn hoá")
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_damaged_package_is_refused_with_a_message(qtbot: Any, pair: Any, tmp_path: Path) -> None:
    _a, b, package = pair
    damaged = tmp_path / "hong.cdsx"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    window = _window(qtbot, b)
    shown: list[str] = []
    answer_next_box("Đồng ý", shown, timeout=30)
    window.exchange.import_data_package_from(damaged)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "hong.cdsx" in shown[0] and window.exchange.last_import is None
    assert _one(b, "SELECT count(*) FROM plans")[0] == 0


def test_a_package_after_one_never_received_is_refused_with_what_to_do(qtbot: Any, pair: Any, tmp_path: Path) -> None:
    a, b, _package = pair
    export_package(a, out=tmp_path / "lan1.cdsx", since_last_to="Phòng Văn hóa - Xã hội")  # lost on the way
    _edit(a, "1.1", note="Sửa sau")
    second = export_package(a, out=tmp_path / "lan2.cdsx", since_last_to="Phòng Văn hóa - Xã hội").path
    window = _window(qtbot, b)
    shown: list[str] = []
    answer_next_box("Đồng ý", shown, timeout=30)
    window.exchange.import_data_package_from(second)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert "«lan1.cdsx»" in shown[0] and "gói đầy đủ" in shown[0] and window.exchange.last_import is None
    assert _one(b, "SELECT count(*) FROM plans")[0] == 0


def test_a_package_given_on_the_command_line_opens_the_package_preview(qtbot: Any, pair: Any) -> None:
    _a, b, package = pair
    window = _window(qtbot, b)
    seen: list[str] = []
    when_shown(TrustSenderDialog, lambda dialog: (seen.append("trust"), dialog.reject()))
    task = window.imports.preview_path(package)  # what a double-click on a .cdsx file reaches
    qtbot.waitUntil(lambda: task not in window.operations.tasks and bool(seen), timeout=20000)
    assert seen == ["trust"] and _one(b, "SELECT count(*) FROM plans")[0] == 0


def test_the_province_comparison_opens_from_the_exchange_menu(qtbot: Any, pair: Any) -> None:
    a, _b, _package = pair
    window = _window(qtbot, a)
    assert window.exchange.province_action in window.exchange_menu.actions()
    province = window.exchange.show_province()
    qtbot.addWidget(province)
    assert province.view.model.rowCount() == 1 and window.exchange.show_province() is province
    plan = province.open_plan(_one(a, "SELECT id FROM plans")[0])
    assert "Nam Hồng" in plan.windowTitle()
