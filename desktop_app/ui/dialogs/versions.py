"""Exchange → Kept versions…: the versions of records that merging data packages replaced, did not choose in a
conflict, or deleted as the sender had; what each differs in from the record now, and a button to restore one
(reversible: the version it replaces is kept in turn)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services.versions import KeptVersion, kept_versions, restore_version
from desktop_app.ui import messages

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COL_DATE, COL_RECORD, COL_KIND, COL_REASON, COL_SOURCE = range(5)


def _cell(text: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setToolTip(text)
    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return cell


class VersionsDialog(QDialog):
    """The kept versions (all, or one item's with its targets, deadline, units and reports) and their restore."""

    restored = Signal(int)
    """A kept version (its id) was restored: the data shown elsewhere changed."""

    def __init__(self, db: Workspace, parent: QWidget | None = None, *, item_id: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.item_id = item_id
        self.versions: list[KeptVersion] = []
        self.setWindowTitle(self.tr("Versions kept when merging"))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("When a data package is merged, the version of a record that was replaced, not "
                               "chosen in a conflict, or deleted as the sender had deleted it is kept here. "
                               "Restoring one puts it back as a change made on this computer, sent with the next "
                               "data package; the version it replaces is kept in turn."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if item_id is not None:
            layout.addWidget(QLabel(self.tr("Only this item and its targets, deadline, units and reports.")))
        row = QHBoxLayout()
        self.show_restored = QCheckBox(self.tr("Show versions already &restored"))
        self.show_restored.toggled.connect(lambda _checked: self.reload())
        row.addWidget(self.show_restored)
        row.addStretch(1)
        layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._list())
        splitter.addWidget(self._details())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-weight: bold")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Re&store this version"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    # ----- building -----------------------------------------------------------------------------------------
    def _list(self) -> QWidget:
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Record"), self.tr("Kind of record"), self.tr("Reason"), self.tr("Source")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_RECORD, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.show_details)
        return self.table

    def _details(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.details_title = QLabel()
        self.details_title.setWordWrap(True)
        self.details_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details_title)
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Now"), self.tr("Kept version")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.verticalHeader().hide()
        for column in (1, 2):
            self.fields.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.fields)
        return page

    # ----- data -----------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the kept versions again, keeping the selected one selected when it is still listed."""
        chosen = self.selected()
        try:
            self.versions = kept_versions(self.db, item_id=self.item_id,
                                          include_restored=self.show_restored.isChecked())
        except AppError as exc:
            self.versions = []
            messages.warn(self, self.windowTitle(), exc.full_message())
        self.table.setRowCount(len(self.versions))
        dim = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for row, version in enumerate(self.versions):
            reason = version.reason_label
            if version.restored_at is not None:
                reason += " — " + self.tr("restored %1").replace("%1", f"{version.restored_at:%d/%m/%Y %H:%M}")
            record = version.record if version.exists else self.tr("%1 (no longer here)").replace("%1", version.record)
            cells = [f"{version.at:%d/%m/%Y %H:%M}", record, version.table_label, reason, version.source]
            for column, text in enumerate(cells):
                cell = _cell(text)
                cell.setData(ID_ROLE, version.id)
                if version.restored_at is not None:
                    cell.setForeground(dim)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(COL_DATE)
        self.table.resizeColumnToContents(COL_KIND)
        ids = [v.id for v in self.versions]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        elif self.versions:
            self.table.selectRow(0)
        self.show_details()

    def selected(self) -> KeptVersion | None:
        """The kept version of the selected row (None when nothing is selected)."""
        rows = self.table.selectionModel().selectedRows() if hasattr(self, "table") else []
        if not rows:
            return None
        wanted = rows[0].data(ID_ROLE)
        return next((v for v in self.versions if v.id == wanted), None)

    def select_version(self, history_id: int) -> bool:
        """Select the row of one kept version; whether it is listed."""
        for row, version in enumerate(self.versions):
            if version.id == history_id:
                self.table.selectRow(row)
                return True
        return False

    def show_details(self) -> None:
        """The selected version's differing fields, now → kept."""
        version = self.selected()
        self.restore_button.setEnabled(version is not None and version.restored_at is None)
        self.fields.setRowCount(0)
        if version is None:
            self.details_title.setText(self.tr("No kept version.") if not self.versions else "")
            return
        title = f"{version.table_label} {version.record} — {version.reason_label}"
        if not version.exists:
            title += "\n" + self.tr("This record is no longer here: restoring re-creates it, with the records "
                                    "deleted together with it.")
        self.details_title.setText(title)
        self.fields.setRowCount(len(version.fields))
        for row, change in enumerate(version.fields):
            for column, text in enumerate((change.label, change.current, change.kept)):
                self.fields.setItem(row, column, _cell(text))
        self.fields.resizeColumnToContents(0)

    # ----- restoring ----------------------------------------------------------------------------------------
    def restore_selected(self) -> bool:
        """Ask, then restore the selected version; whether it was restored."""
        version = self.selected()
        if version is None or version.restored_at is not None:
            return False
        name = f"{version.table_label} {version.record}"
        question = self.tr("Restore this version of «%1»?").replace("%1", name) + "\n\n" + self.tr(
            "The record as it is now is kept in this list, so this can be undone. The change is sent with the "
            "next data package.")
        if not messages.ask(self, self.tr("Restore a kept version"), question):
            return False
        try:
            restore_version(self.db, history_id=version.id)
        except AppError as exc:
            messages.warn(self, self.tr("Restore a kept version"), exc.full_message())
            return False
        self.reload()
        if version.exists:
            done = self.tr("Restored: %1. The version it replaced is kept in this list.")
        else:
            done = self.tr("Re-created: %1, with the records deleted together with it.")
        self.status.setText(done.replace("%1", name))
        self.restored.emit(version.id)
        return True
