"""Use cases for reporting periods and progress reports (recorded per item, unit and period)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from db.engine import Database
from db.models import Item, Period, Plan, ProgressReport, utcnow
from db.queries.common import (
    all_plans,
    find_report,
    periods_of,
    reports_of_plan,
    unit_by_name,
)
from db.summary import refresh_items
from desktop_app.domain.assessment import LABELS, judge
from desktop_app.domain.periods import (
    BASES,
    KINDS,
    parse_period_code,
    period_code,
    periods_for_year,
)
from desktop_app.domain.progress import ProgressRuleError, check_progress, check_report_details
from desktop_app.domain.targets import Target, target_value_json
from desktop_app.domain.text import clean
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.messages import Joined, Message
from desktop_app.services import permissions


@dataclass(frozen=True)
class PeriodInfo:
    """A reporting period as shown in lists."""

    id: int
    label: str
    start: date
    end: date


def scheme_periods(session: Any, plan: Plan, *, create: bool = True) -> list[Period]:
    """The plan's periods of its scheme; made from its year the first time (create=False: the same periods,
    unsaved and without ids, for a reader that writes nothing)."""
    existing = periods_of(session, plan.id)
    wanted = [p for p in existing if p.kind == plan.period_kind and p.basis == plan.period_basis]
    if wanted or plan.year is None:
        return wanted
    made = [Period(kind=span.kind, basis=span.basis, label=span.label, start=span.start, end=span.end)
            for span in periods_for_year(plan.year, kind=plan.period_kind, basis=plan.period_basis)]
    if not create:
        return made
    plan.periods.extend(made)
    session.flush()
    return [p for p in plan.periods if p.kind == plan.period_kind and p.basis == plan.period_basis]


def list_periods(db: Database, *, plan_id: int) -> list[PeriodInfo]:
    """The plan's reporting periods (created from its year, kind and basis the first time they are asked for)."""
    with db.transaction() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        return [PeriodInfo(p.id, p.label, p.start, p.end) for p in scheme_periods(session, plan)]


def set_period_scheme(db: Database, *, plan_id: int, kind: str, basis: str) -> list[PeriodInfo]:
    """Choose how the plan is reported (monthly … yearly; calendar or Decree 09 windows)."""
    permissions.require_admin(db, "action.change_periods")
    if kind not in KINDS or basis not in BASES:
        raise InvalidValue("period.bad_scheme", kind=kind, basis=basis)
    with db.transaction() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        plan.period_kind, plan.period_basis = kind, basis
        session.flush()
        return [PeriodInfo(p.id, p.label, p.start, p.end) for p in scheme_periods(session, plan)]


def find_period(session: Any, plan: Plan, period: str | int, *, create: bool = True) -> Period:
    """The plan's period given by id, label ("Quý III/2026") or code ("2026-Q3", "2026-M09", "2026-H1",
    "2026"). A code of another kind than the plan's scheme finds (or creates) that kind's period of the year,
    so monthly figures can be recorded for a quarterly plan without changing how it is reported. With
    create=False a period not stored yet comes back unsaved, without an id (nothing is reported in it)."""
    periods = scheme_periods(session, plan, create=create)
    for p in periods:
        if str(p.id) == str(period) or p.label.casefold() == str(period).casefold():
            return p
    code = parse_period_code(str(period))
    if code is not None:
        kind, year, index = code
        for p in periods_of(session, plan.id):
            if p.kind == kind and period_code(p.kind, p.end) == period_code(kind, _span_end(kind, year, index)):
                return p
        if plan.year is not None and abs(year - plan.year) <= 1:
            span = periods_for_year(year, kind=kind, basis=plan.period_basis)[index - 1]
            created = Period(kind=span.kind, basis=span.basis, label=span.label, start=span.start, end=span.end)
            if create:
                plan.periods.append(created)
                session.flush()
            return created
    if not periods:
        raise NotFound("period.plan_has_no_year", plan_id=plan.id)
    labels = ", ".join(f"{period_code(p.kind, p.end)} ({p.label})" for p in periods)
    raise NotFound("period.not_found", period=period, plan_id=plan.id, labels=labels)


def _span_end(kind: str, year: int, index: int) -> date:
    return periods_for_year(year, kind=kind)[index - 1].end


def record_progress(
    db: Database,
    *,
    item_id: int,
    period: str | int,
    unit: str | None = None,
    value: Decimal | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    status: str | None = None,
    narrative: str = "",
    evidence: str = "",
    reported_by: str = "",
    document_number: str = "",
    document_date: date | None = None,
) -> dict[str, Any]:
    """Record (or replace) one unit's progress on one item for one period; returns the stored report.
    document_number and document_date (the document issued) are accepted only for items of kind "document"."""
    unit = permissions.progress_unit(db, item_id=item_id, unit=unit)  # an officer: only their unit
    document_number = clean(document_number or "")
    with db.transaction() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise NotFound("item.not_found", item_id=item_id)
        per = find_period(session, item.plan, period)
        unit_row = None
        if unit:
            unit_row = unit_by_name(session, unit)
            if unit_row is None:
                raise NotFound("unit.not_found_name", unit=unit)
        _check_document(item, document_number, document_date)
        percent = any(t.unit_kind == "percent" for t in item.targets)
        if item.targets and status is not None and value is None and numerator is None:
            # a measured indicator is judged by its value; a status alone would replace the value recorded
            raise InvalidValue("progress.measured_needs_value")
        try:
            check_report_details(narrative=narrative, evidence=evidence, document_number=document_number,
                                 document_date=document_date)
            checked = check_progress(
                percent=percent, value=value, numerator=numerator, denominator=denominator,
                status=status, narrative=narrative,
                has_document=bool(document_number) or document_date is not None,
            )
        except ProgressRuleError as exc:
            raise InvalidValue(exc.coded) from exc
        session.flush()
        report = find_report(session, item.id, unit_row.id if unit_row else None, per.id)
        if report is None:
            report = ProgressReport(item=item, unit=unit_row, period=per)
            session.add(report)
        report.value, report.numerator, report.denominator = checked.value, checked.numerator, checked.denominator
        report.status, report.narrative, report.evidence = checked.status, narrative.strip(), evidence.strip()
        report.document_number, report.document_date = document_number, document_date
        report.reported_by, report.reported_at = reported_by, utcnow()
        session.flush()
        refresh_items(session, [item.id])
        return report_dict(report)


def _check_document(item: Item, number: str, issued: date | None) -> None:
    """A document's number and date belong only to document items, and the date must be plausible for the plan."""
    if (number or issued is not None) and item.kind != "document":
        raise InvalidValue("progress.not_a_document", number=item.number)
    year = item.plan.year
    if issued is not None and year is not None and issued.year < year - 1:
        raise InvalidValue("progress.document_too_early", issued=issued, year=year, earliest=year - 1)


def report_dict(report: ProgressReport) -> dict[str, Any]:
    """A progress report as plain data."""
    def num(v: Decimal | None) -> int | float | None:
        return None if v is None else target_value_json(v)

    return {
        "id": report.id,
        "item_id": report.item_id,
        "item_number": report.item.number,
        "unit": report.unit.name if report.unit else None,
        "period": report.period.label,
        "value": num(report.value),
        "numerator": num(report.numerator),
        "denominator": num(report.denominator),
        "status": report.status,
        "narrative": report.narrative,
        "evidence": report.evidence,
        "document_number": report.document_number or "",
        "document_date": report.document_date.isoformat() if report.document_date else None,
        "reported_at": report.reported_at.isoformat(timespec="seconds"),
        "reported_by": report.reported_by,
    }


def list_progress(db: Database, *, plan_id: int) -> list[dict[str, Any]]:
    """Every progress report of a plan."""
    with db.reading() as session:
        if session.get(Plan, plan_id) is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        return [report_dict(r) for r in reports_of_plan(session, plan_id)]


def item_by_number(db: Database, *, plan_id: int, number: str, section: str | None = None) -> int:
    """The id of the plan's item numbered number ("2.1"; in section "II" when given, as Stt restarts there)."""
    wanted = clean(number)
    with db.reading() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        found = [i for i in plan.items if i.number == wanted
                 and (section is None or i.section.numeral.casefold() == section.strip().casefold())]
        if not found:
            if section:
                raise NotFound("item.number_not_in_section", plan_id=plan_id, number=wanted, section=section)
            raise NotFound("item.number_not_found", plan_id=plan_id, number=wanted)
        if len(found) > 1:
            places = Joined([Message("item.number_place", section=i.section.numeral, item_id=i.id, text=i.text[:40])
                             for i in found], ", ")
            how = Message("item.number_give_section" if len({i.section_id for i in found}) > 1
                          else "item.number_give_id")
            raise InvalidValue("item.number_ambiguous", count=len(found), number=wanted, places=places, how=how)
        return found[0].id


def first_implementer(db: Database, *, item_id: int) -> str | None:
    """The name of the item's first implementing unit (who reports by default), None when it has none."""
    with db.reading() as session:
        item = session.get(Item, item_id)
        if item is None:
            raise NotFound("item.not_found", item_id=item_id)
        units = [a for a in sorted(item.assignments, key=lambda a: a.order) if a.role == "implementing"]
        return units[0].unit.name if units else None


def progress_records(db: Database, *, plan_id: int | None = None, period: str | None = None,
                     today: date | None = None) -> list[dict[str, Any]]:
    """Every progress report (of one plan, of one period given by code "2026-Q3", id or label) as the JSON of
    `progress --json`, each assessed as of min(period end, today)."""
    today = today or date.today()
    with db.transaction() as session:
        plans = [session.get(Plan, plan_id)] if plan_id is not None else list(all_plans(session))
        if plans == [None]:
            raise NotFound("plan.not_found", plan_id=plan_id)
        records = []
        for plan in filter(None, plans):  # no None left: refused above
            only = find_period(session, plan, period).id if period else None
            for r in reports_of_plan(session, plan.id):
                if only is not None and r.period_id != only:
                    continue
                records.append(_record(r, today))
        return records


def _record(r: ProgressReport, today: date) -> dict[str, Any]:
    item = r.item
    goal = [Target(t.op, t.value, t.unit_kind, t.unit, t.subject, t.raw) for t in item.targets]
    deadline = item.deadline
    assessment = judge(targets=goal, value=r.value, status=r.status, deadline_kind=deadline.kind if deadline else None,
                       due=deadline.due if deadline else None, today=min(r.period.end, today))
    data = report_dict(r)
    return {
        "section": item.section.numeral,
        "item": item.number,
        "period": period_code(r.period.kind, r.period.end),
        "unit": data["unit"],
        "value": data["value"],
        "numerator": data["numerator"],
        "denominator": data["denominator"],
        "status": r.status,
        "assessment": assessment,
        "note": r.narrative,
        "item_id": item.id,
        "plan_id": item.plan_id,
        "period_label": r.period.label,
        "assessment_label": LABELS[assessment],
        "reported_at": data["reported_at"],
    }
