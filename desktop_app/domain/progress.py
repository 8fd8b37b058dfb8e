"""Rules for a progress report: which values are acceptable, and the value a numerator/denominator gives."""

from __future__ import annotations

from dataclasses import dataclass
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


def parse_decimal(text: str | None, field: str) -> Decimal | None:
    """A number typed by a person ("70", "70,5", "0.75", "70%"), or None for blank. field: the code of the
    field's name for the refusal (FIELD_VALUE...), or ""."""
    if text is None:
        return None
    cleaned = str(text).strip().replace("%", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ProgressRuleError("progress.not_a_number", field=Message(field) if field else "", text=text) from exc
    if not value.is_finite():
        raise ProgressRuleError("progress.not_a_number", field=Message(field) if field else "", text=text)
    return value


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
        derived = numerator / denominator * (100 if percent else 1)
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
