"""The audit trail on screen: every change with who, when, the record, old → new and the source, filtered by
person, dates and record text (Edit → Change log…), or one item's history (from the item form); and the
officer's name the trail records, asked for on first start and changed in Settings."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services import audit, officer
from desktop_app.ui import messages

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

LIMIT = 5000
REFIT_MS = 80
WRAPPED = (3, 4, 5)  # record, changes, source: wrapped text
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date fields, shown as "—": no limit


def _filled(template: str, *values: str) -> str:
    """template with %1, %2 … replaced in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1] if 0 < int(m[1]) <= len(values) else m[0], template)


class AuditTable(QTableWidget):
    """Entries, one per row: time, person, action, record, changes old → new, source, where made."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Person"), self.tr("Action"), self.tr("Record"),
                                        self.tr("Changes (old → new)"), self.tr("Source"), self.tr("Made at")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        for column in (0, 1, 2, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, 260)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the changes take what is left
        # rows are as tall as their wrapped text: measured again once the wrapping columns settle in width
        # (the window laid out, or a column dragged), not at every step of a drag
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_MS)
        self._refit.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda column, _old, _new: self._refit.start() if column in WRAPPED else None)

    def show_rows(self, rows: list[audit.AuditRow]) -> None:
        """Replace the rows shown."""
        self.setRowCount(0)
        self.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            whole = entry.action in audit.WHOLE  # a bulk import or a restore: what happened is in its label
            record = f"{entry.record_kind}: {entry.record}" if entry.record and not whole else entry.record_kind
            cells = (entry.at.strftime("%d/%m/%Y %H:%M:%S"), entry.who, entry.action, record,
                     entry.record if whole else entry.summary(),
                     entry.source, entry.installation)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.setItem(row, column, item)
        self.resizeRowsToContents()


class AuditDialog(QDialog):
    """The change log, for the whole database, one item (item_id) or one plan (plan_id: a commune's plan at
    the province); title names that item or plan."""

    def __init__(self, db: Workspace, parent: QWidget | None = None, *, item_id: int | None = None,
                 plan_id: int | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.item_id, self.plan_id = item_id, plan_id
        self.setWindowTitle(self.tr("Change history — %1").replace("%1", title)
                            if item_id is not None or plan_id is not None else self.tr("Change log"))
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.person = QComboBox()
        self.person.addItem(self.tr("Everyone"), "")
        for name in audit.people(db):
            self.person.addItem(name, name)
        self.place = QComboBox()
        self.place.addItem(self.tr("Everywhere"), None)
        for name in audit.places(db):
            self.place.addItem(name, name)
        self.since, self.until = self._date(), self._date()
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("Stt, item text, unit or period…"))
        self.record.setClearButtonEnabled(True)
        for label, widget in ((self.tr("&Person:"), self.person), (self.tr("Made &at:"), self.place),
                              (self.tr("&From:"), self.since),
                              (self.tr("&To:"), self.until), (self.tr("&Record:"), self.record)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, 2 if widget is self.record else 0)
        layout.addLayout(filters)
        self.table = AuditTable()
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.integrity = QLabel()  # what the last check of the chain found
        self.integrity.setWordWrap(True)
        self.integrity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.integrity)
        buttons = QDialogButtonBox()
        self.check_button = buttons.addButton(self.tr("Check &integrity"), QDialogButtonBox.ButtonRole.ActionRole)
        self.check_button.setToolTip(self.tr("Check that no entry of the change log was changed or removed outside "
                                             "the program (each entry is chained to the one before it by a hash)."))
        self.check_button.clicked.connect(self.check_integrity)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.person.currentIndexChanged.connect(self.reload)
        self.place.currentIndexChanged.connect(self.reload)
        self.since.dateChanged.connect(self.reload)
        self.until.dateChanged.connect(self.reload)
        self.record.textChanged.connect(self.reload)
        self.reload()

    def check_integrity(self) -> audit.IntegrityReport | None:
        """Check the hash chain of the whole change log and say what was found below the table."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a few seconds for millions of entries
        try:
            report = audit.check_integrity(self.db)
        except AppError as exc:
            messages.warn(self, self.windowTitle(), exc.full_message())
            return None
        finally:
            QApplication.restoreOverrideCursor()
        broken = report.broken
        if broken is None:
            text = self.tr("Integrity checked: all %1 entries match their chain.").replace("%1", str(report.checked))
            self.integrity.setStyleSheet("")
        elif broken.reason == audit.MISSING:
            text = _filled(self.tr("The change log is NOT intact: its newest entries, up to entry no. %1, were "
                                   "removed outside the program."), str(broken.id))
            self.integrity.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            why = (self.tr("it has no hash: it was written outside the program") if broken.unchained
                   else self.tr("it does not match its chain: it, or the entry before it, was changed or removed "
                                "outside the program"))
            text = _filled(self.tr("The change log is NOT intact: entry no. %1 (%2, %3: «%4»): %5."),
                           str(broken.id), broken.at, broken.record_kind, broken.record, why)
            self.integrity.setStyleSheet("color: #b00020; font-weight: bold;")
        self.integrity.setText(text)
        return report

    def _date(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
        return edit

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        day = edit.date()
        return None if day == NO_DATE else date(day.year(), day.month(), day.day())

    def reload(self) -> None:
        """Show the entries matching the filters, newest first."""
        try:
            rows = audit.audit_entries(self.db, who=self.person.currentData() or None, since=self._day(self.since),
                                       until=self._day(self.until), record=self.record.text(), item_id=self.item_id,
                                       plan_id=self.plan_id, made_at=self.place.currentData(), limit=LIMIT)
        except AppError as exc:
            messages.warn(self, self.windowTitle(), exc.full_message())
            return
        self.table.show_rows(rows)
        text = self.tr("%1 change(s)").replace("%1", f"{len(rows):,}".replace(",", "."))
        if len(rows) >= LIMIT:
            text += " " + self.tr("(only the newest are shown: narrow the filters)")
        self.count.setText(text)


class ItemAuditView(QWidget):
    """The item panel's "Changes" tab: every change to the current item, its targets, deadline, units and
    reports; and the versions kept when packages were merged, to restore one."""

    def __init__(self, db: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.item_id: int | None = None
        layout = QVBoxLayout(self)
        self.table = AuditTable()
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        row.addWidget(self.count, 1)
        self.versions_button = QPushButton(self.tr("&Kept versions…"))
        self.versions_button.setToolTip(self.tr("Versions of this item replaced or not chosen when data packages "
                                                "were merged; one can be restored."))
        self.versions_button.clicked.connect(self.show_versions)
        row.addWidget(self.versions_button)
        layout.addLayout(row)
        self.versions_button.setEnabled(False)
        self._stale = False

    def load(self, item_id: int | None) -> None:
        """Show the changes of this item (none when item_id is None); read when the tab is on screen."""
        self.item_id = item_id
        self.versions_button.setEnabled(item_id is not None)
        self._stale = True
        if self.isVisible():
            self._fill()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._stale:
            self._fill()

    def _fill(self) -> None:
        self._stale = False
        try:
            rows = [] if self.item_id is None else audit.audit_entries(self.db, item_id=self.item_id, limit=LIMIT)
        except AppError:  # the item was deleted meanwhile: nothing to show
            rows = []
        self.table.show_rows(rows)
        self.count.setText(self.tr("%1 change(s)").replace("%1", str(len(rows))) if self.item_id is not None else "")

    def show_versions(self) -> None:
        """The kept versions of this item, in their own dialog; the changes are shown again after a restore."""
        from desktop_app.ui.dialogs.versions import VersionsDialog

        if self.item_id is None:
            return
        dialog = VersionsDialog(self.db, self, item_id=self.item_id)
        dialog.restored.connect(lambda _id: self.load(self.item_id))
        dialog.exec()


def ask_officer_name(parent: QWidget, db: Workspace, *, first: bool = False) -> bool:
    """Ask who is using the program (its name goes into the change log); True when a name was saved. On
    first start a cancelled question keeps the computer's user name, so it is not asked again."""
    current = officer.officer_name(db)
    while True:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(QCoreApplication.translate("AuditDialog", "Officer name"))
        dialog.setLabelText(QCoreApplication.translate(
            "AuditDialog", "Your full name, recorded with every change you make (change log):"))
        dialog.setOkButtonText(QCoreApplication.translate("AuditDialog", "&Save"))
        dialog.setCancelButtonText(QCoreApplication.translate("AuditDialog", "Cancel"))
        dialog.setTextValue(current)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        name = dialog.textValue()
        if not ok:
            if first:
                officer.set_officer_name(db, current)
            return False
        try:
            officer.set_officer_name(db, name)
            return True
        except AppError as exc:
            messages.warn(parent, QCoreApplication.translate("AuditDialog", "Officer name"), exc.full_message())
