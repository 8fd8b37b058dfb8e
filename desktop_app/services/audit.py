"""Use case: reading the audit trail — who changed what, when, from where — for the global view (filtered by
person, date and record) and for one item's history."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from db import audit as audit_db
from db.engine import Database
from db.models import Item, Plan
from desktop_app.domain.field_names import FIELD_LABELS, local_time, shown_value
from desktop_app.errors import NotFound
from desktop_app.services.exchange_merge import TABLE_NAMES

ACTION_NAMES = {"insert": "Thêm", "update": "Sửa", "delete": "Xoá", "import": "Nhập hàng loạt",
                "restore": "Khôi phục", audit_db.SIGN_IN_FAILED: "Đăng nhập sai"}
RECORD_KINDS = {**TABLE_NAMES, audit_db.WHOLE_DATABASE: "Dữ liệu", "accounts": "Tài khoản", "settings": "Thiết lập"}
_BULK = ("import", "restore")  # an entry standing for many rows: its label says what happened
WHOLE = tuple(ACTION_NAMES[action] for action in _BULK)
"""Those actions as shown."""
HERE = "Máy này"


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry: its name, the value before and after (texts as shown)."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditRow:
    """One entry as the officer reads it."""

    at: datetime
    who: str
    source: str
    installation: str
    record_kind: str
    record: str
    action: str
    changes: tuple[FieldChange, ...]

    def summary(self) -> str:
        """The changes on one line: «Giá trị: 40 → 60; Trạng thái: … → …»."""
        return "; ".join(f"{c.field}: {c.old or '∅'} → {c.new or '∅'}" for c in self.changes)


def _shown(column: str, value: Any) -> str:
    return "" if value is None or value == "" else shown_value(column, value)  # references came as names


def _utc(day: date) -> datetime:
    """Local midnight of day, in stored UTC."""
    return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)


def _row(entry: Any) -> AuditRow:
    try:
        raw = json.loads(entry.changes or "{}")
    except ValueError:
        raw = {}
    if entry.action in _BULK:
        changes: tuple[FieldChange, ...] = ()
    else:
        shown = ((c, _shown(c, pair[0]), _shown(c, pair[1])) for c, pair in raw.items()
                 if isinstance(pair, list) and len(pair) == 2)
        changes = tuple(FieldChange(FIELD_LABELS.get(c, c), old, new) for c, old, new in shown if old or new)
    return AuditRow(local_time(entry.at), entry.who or audit_db.UNKNOWN, entry.source or "", entry.installation or HERE,
                    RECORD_KINDS.get(entry.table_name, entry.table_name), entry.label,
                    ACTION_NAMES.get(entry.action, entry.action), changes)


def audit_entries(db: Database, *, who: str | None = None, since: date | None = None, until: date | None = None,
                  record: str | None = None, item_id: int | None = None, plan_id: int | None = None,
                  made_at: str | None = None, limit: int = 5000) -> list[AuditRow]:
    """Entries newest first: by person, from since to until (whole local days), whose record label contains
    record, those of one item (its targets, deadline, units and reports included) or one plan (a commune's,
    at the province), or those made at one installation (made_at: its name, or HERE for this one)."""
    with db.reading() as session:
        item_uuid = plan_uuid = None
        if item_id is not None:
            item = session.get(Item, item_id)
            if item is None:
                raise NotFound("item.not_found", item_id=item_id)
            item_uuid = item.uuid
        if plan_id is not None:
            plan = session.get(Plan, plan_id)
            if plan is None:
                raise NotFound("plan.not_found", plan_id=plan_id)
            plan_uuid = plan.uuid
        flt = audit_db.Filter(who=who or None, since=_utc(since) if since else None,
                              until=_utc(until + timedelta(days=1)) if until else None,
                              record=(record or "").strip() or None, item_uuid=item_uuid, plan_uuid=plan_uuid,
                              installation=None if made_at is None else ("" if made_at == HERE else made_at),
                              limit=limit)
        return [_row(e) for e in audit_db.entries(session, flt)]


def people(db: Database) -> list[str]:
    """Everyone the audit trail names."""
    with db.reading() as session:
        return audit_db.people(session)


def places(db: Database) -> list[str]:
    """Where the entries were made: this installation (HERE) first, then the senders of packages."""
    with db.reading() as session:
        return [HERE, *audit_db.installations(session)]


UNCHAINED, ALTERED, MISSING = "unchained", "altered", "missing"


@dataclass(frozen=True)
class BrokenEntry:
    """The first entry of the change log that does not match its chain, as the officer reads it."""

    id: int
    uuid: str
    at: str
    record_kind: str
    record: str
    reason: str
    """UNCHAINED: the entry has no hash (written outside the program); ALTERED: it does not match its chain (it,
    or the entry before it, was changed or removed); MISSING: the newest entries, up to entry id, were removed
    (the other fields then name the newest entry left)."""

    @property
    def unchained(self) -> bool:
        """Whether the entry has no hash at all."""
        return self.reason == UNCHAINED


@dataclass(frozen=True)
class IntegrityReport:
    """What the check of the change log found: how many entries were checked, the first broken one if any."""

    checked: int
    broken: BrokenEntry | None

    @property
    def intact(self) -> bool:
        """Whether every entry matches the chain."""
        return self.broken is None


def check_integrity(db: Database) -> IntegrityReport:
    """Check the hash chain of the whole change log (Edit → Change log → Check integrity; `audit verify`). It shows
    an entry changed or removed outside the program, unless the whole chain after it was computed again (README)."""
    with db.reading() as session:
        found = audit_db.verify(session)
    broken = found.broken
    if broken is None:
        return IntegrityReport(found.checked, None)
    return IntegrityReport(found.checked, BrokenEntry(broken.id, broken.uuid, broken.at,
                                                      RECORD_KINDS.get(broken.table_name, broken.table_name),
                                                      broken.label, broken.reason))
