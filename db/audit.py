"""The audit trail's bookkeeping around the triggers (db/audit_schema.py): who and the source stamped on a
transaction's entries just before it commits, bulk imports' summary entries, reading entries back, and
entries carried in data packages.

Who is the officer named on this computer (Database.actor); the source is what the work was (a GUI edit, the
import of a file, a package from an installation, a form from a unit), set around a use case with `acting`.
"""

from __future__ import annotations

import json
import uuid as uuid_mod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from db.audit_schema import AUDITED, insert_trigger_name, insert_trigger_sql
from db.exchange.schema import NOW_SQL
from db.models import AuditEntry

_source: ContextVar[str | None] = ContextVar("audit_source", default=None)
_SUSPENDED = "audit_inserts_suspended"
UNKNOWN = "?"
WHOLE_DATABASE = "database"  # the table name of entries about the whole file (a restore)


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


def stamp(session: Session, *, who: str, source: str) -> None:
    """Name the officer and source on the entries written since the last stamp."""
    session.execute(text("UPDATE audit_log SET who = :w, source = :s WHERE who IS NULL"),
                    {"w": who or UNKNOWN, "s": source})


def before_commit(session: Session, *, who: str, source: str) -> None:
    """Stamp what is left and bring back insert triggers suspended in this transaction."""
    stamp(session, who=who, source=source)
    if session.info.pop(_SUSPENDED, False):
        for table in AUDITED:
            session.execute(text(insert_trigger_sql(table, if_missing=True)))


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
    sql = f"SELECT {cols} FROM audit_log WHERE 1 = 1"
    params: dict[str, Any] = {}
    if since is not None:
        sql += " AND at >= :since"
        params["since"] = since.strftime("%Y-%m-%d %H:%M:%S.%f")
    stmt = text(sql + " ORDER BY id")
    if plan_uuids is not None:
        stmt = text(sql + " AND (plan_uuid IN :plans OR plan_uuid IS NULL) ORDER BY id").bindparams(
            bindparam("plans", expanding=True))
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
