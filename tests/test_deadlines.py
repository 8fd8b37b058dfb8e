"""Tests for deadline parsing and display, including every deadline in the seed appendices."""

from __future__ import annotations

import random
import time
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.deadlines import (
    DATED_KINDS,
    Deadline,
    format_deadline,
    horizon_deadline,
    parse_deadline,
)

DATA = Path(__file__).parent / "data"


def _seed_deadlines() -> list[str]:
    """Return the 'Thời gian hoàn thành' cell of every item row of both seed copies."""
    found: list[str] = []
    for line in (DATA / "nam_hong_phu_luc_1.txt").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 5 and cells[0].strip() != "Stt" and cells[4].strip():
            found.append(cells[4].strip())
    for line in (DATA / "minh_tan_phu_luc_1.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 5 and cells[0] != "Stt" and cells[4] and not set(cells[4]) <= {"-"}:
            found.append(cells[4])
    return found


# Every distinct deadline string of both seeds with its expected reading.
SEED_DEADLINES: dict[str, tuple[str, date | None]] = {
    "Thường xuyên": ("ongoing", None),
    "Theo lộ trình yêu cầu cụ thể của từng nhiệm vụ": ("other", None),
    "Theo Kế hoạch UBND tỉnh": ("other", None),
    "Tháng 4/2026": ("date", date(2026, 4, 30)),
    "Tháng 6/2026": ("date", date(2026, 6, 30)),
    "Tháng 9/2026": ("date", date(2026, 9, 30)),
    "Tháng 09/2026": ("date", date(2026, 9, 30)),
    "Tháng 10/2026": ("date", date(2026, 10, 31)),
    "Tháng 11/2026": ("date", date(2026, 11, 30)),
    "Tháng 12/2026": ("date", date(2026, 12, 31)),
    # Minh Tân 6.15 says 2025 in the source; we read it literally, not "fix" it.
    "Tháng 12/2025": ("date", date(2025, 12, 31)),
}


def test_seed_extraction_finds_all_rows() -> None:
    found = _seed_deadlines()
    # 47 + 8 Nam Hồng items, 40 Minh Tân items (group rows have no deadline)
    assert len(found) == 55 + 40


def test_every_seed_deadline_is_in_the_table() -> None:
    assert set(_seed_deadlines()) == set(SEED_DEADLINES)


@pytest.mark.parametrize(("raw", "expected"), sorted(SEED_DEADLINES.items()))
def test_seed_deadlines(raw: str, expected: tuple[str, date | None]) -> None:
    d = parse_deadline(raw)
    assert (d.kind, d.due) == expected
    assert d.raw == raw


@pytest.mark.parametrize(
    ("raw", "due"),
    [
        ("Tháng 12/2026", date(2026, 12, 31)),
        ("Tháng 09/2026", date(2026, 9, 30)),
        ("tháng 9/2026", date(2026, 9, 30)),
        ("Tháng 9 năm 2026", date(2026, 9, 30)),
        ("T12/2026", date(2026, 12, 31)),
        ("t9/2026", date(2026, 9, 30)),
        ("Tháng 2/2026", date(2026, 2, 28)),
        ("Tháng 2/2028", date(2028, 2, 29)),
        ("Tháng 6-2026", date(2026, 6, 30)),
        ("Trước tháng 6/2026", date(2026, 6, 30)),
        ("Quý III/2026", date(2026, 9, 30)),
        ("Quý 3/2026", date(2026, 9, 30)),
        ("Quý IV năm 2026", date(2026, 12, 31)),
        ("Quý I/2026", date(2026, 3, 31)),
        ("quý ii/2026", date(2026, 6, 30)),
        ("trước ngày 30/6/2026", date(2026, 6, 30)),
        ("Trước ngày 30/6/2026", date(2026, 6, 30)),
        ("30/6/2026", date(2026, 6, 30)),
        ("30/06/2026", date(2026, 6, 30)),
        ("ngày 30 tháng 6 năm 2026", date(2026, 6, 30)),
        ("Ngày 01/4/2026", date(2026, 4, 1)),
        ("29/2/2028", date(2028, 2, 29)),
        ("Năm 2026", date(2026, 12, 31)),
        ("năm 2027", date(2027, 12, 31)),
        ("Trong năm 2026", date(2026, 12, 31)),
        ("6 tháng đầu năm 2026", date(2026, 6, 30)),
        ("6 tháng cuối năm 2026", date(2026, 12, 31)),
        ("Tháng 12/2026.", date(2026, 12, 31)),
    ],
)
def test_date_deadlines(raw: str, due: date) -> None:
    d = parse_deadline(raw)
    assert d.kind == "date"
    assert d.due == due


@pytest.mark.parametrize(
    "raw",
    ["Thường xuyên", "thường xuyên", "THƯỜNG XUYÊN", "Thuong xuyen", "Thường xuyên.",
     "Liên tục", "liên tục", "Thường xuyên, liên tục",
     unicodedata.normalize("NFD", "Thường xuyên")],
)
def test_ongoing_deadlines(raw: str) -> None:
    d = parse_deadline(raw)
    assert d.kind == "ongoing"
    assert d.due is None


@pytest.mark.parametrize(
    "raw",
    [
        "Theo lộ trình yêu cầu cụ thể của từng nhiệm vụ",
        "Theo Kế hoạch UBND tỉnh",
        "",
        "Tháng 13/2026",
        "Tháng 0/2026",
        "31/2/2026",
        "29/2/2026",
        "32/1/2026",
        "Quý V/2026",
        "Quý 5/2026",
        "Quý IIII/2026",
        "Tháng 12",
        "Thường xuyên cập nhật theo quý",
    ],
)
def test_other_deadlines(raw: str) -> None:
    d = parse_deadline(raw)
    assert d.kind == "other"
    assert d.due is None
    assert d.raw == raw


def test_none_is_other_with_empty_raw() -> None:
    assert parse_deadline(None) == Deadline(raw="", kind="other", due=None)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Tháng   12/2026 ", "Tháng 12/2026"),
        ("Tháng\t12/2026\n", "Tháng 12/2026"),
        (unicodedata.normalize("NFD", "Tháng 12/2026"), "Tháng 12/2026"),
        ("Theo  Kế hoạch\u00a0UBND tỉnh", "Theo Kế hoạch UBND tỉnh"),
        ("   ", ""),
    ],
)
def test_raw_is_cleaned(raw: str, clean: str) -> None:
    assert parse_deadline(raw).raw == clean


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Tháng 12/2026", "31/12/2026"),
        ("Tháng 9/2026", "30/09/2026"),
        ("Quý I/2026", "31/03/2026"),
        ("ngày 1 tháng 4 năm 2026", "01/04/2026"),
        ("Thường xuyên", "Thường xuyên"),
        ("thường xuyên", "Thường xuyên"),
        ("Liên tục", "Thường xuyên"),
        ("Theo Kế hoạch UBND tỉnh", "Theo Kế hoạch UBND tỉnh"),
        ("  Theo  lộ trình ", "Theo lộ trình"),
        ("", ""),
    ],
)
def test_format_deadline(raw: str, shown: str) -> None:
    assert format_deadline(parse_deadline(raw)) == shown


def test_format_deadline_from_constructed_value() -> None:
    assert format_deadline(Deadline(raw="x", kind="date", due=date(2026, 1, 5))) == "05/01/2026"


# --- Forms real plan appendices write ------------------------------------------------------------------------


def test_dated_kinds() -> None:
    assert DATED_KINDS == ("date", "yearly")


def test_deadline_start_defaults_to_none() -> None:
    assert Deadline("x", "date", date(2026, 1, 1)).start is None


@pytest.mark.parametrize(
    ("raw", "due"),
    [
        # month
        ("6/2025", date(2025, 6, 30)),
        ("06/2025", date(2025, 6, 30)),
        ("Tháng 6/2025", date(2025, 6, 30)),
        ("T6/2025", date(2025, 6, 30)),
        ("Tháng 06 - 2026", date(2026, 6, 30)),
        ("Tháng 6 – 2026", date(2026, 6, 30)),
        ("Trong tháng 6/2026", date(2026, 6, 30)),
        ("Chậm nhất trong tháng 6/2026", date(2026, 6, 30)),
        ("Cuối tháng 6/2026", date(2026, 6, 30)),
        ("Hoàn thành trong tháng 12/2026", date(2026, 12, 31)),
        ("Tháng 12/2026;", date(2026, 12, 31)),
        # day
        ("Trước ngày 15/8/2025", date(2025, 8, 15)),
        ("Trước 15/8/2025", date(2025, 8, 15)),
        ("Chậm nhất ngày 15/8/2025", date(2025, 8, 15)),
        ("Chậm nhất là ngày 15/8/2025", date(2025, 8, 15)),
        ("ngày 15 tháng 8 năm 2025", date(2025, 8, 15)),
        ("Ngày 15 tháng 8/2025", date(2025, 8, 15)),
        ("Trước 30/6/2026", date(2026, 6, 30)),
        ("Hoàn thành trước ngày 30/6/2026", date(2026, 6, 30)),
        ("Hạn 30/6/2026", date(2026, 6, 30)),
        ("15.8.2025", date(2025, 8, 15)),
        ("15-8-2025", date(2025, 8, 15)),
        # quarter, half, year
        ("Quý I/2026", date(2026, 3, 31)),
        ("Quý III/2026", date(2026, 9, 30)),
        ("Quý II – 2026", date(2026, 6, 30)),
        ("Trong quý II/2026", date(2026, 6, 30)),
        ("Hoàn thành trong Quý IV năm 2026", date(2026, 12, 31)),
        ("Cuối quý II/2026", date(2026, 6, 30)),
        ("6 tháng đầu năm 2026", date(2026, 6, 30)),
        ("Năm 2026", date(2026, 12, 31)),
        ("NĂM 2026", date(2026, 12, 31)),
        ("2026", date(2026, 12, 31)),
        ("Đến năm 2030", date(2030, 12, 31)),
        ("Đến hết năm 2030", date(2030, 12, 31)),
        ("Từ nay đến năm 2030", date(2030, 12, 31)),
        ("Cuối năm 2026", date(2026, 12, 31)),
        ("Trong năm 2026.", date(2026, 12, 31)),
    ],
)
def test_single_date_forms(raw: str, due: date) -> None:
    d = parse_deadline(raw)
    assert (d.kind, d.due, d.start) == ("date", due, None)
    assert d.raw == raw


@pytest.mark.parametrize(
    ("raw", "due", "start"),
    [
        # years
        ("2025 - 2026", date(2026, 12, 31), date(2025, 1, 1)),
        ("2025-2026", date(2026, 12, 31), date(2025, 1, 1)),
        ("2025 – 2030", date(2030, 12, 31), date(2025, 1, 1)),
        ("2025—2030", date(2030, 12, 31), date(2025, 1, 1)),
        ("2026-2030", date(2030, 12, 31), date(2026, 1, 1)),
        ("Giai đoạn 2025 - 2030", date(2030, 12, 31), date(2025, 1, 1)),
        ("Giai đoạn 2026-2030", date(2030, 12, 31), date(2026, 1, 1)),
        ("giai đoạn từ 2026 đến 2030", date(2030, 12, 31), date(2026, 1, 1)),
        ("Năm 2025 - 2026", date(2026, 12, 31), date(2025, 1, 1)),
        ("Năm 2025, 2026", date(2026, 12, 31), date(2025, 1, 1)),
        ("Năm 2025 và năm 2026", date(2026, 12, 31), date(2025, 1, 1)),
        ("Từ năm 2025 đến năm 2030", date(2030, 12, 31), date(2025, 1, 1)),
        ("Từ 2025 - 2030", date(2030, 12, 31), date(2025, 1, 1)),
        ("Trong các năm 2025 - 2026", date(2026, 12, 31), date(2025, 1, 1)),
        # quarters
        ("Quý II và Quý III/2026", date(2026, 9, 30), date(2026, 4, 1)),
        ("Quý II, III/2026", date(2026, 9, 30), date(2026, 4, 1)),
        ("Quý II - III/2026", date(2026, 9, 30), date(2026, 4, 1)),
        ("Quý II-III/2026", date(2026, 9, 30), date(2026, 4, 1)),
        ("Quý II, Quý III năm 2026", date(2026, 9, 30), date(2026, 4, 1)),
        ("Quý 2 - 3/2026", date(2026, 9, 30), date(2026, 4, 1)),
        ("Quý I, II, III/2026", date(2026, 9, 30), date(2026, 1, 1)),
        ("Quý IV/2025 - Quý I/2026", date(2026, 3, 31), date(2025, 10, 1)),
        ("Quý III đến Quý IV/2026", date(2026, 12, 31), date(2026, 7, 1)),
        ("Trong quý II và quý III/2026", date(2026, 9, 30), date(2026, 4, 1)),
        # months
        ("Tháng 6 - 9/2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("Tháng 6-9/2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("Tháng 6 và tháng 9/2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("Tháng 10/2025 - Tháng 3/2026", date(2026, 3, 31), date(2025, 10, 1)),
        ("Tháng 6, 7, 8/2026", date(2026, 8, 31), date(2026, 6, 1)),
        ("Tháng 6/2026 đến tháng 9/2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("Từ tháng 6 đến tháng 9/2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("Tháng 6-2026 - Tháng 9-2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("6/2026 - 9/2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("T6 - T9/2026", date(2026, 9, 30), date(2026, 6, 1)),
        ("Tháng 9 - tháng 6/2026", date(2026, 9, 30), date(2026, 6, 1)),  # the later one, whatever the order
        # days, and mixed parts
        ("Từ 01/3 đến 30/6/2026", date(2026, 6, 30), date(2026, 3, 1)),
        ("15/8 - 30/9/2025", date(2025, 9, 30), date(2025, 8, 15)),
        ("15-8-2025 - 30-9-2025", date(2025, 9, 30), date(2025, 8, 15)),
        ("Tháng 6/2026 - 2027", date(2027, 12, 31), date(2026, 6, 1)),
        ("Quý II/2026 - tháng 12/2026", date(2026, 12, 31), date(2026, 4, 1)),
        ("Quý II và Quý III/2026.", date(2026, 9, 30), date(2026, 4, 1)),
    ],
)
def test_span_and_list_forms(raw: str, due: date, start: date) -> None:
    d = parse_deadline(raw)
    assert (d.kind, d.due, d.start) == ("date", due, start)
    assert d.raw == raw


@pytest.mark.parametrize(
    ("raw", "due"),
    [
        ("Hằng năm", date(2026, 12, 31)),
        ("hằng năm", date(2026, 12, 31)),
        ("Hàng năm", date(2026, 12, 31)),
        ("HẰNG NĂM", date(2026, 12, 31)),
        ("Hằng năm.", date(2026, 12, 31)),
        ("Hằng năm;", date(2026, 12, 31)),
        ("Định kỳ hằng năm", date(2026, 12, 31)),
        ("Định kỳ hàng năm", date(2026, 12, 31)),
        ("Thực hiện hằng năm", date(2026, 12, 31)),
        ("Triển khai hằng năm", date(2026, 12, 31)),
        ("Tháng 12 hằng năm", date(2026, 12, 31)),
        ("Tháng 6 hàng năm", date(2026, 6, 30)),
        ("Quý IV hằng năm", date(2026, 12, 31)),
        ("Quý I hằng năm", date(2026, 3, 31)),
        ("Trước 31/12 hằng năm", date(2026, 12, 31)),
        ("Trước ngày 15/12 hằng năm", date(2026, 12, 15)),
        ("Hằng năm, trước ngày 15/12", date(2026, 12, 15)),
        ("Hằng năm (trước ngày 15/12)", date(2026, 12, 15)),
        ("Hằng năm vào tháng 12", date(2026, 12, 31)),
        ("6 tháng đầu năm hằng năm", date(2026, 6, 30)),
        ("29/2 hằng năm", date(2026, 2, 28)),  # exists in leap years; the month's end otherwise
        (unicodedata.normalize("NFD", "Hằng năm"), date(2026, 12, 31)),
    ],
)
def test_yearly_forms(raw: str, due: date) -> None:
    d = parse_deadline(raw, year=2026)
    assert (d.kind, d.due, d.start) == ("yearly", due, None)
    assert parse_deadline(raw) == Deadline(raw=d.raw, kind="yearly", due=None)  # no plan year: no due yet


def test_yearly_in_a_leap_year_and_outside_the_years_we_read() -> None:
    assert parse_deadline("29/2 hằng năm", year=2028).due == date(2028, 2, 29)
    assert parse_deadline("Hằng năm", year=1800) == Deadline("Hằng năm", "yearly", None)
    assert parse_deadline("Hằng năm", year=2201).due is None


def test_yearly_with_its_due_written_out() -> None:
    """What format_deadline shows reads back as the same deadline."""
    d = parse_deadline("Hằng năm (31/12/2026)")
    assert (d.kind, d.due) == ("yearly", date(2026, 12, 31))
    assert parse_deadline("Hằng năm (31/12/2026)", year=2027).due == date(2026, 12, 31)


@pytest.mark.parametrize(
    "raw",
    ["Nhiệm vụ thường xuyên", "Là nhiệm vụ thường xuyên", "Thường xuyên", "Thường xuyên, liên tục",
     "Thường xuyên và liên tục", "Liên tục", "Thường xuyên hằng năm", "Thường xuyên hàng năm",
     "Hằng năm, thường xuyên", "Thực hiện thường xuyên", "Triển khai thường xuyên", "Thường xuyên; liên tục.",
     "Thường xuyên - liên tục"],
)
def test_more_ongoing_forms(raw: str) -> None:
    d = parse_deadline(raw, year=2026)
    assert (d.kind, d.due, d.start) == ("ongoing", None, None)


@pytest.mark.parametrize(
    ("raw", "start"),
    [
        ("2025 và những năm tiếp theo", date(2025, 1, 1)),
        ("2025 và các năm tiếp theo", date(2025, 1, 1)),
        ("Năm 2025 và các năm tiếp theo", date(2025, 1, 1)),
        ("Năm 2026 và những năm sau", date(2026, 1, 1)),
        ("2026, các năm tiếp theo", date(2026, 1, 1)),
        ("Từ năm 2025", date(2025, 1, 1)),
        ("Từ 2025", date(2025, 1, 1)),
        ("từ năm 2025.", date(2025, 1, 1)),
        ("Từ năm 2025 trở đi", date(2025, 1, 1)),
        ("Từ 2025 trở đi", date(2025, 1, 1)),
        ("Từ năm 2025 và các năm tiếp theo", date(2025, 1, 1)),
        ("Từ tháng 3/2026", date(2026, 3, 1)),
        ("Từ quý II/2026 trở đi", date(2026, 4, 1)),
        ("Từ ngày 01/7/2026", date(2026, 7, 1)),
        ("Thường xuyên (từ 2025)", date(2025, 1, 1)),
        ("Thường xuyên, từ năm 2026", date(2026, 1, 1)),
    ],
)
def test_ongoing_from_a_start(raw: str, start: date) -> None:
    d = parse_deadline(raw)
    assert (d.kind, d.due, d.start) == ("ongoing", None, start)
    assert d.raw == raw


@pytest.mark.parametrize(
    "raw",
    [
        "Theo lộ trình",
        "Theo yêu cầu",
        "Theo yêu cầu của cấp trên",
        "Khi có văn bản hướng dẫn",
        "Sau khi có văn bản hướng dẫn của tỉnh",
        "Sau khi được phê duyệt",
        "Ngay sau khi Kế hoạch được ban hành",
        "Hằng quý",
        "Định kỳ hằng quý",
        "Hằng tháng",
        "Định kỳ 6 tháng",
        "Báo cáo hằng năm trước ngày 15/12 và khi có yêu cầu",
        "Hằng năm 2026",
        "Tháng 12 hằng năm, quý IV hằng năm",
        "Năm 2026 hoặc 2027",
        "Trước 31/12",
        "15/8",
        "Quý II",
        "Quý II - III",
        "II/2026",
        "II - III/2026",
        "6 - 9",
        "6 tháng đầu năm",
        "2025 -",
        "- 2026",
        "2025 - - 2026",
        "1899 - 2026",
        "2025 - 2201",
        "Năm 1899",
        "Năm 2201",
        "Tháng 13 - 14/2026",
        "Quý III - V/2026",
        "Quý II, 5/2026",
        "30/2 - 31/3/2026",
        "Từ",
        "Từ nay",
        "Từ năm",
        "và các năm tiếp theo",
        "Từ nay đến",
        "Tháng 6 và",
        "Thường xuyên cập nhật",
        "Trước ngày 15/8/2025 hoặc sớm hơn",
        "Năm 2026 (tùy tình hình)",
        "Giai đoạn",
        "Đến năm",
    ],
)
def test_more_other_deadlines(raw: str) -> None:
    d = parse_deadline(raw, year=2026)
    assert (d.kind, d.due, d.start) == ("other", None, None)
    assert d.raw == raw


def test_a_list_too_long_to_be_a_deadline_is_other() -> None:
    raw = ", ".join(f"Tháng {m % 12 + 1}" for m in range(40)) + "/2026"
    assert parse_deadline(raw).kind == "other"
    assert parse_deadline("Tháng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12/2026").due == date(2026, 12, 31)


@pytest.mark.parametrize(
    "raw",
    [
        "2025-" * 20_000,
        "1" * 100_000,
        "-" * 100_000,
        "9 và " * 25_000,
        "1-" * 50_000,
        "2025 - 2026 và " * 7_000,
        "Quý II, " * 12_500 + "III/2026",
        "Thường xuyên, " * 7_000 + "cập nhật",
        "Tháng 6 " * 12_500,
        "từ " * 33_000 + "2025",
        "hằng năm " * 11_000,
        " và những năm tiếp theo" * 4_000,
        "đến năm 2030 " * 8_000,
        "0/" * 50_000,
        "ngày 1 tháng " * 8_000,
    ],
)
def test_huge_or_hostile_input_is_read_quickly(raw: str) -> None:
    assert len(raw) >= 50_000
    started = time.process_time()
    d = parse_deadline(raw, year=2026)
    horizon_deadline(raw)
    assert time.process_time() - started < 0.5
    assert d.kind in ("date", "ongoing", "yearly", "other")


def test_digits_dashes_and_va_100_kb() -> None:
    rnd = random.Random(57)
    raw = "".join(rnd.choice(["1", "2", "0", "5", "-", "–", " và ", " ", "/"]) for _ in range(60_000))[:100_000]
    raw = (raw * 2)[:100_000]
    started = time.process_time()
    parse_deadline(raw)
    assert time.process_time() - started < 0.5


def test_random_pieces_never_raise() -> None:
    pieces = ["Tháng", "Quý", "năm", "Năm", "Từ", "đến", "và", ",", "-", "–", "/", ".", "(", ")", "hằng năm",
              "thường xuyên", "II", "IV", "v", "6", "12", "31", "2026", "2025", "1899", "9999", "ngày", "trước",
              "giai đoạn", "các năm tiếp theo", "trở đi", "6 tháng đầu", "đ", "%", " "]
    rnd = random.Random(2026)
    for _ in range(3_000):
        raw = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        d = parse_deadline(raw, year=rnd.choice([None, 2026, 1800]))
        assert d.kind in ("date", "ongoing", "yearly", "other")
        if d.kind == "date":
            assert d.due is not None and (d.start is None or d.start <= d.due)
        if d.kind in ("ongoing", "other"):
            assert d.due is None
        horizon_deadline(raw)


# --- Headings that set a horizon ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "raw", "due", "start"),
    [
        ("Đến năm 2030", "Đến năm 2030", date(2030, 12, 31), None),
        ("ĐẾN NĂM 2030", "ĐẾN NĂM 2030", date(2030, 12, 31), None),
        ("Chỉ tiêu đến năm 2030", "đến năm 2030", date(2030, 12, 31), None),
        ("CHỈ TIÊU ĐẾN NĂM 2030", "ĐẾN NĂM 2030", date(2030, 12, 31), None),
        ("Mục tiêu đến năm 2045:", "đến năm 2045", date(2045, 12, 31), None),
        ("Mục tiêu cụ thể đến năm 2025", "đến năm 2025", date(2025, 12, 31), None),
        ("Tầm nhìn đến năm 2045", "đến năm 2045", date(2045, 12, 31), None),
        ("Chỉ tiêu đến hết năm 2026", "đến hết năm 2026", date(2026, 12, 31), None),
        ("Chỉ tiêu đến năm 2030 (05 chỉ tiêu)", "đến năm 2030", date(2030, 12, 31), None),
        ("Chỉ tiêu về hạ tầng số đến năm 2030:", "đến năm 2030", date(2030, 12, 31), None),
        ("Giai đoạn 2026 - 2030", "Giai đoạn 2026 - 2030", date(2030, 12, 31), date(2026, 1, 1)),
        ("GIAI ĐOẠN 2026-2030", "GIAI ĐOẠN 2026-2030", date(2030, 12, 31), date(2026, 1, 1)),
        ("Nhiệm vụ giai đoạn 2026 – 2030", "giai đoạn 2026 – 2030", date(2030, 12, 31), date(2026, 1, 1)),
        ("Giai đoạn từ năm 2026 đến năm 2030", "Giai đoạn từ năm 2026 đến năm 2030", date(2030, 12, 31),
         date(2026, 1, 1)),
        ("Năm 2026", "Năm 2026", date(2026, 12, 31), None),
        ("NĂM 2026:", "NĂM 2026", date(2026, 12, 31), None),
        ("Năm 2026 (10 chỉ tiêu)", "Năm 2026", date(2026, 12, 31), None),
        ("Năm 2026 - 2030", "Năm 2026 - 2030", date(2030, 12, 31), date(2026, 1, 1)),
        # of a target and a vision, the target's horizon
        ("Mục tiêu đến năm 2025, định hướng đến năm 2030", "đến năm 2025", date(2025, 12, 31), None),
        ("Giai đoạn 2021 - 2025, tầm nhìn đến năm 2030", "Giai đoạn 2021 - 2025", date(2025, 12, 31),
         date(2021, 1, 1)),
        (unicodedata.normalize("NFD", "Chỉ tiêu đến năm 2030"), "đến năm 2030", date(2030, 12, 31), None),
        ("  Chỉ tiêu   đến năm 2030 ", "đến năm 2030", date(2030, 12, 31), None),
    ],
)
def test_horizon_headings(heading: str, raw: str, due: date, start: date | None) -> None:
    horizon = horizon_deadline(heading)
    assert horizon == Deadline(raw=raw, kind="date", due=due, start=start)
    assert parse_deadline(horizon.raw) == horizon  # the phrase reads alone as the same deadline


@pytest.mark.parametrize(
    "heading",
    [
        "",
        "Hạ tầng số (05 chỉ tiêu)",
        "Về nhân lực số",
        "VỀ AN TOÀN THÔNG TIN MẠNG",
        "Nhiệm vụ năm 2026 của UBND xã",
        "Kế hoạch chuyển đổi số năm 2026",
        "Trong năm 2026",
        "Năm 2026 của xã",
        "Chỉ tiêu đến năm 2030 về hạ tầng số",  # the horizon must end the heading
        "Đến năm 2030, 100% hồ sơ được số hóa",
        "Phấn đấu đạt 100% hộ gia đình có cáp quang đến năm 2030",  # a target, not a heading
        "Đến năm 2300",
        "Giai đoạn 1800 - 1850",
        "Giai đoạn 2026",
        "Đến năm 20301",
        "Phân công phụ trách theo dõi, đôn đốc, kiểm tra thực hiện các chỉ tiêu",
        "Về chính quyền số " * 20 + "đến năm 2030",  # a sentence, not a heading
    ],
)
def test_headings_without_a_horizon(heading: str) -> None:
    assert horizon_deadline(heading) is None


def test_seed_headings_have_no_horizon() -> None:
    headings = []
    for line in (DATA / "nam_hong_phu_luc_1.txt").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 5 and not cells[4].strip() and cells[1].strip():
            headings.append(cells[1])
    assert len(headings) >= 9
    assert [h for h in headings if horizon_deadline(h)] == []


# --- Display ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "shown"),
    [
        (parse_deadline("Hằng năm"), "Hằng năm"),
        (parse_deadline("Hằng năm", year=2026), "Hằng năm (31/12/2026)"),
        (parse_deadline("Trước ngày 15/12 hằng năm", year=2026), "Hằng năm (15/12/2026)"),
        (parse_deadline("Quý II và Quý III/2026"), "30/09/2026"),
        (parse_deadline("2025 - 2026"), "31/12/2026"),
        (parse_deadline("Từ năm 2025"), "Thường xuyên (từ 2025)"),
        (parse_deadline("2025 và các năm tiếp theo"), "Thường xuyên (từ 2025)"),
        (parse_deadline("Nhiệm vụ thường xuyên"), "Thường xuyên"),
        (parse_deadline("Theo yêu cầu"), "Theo yêu cầu"),
        (Deadline("Hằng năm", "yearly", None), "Hằng năm"),
        (Deadline("x", "yearly", date(2026, 6, 30)), "Hằng năm (30/06/2026)"),
        (Deadline("x", "ongoing", None, date(2027, 3, 1)), "Thường xuyên (từ 2027)"),
        (Deadline("Tháng 12/2026", "date", None), "Tháng 12/2026"),
    ],
)
def test_format_new_kinds(d: Deadline, shown: str) -> None:
    assert format_deadline(d) == shown


@pytest.mark.parametrize(
    "raw",
    ["Hằng năm", "Tháng 12 hằng năm", "Quý II, III/2026", "2025 - 2030", "Từ năm 2025", "Thường xuyên",
     "Tháng 6/2026", "Trước ngày 15/8/2026"],
)
def test_what_is_shown_reads_back_alike(raw: str) -> None:
    d = parse_deadline(raw, year=2026)
    again = parse_deadline(format_deadline(d), year=2026)
    assert (again.kind, again.due) == (d.kind, d.due)
    assert again.start == (d.start.replace(month=1, day=1) if d.start and d.kind == "ongoing" else None)
