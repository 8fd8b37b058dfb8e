"""The Backup menu: back up now (to any folder, e.g. a USB stick) and restore a backup. Restoring closes the
window's database, puts the backup in place (the current data is backed up first), reopens the file (upgrading
an older backup) and hands it to the window, which shows it in a fresh main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from desktop_app.errors import AppError
from desktop_app.services import backups as backup_service
from desktop_app.ui import messages
from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.dialogs.restore import RestoreDialog
from desktop_app.ui.operations import Task


class BackupFlow(Controller):
    """Backup → Back up now…, Restore…"""

    def __init__(self, ctx: Context, *, reopen: Callable[[Any], QMainWindow]) -> None:
        super().__init__(ctx)
        self.reopen = reopen  # the window's: a new main window on the reopened database takes its place
        self.last_backup: Path | None = None
        self.backup_action = self.action(self.tr("&Back up now…"), None, self.back_up_now)
        self.restore_action = self.action(self.tr("&Restore…"), None, self.restore_backup)

    def back_up_now(self) -> Task | None:
        """Backup → Back up now…: choose a folder (the last one is offered) and copy the data there."""
        start = str(QSettings().value("backup/folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Choose the folder for the backup"), start)
        if not folder:
            return None
        return self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> Task:
        """Copy the data into folder in the background, then say where the copy is."""
        QSettings().setValue("backup/folder", str(folder))
        path = self.db.path

        def done(made: Path) -> None:
            self.last_backup = made
            self.status(self.tr("Backed up to %1.").replace("%1", str(made)))
            messages.inform(self.window, self.tr("Backup"),
                            self.tr("The data was backed up to:\n%1").replace("%1", str(made)))

        return self.run(self.tr("Backing up the data…"), lambda: backup_service.backup_now(path, folder), done)

    def restore_dialog(self) -> RestoreDialog:
        """The list of backups beside the database."""
        return RestoreDialog(backup_service.list_backups(self.db.path), self.window)

    def restore_backup(self) -> QMainWindow | None:
        """Backup → Restore…: choose a backup, confirm, restore."""
        dialog = self.restore_dialog()
        chosen = dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
        return self.restore_from(chosen) if chosen is not None else None

    def restore_from(self, backup: Path) -> QMainWindow | None:
        """Confirm, then restore backup over the data and show it in a new main window (returned)."""
        if self.ctx.operations.tasks:
            messages.warn(self.window, self.tr("Restore"), self.tr("Wait until the work in progress is finished."))
            return None
        try:
            backup_service.check_restorable(backup)
            held = backup_service.describe(backup).render()
        except AppError as exc:
            self.show_error(exc)
            return None
        question = self.tr("Replace the current data with the backup «%1»?\n\nThe current data is backed up "
                           "first (in the «backups» folder beside the data), so nothing is lost.").replace(
            "%1", backup.name) + "\n\n" + held
        if not messages.ask(self.window, self.tr("Restore"), question):
            return None
        from desktop_app.services.officer import GUI

        path = self.db.path
        self.db.close()
        try:
            db, saved = backup_service.restore_and_open(path, backup, origin=GUI)
        except BaseException as exc:  # noqa: BLE001 - shown; the old connection reopens on its next use
            self.show_error(exc)
            return None
        window = self.reopen(db)
        text = self.tr("The data was restored from «%1».").replace("%1", str(backup))
        if saved is not None:
            text += "\n\n" + self.tr("The data as it was before is kept in «%1».").replace("%1", str(saved))
        messages.inform(window, self.tr("Restore"), text)
        return window
