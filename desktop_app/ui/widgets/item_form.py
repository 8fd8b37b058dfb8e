"""The form of the selected item: every field saved at once on leaving it, undoable, validated in place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.appendix import ItemKind
from desktop_app.domain.deadlines import DATED_KINDS, DeadlineKind
from desktop_app.domain.targets import TargetOp, UnitKind
from desktop_app.errors import AppError
from desktop_app.messages import Verbatim
from desktop_app.services.editing import (
    OPS,
    ItemDetail,
    StaleItem,
    TargetValue,
    current_version,
    item_detail,
    update_item,
)
from desktop_app.services.plans import units as unit_registry

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

OP_SIGNS: dict[str, str] = {
    TargetOp.AT_LEAST: "≥", TargetOp.ABOVE: ">", TargetOp.REACH: "=", TargetOp.AT_MOST: "≤", TargetOp.BELOW: "<",
}
# The choices of the form's combo boxes, in the order offered: every ItemKind, DeadlineKind and UnitKind.
_KINDS: tuple[tuple[str, Any], ...] = (
    (ItemKind.INDICATOR, QT_TRANSLATE_NOOP("ItemForm", "Indicator")),
    (ItemKind.TASK, QT_TRANSLATE_NOOP("ItemForm", "Task")),
    (ItemKind.DOCUMENT, QT_TRANSLATE_NOOP("ItemForm", "Document")),
)
_DEADLINE_KINDS: tuple[tuple[str, Any], ...] = (
    (DeadlineKind.DATE, QT_TRANSLATE_NOOP("ItemForm", "Date")),
    (DeadlineKind.ONGOING, QT_TRANSLATE_NOOP("ItemForm", "Ongoing")),
    (DeadlineKind.YEARLY, QT_TRANSLATE_NOOP("ItemForm", "Every year")),
    (DeadlineKind.OTHER, QT_TRANSLATE_NOOP("ItemForm", "Other (text)")),
)
_UNIT_KINDS: tuple[tuple[str, Any], ...] = (
    (UnitKind.PERCENT, "%"),
    (UnitKind.INDEX, QT_TRANSLATE_NOOP("ItemForm", "index")),
    (UnitKind.COUNT, QT_TRANSLATE_NOOP("ItemForm", "count")),
    (UnitKind.NONE, QT_TRANSLATE_NOOP("ItemForm", "none")),
)


class EditItemCommand(QUndoCommand):
    """One saved edit of an item; undo puts the item back as it was."""

    def __init__(self, db: Workspace, before: ItemDetail, after: ItemDetail, text: str,
                 on_change: Callable[[int], None]) -> None:
        super().__init__(text)
        self.db, self.before, self.after, self.on_change = db, before, after, on_change
        self._applied = True  # the form saved before pushing, so the first redo() has nothing to do

    def _put(self, detail: ItemDetail) -> None:
        update_item(self.db, new=replace(detail, version=current_version(self.db, item_id=detail.id)))
        self.on_change(detail.id)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)


class _PlainText(QPlainTextEdit):
    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.editing_finished.emit()


class ItemForm(QWidget):
    """Edits one item; each change is saved through services.editing and pushed on the undo stack."""

    saved = Signal(int)

    def __init__(self, db: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.undo_stack = db, undo_stack
        self.detail: ItemDetail | None = None
        self._loading = False
        self.number = QLineEdit()
        self.kind = QComboBox()
        for value, label in _KINDS:
            self.kind.addItem(self.tr(label), value)
        self.text = _PlainText()
        self.text.setMinimumHeight(70)
        self.note = QLineEdit()
        self.targets = QTableWidget(0, 5)
        self.targets.setHorizontalHeaderLabels(
            [self.tr("Op."), self.tr("Value"), self.tr("Unit"), self.tr("Counted noun"), self.tr("Subject")])
        self.targets.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.targets.verticalHeader().hide()
        self.targets.setMaximumHeight(110)
        add, remove = QPushButton(self.tr("Add target")), QPushButton(self.tr("Remove target"))
        add.clicked.connect(self.add_target)
        remove.clicked.connect(self.remove_target)
        self.deadline_kind = QComboBox()
        for value, label in _DEADLINE_KINDS:
            self.deadline_kind.addItem(self.tr(label), value)
        self.deadline_due = QDateEdit()
        self.deadline_due.setDisplayFormat("dd/MM/yyyy")
        self.deadline_due.setCalendarPopup(True)
        self.deadline_raw = QLineEdit()
        self.deadline_kind.currentIndexChanged.connect(
            lambda: self.deadline_due.setEnabled(self.deadline_kind.currentData() in DATED_KINDS))
        self.monitoring, self.implementing, self.coordinating = QLineEdit(), QLineEdit(), QLineEdit()
        # what some appendices give in columns of their own (shown when the item has it, or on «More details»)
        self.explanation, self.unit_of_measure, self.target_text = QLineEdit(), QLineEdit(), QLineEdit()
        self.output, self.budget = QLineEdit(), QLineEdit()
        self.unit_of_measure.setPlaceholderText(self.tr("%, people, households…"))
        self.target_text.setPlaceholderText(self.tr("Target as written"))
        self.more = QPushButton(self.tr("More &details"))
        self.more.setCheckable(True)
        self.more.setToolTip(self.tr("Coordinating units, explanation, unit of measure, product and budget"))
        self.more.toggled.connect(lambda _: self._show_details())
        self.units_model = QStringListModel(self)
        for edit in (self.monitoring, self.implementing, self.coordinating):
            completer = QCompleter(self.units_model, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            edit.setCompleter(completer)
            edit.setPlaceholderText(self.tr("Names separated by ;"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("&Reload the saved version"))
        self.reload_button.setToolTip(self.tr("Show the item as it was saved elsewhere (what you typed is dropped)"))
        self.reload_button.clicked.connect(self.reload_saved)
        self.reload_button.hide()

        # Two columns side by side: the form lives below the table and must stay short.
        left, right = QFormLayout(), QFormLayout()
        top = QHBoxLayout()
        top.addWidget(self.number, 1)
        top.addWidget(self.kind, 2)
        left.addRow(self.tr("No."), top)
        left.addRow(self.tr("Text"), self.text)
        left.addRow(self.tr("Note"), self.note)
        right.addRow(self.tr("Targets"), self.targets)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        right.addRow("", buttons)
        deadline = QHBoxLayout()
        deadline.addWidget(self.deadline_kind)
        deadline.addWidget(self.deadline_due)
        deadline.addWidget(self.deadline_raw, 1)
        right.addRow(self.tr("Deadline"), deadline)
        left.addRow(self.tr("Monitoring unit"), self.monitoring)
        left.addRow(self.tr("Implementing units"), self.implementing)
        measure = QHBoxLayout()
        measure.addWidget(self.unit_of_measure, 1)
        measure.addWidget(self.target_text, 2)
        self._details: list[tuple[QFormLayout, int, tuple[QLineEdit, ...]]] = []
        for form, label, field, edits in (
                (left, self.tr("Coordinating units"), self.coordinating, (self.coordinating,)),
                (left, self.tr("Explanation"), self.explanation, (self.explanation,)),
                (right, self.tr("Unit / target"), measure, (self.unit_of_measure, self.target_text)),
                (right, self.tr("Product"), self.output, (self.output,)),
                (right, self.tr("Budget"), self.budget, (self.budget,))):
            form.addRow(label, field)
            self._details.append((form, form.rowCount() - 1, edits))
        right.addRow("", self.more)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        refusal = QHBoxLayout()
        refusal.addWidget(self.error, 1)
        refusal.addWidget(self.reload_button)
        layout.addLayout(refusal)
        layout.addStretch(1)

        for edit in (self.number, self.note, self.deadline_raw, self.monitoring, self.implementing, self.coordinating,
                     self.explanation, self.unit_of_measure, self.target_text, self.output, self.budget):
            edit.editingFinished.connect(self.save)
        self.text.editing_finished.connect(self.save)
        for combo in (self.kind, self.deadline_kind):
            combo.currentIndexChanged.connect(self.save)
        self.deadline_due.editingFinished.connect(self.save)
        self.targets.itemChanged.connect(lambda *_: self.save())
        self.setEnabled(False)

    # ----- loading -----------------------------------------------------------------------------------------
    def load(self, item_id: int | None) -> None:
        """Show an item (None: nothing)."""
        self.error.clear()
        self.reload_button.hide()
        self.detail = item_detail(self.db, item_id=item_id) if item_id is not None else None
        self.setEnabled(self.detail is not None)
        self.units_model.setStringList([u["name"] for u in unit_registry(self.db)["units"]])
        self._loading = True
        try:
            d = self.detail
            self.number.setText(d.number if d else "")
            self.kind.setCurrentIndex(max(self.kind.findData(d.kind if d else "indicator"), 0))
            self.text.setPlainText(d.text if d else "")
            self.note.setText(d.note if d else "")
            self.targets.setRowCount(0)
            for target in d.targets if d else ():
                self._append_target(target)
            self.deadline_kind.setCurrentIndex(max(self.deadline_kind.findData(d.deadline_kind if d else "other"), 0))
            due = d.deadline_due if d and d.deadline_due else None
            self.deadline_due.setDate(QDate(due.year, due.month, due.day) if due else QDate.currentDate())
            self.deadline_raw.setText(d.deadline_raw if d else "")
            self.monitoring.setText("; ".join(d.monitoring) if d else "")
            self.implementing.setText("; ".join(d.implementing) if d else "")
            self.coordinating.setText("; ".join(d.coordinating) if d else "")
            for name in ("explanation", "unit_of_measure", "target_text", "output", "budget"):
                getattr(self, name).setText(getattr(d, name) if d else "")
        finally:
            self._loading = False
        self._show_details()

    def _show_details(self) -> None:
        """The rows of the appendix's extra columns: those the item has, all of them on «More details»."""
        for form, row, edits in self._details:
            form.setRowVisible(row, self.more.isChecked() or any(edit.text() for edit in edits))

    def _append_target(self, target: TargetValue) -> None:
        row = self.targets.rowCount()
        self.targets.insertRow(row)
        op = QComboBox()
        for value in OPS:
            op.addItem(OP_SIGNS[value], value)
        op.setCurrentIndex(OPS.index(target.op))
        op.currentIndexChanged.connect(self.save)
        unit = QComboBox()
        for value, label in _UNIT_KINDS:
            unit.addItem(self.tr(label), value)
        unit.setCurrentIndex(max(unit.findData(target.unit_kind), 0))
        unit.currentIndexChanged.connect(self.save)
        self.targets.setCellWidget(row, 0, op)
        value = QTableWidgetItem(format(target.value, "f").replace(".", ","))
        value.setData(Qt.ItemDataRole.UserRole, target)  # the target as read: its raw text survives a no-op
        self.targets.setItem(row, 1, value)
        self.targets.setCellWidget(row, 2, unit)
        self.targets.setItem(row, 3, QTableWidgetItem(target.unit if target.unit_kind == "count" else ""))
        self.targets.setItem(row, 4, QTableWidgetItem(target.subject or ""))

    def add_target(self) -> None:
        """Add a target row (≥ 100%) and save."""
        self._append_target(TargetValue(">=", Decimal(100), "percent"))
        self.save()

    def remove_target(self) -> None:
        """Remove the selected (or last) target and save."""
        row = self.targets.currentRow() if self.targets.currentRow() >= 0 else self.targets.rowCount() - 1
        if row >= 0:
            self.targets.removeRow(row)
            self.save()

    # ----- saving ------------------------------------------------------------------------------------------
    def _targets(self) -> tuple[TargetValue, ...]:
        targets = []
        for row in range(self.targets.rowCount()):
            text = (self.targets.item(row, 1).text() if self.targets.item(row, 1) else "").strip()
            try:
                value = Decimal(text.replace("%", "").replace(" ", "").replace(",", "."))
            except InvalidOperation:
                refusal = self.tr("Target {n}: “{text}” is not a number.").format(n=row + 1, text=text)
                raise AppError(Verbatim(refusal)) from None
            op, unit = self.targets.cellWidget(row, 0), self.targets.cellWidget(row, 2)
            noun = self.targets.item(row, 3).text().strip() if self.targets.item(row, 3) else ""
            subject = self.targets.item(row, 4).text().strip() if self.targets.item(row, 4) else ""
            unit_kind = unit.currentData()
            target = TargetValue(op.currentData(), value, unit_kind,
                                 "%" if unit_kind == "percent" else (noun or None), subject or None)
            original = self.targets.item(row, 1).data(Qt.ItemDataRole.UserRole) if self.targets.item(row, 1) else None
            if isinstance(original, TargetValue) and replace(original, raw="") == target:
                target = original  # unchanged: keep the text it was read from
            targets.append(target)
        return tuple(targets)

    def values(self) -> ItemDetail:
        """The form's current values as an ItemDetail (raises AppError for a value that is not a number)."""
        assert self.detail is not None
        due = self.deadline_due.date()
        return replace(
            self.detail,
            number=self.number.text(),
            kind=self.kind.currentData(),
            text=self.text.toPlainText(),
            note=self.note.text(),
            targets=self._targets(),
            deadline_kind=self.deadline_kind.currentData(),
            deadline_due=due.toPython() if self.deadline_kind.currentData() in DATED_KINDS else None,
            deadline_raw=self.deadline_raw.text(),
            monitoring=tuple(n.strip() for n in self.monitoring.text().split(";") if n.strip()),
            implementing=tuple(n.strip() for n in self.implementing.text().split(";") if n.strip()),
            coordinating=tuple(n.strip() for n in self.coordinating.text().split(";") if n.strip()),
            explanation=self.explanation.text(),
            unit_of_measure=self.unit_of_measure.text(),
            target_text=self.target_text.text(),
            output=self.output.text(),
            budget=self.budget.text(),
        )

    def save(self) -> None:
        """Save what changed at once and push it on the undo stack; show a refusal in place."""
        if self._loading or self.detail is None:
            return
        try:
            new = self.values()
            if new == self.detail:
                return
            before = update_item(self.db, new=new)
        except AppError as exc:
            self.error.setText(exc.message)
            self.reload_button.setVisible(isinstance(exc, StaleItem))
            return
        self.error.clear()
        number = new.number or "?"
        self.undo_stack.push(EditItemCommand(self.db, before, new, self.tr("Edit item {n}").format(n=number), self._changed))
        self._changed(new.id)

    def reload_saved(self) -> None:
        """After a refused stale save: show the version saved elsewhere, to edit it again."""
        if self.detail is not None:
            item_id = self.detail.id
            self.load(item_id)
            self.saved.emit(item_id)

    def _changed(self, item_id: int) -> None:
        if self.detail is not None and self.detail.id == item_id:
            self.load(item_id)
        self.saved.emit(item_id)
