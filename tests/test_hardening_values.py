"""Issue #15, values and forms: numbers with no sane bound, the domain rules of `record` applied to records
arriving in packages and forms, and forms resealed by someone without the program. Every hostile input is
built here: a CLI argument, a package re-signed by its sender's own key after its records were edited (what a
sender who edits their own package can do), a form whose hidden sheet was edited and resealed with the old
unkeyed SHA-256 (what anyone can do)."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from db.engine import Database
from desktop_app.cli import main
from desktop_app.domain.file_names import unsafe_file_name
from desktop_app.domain.progress import ProgressRuleError, check_number, check_progress, parse_decimal
from desktop_app.errors import FileRefused, InvalidValue, NotAllowed
from desktop_app.io.exchange import signing
from desktop_app.io.forms.sheet import FORM_SHEET, HEADER_KEYS, HIDDEN_SHEET, ITEMS_ROW, fixed_cells
from desktop_app.services import account_admin, accounts, identity
from desktop_app.services.accounts import ADMIN, UNIT_OFFICER
from desktop_app.services.exchange import export_package, import_package
from desktop_app.services.forms import make_form, read_form
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from tests.conftest import MINH_TAN, NAM_HONG, new_database


def dump(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


# --------------------------------------------------------------------------- the domain's bounds


@pytest.mark.parametrize("text", ["1e999999", "9E+999999999", "1e30", "-1e13", "1000000000000", "0.0000001",
                                  "1e-999999999", "1" * 41, "NaN", "inf", "sNaN"])
def test_a_number_beyond_its_bounds_is_refused_without_arithmetic(text: str) -> None:
    with pytest.raises(ProgressRuleError):
        parse_decimal(text, "progress.field_value")


def test_the_bounds_hold_for_a_decimal_made_in_code() -> None:
    for number in (Decimal("9E+999999999"), Decimal("1E-999999999"), Decimal("NaN")):
        with pytest.raises(ProgressRuleError):
            check_number(number)
    assert check_number(Decimal("999999999999.999999")) == Decimal("999999999999.999999")
    assert parse_decimal("72,5%", "progress.field_value") == Decimal("72.5")
    with pytest.raises(ProgressRuleError) as caught:
        check_progress(percent=False, value=None, numerator=Decimal("999999999999"), denominator=Decimal("0.000001"),
                       status=None, narrative="")
    assert caught.value.code == "progress.number_too_large"


@pytest.mark.parametrize("name", ["CON", "nul.txt", "COM1.pdf", "a:b.pdf", "..\\x.pdf", "a/b.pdf", "x\x00.pdf",
                                  "tệp.", "tệp ", "..", ""])
def test_an_unsafe_evidence_name(name: str) -> None:
    assert unsafe_file_name(name)


def test_a_safe_evidence_name() -> None:
    assert not unsafe_file_name("Quyết định 12-QĐ (bản chụp).pdf")


# --------------------------------------------------------------------------- record on the command line


RECORD_REFUSALS = [
    (["--value", "1e999999"], "quá lớn"),
    (["--value", "9E+999999999"], "quá lớn"),
    (["--num", "1e30", "--den", "1"], "Tử số"),
    (["--num", "1", "--den", "1e-30"], "Mẫu số"),
    (["--value", "150"], "từ 0 đến 100"),
    (["--value", "-3"], "không được âm"),
    (["--num", "1", "--den", "0"], "Mẫu số"),
    (["--value", "0.0000001"], "chữ số thập phân"),
    (["--value", "1" * 200], "quá dài"),
    (["--value", "40", "--note", "ghi chú\x1b[2J"], "U+001B"),
    (["--value", "40", "--note", "a\x00b"], "U+0000"),
]


@pytest.mark.parametrize(("args", "words"), RECORD_REFUSALS)
def test_record_refuses_a_value_with_no_sane_bound_and_leaves_the_database(
        db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    assert main(["--db", str(db_path), "import", str(NAM_HONG)]) == 0
    before = dump(db_path)
    capsys.readouterr()
    code = main(["--db", str(db_path), "record", "--plan", "1", "--item", "2.1", "--period", "2026-Q3", *args])
    _out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err and words in err, err
    assert dump(db_path) == before
    # what crashed after such a value was stored still runs
    assert main(["--db", str(db_path), "progress", "--json"]) == 0


# --------------------------------------------------------------------------- packages


def reseal(path: Path, key: bytes, edit: Callable[[dict[str, Any]], None], out: Path) -> Path:
    """The package at path with its records edited by edit({member: JSON}) and signed again with key (the
    sender's own private key), its manifest's hashes, sizes and counts made to match."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    manifest = json.loads(members.pop("manifest.json"))
    members.pop("manifest.sig")
    records = {n: json.loads(d) for n, d in members.items() if n.startswith("records/")}
    edit(records)
    for name, data in records.items():
        members[name] = json.dumps(data, ensure_ascii=False).encode("utf-8")
        table = name.removeprefix("records/").removesuffix(".json")
        if table in manifest["counts"] and isinstance(data, dict) and isinstance(data.get("rows"), list):
            manifest["counts"][table] = len(data["rows"])
    manifest["members"] = {n: {"size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                           for n, d in members.items()}
    signed = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", signed)
        zf.writestr("manifest.sig", signing.sign(key, signed))
        for name, data in members.items():
            zf.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


@pytest.fixture
def sender(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A commune (A) that recorded 40% on item 2.1 (a % indicator) and exported everything, and an office (B)
    that will receive the package."""
    a = new_database(tmp_path / "a" / "du_lieu.sqlite3")
    b = new_database(tmp_path / "b" / "du_lieu.sqlite3")
    plan = import_file(a, path=NAM_HONG).plan_id
    record_progress(a, item_id=item_by_number(a, plan_id=plan, number="2.1"), period="2026-Q1", value=Decimal(40))
    export_package(a, out=tmp_path / "goc.cdsx")
    yield a, b, tmp_path / "goc.cdsx", identity.private_key(a)
    a.close()
    b.close()


def _report(records: dict[str, Any], column: str, value: Any) -> None:
    data = records["records/progress_reports.json"]
    data["rows"][0][data["columns"].index(column)] = value


def _unit_uuid(records: dict[str, Any]) -> str:
    return str(records["records/units.json"]["rows"][0][0])


def _evidence(name: str) -> Callable[[dict[str, Any]], None]:
    def edit(records: dict[str, Any]) -> None:
        report = records["records/progress_reports.json"]["rows"][0]
        data = records["records/evidence_files.json"]
        row = {"uuid": "0b7e4f1c-7d0a-4c53-9a57-3f1f9d0c2a11", "rev": report[1], "base": report[2],
               "changed_at": report[3], "report_id": report[0], "file_name": name, "sha256": "0" * 64, "size": 1}
        data["rows"].append([row[c] for c in data["columns"]])
    return edit


PACKAGE_CASES: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("value_huge", lambda r: _report(r, "value", "1e999999"), "value"),
    ("value_9e", lambda r: _report(r, "value", "9E+999999999"), "value"),
    ("value_negative", lambda r: _report(r, "value", "-5"), "không được âm"),
    ("percent_150", lambda r: _report(r, "value", "150"), "từ 0 đến 100"),
    ("denominator_0", lambda r: (_report(r, "numerator", "1"), _report(r, "denominator", "0"),
                                 _report(r, "value", None)), "Mẫu số"),
    ("nul_in_text", lambda r: _report(r, "narrative", "xong\x00"), "narrative"),
    ("esc_in_text", lambda r: _report(r, "evidence", "\x1b]0;pwned\x07"), "evidence"),
    ("date_1800", lambda r: _report(r, "document_date", "1800-01-01"), "document_date"),
    ("date_9999", lambda r: _report(r, "reported_at", "9999-12-31 00:00:00"), "reported_at"),
    ("uuid_not_uuid", lambda r: _report(r, "uuid", "not-a-uuid-at-all"), "uuid"),
    ("uuid_of_a_unit", lambda r: _report(r, "item_id", _unit_uuid(r)), "item_id"),
    ("uuid_twice", lambda r: _report(r, "uuid", _unit_uuid(r)), "progress_reports"),
    ("evidence_con", _evidence("CON.pdf"), "CON.pdf"),
    ("evidence_colon", _evidence("C:minh_chung.pdf"), "C:minh_chung.pdf"),
    ("evidence_backslash", _evidence("..\\..\\boot.ini"), "boot.ini"),
    ("evidence_nul", _evidence("a\x00.pdf"), "file_name"),
]


@pytest.mark.parametrize(("case", "edit", "words"), PACKAGE_CASES, ids=[c[0] for c in PACKAGE_CASES])
def test_a_package_record_breaking_a_rule_of_record_is_refused_and_nothing_stored(
        sender, case: str, edit: Callable[[dict[str, Any]], None], words: str) -> None:  # type: ignore[no-untyped-def]
    a, b, original, key = sender
    path = reseal(original, key, edit, original.with_name(f"{case}.cdsx"))
    before = dump(b.path)
    with pytest.raises(FileRefused) as caught:
        import_package(b, path=path, trust=True)
    message = caught.value.full_message()
    assert "records/" in message and words in message, message
    assert dump(b.path) == before


def test_the_untouched_package_still_goes_through(sender) -> None:  # type: ignore[no-untyped-def]
    a, b, original, key = sender
    path = reseal(original, key, lambda r: None, original.with_name("nguyen_ven.cdsx"))
    import_package(b, path=path, trust=True)
    con = sqlite3.connect(b.path)
    try:
        assert con.execute("SELECT value FROM progress_reports").fetchall() == [("40",)]
    finally:
        con.close()


def test_the_refusal_names_the_record(sender) -> None:  # type: ignore[no-untyped-def]
    a, b, original, key = sender
    path = reseal(original, key, lambda r: _report(r, "value", "-5"), original.with_name("am.cdsx"))
    with zipfile.ZipFile(path) as zf:
        uuid = json.loads(zf.read("records/progress_reports.json"))["rows"][0][0]
    with pytest.raises(FileRefused) as caught:
        import_package(b, path=path, trust=True)
    assert uuid in caught.value.full_message()


# --------------------------------------------------------------------------- forms

UNIT = "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã"


def _row_of(ws: Any, number: str) -> int:
    return next(r for r in range(10, ws.max_row + 1) if ws.cell(r, 2).value == number)


def forge(form: Path, out: Path, *, item_uuid: str | None = None, unit_uuid: str | None = None,
          value: Any = None) -> Path:
    """The form with one more row (for item_uuid) and/or another unit's UUID in its header, and a value typed
    on its last row, resealed the way anyone can: the old unkeyed SHA-256 of the fixed part, every fixed
    cell's digest written again."""
    from desktop_app.io.forms.sheet import FormContent, FormHeader, FormRow, cell_digest

    wb = openpyxl.load_workbook(form)
    hidden, ws = wb[HIDDEN_SHEET], wb[FORM_SHEET]
    values = {key: hidden.cell(r, 2).value or "" for r, key in enumerate(HEADER_KEYS, start=1)}
    if unit_uuid is not None:
        values["unit_uuid"] = unit_uuid
    header = FormHeader(**{k: values[k] for k in HEADER_KEYS[1:-2]})
    count = int(values["rows"])
    rows = []
    for i in range(count):
        r = 10 + i
        rows.append(FormRow(item_uuid=hidden.cell(ITEMS_ROW + i, 2).value, section=ws.cell(r, 1).value or "",
                            number=ws.cell(r, 2).value or "", text=ws.cell(r, 3).value or "",
                            target=ws.cell(r, 4).value or "", deadline=ws.cell(r, 5).value or "",
                            last_value=ws.cell(r, 6).value or "", mode=hidden.cell(ITEMS_ROW + i, 3).value))
    if item_uuid is not None:
        rows.append(FormRow(item_uuid=item_uuid, section="I", number="9.9", text="Chỉ tiêu thêm vào", target="",
                            deadline="", last_value="", mode="number"))
        r = 10 + count
        for c, text in enumerate(("I", "9.9", "Chỉ tiêu thêm vào"), start=1):
            ws.cell(r, c).value = text
        hidden.cell(ITEMS_ROW + count, 1).value = str(r)
        hidden.cell(ITEMS_ROW + count, 2).value = item_uuid
        hidden.cell(ITEMS_ROW + count, 3).value = "number"
        count += 1
    if value is not None:
        ws.cell(10 + count - 1, 7).value = value
    cells = fixed_cells(FormContent(header=header, rows=rows))
    payload = [values["format"], [getattr(header, k) for k in HEADER_KEYS[1:-2]], count,
               [[r.item_uuid, r.mode] for r in rows], sorted(cells.items())]
    unkeyed = hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()
    for r, key in enumerate(HEADER_KEYS, start=1):
        hidden.cell(r, 2).value = {"unit_uuid": header.unit_uuid, "rows": str(count), "checksum": unkeyed}.get(
            key, values[key])
    for r in range(ITEMS_ROW, ITEMS_ROW + len(cells) + 10):
        hidden.cell(r, 5).value = hidden.cell(r, 6).value = None
    for r, (coordinate, text) in enumerate(((k, v) for k, v in cells.items() if v), start=ITEMS_ROW):
        hidden.cell(r, 5).value, hidden.cell(r, 6).value = coordinate, cell_digest(coordinate, text)
    wb.save(out)
    return out


def _uuids(db: Database, table: str, where: str = "1") -> list[str]:
    con = sqlite3.connect(db.path)
    try:
        return [u for (u,) in con.execute(f"SELECT uuid FROM {table} WHERE {where}")]
    finally:
        con.close()


def _foreign_item(db: Database, unit: str) -> str:
    """An item of the plan the unit does not implement."""
    return _uuids(db, "items", "id NOT IN (SELECT item_id FROM assignments a JOIN units u ON u.id = a.unit_id "
                                f"WHERE a.role = 'implementing' AND u.name = '{unit}')")[0]


def test_a_form_resealed_with_an_extra_row_for_another_units_item_is_refused(db: Database, tmp_path: Path) -> None:
    import_file(db, path=NAM_HONG)
    made = make_form(db, plan_id=1, unit=UNIT, period="2026-Q3", out=tmp_path / "bieu_mau.xlsx").path
    forged = forge(made, tmp_path / "gia.xlsx", item_uuid=_foreign_item(db, UNIT), value=45)
    before = dump(db.path)
    with pytest.raises(FileRefused, match="mã kiểm tra không khớp"):
        read_form(db, path=forged)
    assert dump(db.path) == before


def test_a_form_resealed_for_another_units_uuid_is_refused(db: Database, tmp_path: Path) -> None:
    import_file(db, path=NAM_HONG)
    made = make_form(db, plan_id=1, unit=UNIT, period="2026-Q3", out=tmp_path / "bieu_mau.xlsx").path
    other = next(u for u in _uuids(db, "units") if u not in openpyxl.load_workbook(made)[HIDDEN_SHEET]["B4"].value)
    forged = forge(made, tmp_path / "don_vi_khac.xlsx", unit_uuid=other)
    with pytest.raises(FileRefused, match="mã kiểm tra không khớp"):
        read_form(db, path=forged)


def test_the_seal_is_keyed_by_the_installation(db: Database, tmp_path: Path) -> None:
    """The same plan file imported elsewhere and its UUIDs copied into this database could not help: the seal
    is keyed by this installation's secret, which never leaves it."""
    import_file(db, path=NAM_HONG)
    made = make_form(db, plan_id=1, unit=UNIT, period="2026-Q3", out=tmp_path / "bieu_mau.xlsx").path
    assert identity.form_key(db) == identity.form_key(db) and len(identity.form_key(db)) == 32
    other = new_database(tmp_path / "khac.sqlite3")
    try:
        assert identity.form_key(other) != identity.form_key(db)
    finally:
        other.close()
    wb = openpyxl.load_workbook(made)
    ws = wb[FORM_SHEET]
    ws[f"G{_row_of(ws, '3.2')}"] = 80
    wb.save(made)
    assert read_form(db, path=made).writes  # the genuine form, filled, still reads


def test_a_row_for_an_item_no_longer_the_units_is_refused(db: Database, tmp_path: Path) -> None:
    """A genuine form whose unit lost an item since: the row is refused, named."""
    import_file(db, path=NAM_HONG)
    made = make_form(db, plan_id=1, unit=UNIT, period="2026-Q3", out=tmp_path / "bieu_mau.xlsx").path
    wb = openpyxl.load_workbook(made)
    ws = wb[FORM_SHEET]
    row = _row_of(ws, "3.2")
    ws[f"G{row}"] = 80
    wb.save(made)
    con = sqlite3.connect(db.path)
    with con:
        con.execute("DELETE FROM assignments WHERE role = 'implementing' AND unit_id = (SELECT id FROM units "
                    "WHERE name = ?) AND item_id = (SELECT id FROM items WHERE number = '3.2' ORDER BY id LIMIT 1)",
                    (UNIT,))
    con.close()
    with pytest.raises(FileRefused, match=f"Dòng {row}"):
        read_form(db, path=made)


def test_a_form_value_with_no_sane_bound_or_a_control_character_is_refused(db: Database, tmp_path: Path) -> None:
    import_file(db, path=NAM_HONG)
    made = make_form(db, plan_id=1, unit=UNIT, period="2026-Q3", out=tmp_path / "bieu_mau.xlsx").path
    for typed, words in (("1e999999", "quá lớn"), ("9E+999999999", "quá lớn"), ("0,0000001", "thập phân")):
        wb = openpyxl.load_workbook(made)
        ws = wb[FORM_SHEET]
        ws[f"G{_row_of(ws, '3.3')}"] = typed
        wb.save(tmp_path / "so.xlsx")
        with pytest.raises(InvalidValue, match=words):
            read_form(db, path=tmp_path / "so.xlsx")
    wb = openpyxl.load_workbook(made)
    ws = wb[FORM_SHEET]
    # no XML 1.0 file holds ESC itself, but its 8-bit twin CSI (U+009B, "ESC [" to a terminal) it does
    ws[f"K{_row_of(ws, '2.5')}"] = "Đã xong\x9b31m"
    wb.save(tmp_path / "ky_tu.xlsx")
    with pytest.raises(InvalidValue, match="U\\+009B"):
        read_form(db, path=tmp_path / "ky_tu.xlsx")


def test_an_officer_of_another_unit_cannot_read_a_units_form(db: Database, tmp_path: Path) -> None:
    """With sign-in on, an officer previews only their own unit's forms (as record refuses another unit)."""
    import_file(db, path=MINH_TAN)
    made = make_form(db, plan_id=1, unit="Công an xã", period="2026-Q3", out=tmp_path / "ca.xlsx").path
    con = sqlite3.connect(db.path)
    other_unit = con.execute("SELECT id FROM units WHERE name != 'Công an xã' ORDER BY id LIMIT 1").fetchone()[0]
    con.close()
    account_admin.create_account(db, login="admin", full_name="Quản trị", role=ADMIN, password="quản trị 2026")
    account_admin.create_account(db, login="lan", full_name="Trần Thị Lan", role=UNIT_OFFICER,
                                 password="cán bộ 2026", unit_id=other_unit)
    accounts.sign_in(db, login="admin", password="quản trị 2026")
    account_admin.set_sign_in_required(db, required=True)
    accounts.sign_in(db, login="lan", password="cán bộ 2026")
    with pytest.raises(NotAllowed):
        read_form(db, path=made)


def test_a_report_whose_items_targets_are_known_only_here_is_judged_by_them(tmp_path: Path) -> None:
    """An incremental package carries the report but not its item's targets: 150 on the item measured in % is
    refused all the same, by the targets the receiving office holds, and nothing is stored."""
    a = new_database(tmp_path / "a" / "du_lieu.sqlite3")
    b = new_database(tmp_path / "b" / "du_lieu.sqlite3")
    try:
        plan = import_file(a, path=NAM_HONG).plan_id
        export_package(a, out=tmp_path / "dau.cdsx", since_last_to="Phòng Văn hóa - Xã hội")
        import_package(b, path=tmp_path / "dau.cdsx", trust=True)
        record_progress(a, item_id=item_by_number(a, plan_id=plan, number="2.1"), period="2026-Q2", value=Decimal(50))
        export_package(a, out=tmp_path / "sau.cdsx", since_last_to="Phòng Văn hóa - Xã hội")
        with zipfile.ZipFile(tmp_path / "sau.cdsx") as zf:
            assert not json.loads(zf.read("records/targets.json"))["rows"]
        path = reseal(tmp_path / "sau.cdsx", identity.private_key(a), lambda r: _report(r, "value", "150"),
                      tmp_path / "sau_150.cdsx")
        before = dump(b.path)
        with pytest.raises(FileRefused, match="từ 0 đến 100") as caught:
            import_package(b, path=path, trust=True)
        assert "progress_reports" in caught.value.full_message()
        assert dump(b.path) == before
        import_package(b, path=tmp_path / "sau.cdsx", trust=True)  # the genuine one goes through
    finally:
        a.close()
        b.close()


def test_a_target_with_no_sane_bound_is_refused() -> None:
    from desktop_app.errors import InvalidValue as Invalid
    from desktop_app.services.editing import TargetValue, check_target

    for value in (Decimal("1e999999"), Decimal("9E+999999999"), Decimal("1e-30")):
        with pytest.raises(Invalid):
            check_target(TargetValue(op=">=", value=value, unit_kind="percent"))
    check_target(TargetValue(op=">=", value=Decimal("90"), unit_kind="percent"))


def test_a_value_already_in_the_file_is_refused_on_reading_not_a_crash_or_a_hang(
        db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A database written by an older program (or edited by hand) holding 1E+999999: progress --json and the
    exports stop at once with a message instead of a decimal Overflow or a PDF that never ends."""
    import time

    assert main(["--db", str(db_path), "import", str(NAM_HONG)]) == 0
    assert main(["--db", str(db_path), "record", "--plan", "1", "--item", "2.1", "--period", "2026-Q3",
                 "--value", "40"]) == 0
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE progress_reports SET value = '1E+999999'")
    con.close()
    capsys.readouterr()
    for command in (["progress", "--json"], ["export-xlsx", "--plan", "1", str(tmp_path / "o.xlsx")],
                    ["export-pdf", "--plan", "1", str(tmp_path / "o.pdf")]):
        started = time.monotonic()
        code = main(["--db", str(db_path), *command])
        _out, err = capsys.readouterr()
        assert code == 2 and "1E+999999" in err and "Traceback" not in err, (command, err)
        assert time.monotonic() - started < 30
    assert not (tmp_path / "o.xlsx").exists() and not (tmp_path / "o.pdf").exists()


# --------------------------------------------------------------------------- appendix targets

HUGE_TARGETS = """PHỤ LỤC 1
| Stt | Chỉ tiêu/nhiệm vụ | Đơn vị chủ trì theo dõi | Đơn vị chủ trì tổ chức triển khai | Thời gian hoàn thành | Ghi chú |
|---|---|---|---|---|---|
| 1. | Về hạ tầng số | | | | |
| 1.1. | Tỉ lệ hộ gia đình có cáp quang đạt tối thiểu 99999999999999999999999999999% | Phòng Văn hóa - Xã hội | Các doanh nghiệp viễn thông | Tháng 12/2026 | |
| 1.2. | Số điểm truy cập công cộng đạt 123456789012345678901234567890 điểm | Phòng Văn hóa - Xã hội | Các doanh nghiệp viễn thông | Tháng 12/2026 | |
| 1.3. | Chỉ số an toàn đạt 0,0000000000000000000000001 | Phòng Văn hóa - Xã hội | Công an xã | Tháng 12/2026 | |
| 1.4. | Tỉ lệ cán bộ có chữ ký số đạt 150% | Phòng Văn hóa - Xã hội | Các phòng, ban | Tháng 12/2026 | |
| 1.5. | Tỉ lệ hồ sơ trực tuyến đạt tối thiểu 80% | Phòng Văn hóa - Xã hội | Các phòng, ban | Tháng 12/2026 | |
"""


def test_an_appendix_target_with_no_sane_bound_is_kept_only_as_text_and_everything_still_runs(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "phu_luc.txt"
    source.write_text(HUGE_TARGETS, encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(source), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert sum("không dùng được" in w for w in report["warnings"]) == 4, report["warnings"]
    with sqlite3.connect(db_path) as con:
        codes = [c for (c,) in con.execute("SELECT code FROM plan_warnings")]
        assert codes.count("unmeasurable_target") == 4, codes
        stored = con.execute("SELECT items.number, targets.value FROM targets JOIN items ON items.id = targets.item_id"
                             ).fetchall()
    assert [n for n, _v in stored] == ["1.5"], stored
    # what refused the whole database when such a target was stored
    for args in (["progress", "--json"], ["export-xlsx", "--plan", "1", str(tmp_path / "a.xlsx")],
                 ["export-pdf", "--plan", "1", str(tmp_path / "a.pdf")]):
        assert main(["--db", str(db_path), *args]) == 0, args
    assert (tmp_path / "a.xlsx").stat().st_size > 0 and (tmp_path / "a.pdf").stat().st_size > 0
