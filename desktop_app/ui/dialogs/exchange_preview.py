"""The preview of a data package before it is merged: who sent it, what each record would become, and for each
field both sides changed, which version to keep (the other one stays in the history)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontDatabase, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.merge import OURS, THEIRS
from desktop_app.services.exchange import ImportOutcome, count_line
from desktop_app.services.exchange_merge import DELETION

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_NAMES = {
    "new": QT_TRANSLATE_NOOP("PackagePreviewDialog", "New"),
    "updated": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Updated"),
    "conflict": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Conflict"),
    "refused": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Refused"),
    "unchanged": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Unchanged"),
}
FIELD_NAMES = {
    "text": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Text"),
    "note": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Note"),
    "value": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Value"),
    "numerator": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Numerator"),
    "denominator": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Denominator"),
    "status": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Status"),
    "narrative": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Result achieved"),
    "evidence": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Evidence"),
    "title": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Title"),
    "name": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Name"),
    "raw": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Original wording"),
    "due": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Due date"),
    "label": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Period name"),
    "commune": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Commune"),
    "plan_number": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Plan number"),
    "plan_date": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Plan date"),
    "year": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Year"),
    "number": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Number"),
    "numeral": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Number"),
    "order": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Position"),
    "kind": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Kind"),
    "role": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Role"),
    "unit": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Unit of measure"),
    "unit_id": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Unit"),
    "subject": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Subject"),
    "start": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Start"),
    "end": QT_TRANSLATE_NOOP("PackagePreviewDialog", "End"),
    "document_number": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Document number"),
    "document_date": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Document date"),
    DELETION: QT_TRANSLATE_NOOP("PackagePreviewDialog", "Deletion (another office's record)"),
    "reported_at": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Reported on"),
    "reported_by": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Reported by"),
    "file_name": QT_TRANSLATE_NOOP("PackagePreviewDialog", "File name"),
    "section_id": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Section"),
    "group_id": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Group"),
    "period_id": QT_TRANSLATE_NOOP("PackagePreviewDialog", "Period"),
}
FILTERS = ("", "new", "updated", "conflict", "refused", "unchanged")
CHANGING = ("new", "updated", "conflict")


def show_value(value: Any) -> str:
    """A stored value as the officer reads it: decimal comma, empty shown as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float | Decimal):
        text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
        return text.replace(".", ",")
    return str(value)


def package_moment(created_at: str) -> str:
    """The package's creation time (stored in UTC) in local time, dd/MM/yyyy HH:mm."""
    try:
        moment = datetime.fromisoformat(created_at)
    except (TypeError, ValueError):
        return created_at or "?"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


class PackagePreviewDialog(QDialog):
    """What the import would do (from a dry run); Apply imports with the choices made here."""

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = outcome
        self.setWindowTitle(self.tr("Data package «%1»").replace("%1", outcome.file))
        self.resize(1100, 680)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.counts_label = QLabel(count_line(outcome.counts))
        self.counts_label.setStyleSheet("font-weight: bold")
        layout.addWidget(self.counts_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._changes_page(), self.tr("Records (%1)").replace("%1", str(len(outcome.changes))))
        self.conflicts = outcome.conflicts
        self.conflict_rows: list[tuple[str, str]] = []
        self.choice_boxes: list[QComboBox] = []
        if self.conflicts:
            page = self._conflicts_page()
            self.tabs.addTab(page, self.tr("Conflicts (%1)").replace("%1", str(len(self.conflict_rows))))
            self.tabs.setCurrentWidget(page)
        layout.addWidget(self.tabs, 1)
        self.changing = sum(outcome.counts.get(kind, 0) for kind in CHANGING)
        self.buttons = QDialogButtonBox()
        if self.changing:
            self.apply_button = self.buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
            self.apply_button.setDefault(True)
        else:
            self.apply_button = None
            nothing = QLabel(self.tr("Nothing changes: this data is already here."))
            nothing.setStyleSheet("font-weight: bold")
            layout.addWidget(nothing)
            self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # ----- header and record list ---------------------------------------------------------------------------
    def _header(self) -> QFormLayout:
        form = QFormLayout()
        sender = QLabel(self.outcome.sender_name)
        sender.setStyleSheet("font-weight: bold")
        form.addRow(self.tr("Sent by:"), sender)
        fingerprint = QLabel(self.outcome.fingerprint)
        fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Key fingerprint:"), fingerprint)
        if self.outcome.sender_known:
            trust = self.tr("Trusted (its key was confirmed before)")
        else:
            trust = self.tr("New sender: its key will be trusted when you apply this package")
        self.trust_label = QLabel(trust)
        self.trust_label.setWordWrap(True)
        form.addRow(self.tr("Trust:"), self.trust_label)
        form.addRow(self.tr("Made on:"), QLabel(package_moment(self.outcome.created_at)))
        return form

    def field_name(self, name: str) -> str:
        """A column's name in the officer's language (the column name itself when not listed)."""
        return self.tr(FIELD_NAMES[name]) if name in FIELD_NAMES else name

    def _changes_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.filter = QComboBox()
        names = {"": self.tr("All")} | {kind: self.tr(KIND_NAMES[kind]) for kind in FILTERS[1:]}
        for kind in FILTERS:
            shown = len(self.outcome.changes) if not kind else self.outcome.counts.get(kind, 0)
            self.filter.addItem(f"{names[kind]} ({shown})", kind)
        label = QLabel(self.tr("&Show:"))
        label.setBuddy(self.filter)
        row.addWidget(label)
        row.addWidget(self.filter)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("What happens"), self.tr("Record"), self.tr("Detail"), self.tr("Changed fields")])
        order = {kind: n for n, kind in enumerate(("conflict", "updated", "new", "refused", "unchanged"))}
        # what needs the officer's eye first; the service lists the records table by table
        for change in sorted(self.outcome.changes, key=lambda c: order.get(c.kind, len(order))):
            kind = QStandardItem(self.tr(KIND_NAMES.get(change.kind, change.kind)))
            kind.setData(change.kind, KIND_ROLE)
            names = dict.fromkeys([*change.fields, *(c.field for c in change.conflicts)])
            fields = ", ".join(self.field_name(f) for f in names)
            cells = [kind, QStandardItem(change.label), QStandardItem(change.detail), QStandardItem(fields)]
            for cell in cells:
                cell.setEditable(False)
                cell.setToolTip(cell.text())
            self.model.appendRow(cells)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterRole(KIND_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the order above until a column is clicked
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 260), (3, 200)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        return page

    def _filter_changed(self) -> None:
        kind = self.filter.currentData()
        # anchored: one kind exactly, not every kind containing its letters
        self.proxy.setFilterRegularExpression(f"^{kind}$" if kind else "")

    def show_kind(self, kind: str) -> None:
        """Show only the records of one kind ("" for all)."""
        self.filter.setCurrentIndex(max(self.filter.findData(kind), 0))

    def shown_kinds(self) -> list[str]:
        """The kind of each record the table shows now, top to bottom."""
        return [self.proxy.index(r, 0).data(KIND_ROLE) for r in range(self.proxy.rowCount())]

    # ----- conflicts ----------------------------------------------------------------------------------------
    def _conflicts_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("Both sides changed these fields. Choose for each which version to keep. The version "
                              "not chosen is kept in the record's history and can be restored later."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.conflict_table = QTableWidget(0, 5)
        self.conflict_table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Field"), self.tr("Here"), self.tr("Sent here"), self.tr("Keep")])
        self.conflict_table.verticalHeader().hide()
        self.conflict_table.setWordWrap(True)
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for change in self.conflicts:
            for conflict in change.conflicts:
                row = self.conflict_table.rowCount()
                self.conflict_table.insertRow(row)
                cells = (change.label, self.field_name(conflict.field), show_value(conflict.ours),
                         show_value(conflict.theirs))
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    self.conflict_table.setItem(row, column, item)
                box = QComboBox()
                box.addItem(self.tr("Keep the version here"), OURS)
                box.addItem(self.tr("Take the version sent"), THEIRS)
                box.currentIndexChanged.connect(lambda _=0, row=row: self._mark_chosen(row))
                holder = QWidget()  # keeps the combo its own height in a tall, wrapped row
                holder_layout = QVBoxLayout(holder)
                holder_layout.setContentsMargins(4, 0, 4, 0)
                holder_layout.addWidget(box, 0, Qt.AlignmentFlag.AlignVCenter)
                self.conflict_table.setCellWidget(row, 4, holder)
                self.choice_boxes.append(box)
                self._mark_chosen(row)
                self.conflict_rows.append((change.uuid, conflict.field))
        header = self.conflict_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.setColumnWidth(1, 130)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.conflict_table.resizeRowsToContents()
        layout.addWidget(self.conflict_table, 1)
        buttons = QHBoxLayout()
        self.all_ours = QPushButton(self.tr("Keep all &here"))
        self.all_theirs = QPushButton(self.tr("Take all &sent"))
        self.all_ours.clicked.connect(lambda: self.choose_all(OURS))
        self.all_theirs.clicked.connect(lambda: self.choose_all(THEIRS))
        buttons.addWidget(self.all_ours)
        buttons.addWidget(self.all_theirs)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _mark_chosen(self, row: int) -> None:
        """The value that will be kept in bold, the other in grey."""
        theirs = self.choice_boxes[row].currentData() == THEIRS
        for column, chosen in ((2, not theirs), (3, theirs)):
            item = self.conflict_table.item(row, column)
            font = item.font()
            font.setBold(chosen)
            item.setFont(font)
            item.setForeground(self.palette().text() if chosen else self.palette().placeholderText())

    def choose(self, uuid: str, field: str, side: str) -> None:
        """Keep side ("ours" or "theirs") for one conflicting field."""
        box = self.choice_boxes[self.conflict_rows.index((uuid, field))]
        box.setCurrentIndex(box.findData(side))

    def choose_all(self, side: str) -> None:
        """Keep side for every conflicting field."""
        for box in self.choice_boxes:
            box.setCurrentIndex(box.findData(side))

    def choices(self) -> dict[tuple[str, str], str]:
        """(record uuid, field) → "ours" or "theirs", for every conflicting field."""
        return {key: box.currentData() for key, box in zip(self.conflict_rows, self.choice_boxes, strict=False)}
