"""Queries for the versions that data-package merges keep in record_history: listing them (all, one table's,
or one item's with its targets, deadline, units and reports), reading the rows they belong to and refer to,
and putting a kept version back (an UPDATE the revision triggers see as a local edit, or the row re-created)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from db.exchange import rows as rows_db
from db.exchange.rows import NATURAL_KEYS, q
from db.exchange.schema import SYNCED
from db.models import new_rev, utcnow

ITEM_CHILDREN = ("targets", "deadlines", "assignments", "progress_reports")
BATCH_WINDOW = timedelta(minutes=5)
"""Rows deleted by one merge were kept within this time of each other (one transaction)."""


@dataclass(frozen=True)
class HistoryEntry:
    """One kept version: when (UTC), which row (table, uuid), its revision and content (references as local
    ids), why it was kept, from which package, and when it was restored (None: not yet)."""

    id: int
    at: datetime
    table: str
    uuid: str
    rev: str
    content: dict[str, Any]
    reason: str
    source: str
    restored_at: datetime | None


def _moment(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


_COLUMNS = "id, at, table_name, uuid, rev, content, reason, source, restored_at"


def _entry(row: Sequence[Any]) -> HistoryEntry:
    at = _moment(row[1])
    assert at is not None  # the column is always filled (NOW_SQL or utcnow)
    return HistoryEntry(row[0], at, row[2], row[3], row[4], json.loads(row[5]), row[6], row[7] or "",
                        _moment(row[8]))


def entries(session: Session, *, table: str | None = None, item: tuple[int, str] | None = None,
            include_restored: bool = False, limit: int | None = None) -> list[HistoryEntry]:
    """Kept versions, newest first; item=(id, uuid) keeps those of the item and of rows hanging on it."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if table is not None:
        where.append("table_name = :table")
        params["table"] = table
    if item is not None:
        children = ", ".join(f"'{t}'" for t in ITEM_CHILDREN)
        where.append(f"((table_name = 'items' AND uuid = :item_uuid) OR (table_name IN ({children}) "
                     "AND json_extract(content, '$.item_id') = :item_id))")
        params.update(item_id=item[0], item_uuid=item[1])
    if not include_restored:
        where.append("restored_at IS NULL")
    sql = f"SELECT {_COLUMNS} FROM record_history"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY at DESC, id DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_entry(row) for row in session.execute(text(sql), params)]


def entry(session: Session, history_id: int) -> HistoryEntry | None:
    """One kept version by its id."""
    row = session.execute(text(f"SELECT {_COLUMNS} FROM record_history WHERE id = :i"), {"i": history_id}).first()
    return None if row is None else _entry(row)


def deleted_with(session: Session, kept: HistoryEntry, tables: Iterable[str]) -> list[HistoryEntry]:
    """The other rows of these tables deleted by the same merge as kept (same package, same moment) and not
    restored since, oldest first."""
    names = list(tables)
    if not names:
        return []
    stmt = text(f"SELECT {_COLUMNS} FROM record_history WHERE reason = 'deleted' AND restored_at IS NULL "
                "AND source = :source AND id != :id AND table_name IN :tables AND at BETWEEN :lo AND :hi "
                "ORDER BY id").bindparams(bindparam("tables", expanding=True))
    lo, hi = (f"{m:%Y-%m-%d %H:%M:%S.%f}" for m in (kept.at - BATCH_WINDOW, kept.at + BATCH_WINDOW))
    return [_entry(row) for row in session.execute(
        stmt, {"source": kept.source, "id": kept.id, "tables": names, "lo": lo, "hi": hi})]


def item_uuid(session: Session, item_id: int) -> str | None:
    """The UUID of an item (None when there is no such item)."""
    return session.execute(text("SELECT uuid FROM items WHERE id = :i"), {"i": item_id}).scalar()


def rows_by_id(session: Session, table: str, ids: Iterable[int]) -> dict[int, tuple[str, dict[str, Any]]]:
    """id → (uuid, content) of the rows of table with these ids."""
    cols = ", ".join(q(c) for c in SYNCED[table])
    stmt = text(f"SELECT id, uuid, {cols} FROM {table} WHERE id IN :i").bindparams(bindparam("i", expanding=True))
    wanted = sorted(set(ids))
    found: dict[int, tuple[str, dict[str, Any]]] = {}
    for start in range(0, len(wanted), rows_db.CHUNK):
        for row in session.execute(stmt, {"i": wanted[start:start + rows_db.CHUNK]}):
            found[row[0]] = (row[1], dict(zip(SYNCED[table], row[2:], strict=False)))
    return found


def existing_ids(session: Session, table: str, ids: Iterable[int]) -> set[int]:
    """Those of ids that name a row of table."""
    return set(rows_by_id(session, table, ids))


def row_birth(session: Session, table: str, row_id: int) -> tuple[str, datetime] | None:
    """(uuid, created_at) of a row, None when there is no such row."""
    row = session.execute(text(f"SELECT uuid, created_at FROM {table} WHERE id = :i"), {"i": row_id}).first()
    if row is None:
        return None
    born = _moment(row[1])
    return row[0], born if born is not None else datetime.min


def recreated_by_restore(session: Session, uuid: str) -> bool:
    """Whether this row was re-created here by restoring its kept deleted version."""
    return session.execute(text("SELECT 1 FROM record_history WHERE uuid = :u AND reason = 'deleted' AND "
                                "restored_at IS NOT NULL LIMIT 1"), {"u": uuid}).first() is not None


def natural_twin(session: Session, table: str, content: dict[str, Any], *, other_than: int | None) -> int | None:
    """The id of another row with the same natural key (db.exchange.rows.NATURAL_KEYS) as content, if any."""
    names = NATURAL_KEYS.get(table)
    if not names:
        return None
    where = " AND ".join(f"{q(n)} IS :k{i}" for i, n in enumerate(names))
    params = {f"k{i}": content.get(n) for i, n in enumerate(names)} | {"other": other_than or 0}
    return session.execute(text(f"SELECT id FROM {table} WHERE {where} AND id != :other LIMIT 1"), params).scalar()


def set_content(session: Session, table: str, row_id: int, values: dict[str, Any]) -> None:
    """Write content columns of one row as a local edit (the triggers give it a new revision)."""
    unknown = set(values) - set(SYNCED[table])
    if unknown:
        raise ValueError(f"not content columns of {table}: {sorted(unknown)}")
    sets = ", ".join(f"{q(c)} = :{c}" for c in values)
    session.execute(text(f"UPDATE {table} SET {sets}, version = version + 1 WHERE id = :row_id"),
                    {**values, "row_id": row_id})


def recreate(session: Session, table: str, row_id: int | None, uuid: str, content: dict[str, Any]) -> int:
    """Insert a deleted row again with its UUID and a new revision, made here and never exchanged (so the
    next package carries it, and it wins over the deletion on the other side); returns its id."""
    new_id = row_id if row_id is not None else rows_db.next_id(session, table)
    values = [content.get(c) for c in SYNCED[table]]
    rows_db.insert(session, table, [(new_id, uuid, new_rev(), None, "", *values)])
    if table == "evidence_files":  # stored as <sha256><suffix> in the evidence folder (io.evidence_store)
        stored = f"{content.get('sha256')}{Path(str(content.get('file_name') or '')).suffix.lower()[:10]}"
        rows_db.name_evidence(session, new_id, stored)
    rows_db.drop_tombstones(session, [uuid])
    return new_id


def mark_restored(session: Session, history_ids: Sequence[int]) -> None:
    """Note that these kept versions were restored now."""
    stmt = text("UPDATE record_history SET restored_at = :now WHERE id IN :i").bindparams(
        bindparam("i", expanding=True))
    session.execute(stmt, {"now": f"{utcnow():%Y-%m-%d %H:%M:%S.%f}", "i": list(history_ids)})
