"""The main window: wires the plan tree, the items table and the File menu to the services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeySequence,
    QStandardItemModel,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from desktop_app.services import browse
from desktop_app.services import items as items_service
from desktop_app.ui.app import saved_language, set_language
from desktop_app.ui.change_watcher import LiveRefresh
from desktop_app.ui.controllers.accounts import AccountsFlow
from desktop_app.ui.controllers.audit import AuditFlow
from desktop_app.ui.controllers.backup import BackupFlow
from desktop_app.ui.controllers.exchange import ExchangeFlow
from desktop_app.ui.controllers.importing import ImportFlow
from desktop_app.ui.controllers.reports import ReportFlow
from desktop_app.ui.controllers.structure import StructureActions, StructureEditing
from desktop_app.ui.dialogs.forms import FormFlow
from desktop_app.ui.dialogs.unit_manager import UnitManagerDialog
from desktop_app.ui.models.items import COL_NUMBER, COL_TEXT, ID_ROLE, ItemsModel
from desktop_app.ui.models.plan_tree import NODE_ROLE, Selection, build_tree_model
from desktop_app.ui.tasks import Task
from desktop_app.ui.widgets.dashboard import DashboardWidget
from desktop_app.ui.widgets.filter_bar import FilterBar
from desktop_app.ui.widgets.item_form import ItemForm
from desktop_app.ui.widgets.item_history import ItemHistoryView
from desktop_app.ui.widgets.progress_grid import ProgressGridWidget

FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Appendix (*.docx *.xlsx *.txt *.md *.tsv *.csv);;All files (*)")


class MainWindow(ImportFlow, ReportFlow, BackupFlow, ExchangeFlow, FormFlow, AuditFlow, AccountsFlow,
                 StructureEditing, QMainWindow):
    """Plans on the left, the items of the selected plan/section/group in the centre."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self._tasks: list[Task] = []
        self.setWindowTitle(self.tr("Commune digital transformation plan tracker"))
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.items_model = ItemsModel(db, self)
        self.filter_bar = FilterBar()
        self.table = QTableView()
        self.table.setModel(self.items_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The text column takes what is left, so every column fits on a 1366-pixel office laptop.
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((45, 0, 80, 130, 150, 85, 105, 105, 80)):
            if width:
                self.table.setColumnWidth(column, width)
        # Wrapped rows are measured only where they are seen: measuring 100,000 rows would freeze the window.
        self._row_fit = QTimer(self, singleShot=True, interval=0)
        self._row_fit.timeout.connect(self._fit_visible_rows)
        header.sectionResized.connect(lambda *_: self._row_fit.start())
        self.table.verticalScrollBar().valueChanged.connect(lambda *_: self._row_fit.start())
        self.items_model.modelReset.connect(self._row_fit.start)
        self.items_model.rowsInserted.connect(lambda *_: self._row_fit.start())
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.filter_bar)
        centre_layout.addWidget(self.table)
        self.filter_bar.changed.connect(self.apply_filters)
        self._count_later = QTimer(self, singleShot=True, interval=0)
        self._count_later.timeout.connect(self._show_count)
        self.undo_stack = QUndoStack(self)
        self.item_form = ItemForm(db, self.undo_stack)
        self.item_form.saved.connect(self._item_saved)
        form_scroll = QScrollArea()
        form_scroll.setWidget(self.item_form)
        form_scroll.setWidgetResizable(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_current)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.item_history = ItemHistoryView(db)
        self.item_tabs = QTabWidget()
        self.item_tabs.addTab(form_scroll, self.tr("Details"))
        self.item_tabs.addTab(self.item_history, self.tr("History"))
        # The form sits below the table so the table keeps the full width on a 1366-pixel screen.
        self.items_split = QSplitter(Qt.Orientation.Vertical)
        self.items_split.addWidget(centre)
        self.items_split.addWidget(self.item_tabs)
        self.items_split.setStretchFactor(0, 1)
        self.items_split.setSizes([430, 260])
        self.progress_grid = ProgressGridWidget(db)
        self.progress_grid.changed.connect(lambda: self._item_saved(-1))
        self.views = QTabWidget()
        self.views.addTab(self.items_split, self.tr("Indicators and tasks"))
        self.views.addTab(self.progress_grid, self.tr("Enter results"))
        self.dashboard = DashboardWidget(db)
        self.dashboard.filter_requested.connect(self.show_filtered)
        self.dashboard.item_requested.connect(self.show_item)
        self.views.addTab(self.dashboard, self.tr("Dashboard"))
        self.views.currentChanged.connect(self._view_changed)
        self._unit_role: tuple[int, str] | None = None  # (unit, role) asked for by a dashboard click
        self._ungrouped: tuple[int | None, None] | None = None  # (section, None): only its ungrouped items
        self._dashboard_stale = self._grid_stale = True
        self.splitter.addWidget(self.views)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1120])
        self.setCentralWidget(self.splitter)
        self._build_menus()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.resize(1300, 760)
        self._restore_state()
        self.refresh()
        self.live_refresh = LiveRefresh(self)  # shows what other windows and copies of the program save; F5

    # ----- menus -------------------------------------------------------------------------------------------
    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        self.import_action = self._action(self.tr("&Import appendix…"), QKeySequence.StandardKey.Open, self.choose_import)
        self.paste_action = self._action(self.tr("&Paste appendix from clipboard"), "Ctrl+Shift+V", self.import_clipboard)
        self.sample_action = self._action(self.tr("Load the &sample plan"), None, self.load_sample)
        self.quit_action = self._action(self.tr("E&xit"), QKeySequence.StandardKey.Quit, self.close)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.import_action, self.paste_action, self.sample_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.paste_action)
        self.structure = StructureActions(self, self.db, self.undo_stack, self._refresh_keeping_selection,
                                          lambda: self._item_saved(-1))
        self.items_model.move_requested.connect(self.structure.drag_item)
        edit_menu.addSeparator()
        self.add_item_action = self._local(self.table, self.tr("&Add item after this one"), "Ins", self.add_item)
        self.delete_item_action = self._local(self.table, self.tr("&Delete item…"), QKeySequence.StandardKey.Delete,
                                              self.delete_item)
        self.item_up_action = self._local(self.table, self.tr("Move item &up"), "Alt+Up", lambda: self.move_item(-1))
        self.item_down_action = self._local(self.table, self.tr("Move item do&wn"), "Alt+Down", lambda: self.move_item(1))
        for action in (self.add_item_action, self.delete_item_action, self.item_up_action, self.item_down_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.plan_info_action = self._action(self.tr("&Plan information…"), None, self.edit_plan)
        self.rename_heading_action = self._local(self.tree, self.tr("&Rename section or group…"), "F2",
                                                 self.rename_heading)
        self.heading_up_action = self._local(self.tree, self.tr("Move section or group up"), "Alt+Up",
                                             lambda: self.move_heading(-1))
        self.heading_down_action = self._local(self.tree, self.tr("Move section or group down"), "Alt+Down",
                                               lambda: self.move_heading(1))
        for action in (self.plan_info_action, self.rename_heading_action, self.heading_up_action, self.heading_down_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.units_action = self._action(self.tr("&Units…"), "Ctrl+U", self.manage_units)
        edit_menu.addAction(self.units_action)
        self.history_action = self._action(self.tr("Undo &history…"), None, self.show_undo_history)
        edit_menu.addAction(self.history_action)
        self.export_report_action = self._action(self.tr("&Export report…"), "Ctrl+E", self.export_report_file)
        self.preview_action = self._action(self.tr("Print pre&view…"), "Ctrl+Shift+P", self.print_preview)
        self.print_action = self._action(self.tr("&Print…"), QKeySequence.StandardKey.Print, self.print_report)
        reports_menu = self.menuBar().addMenu(self.tr("&Reports"))
        for action in (self.export_report_action, self.preview_action, self.print_action):
            reports_menu.addAction(action)
        file_menu.insertActions(self.quit_action, [self.preview_action, self.print_action])
        file_menu.insertSeparator(self.quit_action)
        self.backup_action = self._action(self.tr("&Back up now…"), None, self.back_up_now)
        self.restore_action = self._action(self.tr("&Restore…"), None, self.restore_backup)
        backup_menu = self.menuBar().addMenu(self.tr("&Backup"))
        backup_menu.addAction(self.backup_action)
        backup_menu.addAction(self.restore_action)
        self._build_exchange_menu()
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.report_settings_action = self._action(self.tr("&Report header and recipients…"), None,
                                                   self.edit_report_settings)
        settings_menu.addAction(self.report_settings_action)
        settings_menu.addAction(self.identity_action)
        self._build_audit(edit_menu, settings_menu)
        self._build_accounts(settings_menu)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, label in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == saved_language())
            action.triggered.connect(lambda _=False, code=code: self.switch_language(code))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        toolbar = self.addToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        for action in (self.import_action, self.paste_action, None, self.undo_action, self.redo_action, None,
                       self.add_item_action, self.delete_item_action, self.units_action, None,
                       self.export_report_action, self.print_action):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)

    def _local(self, widget: QWidget, text: str, shortcut: QKeySequence | str, slot: object) -> QAction:
        """An action whose shortcut works only while widget has the focus (Delete must not delete an item
        while the officer types in the form)."""
        action = self._action(text, shortcut, slot)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
        return action

    def _refresh_keeping_selection(self) -> None:
        selection = self.current_selection()
        build_tree_model(browse.plan_tree(self.db), self.tree_model)
        self.tree.expandToDepth(1)
        target = self._find_node(selection) if selection is not None else None
        if target is not None:
            self.tree.setCurrentIndex(target)
        elif self.tree_model.rowCount():
            self.tree.setCurrentIndex(self.tree_model.index(0, 0))

    def _find_node(self, wanted: Selection | Callable[[Selection], bool]) -> QModelIndex | None:
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

    # ----- data -------------------------------------------------------------------------------------------
    def refresh(self, select_plan: int | None = None) -> None:
        """Reload the tree from the database and show the chosen (or first) plan."""
        build_tree_model(browse.plan_tree(self.db), self.tree_model)
        self.tree.expandToDepth(1)
        target = select_plan if select_plan is not None else self._last_plan()
        row = 0
        for r in range(self.tree_model.rowCount()):
            if self.tree_model.item(r).data(NODE_ROLE).plan_id == target:
                row = r
        if self.tree_model.rowCount():
            self.tree.setCurrentIndex(self.tree_model.index(row, 0))
        else:
            self.items_model.set_rows([])
            self.statusBar().showMessage(self.tr("No plan yet. Use File → Import appendix… (Ctrl+O)."))

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

    def _show_count(self) -> None:
        self.statusBar().showMessage(self.tr("{n} indicators and tasks").format(n=self.items_model.total))

    def _on_row_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        self.item_form.load(item_id)
        self._load_history(item_id)

    def _item_saved(self, item_id: int) -> None:
        """After an edit (or its undo): show the new values and keep the same item selected."""
        self._dashboard_stale = self._grid_stale = True
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

    def manage_units(self) -> UnitManagerDialog:
        """The unit registry: rename and merge units (undoable with the same Ctrl+Z)."""
        dialog = UnitManagerDialog(self.db, self.undo_stack, self)
        dialog.changed.connect(lambda: self._item_saved(-1))
        dialog.changed.connect(self._reload_form)
        dialog.open()
        return dialog

    def show_undo_history(self) -> QDialog:
        """Every action of this session, named in Vietnamese; clicking one undoes back to it."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Undo history"))
        view = QUndoView(self.undo_stack, dialog)
        view.setEmptyLabel(self.tr("<start of the session>"))
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(420, 360)
        dialog.show()
        return dialog

    def _reload_form(self) -> None:
        index = self.table.currentIndex()
        item_id = index.data(ID_ROLE) if index.isValid() else None
        self.item_form.load(item_id)
        self._load_history(item_id)

    # ----- dashboard ---------------------------------------------------------------------------------------
    def _view_changed(self, index: int) -> None:
        """The dashboard is computed when it is looked at (it reads every item of the plan)."""
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
        group_id, section_id = fields.get("group_id"), fields.get("section_id")

        def wanted(node: Selection) -> bool:
            if group_id is not None:
                return node.group_id == group_id
            if section_id is not None:
                return node.section_id == section_id and node.group_id is None
            return node == Selection(selection.plan_id)

        target = self._find_node(wanted)
        if target is not None:
            self.tree.setCurrentIndex(target)
        self._ungrouped = (fields.get("section_id"), None) if fields.get("group_id") is None and \
            fields.get("section_id") is not None else None  # type: ignore[assignment]
        unit_id = fields.get("unit_id")
        self._unit_role = (int(unit_id), str(fields.get("unit_role", "implementing"))) if unit_id is not None else None
        self.filter_bar.select(assessment=fields.get("assessment"), window=fields.get("window"),  # type: ignore[arg-type]
                               unit_id=unit_id)  # type: ignore[arg-type]
        self.views.setCurrentIndex(0)

    def show_item(self, item_id: int) -> None:
        """Show one item (from a dashboard list) in the table and its form."""
        selection = self.current_selection()
        if selection is not None:
            target = self._find_node(Selection(selection.plan_id))
            if target is not None:
                self.tree.setCurrentIndex(target)
        self.filter_bar.reset()
        self.views.setCurrentIndex(0)
        self.items_model.set_query(replace(self.items_model.query, item_ids=(item_id,)) if self.items_model.query else None)
        if self.items_model.rowCount():
            self.table.selectRow(0)

    def _fit_visible_rows(self) -> None:
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = self.items_model.rowCount() - 1 if last < 0 else last
        for row in range(first, min(last + 2, self.items_model.rowCount())):
            self.table.resizeRowToContents(row)

    def current_selection(self) -> Selection | None:
        """What the tree's current node stands for."""
        value = self.tree.currentIndex().data(NODE_ROLE)
        return value if isinstance(value, Selection) else None

    def switch_language(self, language: str) -> MainWindow:
        """Show the program in another language: a new window in that language takes this one's place."""
        QSettings().setValue("ui/language", language)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_language(app, language)
        self._save_state()
        window = MainWindow(self.db)
        window.show()
        windows = getattr(app, "_cds_windows", [])
        app._cds_windows = [w for w in windows if w is not self] + [window]  # type: ignore[attr-defined]
        self.close()
        return window

    # ----- window state -----------------------------------------------------------------------------------
    def _last_plan(self) -> int | None:
        value = QSettings().value("main/last_plan")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def _restore_state(self) -> None:
        settings = QSettings()
        if geometry := settings.value("main/geometry"):
            self.restoreGeometry(geometry)
        if splitter := settings.value("main/splitter"):
            self.splitter.restoreState(splitter)
        if items_split := settings.value("main/items_split"):
            self.items_split.restoreState(items_split)
        if header := settings.value("main/items_header"):
            self.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event: object) -> None:
        self.live_refresh.close()
        self._save_state()
        super().closeEvent(event)  # type: ignore[arg-type]

    def _save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/items_split", self.items_split.saveState())
        settings.setValue("main/items_header", self.table.horizontalHeader().saveState())


