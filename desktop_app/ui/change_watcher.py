"""Keeping the main window in step with the database file when another window or copy of the program saves."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QTableView

from desktop_app.errors import AppError, NotFound
from desktop_app.services import browse
from desktop_app.services import dashboard as dashboard_service
from desktop_app.services import items as items_service
from desktop_app.services import progress_grid as grid_service
from desktop_app.services.browse import PlanNode
from desktop_app.services.changes import EXTERNAL
from desktop_app.services.dashboard import Dashboard
from desktop_app.services.editing import item_detail
from desktop_app.services.workspace import watch_file
from desktop_app.ui.models.plan_tree import NODE_ROLE, build_tree_model

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace
    from desktop_app.ui.operations import ChangeHub
    from desktop_app.ui.widgets.item_form import ItemForm
    from desktop_app.ui.widgets.plan_browser import PlanBrowser

POLL_MS = 1500
RETRY_MS = 500  # while an unsaved edit holds a refresh back: how soon it is tried again


class ChangeWatcher(QObject):
    """Asks the database file every interval_ms whether another connection committed (a poll takes a few
    microseconds) and emits changed when one did."""

    changed = Signal()

    def __init__(self, db: Workspace, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.watch = watch_file(db)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> bool:
        """Ask now; emit changed (and answer True) when the file changed since the last poll."""
        if self.watch.changed():
            self.changed.emit()
            return True
        return False

    def seen(self) -> None:
        """Take everything committed until now as known (a refresh is about to read it)."""
        self.watch.seen()

    def close(self) -> None:
        """Stop polling and release the file."""
        self.timer.stop()
        self.watch.close()


def form_has_unsaved_edits(form: ItemForm) -> bool:
    """Whether the item form shows values not saved yet (typed into a field that still has the focus)."""
    if form.detail is None:
        return False
    try:
        return form.values() != form.detail
    except AppError:
        return True  # a value that is not even a number yet is an edit in progress


@dataclass
class _Changes:
    """What the window shows that differs from the file."""

    tree: list[PlanNode] | None = None
    units: list[tuple[int, str]] | None = None
    items: bool = False
    form: bool = False
    form_gone: bool = False
    grid: bool = False
    dashboard: Dashboard | None = None

    def __bool__(self) -> bool:
        return any((self.tree is not None, self.units is not None, self.items, self.form, self.grid,
                    self.dashboard is not None))


def _walk(model: QStandardItemModel) -> Iterator[tuple[QModelIndex, int]]:
    """Every index of a tree model with its depth (0 for a plan)."""
    stack = [(model.index(r, 0), 0) for r in range(model.rowCount())]
    while stack:
        index, depth = stack.pop()
        yield index, depth
        stack.extend((model.index(r, 0, index), depth + 1) for r in range(model.rowCount(index)))


class LiveRefresh(QObject):
    """Shows in the plan browser what another copy of the program, the province window or a background task
    committed: only the parts that differ are reloaded, keeping the selection and scroll positions (so the
    window's own saves, which it already shows, cause no second refresh). While the item form holds an
    unsaved edit nothing is refreshed and the status bar says so; F5 reloads."""

    def __init__(self, window: QMainWindow, db: Workspace, browser: PlanBrowser, hub: ChangeHub, *,
                 interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window, self.db, self.browser, self.hub = window, db, browser, hub
        self.watcher = ChangeWatcher(db, self, interval_ms=interval_ms)
        self.watcher.changed.connect(self.check)
        self.pending = False
        # What the tree shows, as data: comparing it costs no Qt call (building a scratch tree on every check
        # would make hundreds, and PySide6 6.12.0 on Python 3.11 drops a reference to None with each).
        self._plans_shown = browse.plan_tree(db)
        self._rebuilding = False
        self.browser.tree_model.modelReset.connect(self._tree_rebuilt)
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self._apply_pending)
        self.reload_action = QAction(self.tr("&Reload data"), window)  # placed in the File menu by the window
        self.reload_action.setShortcut(QKeySequence("F5"))
        self.reload_action.triggered.connect(self.reload)

    def notice(self) -> str:
        """The status-bar notice shown while an unsaved edit holds the refresh back."""
        return self.tr("Data was just changed in another window — press F5 to reload.")

    # ----- reacting to the file ----------------------------------------------------------------------------
    def check(self) -> None:
        """The file changed: tell the hub (views not shown read again when looked at), then show what differs
        now, or wait (with a notice) while an edit is unsaved."""
        self.hub.publish(EXTERNAL)
        changes = self._differences()
        if not changes:
            return  # e.g. the window's own save, already shown
        if self._busy():
            self.pending = True
            self._retry.start()
            self.window.statusBar().showMessage(self.notice())
            return
        self._apply(changes)

    def _apply_pending(self) -> None:
        if self._busy():
            return
        self._retry.stop()
        self.pending = False
        if self.window.statusBar().currentMessage() == self.notice():
            self.window.statusBar().clearMessage()
        self.watcher.seen()  # what is read below is the newest; a later commit is noticed by the next poll
        if changes := self._differences():
            self._apply(changes)

    def reload(self) -> None:
        """F5: save the form's pending edit when it can be saved, then show everything as it is in the file
        (an edit the file refused gives way to the version saved elsewhere)."""
        form = self.browser.item_form
        if form_has_unsaved_edits(form):
            form.save()
        self._retry.stop()
        self.pending = False
        self.watcher.seen()
        self.hub.publish(EXTERNAL)
        changes = self._differences()
        changes.form = changes.form or form_has_unsaved_edits(form)
        self._apply(changes)
        self.window.statusBar().showMessage(self.tr("Data reloaded."), 5000)

    def close(self) -> None:
        """Stop watching (the window is closing)."""
        self._retry.stop()
        self.watcher.close()

    def _tree_rebuilt(self) -> None:
        if not self._rebuilding:  # the window rebuilt its tree from the file just now: read what it read
            self._plans_shown = browse.plan_tree(self.db)

    def _busy(self) -> bool:
        grid = self.browser.progress_grid.table
        return form_has_unsaved_edits(self.browser.item_form) or \
            grid.state() == QAbstractItemView.State.EditingState

    # ----- what differs ------------------------------------------------------------------------------------
    def _differences(self) -> _Changes:
        w, db = self.browser, self.db
        changes = _Changes()
        plans = browse.plan_tree(db)
        if plans != self._plans_shown:
            changes.tree = plans
        selection = w.current_selection()
        if selection is not None:
            units = items_service.plan_units(db, plan_id=selection.plan_id)
            combo = w.filter_bar.unit
            if units != [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]:
                changes.units = units
        model = w.items_model
        if model.query is not None:
            loaded = model.rowCount()
            rows = items_service.page(db, model.query, sort=model.sort_key, descending=model.descending,
                                      offset=0, limit=loaded + 1)
            changes.items = rows[:loaded] != [model.row_at(r) for r in range(loaded)] or \
                (len(rows) > loaded) != model.canFetchMore()
        if w.item_form.detail is not None:
            try:
                changes.form = item_detail(db, item_id=w.item_form.detail.id) != w.item_form.detail
            except NotFound:
                changes.form = changes.form_gone = True
        grid = w.progress_grid.model
        if grid.plan_id is not None and grid.period_id is not None:
            loaded = grid.rowCount()
            try:
                rows = grid_service.grid_rows(db, plan_id=grid.plan_id, period_id=grid.period_id,
                                              unit_id=grid.unit_id, today=grid.today, offset=0, limit=loaded + 1)
            except AppError:  # its period is gone (the reporting scheme changed)
                changes.grid = True
            else:
                changes.grid = rows[:loaded] != [grid.row_at(r) for r in range(loaded)] or \
                    (len(rows) > loaded) != grid.canFetchMore()
        if selection is not None and w.views.currentWidget() is w.dashboard and w.dashboard.data is not None:
            shown = dashboard_service.dashboard(db, plan_id=selection.plan_id, today=date.today())
            changes.dashboard = shown if shown != w.dashboard.data else None
        return changes

    # ----- showing it --------------------------------------------------------------------------------------
    def _apply(self, changes: _Changes) -> None:
        w = self.browser
        if changes.tree is not None and not self._replace_tree(changes.tree):
            w.refresh()  # the node shown is gone: the window chooses a plan as at start-up
            return
        if changes.units is not None:
            w.filter_bar.set_units(changes.units)
        detail = w.item_form.detail
        item_id = detail.id if detail is not None and not changes.form_gone else None
        if changes.items:
            item_id = _reload_keeping_place(w.table, w.items_model, lambda r: w.items_model.row_at(r).id, item_id)
            w.show_count_soon()
        if changes.form or item_id is None:
            w.item_form.load(item_id)
        if changes.form or changes.items or item_id is None:
            w.load_history(item_id)
        if changes.grid and w.views.currentWidget() is w.progress_grid:  # hidden, it reads again when looked at
            grid = w.progress_grid
            current = grid.table.currentIndex()
            shown = grid.model.row_at(current.row()).item_id if current.isValid() else None
            _reload_keeping_place(grid.table, grid.model, lambda r: grid.model.row_at(r).item_id, shown)
        if changes.dashboard is not None:
            w.dashboard.show_data(changes.dashboard)

    def _replace_tree(self, plans: list[PlanNode]) -> bool:
        """Rebuild the tree keeping the node shown, what was expanded and the scroll position (False when
        the node shown is gone)."""
        w = self.browser
        tree, model, current = w.tree, w.tree_model, w.current_selection()
        known = {index.data(NODE_ROLE): tree.isExpanded(index) for index, _ in _walk(model)}
        scroll = tree.verticalScrollBar().value()
        target = None
        signals = tree.selectionModel()
        signals.blockSignals(True)  # the window must not treat it as a new choice (it would reset the table)
        self._rebuilding = True
        try:
            build_tree_model(plans, model)
            self._plans_shown = plans
            for index, depth in _walk(model):
                if known.get(index.data(NODE_ROLE), depth <= 1):  # a new node opens as at start-up
                    tree.expand(index)
            target = w.find_node(current) if current is not None else None
            if target is not None:
                tree.setCurrentIndex(target)
        finally:
            self._rebuilding = False
            signals.blockSignals(False)
        if target is None:
            return False
        tree.doItemsLayout()
        tree.verticalScrollBar().setValue(scroll)
        return True


def _reload_keeping_place(table: QTableView, model: Any, id_at: Any, item_id: int | None) -> int | None:
    """Reload a paged table model keeping as many rows loaded, the same item current and the scroll
    position; returns the item still current (None when it is gone)."""
    column = max(table.currentIndex().column(), 0)
    loaded = model.rowCount()
    vertical, horizontal = table.verticalScrollBar().value(), table.horizontalScrollBar().value()
    row = None
    selection = table.selectionModel()
    selection.blockSignals(True)  # the current item stays; the window must not reload its form for nothing
    try:
        model.reload()
        while model.rowCount() < loaded and model.canFetchMore():
            model.fetchMore()
        row = next((r for r in range(model.rowCount()) if id_at(r) == item_id), None) if item_id else None
        if row is not None:
            table.setCurrentIndex(model.index(row, column))
            table.selectRow(row)
    finally:
        selection.blockSignals(False)
    table.doItemsLayout()
    table.verticalScrollBar().setValue(vertical)
    table.horizontalScrollBar().setValue(horizontal)
    return item_id if row is not None else None
