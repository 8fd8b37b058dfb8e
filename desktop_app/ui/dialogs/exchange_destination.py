"""Where to write a data package (the USB sticks plugged in, or another folder, and the file's name), and
whether to trust an unknown sender (its name and key fingerprint, to compare by phone)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.file_names import safe_file_name
from desktop_app.io.exchange.package import SUFFIX
from desktop_app.io.removable import Drive, removable_drives
from desktop_app.ui import messages

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
FALLBACK_NAME = "goi_du_lieu"


def gigabytes(n: int) -> str:
    """Bytes as decimal gigabytes with a decimal comma, as USB sticks are sold ("14,6 GB")."""
    return f"{n / 1e9:.1f} GB".replace(".", ",")


def package_file_name(text: str) -> str:
    """The user's file name made safe for Windows, with one ".cdsx" at the end."""
    name = text.strip()
    if name.lower().endswith(SUFFIX):
        name = name[: -len(SUFFIX)]
    return safe_file_name(name, SUFFIX, fallback=FALLBACK_NAME)


class DestinationDialog(QDialog):
    """Choose the folder (a USB stick first) and the name of the package to write; chosen_path() is the file."""

    def __init__(self, parent: QWidget | None = None, *, suggested_name: str, last_folder: Path | None,
                 drives: list[Drive] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write the data package"))
        self._last_folder = last_folder
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose where to write the data package: a USB stick, or another folder.")))
        self.places = QListWidget()
        self.places.setMinimumHeight(140)
        layout.addWidget(self.places)
        self.no_drive = QLabel(self.tr("No USB stick found. Plug one in and press Refresh, or choose another "
                                       "folder."))
        self.no_drive.setWordWrap(True)
        layout.addWidget(self.no_drive)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.other_button = QPushButton(self.tr("Choose another &folder…"))
        row.addWidget(self.refresh_button)
        row.addWidget(self.other_button)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.name = QLineEdit(package_file_name(suggested_name))
        form.addRow(self.tr("File &name:"), self.name)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox()
        self.write_button = self.buttons.addButton(self.tr("&Write"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh_button.clicked.connect(lambda: self.show_drives(removable_drives()))
        self.other_button.clicked.connect(self._choose_other)
        self.places.currentItemChanged.connect(lambda *_: self._update())
        self.name.textChanged.connect(lambda *_: self._update())
        self.show_drives(removable_drives() if drives is None else drives)
        self.resize(560, 360)

    def show_drives(self, drives: list[Drive]) -> None:
        """List the drives (then the last folder used, if it is not on one of them) and select the first."""
        self.places.clear()
        for drive in drives:
            text = self.tr("%1 — %2 free of %3 — %4").replace("%1", drive.label).replace(
                "%2", gigabytes(drive.free_bytes)).replace("%3", gigabytes(drive.total_bytes)).replace(
                "%4", str(drive.path))
            self._add(text, drive.path)
        last = self._last_folder
        if last is not None and not any(self._on(last, d.path) for d in drives):
            self._add(self.tr("Last folder used — %1").replace("%1", str(last)), last)
        self.no_drive.setVisible(not drives)
        if self.places.count():
            self.places.setCurrentRow(0)
        self._update()

    @staticmethod
    def _on(folder: Path, drive: Path) -> bool:
        return folder == drive or drive in folder.parents

    def _add(self, text: str, folder: Path) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(PATH_ROLE, str(folder))
        item.setToolTip(str(folder))
        self.places.addItem(item)
        return item

    def add_folder(self, folder: Path) -> None:
        """Offer and select a folder chosen by hand."""
        for row in range(self.places.count()):
            if self.places.item(row).data(PATH_ROLE) == str(folder):
                self.places.setCurrentRow(row)
                return
        self.places.setCurrentItem(self._add(self.tr("Folder — %1").replace("%1", str(folder)), folder))

    def _choose_other(self) -> None:
        start = str(self._last_folder or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder for the data package"), start)
        if chosen:
            self.add_folder(Path(chosen))

    def chosen_path(self) -> Path | None:
        """The package file to write (selected folder / safe name + .cdsx), or None while no folder is selected."""
        item = self.places.currentItem()
        if item is None:
            return None
        return Path(str(item.data(PATH_ROLE))) / package_file_name(self.name.text())

    def _update(self) -> None:
        self.write_button.setEnabled(self.chosen_path() is not None)

    def accept(self) -> None:
        path = self.chosen_path()
        if path is None:
            return
        if path.exists() and not messages.ask(self, self.tr("Replace the file?"), self.tr(
                "A file named «%1» is already there. Replace it with the new package?").replace("%1", path.name)):
            return
        super().accept()


class TrustSenderDialog(QDialog):
    """Ask whether to trust a sender seen for the first time; accepted means trust and import."""

    def __init__(self, parent: QWidget | None = None, *, sender_name: str, fingerprint: str,
                 installation_id: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A new sender"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This data package comes from «%1», whose key this computer has not seen before.")
                       .replace("%1", sender_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Key fingerprint:")))
        self.fingerprint = QLabel(fingerprint)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.fingerprint)
        advice = QLabel(self.tr("Before importing, phone the sender and ask them to read out the fingerprint shown "
                                "in their program for their own computer. Import only if every group is the "
                                "same. If it differs, the package may be forged: do not import it."))
        advice.setWordWrap(True)
        layout.addWidget(advice)
        ident = QLabel(self.tr("Installation: %1").replace("%1", installation_id))
        ident.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ident.setEnabled(False)  # shown for support, greyed: the fingerprint is what to compare
        layout.addWidget(ident)
        buttons = QDialogButtonBox()
        self.trust_button = buttons.addButton(self.tr("Trust and import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.refuse_button = buttons.addButton(self.tr("Do not import"), QDialogButtonBox.ButtonRole.RejectRole)
        self.trust_button.setAutoDefault(False)
        self.refuse_button.setDefault(True)  # Enter never trusts a key by surprise
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 300)
