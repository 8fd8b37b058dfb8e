"""A measurable target: comparison, value, unit and the text it was read from, and how it is shown (reading targets
from an item's text: target_text.py)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.messages import Message


class TargetOp(StrEnum):
    """How a target compares (targets.op); "=" means reach, so more is never worse."""

    AT_LEAST = ">="
    ABOVE = ">"
    REACH = "="
    AT_MOST = "<="
    BELOW = "<"


class UnitKind(StrEnum):
    """What a target's value counts (targets.unit_kind)."""

    PERCENT = "percent"
    INDEX = "index"
    COUNT = "count"
    NONE = "none"


OPS: tuple[str, ...] = tuple(o.value for o in TargetOp)
UNIT_KINDS: tuple[str, ...] = tuple(k.value for k in UnitKind)


def target_refusal(value: Decimal, unit_kind: str) -> Message | None:
    """Why value cannot be a target's value (the bounds of a reported value: finite, below 10**12, at most 6
    decimals; not negative; 0–100 for a percentage), None when it can: one rule for the item form, the
    appendix import and whatever else makes targets."""
    from desktop_app.domain.progress import FIELD_VALUE, ProgressRuleError, check_number
    from desktop_app.messages import Message

    try:
        check_number(value, FIELD_VALUE)
    except ProgressRuleError as exc:
        return exc.coded
    if value < 0:
        return Message("item.target_negative")
    if unit_kind == UnitKind.PERCENT and value > 100:
        return Message("progress.value_over_100")
    return None


def measurable_targets(targets: list[Target]) -> list[Target]:
    """The targets whose values obey target_refusal's rule (the others are kept only as the text they are in)."""
    return [t for t in targets if target_refusal(t.value, t.unit_kind) is None]


@dataclass(frozen=True)
class Target:
    """One measurable target: comparison, value, unit and the text it was read from."""

    op: str  # a TargetOp
    value: Decimal
    unit_kind: str  # a UnitKind
    unit: str | None  # "%" for percent, the counted noun for count, else None
    subject: str | None  # who/what the target is about when an item has several targets
    raw: str  # exact fragment of the (NFC) text, e.g. "Đạt tối thiểu 70%"


def _number_text(value: Decimal) -> str:
    """Return value in Vietnamese style: decimal comma, dot-grouped thousands."""
    whole, _, fraction = format(value, "f").partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


def format_target(t: Target) -> str:
    """Return the target for display: "≥ 70%", "100%", "≥ 0,70", "4 lớp"."""
    symbol = {">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< "}.get(t.op, "")
    number = _number_text(t.value)
    if t.unit_kind == "percent":
        return f"{symbol}{number}%"
    if t.unit_kind == "count" and t.unit:
        return f"{symbol}{number} {t.unit}"
    return f"{symbol}{number}"


def target_value_json(v: Decimal) -> int | float:
    """Return v as a JSON number: an int when whole (70), else a float (0.7)."""
    return int(v) if v == v.to_integral_value() else float(v)
