"""Excel reporting forms: the workbook as a unit officer sees it, filled with openpyxl like the officer would,
read back (checksum, identities, every input validated with its row and column), previewed, applied all or
nothing, and read a second time with nothing changed; the CLI commands on top."""

from __future__ import annotations

import argparse
import os
import sqlite3
import unicodedata
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from db.engine import Database
from db.models import Item
from desktop_app.cli.forms import COMMANDS, add_parsers
from desktop_app.errors import FileRefused, InvalidValue, NotFound, WriteFailed
from desktop_app.io.atomic import TEMP_PREFIX
from desktop_app.io.forms.sheet import FORM_SHEET, HIDDEN_SHEET
from desktop_app.services.forms import (
    CHANGED,
    NEW,
    UNCHANGED,
    apply_form,
    make_form,
    read_form,
)
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, list_progress, record_progress
from tests.conftest import NAM_HONG, new_database

UNIT = "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã"


@pytest.fixture
def plan_id(db: Database) -> int:
    return import_file(db, path=NAM_HONG).plan_id


def form(db: Database, plan_id: int, tmp_path: Path, period: str = "2026-Q3", name: str = "bieu_mau.xlsx") -> Path:
    return make_form(db, plan_id=plan_id, unit=UNIT, period=period, out=tmp_path / name).path


def row_of(ws: object, number: str) -> int:
    """The sheet row of the item numbered number (first one: Stt restarts in section II)."""
    for r in range(10, ws.max_row + 1):  # type: ignore[attr-defined]
        if ws.cell(r, 2).value == number:  # type: ignore[attr-defined]
            return r
    raise AssertionError(number)


def fill(path: Path, cells: dict[tuple[str, str], object], out: Path | None = None) -> Path:
    """Type values into the form like an officer: {(Stt, column letter): value}."""
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    for (number, column), value in cells.items():
        ws[f"{column}{row_of(ws, number)}"] = value
    target = out or path
    wb.save(target)
    return target


def db_dump(db: Database) -> str:
    con = sqlite3.connect(db.path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


# --------------------------------------------------------------------------- the workbook


def test_the_form_as_a_unit_sees_it(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = form(db, plan_id, tmp_path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [FORM_SHEET, HIDDEN_SHEET]
    assert wb[HIDDEN_SHEET].sheet_state == "veryHidden" and wb.security.lockStructure
    ws = wb[FORM_SHEET]
    assert ws.sheet_state == "visible"
    assert "BIỂU MẪU BÁO CÁO" in ws["A1"].value and UNIT in ws["A2"].value and "Quý III/2026 (2026-Q3)" in ws["A2"].value
    assert ws["A4"].value.startswith("Hướng dẫn") and "ô nền vàng" in ws["A4"].value
    assert [ws.cell(9, c).value for c in (2, 3, 7, 10)] == ["Stt", "Chỉ tiêu/nhiệm vụ", "Giá trị", "Trạng thái"]
    assert all(unicodedata.is_normalized("NFC", ws.cell(r, 3).value or "") for r in range(1, ws.max_row + 1))
    # protected without a password; only the input cells are unlocked
    assert ws.protection.sheet and not ws.protection.password
    r_pct, r_task = row_of(ws, "3.2"), row_of(ws, "2.5")
    assert ws[f"D{r_pct}"].value == "≥ 90%"
    assert not ws[f"G{r_pct}"].protection.locked and ws[f"J{r_pct}"].protection.locked
    assert ws[f"G{r_task}"].protection.locked and not ws[f"J{r_task}"].protection.locked
    assert not ws[f"K{r_task}"].protection.locked and not ws[f"L{r_task}"].protection.locked
    assert ws[f"C{r_pct}"].protection.locked and ws[f"B{r_pct}"].protection.locked
    rules = {dv.type + (dv.operator or ""): str(dv.sqref).split() for dv in ws.data_validations.dataValidation}
    assert f"G{r_pct}" in rules["decimalbetween"]
    assert f"H{r_pct}" in rules["decimalgreaterThanOrEqual"]
    status = next(dv for dv in ws.data_validations.dataValidation if dv.type == "list")
    assert status.formula1 == '"Chưa bắt đầu,Đang thực hiện,Hoàn thành,Vướng mắc"'
    assert f"J{r_task}" in str(status.sqref).split()
    # a user can read and print it
    assert ws.freeze_panes == "C10" and ws.print_title_rows == "$9:$9"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["C"].width >= 40 and ws.column_dimensions["K"].width >= 30
    assert ws[f"C{r_pct}"].alignment.wrap_text


def test_last_reported_value_and_formula_like_texts(db: Database, plan_id: int, tmp_path: Path) -> None:
    with db.transaction() as session:
        session.get(Item, item_by_number(db, plan_id=plan_id, number="2.5", section="I")).text = '=HYPERLINK("x","bấm")'
    item_id = item_by_number(db, plan_id=plan_id, number="2.3", section="I")
    record_progress(db, item_id=item_id, period="2026-Q2", unit=UNIT, value=Decimal("60"))
    record_progress(db, item_id=item_id, period="2026-Q1", unit=UNIT, value=Decimal("40"))
    record_progress(db, item_id=item_id, period="2026-Q4", unit=UNIT, value=Decimal("99"))  # later: not shown
    ws = openpyxl.load_workbook(form(db, plan_id, tmp_path))[FORM_SHEET]
    assert ws[f"F{row_of(ws, '2.3')}"].value == "60% (Quý II/2026)"
    cell = ws[f"C{row_of(ws, '2.5')}"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    preview = read_form(db, path=tmp_path / "bieu_mau.xlsx")
    assert preview.changes == ()


# --------------------------------------------------------------------------- reading back


def test_fill_preview_apply_then_read_again_changes_nothing(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = form(db, plan_id, tmp_path)
    fill(path, {("3.2", "G"): 72.5, ("3.3", "G"): "72,5", ("2.3", "H"): 45, ("2.3", "I"): "50",
                ("2.5", "J"): "Hoàn thành", ("2.5", "K"): "Đã lắp đặt xong", ("2.5", "L"): "Biên bản số 12",
                ("2.4", "G"): 0.725})
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    ws[f"G{row_of(ws, '2.4')}"].number_format = "0.0%"  # "72,5%" typed in Excel is stored as 0.725
    wb.save(path)
    before = db_dump(db)
    preview = read_form(db, path=path)
    assert db_dump(db) == before, "reading a form must not write"
    assert preview.unit_name == UNIT and preview.period_label == "Quý III/2026" and preview.period_code == "2026-Q3"
    assert preview.count(NEW) == 7 and preview.count(CHANGED) == 0
    shown = {(c.number, c.field): (c.old, c.new) for c in preview.changes}
    assert shown[("3.2", "value")] == ("", "72,5%") and shown[("2.4", "value")] == ("", "72,5%")
    assert shown[("2.3", "value")] == ("", "45/50 (90%)") and shown[("2.5", "status")] == ("", "Hoàn thành")
    applied = apply_form(db, preview=preview, reported_by="Cán bộ A")
    assert applied.written == 5 and applied.backup is not None and applied.backup.exists()
    reports = {r["item_number"]: r for r in list_progress(db, plan_id=plan_id)}
    assert reports["3.2"]["value"] == 72.5 and reports["3.3"]["value"] == 72.5 and reports["2.4"]["value"] == 72.5
    assert (reports["2.3"]["numerator"], reports["2.3"]["denominator"], reports["2.3"]["value"]) == (45, 50, 90)
    assert reports["2.5"]["status"] == "done" and reports["2.5"]["evidence"] == "Biên bản số 12"
    assert reports["3.2"]["unit"] == UNIT and reports["3.2"]["reported_by"] == "Cán bộ A"
    after = db_dump(db)
    again = read_form(db, path=path)
    assert {c.kind for c in again.changes} == {UNCHANGED} and again.count(UNCHANGED) == 7
    assert apply_form(db, preview=again).written == 0
    assert db_dump(db) == after


def test_a_changed_value_and_blank_cells_keep_the_rest(db: Database, plan_id: int, tmp_path: Path) -> None:
    item_id = item_by_number(db, plan_id=plan_id, number="3.2", section="I")
    record_progress(db, item_id=item_id, period="2026-Q3", unit=UNIT, value=Decimal(60), narrative="cũ")
    path = fill(form(db, plan_id, tmp_path), {("3.2", "G"): 80})
    preview = read_form(db, path=path)
    kinds = {(c.number, c.field): c.kind for c in preview.changes}
    assert kinds == {("3.2", "value"): CHANGED, ("3.2", "narrative"): UNCHANGED}
    apply_form(db, preview=preview)
    report = next(r for r in list_progress(db, plan_id=plan_id) if r["item_number"] == "3.2")
    assert report["value"] == 80 and report["narrative"] == "cũ"


def test_an_edited_fixed_cell_is_named(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = form(db, plan_id, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb[FORM_SHEET]
    r = row_of(ws, "3.2")
    ws[f"D{r}"] = "> 50%"  # the target lowered
    ws[f"G{r}"] = 60
    wb.save(path)
    before = db_dump(db)
    with pytest.raises(FileRefused) as refused:
        read_form(db, path=path)
    assert f"Ô D{r} đã bị sửa" in refused.value.full_message() and "bieu_mau.xlsx" in refused.value.full_message()
    assert db_dump(db) == before


def test_a_deleted_row_and_a_renamed_or_deleted_sheet(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = form(db, plan_id, tmp_path)
    wb = openpyxl.load_workbook(path)
    wb[FORM_SHEET].delete_rows(12)
    wb.save(tmp_path / "xoa_dong.xlsx")
    with pytest.raises(FileRefused, match="Ô .* đã bị sửa"):
        read_form(db, path=tmp_path / "xoa_dong.xlsx")
    wb = openpyxl.load_workbook(path)
    wb[FORM_SHEET].title = "Trang 1"
    wb.save(tmp_path / "doi_ten.xlsx")
    with pytest.raises(FileRefused, match="Không thấy trang «Biểu mẫu»"):
        read_form(db, path=tmp_path / "doi_ten.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb[HIDDEN_SHEET]
    wb.save(tmp_path / "mat_trang_an.xlsx")
    with pytest.raises(FileRefused, match="không phải là biểu mẫu"):
        read_form(db, path=tmp_path / "mat_trang_an.xlsx")
    wb = openpyxl.load_workbook(path)
    wb[HIDDEN_SHEET]["B7"] = "2026-Q2"  # the period code changed by hand
    wb.save(tmp_path / "sua_ky.xlsx")
    with pytest.raises(FileRefused, match="mã kiểm tra không khớp"):
        read_form(db, path=tmp_path / "sua_ky.xlsx")


def test_a_form_for_another_period_unit_or_plan(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = fill(form(db, plan_id, tmp_path), {("3.2", "G"): 72})
    with pytest.raises(FileRefused, match=r"cho kỳ Quý III/2026 \(2026-Q3\), không phải kỳ «2026-Q2»"):
        read_form(db, path=path, period="2026-Q2")
    with pytest.raises(FileRefused, match="của đơn vị «Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã», không"):
        read_form(db, path=path, unit="Phòng Văn hóa - Xã hội")
    with pytest.raises(FileRefused, match="không phải kế hoạch #7"):
        read_form(db, path=path, plan_id=7)
    assert read_form(db, path=path, plan_id=plan_id, unit=UNIT, period="Quý III/2026").count(NEW) == 1
    other = new_database(tmp_path / "may_khac.sqlite3")
    try:
        import_file(other, path=NAM_HONG)  # the same appendix imported elsewhere: other UUIDs
        with pytest.raises(FileRefused, match="không có trong dữ liệu"):
            read_form(other, path=path)
    finally:
        other.close()


def test_wrong_inputs_are_named_by_row_and_column(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = form(db, plan_id, tmp_path)
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    r1, r2, r3, r5 = (row_of(ws, n) for n in ("3.2", "3.3", "2.3", "2.5"))
    fill(path, {("3.2", "G"): "khoảng 70", ("3.3", "G"): 130, ("2.3", "H"): 60, ("2.3", "I"): 50,
                ("2.5", "J"): "Xong rồi", ("2.4", "G"): 50})
    before = db_dump(db)
    with pytest.raises(InvalidValue) as wrong:
        read_form(db, path=path)
    text = wrong.value.full_message()
    assert text.startswith(f"Tệp «bieu_mau.xlsx», Trang «Biểu mẫu», dòng {r5}, cột «Trạng thái»: «Xong rồi» "
                           "không phải là trạng thái hợp lệ")
    assert f"- Trang «Biểu mẫu», dòng {r1}, cột «Giá trị»: «khoảng 70» không phải là số." in text
    # the second pass (the progress rules) is reached once the cells parse
    fill(path, {("3.2", "G"): 70, ("2.5", "J"): "hoan thanh"})
    with pytest.raises(InvalidValue) as wrong:
        read_form(db, path=path)
    text = wrong.value.full_message()
    assert f"dòng {r2}, cột «Giá trị»: giá trị phải từ 0 đến 100" in text
    assert f"dòng {r3}, cột «Giá trị»: tử số không được lớn hơn mẫu số" in text
    assert db_dump(db) == before


@pytest.mark.parametrize("content", [b"", b"Stt\tChi tieu\n", b"PK\x03\x04garbage", b"\x00" * 100])
def test_not_a_workbook(db: Database, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileRefused):
        read_form(db, path=path)


def test_a_truncated_form_and_a_missing_file(db: Database, plan_id: int, tmp_path: Path) -> None:
    path = form(db, plan_id, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileRefused):
        read_form(db, path=path)
    with pytest.raises(FileRefused, match="không tìm thấy"):
        read_form(db, path=tmp_path / "khong_co.xlsx")


# --------------------------------------------------------------------------- writing the file


def test_write_failures_leave_no_half_file(db: Database, plan_id: int, tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match="USB"):
        form(db, plan_id, tmp_path / "da_rut_usb")
    made = make_form(db, plan_id=plan_id, unit=UNIT, period="Quý III/2026", out=tmp_path / "ok.xlsx")
    import hashlib

    assert made.sha256 == hashlib.sha256(made.path.read_bytes()).hexdigest() and made.rows > 10
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
    folder = tmp_path / "chi_doc"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if not os.access(folder, os.W_OK):  # (root ignores permissions)
            with pytest.raises(WriteFailed):
                form(db, plan_id, folder)
            assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_make_form_refusals(db: Database, plan_id: int, tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="«Không có ai»"):
        make_form(db, plan_id=plan_id, unit="Không có ai", period="2026-Q3", out=tmp_path / "x.xlsx")
    with pytest.raises(NotFound, match="#99"):
        make_form(db, plan_id=99, unit=UNIT, period="2026-Q3", out=tmp_path / "x.xlsx")
    with pytest.raises(InvalidValue, match="không triển khai"):
        make_form(db, plan_id=plan_id, unit="Công an xã", period="2026-Q3", out=tmp_path / "x.xlsx")
    with pytest.raises(NotFound, match="kỳ báo cáo «2031-Q9»"):
        make_form(db, plan_id=plan_id, unit=UNIT, period="2031-Q9", out=tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


# --------------------------------------------------------------------------- command line


def cli(db: Database, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    add_parsers(sub)
    args = parser.parse_args(list(argv))
    return COMMANDS[args.command](db, args)


def test_cli_make_and_read_form(db: Database, plan_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "form.xlsx"
    assert cli(db, "make-form", "--plan", str(plan_id), "--unit", UNIT, "--period", "2026-Q3", str(out)) == 0
    assert "Đã ghi biểu mẫu" in capsys.readouterr().out
    fill(out, {("3.2", "G"): "72,5", ("2.5", "J"): "Đang thực hiện"})
    assert cli(db, "read-form", str(out), "--dry-run") == 0
    text = capsys.readouterr().out
    assert "Giá trị mới: 2, thay đổi: 0, không đổi: 0." in text and "Giá trị: (trống) → 72,5% [mới]" in text
    assert "chưa ghi gì" in text and list_progress(db, plan_id=plan_id) == []
    assert cli(db, "read-form", str(out)) == 0
    assert "Đã ghi 2 báo cáo." in capsys.readouterr().out
    assert cli(db, "read-form", str(out), "--json") == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"new": 0, "changed": 0, "unchanged": 2} and data["written"] == 0
    with pytest.raises(FileRefused):
        cli(db, "read-form", str(out), "--period", "2026-Q4")


def test_a_count_target_takes_any_non_negative_number(db: Database, plan_id: int, tmp_path: Path) -> None:
    office = "Văn phòng HĐND &UBND xã"
    path = make_form(db, plan_id=plan_id, unit=office, period="2026-Q3", out=tmp_path / "vp.xlsx").path
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    hidden = openpyxl.load_workbook(path)[HIDDEN_SHEET]
    modes = {ws.cell(r, 2).value: hidden.cell(r - 10 + 14, 3).value for r in range(10, ws.max_row + 1)}
    number = next(n for n, mode in modes.items() if mode == "number")
    r = row_of(ws, number)
    rules = {dv.type + (dv.operator or ""): str(dv.sqref).split() for dv in ws.data_validations.dataValidation}
    assert f"G{r}" in rules["decimalgreaterThanOrEqual"] and f"G{r}" not in rules.get("decimalbetween", [])
    assert "&UBND" in ws["A2"].value
    fill(path, {(number, "G"): 130})
    assert [c.new for c in read_form(db, path=path).changes] == ["130"]
    fill(path, {(number, "G"): "-5"})
    with pytest.raises(InvalidValue, match=f"dòng {r}, cột «Giá trị»: giá trị không được âm"):
        read_form(db, path=path)
