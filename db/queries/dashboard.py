"""The dashboard's queries: assessment counts grouped in SQL by group and by implementing unit, and deadline lists."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Assignment, Deadline, Group, Item, Section, Unit
from db.queries.items import assessment_expr
from desktop_app.domain.assessment import UNMET
from desktop_app.domain.deadlines import DATED_KINDS


def counts_by_place(session: Session, plan_id: int, today: date) -> list[Any]:
    """(section_id, group_id, assessment, n) for the plan's items; group_id is None for items right under a section."""
    assessment = assessment_expr(today).label("assessment")
    stmt = (select(Item.section_id, Item.group_id, assessment, func.count().label("n"))
            .select_from(Item).outerjoin(Deadline, Deadline.item_id == Item.id)
            .where(Item.plan_id == plan_id)
            .group_by(Item.section_id, Item.group_id, assessment))
    return list(session.execute(stmt))


def places(session: Session, plan_id: int) -> list[Any]:
    """Every section of the plan with each of its groups (group columns None for a section without groups), in order."""
    stmt = (select(Section.id.label("section_id"), Section.numeral, Section.title.label("section_title"),
                   Group.id.label("group_id"), Group.number, Group.title.label("group_title"))
            .select_from(Section).outerjoin(Group, Group.section_id == Section.id)
            .where(Section.plan_id == plan_id)
            .order_by(Section.order, Group.order))
    return list(session.execute(stmt))


def counts_by_unit(session: Session, plan_id: int, today: date, role: str = "implementing") -> list[Any]:
    """(unit_id, assessment, n) over the items each unit has in this role."""
    assessment = assessment_expr(today).label("assessment")
    # Grouping by the integer id alone (names fetched apart) keeps the sort small at 100,000 items.
    stmt = (select(Assignment.unit_id, assessment, func.count().label("n"))
            .select_from(Assignment)
            .join(Item, Item.id == Assignment.item_id)
            .outerjoin(Deadline, Deadline.item_id == Item.id)
            .where(Item.plan_id == plan_id, Assignment.role == role)
            .group_by(Assignment.unit_id, assessment))
    return list(session.execute(stmt))


def unit_names(session: Session, unit_ids: list[int]) -> list[tuple[int, str]]:
    """(id, name) of these units in Vietnamese collation order."""
    stmt = select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)).order_by(Unit.sort_name, Unit.id)
    return [(uid, name) for uid, name in session.execute(stmt)]


def _window(plan_id: int, today: date, window: str, *, plan_index: bool = True) -> list[Any]:
    # The same rule as db.queries.items's windows of the same names.
    unfinished = Item.result.is_(None) | (Item.result == UNMET)
    # "+ 0" hides the plan index from SQLite's planner, so it walks the deadlines in date order instead.
    plan = Item.plan_id if plan_index else Item.plan_id + 0
    conditions: list[Any] = [plan == plan_id, Deadline.kind.in_(DATED_KINDS), unfinished]
    if window == "overdue":
        conditions.append(Deadline.due < today)
    elif window == "due30":
        conditions += [Deadline.due >= today, Deadline.due <= today + timedelta(days=30)]
    else:
        raise ValueError(f"unknown window: {window!r}")
    return conditions


def count_window(session: Session, plan_id: int, today: date, window: str) -> int:
    """How many unfinished dated items are past due ("overdue") or due within 30 days ("due30")."""
    stmt = (select(func.count()).select_from(Item).join(Deadline, Deadline.item_id == Item.id)
            .where(*_window(plan_id, today, window)))
    return int(session.scalar(stmt) or 0)


def deadline_list(session: Session, plan_id: int, today: date, window: str, limit: int, *,
                  by_due_date: bool = False) -> list[tuple[Any, str]]:
    """The first `limit` unfinished items of a window, earliest due first, each with its first monitoring unit.

    by_due_date walks the deadlines index in date order and stops after `limit` matches: far faster for a
    large plan, slower for a small plan among many others, which the plan index serves better.
    """
    assessment = assessment_expr(today).label("assessment")
    stmt = (select(Item.id, Item.number, Item.text, Deadline.due, assessment)
            .select_from(Item).join(Deadline, Deadline.item_id == Item.id)
            .where(*_window(plan_id, today, window, plan_index=not by_due_date))
            .order_by(Deadline.due, Item.number_key, Item.order, Item.id).limit(limit))
    rows = list(session.execute(stmt))
    monitoring = first_monitoring(session, [r.id for r in rows])
    return [(r, monitoring.get(r.id, "")) for r in rows]


def first_monitoring(session: Session, item_ids: list[int]) -> dict[int, str]:
    """The first monitoring unit (as the plan lists it) of each of these items."""
    stmt = (select(Assignment.item_id, Unit.name).join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.item_id.in_(item_ids), Assignment.role == "monitoring")
            .order_by(Assignment.item_id, Assignment.order.desc(), Assignment.id.desc()))
    return {item_id: name for item_id, name in session.execute(stmt)}  # the last written wins: order 0
