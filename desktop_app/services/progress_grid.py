"""Use cases behind the progress entry grid: one period's rows for a plan (optionally one unit) and saving one cell.

The assessment shown for a period is judged as of the period's last day, or as of today while the period is
still running: a report for Quý III is read against the deadline as things stood at the end of Quý III, and an
item is never called overdue before its due date has actually passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from db.engine import Database
from db.models import Period, ProgressReport, Unit
from db.queries.progress import (
    GridItem,
    GridUnit,
    delete_report,
    grid_items,
    period_reports,
    plan_period,
    plan_scheme,
)
from db.queries.progress import implementing_units as units_query
from db.summary import refresh_items
from desktop_app.domain.assessment import LABELS, assess, evaluate
from desktop_app.domain.deadlines import Deadline, format_deadline
from desktop_app.domain.progress import (
    FIELD_DENOMINATOR,
    FIELD_NUMERATOR,
    FIELD_VALUE,
    STATUS_NAMES,
    ProgressRuleError,
    Status,
    parse_decimal,
)
from desktop_app.domain.targets import Target, format_target
from desktop_app.domain.text import clean, search_key, unit_key
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services.permissions import require_progress_right
from desktop_app.services.progress import record_progress

FIELDS = ("value", "status", "narrative", "evidence", "document_number", "document_date")
_TYPED_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
# Typed status words (accent-insensitive) → status code; the domain's own names first, then common synonyms.
_STATUS_WORDS = {
    **{search_key(name): code for code, name in STATUS_NAMES.items()},
    **{code.replace("_", " "): code for code in STATUS_NAMES},
    "chua thuc hien": Status.NOT_STARTED,
    "chua trien khai": Status.NOT_STARTED,
    "dang trien khai": Status.IN_PROGRESS,
    "da hoan thanh": Status.DONE,
}


@dataclass(frozen=True)
class GridRow:
    """One item of the grid with its report for the chosen period and unit, formatted for display."""

    item_id: int
    section: str
    number: str
    text: str
    kind: str
    targets: str
    percent: bool
    has_targets: bool
    deadline: str
    unit_id: int | None
    unit_name: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str | None
    narrative: str
    evidence: str
    document_number: str
    document_date: date | None
    reported: bool
    result: str | None
    assessment: str
    assessment_label: str

    @property
    def status_name(self) -> str:
        """The status in Vietnamese ("" when none)."""
        return STATUS_NAMES.get(self.status, self.status) if self.status else ""

    @property
    def value_text(self) -> str:
        """The value as shown: "72,5%", "45/50 (90%)", or "" when none."""
        return value_text(self.value, self.numerator, self.denominator, self.percent)

    @property
    def value_edit(self) -> str:
        """The value as the officer would type it again: "45/50" or "72,5"."""
        if self.numerator is not None and self.denominator is not None:
            return f"{number_text(self.numerator)}/{number_text(self.denominator)}"
        return "" if self.value is None else number_text(self.value)

    @property
    def is_document(self) -> bool:
        """Whether the item is a document to issue (only those take a document number and date)."""
        return self.kind == "document"

    @property
    def document_date_text(self) -> str:
        """The issue date as shown and typed: "15/08/2026", or "" when none."""
        return f"{self.document_date:%d/%m/%Y}" if self.document_date else ""

    @property
    def entry_field(self) -> str:
        """Which field the grid's value column edits: "value" for measured items, "status" for the others."""
        return "value" if self.has_targets else "status"


def value_text(value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None, percent: bool) -> str:
    """A reported value as shown: "72,5%", "45/50 (90%)", or "" when none."""
    if value is None:
        return ""
    shown = number_text(value) + ("%" if percent else "")
    if numerator is not None and denominator is not None:
        return f"{number_text(numerator)}/{number_text(denominator)} ({shown})"
    return shown


def number_text(value: Decimal) -> str:
    """A number with a decimal comma and no trailing zeros ("72,5", "90")."""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
    return text.replace(".", ",")


def parse_status(text: str) -> str | None:
    """The status code of a typed or chosen status name (accent-insensitive), None for blank."""
    key = search_key(text)
    if not key:
        return None
    try:
        return _STATUS_WORDS[key]
    except KeyError:
        names = ", ".join(STATUS_NAMES.values())
        raise InvalidValue("progress.bad_status", status=clean(text), names=names) from None


def parse_date(text: str) -> date | None:
    """A date typed as dd/mm/yyyy or d/m/yyyy (None for blank)."""
    text = clean(text)
    if not text:
        return None
    found = _TYPED_DATE.fullmatch(text)
    if found:
        day, month, year = (int(g) for g in found.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise InvalidValue("grid.date_not_in_calendar", text=text) from None
    raise InvalidValue("grid.date_invalid", text=text)


def parse_value(text: str) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, numerator, denominator) from what was typed: "72,5", "72,5%" or "45/50" (a fraction)."""
    try:
        if "/" in text:
            top, _, bottom = text.partition("/")
            numerator, denominator = parse_decimal(top, FIELD_NUMERATOR), parse_decimal(bottom, FIELD_DENOMINATOR)
            if numerator is None or denominator is None:
                raise InvalidValue("grid.fraction_half")
            return None, numerator, denominator
        return parse_decimal(text, FIELD_VALUE), None, None
    except ProgressRuleError as exc:
        raise InvalidValue(exc.coded) from exc


def _targets(item: GridItem) -> list[Target]:
    return [Target(t.op, t.value, t.unit_kind, t.unit, t.subject, t.raw) for t in item.targets]


def _implementers(item: GridItem) -> list[GridUnit]:
    return [a.unit for a in sorted(item.assignments, key=lambda a: a.order) if a.role == "implementing"]


def _row(item: GridItem, unit: Unit | GridUnit | None, report: ProgressReport | None, as_of: date) -> GridRow:
    goal = _targets(item)
    value = report.value if report else None
    status = report.status if report else None
    result = evaluate(targets=goal, value=value, status=status)
    deadline = item.deadline
    assessment = assess(result=result, deadline_kind=deadline.kind if deadline else "other",
                        due=deadline.due if deadline else None, today=as_of)
    return GridRow(
        item_id=item.id,
        section=item.section.numeral if item.section else "",
        number=item.number,
        text=item.text,
        kind=item.kind,
        targets="; ".join((f"{t.subject}: " if t.subject else "") + format_target(t) for t in goal),
        percent=any(t.unit_kind == "percent" for t in goal),
        has_targets=bool(goal),
        deadline=format_deadline(Deadline(deadline.raw, deadline.kind, deadline.due)) if deadline else "",
        unit_id=unit.id if unit else None,
        unit_name=unit.name if unit else "",
        value=value,
        numerator=report.numerator if report else None,
        denominator=report.denominator if report else None,
        status=status,
        narrative=report.narrative if report else "",
        evidence=report.evidence if report else "",
        document_number=report.document_number if report else "",
        document_date=report.document_date if report else None,
        reported=report is not None,
        result=result,
        assessment=assessment,
        assessment_label=LABELS[assessment],
    )


def _as_of(period: Period, today: date | None) -> date:
    return min(period.end, today or date.today())


def _period(session: Any, plan_id: int, period_id: int) -> Period:
    period = plan_period(session, plan_id, period_id)
    if period is None:
        raise NotFound("period.not_found_id", period_id=period_id, plan_id=plan_id)
    return period


def _rows(session: Any, *, plan_id: int, period: Period, unit_id: int | None, today: date | None,
          item_ids: list[int] | None = None, offset: int = 0, limit: int | None = None) -> list[GridRow]:
    items = grid_items(session, plan_id, unit_id=unit_id, item_ids=item_ids, offset=offset, limit=limit)
    chosen = session.get(Unit, unit_id) if unit_id is not None else None
    units: dict[int, Unit | GridUnit | None] = {
        item.id: chosen if chosen is not None else next(iter(_implementers(item)), None) for item in items}
    reports = period_reports(session, period.id, [item.id for item in items])
    as_of = _as_of(period, today)
    rows = []
    for item in items:
        unit = units[item.id]
        rows.append(_row(item, unit, reports.get((item.id, unit.id if unit else None)), as_of))
    return rows


def grid_rows(db: Database, *, plan_id: int, period_id: int, unit_id: int | None,
              today: date | None = None, offset: int = 0, limit: int | None = None) -> list[GridRow]:
    """The plan's items for one period (all, or one page of them): reported by unit_id (only the items it
    implements), or each by its first implementing unit when unit_id is None; assessed as of
    min(period end, today)."""
    with db.reading() as session:
        period = _period(session, plan_id, period_id)
        if unit_id is not None and session.get(Unit, unit_id) is None:
            raise NotFound("unit.no_such_id", unit_id=unit_id)
        return _rows(session, plan_id=plan_id, period=period, unit_id=unit_id, today=today, offset=offset,
                     limit=limit)


def implementing_units(db: Database, *, plan_id: int) -> list[tuple[int, str]]:
    """(id, name) of the units implementing the plan's items, for the grid's unit filter."""
    with db.reading() as session:
        return units_query(session, plan_id)


def period_scheme(db: Database, *, plan_id: int) -> tuple[str, str]:
    """The plan's (period kind, basis): ("quarter", "calendar") unless changed."""
    with db.reading() as session:
        scheme = plan_scheme(session, plan_id)
        if scheme is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        return scheme


def _lookup_name(unit: Unit) -> str:
    """A spelling record_progress finds the unit by (a renamed unit's new name may fold to another key)."""
    for spelling in [unit.name, *(a.spelling for a in unit.aliases)]:
        if unit_key(spelling) == unit.key:
            return spelling
    return unit.name


def save_cell(db: Database, *, plan_id: int, period_id: int, item_id: int, unit_id: int | None, field: str,
              text: str, today: date | None = None) -> GridRow:
    """Save what was typed in one cell (value, status, narrative, evidence, document_number or document_date,
    the last two for document items only; a date typed dd/mm/yyyy) of an item's report for a period and unit,
    keeping the report's other fields; returns the row as it now stands. Raises InvalidValue with the
    message to show in place when the text is refused; nothing is stored then."""
    require_progress_right(db, item_id=item_id, unit_id=unit_id)
    if field not in FIELDS:
        raise InvalidValue("grid.no_such_column", field=field)
    text = clean(text)
    with db.reading() as session:
        period = _period(session, plan_id, period_id)
        if not grid_items(session, plan_id, item_ids=[item_id]):
            raise NotFound("item.not_in_plan", item_id=item_id, plan_id=plan_id)
        unit = session.get(Unit, unit_id) if unit_id is not None else None
        if unit_id is not None and unit is None:
            raise NotFound("unit.no_such_id", unit_id=unit_id)
        unit_name = _lookup_name(unit) if unit is not None else None
        report = period_reports(session, period.id, [item_id]).get((item_id, unit_id))
        values: dict[str, Any] = {
            "value": report.value if report else None,
            "numerator": report.numerator if report else None,
            "denominator": report.denominator if report else None,
            "status": report.status if report else None,
            "narrative": report.narrative if report else "",
            "evidence": report.evidence if report else "",
            "document_number": report.document_number if report else "",
            "document_date": report.document_date if report else None,
        }
    if field == "value":
        values["value"], values["numerator"], values["denominator"] = parse_value(text)
    elif field == "status":
        values["status"] = parse_status(text)
    elif field == "document_date":
        values["document_date"] = parse_date(text)
    else:
        values[field] = text
    if all(values[k] is None for k in ("value", "numerator", "denominator", "status", "document_date")) \
            and not values["narrative"] and not values["evidence"] and not values["document_number"]:
        # Everything was cleared: the report goes rather than being refused as empty.
        with db.transaction() as session:
            if delete_report(session, item_id, unit_id, period_id):
                refresh_items(session, [item_id])
    else:
        record_progress(db, item_id=item_id, period=period_id, unit=unit_name, **values)
    with db.reading() as session:
        period = _period(session, plan_id, period_id)
        item = grid_items(session, plan_id, item_ids=[item_id])[0]
        unit = session.get(Unit, unit_id) if unit_id is not None else None
        report = period_reports(session, period.id, [item_id]).get((item_id, unit_id))
        return _row(item, unit, report, _as_of(period, today))
