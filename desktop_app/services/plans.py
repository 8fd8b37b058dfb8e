"""Use cases that read plans and units: summaries for lists, the full plan as JSON-ready data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from db.engine import Database
from db.models import Item, Plan
from db.queries.common import all_plans, plan_with_items, units_with_usage
from desktop_app.domain.targets import target_value_json
from desktop_app.domain.text import sort_key
from desktop_app.errors import NotFound


@dataclass(frozen=True)
class PlanSummary:
    """One line of the plan list."""

    id: int
    commune: str
    plan_number: str
    plan_date: date | None
    year: int | None
    items: int


def list_plans(db: Database) -> list[PlanSummary]:
    """Every plan with its item count."""
    with db.reading() as session:
        return [
            PlanSummary(p.id, p.commune, p.plan_number, p.plan_date, p.year, len(p.items))
            for p in all_plans(session)
        ]


def _units(item: Item, role: str) -> list[str]:
    return [a.unit.name for a in item.assignments if a.role == role]


def item_dict(item: Item) -> dict[str, Any]:
    """An item as the JSON of `show --json` (canonical unit names, normalised number)."""
    deadline = item.deadline
    return {
        "id": item.id,
        "uuid": item.uuid,
        "number": item.number,
        "number_raw": item.number_raw,
        "section": item.section.numeral,
        "group": item.group.number if item.group is not None else None,
        "kind": item.kind,
        "text": item.text,
        "monitoring_units": _units(item, "monitoring"),
        "implementing_units": _units(item, "implementing"),
        "coordinating_units": _units(item, "coordinating"),
        "deadline": {
            "raw": deadline.raw if deadline else "",
            "kind": deadline.kind if deadline else "other",
            "due": deadline.due.isoformat() if deadline and deadline.due else None,
        },
        "targets": [
            {
                "op": t.op,
                "value": target_value_json(t.value),
                "unit": t.unit,
                "unit_kind": t.unit_kind,
                "subject": t.subject,
                "raw": t.raw,
            }
            for t in item.targets
        ],
        "note": item.note,
        "explanation": item.explanation,
        "unit_of_measure": item.unit_of_measure,
        "target_text": item.target_text,
        "output": item.output,
        "budget": item.budget,
        "line": item.source_line,
    }


def plan_dict(plan: Plan) -> dict[str, Any]:
    """A whole plan as the JSON of `show --json`."""
    return {
        "id": plan.id,
        "uuid": plan.uuid,
        "commune": plan.commune,
        "plan_number": plan.plan_number,
        "plan_date": plan.plan_date.isoformat() if plan.plan_date else None,
        "year": plan.year,
        "title": plan.title,
        "issuer": plan.issuer,
        "source_name": plan.source_name,
        "source_sha256": plan.source_sha256,
        "imported_at": plan.imported_at.isoformat(timespec="seconds") if plan.imported_at else None,
        "sections": [
            {
                "numeral": s.numeral,
                "title": s.title,
                "groups": [{"number": g.number, "title": g.title} for g in s.groups],
            }
            for s in plan.sections
        ],
        "warnings": [w.message for w in plan.warnings],
        "items": [item_dict(item) for item in plan.items],
    }


def show(db: Database, *, plan_id: int | None = None) -> dict[str, Any]:
    """All plans (or one) with their items, as plain data ready for json.dumps."""
    with db.reading() as session:
        ids = [plan_id] if plan_id is not None else [p.id for p in all_plans(session)]
        plans = []
        for pid in ids:
            plan = plan_with_items(session, pid)
            if plan is None:
                raise NotFound("plan.not_in_database", plan_id=pid)
            plans.append(plan_dict(plan))
        return {"plans": plans}


def units(db: Database) -> dict[str, Any]:
    """Every unit with its aliases (spellings met) and how many items use it."""
    with db.reading() as session:
        return {
            "units": [
                {
                    "id": unit.id,
                    "uuid": unit.uuid,
                    "name": unit.name,
                    "aliases": [a.spelling for a in unit.aliases if a.spelling != unit.name],
                    "spellings": {a.spelling: a.seen for a in unit.aliases},
                    "items": count,
                }
                for unit, count in sorted(units_with_usage(session), key=lambda uc: sort_key(uc[0].name))
            ]
        }
