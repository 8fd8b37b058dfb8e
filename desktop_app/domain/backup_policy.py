"""Which automatic backups to keep: the newest copy of each of the last 7 days, of each of the last 4 ISO
weeks and of each of the last 12 months (one copy may stand for its day, its week and its month at once).
Everything else is pruned. Pure: names and times in, names out."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date, datetime, timedelta

DAYS, WEEKS, MONTHS = 7, 4, 12


def _last_months(today: date, count: int) -> set[tuple[int, int]]:
    year, month = today.year, today.month
    months = set()
    for _ in range(count):
        months.add((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def _week(day: date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso[0], iso[1]


def to_keep(backups: Sequence[tuple[str, datetime]], now: datetime, *, days: int = DAYS, weeks: int = WEEKS,
            months: int = MONTHS) -> set[str]:
    """The names among backups (name, when it was made) that the policy keeps. A copy dated after now (a
    clock set wrong) is kept: what is not understood is not deleted."""
    today = now.date()
    wanted_days = {today - timedelta(days=i) for i in range(days)}
    wanted_weeks = {_week(today - timedelta(weeks=i)) for i in range(weeks)}
    wanted_months = _last_months(today, months)
    newest: dict[Hashable, tuple[datetime, str]] = {}
    keep = set()
    for name, when in backups:
        if when > now:
            keep.add(name)
            continue
        day = when.date()
        buckets: list[Hashable] = []
        if day in wanted_days:
            buckets.append(("day", day))
        if _week(day) in wanted_weeks:
            buckets.append(("week", _week(day)))
        if (day.year, day.month) in wanted_months:
            buckets.append(("month", (day.year, day.month)))
        for bucket in buckets:
            if bucket not in newest or (when, name) > newest[bucket]:
                newest[bucket] = (when, name)
    return keep | {name for _when, name in newest.values()}


def to_prune(backups: Sequence[tuple[str, datetime]], now: datetime) -> list[str]:
    """The names among backups that the policy does not keep, oldest first."""
    keep = to_keep(backups, now)
    return [name for name, _when in sorted(backups, key=lambda b: (b[1], b[0])) if name not in keep]
