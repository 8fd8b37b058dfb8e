"""Queries and row snapshots behind the unit manager: usage counts, a unit's rows, exact restores."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session, selectinload

from db.models import Assignment, Base, Item, Period, ProgressReport, Tracked, Unit, UnitAlias

ModelT = TypeVar("ModelT", bound=Base)


def units_with_counts(session: Session) -> list[tuple[Unit, int, int]]:
    """Every unit (aliases loaded) with its distinct assigned items and its progress reports, in collation order."""
    items = (
        select(Assignment.unit_id, func.count(func.distinct(Assignment.item_id)).label("n"))
        .group_by(Assignment.unit_id)
        .subquery()
    )
    reports = (
        select(ProgressReport.unit_id, func.count().label("n"))
        .where(ProgressReport.unit_id.is_not(None))
        .group_by(ProgressReport.unit_id)
        .subquery()
    )
    stmt = (
        select(Unit, func.coalesce(items.c.n, 0), func.coalesce(reports.c.n, 0))
        .outerjoin(items, items.c.unit_id == Unit.id)
        .outerjoin(reports, reports.c.unit_id == Unit.id)
        .options(selectinload(Unit.aliases))
        .order_by(Unit.sort_name, Unit.id)
    )
    return [(unit, int(n_items), int(n_reports)) for unit, n_items, n_reports in session.execute(stmt)]


def unit_holding_key(session: Session, key: str, *, besides: int | None = None) -> Unit | None:
    """A unit (other than `besides`) whose own key or one of whose aliases has this identity key."""
    by_alias = select(UnitAlias.unit_id).where(UnitAlias.key == key)
    stmt = select(Unit).where((Unit.key == key) | Unit.id.in_(by_alias))
    if besides is not None:
        stmt = stmt.where(Unit.id != besides)
    return session.scalars(stmt.order_by(Unit.id)).first()


def assignments_of(session: Session, unit_id: int) -> list[Assignment]:
    """Every assignment of a unit, by item then role."""
    stmt = select(Assignment).where(Assignment.unit_id == unit_id).order_by(Assignment.item_id, Assignment.role)
    return list(session.scalars(stmt))


def reports_of_unit(session: Session, unit_id: int) -> list[ProgressReport]:
    """Every progress report made by a unit."""
    stmt = select(ProgressReport).where(ProgressReport.unit_id == unit_id).order_by(ProgressReport.id)
    return list(session.scalars(stmt))


def item_ids_of_unit(session: Session, unit_id: int) -> list[int]:
    """Items assigned to a unit or reported on by it."""
    assigned = select(Assignment.item_id).where(Assignment.unit_id == unit_id)
    reported = select(ProgressReport.item_id).where(ProgressReport.unit_id == unit_id)
    return sorted(set(session.scalars(assigned)) | set(session.scalars(reported)))


def report_collisions(session: Session, source_id: int, target_id: int) -> list[tuple[str, str]]:
    """(item number, period label) where both units reported on the same item for the same period."""
    other = select(ProgressReport.item_id, ProgressReport.period_id).where(ProgressReport.unit_id == target_id).subquery()
    stmt = (
        select(Item.number, Period.label)
        .select_from(ProgressReport)
        .join(other, (other.c.item_id == ProgressReport.item_id) & (other.c.period_id == ProgressReport.period_id))
        .join(Item, Item.id == ProgressReport.item_id)
        .join(Period, Period.id == ProgressReport.period_id)
        .where(ProgressReport.unit_id == source_id)
        .order_by(Item.number_key, Period.start)
    )
    return [(number, label) for number, label in session.execute(stmt)]


def row_values(obj: Base) -> dict[str, Any]:
    """Every column of a row as plain values (id, uuid, timestamps and version included)."""
    mapper = inspect(type(obj))
    return {attr.key: getattr(obj, attr.key) for attr in mapper.column_attrs}


def restore_row(session: Session, model: type[ModelT], values: dict[str, Any]) -> ModelT:
    """Insert a row again with the values row_values() took; a new id only if its old one was taken meanwhile."""
    values = dict(values)
    if session.get(model, values["id"]) is not None:
        del values["id"]
    row = model(**values)
    session.add(row)
    # The version column is the optimistic-lock counter: keep the restored row's own value.
    session.flush()
    # Its deletion is undone: the tombstone it left must not travel in a data package (only a row with a UUID,
    # a Tracked one, leaves one).
    if isinstance(row, Tracked):
        session.execute(text("DELETE FROM tombstones WHERE uuid = :u"), {"u": row.uuid})
    return row
