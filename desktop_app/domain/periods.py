"""Reporting periods: calendar months, quarters, halves and years, or the Decree 09/2019 cut-off windows."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class PeriodKind(StrEnum):
    """How often a plan is reported (plans.period_kind, periods.kind)."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


class PeriodBasis(StrEnum):
    """Where a period's days come from (plans.period_basis, periods.basis): the calendar, or the Decree 09/2019
    cut-off windows."""

    CALENDAR = "calendar"
    DECREE09 = "decree09"


KINDS: tuple[str, ...] = tuple(k.value for k in PeriodKind)
BASES: tuple[str, ...] = tuple(b.value for b in PeriodBasis)
ROMAN = ("I", "II", "III", "IV")
_MONTHS: dict[str, int] = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.HALF: 6, PeriodKind.YEAR: 12}
"""The months of a period of each kind."""


@dataclass(frozen=True)
class PeriodSpan:
    """One reporting period: what it is called and the days it covers (both ends included)."""

    kind: str
    basis: str
    label: str
    start: date
    end: date


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _decree09(last_month_year: int, last_month: int, months: int) -> tuple[date, date]:
    """Decree 09/2019: data run from the 15th of the month before the period to the 14th of its last month."""
    end = date(last_month_year, last_month, 14)
    first_month = last_month - months  # the month whose 15th opens the window
    year = last_month_year
    while first_month < 1:
        first_month += 12
        year -= 1
    return date(year, first_month, 15), end


def periods_for_year(
    year: int, *, kind: str = PeriodKind.QUARTER, basis: str = PeriodBasis.CALENDAR
) -> list[PeriodSpan]:
    """The periods of one year, in order."""
    if kind not in KINDS:
        raise ValueError(f"unknown period kind {kind!r}")
    if basis not in BASES:
        raise ValueError(f"unknown period basis {basis!r}")
    size = _MONTHS[kind]
    spans: list[PeriodSpan] = []
    for index in range(12 // size):
        first, last = index * size + 1, (index + 1) * size
        if kind == PeriodKind.MONTH:
            label = f"Tháng {first}/{year}"
        elif kind == PeriodKind.QUARTER:
            label = f"Quý {ROMAN[index]}/{year}"
        elif kind == PeriodKind.HALF:
            label = f"6 tháng {'đầu' if index == 0 else 'cuối'} năm {year}"
        else:
            label = f"Năm {year}"
        if basis == PeriodBasis.CALENDAR:
            start, end = date(year, first, 1), _month_end(year, last)
        else:
            start, end = _decree09(year, last, size)
        spans.append(PeriodSpan(kind, basis, label, start, end))
    return spans


def period_containing(spans: list[PeriodSpan], day: date) -> PeriodSpan | None:
    """The period whose window holds day, if any."""
    return next((s for s in spans if s.start <= day <= s.end), None)


def days(span: PeriodSpan) -> int:
    """How many days the period covers."""
    return (span.end - span.start + timedelta(days=1)).days


_CODE_LETTER: dict[str, str] = {PeriodKind.MONTH: "M", PeriodKind.QUARTER: "Q", PeriodKind.HALF: "H"}
_KIND_OF_LETTER = {letter: kind for kind, letter in _CODE_LETTER.items()}


def period_code(kind: str, end: date) -> str:
    """The period written as on the command line: "2026-Q3", "2026-M09", "2026-H1" or "2026", from its kind
    and last day (a Decree 09 window is named by the month its 14th closes)."""
    if kind == PeriodKind.YEAR:
        return str(end.year)
    index = (end.month - 1) // _MONTHS[kind] + 1
    number = f"{index:02d}" if kind == PeriodKind.MONTH else str(index)
    return f"{end.year}-{_CODE_LETTER[kind]}{number}"


def parse_period_code(text: str) -> tuple[str, int, int] | None:
    """(kind, year, index from 1) of "2026-Q3", "2026-M09", "2026-H1" or "2026"; None when text is not a code."""
    text = text.strip().upper()
    if len(text) == 4 and text.isdigit():
        return PeriodKind.YEAR, int(text), 1
    year, dash, rest = text.partition("-")
    if not (dash and len(year) == 4 and year.isdigit() and len(rest) >= 2 and rest[1:].isdigit()):
        return None
    kind = _KIND_OF_LETTER.get(rest[0])
    if kind is None:
        return None
    index = int(rest[1:])
    if not 1 <= index <= 12 // _MONTHS[kind]:
        return None
    return kind, int(year), index
