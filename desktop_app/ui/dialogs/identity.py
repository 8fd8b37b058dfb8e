"""This installation's identity for data packages (its name, id and key fingerprint, read out on the phone to
the receiving office) and the senders whose keys were trusted, each of which can be forgotten."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services.identity import (
    forget_sender,
    installation,
    set_installation_name,
    trusted_senders,
)
from desktop_app.ui import messages

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _big_mono(points: int = 15) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(points)
    return font


def _local(moment: datetime, pattern: str) -> str:
    """A moment stored in UTC (without a zone) shown in local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime(pattern)


class IdentityDialog(QDialog):
    """Name (editable), id and fingerprint of this installation; the trusted senders with a Forget button."""

    def __init__(self, db: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("This computer's identity for data packages"))
        self.resize(820, 560)
        me = installation(db)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Other offices see this name on the packages you send. Before they trust your first "
                              "package they should compare the key fingerprint with you, e.g. by phone."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        name_row = QHBoxLayout()
        self.name = QLineEdit(me.name)
        self.name.setMaxLength(200)
        self.save_name = QPushButton(self.tr("&Save name"))
        self.save_name.clicked.connect(self.store_name)
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.save_name)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, name_row)
        self.installation_id = QLabel(me.id)
        self.installation_id.setFont(_big_mono(11))
        self.fingerprint = QLabel(me.fingerprint)
        self.fingerprint.setFont(_big_mono())
        for label in (self.installation_id, self.fingerprint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Installation id:"), self.installation_id)
        form.addRow(self.tr("Key fingerprint:"), self.fingerprint)
        layout.addLayout(form)
        box = QGroupBox(self.tr("Trusted senders"))
        box_layout = QVBoxLayout(box)
        self.peers = QTableWidget(0, 4)
        self.peers.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Key fingerprint"), self.tr("Trusted on"), self.tr("Last package")])
        self.peers.verticalHeader().hide()
        self.peers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.peers.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        box_layout.addWidget(self.peers)
        self.forget = QPushButton(self.tr("&Forget this sender…"))
        self.forget.clicked.connect(self.forget_selected)
        self.peers.itemSelectionChanged.connect(
            lambda: self.forget.setEnabled(bool(self.peers.selectionModel().selectedRows())))
        row = QHBoxLayout()
        row.addWidget(self.forget)
        row.addStretch(1)
        box_layout.addLayout(row)
        layout.addWidget(box, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.load_peers()

    def reject(self) -> None:
        """Closing keeps a name typed but not saved yet (or stays open to correct a refused one)."""
        if self.name.text().strip() != installation(self.db).name and not self.store_name():
            return
        super().reject()

    def load_peers(self) -> None:
        """Show the trusted senders as stored now."""
        self.peers.setRowCount(0)
        for peer in trusted_senders(self.db):
            row = self.peers.rowCount()
            self.peers.insertRow(row)
            last = _local(peer.last_received_at, "%d/%m/%Y %H:%M") if peer.last_received_at else "—"
            cells = (peer.name, peer.fingerprint, _local(peer.trusted_at, "%d/%m/%Y"), last)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, peer.installation_id)
                if column == 1:
                    item.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
                self.peers.setItem(row, column, item)
        self.forget.setEnabled(False)

    def store_name(self) -> bool:
        """Save the name typed (a refusal is shown, the dialog stays open)."""
        try:
            me = set_installation_name(self.db, name=self.name.text())
        except AppError as exc:
            messages.warn(self, self.windowTitle(), exc.full_message())
            return False
        self.name.setText(me.name)
        return True

    def forget_selected(self) -> bool:
        """After a confirmation, stop trusting the selected sender (its next package asks again)."""
        rows = self.peers.selectionModel().selectedRows()
        if not rows:
            return False
        item = self.peers.item(rows[0].row(), 0)
        question = self.tr("Stop trusting «%1»? Its next package will ask you to compare its key fingerprint "
                           "again.").replace("%1", item.text())
        if not messages.ask(self, self.tr("Forget sender"), question):
            return False
        forget_sender(self.db, installation_id=item.data(ID_ROLE))
        self.load_peers()
        return True
