"""The province view's SQL: item counts per plan, group and result, every item's text and result, and the
indicator matches made by hand — each in one query, however many communes there are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from db.exchange.models import IndicatorMatch
from db.models import Group, Item, Plan, Target
from db.queries.common import rows_changed


@dataclass(frozen=True)
class PlanHead:
    """A plan as the comparison names it."""

    plan_id: int
    commune: str
    year: int | None
    title: str


@dataclass(frozen=True)
class GroupCount:
    """How many items of a plan's group (None: items under no group) have one stored result."""

    plan_id: int
    group_id: int | None
    group_title: str
    result: str | None
    """items.result: "exceeded", "met", "unmet", or None when nothing was reported (db.summary)."""
    count: int


@dataclass(frozen=True)
class ItemResult:
    """One item's text, stored result and latest report (value, status), with its plan and group, and whether
    one of its targets is a percentage."""

    plan_id: int
    item_id: int
    group_title: str
    kind: str
    text: str
    result: str | None
    latest_value: Decimal | None = None
    latest_status: str | None = None
    percent: bool = False


def plan_heads(session: Session, *, year: int | None = None) -> list[PlanHead]:
    """Every plan (of the year, when given), with or without items."""
    stmt = select(Plan.id, Plan.commune, Plan.year, Plan.title).order_by(Plan.id)
    if year is not None:
        stmt = stmt.where(Plan.year == year)
    return [PlanHead(*row) for row in session.execute(stmt)]


def group_counts(session: Session, *, year: int | None = None) -> list[GroupCount]:
    """Item counts per plan, group and result, in one grouped query."""
    stmt = (
        select(Item.plan_id, Item.group_id, func.coalesce(Group.title, ""), Item.result, func.count(Item.id))
        .outerjoin(Group, Group.id == Item.group_id)
        .group_by(Item.plan_id, Item.group_id, Item.result)
    )
    if year is not None:
        stmt = stmt.join(Plan, Plan.id == Item.plan_id).where(Plan.year == year)
    return [GroupCount(*row) for row in session.execute(stmt)]


def item_results(session: Session, *, kinds: tuple[str, ...], year: int | None = None) -> list[ItemResult]:
    """Every item of these kinds with its text, result and latest report, plans in id order, items in plan
    order."""
    percent = exists().where(Target.item_id == Item.id, Target.unit_kind == "percent")
    stmt = (
        select(Item.plan_id, Item.id, func.coalesce(Group.title, ""), Item.kind, Item.text, Item.result,
               Item.latest_value, Item.latest_status, percent)
        .outerjoin(Group, Group.id == Item.group_id)
        .where(Item.kind.in_(kinds))
        .order_by(Item.plan_id, Item.number_key, Item.order)
    )
    if year is not None:
        stmt = stmt.join(Plan, Plan.id == Item.plan_id).where(Plan.year == year)
    return [ItemResult(*row[:8], bool(row[8])) for row in session.execute(stmt)]


def indicator_matches(session: Session) -> dict[str, str]:
    """The hand-made matches: an indicator key → the key it was matched to."""
    rows = session.execute(select(IndicatorMatch.text_key, IndicatorMatch.indicator_key))
    return {text_key: to_key for text_key, to_key in rows}  # dict(rows) would take Result.keys() for a mapping


def save_indicator_match(session: Session, *, text_key: str, to_key: str, at: datetime) -> None:
    """Remember (or replace) a hand-made match."""
    session.merge(IndicatorMatch(text_key=text_key, indicator_key=to_key, matched_at=at))


def delete_indicator_match(session: Session, *, text_key: str) -> bool:
    """Forget a hand-made match; False when there was none."""
    return bool(rows_changed(session.execute(delete(IndicatorMatch).where(IndicatorMatch.text_key == text_key))))
