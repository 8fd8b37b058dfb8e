"""CSV export and the formula-injection guard: UTF-8 with BOM, ";" separator, CRLF, decimal comma, Vietnamese
dates, formula-like texts quoted with a leading "'"."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from db.engine import Database
from desktop_app.domain.report import ITEM, PROGRESS, FlatRow, ReportData, ReportRow
from desktop_app.io.cell_text import formula_like, printable, safe_text
from desktop_app.io.reports.csv_export import FLAT_COLUMNS, decimal_text, write_csv
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.reports import build_report

NAM_HONG = Path(__file__).parent / "data" / "nam_hong_phu_luc_1.txt"
INJECTION = '=HYPERLINK("http://x")'


@pytest.mark.parametrize(("text", "guarded"), [
    ("=1+1", "'=1+1"),
    ("+84 912 345 678", "'+84 912 345 678"),
    ("-5", "'-5"),
    ("- Tuyên truyền", "'- Tuyên truyền"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\rx", "'\rx"),
    ("   =cmd|' /C calc'!A0", "'   =cmd|' /C calc'!A0"),
    ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
    ("72,5%", "72,5%"),
    ("1-2", "1-2"),
    ("a=b", "a=b"),
    ("", ""),
    ("   ", "   "),
])
def test_safe_text(text: str, guarded: str) -> None:
    assert safe_text(text) == guarded
    assert formula_like(text) == (guarded != text)


def test_printable_drops_what_xml_cannot_hold() -> None:
    assert printable("a\x00b\x0bc\x1fd") == "abcd"
    assert printable("dòng 1\ndòng 2\tx\r") == "dòng 1\ndòng 2\tx\r"


@pytest.mark.parametrize(("value", "text"), [
    (Decimal("72.5"), "72,5"), (Decimal("72.50"), "72,5"), (Decimal(100), "100"), (Decimal("1E+2"), "100"),
    (Decimal("0.82"), "0,82"), (Decimal("-3.0"), "-3"), (Decimal("12345.678"), "12345,678"), (None, ""),
])
def test_decimal_text(value: Decimal | None, text: str) -> None:
    assert decimal_text(value) == text


def _read(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_seed_report_as_csv(db: Database) -> None:
    plan = import_file(db, path=NAM_HONG).plan_id
    item = item_by_number(db, plan_id=plan, number="1.1", section="I")
    record_progress(db, item_id=item, period="2026-Q3", value=Decimal("72.5"), narrative=INJECTION,
                    unit="Phòng Văn hóa - Xã hội", reported_by="Nguyễn Văn An")
    record_progress(db, item_id=item_by_number(db, plan_id=plan, number="2.5", section="I"), period="2026-Q2",
                    status="done", evidence="Biên bản; nghiệm thu")
    data = build_report(db, plan_id=plan, today=date(2026, 11, 24))
    out = io.BytesIO()
    write_csv(data, out)
    assert not out.closed  # the caller's handle stays open
    raw = out.getvalue()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 3 and raw.endswith(b"\r\n")
    assert '"\'=HYPERLINK(""http://x"")"' in raw.decode("utf-8-sig")
    rows = _read(raw)
    assert rows[0] == list(FLAT_COLUMNS) and len(rows) == len(data.flat) + 1 == 3
    assert all(len(r) == len(FLAT_COLUMNS) for r in rows)
    by_number = {r[2]: dict(zip(FLAT_COLUMNS, r, strict=True)) for r in rows[1:]}
    first = by_number["1.1"]
    assert first["Mục"].startswith("I. Phân công") and first["Nhóm"].startswith("1. Về công tác")
    assert first["Chỉ tiêu/nhiệm vụ"] == data.items[0].text and first["Chỉ tiêu kế hoạch"] == "100%"
    assert first["Kỳ"] == "2026-Q3" and first["Tên kỳ"] == "Quý III/2026"
    assert first["Từ ngày"] == "01/07/2026" and first["Đến ngày"] == "30/09/2026"
    assert first["Đơn vị"] == "Phòng Văn hóa - Xã hội" and first["Giá trị"] == "72,5"
    assert first["Tử số"] == "" and first["Đánh giá"] == "Đang thực hiện"
    assert first["Nội dung"] == "'" + INJECTION
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", first["Ngày báo cáo"])
    assert first["Người báo cáo"] == "Nguyễn Văn An"
    task = by_number["2.5"]
    assert task["Trạng thái"] == "Hoàn thành" and task["Giá trị"] == "" and task["Đánh giá"] == "Đạt"
    assert task["Minh chứng"] == "Biên bản; nghiệm thu"  # a ";" inside a field is quoted, not a new column


def test_hand_made_values() -> None:
    data = ReportData(kind=PROGRESS, commune="Nam Hồng", plan_title="", plan_number="", plan_date=None, year=2026,
                      as_of=date(2026, 11, 24))
    data.rows.append(ReportRow(ITEM, "I", "1", "Dòng 1\nDòng 2"))
    data.flat.append(FlatRow("I", "", "1", "Dòng 1\nDòng 2", "", "", "2026-M09", "Tháng 9/2026", "@unit",
                             Decimal(3), Decimal(45), Decimal("60.0"), "", "", "-", "+", datetime(2026, 9, 5, 7, 3),
                             "=A1"))
    out = io.BytesIO()
    write_csv(data, out)
    row = dict(zip(FLAT_COLUMNS, _read(out.getvalue())[1], strict=True))
    assert row["Mục"] == "I" and row["Nhóm"] == ""  # no heading rows: the numeral itself
    assert row["Chỉ tiêu/nhiệm vụ"] == "Dòng 1\nDòng 2"
    assert row["Từ ngày"] == "" and row["Đến ngày"] == ""  # a period the plan's columns do not list
    assert (row["Giá trị"], row["Tử số"], row["Mẫu số"]) == ("3", "45", "60")
    assert (row["Đơn vị"], row["Nội dung"], row["Minh chứng"], row["Người báo cáo"]) == ("'@unit", "'-", "'+", "'=A1")
    assert row["Ngày báo cáo"] == "05/09/2026 07:03"


def test_empty_report_has_the_header_only() -> None:
    data = ReportData(kind=PROGRESS, commune="", plan_title="", plan_number="", plan_date=None, year=None,
                      as_of=date(2026, 1, 1))
    out = io.BytesIO()
    write_csv(data, out)
    assert out.getvalue() == b"\xef\xbb\xbf" + ";".join(FLAT_COLUMNS).encode() + b"\r\n"
