"""Whole-row snapshots of an item and everything hanging on it, so a deletion can be undone exactly."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import Assignment, Deadline, Item, ProgressReport, Target

# parent first: restoring inserts in this order, deleting in the reverse
_TABLES = (Item, Deadline, Target, Assignment, ProgressReport)


def snapshot_item(session: Session, item_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every column of the item and of its deadline, targets, assignments and progress reports."""
    snap: dict[str, list[dict[str, Any]]] = {}
    for model in _TABLES:
        table = model.__table__
        key = table.c.id if model is Item else table.c.item_id
        snap[table.name] = [dict(row._mapping) for row in session.execute(select(table).where(key == item_id))]
    return snap


def delete_item_rows(session: Session, item_id: int) -> None:
    """Delete the item and its rows (children first)."""
    for model in reversed(_TABLES):
        table = model.__table__
        key = table.c.id if model is Item else table.c.item_id
        session.execute(delete(table).where(key == item_id))


def restore_item(session: Session, snap: dict[str, list[dict[str, Any]]]) -> None:
    """Put back rows taken by snapshot_item, with their ids, uuids and versions."""
    for model in _TABLES:
        rows = snap.get(model.__table__.name, [])
        if rows:
            session.execute(model.__table__.insert(), rows)
