"""The rows a data package carries: every synced row of the chosen plans (or all), optionally only one unit's
part, optionally only what changed since a time; with the rows they refer to, references given as UUIDs."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from db.exchange.rows import q, references_of, uuids_of
from db.exchange.schema import SYNCED

# How each table reaches its plan, for a package limited to some plans.
_PLAN_OF = {
    "plans": "id IN :plans",
    "sections": "plan_id IN :plans",
    "groups": "section_id IN (SELECT id FROM sections WHERE plan_id IN :plans)",
    "items": "plan_id IN :plans",
    "targets": "item_id IN (SELECT id FROM items WHERE plan_id IN :plans)",
    "deadlines": "item_id IN (SELECT id FROM items WHERE plan_id IN :plans)",
    "assignments": "item_id IN (SELECT id FROM items WHERE plan_id IN :plans)",
    "periods": "plan_id IN :plans",
    "progress_reports": "item_id IN (SELECT id FROM items WHERE plan_id IN :plans)",
    "evidence_files": "report_id IN (SELECT r.id FROM progress_reports r JOIN items i ON i.id = r.item_id "
                      "WHERE i.plan_id IN :plans)",
    "units": "id IN (SELECT a.unit_id FROM assignments a JOIN items i ON i.id = a.item_id WHERE i.plan_id IN :plans "
             "UNION SELECT r.unit_id FROM progress_reports r JOIN items i ON i.id = r.item_id "
             "WHERE i.plan_id IN :plans)",
}
_UNIT_ITEMS = "SELECT item_id FROM assignments WHERE unit_id = :unit"
# How each table is limited to one unit's part: its items (assigned to it) and its own reports.
_UNIT_OF = {
    "items": f"id IN ({_UNIT_ITEMS})",
    "targets": f"item_id IN ({_UNIT_ITEMS})",
    "deadlines": f"item_id IN ({_UNIT_ITEMS})",
    "assignments": f"item_id IN ({_UNIT_ITEMS})",
    "progress_reports": f"unit_id = :unit AND item_id IN ({_UNIT_ITEMS})",
    "evidence_files": f"report_id IN (SELECT id FROM progress_reports WHERE unit_id = :unit AND item_id IN "
                      f"({_UNIT_ITEMS}))",
}


def _stamp(moment: datetime | None) -> str | None:
    """A time in the text form the DateTime columns are stored in."""
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _where(table: str, plan_ids: list[int] | None, unit_id: int | None, since: datetime | None) -> str:
    parts = []
    if plan_ids is not None:
        parts.append(_PLAN_OF[table])
    if unit_id is not None and table in _UNIT_OF:
        parts.append(_UNIT_OF[table])
    if since is not None:
        parts.append("updated_at >= :since")
    return (" WHERE " + " AND ".join(f"({p})" for p in parts)) if parts else ""


def _fetch(session: Session, table: str, where: str, params: dict[str, Any]) -> dict[int, tuple[Any, ...]]:
    cols = ", ".join(q(c) for c in SYNCED[table])
    stmt = text(f"SELECT id, uuid, rev, coalesce(base_rev, rev), updated_at, {cols} FROM {table}{where}")
    if ":plans" in where:
        stmt = stmt.bindparams(bindparam("plans", expanding=True))
    if ":ids" in where:
        stmt = stmt.bindparams(bindparam("ids", expanding=True))
    return {row[0]: tuple(row) for row in session.execute(stmt, params)}


def export_rows(session: Session, *, plan_ids: list[int] | None = None, unit_id: int | None = None,
                since: datetime | None = None) -> dict[str, list[list[Any]]]:
    """table → rows [uuid, rev, base, changed_at, *content] with references as UUIDs, parents included."""
    params: dict[str, Any] = {"plans": plan_ids or [0], "unit": unit_id, "since": _stamp(since)}
    found = {table: _fetch(session, table, _where(table, plan_ids, unit_id, since), params) for table in SYNCED}
    # A changed row travels with the rows it refers to, so that the other side can place it.
    for table in reversed(list(SYNCED)):
        refs = references_of(table)
        for column, parent in refs.items():
            position = 5 + SYNCED[table].index(column)
            wanted = {row[position] for row in found[table].values() if row[position] is not None}
            missing = sorted(wanted - found[parent].keys())
            if missing:
                found[parent].update(_fetch(session, parent, " WHERE id IN :ids", {"ids": missing}))
    uuid_maps: dict[str, dict[int, str]] = defaultdict(dict)
    for table in SYNCED:
        for column, parent in references_of(table).items():
            position = 5 + SYNCED[table].index(column)
            ids = {row[position] for row in found[table].values() if row[position] is not None}
            known = {i: row[1] for i, row in found[parent].items()}
            uuid_maps[parent].update(known)
            unmapped = ids - uuid_maps[parent].keys()
            if unmapped:
                uuid_maps[parent].update(uuids_of(session, parent, unmapped))
    result: dict[str, list[list[Any]]] = {}
    for table in SYNCED:
        mapped = {5 + SYNCED[table].index(c): uuid_maps[p] for c, p in references_of(table).items()}
        rows = []
        for row in sorted(found[table].values()):
            out = list(row[1:])
            out[3] = str(out[3] or "")
            for position, mapping in mapped.items():
                if row[position] is not None:
                    out[position - 1] = mapping[row[position]]
            rows.append(out)
        result[table] = rows
    return result


def export_tombstones(session: Session, *, since: datetime | None = None) -> list[list[Any]]:
    """The deletions made here (or received) since a time: [uuid, table, rev, deleted_at]."""
    where = " WHERE deleted_at >= :since" if since is not None else ""
    rows = session.execute(text(f"SELECT uuid, table_name, rev, deleted_at FROM tombstones{where} ORDER BY deleted_at"),
                           {"since": _stamp(since)})
    return [[u, t, r, str(d)] for u, t, r, d in rows]
