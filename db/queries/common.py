"""Queries and small write helpers shared by the services."""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnDefault, ColumnElement, CursorResult, DateTime, func, select, update
from sqlalchemy.orm import Session, selectinload

from db.models import (
    Assignment,
    Base,
    Deadline,
    Group,
    Item,
    Period,
    Plan,
    ProgressReport,
    Section,
    Unit,
    UnitAlias,
    utcnow,
)
from desktop_app.domain.text import canonical_spelling, clean, collation_key, unit_key

HeadingT = TypeVar("HeadingT", Section, Group)


def rows_changed(result: object) -> int:
    """How many rows an UPDATE or DELETE matched. Session.execute() types every result as a plain Result; a DML
    statement's is a CursorResult, the one with rowcount."""
    return cast("CursorResult[Any]", result).rowcount


def plan_by_sha256(session: Session, sha256: str) -> Plan | None:
    """The first plan imported from a file with this SHA-256, if any."""
    return session.scalars(select(Plan).where(Plan.source_sha256 == sha256).order_by(Plan.id)).first()


def plan_count(session: Session) -> int:
    """How many plans the database holds."""
    return int(session.scalar(select(func.count()).select_from(Plan)) or 0)


def all_plans(session: Session) -> list[Plan]:
    """Every plan, newest year first."""
    return list(session.scalars(select(Plan).order_by(Plan.year.desc(), Plan.commune, Plan.id)))


def tree_rows(session: Session) -> tuple[list[Plan], list[Section], list[Group], dict[tuple[str, int], int]]:
    """Plans, sections and groups (no items) and item counts per plan / section / group, in four queries."""
    plans = all_plans(session)
    sections = list(session.scalars(select(Section).order_by(Section.plan_id, Section.order)))
    groups = list(session.scalars(select(Group).order_by(Group.section_id, Group.order)))
    counts: dict[tuple[str, int], int] = {}
    for level, column in (("plan", Item.plan_id), ("section", Item.section_id), ("group", Item.group_id)):
        for key, n in session.execute(select(column, func.count()).group_by(column)):
            if key is not None:
                counts[(level, key)] = n
    return plans, sections, groups, counts


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


def known_spellings(session: Session, keys: list[str]) -> dict[str, set[str]]:
    """The spellings already recorded for each of these unit keys."""
    stmt = select(Unit.key, UnitAlias.spelling).join(UnitAlias, UnitAlias.unit_id == Unit.id).where(Unit.key.in_(keys))
    known: dict[str, set[str]] = {}
    for key, spelling in session.execute(stmt):
        known.setdefault(key, set()).add(spelling)
    return known


def resolve_units(session: Session, spellings: list[str]) -> dict[str, Unit]:
    """Units for every spelling met (one per identity key), created when new, in two queries.

    A key is found on a unit's own key or on any of its aliases (a renamed or merged unit keeps its old
    spellings). Each occurrence is counted on its spelling, and a unit the officer has not named itself
    is shown by its most common spelling.
    """
    met: dict[str, Counter[str]] = {}
    for written, n in Counter(spellings).items():  # a file names the same few units on every row
        spelling = clean(written)
        met.setdefault(unit_key(spelling), Counter())[spelling] += n
    if not met:
        return {}
    keys = list(met)
    by_alias = select(UnitAlias.unit_id).where(UnitAlias.key.in_(keys))
    stmt = select(Unit).where(Unit.key.in_(keys) | Unit.id.in_(by_alias)).options(selectinload(Unit.aliases))
    units: dict[str, Unit] = {}
    for found in session.scalars(stmt):
        for alias in found.aliases:
            units.setdefault(alias.key, found)
        units[found.key] = found
    for key, counts in met.items():
        unit = units.get(key)
        if unit is None:
            first = next(iter(counts))
            unit = units[key] = Unit(name=first, key=key, sort_name=collation_key(first))
            session.add(unit)
        aliases = {alias.spelling: alias for alias in unit.aliases}
        for spelling, n in counts.items():
            if spelling not in aliases:
                aliases[spelling] = UnitAlias(spelling=spelling, key=key, seen=0)
                unit.aliases.append(aliases[spelling])
            aliases[spelling].seen += n
        if not unit.named_by_user:
            name = canonical_spelling(a.spelling for a in unit.aliases for _ in range(a.seen))
            if unit.name != name:
                unit.name, unit.sort_name = name, collation_key(name)
    return {key: units[key] for key in met}


def insert_rows(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert many rows of one table with plain executemany (defaults applied); returns their ids in order.

    Ids are given from max(id) + 1: call this only after the transaction has written something, so that
    SQLite's write lock is held and no other connection can take those ids meanwhile. The values go through the
    columns' own bind conversions and Python defaults, then straight to the driver: SQLAlchemy's per-row
    parameter handling cost more than SQLite's inserts (100,000 rows: 6 s of 10).
    """
    if not rows:
        return []
    table = model.__table__
    first = int(session.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    dialect = session.get_bind().dialect
    given = list(rows[0])
    now = utcnow()  # one moment for the whole batch: the rows are written in one transaction
    plain: list[str] = []  # given values the driver takes as they are
    converted: list[tuple[str, Any]] = []  # given values with a bind conversion (DecimalText)
    same: list[tuple[str, Any]] = []  # defaults with one value for every row
    made: list[tuple[str, Any, Any]] = []  # defaults made per row (UUIDs, revisions)
    for c in table.columns:
        convert = c.type.bind_processor(dialect)
        if c.name == "id":
            continue
        if c.name in given:
            (converted.append((c.name, convert)) if convert is not None else plain.append(c.name))
        elif not isinstance(c.default, ColumnDefault) or not (c.default.is_scalar or c.default.is_callable):
            continue  # left to the database (server defaults, NULL)
        elif c.default.is_scalar:
            arg = c.default.arg
            same.append((c.name, convert(arg) if convert is not None and arg is not None else arg))
        elif isinstance(c.type, DateTime):
            # as the driver's own adapter writes a datetime (SQLAlchemy's SQLite DateTime has no processor)
            same.append((c.name, convert(now) if convert is not None else now.isoformat(" ")))
        else:
            made.append((c.name, c.default.arg, convert))
    take = itemgetter(*plain) if len(plain) > 1 else (lambda row: (row[plain[0]],)) if plain else (lambda row: ())
    fixed = tuple(value for _, value in same)
    values = [
        (id_, *take(row),
         *[convert(row[name]) if row[name] is not None else None for name, convert in converted],
         *fixed,
         *[convert(make(None)) if convert is not None else make(None) for _, make, convert in made])
        for id_, row in zip(ids, rows, strict=True)
    ]
    columns = ["id", *plain, *(n for n, _ in converted), *(n for n, _ in same), *(n for n, _, _ in made)]
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" for _ in columns)
    session.connection().exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', values)
    return ids


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


def reports_of_item(session: Session, item_id: int) -> list[ProgressReport]:
    """Every report of one item, by period end then time of reporting."""
    stmt = (
        select(ProgressReport)
        .join(Period, Period.id == ProgressReport.period_id)
        .where(ProgressReport.item_id == item_id)
        .options(selectinload(ProgressReport.unit), selectinload(ProgressReport.period),
                 selectinload(ProgressReport.evidence_files))
        .order_by(Period.end, ProgressReport.reported_at)
    )
    return list(session.scalars(stmt))


def neighbour_item(session: Session, item: Item, step: int) -> Item | None:
    """The item just before (step -1) or after (+1) this one in the same group, or section when ungrouped."""
    same = (Item.group_id == item.group_id) if item.group_id is not None else (
        (Item.section_id == item.section_id) & Item.group_id.is_(None))
    if step < 0:
        stmt = select(Item).where(same, Item.order < item.order).order_by(Item.order.desc())
    else:
        stmt = select(Item).where(same, Item.order > item.order).order_by(Item.order)
    return session.scalars(stmt.limit(1)).first()


def sibling_items(session: Session, item: Item) -> list[Item]:
    """The items of the same group (or of the same section when ungrouped), in order."""
    same = (Item.group_id == item.group_id) if item.group_id is not None else (
        (Item.section_id == item.section_id) & Item.group_id.is_(None))
    return list(session.scalars(select(Item).where(same).order_by(Item.order, Item.id)))


def neighbour_sibling(session: Session, row: Section | Group, step: int) -> Section | Group | None:
    """The section (of the same plan) or group (of the same section) just before or after this one."""
    if isinstance(row, Section):
        return _neighbour(session, Section, Section.plan_id == row.plan_id, row.order, step)
    return _neighbour(session, Group, Group.section_id == row.section_id, row.order, step)


def _neighbour(session: Session, model: type[HeadingT], parent: ColumnElement[bool], order: int,
               step: int) -> HeadingT | None:
    if step < 0:
        stmt = select(model).where(parent, model.order < order).order_by(model.order.desc())
    else:
        stmt = select(model).where(parent, model.order > order).order_by(model.order)
    return session.scalars(stmt.limit(1)).first()


def shift_items_after(session: Session, plan_id: int, order: int) -> None:
    """Make room after position order in a plan (items after it move one place on)."""
    session.execute(update(Item).where(Item.plan_id == plan_id, Item.order > order).values(order=Item.order + 1))


def count_rows(session: Session) -> dict[str, int]:
    """Row counts of the main tables (used to prove a refused import changed nothing)."""
    return {
        model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for model in (Plan, Item, Unit, Deadline, Assignment, ProgressReport)
    }
