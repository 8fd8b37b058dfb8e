"""The optional sign-in: accounts (administrator or unit officer) as the program checks them, whether the
database requires signing in, and who is signed in on a session of work (services.workspace.Workspace). Creating and changing accounts, and
turning sign-in on or off: desktop_app.services.account_admin.

Off by default: until an administrator turns it on, nobody signs in and every check in
desktop_app.services.permissions passes. The signed-in account is held on the Workspace as
`account` (read with current_account) and names the person in the audit trail (its `actor`); it is also
remembered by database path, so a file reopened by this program (after a restore) keeps its session.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from db import audit as audit_db
from db.engine import Database
from db.models import Account as AccountRow
from db.models import Setting, utcnow
from desktop_app.domain.accounts import AccountRole
from desktop_app.domain.passwords import (
    dummy_check,
    hash_password,
    needs_rehash,
    verify_password,
)
from desktop_app.domain.text import clean
from desktop_app.errors import AppError
from desktop_app.messages import Message
from desktop_app.services.workspace import Workspace

ADMIN, UNIT_OFFICER = AccountRole.ADMIN.value, AccountRole.UNIT_OFFICER.value
ROLES: tuple[str, ...] = tuple(r.value for r in AccountRole)
ROLE_NAMES = {ADMIN: "quản trị viên", UNIT_OFFICER: "cán bộ đơn vị"}
SETTING_KEY = "sign_in_required"
WRONG_CODE = "account.wrong_credentials"
WAIT_CODE = "account.wait"
"""The refusal while an account waits after repeated failures; its argument seconds says how long is left."""
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
"""The Vietnamese text of WRONG_CODE: the same refusal for an unknown login and a wrong password."""
MAX_LOGIN, MAX_NAME = 50, 100  # characters
FAILURE_DELAY = 0.3  # seconds after a failed sign-in: guessing stays slow even from the command line
WAITS: tuple[tuple[int, timedelta], ...] = ((10, timedelta(minutes=5)), (5, timedelta(seconds=30)))
"""After this many failed sign-ins in a row, no password of the account is checked for so long (kept in the
database: restarting the program or using the command line does not shorten it)."""

_signed_in: dict[Path, Account] = {}  # by database path: who signed in (kept when the file is reopened)
_required: dict[Path, bool] = {}  # by database path: whether sign-in was required when last read


class SignInFailed(AppError):
    """Wrong login or password (the message does not say which), or a locked account."""


@dataclass(frozen=True)
class Account:
    """An account as the program shows and checks it (never its password hash)."""

    id: int
    login: str
    full_name: str
    role: str
    unit_id: int | None
    unit_name: str | None
    active: bool
    created_at: datetime | None = None
    last_sign_in_at: datetime | None = None

    @property
    def is_admin(self) -> bool:
        """Whether the account may edit the plan, units, merges and restores."""
        return self.role == ADMIN

    def describe(self) -> Message:
        """«lan» (cán bộ đơn vị Công an xã): how refusals name the account."""
        if self.role == UNIT_OFFICER:
            if self.unit_name:
                return Message("account.label_unit", login=self.login, unit=self.unit_name)
            return Message("account.label_no_unit", login=self.login)
        if self.role == ADMIN:
            return Message("account.label_admin", login=self.login)
        return Message("account.label", login=self.login, role=self.role)


def _where(db_path: str | Path) -> Path:
    return Path(db_path).resolve()


def info(row: AccountRow) -> Account:
    """The plain account of a row."""
    return Account(row.id, row.login, row.full_name, row.role, row.unit_id, row.unit.name if row.unit else None,
                   bool(row.active), row.created_at, row.last_sign_in_at)


def login_key(login: str) -> str:
    """The login folded for matching: «Lan», «LAN» and «lan» are one account."""
    return clean(login).casefold()


def find_by_login(session: Any, login: str) -> AccountRow | None:
    """The account row whose login folds to the same key (None: no such account)."""
    return session.query(AccountRow).filter(AccountRow.login_key == login_key(login)).one_or_none()


# ----- the session of work --------------------------------------------------------------------------------
def current_account(db: Database) -> Account | None:
    """Who is signed in on this session of work (None: nobody; always None on a plain Database)."""
    return db.account if isinstance(db, Workspace) else None


def set_current(db: Database, account: Account | None) -> None:
    """Make account the one signed in on the session of work (None signs out): the audit trail then names that
    person. A plain Database holds no one: signing in needs a Workspace (services.officer.start_session)."""
    if not isinstance(db, Workspace):
        raise TypeError("signing in needs a session of work (Workspace), not a plain Database")
    db.account = account  # set here only; read through current_account
    if account is not None:
        db.actor = account.full_name
        _signed_in[_where(db.path)] = account
    else:
        from desktop_app.services.officer import officer_name

        _signed_in.pop(_where(db.path), None)
        db.actor = officer_name(db)


def signed_in_at(db_path: str | Path) -> Account | None:
    """Who signed in on the database at db_path in this program (for work on the closed file: a restore)."""
    return _signed_in.get(_where(db_path))


def required_at(db_path: str | Path) -> bool:
    """Whether the database at db_path required sign-in when this program last read it (False: never read)."""
    return _required.get(_where(db_path), False)


def required_in(session: Any, db: Database) -> bool:
    """Whether sign-in is required, read in an open session (and remembered by path)."""
    row = session.get(Setting, SETTING_KEY)
    required = row is not None and row.value == "1"
    _required[_where(db.path)] = required
    return required


def remember_required(db: Database, required: bool) -> None:
    """Note that this database now requires sign-in (or no longer does), as required_at reports it."""
    _required[_where(db.path)] = required


def sign_in_required(db: Database) -> bool:
    """Whether this database requires signing in (off unless an administrator turned it on)."""
    with db.reading() as session:
        return required_in(session, db)


def wait_after(failures: int) -> timedelta:
    """How long no password is checked after failures failed sign-ins in a row (WAITS)."""
    return next((wait for least, wait in WAITS if failures >= least), timedelta(0))


def sign_in(db: Database, *, login: str, password: str, clock: Callable[[], datetime] | None = None) -> Account:
    """Check login and password and sign that account in on db; SignInFailed with the same message for an
    unknown login and a wrong password (after a short delay). Repeated failures make the account wait (WAITS)
    before its password is checked again; every failure is in the change log. clock: the time now (UTC; default
    the computer's)."""
    refusal = Message(WRONG_CODE)
    now = (clock or utcnow)()
    with db.transaction() as session:
        row = find_by_login(session, login) if clean(login) else None
        if row is None:
            dummy_check(password)  # as slow as a real check: the time does not tell which logins exist
            ok = False
            audit_db.add_entry(session, table="accounts", action=audit_db.SIGN_IN_FAILED,
                               label=clean(login)[:MAX_LOGIN], changes={})
        elif row.wait_until is not None and row.wait_until > now:
            ok = False  # the password is not even checked: guesses made while waiting tell nothing
            refusal = Message(WAIT_CODE, login=row.login,
                              seconds=max(1, math.ceil((row.wait_until - now).total_seconds())))
        else:
            ok = verify_password(password, row.password_hash)
            if ok and not row.active:
                ok, refusal = False, Message("account.locked", login=row.login)
            elif not ok:
                failures = (row.failed_sign_ins or 0) + 1
                wait = wait_after(failures)
                row.failed_sign_ins, row.wait_until = failures, (now + wait if wait else None)
                audit_db.add_entry(session, table="accounts", action=audit_db.SIGN_IN_FAILED, label=row.login,
                                   changes={"failed_sign_ins": [failures - 1, failures],
                                            "wait_seconds": [None, int(wait.total_seconds())] if wait else None})
        if ok and row is not None:  # ok only for a row found
            row.last_sign_in_at = now
            row.failed_sign_ins, row.wait_until = 0, None
            if needs_rehash(row.password_hash):
                row.password_hash = hash_password(password)
            account = info(row)
    if not ok:
        time.sleep(FAILURE_DELAY)
        raise SignInFailed(refusal)
    set_current(db, account)
    return account


def sign_out(db: Database) -> None:
    """Nobody is signed in on db any more (the audit trail names the computer's officer again)."""
    set_current(db, None)


def resume(db: Database) -> Account | None:
    """On a database object opened again for the same file (e.g. after a restore): the person signed in on it
    stays signed in if their account is still there and active. Returns who is signed in."""
    if current_account(db) is not None:
        return current_account(db)
    before = _signed_in.get(_where(db.path))
    if before is None:
        return None
    with db.reading() as session:
        row = find_by_login(session, before.login)
        account = info(row) if row is not None and row.active else None
    if account is None:
        _signed_in.pop(_where(db.path), None)
        return None
    set_current(db, account)
    return account
