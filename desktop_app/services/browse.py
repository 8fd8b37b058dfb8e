"""Use cases behind the main window's tree: plans → sections → groups with item counts."""

from __future__ import annotations

from dataclasses import dataclass

from db.engine import Database
from db.queries.common import plan_count, tree_rows


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


def is_empty(db: Database) -> bool:
    """True when the database holds no plan yet (first start)."""
    with db.reading() as session:
        return plan_count(session) == 0


def plan_tree(db: Database) -> list[PlanNode]:
    """Plans → sections → groups, with item counts, for the tree on the left (no item is loaded)."""
    with db.reading() as session:
        plans, sections, groups, counts = tree_rows(session)
        groups_of: dict[int, list[GroupNode]] = {}
        for g in groups:
            node = GroupNode(g.id, g.number, g.title, counts.get(("group", g.id), 0))
            groups_of.setdefault(g.section_id, []).append(node)
        sections_of: dict[int, list[SectionNode]] = {}
        for s in sections:
            section = SectionNode(s.id, s.numeral, s.title, counts.get(("section", s.id), 0), groups_of.get(s.id, []))
            sections_of.setdefault(s.plan_id, []).append(section)
        return [
            PlanNode(p.id, p.commune, p.plan_number, p.year, counts.get(("plan", p.id), 0), sections_of.get(p.id, []))
            for p in plans
        ]
