"""Table-driven tests for desktop_app.domain.assessment (comparing reports with targets, then dates)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop_app.domain.assessment import (
    ACHIEVED,
    ASSESSMENTS,
    COLOURS,
    EXCEEDED,
    IN_PROGRESS,
    LABELS,
    MET,
    NO_DATA,
    NOT_ACHIEVED,
    OVERDUE,
    SURPASSED,
    UNMET,
    assess,
    evaluate,
    target_exceeded,
    target_met,
)
from desktop_app.domain.targets import Target

D = Decimal


def pct(op: str, value: str, subject: str | None = None) -> Target:
    """A percent target such as "≥ 70%"."""
    return Target(op, D(value), "percent", "%", subject, f"{op} {value}%")


def idx(op: str, value: str) -> Target:
    """An index target such as "≥ 0.70"."""
    return Target(op, D(value), "index", None, None, f"{op} {value}")


def cnt(op: str, value: str, noun: str = "lớp") -> Target:
    """A counted target such as "04 lớp"."""
    return Target(op, D(value), "count", noun, None, f"{op} {value} {noun}")


def bare(op: str, value: str) -> Target:
    """A target without a unit."""
    return Target(op, D(value), "none", None, None, f"{op} {value}")


# --- constants -----------------------------------------------------------------

def test_constants() -> None:
    assert (EXCEEDED, MET, UNMET) == ("exceeded", "met", "unmet")
    assert ASSESSMENTS == (SURPASSED, ACHIEVED, IN_PROGRESS, NOT_ACHIEVED, OVERDUE, NO_DATA)
    assert set(LABELS) == set(ASSESSMENTS) == set(COLOURS)
    assert LABELS[SURPASSED] == "Vượt"
    assert LABELS[ACHIEVED] == "Đạt"
    assert LABELS[IN_PROGRESS] == "Đang thực hiện"
    assert LABELS[NOT_ACHIEVED] == "Không đạt"
    assert LABELS[OVERDUE] == "Quá hạn"
    assert LABELS[NO_DATA] == "Chưa có số liệu"
    assert COLOURS == {SURPASSED: "green", ACHIEVED: "green", IN_PROGRESS: "yellow",
                       NOT_ACHIEVED: "red", OVERDUE: "red", NO_DATA: "grey"}


# --- target_met ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("target", "value", "met"),
    [
        # ">=": reaching the value is enough.
        (pct(">=", "70"), "69.99", False),
        (pct(">=", "70"), "70", True),
        (pct(">=", "70"), "70.00", True),
        (pct(">=", "70"), "85", True),
        # ">": strictly above.
        (pct(">", "50"), "50", False),
        (pct(">", "50"), "50.01", True),
        # "=": "reach", higher is better.
        (pct("=", "100"), "100", True),
        (pct("=", "100"), "99.9", False),
        (cnt("=", "4"), "4", True),
        (cnt("=", "4"), "5", True),
        (cnt("=", "4"), "3", False),
        # "<=" and "<": lower is better.
        (pct("<=", "5"), "5", True),
        (pct("<=", "5"), "4", True),
        (pct("<=", "5"), "5.01", False),
        (cnt("<", "3", "sự cố"), "3", False),
        (cnt("<", "3", "sự cố"), "2", True),
        (cnt("<=", "0", "sự cố"), "0", True),
        (cnt("<=", "0", "sự cố"), "1", False),
        # Index targets and Decimal precision: 0.70 and 0.7 are the same number.
        (idx(">=", "0.70"), "0.7", True),
        (idx(">=", "0.7"), "0.70", True),
        (idx(">=", "0.70"), "0.6999", False),
        (idx(">", "0.70"), "0.7000", False),
        (idx("=", "0.70"), "0.700", True),
        (idx("<", "0.7"), "0.69", True),
        (bare(">=", "2"), "2", True),
        (bare(">=", "2"), "1", False),
    ],
)
def test_target_met(target: Target, value: str, met: bool) -> None:
    assert target_met(target, D(value)) is met


# --- target_exceeded -------------------------------------------------------------

@pytest.mark.parametrize(
    ("target", "value", "exceeded"),
    [
        # Percent: 5 % relative and at least one point above.
        (pct(">=", "70"), "73.4", False),
        (pct(">=", "70"), "73.5", True),
        (pct(">=", "70"), "90", True),
        (pct(">=", "70"), "69", False),
        (pct(">=", "10"), "10.5", False),  # 5 % relative but under one point
        (pct(">=", "10"), "11", True),
        (pct(">", "50"), "52.4", False),
        (pct(">", "50"), "52.5", True),
        (pct("=", "60"), "63", True),
        (pct("=", "60"), "62.9", False),
        # A percent of 100 cannot be beaten: 100 % is everything.
        (pct("=", "100"), "100", False),
        (pct("=", "100"), "105", False),
        (pct(">=", "100"), "110", False),
        # Counts and indexes: 5 % relative, no point rule.
        (cnt(">=", "4"), "4", False),
        (cnt(">=", "4"), "5", True),
        (cnt("=", "4"), "5", True),
        (cnt(">=", "100", "tài khoản"), "104", False),
        (cnt(">=", "100", "tài khoản"), "105", True),
        (idx(">=", "0.70"), "0.734", False),
        (idx(">=", "0.70"), "0.735", True),
        (idx(">=", "0.7"), "0.7350", True),
        (bare(">=", "2"), "3", True),
        # Lower is better: clearly below the ceiling.
        (pct("<=", "5"), "4.5", False),  # 10 % relative but under one point
        (pct("<=", "5"), "4", True),
        (pct("<=", "5"), "5", False),
        (pct("<=", "5"), "6", False),
        (pct("<", "20"), "19", True),
        (pct("<", "20"), "19.5", False),
        (cnt("<=", "10", "ngày"), "9.5", True),
        (cnt("<=", "10", "ngày"), "9.6", False),
        (cnt("<", "3", "sự cố"), "2", True),
        (idx("<=", "1.00"), "0.95", True),
        (idx("<=", "1.00"), "0.96", False),
        # A zero target gives no relative margin to beat.
        (cnt("<=", "0", "sự cố"), "0", False),
        (cnt(">", "0"), "5", False),
        (cnt(">=", "0"), "0", False),
    ],
)
def test_target_exceeded(target: Target, value: str, exceeded: bool) -> None:
    assert target_exceeded(target, D(value)) is exceeded
    if exceeded:
        assert target_met(target, D(value))


# --- evaluate ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("targets", "value", "status", "expected"),
    [
        # Nothing reported yet.
        ([pct(">=", "70")], None, None, None),
        ([pct(">=", "70")], None, "done", None),
        # One target.
        ([pct(">=", "70")], "69", None, UNMET),
        ([pct(">=", "70")], "70", None, MET),
        ([pct(">=", "70")], "72", "in_progress", MET),  # the number, not the status, decides
        ([pct(">=", "70")], "80", None, EXCEEDED),
        ([pct("=", "100")], "100", None, MET),
        ([pct("=", "100")], "99", "done", UNMET),
        ([idx(">=", "0.70")], "0.7", None, MET),
        ([idx(">=", "0.7")], "0.70", None, MET),
        ([idx(">=", "0.70")], "0.69", None, UNMET),
        ([cnt("=", "4")], "4", None, MET),
        ([cnt("=", "4")], "6", None, EXCEEDED),
        # Lower is better.
        ([pct("<=", "5")], "3", None, EXCEEDED),
        ([pct("<=", "5")], "5", None, MET),
        ([pct("<=", "5")], "7", None, UNMET),
        ([cnt("<", "3", "sự cố")], "3", None, UNMET),
        # Several targets must all be met; exceeded only when all are exceeded.
        ([pct(">=", "70", "hồ sơ"), pct(">=", "50", "thanh toán")], "80", None, EXCEEDED),
        ([pct(">=", "70", "hồ sơ"), pct(">=", "50", "thanh toán")], "70", None, MET),
        ([pct(">=", "70", "hồ sơ"), pct(">=", "50", "thanh toán")], "60", None, UNMET),
        ([pct(">=", "50"), pct("=", "100")], "100", None, MET),  # 100 % cannot be exceeded
        ([cnt(">=", "2"), cnt("<=", "5")], "3", None, EXCEEDED),
        ([cnt(">=", "2"), cnt("<=", "5")], "5", None, MET),  # one exceeded, one only met
        ([cnt(">=", "2"), cnt("<=", "5")], "6", None, UNMET),
        ([cnt(">=", "2"), cnt("<=", "5")], "1", None, UNMET),
        # Without a measurable target the status decides.
        ([], None, "done", MET),
        ([], "5", "done", MET),
        ([], None, "in_progress", UNMET),
        ([], None, "not_started", UNMET),
        ([], None, "blocked", UNMET),
        ([], None, None, None),
        ([], "5", None, None),
    ],
)
def test_evaluate(targets: list[Target], value: str | None, status: str | None, expected: str | None) -> None:
    got = evaluate(targets=targets, value=None if value is None else D(value), status=status)
    assert got == expected
    # A tuple of targets works as well as a list.
    assert evaluate(targets=tuple(targets), value=None if value is None else D(value), status=status) == got


def test_evaluate_unknown_status() -> None:
    with pytest.raises(ValueError):
        evaluate(targets=[], value=None, status="finished")


# --- assess --------------------------------------------------------------------

DUE = date(2026, 6, 30)


@pytest.mark.parametrize(
    ("result", "kind", "due", "today", "expected"),
    [
        # Met or exceeded: good whatever the date.
        (MET, "date", DUE, date(2026, 1, 1), ACHIEVED),
        (MET, "date", DUE, date(2027, 1, 1), ACHIEVED),
        (EXCEEDED, "date", DUE, date(2027, 1, 1), SURPASSED),
        (EXCEEDED, "ongoing", None, date(2027, 1, 1), SURPASSED),
        (MET, "ongoing", None, date(2027, 1, 1), ACHIEVED),
        (MET, "other", None, date(2027, 1, 1), ACHIEVED),
        # Before or on the due date: still being worked on.
        (UNMET, "date", DUE, date(2026, 6, 29), IN_PROGRESS),
        (UNMET, "date", DUE, DUE, IN_PROGRESS),  # the due day itself is not late
        (None, "date", DUE, DUE, NO_DATA),
        (None, "date", DUE, date(2026, 1, 1), NO_DATA),
        # After the due date.
        (UNMET, "date", DUE, date(2026, 7, 1), NOT_ACHIEVED),
        (None, "date", DUE, date(2026, 7, 1), OVERDUE),
        (UNMET, "date", DUE, date(2030, 1, 1), NOT_ACHIEVED),
        # Ongoing items are assessed per period and are never overdue.
        (UNMET, "ongoing", None, date(2030, 1, 1), IN_PROGRESS),
        (None, "ongoing", None, date(2030, 1, 1), NO_DATA),
        (UNMET, "ongoing", DUE, date(2030, 1, 1), IN_PROGRESS),
        (None, "ongoing", DUE, date(2030, 1, 1), NO_DATA),
        # No readable due date: nothing to be late against.
        (UNMET, "other", None, date(2030, 1, 1), IN_PROGRESS),
        (None, "other", None, date(2030, 1, 1), NO_DATA),
        (None, "date", None, date(2030, 1, 1), NO_DATA),
    ],
)
def test_assess(result: str | None, kind: str, due: date | None, today: date, expected: str) -> None:
    assert assess(result=result, deadline_kind=kind, due=due, today=today) == expected


def test_assess_unknown_result() -> None:
    with pytest.raises(ValueError):
        assess(result="done", deadline_kind="date", due=DUE, today=DUE)


@pytest.mark.parametrize(
    ("targets", "value", "due", "today", "expected"),
    [
        ([pct(">=", "70")], "72", DUE, date(2026, 7, 1), ACHIEVED),
        ([pct(">=", "70")], "95", DUE, date(2026, 7, 1), SURPASSED),
        ([pct(">=", "70")], "60", DUE, date(2026, 5, 1), IN_PROGRESS),
        ([pct(">=", "70")], "60", DUE, date(2026, 7, 1), NOT_ACHIEVED),
        ([pct(">=", "70")], None, DUE, date(2026, 7, 1), OVERDUE),
        ([pct("<=", "5")], "8", DUE, date(2026, 7, 1), NOT_ACHIEVED),
    ],
)
def test_evaluate_then_assess(
    targets: list[Target], value: str | None, due: date, today: date, expected: str
) -> None:
    result = evaluate(targets=targets, value=None if value is None else D(value), status=None)
    assert assess(result=result, deadline_kind="date", due=due, today=today) == expected


def test_judge_combines_the_comparison_and_the_deadline() -> None:
    from datetime import date as day

    from desktop_app.domain.assessment import judge

    goal = [Target(">=", Decimal("70"), "percent", "%", None, "70%")]
    due = day(2026, 6, 30)
    assert judge(targets=goal, value=Decimal("72"), status=None, deadline_kind="date", due=due,
                 today=day(2026, 9, 1)) == "achieved"
    assert judge(targets=goal, value=Decimal("50"), status=None, deadline_kind="date", due=due,
                 today=day(2026, 9, 1)) == "not_achieved"
    assert judge(targets=goal, value=None, status=None, deadline_kind=None, due=None, today=day(2026, 9, 1)) == "no_data"
    assert judge(targets=[], value=None, status="done", deadline_kind="ongoing", due=None,
                 today=day(2026, 9, 1)) == "achieved"
