"""Rules for a progress report: which values are acceptable, and the value a numerator/denominator gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from desktop_app.errors import AppError
from desktop_app.messages import Message


class Status(StrEnum):
    """The status a report gives a task (progress_reports.status): the one list the database's check, the
    package checker, the command line and the forms take theirs from."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"


STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
STATUS_NAMES: dict[str, str] = {
    Status.NOT_STARTED: "Chưa bắt đầu",
    Status.IN_PROGRESS: "Đang thực hiện",
    Status.DONE: "Hoàn thành",
    Status.BLOCKED: "Vướng mắc",
}


class ProgressRuleError(AppError, ValueError):
    """A progress value breaks a rule; the message names the field."""


@dataclass(frozen=True)
class ProgressValues:
    """The checked values of one report, with value derived from numerator/denominator when given."""

    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str | None


FIELD_VALUE, FIELD_NUMERATOR, FIELD_DENOMINATOR = "progress.field_value", "progress.field_numerator", \
    "progress.field_denominator"

MAX_MAGNITUDE = 12
"""A value, numerator or denominator is below 10**12 (a commune counts people, households, đồng)."""
MAX_NUMBER = Decimal(10) ** MAX_MAGNITUDE
MAX_DECIMALS = 6
"""Most decimals a value carries (0.000001)."""
MAX_NUMBER_CHARS = 40
"""Longest text read as a number: "9E+999999999" or a million digits are refused before any arithmetic."""
_STEP = Decimal(1).scaleb(-MAX_DECIMALS)
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
"""The years a report's dates may fall in."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Control characters no typed text holds (tab, line feed and carriage return are allowed)."""


def _field(field: str) -> Message | str:
    return Message(field) if field else ""


def check_number(value: Decimal, field: str = "") -> Decimal:
    """value when it is finite, below 10**12 in magnitude and has at most 6 decimals; ProgressRuleError else.
    Safe on any Decimal (no arithmetic that could overflow: adjusted() and a quantize of at most 18 digits)."""
    if not value.is_finite():
        raise ProgressRuleError("progress.not_a_number", field=_field(field), text=str(value)[:40])
    if value and value.adjusted() >= MAX_MAGNITUDE:
        raise ProgressRuleError("progress.number_too_large", field=_field(field), text=str(value)[:40],
                                limit=f"{MAX_NUMBER:,.0f}".replace(",", "."))
    if value and value != value.quantize(_STEP):
        raise ProgressRuleError("progress.too_many_decimals", field=_field(field), text=str(value)[:40],
                                limit=MAX_DECIMALS)
    return value


def check_text(text: str, field: str) -> str:
    """text when it holds no control character (NUL, ESC …); ProgressRuleError naming field otherwise."""
    found = _CONTROL.search(text)
    if found is not None:
        raise ProgressRuleError("progress.control_character", field=Message(field),
                                code=f"U+{ord(found.group()):04X}")
    return text


def check_date(value: date, field: str) -> date:
    """value when its year is 1900–2100; ProgressRuleError naming field otherwise."""
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ProgressRuleError("progress.date_out_of_range", field=Message(field), date=value.isoformat(),
                                earliest=EARLIEST_YEAR, latest=LATEST_YEAR)
    return value


def parse_decimal(text: str | None, field: str) -> Decimal | None:
    """A number typed by a person ("70", "70,5", "0.75", "70%"), or None for blank. field: the code of the
    field's name for the refusal (FIELD_VALUE...), or ""."""
    if text is None:
        return None
    cleaned = str(text).strip().replace("%", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise ProgressRuleError("progress.number_too_long", field=_field(field), text=cleaned[:40] + "…",
                                limit=MAX_NUMBER_CHARS)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ProgressRuleError("progress.not_a_number", field=_field(field), text=text) from exc
    return check_number(value, field)


def check_progress(
    *,
    percent: bool,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    status: str | None,
    narrative: str,
    has_document: bool = False,
) -> ProgressValues:
    """Check a report against the rules and return its values; raise ProgressRuleError when one is broken.
    has_document: the report gives the number or date of the document issued, which is a report on its own."""
    for number, field in ((value, FIELD_VALUE), (numerator, FIELD_NUMERATOR), (denominator, FIELD_DENOMINATOR)):
        if number is not None:
            check_number(number, field)
    if status is not None and status not in STATUSES:
        raise ProgressRuleError("progress.bad_status_code", status=status, statuses=", ".join(STATUSES))
    if (numerator is None) != (denominator is None):
        raise ProgressRuleError("progress.fraction_half")
    if denominator is not None and numerator is not None:
        if denominator <= 0:
            raise ProgressRuleError("progress.denominator_not_positive")
        if numerator < 0:
            raise ProgressRuleError("progress.numerator_negative")
        if percent and numerator > denominator:
            raise ProgressRuleError("progress.numerator_over_denominator")
        derived = numerator / denominator * (100 if percent else 1)  # below 10**12 / 10**-6 * 100: no overflow
        if derived.adjusted() >= MAX_MAGNITUDE:
            raise ProgressRuleError("progress.number_too_large", field=Message(FIELD_VALUE), text=f"{derived:.0f}",
                                    limit=f"{MAX_NUMBER:,.0f}".replace(",", "."))
        derived = derived.quantize(Decimal("0.01"))
        if value is not None and abs(value - derived) > Decimal("0.01"):
            raise ProgressRuleError("progress.value_mismatch", value=value, derived=derived)
        value = derived if value is None else value
    if value is not None:
        if value < 0:
            raise ProgressRuleError("progress.value_negative")
        if percent and value > 100:
            raise ProgressRuleError("progress.value_over_100")
    if value is None and status is None and not narrative.strip() and not has_document:
        raise ProgressRuleError("progress.empty_report")
    return ProgressValues(value=value, numerator=numerator, denominator=denominator, status=status)


FIELD_NARRATIVE, FIELD_EVIDENCE, FIELD_DOCUMENT_NUMBER, FIELD_DOCUMENT_DATE = (
    "progress.field_narrative", "progress.field_evidence", "progress.field_document_number",
    "progress.field_document_date")


def check_report_details(*, narrative: str = "", evidence: str = "", document_number: str = "",
                         document_date: date | None = None) -> None:
    """The texts and date of a report, by the rules every way in shares (record, the progress grid, a package,
    a form): no control characters, a document date of 1900–2100. ProgressRuleError naming the field."""
    for text, field in ((narrative, FIELD_NARRATIVE), (evidence, FIELD_EVIDENCE),
                        (document_number, FIELD_DOCUMENT_NUMBER)):
        if text:
            check_text(text, field)
    if document_date is not None:
        check_date(document_date, FIELD_DOCUMENT_DATE)
