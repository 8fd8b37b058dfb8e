"""The package destination dialog (drives, another folder, a safe file name, replacing a file) and the dialog
that asks whether to trust a new sender (refusing is the default)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog

from desktop_app.io.removable import Drive
from desktop_app.ui.dialogs.exchange_destination import (
    DestinationDialog,
    TrustSenderDialog,
    gigabytes,
    package_file_name,
)
from tests.qt_helpers import answer_next_box


def drives(tmp_path: Path) -> list[Drive]:
    kingston, card = tmp_path / "KINGSTON", tmp_path / "THE NHO"
    kingston.mkdir()
    card.mkdir()
    return [Drive(kingston, "KINGSTON", 14_567_000_000, 15_500_000_000), Drive(card, "THE NHO", 900_000_000,
                                                                              7_800_000_000)]


def test_the_drives_are_listed_with_their_free_space_and_the_first_is_chosen(qtbot: Any, tmp_path: Path) -> None:
    dialog = DestinationDialog(suggested_name="Gói gửi xã Hà Lộc 04/05/2026", last_folder=None,
                               drives=drives(tmp_path))
    qtbot.addWidget(dialog)
    texts = [dialog.places.item(i).text() for i in range(dialog.places.count())]
    assert len(texts) == 2
    assert "KINGSTON" in texts[0] and "14,6 GB" in texts[0] and "15,5 GB" in texts[0]
    assert str(tmp_path / "KINGSTON") in texts[0] and "0,9 GB" in texts[1]
    assert dialog.no_drive.isHidden()
    assert dialog.name.text() == "Gói gửi xã Hà Lộc 04-05-2026.cdsx"
    assert dialog.chosen_path() == tmp_path / "KINGSTON" / "Gói gửi xã Hà Lộc 04-05-2026.cdsx"
    dialog.places.setCurrentRow(1)
    dialog.name.setText('goi:<moi>?.CDSX')
    assert dialog.chosen_path() == tmp_path / "THE NHO" / "goimoi.cdsx"
    assert dialog.write_button.isEnabled()


def test_without_a_drive_the_last_folder_or_another_folder_is_offered(qtbot: Any, tmp_path: Path) -> None:
    dialog = DestinationDialog(suggested_name="goi", last_folder=None, drives=[])
    qtbot.addWidget(dialog)
    assert dialog.places.count() == 0 and not dialog.no_drive.isHidden()
    assert dialog.chosen_path() is None and not dialog.write_button.isEnabled()
    dialog.add_folder(tmp_path)
    assert dialog.chosen_path() == tmp_path / "goi.cdsx" and dialog.write_button.isEnabled()
    dialog.add_folder(tmp_path)
    assert dialog.places.count() == 1, "a folder already listed is selected, not added twice"

    last = tmp_path / "last"
    on_stick = drives(tmp_path)
    again = DestinationDialog(suggested_name="", last_folder=last, drives=on_stick)
    qtbot.addWidget(again)
    assert again.places.count() == 3 and str(last) in again.places.item(2).text()
    assert again.name.text() == "goi_du_lieu.cdsx"
    inside = DestinationDialog(suggested_name="x", last_folder=on_stick[0].path / "goi", drives=on_stick)
    qtbot.addWidget(inside)
    assert inside.places.count() == 2, "a last folder on a listed stick is not repeated"


def test_replacing_an_existing_file_is_asked_first(qtbot: Any, tmp_path: Path) -> None:
    dialog = DestinationDialog(suggested_name="goi", last_folder=tmp_path, drives=[])
    qtbot.addWidget(dialog)
    (tmp_path / "goi.cdsx").write_bytes(b"old")
    seen: list[str] = []
    answer_next_box("Không", seen)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "goi.cdsx" in seen[0]
    answer_next_box("Có", seen)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_trust_dialog_shows_the_fingerprint_large_and_refuses_by_default(qtbot: Any) -> None:
    fingerprint = "3F2A 9C01 77B0 1D2E 0A0B 0C0D 0E0F 1011 1213 1415"
    dialog = TrustSenderDialog(sender_name="UBND xã Hà Lộc", fingerprint=fingerprint,
                               installation_id="6f1c2a9e-0000-4000-8000-000000000001")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fingerprint.text() == fingerprint
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    assert dialog.fingerprint.font().family() == fixed != dialog.font().family()
    assert dialog.fingerprint.font().pointSizeF() > dialog.font().pointSizeF() * 1.3
    assert dialog.refuse_button.isDefault() and not dialog.trust_button.isDefault()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    accepted = TrustSenderDialog(sender_name="UBND xã Hà Lộc", fingerprint=fingerprint, installation_id="x")
    qtbot.addWidget(accepted)
    accepted.show()
    with qtbot.waitSignal(accepted.accepted):
        accepted.trust_button.click()


def test_helpers_format_sizes_and_names() -> None:
    assert gigabytes(14_567_000_000) == "14,6 GB" and gigabytes(0) == "0,0 GB"
    assert package_file_name("a/b.cdsx") == "a-b.cdsx" and package_file_name("CON") == "goi_du_lieu_CON.cdsx"
