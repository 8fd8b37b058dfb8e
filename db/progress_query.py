"""Queries behind the progress entry grid: a plan's items for one period and unit, with their reports."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from db.models import Assignment, Item, Period, Plan, ProgressReport, Unit

IMPLEMENTING = "implementing"


def plan_period(session: Session, plan_id: int, period_id: int) -> Period | None:
    """The period with this id if it belongs to the plan."""
    period = session.get(Period, period_id)
    return period if period is not None and period.plan_id == plan_id else None


def plan_scheme(session: Session, plan_id: int) -> tuple[str, str] | None:
    """(period kind, period basis) chosen for the plan, or None when there is no such plan."""
    plan = session.get(Plan, plan_id)
    return None if plan is None else (plan.period_kind, plan.period_basis)


def implementing_units(session: Session, plan_id: int) -> list[tuple[int, str]]:
    """(id, name) of the units that implement at least one item of the plan, in Vietnamese order."""
    used = (select(Assignment.unit_id).join(Item, Item.id == Assignment.item_id)
            .where(Item.plan_id == plan_id, Assignment.role == IMPLEMENTING))
    stmt = select(Unit.id, Unit.name).where(Unit.id.in_(used)).order_by(Unit.sort_name, Unit.id)
    return [(uid, name) for uid, name in session.execute(stmt)]


def grid_items(session: Session, plan_id: int, *, unit_id: int | None = None,
               item_ids: Sequence[int] | None = None) -> list[Item]:
    """The plan's items in plan order (only those unit_id implements, or only item_ids, when given),
    with targets, deadline, section and units loaded."""
    stmt = (
        select(Item)
        .where(Item.plan_id == plan_id)
        .options(
            selectinload(Item.targets),
            selectinload(Item.deadline),
            selectinload(Item.section),
            selectinload(Item.assignments).selectinload(Assignment.unit),
        )
        .order_by(Item.order, Item.id)
    )
    if unit_id is not None:
        stmt = stmt.where(Item.id.in_(select(Assignment.item_id).where(
            Assignment.unit_id == unit_id, Assignment.role == IMPLEMENTING)))
    if item_ids is not None:
        stmt = stmt.where(Item.id.in_(list(item_ids)))
    return list(session.scalars(stmt))


def period_reports(session: Session, period_id: int, item_ids: Sequence[int]) -> dict[tuple[int, int | None], ProgressReport]:
    """The period's reports on these items, keyed by (item id, unit id)."""
    if not item_ids:
        return {}
    stmt = select(ProgressReport).where(ProgressReport.period_id == period_id,
                                        ProgressReport.item_id.in_(list(item_ids)))
    return {(r.item_id, r.unit_id): r for r in session.scalars(stmt)}


def delete_report(session: Session, item_id: int, unit_id: int | None, period_id: int) -> bool:
    """Remove one item's report for a unit and period; True when there was one."""
    unit_match = ProgressReport.unit_id.is_(None) if unit_id is None else ProgressReport.unit_id == unit_id
    result = session.execute(delete(ProgressReport).where(
        ProgressReport.item_id == item_id, ProgressReport.period_id == period_id, unit_match))
    return bool(result.rowcount)  # type: ignore[attr-defined]
