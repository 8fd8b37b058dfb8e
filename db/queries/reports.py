"""Queries behind the reports: a plan's headings, items (with targets, deadline and units) and reports, read
as plain rows with column queries so a plan of 100,000 item × period reports loads in seconds."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Assignment,
    Deadline,
    Group,
    Item,
    Period,
    Plan,
    ProgressReport,
    Section,
    Target,
    Unit,
)


def plan_header(session: Session, plan_id: int) -> Any | None:
    """The plan's commune, title, number, date, year and period scheme (None when there is no such plan)."""
    return session.execute(
        select(Plan.id, Plan.commune, Plan.title, Plan.plan_number, Plan.plan_date, Plan.year, Plan.period_kind,
               Plan.period_basis).where(Plan.id == plan_id)
    ).first()


def plan_periods(session: Session, plan_id: int) -> list[Any]:
    """Every period row of the plan (all kinds), in time order."""
    return list(session.execute(
        select(Period.id, Period.kind, Period.basis, Period.label, Period.start, Period.end)
        .where(Period.plan_id == plan_id).order_by(Period.start, Period.end, Period.id)
    ))


def headings(session: Session, plan_id: int) -> tuple[list[Any], list[Any]]:
    """(sections, groups) of the plan in order."""
    sections = list(session.execute(
        select(Section.id, Section.numeral, Section.title, Section.order)
        .where(Section.plan_id == plan_id).order_by(Section.order)
    ))
    groups = list(session.execute(
        select(Group.id, Group.section_id, Group.number, Group.title, Group.order)
        .join(Section, Section.id == Group.section_id)
        .where(Section.plan_id == plan_id).order_by(Section.order, Group.order)
    ))
    return sections, groups


def report_items(session: Session, plan_id: int, unit_id: int | None = None) -> list[Any]:
    """The plan's items in order (only those unit_id implements when given), with their deadline."""
    conditions: list[Any] = [Item.plan_id == plan_id]
    if unit_id is not None:
        conditions.append(Item.id.in_(select(Assignment.item_id).where(
            Assignment.unit_id == unit_id, Assignment.role == "implementing")))
    return list(session.execute(
        select(Item.id, Item.section_id, Item.group_id, Item.number, Item.text, Item.kind, Item.note,
               Deadline.raw.label("deadline_raw"), Deadline.kind.label("deadline_kind"),
               Deadline.due.label("deadline_due"))
        .join(Section, Section.id == Item.section_id)
        .outerjoin(Deadline, Deadline.item_id == Item.id)
        .where(*conditions)
        .order_by(Section.order, Item.order, Item.id)
    ))


def item_targets(session: Session, plan_id: int) -> dict[int, list[Any]]:
    """Each item's targets in order."""
    rows: dict[int, list[Any]] = defaultdict(list)
    for t in session.execute(
        select(Target.item_id, Target.op, Target.value, Target.unit_kind, Target.unit, Target.subject, Target.raw)
        .join(Item, Item.id == Target.item_id).where(Item.plan_id == plan_id)
        .order_by(Target.item_id, Target.order)
    ):
        rows[t.item_id].append(t)
    return rows


def item_units(session: Session, plan_id: int) -> dict[int, list[Any]]:
    """Each item's assignments (role, unit id, unit name) in order."""
    rows: dict[int, list[Any]] = defaultdict(list)
    for a in session.execute(
        select(Assignment.item_id, Assignment.role, Unit.id.label("unit_id"), Unit.name)
        .join(Unit, Unit.id == Assignment.unit_id).join(Item, Item.id == Assignment.item_id)
        .where(Item.plan_id == plan_id).order_by(Assignment.item_id, Assignment.role, Assignment.order)
    ):
        rows[a.item_id].append(a)
    return rows


def plan_reports(session: Session, plan_id: int, unit_id: int | None = None) -> list[Any]:
    """Every progress report of the plan (only unit_id's when given) with its unit name."""
    conditions: list[Any] = [Item.plan_id == plan_id]
    if unit_id is not None:
        conditions.append(ProgressReport.unit_id == unit_id)
    return list(session.execute(
        select(ProgressReport.id, ProgressReport.item_id, ProgressReport.unit_id, ProgressReport.period_id,
               ProgressReport.value, ProgressReport.numerator, ProgressReport.denominator, ProgressReport.status,
               ProgressReport.narrative, ProgressReport.evidence, ProgressReport.reported_at,
               ProgressReport.reported_by, Unit.name.label("unit_name"))
        .join(Item, Item.id == ProgressReport.item_id)
        .outerjoin(Unit, Unit.id == ProgressReport.unit_id)
        .where(*conditions)
        .order_by(ProgressReport.item_id, ProgressReport.id)
    ))
