"""The main window: wires the plan tree, the items table and the File menu to the services."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from desktop_app.errors import AppError, DuplicateImport
from desktop_app.paths import sample_plan_path
from desktop_app.services import browse, importing
from desktop_app.services import items as items_service
from desktop_app.ui import dialogs
from desktop_app.ui.app import saved_language, set_language
from desktop_app.ui.filter_bar import FilterBar
from desktop_app.ui.import_preview import ImportPreviewDialog
from desktop_app.ui.import_report import ImportReportDialog
from desktop_app.ui.item_form import ItemForm
from desktop_app.ui.item_history import ItemHistoryView
from desktop_app.ui.items_model import COL_NUMBER, COL_TEXT, ID_ROLE, ItemsModel
from desktop_app.ui.plan_tree import NODE_ROLE, Selection, build_tree_model
from desktop_app.ui.tasks import Task, run_task

FILE_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Appendix (*.docx *.xlsx *.txt *.md *.tsv *.csv);;All files (*)")


class MainWindow(QMainWindow):
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
        self.table.sortByColumn(COL_NUMBER, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The text column takes what is left, so every column fits on a 1366-pixel office laptop.
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((45, 0, 90, 140, 150, 85, 80, 105, 85)):
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
        self.splitter.addWidget(centre)
        self.item_history = ItemHistoryView(db)
        self.item_tabs = QTabWidget()
        self.item_tabs.addTab(form_scroll, self.tr("Details"))
        self.item_tabs.addTab(self.item_history, self.tr("History"))
        self.splitter.addWidget(self.item_tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 800, 380])
        self.setCentralWidget(self.splitter)
        self._build_menus()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.resize(1300, 760)
        self._restore_state()
        self.refresh()

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
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
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
        toolbar.addAction(self.import_action)
        toolbar.addAction(self.paste_action)

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
        selection = current.data(NODE_ROLE)
        if not isinstance(selection, Selection):
            return
        before = previous.data(NODE_ROLE)
        if not isinstance(before, Selection) or before.plan_id != selection.plan_id:
            self.filter_bar.set_units(items_service.plan_units(self.db, plan_id=selection.plan_id))
            QSettings().setValue("main/last_plan", selection.plan_id)
        self.apply_filters()

    def apply_filters(self) -> None:
        """Show the items of the tree's current node that pass the filter bar."""
        selection = self.current_selection()
        if selection is None:
            self.items_model.set_query(None)
            return
        query = items_service.make_query(
            plan_id=selection.plan_id, section_id=selection.section_id, group_id=selection.group_id,
            today=date.today(), **self.filter_bar.fields(),
        )
        self.items_model.set_query(query)
        self._count_later.start()  # the count scans every match: after the table has repainted

    def _show_count(self) -> None:
        self.statusBar().showMessage(self.tr("{n} indicators and tasks").format(n=self.items_model.total))

    def _on_row_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        self.item_form.load(item_id)
        self.item_history.load(item_id)

    def _item_saved(self, item_id: int) -> None:
        """After an edit (or its undo): show the new values and keep the same item selected."""
        row = self.table.currentIndex().row()
        selection = self.table.selectionModel()
        selection.blockSignals(True)  # the form already shows the item; a reset must not clear it
        self.items_model.reload()
        if 0 <= row < self.items_model.rowCount():
            self.table.setCurrentIndex(self.items_model.index(row, 0))
            self.table.selectRow(row)
        selection.blockSignals(False)
        self._count_later.start()

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

    # ----- import -----------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        """Ask for an appendix file and import it."""
        start = str(QSettings().value("main/last_dir", str(Path.home())))
        name = dialogs.open_file(self, self.tr("Import plan appendix"), start, self.tr(FILE_FILTER))
        if name:
            QSettings().setValue("main/last_dir", str(Path(name).parent))
            self.preview_path(Path(name))

    def preview_path(self, path: Path) -> Task:
        """Read a file in the background, then show the import preview."""
        return self._start(self.tr("Reading {name}…").format(name=path.name),
                           lambda: importing.preview_file(self.db, path=path), self.show_preview, self.show_error)

    def show_preview(self, preview: importing.Preview) -> None:
        """Let the officer check (and correct) what will be imported; import it when accepted."""
        dialog = ImportPreviewDialog(self.db, preview, self)
        if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
            return
        again = False
        if dialog.preview.already_imported is not None:
            again = dialogs.ask(self, self.tr("File already imported"),
                                self.tr("This file was already imported.") + "\n\n"
                                + self.tr("Import it again as a second copy of the plan?"))
            if not again:
                return
        chosen = dialog.preview
        self._start(self.tr("Importing {name}…").format(name=chosen.parsed.source_name),
                    lambda: importing.import_preview(self.db, preview=chosen, again=again),
                    self._imported, self.show_error)

    def import_path(self, path: Path, *, again: bool = False) -> Task:
        """Import a file in the background; asks before importing the same file twice."""
        def failed(exc: BaseException) -> None:
            if isinstance(exc, DuplicateImport):
                if dialogs.ask(self, self.tr("File already imported"),
                               exc.full_message() + "\n\n" + self.tr("Import it again as a second copy of the plan?")):
                    self.import_path(path, again=True)
                return
            self.show_error(exc)

        return self._start(self.tr("Importing {name}…").format(name=path.name),
                           lambda: importing.import_file(self.db, path=path, again=again), self._imported, failed)

    def import_clipboard(self) -> Task | None:
        """Import an appendix table copied from Word or Excel."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            dialogs.inform(self, self.tr("Clipboard is empty"),
                           self.tr("Copy the appendix table in Word or Excel first, then paste it here."))
            return None
        return self._start(self.tr("Reading the clipboard…"),
                           lambda: importing.preview_text(self.db, text=text), self.show_preview, self.show_error)

    def load_sample(self) -> Task:
        """Import the bundled sample plan (xã Nam Hồng)."""
        return self.import_path(sample_plan_path(), again=True)

    def offer_sample(self) -> None:
        """On first start with an empty database, offer the sample plan."""
        if not browse.is_empty(self.db):
            return
        wanted = dialogs.ask(
            self, self.tr("Welcome"),
            self.tr("The database has no plan yet.\n\nLoad the sample plan of commune Nam Hồng to try the program? "
               "You can import your own appendix at any time with File → Import appendix… (Ctrl+O)."),
            default_yes=True,
        )
        if wanted:
            self.load_sample()

    def _start(self, label: str, work: object, done: object, failed: object) -> Task:
        task = run_task(self, label, work, done, failed)  # type: ignore[arg-type]
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))
        return task

    def _imported(self, result: importing.ImportResult) -> None:
        self.refresh(select_plan=result.plan_id)
        ImportReportDialog(result, self).open()

    def show_error(self, exc: BaseException) -> None:
        """Show an error: our own in plain Vietnamese, anything else as an unexpected fault."""
        if isinstance(exc, AppError):
            dialogs.warn(self, self.tr("Cannot do this"), exc.full_message())
        else:
            dialogs.fail(self, self.tr("Unexpected error"),
                         self.tr("An unexpected error occurred; nothing was changed.") + f"\n\n{exc!r}")

    def switch_language(self, language: str) -> "MainWindow":
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
        if header := settings.value("main/items_header"):
            self.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        self._save_state()
        super().closeEvent(event)  # type: ignore[arg-type]

    def _save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/items_header", self.table.horizontalHeader().saveState())


