"""Use cases of the unit manager: list units with usage, rename and merge them, and undo either exactly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from db.engine import Database
from db.models import Assignment, ProgressReport, Unit, UnitAlias
from db.queries.units import (
    assignments_of,
    item_ids_of_unit,
    report_collisions,
    reports_of_unit,
    restore_row,
    row_values,
    unit_holding_key,
    units_with_counts,
)
from db.summary import refresh_items
from desktop_app.domain.text import clean, collation_key, unit_key
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.messages import Joined, Message
from desktop_app.services.account_admin import move_accounts
from desktop_app.services.permissions import require_admin

__all__ = ["MergeUndo", "RenameUndo", "UnitInfo", "list_units", "merge_units", "rename_unit", "undo_merge",
           "undo_rename"]


@dataclass(frozen=True)
class UnitInfo:
    """One line of the unit manager."""

    id: int
    name: str
    aliases: list[str]
    """Spellings met in files (or former names) other than the name shown."""
    items: int
    """Distinct items the unit is assigned to, in any role."""
    reports: int
    """Progress reports the unit made."""


@dataclass(frozen=True)
class RenameUndo:
    """What undo_rename needs: the unit's naming fields before the rename."""

    unit_id: int
    old_name: str
    old_key: str
    old_sort_name: str
    old_named_by_user: bool
    new_name: str
    added_alias_id: int | None
    """The alias row created for the old name, or None when the old name already was an alias."""


@dataclass(frozen=True)
class MergeUndo:
    """What undo_merge needs to put the source unit back exactly as it was."""

    source: dict[str, Any]
    """Every column of the deleted source unit (id, uuid, timestamps included)."""
    target_id: int
    target_name: str
    target_named_by_user: bool
    moved_aliases: list[int]
    """Source alias rows now on the target."""
    folded_aliases: list[tuple[dict[str, Any], int]] = field(default_factory=list)
    """Source aliases whose spelling the target already had: (the deleted row, the target alias that took its count)."""
    added_alias_id: int | None = None
    """The alias row created on the target for the source's name, if its name was not yet an alias."""
    moved_assignments: list[tuple[int, str, int]] = field(default_factory=list)
    """(assignment id, role, order) of source assignments now pointing at the target."""
    dropped_assignments: list[dict[str, Any]] = field(default_factory=list)
    """Source assignments deleted because the target already had the same item and role (every column)."""
    moved_reports: list[int] = field(default_factory=list)
    """Progress reports of the source now credited to the target."""


def list_units(db: Database) -> list[UnitInfo]:
    """Every unit with its other spellings and usage counts, in Vietnamese collation order."""
    with db.reading() as session:
        return [
            UnitInfo(
                id=unit.id,
                name=unit.name,
                aliases=[a.spelling for a in unit.aliases if a.spelling != unit.name],
                items=n_items,
                reports=n_reports,
            )
            for unit, n_items, n_reports in units_with_counts(session)
        ]


def _unit(session: Any, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("unit.not_found_id", unit_id=unit_id)
    return unit


def _alias(unit: Unit, spelling: str) -> UnitAlias | None:
    return next((a for a in unit.aliases if a.spelling == spelling), None)


def rename_unit(db: Database, *, unit_id: int, name: str) -> RenameUndo:
    """Give a unit a new name chosen by the officer; the old name stays as an alias so imports still find it."""
    require_admin(db, "action.rename_unit")
    new = clean(name)
    if not new:
        raise InvalidValue("unit.name_empty")
    with db.transaction() as session:
        unit = _unit(session, unit_id)
        if new == unit.name:
            raise InvalidValue("unit.same_name", name=new)
        new_key = unit_key(new)
        other = unit_holding_key(session, new_key, besides=unit.id)
        if other is not None:
            raise InvalidValue("unit.name_of_other", name=new, other=other.name)
        old_name, old_key, old_sort, old_by_user = unit.name, unit.key, unit.sort_name, unit.named_by_user
        added = None
        if _alias(unit, old_name) is None:
            added = UnitAlias(spelling=old_name, key=unit_key(old_name), seen=0)
            unit.aliases.append(added)
        unit.name, unit.key, unit.sort_name, unit.named_by_user = new, new_key, collation_key(new), True
        session.flush()
        refresh_items(session, item_ids_of_unit(session, unit.id))
        return RenameUndo(unit.id, old_name, old_key, old_sort, old_by_user, new, added.id if added else None)


def undo_rename(db: Database, *, undo: RenameUndo) -> None:
    """Put back the name, key and alias list a rename changed."""
    require_admin(db, "action.undo_rename_unit")
    with db.transaction() as session:
        unit = _unit(session, undo.unit_id)
        other = unit_holding_key(session, undo.old_key, besides=unit.id)
        if other is not None and other.key == undo.old_key:
            raise InvalidValue("unit.undo_name_taken", name=undo.old_name, other=other.name)
        if undo.added_alias_id is not None:
            alias = session.get(UnitAlias, undo.added_alias_id)
            if alias is not None:
                unit.aliases.remove(alias)
        unit.name, unit.key, unit.sort_name = undo.old_name, undo.old_key, undo.old_sort_name
        unit.named_by_user = undo.old_named_by_user
        session.flush()
        refresh_items(session, item_ids_of_unit(session, unit.id))


def merge_units(db: Database, *, source_id: int, target_id: int) -> MergeUndo:
    """Fold the source unit into the target: its assignments, reports and spellings move, then it is deleted.

    Two reports of the same item and period, one from each unit, cannot both be kept under one unit; rather
    than choose one silently, the merge is refused with the item numbers and periods to settle first.
    """
    require_admin(db, "action.merge_units")
    if source_id == target_id:
        raise InvalidValue("unit.merge_into_itself")
    from desktop_app.services.backups import BEFORE_MERGE, backup_before

    backup_before(db.path, BEFORE_MERGE)
    with db.transaction() as session:
        source, target = _unit(session, source_id), _unit(session, target_id)
        collisions = report_collisions(session, source.id, target.id)
        if collisions:
            places = Joined([Message("unit.collision", number=number or "?", period=label)
                             for number, label in collisions], "; ")
            raise InvalidValue("unit.merge_collisions", source=source.name, target=target.name, places=places)
        affected = item_ids_of_unit(session, source.id)
        snapshot = row_values(source)
        target_by_user = target.named_by_user

        taken = {(a.item_id, a.role) for a in assignments_of(session, target.id)}
        moved_assignments, dropped = [], []
        for a in assignments_of(session, source.id):
            if (a.item_id, a.role) in taken:
                dropped.append(row_values(a))
                session.delete(a)
            else:
                moved_assignments.append((a.id, a.role, a.order))
                a.unit_id = target.id
        moved_reports = []
        for r in reports_of_unit(session, source.id):
            moved_reports.append(r.id)
            r.unit_id = target.id
        session.flush()

        moved_aliases, folded = [], []
        for alias in list(source.aliases):
            kept = _alias(target, alias.spelling)
            if kept is not None:
                folded.append((row_values(alias), kept.id))
                kept.seen += alias.seen
                source.aliases.remove(alias)
            else:
                moved_aliases.append(alias.id)
                alias.unit = target  # through the relationship, so delete-orphan does not take it
        session.flush()
        added = None
        if _alias(target, source.name) is None:
            added = UnitAlias(spelling=source.name, key=unit_key(source.name), seen=0)
            target.aliases.append(added)
        # The officer chose the name to keep: later imports must not bring the merged name back
        # because its spelling happens to be counted more often.
        target.named_by_user = True
        session.flush()
        move_accounts(session, source_id=source.id, target_id=target.id)  # its officers now belong to the target
        session.expire(source)
        session.delete(source)
        session.flush()
        refresh_items(session, affected)
        return MergeUndo(
            source=snapshot,
            target_id=target.id,
            target_name=target.name,
            target_named_by_user=target_by_user,
            moved_aliases=moved_aliases,
            folded_aliases=folded,
            added_alias_id=added.id if added else None,
            moved_assignments=moved_assignments,
            dropped_assignments=dropped,
            moved_reports=moved_reports,
        )


def undo_merge(db: Database, *, undo: MergeUndo) -> int:
    """Bring the merged unit back with its uuid, spellings, assignments and reports; returns its id.

    The id is the old one unless another unit took it meanwhile.
    """
    require_admin(db, "action.undo_merge_units")
    with db.transaction() as session:
        target = _unit(session, undo.target_id)
        other = unit_holding_key(session, undo.source["key"])
        if other is not None and other.key == undo.source["key"]:
            raise InvalidValue("unit.undo_name_taken", name=undo.source["name"], other=other.name)
        source = restore_row(session, Unit, undo.source)
        if undo.added_alias_id is not None:
            alias = session.get(UnitAlias, undo.added_alias_id)
            if alias is not None:
                session.delete(alias)
        for alias_id in undo.moved_aliases:
            alias = session.get(UnitAlias, alias_id)
            if alias is not None:
                alias.unit = source
        for values, kept_id in undo.folded_aliases:
            kept = session.get(UnitAlias, kept_id)
            if kept is not None:
                kept.seen = max(0, kept.seen - values["seen"])
            restore_row(session, UnitAlias, {**values, "unit_id": source.id})
        target.named_by_user = undo.target_named_by_user
        affected: set[int] = set()
        for assignment_id, role, order in undo.moved_assignments:
            assignment = session.get(Assignment, assignment_id)
            if assignment is not None:
                assignment.unit_id, assignment.role, assignment.order = source.id, role, order
                affected.add(assignment.item_id)
        for values in undo.dropped_assignments:
            restore_row(session, Assignment, {**values, "unit_id": source.id})
            affected.add(values["item_id"])
        for report_id in undo.moved_reports:
            report = session.get(ProgressReport, report_id)
            if report is not None:
                report.unit_id = source.id
                affected.add(report.item_id)
        session.flush()
        session.expire_all()
        refresh_items(session, sorted(affected))
        return source.id
