"""The retention policy of the automatic backups: 7 daily, 4 weekly (ISO weeks), 12 monthly copies."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop_app.domain.backup_policy import to_keep, to_prune

NOW = datetime(2026, 11, 25, 9, 0)  # a Wednesday, ISO week 48


def _named(times: list[datetime]) -> list[tuple[str, datetime]]:
    return [(f"b{t:%Y%m%d-%H%M%S}", t) for t in times]


def test_nothing_to_keep_or_prune_in_an_empty_folder() -> None:
    assert to_keep([], NOW) == set() and to_prune([], NOW) == []


def test_one_copy_per_day_for_a_daily_run_of_a_week() -> None:
    backups = _named([NOW - timedelta(days=i) for i in range(7)])
    assert to_prune(backups, NOW) == []


def test_only_the_newest_copy_of_a_day_is_kept() -> None:
    day = [datetime(2026, 11, 25, 7, 0), datetime(2026, 11, 25, 8, 0), datetime(2026, 11, 25, 8, 30)]
    backups = _named(day)
    assert to_keep(backups, NOW) == {"b20261125-083000"}
    assert to_prune(backups, NOW) == ["b20261125-070000", "b20261125-080000"]


def test_a_year_of_daily_copies_shrinks_to_days_weeks_and_months() -> None:
    backups = _named([NOW - timedelta(days=i) for i in range(400)])
    keep = to_keep(backups, NOW)
    days = {f"b{NOW - timedelta(days=i):%Y%m%d-%H%M%S}" for i in range(7)}
    assert days <= keep
    # the last 4 ISO weeks: weeks 48 (today), 47, 46, 45; each keeps its Sunday (or today for this week)
    for sunday in (datetime(2026, 11, 22, 9), datetime(2026, 11, 15, 9), datetime(2026, 11, 8, 9)):
        assert f"b{sunday:%Y%m%d-%H%M%S}" in keep
    # the last 12 months: the last day of each earlier month, December 2025 … October 2026
    for month_end in (datetime(2025, 12, 31, 9), datetime(2026, 6, 30, 9), datetime(2026, 10, 31, 9)):
        assert f"b{month_end:%Y%m%d-%H%M%S}" in keep
    assert "b20251130-090000" not in keep  # 13 months ago
    # 7 days (which hold week 47's Sunday, 22 Nov) + weeks 46, 45 + months Dec 2025 … Oct 2026
    assert len(keep) == 7 + 2 + 11
    assert len(to_prune(backups, NOW)) == 400 - len(keep)


def test_a_copy_counts_for_its_day_week_and_month_at_once() -> None:
    backups = _named([datetime(2026, 11, 25, 8, 0)])
    assert to_keep(backups, NOW) == {"b20261125-080000"}


def test_a_gap_keeps_the_older_copy_that_stands_for_its_week() -> None:
    # nothing in the last 7 days; one copy 10 days ago (week 46) and two 20 days ago (week 45)
    backups = _named([NOW - timedelta(days=10), NOW - timedelta(days=20, hours=2), NOW - timedelta(days=20)])
    assert to_prune(backups, NOW) == [f"b{NOW - timedelta(days=20, hours=2):%Y%m%d-%H%M%S}"]


def test_week_boundaries_follow_iso_weeks_across_a_new_year() -> None:
    now = datetime(2027, 1, 4, 9)  # Monday of ISO week 2027-W01
    # Sunday 3 January 2027 belongs to ISO week 2026-W53; 28 December 2026 (Monday) too
    backups = _named([datetime(2026, 12, 28, 9), datetime(2027, 1, 3, 9), datetime(2026, 12, 20, 9),
                      datetime(2026, 12, 21, 9)])
    keep = to_keep(backups, now)
    assert "b20270103-090000" in keep  # its day, ISO week 2026-W53 and January 2027
    assert "b20261228-090000" in keep  # within 7 days
    assert "b20261221-090000" in keep  # newest of week 52
    assert "b20261220-090000" in keep  # newest of week 51
    more = _named([datetime(2026, 12, 14, 9), datetime(2026, 12, 13, 9)])  # 14 Dec: week 51; 13 Dec: Sunday of week 50
    keep = to_keep(backups + more, now)
    assert "b20261214-090000" not in keep and "b20261213-090000" not in keep  # week 50 is the 5th week back


def test_months_across_a_year_and_the_oldest_month_kept() -> None:
    backups = _named([datetime(2025, 12, 1, 9), datetime(2025, 12, 31, 9), datetime(2025, 11, 30, 9)])
    keep = to_keep(backups, NOW)
    assert keep == {"b20251231-090000"}  # Dec 2025 is the 12th month back; Nov 2025 is not kept


def test_a_copy_from_the_future_is_kept() -> None:
    future = _named([NOW + timedelta(days=3)])
    assert to_keep(future, NOW) == {future[0][0]} and to_prune(future, NOW) == []


def test_same_time_copies_are_told_apart_by_name() -> None:
    t = datetime(2026, 11, 25, 8)
    backups = [("a", t), ("b", t)]
    assert to_keep(backups, NOW) == {"b"} and to_prune(backups, NOW) == ["a"]
