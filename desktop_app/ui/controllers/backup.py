"""The Backup menu of the main window: back up now (to any folder, e.g. a USB stick) and restore a backup.
Restoring closes the window's database, puts the backup in place (the current data is backed up first),
reopens the file (upgrading an older backup) and shows it in a fresh main window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from desktop_app.errors import AppError
from desktop_app.services import backups as backup_service
from desktop_app.ui import messages
from desktop_app.ui.dialogs.restore import RestoreDialog


class BackupFlow:
    """Mixed into MainWindow (which provides db, _start, _tasks, show_error, statusBar)."""

    db: Any
    last_backup: Path | None = None

    def back_up_now(self) -> Any:
        """Backup → Back up now…: choose a folder (the last one is offered) and copy the data there."""
        start = str(QSettings().value("backup/folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder for the backup"), start)  # type: ignore[arg-type, attr-defined]
        if not folder:
            return None
        return self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> Any:
        """Copy the data into folder in the background, then say where the copy is."""
        QSettings().setValue("backup/folder", str(folder))
        path = self.db.path

        def done(made: Path) -> None:
            self.last_backup = made
            self.statusBar().showMessage(self.tr("Backed up to %1.").replace("%1", str(made)), 10000)  # type: ignore[attr-defined]
            messages.inform(self, self.tr("Backup"),  # type: ignore[arg-type]
                           self.tr("The data was backed up to:\n%1").replace("%1", str(made)))  # type: ignore[attr-defined]

        return self._start(self.tr("Backing up the data…"),  # type: ignore[attr-defined]
                           lambda: backup_service.backup_now(path, folder), done, self.show_error)  # type: ignore[attr-defined]

    def restore_dialog(self) -> RestoreDialog:
        """The list of backups beside the database."""
        return RestoreDialog(backup_service.list_backups(self.db.path), self)  # type: ignore[arg-type]

    def restore_backup(self) -> Any:
        """Backup → Restore…: choose a backup, confirm, restore."""
        dialog = self.restore_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return None
        return self.restore_from(dialog.chosen())  # type: ignore[arg-type]

    def restore_from(self, backup: Path) -> Any:
        """Confirm, then restore backup over the data and show it in a new main window (returned)."""
        if self._tasks:  # type: ignore[attr-defined]
            messages.warn(self, self.tr("Restore"), self.tr("Wait until the work in progress is finished."))  # type: ignore[arg-type, attr-defined]
            return None
        try:
            backup_service.check_restorable(backup)
        except AppError as exc:
            self.show_error(exc)  # type: ignore[attr-defined]
            return None
        question = self.tr("Replace the current data with the backup «%1»?\n\nThe current data is backed up "  # type: ignore[attr-defined]
                           "first (in the «backups» folder beside the data), so nothing is lost.").replace(
            "%1", backup.name)
        if not messages.ask(self, self.tr("Restore"), question):  # type: ignore[arg-type, attr-defined]
            return None
        from desktop_app.services.officer import GUI

        path = self.db.path
        self.db.close()
        try:
            db, saved = backup_service.restore_and_open(path, backup, origin=GUI)
        except BaseException as exc:  # noqa: BLE001 - shown; the old connection reopens on its next use
            self.show_error(exc)  # type: ignore[attr-defined]
            return None
        window = self._replace_window(db)
        text = self.tr("The data was restored from «%1».").replace("%1", str(backup))  # type: ignore[attr-defined]
        if saved is not None:
            text += "\n\n" + self.tr("The data as it was before is kept in «%1».").replace("%1", str(saved))  # type: ignore[attr-defined]
        messages.inform(window, self.tr("Restore"), text)  # type: ignore[attr-defined]
        return window

    def _replace_window(self, db: Any) -> Any:
        """A new main window on db takes this one's place (every view then reads the restored data)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._save_state()  # type: ignore[attr-defined]
        window = type(self)(db)  # type: ignore[call-arg]
        window.show()
        app.aboutToQuit.connect(db.close)
        windows = getattr(app, "_cds_windows", [])
        app._cds_windows = [w for w in windows if w is not self] + [window]  # type: ignore[attr-defined]
        self.close()  # type: ignore[attr-defined]
        return window
