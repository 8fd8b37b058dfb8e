"""The data a window works on: the database file checked (PRAGMA quick_check), opened and upgraded, the officer
and the source named on what it writes, this installation's identity made, the day's first backup; and the
watch on the file that tells a window another copy of the program saved. The UI holds what this returns and
never imports the database layer itself."""

from __future__ import annotations

from pathlib import Path

from db.change_watch import ChangeWatch, watch_database
from db.engine import Database, open_database
from desktop_app.errors import AppError
from desktop_app.messages import Verbatim
from desktop_app.services.backups import DatabaseDamaged, daily_backup, integrity_ok
from desktop_app.services.identity import installation
from desktop_app.services.officer import GUI, start_session


def open_for_window(db_path: Path) -> Database:
    """Open the data for the window (DatabaseDamaged when the file fails its check)."""
    ok, message = integrity_ok(db_path)
    if not ok:
        raise DatabaseDamaged(Verbatim(message))
    db = open_database(db_path)
    start_session(db, origin=GUI)
    installation(db)  # this installation's key pair for data packages exists from the first start
    try:
        daily_backup(db_path)
    except AppError as exc:  # a missed backup must not keep the officer from working: logged only
        from desktop_app.logs import log_fault

        log_fault(exc, "sao lưu hằng ngày")
    return db


def watch_file(db: Database) -> ChangeWatch:
    """A watch on db's file holding the version seen now (close() it when done)."""
    return watch_database(db)
