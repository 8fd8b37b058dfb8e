"""Report data: period codes, completion rate, which result an item shows for a period, groups and overdue
items, report settings; and the CLI's record / progress --json contract."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from db.engine import Database
from desktop_app.cli import main
from desktop_app.domain.assessment import completion
from desktop_app.domain.periods import parse_period_code, period_code
from desktop_app.domain.report import (
    APPENDIX,
    GROUP,
    ITEM,
    SECTION,
    UNIT,
    ReportSettings,
)
from desktop_app.domain.report_text import body, date_line, summary_line
from desktop_app.domain.targets import Target
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.reports import build_report
from desktop_app.services.settings import report_settings, save_report_settings
from tests.conftest import MINH_TAN, NAM_HONG

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(("kind", "end", "code"), [
    ("quarter", date(2026, 9, 30), "2026-Q3"),
    ("quarter", date(2026, 9, 14), "2026-Q3"),  # Decree 09 window closes on the 14th
    ("month", date(2026, 9, 30), "2026-M09"),
    ("half", date(2026, 6, 30), "2026-H1"),
    ("year", date(2026, 12, 31), "2026"),
])
def test_period_codes_round_trip(kind: str, end: date, code: str) -> None:
    assert period_code(kind, end) == code
    parsed = parse_period_code(code)
    assert parsed is not None and parsed[0] == kind and parsed[1] == 2026


@pytest.mark.parametrize("text", ["2026-Q5", "2026-M13", "2026-H3", "Q3", "26-Q1", "2026-X1", "Quý III/2026"])
def test_other_texts_are_not_period_codes(text: str) -> None:
    assert parse_period_code(text) is None


def _t(op: str, value: str, kind: str = "percent") -> Target:
    return Target(op, Decimal(value), kind, "%" if kind == "percent" else None, None, value)


def test_completion_rate() -> None:
    assert completion(targets=[_t(">=", "70")], value=Decimal("35"), status=None) == Decimal("50.0")
    assert completion(targets=[_t(">=", "70")], value=Decimal("90"), status=None) == Decimal("100.0")
    assert completion(targets=[_t("<=", "2", "count")], value=Decimal("4"), status=None) == Decimal("50.0")
    assert completion(targets=[_t(">=", "70"), _t(">=", "50")], value=Decimal("35"), status=None) == Decimal("50.0")
    assert completion(targets=[], value=None, status="done") == Decimal("100")
    assert completion(targets=[], value=None, status="in_progress") is None
    assert completion(targets=[_t(">=", "70")], value=None, status=None) is None


@pytest.fixture
def plan(db: Database) -> int:
    return import_file(db, path=NAM_HONG).plan_id


def _item(db: Database, plan_id: int, number: str, section: str | None = None) -> int:
    return item_by_number(db, plan_id=plan_id, number=number, section=section)


def test_progress_report_rows_groups_and_carried_results(db: Database, plan: int) -> None:
    record_progress(db, item_id=_item(db, plan, "1.1"), period="2026-Q1", value=Decimal("50"))
    record_progress(db, item_id=_item(db, plan, "1.1"), period="2026-Q3", value=Decimal("80"))
    record_progress(db, item_id=_item(db, plan, "2.1"), period="2026-Q2", value=Decimal("65"), narrative="Đang lắp trạm")
    data = build_report(db, plan_id=plan, period="2026-Q3", today=TODAY)
    assert data.period is not None and data.period.code == "2026-Q3" and data.as_of == date(2026, 9, 30)
    assert [r.kind for r in data.rows[:3]] == [SECTION, GROUP, ITEM]
    assert len(data.items) == 55
    rows = {r.number: r for r in data.items}
    assert rows["1.1"].value_text == "80%" and rows["1.1"].completion == Decimal("80.0")
    # Quý II's value stands in Quý III when nothing newer came, and the note says where it is from
    assert rows["2.1"].value == Decimal("65") and "(số liệu Quý II/2026)" in rows["2.1"].result_note
    assert "Đang lắp trạm" in rows["2.1"].result_note
    assert [c.text for c in rows["1.1"].by_period] == ["50%", "", "80%", ""]
    assert sum(g.total for g in data.groups) == 55
    assert sum(data.totals.values()) == 55
    # judged as of 30/09: 2.6 (due 30/04) has nothing reported → overdue, named in the body
    assert "2.6" in {o.number for o in data.overdue}
    text = "\n".join(p.text for p in body(data))
    assert "Tổng số 55 chỉ tiêu, nhiệm vụ" in text and "Triển khai hệ thống thông tin phục vụ họp" in text
    assert "Quý III/2026" in summary_line(data)
    assert len(data.flat) == 3 and {f.period_code for f in data.flat} == {"2026-Q1", "2026-Q2", "2026-Q3"}


def test_a_period_before_the_report_is_not_read_into_an_earlier_one(db: Database, plan: int) -> None:
    record_progress(db, item_id=_item(db, plan, "1.1"), period="2026-Q3", value=Decimal("80"))
    data = build_report(db, plan_id=plan, period="2026-Q2", today=TODAY)
    assert next(r for r in data.items if r.number == "1.1").value is None


def test_unit_report_holds_only_that_units_items_and_reports(db: Database, plan: int) -> None:
    unit = "Các doanh nghiệp viễn thông"
    item = _item(db, plan, "2.1")
    record_progress(db, item_id=item, period="2026-Q3", unit=unit, value=Decimal("75"))
    data = build_report(db, plan_id=plan, kind=UNIT, period="2026-Q3", unit="các doanh nghiệp  viễn thông",
                        today=TODAY)
    assert data.unit == unit and data.kind == UNIT
    assert data.items and all(unit in r.implementing for r in data.items)
    assert next(r for r in data.items if r.number == "2.1").value == Decimal("75")
    with pytest.raises(NotFound):
        build_report(db, plan_id=plan, kind=UNIT, unit="Không có đơn vị này", today=TODAY)
    with pytest.raises(InvalidValue):
        build_report(db, plan_id=plan, kind=UNIT, today=TODAY)


def test_appendix_has_plan_columns_and_no_results(db: Database, plan: int) -> None:
    data = build_report(db, plan_id=plan, kind=APPENDIX, today=TODAY)
    row = next(r for r in data.items if r.number == "2.1")
    assert row.monitoring == "Phòng Văn hóa - Xã hội" and row.deadline == "Tháng 12/2026"
    assert row.assessment is None and not data.groups and not data.flat


def test_unknown_period_names_the_ones_there_are(db: Database, plan: int) -> None:
    with pytest.raises(NotFound, match="2026-Q1"):
        build_report(db, plan_id=plan, period="Kỳ lạ", today=TODAY)


def test_report_settings_are_kept_and_used(db: Database, plan: int) -> None:
    assert report_settings(db) == ReportSettings()
    save_report_settings(db, ReportSettings(place="Xã Nam Hồng", signer_name=" Nguyễn  Văn A ",
                                            recipients=("Sở KH&CN;", "", "Lưu: VT.")))
    saved = report_settings(db)
    assert saved.signer_name == "Nguyễn Văn A" and saved.recipients == ("Sở KH&CN;", "Lưu: VT.")
    data = build_report(db, plan_id=plan, today=TODAY)
    assert data.issuing_body == "UBND XÃ NAM HỒNG"
    assert date_line(data).startswith("Xã Nam Hồng, ngày") and date_line(data).endswith("năm 2026")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_record_and_progress_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ("--db", str(db_path))
    assert run(capsys, *base, "import", str(MINH_TAN))[0] == 0
    assert run(capsys, *base, "import", str(NAM_HONG))[0] == 0
    code, _, err = run(capsys, *base, "record", "--plan", "2", "--item", "2.1", "--period", "2026-Q3",
                       "--value", "65", "--note", "Đã lắp 3 trạm")
    assert code == 0, err
    code, _, err = run(capsys, *base, "record", "--plan", "2", "--item", "1", "--section", "II",
                       "--period", "2026-Q3", "--status", "done")
    assert code == 0, err
    code, _, err = run(capsys, *base, "record", "--plan", "2", "--item", "7.5", "--period", "2026-Q2",
                       "--num", "45", "--den", "50", "--unit", "Phòng Văn hoá - Xã hội")
    assert code == 0, err
    code, out, _ = run(capsys, *base, "progress", "--json", "--plan", "2", "--period", "2026-Q3")
    reports = json.loads(out)["reports"]
    assert len(reports) == 2
    first = reports[0]
    assert {k: first[k] for k in ("section", "item", "period", "value", "numerator", "denominator", "status",
                                  "note")} == {"section": "I", "item": "2.1", "period": "2026-Q3", "value": 65,
                                               "numerator": None, "denominator": None, "status": None,
                                               "note": "Đã lắp 3 trạm"}
    assert first["unit"] == "Các doanh nghiệp viễn thông" and first["assessment"] == "in_progress"
    assert reports[1]["status"] == "done" and reports[1]["assessment"] == "achieved"
    code, out, _ = run(capsys, *base, "progress", "--json")
    everything = json.loads(out)["reports"]
    fraction = next(r for r in everything if r["item"] == "7.5")
    assert (fraction["numerator"], fraction["denominator"], fraction["value"]) == (45, 50, 90)
    assert fraction["period"] == "2026-Q2" and fraction["unit"] == "Phòng Văn hóa - Xã hội"


@pytest.mark.parametrize(("args", "message"), [
    (("--item", "9.9", "--period", "2026-Q3", "--value", "1"), "9.9"),
    (("--item", "2.1", "--period", "2026-Q9", "--value", "1"), "2026-Q9"),
    (("--item", "2.1", "--period", "2026-Q3", "--value", "abc"), "abc"),
    (("--item", "2.1", "--period", "2026-Q3", "--value", "120"), "100"),
    (("--item", "2.1", "--period", "2026-Q3", "--num", "4"), "--den"),
    (("--item", "2.1", "--period", "2026-Q3", "--status", "xong rồi"), "xong rồi"),
])
def test_cli_record_refusals(db_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                             message: str) -> None:
    assert run(capsys, "--db", str(db_path), "import", str(NAM_HONG))[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), "record", "--plan", "1", *args)
    assert code == 2 and message in err
    assert json.loads(run(capsys, "--db", str(db_path), "progress", "--json")[1])["reports"] == []


def test_cli_record_refuses_a_number_used_twice(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", str(db_path), "import", str(MINH_TAN))[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), "record", "--plan", "1", "--item", "6.2", "--period",
                       "2026-Q3", "--value", "10")
    assert code == 2 and "Có 2 chỉ tiêu/nhiệm vụ số 6.2" in err and "progress add --item" in err


@pytest.mark.parametrize(("command", "extra", "magic"), [
    ("export-pdf", ("--period", "2026-Q3"), b"%PDF"),
    ("export-pdf", ("--kind", "appendix"), b"%PDF"),
    ("export-pdf", ("--period", "2026-Q3", "--unit", "Công an xã"), b"%PDF"),
    ("export-docx", ("--period", "2026-Q3"), b"PK"),
    ("export-xlsx", (), b"PK"),
    ("export-csv", (), "\ufeff".encode()),
])
def test_cli_exports(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str,
                     extra: tuple[str, ...], magic: bytes) -> None:
    base = ("--db", str(db_path))
    assert run(capsys, *base, "import", str(NAM_HONG))[0] == 0
    assert run(capsys, *base, "record", "--plan", "1", "--item", "2.1", "--period", "2026-Q3", "--value", "65")[0] == 0
    out = tmp_path / "ra" / f"báo cáo.{command.removeprefix('export-')}"
    out.parent.mkdir()
    code, printed, err = run(capsys, *base, command, "--plan", "1", *extra, str(out))
    assert code == 0, err
    assert out.read_bytes().startswith(magic) and str(out) in printed
    assert [p.name for p in out.parent.iterdir()] == [out.name]


@pytest.mark.parametrize(("args", "message"), [
    (("export-pdf", "--plan", "9"), "#9"),
    (("export-pdf", "--plan", "1", "--period", "2026-Q7"), "2026-Q7"),
    (("export-pdf", "--plan", "1", "--unit", "Không có"), "Không có"),
    (("export-xlsx", "--plan", "1"), "không ghi được"),
])
def test_cli_export_refusals(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             args: tuple[str, ...], message: str) -> None:
    assert run(capsys, "--db", str(db_path), "import", str(NAM_HONG))[0] == 0
    code, _, err = run(capsys, "--db", str(db_path), *args, str(tmp_path / "không có thư mục" / "x.out"))
    assert code == 2 and message in err


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    import errno

    from desktop_app.errors import WriteFailed
    from desktop_app.io.atomic import atomic_file

    target = tmp_path / "bao_cao.pdf"
    target.write_bytes(b"old")
    with pytest.raises(WriteFailed, match="ổ đĩa đã đầy") as caught:
        with atomic_file(target) as handle:
            handle.write(b"half a report")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert "bao_cao.pdf" in caught.value.full_message()
    with pytest.raises(WriteFailed, match="USB"):
        with atomic_file(target) as handle:
            raise OSError(errno.EIO, "Input/output error")
    with pytest.raises(ValueError):
        with atomic_file(target) as handle:
            raise ValueError("a bug in a writer")
    with pytest.raises(FileNotFoundError):  # a missing file of the program's own is not blamed on the USB stick
        with atomic_file(target) as handle:
            open(tmp_path / "templates" / "default.docx", "rb")  # noqa: SIM115
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["bao_cao.pdf"]
    with atomic_file(target) as handle:
        handle.write(b"new")
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["bao_cao.pdf"]


def test_a_report_writes_nothing_even_before_the_plans_periods_exist(db: Database) -> None:
    plan_id = import_file(db, path=NAM_HONG).plan_id
    before = db.path.read_bytes()
    with db.reading() as session:
        periods_before = session.execute(text("SELECT count(*) FROM periods")).scalar_one()
    data = build_report(db, plan_id=plan_id, period="2026-Q3", today=date(2026, 10, 5))
    assert periods_before == 0  # nothing asked for the plan's periods yet
    assert [p.label for p in data.periods] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert data.period is not None and data.period.label == "Quý III/2026"
    with db.reading() as session:
        assert session.execute(text("SELECT count(*) FROM periods")).scalar_one() == 0
    assert db.path.read_bytes() == before  # the file is untouched
