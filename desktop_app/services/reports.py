"""Use case behind every report: gather a plan's items, results and assessments into a ReportData that the
PDF, Word, Excel and CSV writers lay out.

Which result an item shows for a period: its latest report up to the end of that period (a value reported in
Quý II still stands in Quý III when nothing newer came, and the note says where it is from); among reports of
the same period, one without a unit (the monitoring unit's consolidated figure) comes first, then the first
implementing unit's, then the newest. The assessment is judged as of min(period end, today), as in the grid.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from db.engine import Database
from db.models import Plan
from db.queries.common import unit_by_name
from db.queries.reports import (
    headings,
    item_targets,
    item_units,
    plan_header,
    plan_periods,
    plan_reports,
    report_items,
)
from desktop_app.domain.assessment import (
    ASSESSMENTS,
    LABELS,
    NOT_ACHIEVED,
    OVERDUE,
    completion,
    judge,
)
from desktop_app.domain.deadlines import Deadline, format_deadline
from desktop_app.domain.periods import period_code
from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.domain.report import (
    APPENDIX,
    GROUP,
    ITEM,
    KINDS,
    PROGRESS,
    SECTION,
    UNIT,
    FlatRow,
    GroupSummary,
    OverdueItem,
    PeriodCell,
    PeriodColumn,
    ReportData,
    ReportRow,
)
from desktop_app.domain.targets import Target, format_target
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services.progress import find_period, scheme_periods
from desktop_app.services.progress_grid import value_text
from desktop_app.services.settings import report_settings


def _deadline_text(deadline: Deadline | None) -> str:
    """The deadline as the plan wrote it ("Tháng 12/2026", "Quý III/2026"), which is what the office knows."""
    if deadline is None:
        return ""
    return deadline.raw or format_deadline(deadline)


class _PeriodRef(NamedTuple):
    """The chosen period as read (the reading session's rows expire when it closes); id None: not stored yet."""

    id: int | None
    kind: str
    label: str
    start: date
    end: date


def _column(p: Any) -> PeriodColumn:
    return PeriodColumn(period_code(p.kind, p.end), p.label, p.start, p.end)


def _targets(rows: Iterable[Any]) -> list[Target]:
    return [Target(t.op, Decimal(t.value), t.unit_kind, t.unit, t.subject, t.raw) for t in rows]


def _targets_text(goal: list[Target]) -> str:
    return "; ".join((f"{t.subject}: " if t.subject else "") + format_target(t) for t in goal)


def _decimal(text: Any) -> Decimal | None:
    return None if text is None else Decimal(text)


def _value_text(report: Any, percent: bool) -> str:
    """The value as in the grid ("72,5%", "45/50 (90%)"), or the status name for a task."""
    if report is None:
        return ""
    if report.value is not None:
        return value_text(_decimal(report.value), _decimal(report.numerator), _decimal(report.denominator), percent)
    return STATUS_NAMES.get(report.status, report.status) if report.status else ""


class _Picker:
    """Chooses an item's report for a period (see the module's docstring)."""

    def __init__(self, reports: list[Any], ends: dict[int, date], first_unit: dict[int, int | None]) -> None:
        self.ends = ends
        self.by_item: dict[int, list[Any]] = {}
        for r in reports:
            self.by_item.setdefault(r.item_id, []).append(r)
        for item_id, rows in self.by_item.items():
            first = first_unit.get(item_id)
            rows.sort(key=lambda r: (
                -ends[r.period_id].toordinal(),
                0 if r.unit_id is None else 1 if r.unit_id == first else 2,
                -(r.reported_at.timestamp() if r.reported_at else 0),
                -r.id,
            ))

    def latest(self, item_id: int, until: date | None) -> Any | None:
        for r in self.by_item.get(item_id, ()):
            if until is None or self.ends[r.period_id] <= until:
                return r
        return None

    def exactly(self, item_id: int, period_id: int) -> Any | None:
        return next((r for r in self.by_item.get(item_id, ()) if r.period_id == period_id), None)


def build_report(db: Database, *, plan_id: int, kind: str = PROGRESS, period: str | int | None = None,
                 unit: str | None = None, today: date | None = None, with_flat: bool = True) -> ReportData:
    """The data of one report: kind PROGRESS (the whole plan), UNIT (only the items unit implements, with its
    own results; unit required) or APPENDIX (the plan table, no results). period: id, label or code such as
    "2026-Q3" (None: everything reported so far, judged today)."""
    if kind not in KINDS:
        raise InvalidValue("report.bad_kind", kind=kind)
    if unit and kind == PROGRESS:
        kind = UNIT
    if kind == UNIT and not unit:
        raise InvalidValue("report.unit_needed")
    today = today or date.today()
    with db.reading() as session:  # a report writes nothing: periods not stored yet are read as made
        header = plan_header(session, plan_id)
        if header is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        plan = session.get_one(Plan, plan_id)
        found = find_period(session, plan, period, create=False) if period not in (None, "") else None
        chosen = _PeriodRef(found.id, found.kind, found.label, found.start, found.end) if found else None
        chosen_column = _column(chosen) if chosen is not None else None
        scheme = scheme_periods(session, plan, create=False)
        unit_row = None
        if unit:
            unit_row = unit_by_name(session, unit)
            if unit_row is None:
                raise NotFound("unit.not_found_name", unit=unit)
        unit_id = unit_row.id if unit_row is not None else None
        all_periods = plan_periods(session, plan_id)
        columns = [p for p in all_periods if p.kind == header.period_kind and p.basis == header.period_basis] \
            or scheme
        ends = {p.id: p.end for p in all_periods}
        labels = {p.id: p.label for p in all_periods}
        codes = {p.id: period_code(p.kind, p.end) for p in all_periods}
        sections, groups = headings(session, plan_id)
        items = report_items(session, plan_id, unit_id if kind == UNIT else None)
        targets = item_targets(session, plan_id)
        units = item_units(session, plan_id)
        reports = plan_reports(session, plan_id, unit_id if kind == UNIT else None) if kind != APPENDIX else []
        data = ReportData(
            kind=kind, commune=header.commune, plan_title=header.title, plan_number=header.plan_number,
            plan_date=header.plan_date, year=header.year, as_of=min(chosen.end, today) if chosen else today,
            settings=report_settings(db), period=chosen_column, unit=unit_row.name if unit_row else "",
            periods=[_column(p) for p in columns],
        )
    first_unit = {item_id: next((a.unit_id for a in rows if a.role == "implementing"), None)
                  for item_id, rows in units.items()}
    picker = _Picker(reports, ends, first_unit)
    until = chosen.end if chosen is not None else None
    section_info = {s.id: s for s in sections}
    group_info = {g.id: g for g in groups}
    counted: dict[tuple[int, int | None], dict[str, int]] = {}
    place: tuple[int, int | None] | None = None
    for it in items:
        if place is None or it.section_id != place[0]:
            s = section_info[it.section_id]
            data.rows.append(ReportRow(SECTION, s.numeral, s.numeral, s.title))
        if it.group_id is not None and (place is None or it.group_id != place[1]):
            g = group_info[it.group_id]
            data.rows.append(ReportRow(GROUP, section_info[it.section_id].numeral, g.number, g.title))
        place = (it.section_id, it.group_id)
        goal = _targets(targets.get(it.id, ()))
        percent = any(t.unit_kind == "percent" for t in goal)
        deadline = Deadline(it.deadline_raw, it.deadline_kind, it.deadline_due) if it.deadline_kind else None
        assigned = units.get(it.id, [])
        row: dict[str, Any] = dict(
            kind=ITEM, section=section_info[it.section_id].numeral, number=it.number, text=it.text,
            targets=_targets_text(goal),
            monitoring="; ".join(a.name for a in assigned if a.role == "monitoring"),
            implementing="; ".join(a.name for a in assigned if a.role == "implementing"),
            deadline=_deadline_text(deadline), note=it.note, item_kind=it.kind,
        )
        if kind != APPENDIX:
            row.update(_result(picker.latest(it.id, until), goal, percent, deadline, data.as_of, chosen, labels))
            row["by_period"] = tuple(
                _cell(picker.exactly(it.id, p.id), goal, percent, deadline, min(p.end, today)) for p in columns
            )
            counts = counted.setdefault(place, dict.fromkeys(ASSESSMENTS, 0))
            counts[row["assessment"]] += 1
            if row["assessment"] in (OVERDUE, NOT_ACHIEVED):
                data.overdue.append(OverdueItem(it.number, it.text, row["deadline"], row["implementing"]))
        data.rows.append(ReportRow(**row))
    for key, counts in counted.items():
        section_id, group_id = key
        heading = group_info[group_id] if group_id is not None else None
        s = section_info[section_id]
        data.groups.append(GroupSummary(heading.number if heading else s.numeral,
                                        heading.title if heading else s.title, counts))
    if with_flat and kind != APPENDIX:
        data.flat = _flat(items, reports, targets, section_info, group_info, codes, labels, today, ends)
    return data


def _result(report: Any, goal: list[Target], percent: bool, deadline: Deadline | None, as_of: date,
            chosen: Any, labels: dict[int, str]) -> dict[str, Any]:
    value = _decimal(report.value) if report is not None else None
    status = report.status if report is not None else None
    assessment = judge(targets=goal, value=value, status=status, deadline_kind=deadline.kind if deadline else None,
                       due=deadline.due if deadline else None, today=as_of)
    notes = [report.narrative] if report is not None and report.narrative else []
    if report is not None and chosen is not None and report.period_id != chosen.id:
        notes.append(f"(số liệu {labels[report.period_id]})")
    return dict(value=value, value_text=_value_text(report, percent),
                completion=completion(targets=goal, value=value, status=status) if report is not None else None,
                assessment=assessment, assessment_label=LABELS[assessment], result_note=" ".join(notes))


def _cell(report: Any, goal: list[Target], percent: bool, deadline: Deadline | None, as_of: date) -> PeriodCell:
    if report is None:
        return PeriodCell(None, "", "")
    value = _decimal(report.value)
    assessment = judge(targets=goal, value=value, status=report.status,
                       deadline_kind=deadline.kind if deadline else None, due=deadline.due if deadline else None,
                       today=as_of)
    return PeriodCell(value, _value_text(report, percent), LABELS[assessment])


def _local(moment: datetime | None) -> datetime | None:
    """A stored UTC time as the office's local time (what the officer saw when reporting)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _flat(items: list[Any], reports: list[Any], targets: dict[int, list[Any]], section_info: dict[int, Any],
          group_info: dict[int, Any], codes: dict[int, str], labels: dict[int, str], today: date,
          ends: dict[int, date]) -> list[FlatRow]:
    by_item: dict[int, list[Any]] = {}
    for r in reports:
        by_item.setdefault(r.item_id, []).append(r)
    rows: list[FlatRow] = []
    for it in items:
        mine = sorted(by_item.get(it.id, ()), key=lambda r: (ends[r.period_id], r.unit_name or ""))
        if not mine:
            continue
        goal = _targets(targets.get(it.id, ()))
        percent = any(t.unit_kind == "percent" for t in goal)
        deadline = Deadline(it.deadline_raw, it.deadline_kind, it.deadline_due) if it.deadline_kind else None
        due_text = _deadline_text(deadline)
        goal_text = _targets_text(goal)
        group = group_info[it.group_id].number if it.group_id is not None else ""
        for r in mine:
            cell = _cell(r, goal, percent, deadline, min(ends[r.period_id], today))
            rows.append(FlatRow(
                section=section_info[it.section_id].numeral, group=group, number=it.number, text=it.text,
                targets=goal_text, deadline=due_text, period_code=codes[r.period_id],
                period_label=labels[r.period_id], unit=r.unit_name or "",
                value=_decimal(r.value), numerator=_decimal(r.numerator), denominator=_decimal(r.denominator),
                status=STATUS_NAMES.get(r.status, r.status) if r.status else "",
                assessment_label=cell.assessment_label, narrative=r.narrative, evidence=r.evidence,
                reported_at=_local(r.reported_at), reported_by=r.reported_by,
            ))
    return rows
