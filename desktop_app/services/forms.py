"""Use cases: an Excel reporting form for a unit without the program (make it), and the filled form read back
(preview the changes, then apply them all or nothing). A form value is checked by the same rules as a value
typed in the progress grid (desktop_app.domain.progress.check_progress and record_progress's own rules)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from db import audit
from db.engine import Database
from db.models import Item, Period, Plan, ProgressReport, Unit, utcnow
from db.queries.common import (
    all_plans,
    periods_of,
    reports_of_plan,
    unit_by_name,
    units_with_usage,
)
from db.queries.progress import grid_items, period_reports
from db.summary import refresh_items
from desktop_app.domain.deadlines import Deadline, format_deadline
from desktop_app.domain.periods import period_code
from desktop_app.domain.progress import STATUS_NAMES, ProgressRuleError, check_progress
from desktop_app.domain.targets import Target, format_target
from desktop_app.errors import FileRefused, InvalidValue, NotFound, WriteFailed
from desktop_app.io.atomic import atomic_file
from desktop_app.io.file_errors import refusing
from desktop_app.io.forms.sheet import (
    COL_STATUS,
    COL_VALUE,
    MAX_FORM_BYTES,
    MAX_FORM_ROWS,
    NUMBER,
    PERCENT,
    STATUS,
    FormContent,
    FormEntry,
    FormHeader,
    FormRow,
    place,
)
from desktop_app.messages import Message, Verbatim
from desktop_app.services.changes import NOTHING, PROGRESS_TABLES, Changes
from desktop_app.services.identity import form_key
from desktop_app.services.permissions import require_unit_right
from desktop_app.services.progress import find_period
from desktop_app.services.progress_grid import number_text, value_text

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
KIND_NAMES = {NEW: "mới", CHANGED: "thay đổi", UNCHANGED: "không đổi"}
FIELD_NAMES = {"value": "Giá trị", "status": "Trạng thái", "narrative": "Nội dung kết quả", "evidence": "Minh chứng"}


@dataclass(frozen=True)
class FormMade:
    """A form written: where, for whom, and its SHA-256 as read back from the disk."""

    path: Path
    plan_id: int
    unit: str
    period_label: str
    period_code: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class FormChange:
    """One field of one row of a read form compared with the database."""

    line: int
    number: str
    text: str
    field: str
    old: str
    new: str
    kind: str

    @property
    def field_name(self) -> str:
        """The field in Vietnamese."""
        return FIELD_NAMES[self.field]


@dataclass(frozen=True)
class PlannedReport:
    """The report one row will leave for (item, unit, period) when the form is applied."""

    item_id: int
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str | None
    narrative: str
    evidence: str


@dataclass(frozen=True)
class FormPreview:
    """What reading a form would change; nothing is written until apply_form."""

    file_name: str
    sha256: str
    plan_id: int
    plan_title: str
    unit_id: int
    unit_name: str
    period_id: int
    period_label: str
    period_code: str
    changes: tuple[FormChange, ...]
    writes: tuple[PlannedReport, ...]

    def count(self, kind: str) -> int:
        """How many fields are new, changed or unchanged."""
        return sum(1 for c in self.changes if c.kind == kind)


@dataclass(frozen=True)
class FormApplied:
    """What applying a form wrote."""

    written: int
    backup: Path | None

    @property
    def changed(self) -> Changes:
        """Progress reports recorded from the form."""
        return Changes.of(PROGRESS_TABLES | {"audit_log"}) if self.written else NOTHING


def plan_title(plan: Plan) -> str:
    """The plan as a form names it."""
    number = f"Kế hoạch số {plan.plan_number}" if plan.plan_number else f"Kế hoạch #{plan.id}"
    return f"{number} — xã {plan.commune}" if plan.commune else number


def _mode(item: Any) -> str:
    if not item.targets:
        return STATUS
    return PERCENT if any(t.unit_kind == "percent" for t in item.targets) else NUMBER


def _shown(report: ProgressReport | None, percent: bool) -> str:
    """A report's value or status as the form shows it ("72,5%", "Hoàn thành", "")."""
    if report is None:
        return ""
    shown = value_text(report.value, report.numerator, report.denominator, percent)
    if report.status:
        shown = f"{shown}; {STATUS_NAMES[report.status]}" if shown else STATUS_NAMES[report.status]
    return shown


def _last_values(session: Any, plan_id: int, unit_id: int, period: Period) -> dict[int, str]:
    """Per item, the unit's latest report from a period ended before this one: "72,5% (Quý II/2026)"."""
    latest: dict[int, ProgressReport] = {}
    for r in reports_of_plan(session, plan_id):
        if r.unit_id != unit_id or r.period.end >= period.start:
            continue
        known = latest.get(r.item_id)
        if known is None or (r.period.end, r.reported_at) > (known.period.end, known.reported_at):
            latest[r.item_id] = r
    out = {}
    for item_id, r in latest.items():
        percent = any(t.unit_kind == "percent" for t in r.item.targets)
        shown = _shown(r, percent) or (r.narrative[:80] if r.narrative else "")
        out[item_id] = f"{shown} ({r.period.label})" if shown else ""
    return out


def _content(session: Any, plan_id: int, unit: str, period: str) -> tuple[FormContent, Plan, Unit, Period]:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise NotFound("plan.not_found", plan_id=plan_id)
    unit_row = unit_by_name(session, unit)
    if unit_row is None:
        raise NotFound("unit.not_found_name", unit=unit)
    per = find_period(session, plan, period)
    items = grid_items(session, plan_id, unit_id=unit_row.id)
    if not items:
        raise InvalidValue("form.unit_has_no_items", unit=unit_row.name, plan_id=plan_id)
    if len(items) > MAX_FORM_ROWS:
        raise InvalidValue("form.too_many_items", unit=unit_row.name, count=len(items), limit=MAX_FORM_ROWS)
    last = _last_values(session, plan_id, unit_row.id, per)
    uuids = {i.id: i.uuid for i in plan.items}
    rows = []
    for item in items:
        goal = [Target(t.op, t.value, t.unit_kind, t.unit, t.subject, t.raw) for t in item.targets]
        d = item.deadline
        rows.append(FormRow(
            item_uuid=uuids[item.id], section=item.section.numeral, number=item.number, text=item.text,
            target="; ".join((f"{t.subject}: " if t.subject else "") + format_target(t) for t in goal),
            deadline=format_deadline(Deadline(d.raw, d.kind, d.due)) if d else "",
            last_value=last.get(item.id, ""), mode=_mode(item),
        ))
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    header = FormHeader(plan_uuid=plan.uuid, plan_title=plan_title(plan), unit_uuid=unit_row.uuid,
                        unit_name=unit_row.name, period_uuid=per.uuid, period_code=period_code(per.kind, per.end),
                        period_label=per.label, created_at=created)
    return FormContent(header=header, rows=rows), plan, unit_row, per


def make_form(db: Database, *, plan_id: int, unit: str, period: str, out: Path) -> FormMade:
    """Write the reporting form of one unit and period to out (temporary file, fsync, rename), then read it back
    and compare its SHA-256 with what was written."""
    from desktop_app.io.forms.sheet import write_form

    out = Path(out)
    with db.transaction() as session:  # the plan's periods are created the first time they are asked for
        content, plan, unit_row, per = _content(session, plan_id, unit, period)
        made = (plan.id, unit_row.name, per.label, period_code(per.kind, per.end))
    buffer = io.BytesIO()
    write_form(content, buffer, form_key(db))
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    with atomic_file(out) as handle:
        handle.write(data)
    try:
        again = hashlib.sha256(out.read_bytes()).hexdigest()
    except OSError as exc:
        raise WriteFailed("form.read_back_failed", file=out.name) from exc
    if again != digest:
        out.unlink(missing_ok=True)
        raise WriteFailed("form.read_back_differs", file=out.name)
    return FormMade(out, made[0], made[1], made[2], made[3], len(content.rows), digest)


def _find_plan(session: Any, header: FormHeader, name: str) -> Plan:
    plan = next((p for p in all_plans(session) if p.uuid == header.plan_uuid), None)
    if plan is None:
        raise FileRefused("form.plan_unknown", file=name, plan=header.plan_title)
    return plan


def _find_unit(session: Any, header: FormHeader, name: str) -> Unit:
    unit = next((u for u, _n in units_with_usage(session) if u.uuid == header.unit_uuid), None)
    if unit is None:
        raise FileRefused("form.unit_unknown", file=name, unit=header.unit_name)
    return unit


def _find_period(session: Any, plan: Plan, header: FormHeader, name: str) -> Period:
    periods = periods_of(session, plan.id)
    found = next((p for p in periods if p.uuid == header.period_uuid), None)
    if found is None:
        found = next((p for p in periods if period_code(p.kind, p.end) == header.period_code
                      and p.basis == plan.period_basis), None)
    if found is None:
        raise FileRefused("form.period_unknown", file=name, period=header.period_label)
    return found


def _percent(item: Item) -> bool:
    return any(t.unit_kind == "percent" for t in item.targets)


def _value_shown(value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None, *,
                 percent: bool) -> str:
    return value_text(value, numerator, denominator, percent) if value is not None else (
        f"{number_text(numerator)}/{number_text(denominator)}" if numerator is not None and denominator is not None
        else "")


def _compare(entry: FormEntry, item: Item, old: ProgressReport | None, name: str) -> tuple[list[FormChange], PlannedReport]:
    """The row's fields against the stored report, and the report the row leaves (blank cells keep the old)."""
    percent = _percent(item)
    before: dict[str, Any] = {
        "value": (old.value, old.numerator, old.denominator) if old else (None, None, None),
        "status": old.status if old else None, "narrative": old.narrative if old else "",
        "evidence": old.evidence if old else "",
    }
    typed_value = (entry.value, entry.numerator, entry.denominator)
    after = dict(before)
    if any(v is not None for v in typed_value):
        after["value"] = typed_value
    for key in ("status", "narrative", "evidence"):
        if getattr(entry, key):
            after[key] = getattr(entry, key)
    value, numerator, denominator = after["value"]
    try:
        if item.targets and after["status"] is not None and value is None and numerator is None:
            raise ProgressRuleError("progress.measured_needs_value")
        checked = check_progress(percent=percent, value=value, numerator=numerator, denominator=denominator,
                                 status=after["status"], narrative=after["narrative"],
                                 has_document=bool(old and (old.document_number or old.document_date)))
    except (ProgressRuleError, ArithmeticError) as exc:
        column = COL_VALUE if entry.mode != STATUS else COL_STATUS
        reason = exc.coded if isinstance(exc, ProgressRuleError) else Verbatim(str(exc))
        raise InvalidValue("form.rule_broken", file=name, place=place(entry.line, column), reason=reason) from None
    after["value"] = (checked.value, checked.numerator, checked.denominator)
    texts = {
        "value": (_value_shown(*before["value"], percent=percent), _value_shown(*after["value"], percent=percent)),
        "status": (STATUS_NAMES.get(before["status"] or "", ""), STATUS_NAMES.get(after["status"] or "", "")),
        "narrative": (before["narrative"], after["narrative"]),
        "evidence": (before["evidence"], after["evidence"]),
    }
    changes = []
    for key, (was, now) in texts.items():
        if not now and not was:
            continue
        same = before[key] == after[key]
        kind = UNCHANGED if same else (NEW if old is None or not was else CHANGED)
        changes.append(FormChange(entry.line, entry.number, item.text, key, was, now, kind))
    planned = PlannedReport(item.id, checked.value, checked.numerator, checked.denominator, after["status"],
                            after["narrative"], after["evidence"])
    return changes, planned


def read_form(db: Database, *, path: Path, plan_id: int | None = None, unit: str | None = None,
              period: str | None = None) -> FormPreview:
    """Read a filled form and compare it with the database (nothing is written). plan_id, unit and period,
    when given, are what the officer expects: a form for another one is refused with a clear message."""
    from desktop_app.io.forms.reader import combine
    from desktop_app.io.forms.reader import read_form as read_file

    path = Path(path)
    name = path.name or str(path)
    with refusing(name):
        if path.is_dir():
            raise FileRefused("file.is_folder", file=name)
        if path.stat().st_size > MAX_FORM_BYTES:
            raise FileRefused("form.file_too_large", file=name, limit_mb=MAX_FORM_BYTES >> 20)
        data = path.read_bytes()
    filled = read_file(data, name, form_key(db))
    header = filled.header
    with db.reading() as session:
        plan = _find_plan(session, header, name)
        unit_row = _find_unit(session, header, name)
        per = _find_period(session, plan, header, name)
        if plan_id is not None and plan.id != plan_id:
            raise FileRefused("form.other_plan", file=name, title=header.plan_title, found=plan.id, plan_id=plan_id)
        expected = unit_by_name(session, unit) if unit is not None else unit_row
        if expected is None or expected.id != unit_row.id:
            raise FileRefused("form.other_unit", file=name, unit=unit_row.name, wanted=unit)
        if period is not None and find_period(session, plan, period).id != per.id:
            raise FileRefused("form.other_period", file=name, label=per.label, code=header.period_code,
                              period=period)
        if not filled.sealed:
            raise FileRefused("form.seal_invalid", file=name)
        items = {i.uuid: i for i in plan.items}
        wanted = [e for e in filled.entries if not e.empty]
        missing = [e for e in wanted if e.item_uuid not in items]
        if missing:
            raise FileRefused("form.item_gone", file=name, line=missing[0].line, number=missing[0].number)
        # every row against the unit's own items now (a sealed form lists only those; an assignment may have
        # been removed since the form was made)
        own = {g.id for g in grid_items(session, plan.id, unit_id=unit_row.id)}
        foreign = [e for e in wanted if items[e.item_uuid].id not in own]
        if foreign:
            raise FileRefused("form.item_not_of_unit", file=name, line=foreign[0].line, number=foreign[0].number,
                              unit=unit_row.name)
        ids = (plan.id, unit_row.id, unit_row.name, per.id)
    # the signed-in officer's rights before anything is compared: an officer reads only their own unit's form
    require_unit_right(db, unit_id=ids[1], action=Message("action.import_unit_form", unit=ids[2]))
    with db.reading() as session:
        plan, unit_row, per = session.get_one(Plan, ids[0]), session.get_one(Unit, ids[1]), session.get_one(Period, ids[3])
        items = {i.uuid: i for i in plan.items}
        stored = period_reports(session, per.id, [items[e.item_uuid].id for e in wanted])
        changes: list[FormChange] = []
        writes: list[PlannedReport] = []
        errors: list[InvalidValue] = []
        for entry in wanted:
            item = items[entry.item_uuid]
            try:
                row_changes, planned = _compare(entry, item, stored.get((item.id, unit_row.id)), name)
            except InvalidValue as exc:
                errors.append(exc)
                continue
            changes.extend(row_changes)
            if any(c.kind != UNCHANGED for c in row_changes):
                writes.append(planned)
        if errors:
            raise combine(errors, name)
        return FormPreview(
            file_name=name, sha256=hashlib.sha256(data).hexdigest(), plan_id=plan.id, plan_title=header.plan_title,
            unit_id=unit_row.id, unit_name=unit_row.name, period_id=per.id, period_label=per.label,
            period_code=header.period_code, changes=tuple(changes), writes=tuple(writes),
        )


def apply_form(db: Database, *, preview: FormPreview, reported_by: str = "") -> FormApplied:
    """Write the preview's changes in one transaction (all or nothing), after a backup of the database."""
    require_unit_right(db, unit_id=preview.unit_id, action=Message("action.import_unit_form", unit=preview.unit_name))
    if not preview.writes:
        return FormApplied(0, None)
    from desktop_app.services.backups import BEFORE_IMPORT, backup_before

    saved = backup_before(db.path, BEFORE_IMPORT)
    with audit.acting(f"Biểu mẫu của «{preview.unit_name}» («{preview.file_name}»)"), \
            db.transaction() as session:
        unit = session.get(Unit, preview.unit_id)
        per = session.get(Period, preview.period_id)
        if unit is None or per is None or per.plan_id != preview.plan_id:
            raise NotFound("form.applied_gone")
        stored = period_reports(session, per.id, [w.item_id for w in preview.writes])
        for w in preview.writes:
            item = session.get(Item, w.item_id)
            if item is None or item.plan_id != preview.plan_id:
                raise NotFound("form.applied_item_gone")
            if not any(a.unit_id == unit.id and a.role == "implementing" for a in item.assignments):
                raise InvalidValue("form.applied_item_not_of_unit", number=item.number, unit=unit.name)
            report = stored.get((item.id, unit.id))
            if report is None:
                report = ProgressReport(item=item, unit=unit, period=per)
                session.add(report)
            report.value, report.numerator, report.denominator = w.value, w.numerator, w.denominator
            report.status, report.narrative, report.evidence = w.status, w.narrative, w.evidence
            report.reported_by, report.reported_at = reported_by, utcnow()
        session.flush()
        refresh_items(session, [w.item_id for w in preview.writes])
    return FormApplied(len(preview.writes), saved)
