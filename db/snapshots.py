"""Whole-row snapshots of an item and everything hanging on it (reports and their evidence records too),
so a deletion can be undone exactly."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, delete, select, text
from sqlalchemy.orm import Session

from db.models import Assignment, Deadline, EvidenceFile, Item, ProgressReport, Target

# parent first: restoring inserts in this order, deleting in the reverse
_TABLES = (Item, Deadline, Target, Assignment, ProgressReport)


def snapshot_item(session: Session, item_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every column of the item and of its deadline, targets, assignments and progress reports."""
    snap: dict[str, list[dict[str, Any]]] = {}
    for model in _TABLES:
        table = model.__table__
        key = table.c.id if model is Item else table.c.item_id
        snap[table.name] = [dict(row._mapping) for row in session.execute(select(table).where(key == item_id))]
    reports = [row["id"] for row in snap[ProgressReport.__table__.name]]
    evidence = EvidenceFile.__table__
    snap[evidence.name] = [dict(r._mapping) for r in session.execute(select(evidence).where(evidence.c.report_id.in_(reports)))]
    return snap


def delete_item_rows(session: Session, item_id: int) -> None:
    """Delete the item and its rows (children first)."""
    reports = select(ProgressReport.id).where(ProgressReport.item_id == item_id)
    session.execute(delete(EvidenceFile.__table__).where(EvidenceFile.__table__.c.report_id.in_(reports)))
    for model in reversed(_TABLES):
        table = model.__table__
        key = table.c.id if model is Item else table.c.item_id
        session.execute(delete(table).where(key == item_id))


def restore_item(session: Session, snap: dict[str, list[dict[str, Any]]]) -> None:
    """Put back rows taken by snapshot_item, with their ids, uuids, versions and revisions; the tombstones
    their deletion left are taken back too (else a data package would carry the deletion on)."""
    for model in (*_TABLES, EvidenceFile):
        rows = snap.get(model.__table__.name, [])
        if rows:
            session.execute(model.__table__.insert(), rows)
            session.execute(text("DELETE FROM tombstones WHERE uuid IN :u").bindparams(bindparam("u", expanding=True)),
                            {"u": [row["uuid"] for row in rows]})
