"""A session of work on the data: the database and who works on it. The window and the command line each hold
one Workspace; every use case takes it where it takes a Database (it is one), and the audit trail names its
officer (or the account signed in) and its source (the window or the command line) on what it writes. The
Database itself holds no one: a plain one names the computer's user and the program.

Also here: opening the data for the window (checked, upgraded, the day's first backup made) and the watch on
its file, so that the UI never imports the database layer itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from db.change_watch import ChangeWatch, watch_database
from db.engine import DEFAULT_SOURCE, Database, os_user_name

if TYPE_CHECKING:
    from desktop_app.services.accounts import Account
    from desktop_app.services.identity import Installation


@dataclass
class Workspace(Database):
    """The database with who works on it: the officer's name, the source of the work, the account signed in."""

    actor: str = ""
    """Who the audit trail names for changes made here (the officer, or the account signed in)."""
    origin: str = DEFAULT_SOURCE
    """The audit source when a use case names none (the GUI or the command line)."""
    account: Account | None = field(default=None, repr=False, compare=False)
    """The account signed in (services.accounts.set_current sets it; current_account reads it)."""

    @classmethod
    def on(cls, db: Database, *, origin: str = DEFAULT_SOURCE, actor: str = "",
           account: Account | None = None) -> Workspace:
        """A session of work on an open database (the connections are shared, not opened again)."""
        return cls(path=db.path, engine=db.engine, sessions=db.sessions, file_id=db.file_id, actor=actor,
                   origin=origin, account=account)

    def stamp(self) -> tuple[str, str]:
        return self.actor or os_user_name(), self.origin

    def identity(self) -> Installation:
        """This installation's identity for data packages (id, name, key; made on first use)."""
        from desktop_app.services.identity import installation

        return installation(self)


def open_for_window(db_path: Path, *, known: bool = False) -> Workspace:
    """Open the data for the window (DatabaseDamaged when the file fails its check; DatabaseMissing when it is
    gone while backups of it exist, or known: the window opened it before)."""
    from db.engine import open_database
    from desktop_app.errors import AppError
    from desktop_app.messages import Verbatim
    from desktop_app.services.backups import DatabaseDamaged, check_not_lost, daily_backup, integrity_ok
    from desktop_app.services.officer import GUI, start_session

    check_not_lost(db_path, known=known)
    ok, message = integrity_ok(db_path)
    if not ok:
        raise DatabaseDamaged(Verbatim(message))
    workspace = start_session(open_database(db_path), origin=GUI)
    workspace.identity()  # this installation's key pair for data packages exists from the first start
    try:
        daily_backup(db_path)
    except AppError as exc:  # a missed backup must not keep the officer from working: logged only
        from desktop_app.logs import log_fault

        log_fault(exc, "sao lưu hằng ngày")
    return workspace


def create_empty(db_path: Path) -> None:
    """Make a new, empty database at db_path (the officer chose to start again without the lost data)."""
    from db.engine import open_database

    open_database(db_path).close()


def watch_file(db: Database) -> ChangeWatch:
    """A watch on db's file holding the version seen now (close() it when done)."""
    return watch_database(db)
