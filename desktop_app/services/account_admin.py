"""Managing the local accounts (an administrator's work once sign-in is on): creating, changing, locking
them, passwords, and turning the sign-in requirement on or off. Passwords are checked against the rules and
hashed with scrypt (desktop_app.domain.passwords)."""

from __future__ import annotations

import re
from typing import Any

from db.engine import Database
from db.models import Account as AccountRow
from db.models import Setting, Unit, utcnow
from desktop_app.domain.passwords import (
    PasswordRuleError,
    check_password,
    hash_password,
    verify_password,
)
from desktop_app.domain.text import clean
from desktop_app.errors import InvalidValue, NotAllowed, NotFound
from desktop_app.services.accounts import (
    ADMIN,
    MAX_LOGIN,
    MAX_NAME,
    ROLES,
    SETTING_KEY,
    UNIT_OFFICER,
    Account,
    current_account,
    find_by_login,
    info,
    login_key,
    remember_required,
    required_in,
    set_current,
)
from desktop_app.services.permissions import require_admin

_LOGIN = re.compile(r"^[\w.@-]+$")


def _checked_login(login: str) -> str:
    login = clean(login)
    if not login:
        raise InvalidValue("account.login_missing")
    if len(login) > MAX_LOGIN:
        raise InvalidValue("account.login_too_long", limit=MAX_LOGIN)
    if not _LOGIN.match(login):
        raise InvalidValue("account.login_characters")
    return login


def _checked_name(full_name: str) -> str:
    name = clean(full_name)
    if not name:
        raise InvalidValue("account.name_missing")
    if len(name) > MAX_NAME:
        raise InvalidValue("account.name_too_long", limit=MAX_NAME)
    return name


def _checked_role(session: Any, role: str, unit_id: int | None) -> int | None:
    if role not in ROLES:
        raise InvalidValue("account.bad_role", role=role)
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise NotFound("unit.not_found_id", unit_id=unit_id)
    if role == UNIT_OFFICER and unit_id is None:
        raise InvalidValue("account.officer_needs_unit")
    return unit_id if role == UNIT_OFFICER else None


def _hashed(password: str, login: str) -> str:
    try:
        check_password(password, login=login)
    except PasswordRuleError as exc:
        raise InvalidValue(exc.coded) from exc
    return hash_password(password)


def _taken(session: Any, login: str, besides: int | None = None) -> None:
    other = find_by_login(session, login)
    if other is not None and other.id != besides:
        raise InvalidValue("account.login_taken", login=other.login)


def list_accounts(db: Database) -> list[Account]:
    """Every account, administrators first, then by login."""
    with db.reading() as session:
        rows = session.query(AccountRow).order_by(AccountRow.role, AccountRow.login_key).all()
        return [info(r) for r in rows]


def create_account(db: Database, *, login: str, full_name: str, role: str, password: str,
                   unit_id: int | None = None) -> Account:
    """A new active account (an administrator only, when sign-in is required)."""
    require_admin(db, "action.create_account")
    login, name = _checked_login(login), _checked_name(full_name)
    hashed = _hashed(password, login)
    with db.transaction() as session:
        unit_id = _checked_role(session, role, unit_id)
        _taken(session, login)
        row = AccountRow(login=login, login_key=login_key(login), full_name=name, role=role, unit_id=unit_id,
                         password_hash=hashed, active=True, created_at=utcnow())
        session.add(row)
        session.flush()
        return info(row)


def _active_admins(session: Any, besides: int) -> int:
    return session.query(AccountRow).filter(AccountRow.role == ADMIN, AccountRow.active.is_(True),
                                            AccountRow.id != besides).count()


def update_account(db: Database, *, account_id: int, full_name: str, role: str, unit_id: int | None = None,
                   active: bool = True, login: str | None = None) -> Account:
    """Change an account's name, role, unit, login or whether it may sign in. While sign-in is required at
    least one active administrator must remain; the account signed in here cannot lock itself."""
    require_admin(db, "action.edit_account")
    name = _checked_name(full_name)
    me = current_account(db)
    with db.transaction() as session:
        row = session.get(AccountRow, account_id)
        if row is None:
            raise NotFound("account.not_found", account_id=account_id)
        unit_id = _checked_role(session, role, unit_id)
        if login is not None and clean(login) != row.login:
            new_login = _checked_login(login)
            _taken(session, new_login, besides=row.id)
            row.login, row.login_key = new_login, login_key(new_login)
        if me is not None and me.id == row.id and not active:
            raise InvalidValue("account.cannot_lock_self")
        if (role != ADMIN or not active) and required_in(session, db) and _active_admins(session, row.id) == 0:
            raise InvalidValue("account.last_admin")
        row.full_name, row.role, row.unit_id, row.active = name, role, unit_id, active
        session.flush()
        session.refresh(row)
        account = info(row)
    if me is not None and me.id == account.id:
        set_current(db, account)  # the new name and role take effect at once
    return account


def move_accounts(session: Any, *, source_id: int, target_id: int) -> None:
    """Inside a merge of units: the accounts of the unit merged away now belong to the unit kept."""
    for row in session.query(AccountRow).filter(AccountRow.unit_id == source_id):
        row.unit_id = target_id


def deactivate_account(db: Database, *, account_id: int) -> Account:
    """Lock an account: it can no longer sign in (its name stays in the audit trail)."""
    with db.reading() as session:
        row = session.get(AccountRow, account_id)
        if row is None:
            raise NotFound("account.not_found", account_id=account_id)
        current = info(row)
    return update_account(db, account_id=account_id, full_name=current.full_name, role=current.role,
                          unit_id=current.unit_id, active=False)


def set_password(db: Database, *, account_id: int, password: str) -> None:
    """Give an account a new password (an administrator only, when sign-in is required)."""
    require_admin(db, "action.set_password")
    with db.transaction() as session:
        row = session.get(AccountRow, account_id)
        if row is None:
            raise NotFound("account.not_found", account_id=account_id)
        row.password_hash = _hashed(password, row.login)


def change_own_password(db: Database, *, old_password: str, new_password: str) -> None:
    """The signed-in account changes its own password (the old one is asked again)."""
    me = current_account(db)
    if me is None:
        raise NotAllowed("account.own_password_not_signed_in")
    with db.transaction() as session:
        row = session.get(AccountRow, me.id)
        if row is None or not verify_password(old_password, row.password_hash):
            raise InvalidValue("account.wrong_current_password")
        row.password_hash = _hashed(new_password, row.login)


# ----- turning sign-in on and off ------------------------------------------------------------------------
def _write_setting(session: Any, db: Database, required: bool) -> None:
    row = session.get(Setting, SETTING_KEY)
    value = "1" if required else "0"
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value


def set_sign_in_required(db: Database, *, required: bool) -> None:
    """Turn sign-in on (needs an active administrator account, and an administrator signed in here, so nobody
    is locked out) or off (an administrator only)."""
    if not required:
        require_admin(db, "action.sign_in_off")
        with db.transaction() as session:
            _write_setting(session, db, False)
        remember_required(db, False)
        return
    me = current_account(db)
    with db.transaction() as session:
        if required_in(session, db):
            return
        if _active_admins(session, besides=0) == 0:
            raise InvalidValue("account.sign_in_needs_admin")
        row = session.get(AccountRow, me.id) if me is not None else None
        if row is None or row.role != ADMIN or not row.active:
            if me is not None:
                raise NotAllowed("account.sign_in_on_refused", account=me.describe())
            raise NotAllowed("account.sign_in_on_not_signed_in")
        _write_setting(session, db, True)
    remember_required(db, True)


def setup_first_admin(db: Database, *, login: str, full_name: str, password: str) -> Account:
    """The first account of all: an administrator, signed in at once, and sign-in turned on, in one step.
    Refused once any account exists (an administrator then signs in and turns sign-in on)."""
    login, name = _checked_login(login), _checked_name(full_name)
    hashed = _hashed(password, login)
    with db.transaction() as session:
        if session.query(AccountRow).count():
            raise NotAllowed("account.accounts_exist")
        row = AccountRow(login=login, login_key=login_key(login), full_name=name, role=ADMIN, unit_id=None,
                         password_hash=hashed, active=True, created_at=utcnow(), last_sign_in_at=utcnow())
        session.add(row)
        _write_setting(session, db, True)
        session.flush()
        account = info(row)
    remember_required(db, True)
    set_current(db, account)
    return account
