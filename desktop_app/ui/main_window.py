"""The main window: assembles the plan browser and the controllers, places their actions in menus and the
toolbar, and keeps its size and place. It does no work of its own: the controllers run the use cases, and every
view reads again what the change hub says changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from desktop_app.ui.change_watcher import LiveRefresh
from desktop_app.ui.controllers.accounts import AccountsFlow
from desktop_app.ui.controllers.audit import AuditFlow
from desktop_app.ui.controllers.backup import BackupFlow
from desktop_app.ui.controllers.base import Context
from desktop_app.ui.controllers.editing import EditFlow
from desktop_app.ui.controllers.exchange import ExchangeFlow
from desktop_app.ui.controllers.forms import FormFlow
from desktop_app.ui.controllers.importing import ImportFlow
from desktop_app.ui.controllers.reports import ReportFlow
from desktop_app.ui.controllers.structure import StructureActions
from desktop_app.ui.language import saved_language, set_language
from desktop_app.ui.operations import ChangeHub, Operations
from desktop_app.ui.widgets.plan_browser import PlanBrowser

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


class MainWindow(QMainWindow):
    """Plans on the left, the items of the selected plan/section/group in the centre; menus of the controllers."""

    def __init__(self, db: Workspace) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(self.tr("Commune digital transformation plan tracker"))
        self.hub = ChangeHub(self)
        self.operations = Operations(self, self.hub)
        self.undo_stack = QUndoStack(self)
        self.browser = PlanBrowser(db, self.hub, self.undo_stack)
        self.browser.message.connect(self.statusBar().showMessage)
        self.setCentralWidget(self.browser)
        ctx = Context(db, self, self.operations, self.hub, self.browser)
        self.exchange = ExchangeFlow(ctx)
        self.imports = ImportFlow(ctx, open_package=self.exchange.import_data_package_from)
        self.reports = ReportFlow(ctx)
        self.backups = BackupFlow(ctx, reopen=self.replace_with)
        self.forms = FormFlow(ctx)
        self.audit = AuditFlow(ctx)
        self.accounts = AccountsFlow(ctx)
        self.accounts.officer_action = self.audit.officer_action
        self.edits = EditFlow(ctx, self.undo_stack)
        self.structure = StructureActions(ctx, self.undo_stack, self.browser)
        self.quit_action = QAction(self.tr("E&xit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self._build_menus()
        self.accounts.show_signed_in()
        self.resize(1300, 760)
        self._restore_state()
        self.browser.refresh()
        # shows what other windows and copies of the program save; F5 reloads
        self.live_refresh = LiveRefresh(self, db, self.browser, self.hub)
        self.file_menu.insertAction(self.file_menu.actions()[3], self.live_refresh.reload_action)

    def _menu(self, title: str, actions: list[QAction | None]) -> QMenu:
        menu = self.menuBar().addMenu(title)
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)
        return menu

    def _build_menus(self) -> None:
        imports, reports, edits, structure = self.imports, self.reports, self.edits, self.structure
        exchange, forms, audit, accounts = self.exchange, self.forms, self.audit, self.accounts
        self.file_menu = self._menu(self.tr("&File"), [
            imports.import_action, imports.paste_action, imports.sample_action, None,
            reports.preview_action, reports.print_action, None, self.quit_action])
        self._menu(self.tr("&Edit"), [
            edits.undo_action, edits.redo_action, None, imports.paste_action, None, *structure.actions_for_items,
            None, *structure.actions_for_headings, None, edits.units_action, edits.history_action,
            audit.audit_action])
        self._menu(self.tr("&Reports"), [reports.export_report_action, reports.preview_action, reports.print_action])
        self._menu(self.tr("&Backup"), [self.backups.backup_action, self.backups.restore_action])
        self.exchange_menu = self._menu(self.tr("E&xchange"), [
            exchange.send_package_action, exchange.receive_package_action, exchange.versions_action, None,
            forms.make_form_action, forms.read_form_action, None, exchange.province_action])
        settings_menu = self._menu(self.tr("&Settings"), [
            reports.report_settings_action, exchange.identity_action, audit.officer_action,
            accounts.accounts_action, accounts.sign_out_action])
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
        for tool in (imports.import_action, imports.paste_action, None, edits.undo_action, edits.redo_action, None,
                     structure.add_item_action, structure.delete_item_action, edits.units_action, None,
                     reports.export_report_action, reports.print_action):
            toolbar.addSeparator() if tool is None else toolbar.addAction(tool)

    def switch_language(self, language: str) -> MainWindow:
        """Show the program in another language: a new window in that language takes this one's place."""
        QSettings().setValue("ui/language", language)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_language(app, language)
        return self.replace_with(self.db)

    def replace_with(self, db: Workspace) -> MainWindow:
        """A new main window on db takes this one's place (after a restore every view reads the restored data;
        after a change of language every text is in the new one)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._save_state()
        window = MainWindow(db)
        window.show()
        if db is not self.db:
            app.aboutToQuit.connect(db.close)
        keep_open(window, replacing=self)
        self.close()
        return window

    # ----- window state -----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        if geometry := settings.value("main/geometry"):
            self.restoreGeometry(geometry)
        self.browser.restore_state(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live_refresh.close()
        self._save_state()
        super().closeEvent(event)

    def _save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        self.browser.save_state(settings)


_windows: list[QMainWindow] = []  # the main windows shown: a window nobody holds would be collected at once


def keep_open(window: QMainWindow, *, replacing: QMainWindow | None = None) -> None:
    """Hold a shown main window (in place of the one it replaces)."""
    _windows[:] = [w for w in _windows if w is not replacing] + [window]
