"""The centre of the main window: plans → sections → groups on the left; the items of the chosen node (filtered),
the selected item's form, history and changes; the progress entry grid and the dashboard. It reads again what it
shows when the change hub says what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import browse
from desktop_app.services import items as items_service
from desktop_app.services.changes import PROGRESS_TABLES, Changes
from desktop_app.ui.models.items import COL_NUMBER, COL_TEXT, ID_ROLE, ItemsModel
from desktop_app.ui.models.plan_tree import NODE_ROLE, Selection, build_tree_model
from desktop_app.ui.operations import ChangeHub
from desktop_app.ui.widgets.audit_view import ItemAuditView
from desktop_app.ui.widgets.dashboard import DashboardWidget
from desktop_app.ui.widgets.filter_bar import FilterBar
from desktop_app.ui.widgets.item_form import ItemForm
from desktop_app.ui.widgets.item_history import ItemHistoryView
from desktop_app.ui.widgets.progress_grid import ProgressGridWidget

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

ITEM_TABLES = frozenset({"items", "targets", "deadlines", "assignments", "audit_log"})


class PlanBrowser(QWidget):
    """Tree, items table with its filter bar, item panel, progress grid and dashboard; subscribed to the hub."""

    message = Signal(str)  # a line for the status bar

    def __init__(self, db: Workspace, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.hub = db, hub
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.items_model = ItemsModel(db, self)
        self.filter_bar = FilterBar()
        self.table = self._items_table()
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.filter_bar)
        centre_layout.addWidget(self.table)
        self.filter_bar.changed.connect(self.apply_filters)
        self._count_later = QTimer(self, singleShot=True, interval=0)
        self._count_later.timeout.connect(self._show_count)
        self.item_form = ItemForm(db, undo_stack)
        self.item_form.saved.connect(lambda item_id: hub.publish(Changes.of(ITEM_TABLES, items=[item_id])))
        form_scroll = QScrollArea()
        form_scroll.setWidget(self.item_form)
        form_scroll.setWidgetResizable(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_current)
        self.item_history = ItemHistoryView(db)
        self.item_audit = ItemAuditView(db)
        self.item_tabs = QTabWidget()
        self.item_tabs.addTab(form_scroll, self.tr("Details"))
        self.item_tabs.addTab(self.item_history, self.tr("History"))
        self.item_tabs.addTab(self.item_audit, self.tr("Changes"))
        # The form sits below the table so the table keeps the full width on a 1366-pixel screen.
        self.items_split = QSplitter(Qt.Orientation.Vertical)
        self.items_split.addWidget(centre)
        self.items_split.addWidget(self.item_tabs)
        self.items_split.setStretchFactor(0, 1)
        self.items_split.setSizes([430, 260])
        self.progress_grid = ProgressGridWidget(db)
        self.progress_grid.changed.connect(lambda: hub.publish(Changes.of(PROGRESS_TABLES | {"audit_log"})))
        self.dashboard = DashboardWidget(db)
        self.dashboard.filter_requested.connect(self.show_filtered)
        self.dashboard.item_requested.connect(self.show_item)
        self.views = QTabWidget()
        self.views.addTab(self.items_split, self.tr("Indicators and tasks"))
        self.views.addTab(self.progress_grid, self.tr("Enter results"))
        self.views.addTab(self.dashboard, self.tr("Dashboard"))
        self.views.currentChanged.connect(self._view_changed)
        self._unit_role: tuple[int, str] | None = None  # (unit, role) asked for by a dashboard click
        self._ungrouped: tuple[int | None, None] | None = None  # (section, None): only its ungrouped items
        self._dashboard_stale = self._grid_stale = True
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.views)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1120])
        QVBoxLayout(self).addWidget(self.splitter)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        hub.changed.connect(self.on_changes)

    def _items_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.items_model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setSortingEnabled(True)
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The text column takes what is left, so every column fits on a 1366-pixel office laptop.
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((45, 0, 80, 130, 150, 85, 105, 105, 80)):
            if width:
                table.setColumnWidth(column, width)
        # Wrapped rows are measured only where they are seen: measuring 100,000 rows would freeze the window.
        self._row_fit = QTimer(self, singleShot=True, interval=0)
        self._row_fit.timeout.connect(self._fit_visible_rows)
        header.sectionResized.connect(lambda *_: self._row_fit.start())
        table.verticalScrollBar().valueChanged.connect(lambda *_: self._row_fit.start())
        self.items_model.modelReset.connect(self._row_fit.start)
        self.items_model.rowsInserted.connect(lambda *_: self._row_fit.start())
        return table

    # ----- what changed -----------------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        """Read again what the change touched: the tree for structure, the items (keeping the row) for any
        content; the grid and the dashboard when they are next looked at."""
        if changes.external:  # the live refresh compares and reloads what is shown; the rest when looked at
            self._grid_stale = self._grid_stale or self.views.currentWidget() is not self.progress_grid
            self._dashboard_stale = self._dashboard_stale or self.views.currentWidget() is not self.dashboard
            return
        self._dashboard_stale = self._grid_stale = True
        if changes.structure:
            self._refresh_keeping_selection()
        self._reload_items()
        if changes.touches({"units", "unit_aliases"}):
            self.reload_form()

    def _reload_items(self) -> None:
        """Show the new values and keep the same item selected (the form already shows it)."""
        row = self.table.currentIndex().row()
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the form already shows the item; a reset must not clear it
        self.items_model.reload()
        if 0 <= row < self.items_model.rowCount():
            self.table.setCurrentIndex(self.items_model.index(row, 0))
            self.table.selectRow(row)
        selection.blockSignals(False)
        self._count_later.start()
        self.item_audit.load(self.item_audit.item_id)

    # ----- the tree ---------------------------------------------------------------------------------------
    def refresh(self, select_plan: int | None = None) -> None:
        """Reload the tree from the database and show the chosen (or the last, or the first) plan."""
        build_tree_model(browse.plan_tree(self.db), self.tree_model)
        self.tree.expandToDepth(1)
        target = select_plan if select_plan is not None else _last_plan()
        row = 0
        for r in range(self.tree_model.rowCount()):
            if self.tree_model.item(r).data(NODE_ROLE).plan_id == target:
                row = r
        if self.tree_model.rowCount():
            self.tree.setCurrentIndex(self.tree_model.index(row, 0))
        else:
            self.items_model.set_rows([])
            self.message.emit(self.tr("No plan yet. Use File → Import appendix… (Ctrl+O)."))

    def show_plan(self, plan_id: int | None) -> None:
        """Show a plan (e.g. the one just imported)."""
        self.refresh(select_plan=plan_id)

    def _refresh_keeping_selection(self) -> None:
        selection = self.current_selection()
        build_tree_model(browse.plan_tree(self.db), self.tree_model)
        self.tree.expandToDepth(1)
        target = self.find_node(selection) if selection is not None else None
        if target is not None:
            self.tree.setCurrentIndex(target)
        elif self.tree_model.rowCount():
            self.tree.setCurrentIndex(self.tree_model.index(0, 0))

    def find_node(self, wanted: Selection | Callable[[Selection], bool]) -> QModelIndex | None:
        """The tree node standing for a selection (or the first one a test accepts)."""
        test = wanted if callable(wanted) else (lambda node: node == wanted)
        stack = [self.tree_model.index(r, 0) for r in range(self.tree_model.rowCount())]
        while stack:
            index = stack.pop()
            node = index.data(NODE_ROLE)
            if isinstance(node, Selection) and test(node):
                return index
            stack.extend(self.tree_model.index(r, 0, index) for r in range(self.tree_model.rowCount(index)))
        return None

    def current_selection(self) -> Selection | None:
        """What the tree's current node stands for."""
        value = self.tree.currentIndex().data(NODE_ROLE)
        return value if isinstance(value, Selection) else None

    def _on_tree_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._ungrouped = None  # a dashboard's "only the section's own items" ends with the next tree choice
        selection = current.data(NODE_ROLE)
        if not isinstance(selection, Selection):
            return
        before = previous.data(NODE_ROLE)
        if not isinstance(before, Selection) or before.plan_id != selection.plan_id:
            self.filter_bar.set_units(items_service.plan_units(self.db, plan_id=selection.plan_id))
            self._dashboard_stale = self._grid_stale = True
            self._view_changed(self.views.currentIndex())
            QSettings().setValue("main/last_plan", selection.plan_id)
        self.apply_filters()

    # ----- the items --------------------------------------------------------------------------------------
    def apply_filters(self) -> None:
        """Show the items of the tree's current node that pass the filter bar."""
        selection = self.current_selection()
        if selection is None:
            self.items_model.set_query(None)
            return
        fields = self.filter_bar.fields()
        if self._unit_role is not None and self._unit_role[0] == fields["unit_id"]:
            fields["unit_role"] = self._unit_role[1]
        if self._ungrouped == (selection.section_id, selection.group_id):
            fields["ungrouped"] = True
        query = items_service.make_query(
            plan_id=selection.plan_id, section_id=selection.section_id, group_id=selection.group_id,
            today=date.today(), **fields,
        )
        self.items_model.set_query(query)
        self._count_later.start()  # the count scans every match: after the table has repainted

    def show_count_soon(self) -> None:
        """Count the items shown once the table has repainted (the count scans every match)."""
        self._count_later.start()

    def _show_count(self) -> None:
        self.message.emit(self.tr("{n} indicators and tasks").format(n=self.items_model.total))

    def _on_row_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        self.item_form.load(item_id)
        self.load_history(item_id)

    def load_history(self, item_id: int | None) -> None:
        """The item panel's history tabs follow the current item."""
        self.item_history.load(item_id)
        self.item_audit.load(item_id)

    def reload_form(self) -> None:
        """The form and history of the current item, read again."""
        index = self.table.currentIndex()
        item_id = index.data(ID_ROLE) if index.isValid() else None
        self.item_form.load(item_id)
        self.load_history(item_id)

    def current_item(self) -> tuple[int, str] | None:
        """The selected item's id and a short label (its number, or its text's start)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.items_model.row_at(index.row())
        return row.id, (row.number or row.text[:40])

    def select_item(self, item_id: int) -> None:
        """Put the cursor on an item of the table (when it is shown)."""
        for row in range(self.items_model.rowCount()):
            if self.items_model.row_at(row).id == item_id:
                self.table.selectRow(row)
                return

    def _fit_visible_rows(self) -> None:
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = self.items_model.rowCount() - 1 if last < 0 else last
        for row in range(first, min(last + 2, self.items_model.rowCount())):
            self.table.resizeRowToContents(row)

    # ----- grid and dashboard -----------------------------------------------------------------------------
    def _view_changed(self, index: int) -> None:
        """The grid and the dashboard are read when they are looked at (the dashboard reads every item)."""
        selection = self.current_selection()
        if selection is None:
            return
        if self.views.widget(index) is self.dashboard and self._dashboard_stale:
            self.dashboard.set_plan(selection.plan_id, date.today())
            self._dashboard_stale = False
        if self.views.widget(index) is self.progress_grid and self._grid_stale:
            self.progress_grid.set_plan(selection.plan_id)
            self._grid_stale = False

    def show_filtered(self, fields: dict[str, object]) -> None:
        """A number on the dashboard was clicked: show exactly those items in the table."""
        selection = self.current_selection()
        if selection is None:
            return
        group_id, section_id, unit_id = fields.get("group_id"), fields.get("section_id"), fields.get("unit_id")

        def wanted(node: Selection) -> bool:
            if group_id is not None:
                return node.group_id == group_id
            if section_id is not None:
                return node.section_id == section_id and node.group_id is None
            return node == Selection(selection.plan_id)

        target = self.find_node(wanted)
        if target is not None:
            self.tree.setCurrentIndex(target)
        self._ungrouped = (section_id, None) if group_id is None and isinstance(section_id, int) else None
        self._unit_role = (int(str(unit_id)), str(fields.get("unit_role", "implementing"))) \
            if unit_id is not None else None
        assessment, window = fields.get("assessment"), fields.get("window")
        self.filter_bar.select(assessment=assessment if isinstance(assessment, str) else None,
                               window=window if isinstance(window, str) else None,
                               unit_id=unit_id if isinstance(unit_id, int) else None)
        self.views.setCurrentIndex(0)

    def show_item(self, item_id: int) -> None:
        """Show one item (from a dashboard list) in the table and its form."""
        selection = self.current_selection()
        if selection is not None:
            target = self.find_node(Selection(selection.plan_id))
            if target is not None:
                self.tree.setCurrentIndex(target)
        self.filter_bar.reset()
        self.views.setCurrentIndex(0)
        query = self.items_model.query
        self.items_model.set_query(replace(query, item_ids=(item_id,)) if query else None)
        if self.items_model.rowCount():
            self.table.selectRow(0)

    # ----- state ------------------------------------------------------------------------------------------
    def restore_state(self, settings: QSettings) -> None:
        """The splitters and the table's columns as the officer left them."""
        if splitter := settings.value("main/splitter"):
            self.splitter.restoreState(splitter)
        if items_split := settings.value("main/items_split"):
            self.items_split.restoreState(items_split)
        if header := settings.value("main/items_header"):
            self.table.horizontalHeader().restoreState(header)

    def save_state(self, settings: QSettings) -> None:
        """Remember the splitters and the table's columns."""
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/items_split", self.items_split.saveState())
        settings.setValue("main/items_header", self.table.horizontalHeader().saveState())


def _last_plan() -> int | None:
    value = QSettings().value("main/last_plan")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
