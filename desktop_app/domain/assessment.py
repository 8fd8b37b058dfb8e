"""Assessment of an item: compare the latest reported value with its targets, then judge it against the due date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum

from desktop_app.domain.progress import Status
from desktop_app.domain.targets import Target, TargetOp


class Result(StrEnum):
    """What was reported, compared with the targets (items.result; None = nothing reported yet). It does not
    depend on today's date, so it can be stored with the report and only the assessment is recomputed daily."""

    EXCEEDED = "exceeded"
    MET = "met"
    UNMET = "unmet"


class Assessment(StrEnum):
    """The assessment shown to the user, in the order the legends and totals list them."""

    EXCEEDED = "exceeded"
    ACHIEVED = "achieved"
    IN_PROGRESS = "in_progress"
    NOT_ACHIEVED = "not_achieved"
    OVERDUE = "overdue"
    NO_DATA = "no_data"


EXCEEDED, MET, UNMET = Result.EXCEEDED.value, Result.MET.value, Result.UNMET.value
RESULTS: tuple[str, ...] = tuple(r.value for r in Result)

ACHIEVED = Assessment.ACHIEVED.value
SURPASSED = Assessment.EXCEEDED.value
IN_PROGRESS = Assessment.IN_PROGRESS.value
NOT_ACHIEVED = Assessment.NOT_ACHIEVED.value
OVERDUE = Assessment.OVERDUE.value
NO_DATA = Assessment.NO_DATA.value
ASSESSMENTS: tuple[str, ...] = tuple(a.value for a in Assessment)
LABELS = {
    SURPASSED: "Vượt",
    ACHIEVED: "Đạt",
    IN_PROGRESS: "Đang thực hiện",
    NOT_ACHIEVED: "Không đạt",
    OVERDUE: "Quá hạn",
    NO_DATA: "Chưa có số liệu",
}
COLOURS = {
    SURPASSED: "green",
    ACHIEVED: "green",
    IN_PROGRESS: "yellow",
    NOT_ACHIEVED: "red",
    OVERDUE: "red",
    NO_DATA: "grey",
}

# "=" in a plan means "reach" ("Đạt 100%", "Đạt 04 lớp"): more is never worse.
_HIGHER_IS_BETTER = {TargetOp.AT_LEAST, TargetOp.ABOVE, TargetOp.REACH}
_LOWER_IS_BETTER = {TargetOp.AT_MOST, TargetOp.BELOW}
# "Clearly" beyond a target: a relative margin, plus one whole point for percents so
# that 10.5 % against 10 % (5 % relative, half a point) still reads as merely met.
_MARGIN = Decimal("0.05")
_PERCENT_POINTS = Decimal(1)
_FULL_PERCENT = Decimal(100)

# Without a measurable target, the reported status stands in for the comparison.
_STATUS_RESULTS: dict[str, str] = {
    Status.DONE: MET,
    Status.IN_PROGRESS: UNMET,
    Status.NOT_STARTED: UNMET,
    Status.BLOCKED: UNMET,
}


def _check_op(op: str) -> None:
    if op not in _HIGHER_IS_BETTER and op not in _LOWER_IS_BETTER:
        raise ValueError(f"unknown target operator: {op!r}")


def target_met(target: Target, value: Decimal) -> bool:
    """Return True when value satisfies the target's comparison ("=" means reach, higher is better)."""
    _check_op(target.op)
    goal = target.value
    if target.op == ">":
        return value > goal
    if target.op == "<":
        return value < goal
    if target.op == "<=":
        return value <= goal
    return value >= goal  # ">=" and "="


def target_exceeded(target: Target, value: Decimal) -> bool:
    """Return True when value is clearly beyond the target on its good side (≥ 5 %, and ≥ 1 point for %)."""
    if not target_met(target, value):
        return False
    goal = target.value
    if goal == 0:
        # No relative margin exists around zero: "≤ 0 sự cố" can only be met.
        return False
    if target.op in _HIGHER_IS_BETTER:
        if target.unit_kind == "percent" and goal >= _FULL_PERCENT:
            # Nobody can cover more than everyone: reaching 100 % is the best there is.
            return False
        margin = value - goal
    else:
        margin = goal - value
    if margin < abs(goal) * _MARGIN:
        return False
    return target.unit_kind != "percent" or margin >= _PERCENT_POINTS


def evaluate(*, targets: Sequence[Target], value: Decimal | None, status: str | None) -> str | None:
    """Return EXCEEDED, MET, UNMET, or None when nothing was reported; status decides only without targets."""
    if targets:
        if value is None:
            return None
        if all(target_exceeded(t, value) for t in targets):
            return EXCEEDED
        if all(target_met(t, value) for t in targets):
            return MET
        return UNMET
    if status is None:
        return None
    try:
        return _STATUS_RESULTS[status]
    except KeyError:
        raise ValueError(f"unknown progress status: {status!r}") from None


def assess(*, result: str | None, deadline_kind: str, due: date | None, today: date) -> str:
    """Return the assessment shown to the user from a result of evaluate() and the item's deadline."""
    if result == MET:
        return ACHIEVED
    if result == EXCEEDED:
        return SURPASSED
    if result is not None and result != UNMET:
        raise ValueError(f"unknown result: {result!r}")
    # Ongoing items are judged period by period, and an unreadable deadline gives
    # nothing to be late against: neither can ever be overdue.
    late = deadline_kind != "ongoing" and due is not None and today > due
    if result == UNMET:
        return NOT_ACHIEVED if late else IN_PROGRESS
    return OVERDUE if late else NO_DATA


def judge(*, targets: Sequence[Target], value: Decimal | None, status: str | None, deadline_kind: str | None,
          due: date | None, today: date) -> str:
    """The assessment of what was reported (value or status; both None: nothing) against the targets and the
    deadline, as of today: evaluate() then assess()."""
    return assess(result=evaluate(targets=targets, value=value, status=status),
                  deadline_kind=deadline_kind or "other", due=due, today=today)


def completion(*, targets: Sequence[Target], value: Decimal | None, status: str | None) -> Decimal | None:
    """Tỷ lệ hoàn thành (%): the value as a share of each target (the target as a share of the value when
    lower is better), the smallest over the targets, capped at 100 and rounded to one decimal; a task without
    a measurable target counts 100 when done; None when nothing can be said."""
    if not targets:
        return _FULL_PERCENT if status == "done" else None
    if value is None:
        return None
    shares: list[Decimal] = []
    for t in targets:
        _check_op(t.op)
        if t.op in _LOWER_IS_BETTER:
            share = _FULL_PERCENT if value <= t.value else (t.value * 100 / value if value else _FULL_PERCENT)
        else:
            share = value * 100 / t.value if t.value > 0 else _FULL_PERCENT
        shares.append(min(share, _FULL_PERCENT))
    return min(shares).quantize(Decimal("0.1"))
