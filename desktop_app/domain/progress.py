"""Rules for a progress report: which values are acceptable, and the value a numerator/denominator gives."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum


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


class ProgressRuleError(ValueError):
    """A progress value breaks a rule; the message is Vietnamese and names the field."""


@dataclass(frozen=True)
class ProgressValues:
    """The checked values of one report, with value derived from numerator/denominator when given."""

    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str | None


def parse_decimal(text: str | None, field: str) -> Decimal | None:
    """A number typed by a person ("70", "70,5", "0.75", "70%"), or None for blank."""
    if text is None:
        return None
    cleaned = str(text).strip().replace("%", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ProgressRuleError(f"{field}: «{text}» không phải là một số.") from exc
    if not value.is_finite():
        raise ProgressRuleError(f"{field}: «{text}» không phải là một số.")
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
        raise ProgressRuleError(f"Trạng thái «{status}» không hợp lệ (chọn: {', '.join(STATUSES)}).")
    if (numerator is None) != (denominator is None):
        raise ProgressRuleError("Phải nhập cả tử số và mẫu số, hoặc để trống cả hai.")
    if denominator is not None and numerator is not None:
        if denominator <= 0:
            raise ProgressRuleError("Mẫu số phải lớn hơn 0.")
        if numerator < 0:
            raise ProgressRuleError("Tử số không được âm.")
        if percent and numerator > denominator:
            raise ProgressRuleError("Tử số không được lớn hơn mẫu số khi chỉ tiêu tính theo %.")
        derived = numerator / denominator * (100 if percent else 1)
        derived = derived.quantize(Decimal("0.01"))
        if value is not None and abs(value - derived) > Decimal("0.01"):
            raise ProgressRuleError(f"Giá trị {value} không khớp với tử số/mẫu số ({derived}).")
        value = derived if value is None else value
    if value is not None:
        if value < 0:
            raise ProgressRuleError("Giá trị không được âm.")
        if percent and value > 100:
            raise ProgressRuleError("Giá trị phải từ 0 đến 100 khi đơn vị là %.")
    if value is None and status is None and not narrative.strip() and not has_document:
        raise ProgressRuleError("Báo cáo trống: hãy nhập giá trị, trạng thái hoặc nội dung kết quả.")
    return ProgressValues(value=value, numerator=numerator, denominator=denominator, status=status)
