"""The audit trail's bookkeeping around the triggers (db/audit_schema.py): who and the source stamped on a
transaction's entries just before it commits, bulk imports' summary entries, reading entries back, and
entries carried in data packages.

Who is the officer named on this computer (Database.actor); the source is what the work was (a GUI edit, the
import of a file, a package from an installation, a form from a unit), set around a use case with `acting`.
"""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_mod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.audit_schema import AUDITED, CHAIN_COLUMNS, HEAD_SETTING, LOCAL, insert_trigger_name, insert_trigger_sql
from db.exchange.schema import NOW_SQL
from db.models import AuditEntry

_source: ContextVar[str | None] = ContextVar("audit_source", default=None)
_SUSPENDED = "audit_inserts_suspended"
UNKNOWN = "?"
WHOLE_DATABASE = "database"  # the table name of entries about the whole file (a restore)
SIGN_IN_FAILED = "refused"  # the action of an entry about a failed sign-in (table accounts)


@contextmanager
def acting(source: str) -> Iterator[None]:
    """Entries committed inside the block (in this thread) name source as their origin."""
    token = _source.set(source)
    try:
        yield
    finally:
        _source.reset(token)


def current_source(default: str) -> str:
    """The source set by the innermost `acting` block, else default."""
    return _source.get() or default


_START = "audit_start"


def mark_start(session: Session, connection: Any) -> None:
    """Note the newest entry when a transaction begins: it stamps and chains only the entries after it (an entry
    written outside the program, e.g. by plain sqlite3, is never named after the next officer nor chained)."""
    try:
        session.info[_START] = connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM audit_log").scalar()
    except OperationalError:  # a file without the change log (not upgraded yet): nothing to mark
        session.info.pop(_START, None)


def _start(session: Session) -> int:
    return int(session.info.get(_START) or 0)


def stamp(session: Session, *, who: str, source: str) -> None:
    """Name the officer and source on this transaction's entries written since the last stamp."""
    session.execute(text("UPDATE audit_log SET who = :w, source = :s WHERE who IS NULL AND hash IS NULL "
                         "AND id > :start"), {"w": who or UNKNOWN, "s": source, "start": _start(session)})


def before_commit(session: Session, *, who: str, source: str) -> None:
    """Stamp what is left, chain the new entries and bring back insert triggers suspended in this transaction."""
    stamp(session, who=who, source=source)
    chain(session)
    if session.info.pop(_SUSPENDED, False):
        for table in AUDITED:
            session.execute(text(insert_trigger_sql(table, if_missing=True)))


# ----- the hash chain -------------------------------------------------------------------------------------
# Each entry's hash is SHA-256 of the hash of the entry before it (by id; "" for the first) and the entry's own
# columns (CHAIN_COLUMNS) as JSON. The chain is not keyed: it shows an entry edited or removed with plain sqlite3
# (the entries after it no longer match), not a rewrite that recomputes every hash after it (README: Sign-in).
# The newest entry (its id, hash and the number of entries) is kept as the setting HEAD_SETTING: removing the
# newest entries is seen too, unless the setting is rewritten with them. Migration 0009 holds a frozen copy of
# entry_hash and of the head's form: both must give the same.
_CHAIN_SELECT = f"SELECT {', '.join(CHAIN_COLUMNS)}, hash FROM audit_log"


def _head_text(last_id: int, last_hash: str, count: int) -> str:
    return json.dumps({"id": last_id, "hash": last_hash, "count": count}, separators=(",", ":"))


def _write_head(session: Session, added: int) -> None:
    """Keep the newest entry as the head, its count from the head before (counted again if that one is unreadable)."""
    last = session.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).one_or_none()
    if last is None or last[1] is None:
        return
    before = session.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": HEAD_SETTING}).scalar()
    try:
        count = int(json.loads(before)["count"]) + added if before is not None else None
    except (ValueError, TypeError, KeyError):
        count = None
    if count is None:  # no head yet (or not ours): count them once
        count = session.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    session.execute(text("INSERT INTO settings (key, value) VALUES (:k, :v) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                    {"k": HEAD_SETTING, "v": _head_text(int(last[0]), str(last[1]), int(count))})


def entry_hash(previous: str, row: Sequence[Any]) -> str:
    """The hash of an entry whose CHAIN_COLUMNS values are row, after the entry whose hash is previous."""
    content = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{previous}\n{content}".encode()).hexdigest()


def chain(session: Session) -> int:
    """Give this transaction's entries their hash, in insertion order (at commit, after the stamp); how many.
    An entry written outside the program before it began stays unchained: `audit verify` names it."""
    first = session.execute(text("SELECT min(id) FROM audit_log WHERE hash IS NULL AND id > :start"),
                            {"start": _start(session)}).scalar()
    if first is None:
        return 0
    previous = session.execute(text("SELECT hash FROM audit_log WHERE id < :f AND hash IS NOT NULL "
                                    "ORDER BY id DESC LIMIT 1"), {"f": first}).scalar() or ""
    updates = []
    for *row, stored in session.execute(text(f"{_CHAIN_SELECT} WHERE id >= :f ORDER BY id"), {"f": first}):
        if stored is None:
            stored = entry_hash(previous, row)
            updates.append({"h": stored, "i": row[0]})
        previous = stored
    if updates:
        session.execute(text("UPDATE audit_log SET hash = :h WHERE id = :i AND hash IS NULL"), updates)
        _write_head(session, len(updates))
    return len(updates)


@dataclass(frozen=True)
class Broken:
    """The first entry that does not match the chain: its id, uuid, time, label and why (unchained: no hash;
    altered: its hash is not that of its content after the entry before it; missing: the newest entries up to
    this id were removed (uuid, time and label then are those of the newest entry left, if any))."""

    id: int
    uuid: str
    at: str
    table_name: str
    label: str
    reason: str


@dataclass(frozen=True)
class ChainCheck:
    """What verify found: how many entries were checked and the first broken one (None: intact)."""

    checked: int
    broken: Broken | None


def _broken(row: Sequence[Any], reason: str, entry_id: int | None = None) -> Broken:
    values = dict(zip(CHAIN_COLUMNS, row, strict=True))
    return Broken(int(values["id"]) if entry_id is None else entry_id, str(values["uuid"] or ""),
                  str(values["at"] or ""), str(values["table_name"] or ""), str(values["label"] or ""), reason)


def verify(session: Session) -> ChainCheck:
    """Walk the change log in insertion order and check every hash against the one before it, and the newest
    against the head kept in the settings."""
    previous, checked, last = "", 0, None
    for *row, stored in session.execute(text(f"{_CHAIN_SELECT} ORDER BY id")):
        checked += 1
        reason = ("unchained" if stored is None
                  else "altered" if stored != entry_hash(previous, row) else None)
        if reason is not None:
            return ChainCheck(checked, _broken(row, reason))
        previous, last = stored, row
    head = session.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": HEAD_SETTING}).scalar()
    expected: Any = None
    try:
        expected = json.loads(head) if head is not None else None
    except ValueError:
        expected = {}
    if last is None and expected is None:
        return ChainCheck(0, None)  # nothing written yet
    nothing = (0, "", "", "", "", "", "", "", "", "", "", "", "")
    if not isinstance(expected, dict) or last is None or _head_text(int(last[0]), previous, checked) != head:
        ahead = expected.get("id") if isinstance(expected, dict) and isinstance(expected.get("id"), int) else None
        return ChainCheck(checked, _broken(last or nothing, "missing", ahead if ahead is not None else 0))
    return ChainCheck(checked, None)


def suspend_insert_entries(session: Session) -> None:
    """Until this transaction commits (before_commit brings them back), inserted rows write no entry each; the
    caller writes a summary. SQLite's DDL is transactional: no other connection ever sees them missing."""
    session.info[_SUSPENDED] = True
    names = [insert_trigger_name(table) for table in AUDITED]
    present = session.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN :names")
                              .bindparams(bindparam("names", expanding=True)), {"names": names}).scalars().all()
    for name in present:  # no DDL when already suspended: each schema change makes SQLite prepare again
        session.execute(text(f"DROP TRIGGER {name}"))


def add_summary(session: Session, *, table: str, count: int, label: str, plan_uuid: str | None = None) -> None:
    """One entry standing for count rows a bulk import inserted into table."""
    if count:
        add_entry(session, table=table, action="import", label=label, changes={"count": count}, plan_uuid=plan_uuid)


def add_entry(session: Session, *, table: str, action: str, label: str, changes: dict[str, Any],
              plan_uuid: str | None = None) -> None:
    """An entry no trigger writes (a bulk import's summary, a restore), stamped at the commit like the others."""
    session.execute(text(
        f"INSERT INTO audit_log (uuid, at, table_name, plan_uuid, label, action, changes) "
        f"VALUES (:u, {NOW_SQL}, :t, :p, :l, :a, :c)"),
        {"u": uuid_mod.uuid4().hex, "t": table, "p": plan_uuid, "l": label, "a": action,
         "c": json.dumps(changes, ensure_ascii=False)})


@dataclass(frozen=True)
class Filter:
    """What the audit view asks for: any of person, a time range, record text, an item or a plan."""

    who: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    record: str | None = None
    item_uuid: str | None = None
    plan_uuid: str | None = None
    installation: str | None = None
    """Entries made at that installation ("" for this one); None: everywhere."""
    limit: int = 5000


def entries(session: Session, flt: Filter) -> list[AuditEntry]:
    """Matching entries, newest first (at most flt.limit)."""
    stmt = select(AuditEntry)
    if flt.who:
        stmt = stmt.where(AuditEntry.who == flt.who)
    if flt.since is not None:
        stmt = stmt.where(AuditEntry.at >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(AuditEntry.at < flt.until)
    if flt.record:
        stmt = stmt.where(AuditEntry.label.contains(flt.record, autoescape=True))
    if flt.item_uuid:
        stmt = stmt.where(AuditEntry.item_uuid == flt.item_uuid)
    if flt.plan_uuid:
        stmt = stmt.where(AuditEntry.plan_uuid == flt.plan_uuid)
    if flt.installation is not None:
        stmt = stmt.where(AuditEntry.installation.is_(None) if flt.installation == ""
                          else AuditEntry.installation == flt.installation)
    return list(session.scalars(stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(flt.limit)))


def people(session: Session) -> list[str]:
    """Everyone named in the audit trail, for the person filter."""
    return [w for w in session.scalars(select(AuditEntry.who).distinct().order_by(AuditEntry.who)) if w]


def installations(session: Session) -> list[str]:
    """The other installations whose entries came here in packages."""
    stmt = select(AuditEntry.installation).where(AuditEntry.installation.is_not(None)).distinct()
    return sorted(session.scalars(stmt))


# ----- in data packages ----------------------------------------------------------------------------------
PACKAGE_COLUMNS = ("uuid", "at", "who", "source", "installation", "table_name", "record_uuid", "plan_uuid",
                   "item_uuid", "label", "action", "changes")


def export_entries(session: Session, *, plan_uuids: Sequence[str] | None, since: datetime | None) -> list[list[Any]]:
    """Entries for a package: those of the plans exported (all when plan_uuids is None), newer than since."""
    cols = ", ".join(PACKAGE_COLUMNS)
    sql = f"SELECT {cols} FROM audit_log WHERE table_name NOT IN :local"
    params: dict[str, Any] = {"local": list(LOCAL)}
    if since is not None:
        sql += " AND at >= :since"
        params["since"] = since.strftime("%Y-%m-%d %H:%M:%S.%f")
    stmt = text(sql + " ORDER BY id").bindparams(bindparam("local", expanding=True))
    if plan_uuids is not None:
        stmt = text(sql + " AND (plan_uuid IN :plans OR plan_uuid IS NULL) ORDER BY id").bindparams(
            bindparam("local", expanding=True), bindparam("plans", expanding=True))
        params["plans"] = list(plan_uuids)
    return [list(row) for row in session.execute(stmt, params)]


def import_entries(session: Session, rows: Sequence[Sequence[Any]], *, sender: str) -> None:
    """Keep the sender's entries (each once, however many packages carry it); entries the sender had itself
    received keep their own installation."""
    if not rows:
        return
    marks = ", ".join(f":{c}" for c in PACKAGE_COLUMNS)
    session.execute(
        text(f"INSERT OR IGNORE INTO audit_log ({', '.join(PACKAGE_COLUMNS)}) VALUES ({marks})"),
        [dict(zip(PACKAGE_COLUMNS, row, strict=False)) | {"installation": row[4] or sender, "who": row[2] or UNKNOWN}
         for row in rows])
