"""Tests for deadline parsing and display, including every deadline in the seed appendices."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from desktop_app.domain.deadlines import Deadline, format_deadline, parse_deadline

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
        "Hàng năm",
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
