"""Checking the rows a data package brings before any of them is written: the right columns, every value of
the column's type, length and allowed values, references shaped as UUIDs. Values come back in stored form.

Checked column by column over the distinct values, so a package of a million rows is checked in about a
second (a check per value in Python would take a minute)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, String, exists, select
from sqlalchemy.orm import Session

from db.exchange.schema import ADDED, REFERENCES, SYNCED
from db.models import Base, DecimalText, ProgressReport, Target
from desktop_app.domain.appendix import AssignmentRole, ItemKind
from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.file_names import unsafe_file_name
from desktop_app.domain.periods import PeriodBasis, PeriodKind
from desktop_app.domain.progress import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    MAX_NUMBER_CHARS,
    ProgressRuleError,
    Status,
    check_number,
    check_progress,
)
from desktop_app.domain.targets import TargetOp, UnitKind
from desktop_app.errors import FileRefused
from desktop_app.messages import Message

HEAD = ("uuid", "rev", "base", "changed_at")
TEXT_LIMIT = 100_000
UUID = re.compile(r"\A[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z")
"""A UUID in its one spelling (8-4-4-4-12 hex digits), as every installation writes them."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Characters no text of a package holds: NUL, ESC and the other controls (tab and line breaks are text)."""
REV = re.compile(r"\A[0-9a-f]{1,32}\Z")
ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("plans", "period_kind"): frozenset(PeriodKind),
    ("plans", "period_basis"): frozenset(PeriodBasis),
    ("periods", "kind"): frozenset(PeriodKind),
    ("periods", "basis"): frozenset(PeriodBasis),
    ("items", "kind"): frozenset(ItemKind),
    ("targets", "op"): frozenset(TargetOp),
    ("targets", "unit_kind"): frozenset(UnitKind),
    ("deadlines", "kind"): frozenset(DeadlineKind),
    ("assignments", "role"): frozenset(AssignmentRole),
    ("progress_reports", "status"): frozenset(Status),
}
"""The allowed values of the coded columns: the domain's vocabularies (the database checks the same)."""


def expected_columns(table: str) -> list[str]:
    """The columns a package's rows of table carry, in order."""
    return [*HEAD, *SYNCED[table]]


def _decimal(value: Any) -> str:
    if len(value) > MAX_NUMBER_CHARS:
        raise ValueError(value)
    try:
        return str(check_number(Decimal(value)))  # the bounds of a value typed by a person (progress.py)
    except ProgressRuleError:
        raise ValueError(value) from None


def _plausible(moment: date) -> None:
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValueError(moment)


def _date(value: Any) -> str:
    day = date.fromisoformat(value)
    _plausible(day)
    return day.isoformat()


def _datetime(value: Any) -> str:
    moment = datetime.fromisoformat(value).replace(tzinfo=None)
    _plausible(moment)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


class _Plain:
    """A text kept as it is, checked against a pattern or a length: checked over a whole column at C speed."""

    def __init__(self, pattern: re.Pattern[str] | None = None, limit: int | None = None,
                 forbidden: re.Pattern[str] | None = None) -> None:
        self.pattern, self.limit, self.forbidden = pattern, limit, forbidden

    def first_bad(self, values: list[Any]) -> int | None:
        """The index of the first value that fails, or None."""
        texts = [v for v in values if v is not None]
        if self.pattern is not None and not all(map(self.pattern.match, texts)):
            return values.index(next(v for v in texts if not self.pattern.match(v)))
        if self.forbidden is not None and texts and self.forbidden.search("".join(texts)):
            return values.index(next(v for v in texts if self.forbidden.search(v)))
        if self.limit is not None and texts and max(map(len, texts)) > self.limit:
            return values.index(next(v for v in texts if len(v) > self.limit))
        return None


def _plain(kind: str, limit: int | None = None) -> _Plain:
    return _Plain(UUID if kind == "uuid" else REV if kind == "rev" else None, limit,
                  CONTROL if kind == "text" else None)


def _checker(table: str, column: str) -> tuple[frozenset[type], Callable[[Any], Any] | _Plain, bool]:
    """(allowed Python types, the check and conversion of one distinct value, nullable)."""
    if column in ("uuid",):
        return frozenset({str}), _plain("uuid"), False
    if column in ("rev", "base"):
        return frozenset({str}), _plain("rev"), False
    if column == "changed_at":
        return frozenset({str}), _datetime, False
    col = Base.metadata.tables[table].c[column]
    nullable = bool(col.nullable)
    if column in REFERENCES:
        return frozenset({str}), _plain("uuid"), nullable
    allowed = ENUMS.get((table, column))
    if allowed is not None:
        def enum(value: Any) -> Any:
            if value not in allowed:
                raise ValueError(value)
            return value
        return frozenset({str}), enum, nullable
    kind = col.type
    if isinstance(kind, DecimalText):
        return frozenset({str}), _decimal, nullable
    if isinstance(kind, Boolean):
        return frozenset({bool, int}), lambda v: int(bool(v)) if v in (0, 1, True, False) else _bad(v), nullable
    if isinstance(kind, Integer):
        return frozenset({int}), lambda v: v if -(2 ** 62) < v < 2 ** 62 else _bad(v), nullable
    if isinstance(kind, DateTime):
        return frozenset({str}), _datetime, nullable
    if isinstance(kind, Date):
        return frozenset({str}), _date, nullable
    if isinstance(kind, String):
        return frozenset({str}), _plain("text", kind.length or TEXT_LIMIT), nullable
    raise AssertionError(f"{table}.{column}: no check for {kind!r}")


def _bad(value: Any) -> Any:
    raise ValueError(value)


def checked_rows(table: str, data: Any, *, member: str) -> list[list[Any]]:
    """The rows of one package member, checked and in stored form, in expected_columns order; FileRefused
    naming the member, row and column when anything is wrong."""
    def refuse(code: str, **args: Any) -> FileRefused:
        return FileRefused(code, place=Message("check.place", member=member), **args)

    if not isinstance(data, dict) or not isinstance(data.get("columns"), list) or not isinstance(data.get("rows"), list):
        raise refuse("check.structure_rows")
    columns = data["columns"]
    expected = expected_columns(table)
    rows = data["rows"]
    added = ADDED.get(table, {})
    missing = [c for c in expected if c not in columns]
    if missing and set(missing) <= added.keys() and len(columns) + len(missing) == len(expected) \
            and all(type(r) is list and len(r) == len(columns) for r in rows):
        # a package of an older program (format 1): the columns added since stand at their defaults
        defaults = [added[c] for c in missing]
        columns, rows = [*columns, *missing], [[*r, *defaults] for r in rows]
    if sorted(map(str, columns)) != sorted(expected) or len(columns) != len(expected):
        raise refuse("check.columns", found=columns[:20], expected=expected)
    if any(type(r) is not list for r in rows) or {len(r) for r in rows} - {len(columns)}:
        raise refuse("check.row_shape")
    order = [columns.index(name) for name in expected]
    out_columns: list[list[Any]] = []
    wrong: int | None  # the first row with a bad value
    for name, position in zip(expected, order, strict=True):
        values = [r[position] for r in rows]
        types, convert, nullable = _checker(table, name)
        present = set(map(type, values))
        if not nullable:
            if type(None) in present:
                raise refuse("check.missing_value", row=values.index(None) + 1, column=name)
        else:
            present.discard(type(None))
        if not present <= types:
            wrong = next(i for i, v in enumerate(values) if v is not None and type(v) not in types)
            raise refuse("check.wrong_type", row=wrong + 1, column=name, value=str(values[wrong])[:60])
        if isinstance(convert, _Plain):
            wrong = convert.first_bad(values)
            if wrong is not None:
                raise refuse("check.invalid_value", row=wrong + 1, column=name, value=str(values[wrong])[:60])
            out_columns.append(values)
            continue
        converted: dict[Any, Any] = {}
        for value in set(values):
            if value is None:
                converted[None] = None
                continue
            try:
                converted[value] = convert(value)
            except (ValueError, TypeError, InvalidOperation, OverflowError):
                wrong = values.index(value)
                raise refuse("check.invalid_value", row=wrong + 1, column=name, value=str(value)[:60]) from None
        out_columns.append([converted[v] for v in values])
    result = [list(row) for row in zip(*out_columns, strict=True)] if rows else []
    uuids = out_columns[0] if rows else []
    if len(set(uuids)) != len(uuids):
        raise refuse("check.duplicate_uuid")
    if table == "periods":
        start, end = expected.index("start"), expected.index("end")
        for number, row in enumerate(result, 1):
            if row[start] > row[end]:
                raise refuse("check.period_order", row=number)
    if table == "evidence_files":
        at = expected.index("file_name")
        for number, row in enumerate(result, 1):
            if unsafe_file_name(row[at]):
                raise refuse("check.unsafe_file_name", row=number, uuid=row[0], name=row[at][:60])
    return result


def check_records(tables: dict[str, list[list[Any]]], *, member_of: Callable[[str], str]) -> None:
    """The rules across a package's tables, once each table passed checked_rows: no UUID names two records,
    a reference names a record of its own table (never a unit where an item is meant), and each progress
    report obeys the rules `record` applies (progress.check_progress: no negative value, no denominator 0,
    0–100 on an item measured in %). FileRefused naming the member, row and record."""
    owner: dict[str, str] = {}  # set operations over whole columns: a package of a million rows stays fast
    own: dict[str, set[str]] = {table: {row[0] for row in rows} for table, rows in tables.items()}
    for table, uuids in own.items():
        twice = uuids & owner.keys()
        if twice:
            uuid = min(twice)
            raise FileRefused("check.uuid_in_two_tables", place=Message("check.place", member=member_of(table)),
                              uuid=uuid, first=owner[uuid], second=table)
        owner.update(dict.fromkeys(uuids, table))
    for table, rows in tables.items():
        columns = expected_columns(table)
        for column in SYNCED[table]:
            if column not in REFERENCES or not rows:
                continue
            at, parent = columns.index(column), REFERENCES[column]
            named = {row[at] for row in rows} - own.get(parent, set())
            wrong = {u for u in named if u in owner}
            if wrong:
                number, row = next((n, r) for n, r in enumerate(rows, 1) if r[at] in wrong)
                raise FileRefused("check.reference_other_table",
                                  place=Message("check.place", member=member_of(table)), row=number,
                                  uuid=row[0], column=column, found=owner[row[at]], expected=parent)
    _check_reports(tables, member_of("progress_reports"))


def _check_reports(tables: dict[str, list[list[Any]]], member: str) -> None:
    rows = tables.get("progress_reports", [])
    if not rows:
        return
    targets = expected_columns("targets")
    t_item, t_kind = targets.index("item_id"), targets.index("unit_kind")
    percent_items = {t[t_item] for t in tables.get("targets", []) if t[t_kind] == UnitKind.PERCENT}
    columns = expected_columns("progress_reports")
    item, value, numerator, denominator, status = (columns.index(c) for c in (
        "item_id", "value", "numerator", "denominator", "status"))
    seen: set[tuple[Any, ...]] = set()
    for number, row in enumerate(rows, 1):
        key = (row[item] in percent_items, row[value], row[numerator], row[denominator], row[status])
        if key in seen:
            continue
        try:
            check_progress(percent=key[0], value=_number(key[1]), numerator=_number(key[2]),
                           denominator=_number(key[3]), status=key[4], narrative="", has_document=True)
        except ProgressRuleError as exc:
            raise FileRefused("check.report_refused", place=Message("check.place", member=member), row=number,
                              uuid=row[0], reason=exc.coded) from None
        seen.add(key)


def check_merged_reports(session: Session, uuids: list[str], *, member: str) -> None:
    """The progress reports a package merged (their UUIDs, or ours for one matched by its natural key), checked
    against the rules with the items as they stand here once merged: a package that carries a report but not
    its item's targets is judged by the targets known here (150 on an item measured in % here is refused).
    FileRefused naming the record; the caller's transaction rolls back."""
    from db.exchange.rows import aliases

    if not uuids:
        return
    ours = aliases(session, uuids)
    wanted = [ours.get(u, u) for u in uuids]
    percent = exists().where(Target.item_id == ProgressReport.item_id, Target.unit_kind == UnitKind.PERCENT)
    for start in range(0, len(wanted), 500):
        rows = session.execute(select(
            ProgressReport.uuid, ProgressReport.value, ProgressReport.numerator, ProgressReport.denominator,
            ProgressReport.status, percent).where(ProgressReport.uuid.in_(wanted[start:start + 500]))).all()
        for uuid, value, numerator, denominator, status, in_percent in rows:
            try:
                check_progress(percent=bool(in_percent), value=value, numerator=numerator, denominator=denominator,
                               status=status, narrative="", has_document=True)
            except ProgressRuleError as exc:
                raise FileRefused("check.merged_report_refused", place=Message("check.place", member=member),
                                  uuid=uuid, reason=exc.coded) from None


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def checked_tombstones(data: Any, *, member: str) -> list[list[Any]]:
    """The deletions of a package: [uuid, table, rev, deleted_at], checked."""
    place = Message("check.place", member=member)
    if not isinstance(data, dict) or data.get("columns") != ["uuid", "table", "rev", "deleted_at"] \
            or not isinstance(data.get("rows"), list):
        raise FileRefused("check.structure", place=place)
    result = []
    for number, row in enumerate(data["rows"], 1):
        try:
            uuid, table, rev, deleted_at = row
            if not (isinstance(uuid, str) and UUID.match(uuid) and table in SYNCED and isinstance(rev, str)
                    and REV.match(rev) and isinstance(deleted_at, str)):
                raise ValueError(row)
            result.append([uuid, table, rev, _datetime(deleted_at)])
        except (ValueError, TypeError):
            raise FileRefused("check.row_invalid", place=place, row=number) from None
    return result


AUDIT_ACTIONS = frozenset({"insert", "update", "delete", "import"})


def checked_audit(data: Any, *, member: str, columns: tuple[str, ...]) -> list[list[Any]]:
    """The audit entries of a package, checked: texts within limits, known actions, changes as a JSON object."""
    place = Message("check.place", member=member)
    if not isinstance(data, dict) or data.get("columns") != list(columns) or not isinstance(data.get("rows"), list):
        raise FileRefused("check.structure", place=place)
    result = []
    for number, row in enumerate(data["rows"], 1):
        try:
            values = dict(zip(columns, row, strict=True))
            if not all(v is None or (isinstance(v, str) and len(v) <= TEXT_LIMIT) for v in values.values()):
                raise ValueError(row)
            if not (values["uuid"] and REV.match(values["uuid"]) and values["action"] in AUDIT_ACTIONS
                    and values["table_name"] in SYNCED and values["at"]):
                raise ValueError(row)
            values["at"] = _datetime(values["at"])
            changes = json.loads(values["changes"] or "{}")
            if not isinstance(changes, dict):
                raise ValueError(row)
            result.append([values[c] for c in columns])
        except (ValueError, TypeError):
            raise FileRefused("check.row_invalid", place=place, row=number) from None
    return result
