"""Local accounts and the optional sign-in: accounts (administrator or unit officer) with scrypt password
hashes, whether the database requires signing in, and who is signed in on a Database object.

Off by default: until an administrator turns it on, nobody signs in and every check in
desktop_app.services.permissions passes. The signed-in account is held on the Database object as
`db.account` (read with current_account) and names the person in the audit trail (`db.actor`); it is also
remembered by database path, so a file reopened by this program (after a restore) keeps its session.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from db.engine import Database
from db.models import Account as AccountRow
from db.models import Setting, Unit, utcnow
from desktop_app.domain.passwords import (
    PasswordRuleError,
    check_password,
    dummy_check,
    hash_password,
    needs_rehash,
    verify_password,
)
from desktop_app.domain.text import clean
from desktop_app.errors import AppError, InvalidValue, NotAllowed, NotFound

ADMIN, UNIT_OFFICER = "admin", "unit_officer"
ROLES = (ADMIN, UNIT_OFFICER)
ROLE_NAMES = {ADMIN: "quản trị viên", UNIT_OFFICER: "cán bộ đơn vị"}
SETTING_KEY = "sign_in_required"
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
FAILURE_DELAY = 0.3  # seconds after a failed sign-in: guessing stays slow even from the command line
MAX_LOGIN, MAX_NAME = 50, 100
_LOGIN = re.compile(r"^[\w.@-]+$")

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

    def describe(self) -> str:
        """«lan» (cán bộ đơn vị Công an xã): how refusals name the account."""
        role = ROLE_NAMES.get(self.role, self.role)
        if self.role == UNIT_OFFICER:
            role += f" {self.unit_name}" if self.unit_name else " chưa gắn đơn vị"
        return f"«{self.login}» ({role})"


def _where(db_path: str | Path) -> Path:
    return Path(db_path).resolve()


def info(row: AccountRow) -> Account:
    """The plain account of a row."""
    return Account(row.id, row.login, row.full_name, row.role, row.unit_id, row.unit.name if row.unit else None,
                   bool(row.active), row.created_at, row.last_sign_in_at)


def login_key(login: str) -> str:
    """The login folded for matching: «Lan», «LAN» and «lan» are one account."""
    return clean(login).casefold()


def _find(session: Any, login: str) -> AccountRow | None:
    return session.query(AccountRow).filter(AccountRow.login_key == login_key(login)).one_or_none()


# ----- the session on a Database object ------------------------------------------------------------------
def current_account(db: Database) -> Account | None:
    """Who is signed in on db (None: nobody)."""
    return getattr(db, "account", None)


def set_current(db: Database, account: Account | None) -> None:
    """Make account the one signed in on db (None signs out): the audit trail then names that person."""
    db.account = account  # type: ignore[attr-defined]  # set here only; read through current_account
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


def sign_in_required(db: Database) -> bool:
    """Whether this database requires signing in (off unless an administrator turned it on)."""
    with db.reading() as session:
        return required_in(session, db)


def sign_in(db: Database, *, login: str, password: str) -> Account:
    """Check login and password and sign that account in on db; SignInFailed with the same message for an
    unknown login and a wrong password (after a short delay)."""
    refusal = WRONG
    with db.transaction() as session:
        row = _find(session, login) if clean(login) else None
        if row is None:
            dummy_check(password)  # as slow as a real check: the time does not tell which logins exist
            ok = False
        else:
            ok = verify_password(password, row.password_hash)
            if ok and not row.active:
                ok, refusal = False, f"Tài khoản «{row.login}» đã bị khóa; hãy liên hệ quản trị viên."
        if ok:
            row.last_sign_in_at = utcnow()
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
        row = _find(session, before.login)
        account = info(row) if row is not None and row.active else None
    if account is None:
        _signed_in.pop(_where(db.path), None)
        return None
    set_current(db, account)
    return account


# ----- managing accounts ---------------------------------------------------------------------------------
def _may_manage(db: Database, action: str) -> None:
    from desktop_app.services.permissions import require_admin

    require_admin(db, action)


def _checked_login(login: str) -> str:
    login = clean(login)
    if not login:
        raise InvalidValue("Hãy nhập tên đăng nhập.")
    if len(login) > MAX_LOGIN:
        raise InvalidValue(f"Tên đăng nhập dài quá {MAX_LOGIN} ký tự.")
    if not _LOGIN.match(login):
        raise InvalidValue("Tên đăng nhập chỉ gồm chữ, số và các dấu . _ - @ (không có dấu cách).")
    return login


def _checked_name(full_name: str) -> str:
    name = clean(full_name)
    if not name:
        raise InvalidValue("Hãy nhập họ tên (tên này được ghi vào nhật ký thay đổi).")
    if len(name) > MAX_NAME:
        raise InvalidValue(f"Họ tên dài quá {MAX_NAME} ký tự.")
    return name


def _checked_role(session: Any, role: str, unit_id: int | None) -> int | None:
    if role not in ROLES:
        raise InvalidValue(f"Vai trò «{role}» không hợp lệ.")
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise NotFound(f"Không có đơn vị #{unit_id} (có thể đã bị gộp hoặc xóa).")
    if role == UNIT_OFFICER and unit_id is None:
        raise InvalidValue("Cán bộ đơn vị phải thuộc một đơn vị: hãy chọn đơn vị.")
    return unit_id if role == UNIT_OFFICER else None


def _hashed(password: str, login: str) -> str:
    try:
        check_password(password, login=login)
    except PasswordRuleError as exc:
        raise InvalidValue(str(exc)) from exc
    return hash_password(password)


def _taken(session: Any, login: str, besides: int | None = None) -> None:
    other = _find(session, login)
    if other is not None and other.id != besides:
        raise InvalidValue(f"Tên đăng nhập «{other.login}» đã có (không phân biệt chữ hoa, chữ thường).")


def list_accounts(db: Database) -> list[Account]:
    """Every account, administrators first, then by login."""
    with db.reading() as session:
        rows = session.query(AccountRow).order_by(AccountRow.role, AccountRow.login_key).all()
        return [info(r) for r in rows]


def create_account(db: Database, *, login: str, full_name: str, role: str, password: str,
                   unit_id: int | None = None) -> Account:
    """A new active account (an administrator only, when sign-in is required)."""
    _may_manage(db, "tạo tài khoản")
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
    _may_manage(db, "sửa tài khoản")
    name = _checked_name(full_name)
    me = current_account(db)
    with db.transaction() as session:
        row = session.get(AccountRow, account_id)
        if row is None:
            raise NotFound(f"Không có tài khoản #{account_id}.")
        unit_id = _checked_role(session, role, unit_id)
        if login is not None and clean(login) != row.login:
            new_login = _checked_login(login)
            _taken(session, new_login, besides=row.id)
            row.login, row.login_key = new_login, login_key(new_login)
        if me is not None and me.id == row.id and not active:
            raise InvalidValue("Không thể khóa tài khoản đang đăng nhập ở máy này.")
        if (role != ADMIN or not active) and required_in(session, db) and _active_admins(session, row.id) == 0:
            raise InvalidValue("Phải còn ít nhất một quản trị viên đang hoạt động khi chương trình yêu cầu đăng "
                               "nhập; hãy tạo hoặc mở khóa một quản trị viên khác trước.")
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
            raise NotFound(f"Không có tài khoản #{account_id}.")
        current = info(row)
    return update_account(db, account_id=account_id, full_name=current.full_name, role=current.role,
                          unit_id=current.unit_id, active=False)


def set_password(db: Database, *, account_id: int, password: str) -> None:
    """Give an account a new password (an administrator only, when sign-in is required)."""
    _may_manage(db, "đặt mật khẩu cho tài khoản")
    with db.transaction() as session:
        row = session.get(AccountRow, account_id)
        if row is None:
            raise NotFound(f"Không có tài khoản #{account_id}.")
        row.password_hash = _hashed(password, row.login)


def change_own_password(db: Database, *, old_password: str, new_password: str) -> None:
    """The signed-in account changes its own password (the old one is asked again)."""
    me = current_account(db)
    if me is None:
        raise NotAllowed("Chưa đăng nhập nên không đổi được mật khẩu của mình.")
    with db.transaction() as session:
        row = session.get(AccountRow, me.id)
        if row is None or not verify_password(old_password, row.password_hash):
            raise InvalidValue("Mật khẩu hiện tại không đúng.")
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
        _may_manage(db, "tắt yêu cầu đăng nhập")
        with db.transaction() as session:
            _write_setting(session, db, False)
        _required[_where(db.path)] = False
        return
    me = current_account(db)
    with db.transaction() as session:
        if required_in(session, db):
            return
        if _active_admins(session, besides=0) == 0:
            raise InvalidValue("Hãy tạo ít nhất một tài khoản quản trị viên đang hoạt động trước khi bật yêu cầu "
                               "đăng nhập.")
        row = session.get(AccountRow, me.id) if me is not None else None
        if row is None or row.role != ADMIN or not row.active:
            who = f"Tài khoản {me.describe()}" if me is not None else "Chưa đăng nhập nên"
            raise NotAllowed(f"{who} không bật được yêu cầu đăng nhập: chỉ quản trị viên đã đăng nhập ở máy này "
                             "mới bật được (để không ai bị khóa ngoài chương trình).")
        _write_setting(session, db, True)
    _required[_where(db.path)] = True


def setup_first_admin(db: Database, *, login: str, full_name: str, password: str) -> Account:
    """The first account of all: an administrator, signed in at once, and sign-in turned on, in one step.
    Refused once any account exists (an administrator then signs in and turns sign-in on)."""
    login, name = _checked_login(login), _checked_name(full_name)
    hashed = _hashed(password, login)
    with db.transaction() as session:
        if session.query(AccountRow).count():
            raise NotAllowed("Đã có tài khoản: hãy đăng nhập bằng tài khoản quản trị viên rồi bật yêu cầu đăng nhập.")
        row = AccountRow(login=login, login_key=login_key(login), full_name=name, role=ADMIN, unit_id=None,
                         password_hash=hashed, active=True, created_at=utcnow(), last_sign_in_at=utcnow())
        session.add(row)
        _write_setting(session, db, True)
        session.flush()
        account = info(row)
    _required[_where(db.path)] = True
    set_current(db, account)
    return account
