"""The import preview: the parsed tree, targets, deadlines, units and warnings before anything is written.

The officer may correct a cell (Stt, text, units, deadline, note …); targets, kind and warnings follow at once.
When the program is not sure what some columns of the file hold, the dialog opens on the column roles: the
officer confirms or changes them before anything can be imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.appendix import ParsedItem
from desktop_app.domain.deadlines import format_deadline
from desktop_app.domain.targets import format_target
from desktop_app.services.importing import Preview, revise, table_samples, with_roles
from desktop_app.ui.widgets.column_roles import ColumnRolesPanel, first_unsure_role

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
# column → the ParsedItem field a correction of that column revises
FIELDS = {0: "number", 1: "text", 3: "deadline", 4: "monitoring", 5: "implementing", 6: "note", 7: "coordinating",
          8: "unit_of_measure", 9: "target_text", 10: "output", 11: "budget", 12: "explanation"}
OPTIONAL = (4, 6, *range(7, 13))
"""Columns shown only when some item of the file has them (a task table names no monitoring unit)."""


class ImportPreviewDialog(QDialog):
    """Shows a Preview; accept() means "import it" (the caller writes self.preview)."""

    def __init__(self, db: Workspace, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.preview = db, preview
        self.setWindowTitle(self.tr("Import preview — {name}").format(name=preview.parsed.source_name))
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(1200, screen.width() - 40) if screen else 1200, min(720, screen.height() - 60) if screen else 720)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(FIELDS) + 1)
        self.tree.setHeaderLabels([self.tr("No."), self.tr("Indicator / task"), self.tr("Target"), self.tr("Deadline"),
                                   self.tr("Monitoring unit"), self.tr("Implementing units"), self.tr("Note"),
                                   self.tr("Coordinating units"), self.tr("Unit of measure"), self.tr("Target as written"),
                                   self.tr("Product"), self.tr("Budget"), self.tr("Explanation")])
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((90, 420, 110, 150, 170, 200, 100, 170, 90, 110, 160, 120, 200)):
            self.tree.setColumnWidth(column, width)
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked | QTreeWidget.EditTrigger.EditKeyPressed)
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self.warnings_label = QLabel()
        box.addWidget(self.warnings_label)
        box.addWidget(self.warnings)
        split.addWidget(holder)
        split.setSizes([520, 180])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Double-click a cell (or press F2) to correct it before importing."))
        contents = QWidget()
        inner = QVBoxLayout(contents)
        inner.addWidget(split, 1)
        inner.addWidget(hint)
        self.columns = ColumnRolesPanel(preview.parsed.layouts, table_samples(preview))
        self.columns.applied.connect(self.use_roles)
        self.tabs = QTabWidget()
        self.tabs.addTab(contents, self.tr("&Contents"))
        self.tabs.addTab(self.columns, self.tr("Co&lumns of the table"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._fill()
        self.tree.itemChanged.connect(self._corrected)
        if not preview.confident:
            self.tabs.setCurrentWidget(self.columns)
            if (first := first_unsure_role(preview.parsed.layouts)) is not None:
                self.columns.tables[first[0]].choosers[first[1]].setFocus()
        self._enable_import()

    def _enable_import(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.preview.confident and bool(self.preview.parsed.items))
        ok.setToolTip("" if self.preview.confident else self.tr("Check the columns of the table first."))

    def use_roles(self, roles: dict[str, list[str]]) -> None:
        """Read the file again with the column roles chosen (they count as confirmed) and show the result."""
        self.preview = with_roles(self.preview, roles=roles)
        self.columns.set_confident(True)
        self._fill()
        self._enable_import()
        self.tabs.setCurrentIndex(0)

    def _fill(self) -> None:
        parsed = self.preview.parsed
        self.summary.setText(self.tr(
            "Commune: {commune} — plan number: {number} — date: {date} — year: {year}. "
            "{sections} sections, {groups} groups, {items} indicators and tasks. Nothing is written until you "
            "press Import.").format(
            commune=parsed.commune or "?", number=parsed.plan_number or "—",
            date=parsed.plan_date.strftime("%d/%m/%Y") if parsed.plan_date else "—", year=parsed.year or "—",
            sections=len(parsed.sections), groups=len(parsed.groups), items=len(parsed.items)))
        if parsed.issuer:
            self.summary.setText(self.tr("Issued by: {issuer}.").format(issuer=parsed.issuer) + " "
                                 + self.summary.text())
        if self.preview.already_imported is not None:
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "This file was already imported (plan #{id}); importing it again creates a second copy.").format(
                id=self.preview.already_imported))
        self.tree.blockSignals(True)
        self.tree.clear()
        sections = [QTreeWidgetItem([s.numeral, s.title]) for s in parsed.sections]
        groups = [QTreeWidgetItem([g.number, g.title]) for g in parsed.groups]
        self.tree.addTopLevelItems(sections)
        for group, g in zip(groups, parsed.groups, strict=True):
            sections[g.section].addChild(group)
        for index, item in enumerate(parsed.items):
            node = QTreeWidgetItem(self._cells(item))
            node.setData(0, INDEX_ROLE, index)
            node.setFlags(node.flags() | Qt.ItemFlag.ItemIsEditable)
            (groups[item.group] if item.group is not None else sections[item.section]).addChild(node)
        for column in OPTIONAL:
            self.tree.setColumnHidden(column, not any(self._cells(item)[column] for item in parsed.items))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._fill_warnings()

    def _cells(self, item: ParsedItem) -> list[str]:
        return [item.number, item.text, "; ".join(format_target(t) for t in item.targets),
                format_deadline(item.deadline), "; ".join(item.monitoring), "; ".join(item.implementing), item.note,
                "; ".join(item.coordinating), item.unit_of_measure, item.target_text, item.output, item.budget,
                item.explanation]

    def _fill_warnings(self) -> None:
        warnings = self.preview.warnings(self.db)
        self.warnings.clear()
        self.warnings.addItems([w.message for w in warnings])
        self.warnings_label.setText(self.tr("Warnings to check ({n}):").format(n=len(warnings)))

    def _corrected(self, node: QTreeWidgetItem, column: int) -> None:
        index = node.data(0, INDEX_ROLE)
        if index is None or column not in FIELDS:
            return
        self.correct(index, FIELDS[column], node.text(column))

    def correct(self, index: int, field: str, value: str) -> None:
        """Correct one cell of item number index (in document order) and show the consequences."""
        self.preview = revise(self.preview, item_index=index, field=field, value=value)
        node = self._node(index)
        if node is not None:
            self.tree.blockSignals(True)
            for column, text in enumerate(self._cells(self.preview.parsed.items[index])):
                node.setText(column, text)
            self.tree.blockSignals(False)
        self._fill_warnings()

    def _node(self, index: int) -> QTreeWidgetItem | None:
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            node = stack.pop()
            if node.data(0, INDEX_ROLE) == index:
                return node
            stack.extend(node.child(i) for i in range(node.childCount()))
        return None
