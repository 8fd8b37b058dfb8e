"""Who is working: the officer's name the audit trail records, set on first start and in Settings, kept per
operating-system user (two officers sharing a PC with their own Windows accounts keep their own names)."""

from __future__ import annotations

from db.engine import Database, os_user_name
from db.models import Setting
from desktop_app.domain.text import clean
from desktop_app.errors import InvalidValue
from desktop_app.services.workspace import Workspace

GUI, CLI = "Sửa trên giao diện", "Dòng lệnh"
MAX_NAME = 100


def _key() -> str:
    return f"officer:{os_user_name()}"


def saved_name(db: Database) -> str | None:
    """The name this computer user chose, or None when never set."""
    with db.reading() as session:
        row = session.get(Setting, _key())
        return row.value if row is not None else None


def officer_name(db: Database) -> str:
    """The name to record: the one chosen, else the operating system's user name."""
    return saved_name(db) or os_user_name()


def set_officer_name(db: Database, name: str) -> str:
    """Remember the officer's name for this computer user and use it from now on."""
    name = clean(name)
    if not name:
        raise InvalidValue("officer.name_missing")
    if len(name) > MAX_NAME:
        raise InvalidValue("account.name_too_long", limit=MAX_NAME)
    with db.transaction() as session:
        row = session.get(Setting, _key())
        if row is None:
            session.add(Setting(key=_key(), value=name))
        else:
            row.value = name
    if isinstance(db, Workspace) and db.account is None:  # someone signed in: the change log names their account
        db.actor = name
    return name


def start_session(db: Database, *, origin: str) -> Workspace:
    """The session of work on db that names the officer of this computer (unless an account is signed in on
    it) and the source (GUI or command line) on everything it writes: db itself when it is one already. A
    database of an older version still holding the installation's private key has it moved to the key file
    first (a failure, e.g. a read-only file, is only logged: signing tries again and tells why)."""
    if not isinstance(db, Workspace):
        db = Workspace.on(db, origin=origin, actor=officer_name(db))
    else:
        db.origin = origin
        if db.account is None:
            db.actor = officer_name(db)
    _keep_key_out(db)
    return db


def _keep_key_out(db: Workspace) -> None:
    from desktop_app.errors import AppError
    from desktop_app.services.identity import keep_key_out_of_database

    try:
        keep_key_out_of_database(db)
    except AppError as exc:
        from desktop_app.logs import log_fault

        log_fault(exc, "chuyển khoá ký ra khỏi cơ sở dữ liệu")
