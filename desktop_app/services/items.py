"""Use case behind the items table: count and fetch pages of a plan's items, filtered and sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from db.engine import Database
from db.queries.items import (
    SORTS,
    WINDOWS,
    ItemQuery,
    count_items,
    item_page,
    unit_choices,
    units_and_targets,
)
from desktop_app.domain.appendix import ItemKind
from desktop_app.domain.assessment import LABELS
from desktop_app.domain.deadlines import Deadline, format_deadline
from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.domain.targets import Target, format_target
from desktop_app.domain.text import search_key

__all__ = ["ItemQuery", "ItemRow", "SORTS", "WINDOWS", "count", "page", "plan_units", "make_query"]

KIND_LABELS: dict[str, str] = {ItemKind.INDICATOR: "Chỉ tiêu", ItemKind.TASK: "Nhiệm vụ", ItemKind.DOCUMENT: "Văn bản"}


@dataclass(frozen=True)
class ItemRow:
    """One line of the items table, formatted for display (dates dd/MM/yyyy, decimal comma)."""

    id: int
    number: str
    kind: str
    kind_label: str
    text: str
    targets: str
    monitoring: str
    implementing: str
    deadline: str
    note: str
    latest: str
    assessment: str
    assessment_label: str
    last_update: str


def make_query(*, search: str = "", **fields: Any) -> ItemQuery:
    """An ItemQuery with the search text folded the way the database stores it."""
    return ItemQuery(search=search_key(search), **fields)


def _number(value: Decimal, percent: bool) -> str:
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
    return text.replace(".", ",") + ("%" if percent else "")


def _latest(row: Any, targets: list[Target]) -> str:
    if row.latest_value is not None:
        percent = any(t.unit_kind == "percent" for t in targets)
        return _number(Decimal(row.latest_value), percent)
    if row.latest_status:
        return STATUS_NAMES.get(row.latest_status, row.latest_status)
    return ""


def _date(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def count(db: Database, query: ItemQuery) -> int:
    """How many items match."""
    with db.reading() as session:
        return count_items(session, query)


def page(db: Database, query: ItemQuery, *, sort: str = "number", descending: bool = False, offset: int = 0,
         limit: int = 200) -> list[ItemRow]:
    """One page of matching items, formatted for the table."""
    with db.reading() as session:
        rows = item_page(session, query, sort=sort, descending=descending, offset=offset, limit=limit)
        units, targets = units_and_targets(session, [r.id for r in rows])
        result = []
        for r in rows:
            goal = [Target(t.op, t.value, t.unit_kind, t.unit, t.subject, t.raw) for t in targets[r.id]]
            names = units[r.id]
            result.append(ItemRow(
                id=r.id,
                number=r.number,
                kind=r.kind,
                kind_label=KIND_LABELS[r.kind],
                text=r.text,
                targets="; ".join((f"{t.subject}: " if t.subject else "") + format_target(t) for t in goal),
                monitoring="; ".join(n.name for n in names if n.role == "monitoring"),
                implementing="; ".join(n.name for n in names if n.role == "implementing"),
                deadline=format_deadline(Deadline(r.deadline_raw or "", r.deadline_kind or "other", r.deadline_due)),
                note=r.note,
                latest=_latest(r, goal),
                assessment=r.assessment,
                assessment_label=LABELS[r.assessment],
                last_update=_date(r.last_update),
            ))
        return result


def plan_units(db: Database, *, plan_id: int) -> list[tuple[int, str]]:
    """(id, name) of the units a plan uses, in Vietnamese order."""
    with db.reading() as session:
        return unit_choices(session, plan_id)
