"""Reporting periods (calendar and Decree 09/2019 windows) and the rules of a progress report."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest

from db.engine import Database
from desktop_app.domain.periods import period_containing, periods_for_year
from desktop_app.domain.progress import ProgressRuleError, check_progress, parse_decimal
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.services.progress import (
    list_periods,
    list_progress,
    record_progress,
    set_period_scheme,
)
from tests.conftest import NAM_HONG

D = date


@pytest.mark.parametrize(("kind", "basis", "expected"), [
    ("quarter", "calendar", [("Quý I/2026", D(2026, 1, 1), D(2026, 3, 31)), ("Quý II/2026", D(2026, 4, 1), D(2026, 6, 30)),
                             ("Quý III/2026", D(2026, 7, 1), D(2026, 9, 30)), ("Quý IV/2026", D(2026, 10, 1), D(2026, 12, 31))]),
    ("quarter", "decree09", [("Quý I/2026", D(2025, 12, 15), D(2026, 3, 14)), ("Quý II/2026", D(2026, 3, 15), D(2026, 6, 14)),
                             ("Quý III/2026", D(2026, 6, 15), D(2026, 9, 14)), ("Quý IV/2026", D(2026, 9, 15), D(2026, 12, 14))]),
    ("half", "calendar", [("6 tháng đầu năm 2026", D(2026, 1, 1), D(2026, 6, 30)),
                          ("6 tháng cuối năm 2026", D(2026, 7, 1), D(2026, 12, 31))]),
    ("half", "decree09", [("6 tháng đầu năm 2026", D(2025, 12, 15), D(2026, 6, 14)),
                          ("6 tháng cuối năm 2026", D(2026, 6, 15), D(2026, 12, 14))]),
    ("year", "calendar", [("Năm 2026", D(2026, 1, 1), D(2026, 12, 31))]),
    ("year", "decree09", [("Năm 2026", D(2025, 12, 15), D(2026, 12, 14))]),
])
def test_periods(kind: str, basis: str, expected: list[tuple[str, date, date]]) -> None:
    assert [(p.label, p.start, p.end) for p in periods_for_year(2026, kind=kind, basis=basis)] == expected


def test_months_cover_the_year_without_gaps() -> None:
    for basis in ("calendar", "decree09"):
        months = periods_for_year(2024, kind="month", basis=basis)
        assert len(months) == 12
        assert all((b.start - a.end).days == 1 for a, b in pairwise(months))
    assert periods_for_year(2024, kind="month")[1].end == D(2024, 2, 29)
    feb = periods_for_year(2026, kind="month", basis="decree09")[1]
    assert (feb.label, feb.start, feb.end) == ("Tháng 2/2026", D(2026, 1, 15), D(2026, 2, 14))
    assert period_containing(periods_for_year(2026, basis="decree09"), D(2026, 3, 15)).label == "Quý II/2026"


def test_unknown_kind_or_basis() -> None:
    with pytest.raises(ValueError):
        periods_for_year(2026, kind="week")
    with pytest.raises(ValueError):
        periods_for_year(2026, basis="lunar")


@pytest.mark.parametrize(("text", "value"), [("70", "70"), ("70,5", "70.5"), ("0.75", "0.75"), ("72 %", "72"), ("", None), (None, None)])
def test_parse_decimal(text: str | None, value: str | None) -> None:
    assert parse_decimal(text, "Giá trị") == (Decimal(value) if value else None)


@pytest.mark.parametrize("text", ["abc", "1,2,3", "NaN", "inf"])
def test_parse_decimal_refuses(text: str) -> None:
    with pytest.raises(ProgressRuleError, match="không phải là một số"):
        parse_decimal(text, "Giá trị")


def test_numerator_and_denominator_give_the_value() -> None:
    values = check_progress(percent=True, value=None, numerator=Decimal(45), denominator=Decimal(50),
                            status=None, narrative="")
    assert values.value == Decimal("90.00")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"value": Decimal(101)}, "từ 0 đến 100"),
    ({"value": Decimal(-1)}, "không được âm"),
    ({"numerator": Decimal(5)}, "cả tử số và mẫu số"),
    ({"numerator": Decimal(5), "denominator": Decimal(0)}, "Mẫu số phải lớn hơn 0"),
    ({"numerator": Decimal(6), "denominator": Decimal(5)}, "không được lớn hơn mẫu số"),
    ({"numerator": Decimal(1), "denominator": Decimal(2), "value": Decimal(70)}, "không khớp"),
    ({"status": "finished"}, "không hợp lệ"),
    ({}, "Báo cáo trống"),
])
def test_progress_rules(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"percent": True, "value": None, "numerator": None, "denominator": None,
                               "status": None, "narrative": ""}
    args.update(kwargs)
    with pytest.raises(ProgressRuleError, match=message):
        check_progress(**args)  # type: ignore[arg-type]


def test_counts_may_exceed_100_and_tasks_take_a_status() -> None:
    assert check_progress(percent=False, value=Decimal(140), numerator=None, denominator=None,
                          status=None, narrative="").value == Decimal(140)
    assert check_progress(percent=False, value=None, numerator=None, denominator=None,
                          status="done", narrative="").status == "done"


def test_recording_replaces_the_same_unit_and_period(db: Database) -> None:
    plan_id = import_file(db, path=NAM_HONG).plan_id
    items = {i["number"]: i for i in show(db, plan_id=plan_id)["plans"][0]["items"] if i["section"] == "I"}
    task = items["2.5"]["id"]
    record_progress(db, item_id=task, period="Quý II/2026", unit="Phòng Văn hoá - Xã hội", status="in_progress")
    record_progress(db, item_id=task, period="quý ii/2026", unit="Phòng Văn hóa - Xã hội", status="done",
                    narrative="Đã nâng cấp hệ thống truyền thanh")
    reports = list_progress(db, plan_id=plan_id)
    assert len(reports) == 1 and reports[0]["status"] == "done" and reports[0]["unit"] == "Phòng Văn hóa - Xã hội"
    with pytest.raises(NotFound, match="Quý V/2026"):
        record_progress(db, item_id=task, period="Quý V/2026", status="done")
    with pytest.raises(NotFound, match="Đơn vị lạ"):
        record_progress(db, item_id=task, period="Quý II/2026", unit="Đơn vị lạ", status="done")
    with pytest.raises(InvalidValue, match="từ 0 đến 100"):
        record_progress(db, item_id=items["7.1"]["id"], period="Quý II/2026", value=Decimal(150))
    assert len(list_progress(db, plan_id=plan_id)) == 1


def test_document_number_and_date_only_for_documents(db: Database) -> None:
    plan_id = import_file(db, path=NAM_HONG).plan_id
    items = show(db, plan_id=plan_id)["plans"][0]["items"]
    document = next(i for i in items if i["section"] == "II" and i["number"] == "6")
    assert document["kind"] == "document"
    report = record_progress(db, item_id=document["id"], period="Quý III/2026", status="done",
                             document_number=" 125/QĐ-UBND ", document_date=D(2026, 9, 5))
    assert (report["document_number"], report["document_date"]) == ("125/QĐ-UBND", "2026-09-05")
    only_number = record_progress(db, item_id=document["id"], period="Quý II/2026", document_number="12/KH-UBND")
    assert (only_number["status"], only_number["document_date"]) == (None, None)  # a report on its own
    plain = next(i for i in items if i["section"] == "I" and i["number"] == "2.5")
    assert record_progress(db, item_id=plain["id"], period="Quý III/2026", status="done")["document_number"] == ""
    for kwargs in ({"document_number": "1/QĐ"}, {"document_date": D(2026, 9, 5)}):
        with pytest.raises(InvalidValue, match="không phải là văn bản"):
            record_progress(db, item_id=plain["id"], period="Quý III/2026", status="done", **kwargs)
    with pytest.raises(InvalidValue, match="quá sớm"):  # the plan is for 2026: 2025 is the earliest year
        record_progress(db, item_id=document["id"], period="Quý III/2026", document_date=D(2024, 12, 31))
    assert record_progress(db, item_id=document["id"], period="Quý III/2026", status="done",
                           document_date=D(2025, 1, 1))["document_number"] == ""
    assert len(list_progress(db, plan_id=plan_id)) == 3


def test_changing_the_period_scheme(db: Database) -> None:
    plan_id = import_file(db, path=NAM_HONG).plan_id
    assert len(list_periods(db, plan_id=plan_id)) == 4
    months = set_period_scheme(db, plan_id=plan_id, kind="month", basis="decree09")
    assert len(months) == 12 and months[0].start == D(2025, 12, 15)
    with pytest.raises(InvalidValue):
        set_period_scheme(db, plan_id=plan_id, kind="week", basis="calendar")
