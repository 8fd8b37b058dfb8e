"""Use cases behind the main window: the plan tree and the rows of the items table."""

from __future__ import annotations

from dataclasses import dataclass

from db.engine import Database
from db.models import Item
from db.queries import all_plans, plan_count, plan_with_items
from desktop_app.domain.deadlines import Deadline as DeadlineValue
from desktop_app.domain.deadlines import format_deadline
from desktop_app.domain.targets import Target as TargetValue
from desktop_app.domain.targets import format_target

KIND_LABELS = {"indicator": "Chỉ tiêu", "task": "Nhiệm vụ", "document": "Văn bản"}


@dataclass(frozen=True)
class GroupNode:
    id: int
    number: str
    title: str
    items: int


@dataclass(frozen=True)
class SectionNode:
    id: int
    numeral: str
    title: str
    items: int
    groups: list[GroupNode]


@dataclass(frozen=True)
class PlanNode:
    id: int
    commune: str
    plan_number: str
    year: int | None
    items: int
    sections: list[SectionNode]


@dataclass(frozen=True)
class ItemRow:
    """One line of the items table, already formatted for display."""

    id: int
    section_id: int
    group_id: int | None
    number: str
    kind: str
    kind_label: str
    text: str
    targets: str
    monitoring: str
    implementing: str
    deadline: str
    note: str


def is_empty(db: Database) -> bool:
    """True when the database holds no plan yet (first start)."""
    with db.reading() as session:
        return plan_count(session) == 0


def plan_tree(db: Database) -> list[PlanNode]:
    """Plans → sections → groups, with item counts, for the tree on the left."""
    with db.reading() as session:
        nodes: list[PlanNode] = []
        for plan in all_plans(session):
            sections = []
            for s in plan.sections:
                groups = [GroupNode(g.id, g.number, g.title, len(g.items)) for g in s.groups]
                sections.append(SectionNode(s.id, s.numeral, s.title, len(s.items), groups))
            nodes.append(PlanNode(plan.id, plan.commune, plan.plan_number, plan.year, len(plan.items), sections))
        return nodes


def _row(item: Item) -> ItemRow:
    targets = "; ".join(
        (f"{t.subject}: " if t.subject else "")
        + format_target(TargetValue(t.op, t.value, t.unit_kind, t.unit, t.subject, t.raw))
        for t in item.targets
    )
    deadline = item.deadline
    return ItemRow(
        id=item.id,
        section_id=item.section_id,
        group_id=item.group_id,
        number=item.number,
        kind=item.kind,
        kind_label=KIND_LABELS[item.kind],
        text=item.text,
        targets=targets,
        monitoring="; ".join(a.unit.name for a in item.assignments if a.role == "monitoring"),
        implementing="; ".join(a.unit.name for a in item.assignments if a.role == "implementing"),
        deadline=format_deadline(DeadlineValue(deadline.raw, deadline.kind, deadline.due)) if deadline else "",
        note=item.note,
    )


def item_rows(
    db: Database, *, plan_id: int, section_id: int | None = None, group_id: int | None = None
) -> list[ItemRow]:
    """The items of a plan (or of one of its sections or groups), in document order."""
    with db.reading() as session:
        plan = plan_with_items(session, plan_id)
        if plan is None:
            return []
        items = plan.items
        if group_id is not None:
            items = [i for i in items if i.group_id == group_id]
        elif section_id is not None:
            items = [i for i in items if i.section_id == section_id]
        return [_row(i) for i in items]
