"""Queries behind the progress entry grid: a plan's items for one period and unit, with their reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import (
    Assignment,
    Deadline,
    Item,
    Period,
    Plan,
    ProgressReport,
    Section,
    Target,
    Unit,
)
from db.queries.common import rows_changed
from desktop_app.domain.appendix import AssignmentRole

IMPLEMENTING = AssignmentRole.IMPLEMENTING.value


# The grid's items as plain records, with the attributes of the ORM rows they stand for (Item, Section, Deadline,
# Target, Assignment, Unit) that the grid reads.
@dataclass(frozen=True, slots=True)
class GridUnit:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class GridAssignment:
    order: int
    role: str
    unit: GridUnit


@dataclass(frozen=True, slots=True)
class GridTarget:
    op: str
    value: Decimal
    unit_kind: str
    unit: str | None
    subject: str | None
    raw: str


@dataclass(frozen=True, slots=True)
class GridSection:
    numeral: str


@dataclass(frozen=True, slots=True)
class GridDeadline:
    raw: str
    kind: str
    due: date | None


@dataclass(frozen=True, slots=True)
class GridItem:
    id: int
    number: str
    text: str
    kind: str
    section: GridSection
    deadline: GridDeadline | None
    targets: list[GridTarget]
    assignments: list[GridAssignment]


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
               item_ids: Sequence[int] | None = None, offset: int = 0, limit: int | None = None) -> list[GridItem]:
    """The plan's items in plan order (only those unit_id implements, or only item_ids, when given), as plain
    records with section, deadline, targets and implementing units.

    Read with four column queries rather than ORM objects: a province's plan of 100,000 items loads in a
    couple of seconds instead of twenty."""
    conditions: list[Any] = [Item.plan_id == plan_id]
    if unit_id is not None:
        conditions.append(Item.id.in_(select(Assignment.item_id).where(
            Assignment.unit_id == unit_id, Assignment.role == IMPLEMENTING)))
    if item_ids is not None:
        conditions.append(Item.id.in_(list(item_ids)))
    chosen = select(Item.id).where(*conditions).order_by(Item.order, Item.id).offset(offset).limit(limit)
    rows = session.execute(
        select(Item.id, Item.number, Item.text, Item.kind, Section.numeral, Deadline.raw.label("deadline_raw"),
               Deadline.kind.label("deadline_kind"), Deadline.due.label("deadline_due"))
        .join(Section, Section.id == Item.section_id)
        .outerjoin(Deadline, Deadline.item_id == Item.id)
        .where(*conditions)
        .order_by(Item.order, Item.id)
        .offset(offset)
        .limit(limit)
    ).all()
    targets: dict[int, list[GridTarget]] = defaultdict(list)
    for t in session.execute(
        select(Target.item_id, Target.op, Target.value, Target.unit_kind, Target.unit, Target.subject, Target.raw)
        .where(Target.item_id.in_(chosen)).order_by(Target.item_id, Target.order)
    ):
        targets[t.item_id].append(GridTarget(op=t.op, value=t.value, unit_kind=t.unit_kind, unit=t.unit,
                                             subject=t.subject, raw=t.raw))
    assignments: dict[int, list[GridAssignment]] = defaultdict(list)
    for a in session.execute(
        select(Assignment.item_id, Assignment.order, Assignment.role, Unit.id, Unit.name)
        .join(Unit, Unit.id == Assignment.unit_id)
        .where(Assignment.item_id.in_(chosen), Assignment.role == IMPLEMENTING)
    ):
        assignments[a.item_id].append(GridAssignment(order=a.order, role=a.role, unit=GridUnit(id=a.id, name=a.name)))
    return [
        GridItem(
            id=r.id, number=r.number, text=r.text, kind=r.kind, section=GridSection(numeral=r.numeral),
            deadline=(GridDeadline(raw=r.deadline_raw, kind=r.deadline_kind, due=r.deadline_due)
                      if r.deadline_kind is not None else None),
            targets=targets.get(r.id, []), assignments=assignments.get(r.id, []),
        )
        for r in rows
    ]


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
    return bool(rows_changed(result))
