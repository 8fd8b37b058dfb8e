"""Use case behind the dashboard: counts and percentages by assessment for a plan, its groups and units; deadline lists."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from db.engine import Database
from db.queries.dashboard import (
    count_window,
    counts_by_place,
    counts_by_unit,
    deadline_list,
    places,
    unit_names,
)
from db.queries.items import ItemQuery
from desktop_app.domain.assessment import ASSESSMENTS, LABELS, NOT_ACHIEVED, OVERDUE

__all__ = ["AssessmentTotal", "Dashboard", "DeadlineItem", "GroupRow", "UnitRow", "dashboard", "percent"]

LIST_LIMIT = 200
"""The deadline lists show at most this many items; their totals are exact and a click shows them all."""


def percent(part: int, whole: int) -> Decimal:
    """part / whole as a percentage rounded half-up to one decimal (0.0 when whole is 0)."""
    if whole <= 0:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _zero() -> dict[str, int]:
    return dict.fromkeys(ASSESSMENTS, 0)


@dataclass(frozen=True)
class AssessmentTotal:
    """How many of the plan's items have one assessment."""

    assessment: str
    label: str
    count: int
    percent: Decimal


@dataclass(frozen=True)
class GroupRow:
    """Counts per assessment of one group, or of the items right under a section (group_id None)."""

    group_id: int | None
    section_id: int
    number: str
    title: str
    counts: dict[str, int] = field(default_factory=_zero)
    total: int = 0

    @property
    def key(self) -> object:
        """What identifies the row in the chart: the group id, or ("section", id) for a section's own items."""
        return self.group_id if self.group_id is not None else ("section", self.section_id)

    @property
    def filter(self) -> dict[str, int]:
        """The services.items.make_query fields that select this row's items."""
        if self.group_id is not None:
            return {"group_id": self.group_id}
        return {"section_id": self.section_id}


@dataclass(frozen=True)
class UnitRow:
    """Counts per assessment of the items one unit implements."""

    unit_id: int
    name: str
    counts: dict[str, int] = field(default_factory=_zero)
    total: int = 0

    @property
    def filter(self) -> dict[str, object]:
        """The services.items.make_query fields that select this unit's items.

        ItemQuery.unit_id matches a unit in either role; when ItemQuery learns a unit_role field the click
        narrows to the implementing role counted here.
        """
        fields: dict[str, object] = {"unit_id": self.unit_id}
        if "unit_role" in ItemQuery.__dataclass_fields__:
            fields["unit_role"] = "implementing"
        return fields


@dataclass(frozen=True)
class DeadlineItem:
    """An unfinished item in a deadline list."""

    id: int
    number: str
    text: str
    due: date
    monitoring: str
    assessment: str


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for one plan on one day."""

    plan_id: int
    today: date
    total: int
    totals: list[AssessmentTotal]
    groups: list[GroupRow]
    units: list[UnitRow]
    overdue: list[DeadlineItem]
    overdue_total: int
    due_soon: list[DeadlineItem]
    due_soon_total: int

    def count(self, assessment: str) -> int:
        """The plan's number of items with this assessment."""
        return next(t.count for t in self.totals if t.assessment == assessment)


def _groups(place_rows: list, counted: dict[tuple[int, int | None], dict[str, int]]) -> list[GroupRow]:
    rows: list[GroupRow] = []
    seen: set[int] = set()
    for p in place_rows:
        # A section's own items (no group) come first, as they do in the plan's numbering.
        if p.section_id not in seen and (p.section_id, None) in counted:
            counts = counted[(p.section_id, None)]
            rows.append(GroupRow(None, p.section_id, p.numeral, p.section_title, counts, sum(counts.values())))
        seen.add(p.section_id)
        if p.group_id is not None:
            counts = counted.get((p.section_id, p.group_id), _zero())
            rows.append(GroupRow(p.group_id, p.section_id, p.number, p.group_title, counts, sum(counts.values())))
    return rows


def _deadline_items(rows: list) -> list[DeadlineItem]:
    return [DeadlineItem(r.id, r.number, r.text, r.due, monitoring, r.assessment) for r, monitoring in rows]


BIG_PLAN = 5000
"""From this many items on, the deadline lists walk the due-date index instead of the plan's items."""


def dashboard(db: Database, *, plan_id: int, today: date, list_limit: int = LIST_LIMIT) -> Dashboard:
    """Counts by assessment for the plan, each group and each implementing unit, and the overdue / due-soon lists."""
    with db.reading() as session:
        counted: dict[tuple[int, int | None], dict[str, int]] = defaultdict(_zero)
        for section_id, group_id, assessment, n in counts_by_place(session, plan_id, today):
            counted[(section_id, group_id)][assessment] += n
        place_rows = places(session, plan_id)
        by_unit: dict[int, dict[str, int]] = defaultdict(_zero)
        for unit_id, assessment, n in counts_by_unit(session, plan_id, today):
            by_unit[unit_id][assessment] += n
        names = unit_names(session, list(by_unit))
        plan_counts = _zero()
        for counts in counted.values():
            for assessment, n in counts.items():
                plan_counts[assessment] += n
        total = sum(plan_counts.values())
        big = total >= BIG_PLAN
        overdue = _deadline_items(deadline_list(session, plan_id, today, "overdue", list_limit, by_due_date=big))
        due_soon = _deadline_items(deadline_list(session, plan_id, today, "due30", list_limit, by_due_date=big))
        # Past-due unfinished items are exactly those assessed overdue or not achieved: no second count needed.
        overdue_total = plan_counts[OVERDUE] + plan_counts[NOT_ACHIEVED]
        due_soon_total = len(due_soon) if len(due_soon) < list_limit else count_window(session, plan_id, today, "due30")
    return Dashboard(
        plan_id=plan_id,
        today=today,
        total=total,
        totals=[AssessmentTotal(a, LABELS[a], plan_counts[a], percent(plan_counts[a], total)) for a in ASSESSMENTS],
        groups=_groups(place_rows, counted),
        units=[UnitRow(uid, name, by_unit[uid], sum(by_unit[uid].values())) for uid, name in names],
        overdue=overdue,
        overdue_total=overdue_total,
        due_soon=due_soon,
        due_soon_total=due_soon_total,
    )
