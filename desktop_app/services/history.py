"""Use case: an item's reports over time (period, unit, value or status, who, when) and its targets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from db.engine import Database
from db.models import Item
from db.queries.common import reports_of_item
from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.domain.targets import Target
from desktop_app.errors import NotFound


@dataclass(frozen=True)
class HistoryRow:
    """One report of the item."""

    report_id: int
    period: str
    period_end: date
    unit: str
    value: Decimal | None
    status: str
    narrative: str
    reported_by: str
    reported_at: datetime
    evidence_files: int


@dataclass(frozen=True)
class ItemHistory:
    """The reports in time order and the targets to draw them against."""

    number: str
    text: str
    targets: list[Target]
    rows: list[HistoryRow]


def item_history(db: Database, *, item_id: int) -> ItemHistory:
    """Every report of an item, oldest period first."""
    with db.reading() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise NotFound("item.not_found", item_id=item_id)
        rows = [
            HistoryRow(
                report_id=r.id, period=r.period.label, period_end=r.period.end, unit=r.unit.name if r.unit else "",
                value=r.value, status=STATUS_NAMES.get(r.status, "") if r.status else "", narrative=r.narrative,
                reported_by=r.reported_by, reported_at=r.reported_at, evidence_files=len(r.evidence_files),
            )
            for r in reports_of_item(session, item_id)
        ]
        targets = [Target(t.op, t.value, t.unit_kind, t.unit, t.subject, t.raw) for t in item.targets]
        return ItemHistory(item.number, item.text, targets, rows)
