"""Use cases that change a plan's structure: plan header, section and group titles and order, and adding,
deleting and moving items. Each returns what its undo needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from db.engine import Database
from db.models import Deadline, Group, Item, Plan, Section
from db.queries.common import (
    neighbour_item,
    neighbour_sibling,
    shift_items_after,
    sibling_items,
)
from db.snapshots import delete_item_rows, restore_item, snapshot_item
from db.summary import item_fields, refresh_items
from desktop_app.domain.text import clean
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services.permissions import require_admin


@dataclass(frozen=True)
class PlanHeader:
    """The plan's header fields as the officer edits them."""

    commune: str
    plan_number: str
    plan_date: date | None
    year: int | None


def plan_header(db: Database, *, plan_id: int) -> PlanHeader:
    """The plan's commune, number, date and year."""
    with db.reading() as session:
        plan = _get(session, Plan, plan_id)
        return PlanHeader(plan.commune, plan.plan_number, plan.plan_date, plan.year)


def update_plan(db: Database, *, plan_id: int, header: PlanHeader) -> PlanHeader:
    """Save the plan's header; returns the old one (for undo)."""
    require_admin(db, "action.edit_plan")
    if header.year is not None and not 2000 <= header.year <= 2100:
        raise InvalidValue("plan.year_range")
    if header.plan_date is not None and header.year is not None and abs(header.plan_date.year - header.year) > 1:
        raise InvalidValue("plan.date_not_in_year")
    with db.transaction() as session:
        plan = _get(session, Plan, plan_id)
        before = PlanHeader(plan.commune, plan.plan_number, plan.plan_date, plan.year)
        plan.commune, plan.plan_number = clean(header.commune), clean(header.plan_number)
        plan.plan_date, plan.year = header.plan_date, header.year
        return before


_NOT_FOUND = {Plan: "structure.no_plan", Section: "structure.no_section", Group: "structure.no_group",
              Item: "structure.no_item"}


def _get(session: Any, model: Any, row_id: int) -> Any:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(_NOT_FOUND[model], row_id=row_id)
    return row


def rename_heading(db: Database, *, kind: str, heading_id: int, title: str) -> str:
    """Rename a section or group ("section" / "group"); returns the old title."""
    require_admin(db, "action.rename_section")
    if not clean(title):
        raise InvalidValue("structure.heading_empty")
    with db.transaction() as session:
        row = _get(session, Section if kind == "section" else Group, heading_id)
        before, row.title = row.title, clean(title)
        return before


def move_heading(db: Database, *, kind: str, heading_id: int, step: int) -> bool:
    """Move a section or group one place up (step -1) or down (+1) among its siblings; False at the end."""
    require_admin(db, "action.reorder_sections")
    with db.transaction() as session:
        model = Section if kind == "section" else Group
        row = _get(session, model, heading_id)
        other = neighbour_sibling(session, row, step)
        if other is None:
            return False
        row.order, other.order = other.order, row.order
        return True


def _move(session: Any, item: Item, step: int) -> bool:
    """Swap an item with its neighbour (and their numbers, when both are numbered)."""
    other = neighbour_item(session, item, step)
    if other is None:
        return False
    item.order, other.order = other.order, item.order
    if item.number and other.number:  # (neighbours share a section, so their keys compare)
        item.number, other.number = other.number, item.number
        item.number_raw, other.number_raw = other.number_raw, item.number_raw
    session.flush()
    refresh_items(session, [item.id, other.id])
    return True


def move_item(db: Database, *, item_id: int, step: int) -> bool:
    """Move an item one place up or down within its group (or section); False at the end.

    The two items swap places and, when both are numbered, their numbers too: Stt follows the position,
    as in a numbered list."""
    require_admin(db, "action.reorder_items")
    with db.transaction() as session:
        return _move(session, _get(session, Item, item_id), step)


def move_item_to(db: Database, *, item_id: int, target_item_id: int) -> int:
    """Move an item to where another item of the same group stands (a drag in the table), in one
    transaction; returns the places moved, negative for up (0 when they are not in the same group)."""
    require_admin(db, "action.reorder_items")
    with db.transaction() as session:
        item = _get(session, Item, item_id)
        target = _get(session, Item, target_item_id)
        if (item.section_id, item.group_id) != (target.section_id, target.group_id) or item.id == target.id:
            return 0
        siblings = [row.id for row in sibling_items(session, item)]
        steps = siblings.index(target.id) - siblings.index(item.id)
        for _ in range(abs(steps)):
            _move(session, item, 1 if steps > 0 else -1)
        return steps


def move_item_by(db: Database, *, item_id: int, steps: int) -> None:
    """Move an item several places up (negative) or down within its group, in one transaction (undo of a drag)."""
    require_admin(db, "action.reorder_items")
    with db.transaction() as session:
        item = _get(session, Item, item_id)
        for _ in range(abs(steps)):
            _move(session, item, 1 if steps > 0 else -1)


def add_item(db: Database, *, after_item_id: int, text: str = "Chỉ tiêu mới") -> int:
    """A new item right after another, in the same section and group; returns its id."""
    require_admin(db, "action.add_item")
    with db.transaction() as session:
        anchor = _get(session, Item, after_item_id)
        shift_items_after(session, anchor.plan_id, anchor.order)
        item = Item(plan_id=anchor.plan_id, section_id=anchor.section_id, group_id=anchor.group_id,
                    order=anchor.order + 1, number="", number_raw="", kind="task", text=clean(text) or "Chỉ tiêu mới",
                    note="", **item_fields("", text, [], [], None))
        item.deadline = Deadline(raw="", kind="other", due=None)
        session.add(item)
        session.flush()
        refresh_items(session, [item.id])  # sorts right after the item it was added after
        return item.id


def delete_item(db: Database, *, item_id: int) -> dict[str, list[dict[str, Any]]]:
    """Delete an item with its targets, deadline, units and reports; returns a snapshot that undoes it."""
    require_admin(db, "action.delete_item")
    with db.transaction() as session:
        _get(session, Item, item_id)
        snap = snapshot_item(session, item_id)
        delete_item_rows(session, item_id)
        return snap


def restore_deleted(db: Database, *, snapshot: dict[str, list[dict[str, Any]]]) -> int:
    """Put a deleted item back exactly as it was; returns its id."""
    require_admin(db, "action.restore_item")
    with db.transaction() as session:
        restore_item(session, snapshot)
        item_id = int(snapshot["items"][0]["id"])
        refresh_items(session, [item_id])
        return item_id
