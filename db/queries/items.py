"""The items table's query: filters, sort orders and pages computed in SQL (fast at 100,000 items)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.models import Assignment, Deadline, Item, Target, Unit
from desktop_app.domain.assessment import (
    ACHIEVED,
    EXCEEDED,
    IN_PROGRESS,
    MET,
    NO_DATA,
    NOT_ACHIEVED,
    OVERDUE,
    SURPASSED,
    UNMET,
)
from desktop_app.domain.deadlines import DATED_KINDS

WINDOWS = ("overdue", "due7", "due30", "quarter")
SORTS = ("number", "deadline", "unit")


@dataclass(frozen=True)
class ItemQuery:
    """What the officer asked to see: one plan (or a section or group of it) narrowed by the filter bar."""

    plan_id: int
    today: date
    section_id: int | None = None
    group_id: int | None = None
    ungrouped: bool = False
    """With section_id: only the items directly under the section, not those in its groups."""
    search: str = ""
    """Already folded with domain.text.search_key (accent-insensitive, lower case)."""
    unit_id: int | None = None
    unit_role: str | None = None
    """With unit_id: only items where the unit has this role ("monitoring" / "implementing")."""
    assessment: str | None = None
    window: str | None = None
    kind: str | None = None
    item_ids: tuple[int, ...] | None = field(default=None)
    """Only these items (a dashboard click); None for no such limit."""


def assessment_expr(today: date) -> Any:
    """The assessment of each item as SQL, the same rule as domain.assessment.assess."""
    late = and_(Deadline.kind.in_(DATED_KINDS), Deadline.due < today)
    return case(
        (Item.result == EXCEEDED, literal(SURPASSED)),
        (Item.result == MET, literal(ACHIEVED)),
        (late, case((Item.result == UNMET, literal(NOT_ACHIEVED)), else_=literal(OVERDUE))),
        (Item.result == UNMET, literal(IN_PROGRESS)),
        else_=literal(NO_DATA),
    )


def _quarter(today: date) -> tuple[date, date]:
    first_month = (today.month - 1) // 3 * 3 + 1
    start = date(today.year, first_month, 1)
    end_month = first_month + 3
    end = date(today.year + end_month // 13, (end_month - 1) % 12 + 1, 1) - timedelta(days=1)
    return start, end


def _filtered(query: ItemQuery, columns: list[Any]) -> Select[Any]:
    stmt = select(*columns).select_from(Item).outerjoin(Deadline, Deadline.item_id == Item.id)
    conditions: list[Any] = [Item.plan_id == query.plan_id]
    if query.group_id is not None:
        conditions.append(Item.group_id == query.group_id)
    elif query.section_id is not None:
        conditions.append(Item.section_id == query.section_id)
        if query.ungrouped:
            conditions.append(Item.group_id.is_(None))
    for word in query.search.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(Item.search_text.like(f"%{escaped}%", escape="\\"))
    if query.unit_id is not None:
        assigned = select(Assignment.item_id).where(Assignment.unit_id == query.unit_id)
        if query.unit_role:
            assigned = assigned.where(Assignment.role == query.unit_role)
        conditions.append(Item.id.in_(assigned))
    if query.kind:
        conditions.append(Item.kind == query.kind)
    if query.item_ids is not None:
        conditions.append(Item.id.in_(query.item_ids))
    assessment = assessment_expr(query.today)
    if query.assessment:
        conditions.append(assessment == query.assessment)
    if query.window:
        unfinished = Item.result.is_(None) | (Item.result == UNMET)
        if query.window == "overdue":
            conditions += [Deadline.kind.in_(DATED_KINDS), Deadline.due < query.today, unfinished]
        elif query.window in ("due7", "due30"):
            days = 7 if query.window == "due7" else 30
            conditions += [Deadline.kind.in_(DATED_KINDS), Deadline.due >= query.today,
                           Deadline.due <= query.today + timedelta(days=days), unfinished]
        elif query.window == "quarter":
            start, end = _quarter(query.today)
            conditions += [Deadline.kind.in_(DATED_KINDS), Deadline.due >= start, Deadline.due <= end]
    return stmt.where(*conditions)


def count_items(session: Session, query: ItemQuery) -> int:
    """How many items the query matches."""
    return int(session.scalar(_filtered(query, [func.count(Item.id)])) or 0)


def item_page(
    session: Session, query: ItemQuery, *, sort: str = "number", descending: bool = False, offset: int = 0,
    limit: int = 200,
) -> list[Any]:
    """One page of matching items with their deadline and assessment, in the asked order."""
    assessment = assessment_expr(query.today).label("assessment")
    columns = [Item.id, Item.number, Item.kind, Item.text, Item.note, Item.latest_value, Item.latest_status,
               Item.latest_period, Item.last_update, Item.result, Deadline.raw.label("deadline_raw"),
               Deadline.kind.label("deadline_kind"), Deadline.due.label("deadline_due"), assessment]
    keys: list[InstrumentedAttribute[Any]]
    if sort == "deadline":
        keys = [Item.due_sort, Item.number_key]  # dated items by date, then ongoing and text deadlines
    elif sort == "unit":
        keys = [Item.unit_sort, Item.number_key]
    else:
        keys = [Item.number_key, Item.order]
    order = [k.desc() if descending and i == 0 else k for i, k in enumerate(keys)]
    stmt = _filtered(query, columns).order_by(*order, Item.id).offset(offset).limit(limit)
    return list(session.execute(stmt))


def units_and_targets(session: Session, item_ids: list[int]) -> tuple[dict[int, list[Any]], dict[int, list[Target]]]:
    """The unit assignments (role, name) and targets of a page of items."""
    units: dict[int, list[Any]] = {i: [] for i in item_ids}
    stmt = (select(Assignment.item_id, Assignment.role, Unit.name).join(Unit, Unit.id == Assignment.unit_id)
            .where(Assignment.item_id.in_(item_ids)).order_by(Assignment.item_id, Assignment.role, Assignment.order))
    for row in session.execute(stmt):
        units[row.item_id].append(row)
    targets: dict[int, list[Target]] = {i: [] for i in item_ids}
    for target in session.scalars(select(Target).where(Target.item_id.in_(item_ids)).order_by(Target.item_id, Target.order)):
        targets[target.item_id].append(target)
    return units, targets


def unit_choices(session: Session, plan_id: int) -> list[tuple[int, str]]:
    """The units used by a plan's items, in Vietnamese order, for the unit filter."""
    stmt = (select(Unit.id, Unit.name).where(Unit.id.in_(
        select(Assignment.unit_id).join(Item, Item.id == Assignment.item_id).where(Item.plan_id == plan_id)))
        .order_by(Unit.sort_name))
    return [(uid, name) for uid, name in session.execute(stmt)]


