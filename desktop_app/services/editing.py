"""Use cases that edit one item (text, kind, targets, deadline, units); every change returns what undo needs."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from db.engine import Database
from db.models import Assignment, Deadline, Item, Target, utcnow
from db.queries.common import resolve_units
from db.summary import refresh_items
from desktop_app.domain.appendix import KINDS
from desktop_app.domain.deadlines import DeadlineKind, parse_deadline
from desktop_app.domain.numbering import normalise_number
from desktop_app.domain.targets import OPS, UNIT_KINDS, target_refusal
from desktop_app.domain.text import clean, clean_lines, split_units, unit_key
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services.permissions import require_admin

DEADLINE_KINDS: tuple[str, ...] = tuple(k.value for k in DeadlineKind)


@dataclass(frozen=True)
class TargetValue:
    """One target as the form edits it."""

    op: str
    value: Decimal
    unit_kind: str
    unit: str | None = None
    subject: str | None = None
    raw: str = ""


@dataclass(frozen=True)
class ItemDetail:
    """Everything the item form shows and edits, plus the row version it was read at."""

    id: int
    number: str
    kind: str
    text: str
    note: str
    targets: tuple[TargetValue, ...]
    deadline_kind: str
    deadline_due: date | None
    deadline_raw: str
    monitoring: tuple[str, ...]
    implementing: tuple[str, ...]
    version: int = field(default=0, compare=False)
    coordinating: tuple[str, ...] = ()
    explanation: str = ""
    unit_of_measure: str = ""
    target_text: str = ""
    output: str = ""
    budget: str = ""


class StaleItem(InvalidValue):
    """The item was saved elsewhere since the form read it: this save is refused (reload, then edit)."""


def item_detail(db: Database, *, item_id: int) -> ItemDetail:
    """The item as the form shows it."""
    with db.reading() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise NotFound("item.not_found", item_id=item_id)
        return _detail(item)


def _detail(item: Item) -> ItemDetail:
    deadline = item.deadline
    return ItemDetail(
        id=item.id,
        number=item.number,
        kind=item.kind,
        text=item.text,
        note=item.note,
        targets=tuple(TargetValue(t.op, t.value, t.unit_kind, t.unit, t.subject, t.raw) for t in item.targets),
        deadline_kind=deadline.kind if deadline else "other",
        deadline_due=deadline.due if deadline else None,
        deadline_raw=deadline.raw if deadline else "",
        monitoring=tuple(a.unit.name for a in item.assignments if a.role == "monitoring"),
        implementing=tuple(a.unit.name for a in item.assignments if a.role == "implementing"),
        version=item.version,
        coordinating=tuple(a.unit.name for a in item.assignments if a.role == "coordinating"),
        explanation=item.explanation,
        unit_of_measure=item.unit_of_measure,
        target_text=item.target_text,
        output=item.output,
        budget=item.budget,
    )


def check_target(target: TargetValue) -> None:
    """Refuse a target that cannot be measured; the message names the field."""
    if target.op not in OPS:
        raise InvalidValue("item.bad_operator", op=target.op)
    if target.unit_kind not in UNIT_KINDS:
        raise InvalidValue("item.bad_unit_kind", unit_kind=target.unit_kind)
    refusal = target_refusal(target.value, target.unit_kind)
    if refusal is not None:
        raise InvalidValue(refusal)
    if target.unit_kind == "count" and not (target.unit or "").strip():
        raise InvalidValue("item.count_noun_missing")


def _normalised(detail: ItemDetail) -> ItemDetail:
    if detail.kind not in KINDS:
        raise InvalidValue("item.bad_kind", kind=detail.kind)
    text = clean(detail.text)
    if not text:
        raise InvalidValue("item.text_empty")
    for target in detail.targets:
        check_target(target)
    if detail.deadline_kind not in DEADLINE_KINDS:
        raise InvalidValue("item.bad_deadline_kind", kind=detail.deadline_kind)
    if detail.deadline_kind == "date" and detail.deadline_due is None:
        raise InvalidValue("item.deadline_date_missing")
    due = detail.deadline_due if detail.deadline_kind == "date" else None
    raw = clean(detail.deadline_raw)
    if detail.deadline_kind == "date" and due is not None:
        raw = raw if parse_deadline(raw).due == due else due.strftime("%d/%m/%Y")
    elif detail.deadline_kind == "ongoing":
        raw = raw or "Thường xuyên"
    elif detail.deadline_kind == "yearly":
        due, raw = detail.deadline_due, raw or "Hằng năm"  # due: the end of the plan's year (or the month given)

    def units(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for name in names for n in split_units(name)))

    return replace(detail, number=normalise_number(detail.number), text=text, note=clean(detail.note),
                   deadline_due=due, deadline_raw=raw, monitoring=units(detail.monitoring),
                   implementing=units(detail.implementing), coordinating=units(detail.coordinating),
                   explanation=clean_lines(detail.explanation), unit_of_measure=clean(detail.unit_of_measure),
                   target_text=clean(detail.target_text), output=clean_lines(detail.output),
                   budget=clean_lines(detail.budget))


def update_item(db: Database, *, new: ItemDetail) -> ItemDetail:
    """Save the form's values over the item; returns the item as it was before (for undo).

    Refused when the item changed since new.version was read (another window saved first)."""
    require_admin(db, "action.edit_item")
    new = _normalised(new)
    with db.transaction() as session:
        item = session.get(Item, new.id)
        if item is None:
            raise NotFound("item.not_found", item_id=new.id)
        if new.version and item.version != new.version:
            raise StaleItem("item.stale")
        before = _detail(item)
        item.number, item.kind, item.text, item.note = new.number, new.kind, new.text, new.note
        for name in ("explanation", "unit_of_measure", "target_text", "output", "budget"):
            if getattr(item, name) != getattr(new, name):
                setattr(item, name, getattr(new, name))
        item.updated_at = utcnow()  # an edit of targets, deadline or units is an edit of the item: new version
        _set_targets(item, new.targets)
        if item.deadline is None:
            item.deadline = Deadline(raw=new.deadline_raw, kind=new.deadline_kind, due=new.deadline_due)
        else:
            item.deadline.raw, item.deadline.kind, item.deadline.due = new.deadline_raw, new.deadline_kind, new.deadline_due
        roles = (("monitoring", new.monitoring), ("implementing", new.implementing),
                 ("coordinating", new.coordinating))
        if (new.monitoring, new.implementing, new.coordinating) != (before.monitoring, before.implementing,
                                                                    before.coordinating):
            names = [name for _, role_names in roles for name in role_names]
            units = resolve_units(session, names) if names else {}
            wanted = [(units[unit_key(name)], role, n) for role, role_names in roles
                      for n, name in enumerate(role_names)]
            _set_assignments(session, item, wanted)
        session.flush()
        refresh_items(session, [item.id])
        return before


def _set_targets(item: Item, targets: tuple[TargetValue, ...]) -> None:
    """Targets changed in place by position: a row keeps its identity (UUID) while only its values change, so
    an edit made on two installations merges field by field instead of leaving two targets."""
    rows = list(item.targets)
    for i, t in enumerate(targets):
        values = {"order": i, "op": t.op, "value": t.value, "unit_kind": t.unit_kind, "unit": t.unit,
                  "subject": t.subject, "raw": t.raw}
        if i < len(rows):
            for name, value in values.items():
                if getattr(rows[i], name) != value:
                    setattr(rows[i], name, value)
        else:
            item.targets.append(Target(**values))
    del item.targets[len(targets):]


def _set_assignments(session: Any, item: Item, wanted: list[tuple[Any, str, int]]) -> None:
    """Assignments kept where the unit and role stay (only their order changes), the others removed, new
    ones added: rows keep their identity for data packages."""
    keep = {(unit.id, role): order for unit, role, order in wanted}
    for row in list(item.assignments):
        if (row.unit_id, row.role) in keep:
            if row.order != keep[(row.unit_id, row.role)]:
                row.order = keep[(row.unit_id, row.role)]
        else:
            item.assignments.remove(row)
    session.flush()  # removed rows go before new ones could take the same (item, unit, role)
    have = {(row.unit_id, row.role) for row in item.assignments}
    item.assignments.extend(Assignment(unit=unit, role=role, order=order) for unit, role, order in wanted
                            if (unit.id, role) not in have)


def current_version(db: Database, *, item_id: int) -> int:
    """The item's row version now (a command re-reads it before undoing)."""
    with db.reading() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise NotFound("item.not_found", item_id=item_id)
        return item.version
