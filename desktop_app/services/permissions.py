"""What the signed-in account may do, checked at the top of every use case that changes data. When sign-in
is not required (the default) every check passes. When it is: an administrator may do everything; a unit
officer may only record progress for their own unit on items their unit implements. A refusal raises
NotAllowed naming the account, the action and the reason. An action is the code of a verb phrase
("action.edit_plan": "sửa thông tin kế hoạch"), or such a Message with its arguments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from db.engine import Database
from db.models import Account as AccountRow
from db.models import Item, Unit
from db.queries.common import unit_by_name
from desktop_app.domain.text import unit_key
from desktop_app.errors import NotAllowed
from desktop_app.messages import Message
from desktop_app.services import accounts
from desktop_app.services.accounts import Account


def _action(action: str | Message) -> Message:
    return action if isinstance(action, Message) else Message(action)


def _not_signed_in(action: str | Message) -> NotAllowed:
    return NotAllowed("permission.not_signed_in", action=_action(action))


def _who(session: Any, db: Database, action: str | Message) -> Account | None:
    """None when sign-in is not required; else the signed-in account as saved now (a role or unit changed
    meanwhile counts at once), refused when nobody is signed in or the account was locked or removed."""
    if not accounts.required_in(session, db):
        return None
    me = accounts.current_account(db)
    if me is None:
        raise _not_signed_in(action)
    row = session.get(AccountRow, me.id)
    if row is None or accounts.login_key(row.login) != accounts.login_key(me.login):
        raise NotAllowed("permission.account_gone", login=me.login, action=_action(action))
    if not row.active:
        raise NotAllowed("permission.account_locked", login=me.login, action=_action(action))
    fresh = accounts.info(row)
    if fresh != me:
        accounts.set_current(db, fresh)
    return fresh


def require_admin(db: Database, action: str | Message) -> None:
    """Refuse action (the code of a verb phrase: "action.edit_plan") unless sign-in is off or an administrator
    is signed in."""
    with db.reading() as session:
        me = _who(session, db, action)
    if me is not None and not me.is_admin:
        raise NotAllowed("permission.admin_only", account=me.describe(), action=_action(action))


def require_admin_of_file(db_path: str | Path, action: str | Message) -> None:
    """The same check for work on the closed database file (a restore), from what this program last read of
    it: refused when the file required sign-in and no administrator signed in on it here."""
    if not accounts.required_at(db_path):
        return
    me = accounts.signed_in_at(db_path)
    if me is None:
        raise _not_signed_in(action)
    if not me.is_admin:
        raise NotAllowed("permission.admin_only", account=me.describe(), action=_action(action))


def _own_unit(me: Account, action: str | Message) -> int:
    if me.unit_id is None:
        raise NotAllowed("permission.no_unit", account=me.describe(), action=_action(action))
    return me.unit_id


def _check_item(session: Any, me: Account, item_id: int, unit_id: int) -> None:
    item = session.get(Item, item_id)
    if item is None:
        return  # the use case says it is not found
    implementing = {a.unit_id for a in item.assignments if a.role == "implementing"}
    if unit_id not in implementing:
        what = Message("permission.item_number", number=item.number) if item.number \
            else Message("permission.item_id", item_id=item.id)
        raise NotAllowed("permission.not_implementing", account=me.describe(), what=what, unit=me.unit_name)


def _other_unit(me: Account, name: str) -> NotAllowed:
    return NotAllowed("permission.other_unit", account=me.describe(), unit=name)


def require_progress_right(db: Database, *, item_id: int, unit_id: int | None) -> int | None:
    """Refuse recording progress on item_id for unit_id unless sign-in is off, an administrator is signed in,
    or the officer's own unit implements the item and the report is for that unit. Returns the unit to report
    for (a unit officer's own unit when unit_id is None)."""
    action = "action.record_progress"
    with db.reading() as session:
        me = _who(session, db, action)
        if me is None or me.is_admin:
            return unit_id
        own = _own_unit(me, action)
        if unit_id is not None and unit_id != own:
            other = session.get(Unit, unit_id)
            raise _other_unit(me, other.name if other is not None else f"#{unit_id}")
        _check_item(session, me, item_id, own)
        return own


def progress_unit(db: Database, *, item_id: int, unit: str | None) -> str | None:
    """require_progress_right for a unit given by name (record_progress): returns the name to report for (a
    unit officer's own unit when unit is None)."""
    action = "action.record_progress"
    with db.reading() as session:
        me = _who(session, db, action)
        if me is None or me.is_admin:
            return unit
        own = _own_unit(me, action)
        if unit:
            found = unit_by_name(session, unit)
            if found is None:
                return unit  # the use case says the unit is not found
            if found.id != own:
                raise _other_unit(me, found.name)
        _check_item(session, me, item_id, own)
        row = session.get_one(Unit, own)
        # a spelling record_progress finds the unit by (a renamed unit's new name may fold to another key)
        names = [row.name, *(a.spelling for a in row.aliases)]
        return next((n for n in names if unit_key(n) == row.key), row.name)


def require_unit_right(db: Database, *, unit_id: int, action: str | Message) -> None:
    """Refuse action on a unit's reports (a returned form) unless sign-in is off, an administrator is signed
    in, or the officer belongs to that unit."""
    with db.reading() as session:
        me = _who(session, db, action)
        if me is None or me.is_admin:
            return
        own = _own_unit(me, action)
        if own != unit_id:
            other = session.get(Unit, unit_id)
            raise _other_unit(me, other.name if other is not None else f"#{unit_id}")
