"""Queries and small write helpers shared by the services."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from db.models import Assignment, Deadline, Item, Period, Plan, ProgressReport, Unit, UnitAlias
from desktop_app.domain.text import canonical_spelling, clean, unit_key


def plan_by_sha256(session: Session, sha256: str) -> Plan | None:
    """The first plan imported from a file with this SHA-256, if any."""
    return session.scalars(select(Plan).where(Plan.source_sha256 == sha256).order_by(Plan.id)).first()


def plan_count(session: Session) -> int:
    """How many plans the database holds."""
    return int(session.scalar(select(func.count()).select_from(Plan)) or 0)


def all_plans(session: Session) -> list[Plan]:
    """Every plan, newest year first."""
    return list(session.scalars(select(Plan).order_by(Plan.year.desc(), Plan.commune, Plan.id)))


def plan_with_items(session: Session, plan_id: int) -> Plan | None:
    """A plan with its sections, groups, items, targets, deadlines and units loaded in few queries."""
    stmt = (
        select(Plan)
        .where(Plan.id == plan_id)
        .options(
            selectinload(Plan.sections),
            selectinload(Plan.warnings),
            selectinload(Plan.items).options(
                selectinload(Item.targets),
                selectinload(Item.deadline),
                selectinload(Item.group),
                selectinload(Item.section),
                selectinload(Item.assignments).selectinload(Assignment.unit),
            ),
        )
    )
    return session.scalars(stmt).first()


def unit_by_name(session: Session, name: str) -> Unit | None:
    """The unit whose identity key matches name (any spelling variant)."""
    return session.scalars(select(Unit).where(Unit.key == unit_key(name))).first()


def get_or_create_unit(session: Session, spelling: str) -> Unit:
    """The unit for this spelling, created when new; the spelling is counted and the shown name updated."""
    spelling = clean(spelling)
    key = unit_key(spelling)
    unit = session.scalars(select(Unit).where(Unit.key == key)).first()
    if unit is None:
        unit = Unit(name=spelling, key=key)
        session.add(unit)
    alias = next((a for a in unit.aliases if a.spelling == spelling), None)
    if alias is None:
        alias = UnitAlias(spelling=spelling, seen=0)
        unit.aliases.append(alias)
    alias.seen += 1
    name = canonical_spelling(a.spelling for a in unit.aliases for _ in range(a.seen))
    if unit.name != name:
        unit.name = name
    return unit


def units_with_usage(session: Session) -> list[tuple[Unit, int]]:
    """Every unit with the number of distinct items assigned to it."""
    usage = (
        select(Assignment.unit_id, func.count(func.distinct(Assignment.item_id)).label("n"))
        .group_by(Assignment.unit_id)
        .subquery()
    )
    stmt = (
        select(Unit, func.coalesce(usage.c.n, 0))
        .outerjoin(usage, usage.c.unit_id == Unit.id)
        .options(selectinload(Unit.aliases))
        .order_by(Unit.name)
    )
    return [(unit, int(n)) for unit, n in session.execute(stmt)]


def periods_of(session: Session, plan_id: int) -> list[Period]:
    """The plan's reporting periods in time order."""
    return list(session.scalars(select(Period).where(Period.plan_id == plan_id).order_by(Period.start, Period.id)))


def find_report(session: Session, item_id: int, unit_id: int | None, period_id: int) -> ProgressReport | None:
    """The progress report of one item, unit and period, if recorded."""
    stmt = select(ProgressReport).where(
        ProgressReport.item_id == item_id,
        ProgressReport.period_id == period_id,
        ProgressReport.unit_id.is_(None) if unit_id is None else ProgressReport.unit_id == unit_id,
    )
    return session.scalars(stmt).first()


def reports_of_plan(session: Session, plan_id: int) -> list[ProgressReport]:
    """Every progress report of a plan, by period then item order."""
    stmt = (
        select(ProgressReport)
        .join(Item, Item.id == ProgressReport.item_id)
        .join(Period, Period.id == ProgressReport.period_id)
        .where(Item.plan_id == plan_id)
        .options(selectinload(ProgressReport.unit), selectinload(ProgressReport.period), selectinload(ProgressReport.item))
        .order_by(Period.start, Item.order)
    )
    return list(session.scalars(stmt))


def count_rows(session: Session) -> dict[str, int]:
    """Row counts of the main tables (used to prove a refused import changed nothing)."""
    return {
        model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for model in (Plan, Item, Unit, Deadline, Assignment, ProgressReport)
    }
