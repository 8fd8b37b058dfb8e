"""Backup → Restore…: the backups beside the database (date, size, plan count, why it was made), or another
file (e.g. on a USB stick)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.backups import BackupInfo
from desktop_app.ui import messages

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    """Choose a backup to restore; chosen() is its path (None until one is chosen)."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self._other: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the backup to restore. The current data is backed up first, "
                                        "so this can be undone by restoring that copy.")))
        self.table = QTableWidget(len(backups), 4)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Size"), self.tr("Plans"), self.tr("Made")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        locale = QLocale()
        for row, info in enumerate(backups):
            cells = [
                info.when.strftime("%d/%m/%Y %H:%M:%S"),
                locale.formattedDataSize(info.size),
                str(info.plans) if info.plans is not None else self.tr("unreadable"),
                info.reason_label,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(PATH_ROLE, str(info.path))
                cell.setToolTip(str(info.path))
                if column in (1, 2):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        if backups:
            self.table.selectRow(0)
        else:
            layout.addWidget(QLabel(self.tr("No backup yet beside the database.")))
        self.table.doubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("&Other file…"))
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.other_button.clicked.connect(self._choose_other)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 380)

    def chosen(self) -> Path | None:
        """The backup to restore: another file when one was picked, else the selected row."""
        if self._other is not None:
            return self._other
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return Path(str(rows[0].data(PATH_ROLE)))

    def _choose_other(self) -> None:
        start = str(QSettings().value("backup/folder", str(Path.home())))
        name = messages.open_file(self, self.tr("Choose a backup file"), start,
                                 self.tr("Database (*.sqlite3 *.sqlite *.db);;All files (*)"))
        if name:
            self._other = Path(name)
            self.accept()
