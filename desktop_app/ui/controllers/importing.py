"""Importing appendices: choose a file or paste, read it in the background, preview, write; the sample plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtGui import QGuiApplication, QKeySequence

from desktop_app.errors import DuplicateImport
from desktop_app.paths import sample_plan_path
from desktop_app.services import browse, importing
from desktop_app.ui import messages
from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.dialogs.import_preview import ImportPreviewDialog
from desktop_app.ui.dialogs.import_report import ImportReportDialog
from desktop_app.ui.operations import Task

FILE_FILTER = QT_TRANSLATE_NOOP("ImportFlow", "Appendix (*.docx *.xlsx *.txt *.md *.tsv *.csv);;All files (*)")


class ImportFlow(Controller):
    """File → Import appendix…, Paste appendix, Load the sample plan; a .cdsx given goes to the exchange."""

    def __init__(self, ctx: Context, *, open_package: Callable[[Path], Task | None]) -> None:
        super().__init__(ctx)
        self.open_package = open_package  # the exchange's import of a .cdsx file
        self.import_action = self.action(self.tr("&Import appendix…"), QKeySequence.StandardKey.Open,
                                         self.choose_import)
        self.paste_action = self.action(self.tr("&Paste appendix from clipboard"), "Ctrl+Shift+V",
                                        self.import_clipboard)
        self.sample_action = self.action(self.tr("Load the &sample plan"), None, self.load_sample)

    def choose_import(self) -> None:
        """Ask for an appendix file and import it."""
        start = str(QSettings().value("main/last_dir", str(Path.home())))
        name = messages.open_file(self.window, self.tr("Import plan appendix"), start, self.tr(FILE_FILTER))
        if name:
            QSettings().setValue("main/last_dir", str(Path(name).parent))
            self.preview_path(Path(name))

    def preview_path(self, path: Path) -> Task | None:
        """Read a file in the background, then show the import preview (a data package goes to its own)."""
        if path.suffix.lower() == ".cdsx":
            return self.open_package(path)
        return self.run(self.tr("Reading {name}…").format(name=path.name),
                        lambda: importing.preview_file(self.db, path=path), self.show_preview)

    def show_preview(self, preview: importing.Preview) -> None:
        """Let the officer check (and correct) what will be imported; import it when accepted."""
        dialog = ImportPreviewDialog(self.db, preview, self.window)
        if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
            return
        again = False
        if dialog.preview.already_imported is not None:
            again = messages.ask(self.window, self.tr("File already imported"),
                                 self.tr("This file was already imported.") + "\n\n"
                                 + self.tr("Import it again as a second copy of the plan?"))
            if not again:
                return
        chosen = dialog.preview
        self.run(self.tr("Importing {name}…").format(name=chosen.parsed.source_name),
                 lambda: importing.import_preview(self.db, preview=chosen, again=again), self._imported)

    def import_path(self, path: Path, *, again: bool = False) -> Task:
        """Import a file in the background; asks before importing the same file twice."""
        def failed(exc: BaseException) -> None:
            if isinstance(exc, DuplicateImport):
                if messages.ask(self.window, self.tr("File already imported"), exc.full_message() + "\n\n"
                                + self.tr("Import it again as a second copy of the plan?")):
                    self.import_path(path, again=True)
                return
            self.show_error(exc)

        return self.run(self.tr("Importing {name}…").format(name=path.name),
                        lambda: importing.import_file(self.db, path=path, again=again), self._imported, failed)

    def import_clipboard(self) -> Task | None:
        """Import an appendix table copied from Word or Excel."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            messages.inform(self.window, self.tr("Clipboard is empty"),
                            self.tr("Copy the appendix table in Word or Excel first, then paste it here."))
            return None
        return self.run(self.tr("Reading the clipboard…"),
                        lambda: importing.preview_text(self.db, text=text), self.show_preview)

    def load_sample(self) -> Task:
        """Import the bundled sample plan (xã Nam Hồng)."""
        return self.import_path(sample_plan_path(), again=True)

    def offer_sample(self) -> None:
        """On first start with an empty database, offer the sample plan."""
        if not browse.is_empty(self.db):
            return
        wanted = messages.ask(
            self.window, self.tr("Welcome"),
            self.tr("The database has no plan yet.\n\nLoad the sample plan of commune Nam Hồng to try the program? "
                    "You can import your own appendix at any time with File → Import appendix… (Ctrl+O)."),
            default_yes=True,
        )
        if wanted:
            self.load_sample()

    def _imported(self, result: importing.ImportResult) -> None:
        self.ctx.browser.show_plan(result.plan_id)
        ImportReportDialog(result, self.window).open()
