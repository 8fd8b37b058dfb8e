"""Optional sign-in: accounts, turning sign-in on and off, and what an administrator and a unit officer may do
(desktop_app.services.accounts and .permissions, enforced in the use cases and the command line)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from db.engine import Database, open_database
from db.models import AuditEntry, Unit
from desktop_app.cli import main
from desktop_app.domain.report import ReportSettings
from desktop_app.errors import InvalidValue, NotAllowed
from desktop_app.services import (
    account_admin,
    accounts,
    backups,
    editing,
    exchange,
    structure,
    units,
    versions,
)
from desktop_app.services.accounts import ADMIN, UNIT_OFFICER, WRONG, SignInFailed
from desktop_app.services.forms import FormPreview, apply_form
from desktop_app.services.identity import forget_sender, set_installation_name
from desktop_app.services.importing import import_file, import_text
from desktop_app.services.progress import (
    item_by_number,
    list_periods,
    record_progress,
    set_period_scheme,
)
from desktop_app.services.progress_grid import save_cell
from desktop_app.services.province import match_indicator
from desktop_app.services.settings import save_report_settings
from desktop_app.services.workspace import Workspace
from tests.conftest import MINH_TAN, NAM_HONG

ADMIN_PW, OFFICER_PW = "quản trị 2026", "công an 2026"


def _unit_id(db: Database, name: str) -> int:
    with db.reading() as session:
        return next(u.id for u in session.query(Unit) if u.name == name)


@pytest.fixture
def plan(db: Database) -> int:
    """Minh Tân's plan, where Công an xã implements item 8.1 (and not 7.1)."""
    return import_file(db, path=MINH_TAN).plan_id


@pytest.fixture
def signed(db: Database, plan: int) -> dict[str, accounts.Account]:
    """An administrator and an officer of Công an xã; sign-in turned on by the administrator, who is then
    signed out (each test signs in as it needs)."""
    admin = account_admin.create_account(db, login="Admin", full_name="Nguyễn Văn Quản", role=ADMIN, password=ADMIN_PW)
    officer = account_admin.create_account(db, login="lan", full_name="Trần Thị Lan", role=UNIT_OFFICER,
                                      password=OFFICER_PW, unit_id=_unit_id(db, "Công an xã"))
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    account_admin.set_sign_in_required(db, required=True)
    accounts.sign_out(db)
    return {"admin": admin, "officer": officer}


def _last_report_entry(session: object) -> AuditEntry | None:
    query = session.query(AuditEntry).filter_by(table_name="progress_reports")  # type: ignore[attr-defined]
    return query.order_by(AuditEntry.id.desc()).first()


def _officer(db: Database) -> None:
    accounts.sign_in(db, login="lan", password=OFFICER_PW)


# ----- sign-in off (the default) -------------------------------------------------------------------------
def test_sign_in_is_off_by_default_and_then_everyone_may_do_everything(db: Database, plan: int) -> None:
    assert not accounts.sign_in_required(db) and accounts.current_account(db) is None
    officer = account_admin.create_account(db, login="lan", full_name="Trần Thị Lan", role=UNIT_OFFICER,
                                      password=OFFICER_PW, unit_id=_unit_id(db, "Công an xã"))
    assert officer.active and officer.unit_name == "Công an xã" and not officer.is_admin
    _officer(db)  # an officer signed in while sign-in is off is not restricted either
    item = item_by_number(db, plan_id=plan, number="7.1")
    detail = editing.item_detail(db, item_id=item)
    editing.update_item(db, new=detail.__class__(**{**detail.__dict__, "note": "ghi chú"}))
    record_progress(db, item_id=item, period="2026-Q3", unit="Văn phòng HĐND- UBND xã", value=Decimal(50))


# ----- accounts and signing in ---------------------------------------------------------------------------
def test_signing_in_checks_the_password_and_names_the_person_in_the_audit(db: Database) -> None:
    made = account_admin.create_account(db, login="Admin", full_name="Nguyễn Văn Quản", role=ADMIN, password=ADMIN_PW)
    assert made.last_sign_in_at is None
    for login, password in (("admin", "sai mật khẩu"), ("không-có", ADMIN_PW), ("", "")):
        with pytest.raises(SignInFailed) as refused:
            accounts.sign_in(db, login=login, password=password)
        assert refused.value.message == WRONG  # never says whether the login exists
    assert accounts.current_account(db) is None
    account = accounts.sign_in(db, login="ADMIN", password=ADMIN_PW)  # logins ignore case
    assert account.login == "Admin" and db.actor == "Nguyễn Văn Quản"
    assert account_admin.list_accounts(db)[0].last_sign_in_at is not None
    accounts.sign_out(db)
    assert accounts.current_account(db) is None and db.actor != "Nguyễn Văn Quản"


def test_account_rules_are_explained(db: Database, plan: int) -> None:
    account_admin.create_account(db, login="lan", full_name="Lan", role=ADMIN, password=ADMIN_PW)
    cases = [
        (dict(login="LAN", full_name="Lan khác", role=ADMIN, password=ADMIN_PW), "đã có"),
        (dict(login="có dấu cách", full_name="X", role=ADMIN, password=ADMIN_PW), "không có dấu cách"),
        (dict(login="minh", full_name="", role=ADMIN, password=ADMIN_PW), "họ tên"),
        (dict(login="minh", full_name="Minh", role=ADMIN, password="ngắn"), "ít nhất 8 ký tự"),
        (dict(login="minh", full_name="Minh", role=UNIT_OFFICER, password=OFFICER_PW), "phải thuộc một đơn vị"),
        (dict(login="minh", full_name="Minh", role="khách", password=OFFICER_PW), "Vai trò"),
    ]
    for kwargs, words in cases:
        with pytest.raises(InvalidValue, match=words):
            account_admin.create_account(db, **kwargs)  # type: ignore[arg-type]


def test_a_locked_account_cannot_sign_in(db: Database, plan: int, signed: dict[str, accounts.Account]) -> None:
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    account_admin.deactivate_account(db, account_id=signed["officer"].id)
    with pytest.raises(SignInFailed, match="bị khóa"):
        _officer(db)


def test_enabling_needs_an_active_administrator_signed_in(db: Database, plan: int) -> None:
    with pytest.raises(InvalidValue, match="quản trị viên"):
        account_admin.set_sign_in_required(db, required=True)  # no account at all
    account_admin.create_account(db, login="lan", full_name="Trần Thị Lan", role=UNIT_OFFICER, password=OFFICER_PW,
                            unit_id=_unit_id(db, "Công an xã"))
    with pytest.raises(InvalidValue, match="ít nhất một tài khoản quản trị viên"):
        account_admin.set_sign_in_required(db, required=True)  # only an officer
    account_admin.create_account(db, login="admin", full_name="Quản", role=ADMIN, password=ADMIN_PW)
    with pytest.raises(NotAllowed, match="Chưa đăng nhập"):
        account_admin.set_sign_in_required(db, required=True)
    _officer(db)
    with pytest.raises(NotAllowed, match="«lan» .*chỉ quản trị viên"):
        account_admin.set_sign_in_required(db, required=True)
    assert not accounts.sign_in_required(db)
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    account_admin.set_sign_in_required(db, required=True)
    assert accounts.sign_in_required(db)


def test_the_first_administrator_is_made_signed_in_and_sign_in_turned_on_in_one_step(db: Database) -> None:
    admin = account_admin.setup_first_admin(db, login="admin", full_name="Nguyễn Văn Quản", password=ADMIN_PW)
    assert admin.is_admin and accounts.current_account(db) == admin and accounts.sign_in_required(db)
    with pytest.raises(NotAllowed, match="Đã có tài khoản"):
        account_admin.setup_first_admin(db, login="khac", full_name="Khác", password=ADMIN_PW)


def test_only_an_administrator_manages_accounts_and_turns_sign_in_off(
        db: Database, plan: int, signed: dict[str, accounts.Account]) -> None:
    _officer(db)
    with pytest.raises(NotAllowed, match="không được tạo tài khoản: chỉ quản trị viên"):
        account_admin.create_account(db, login="x", full_name="X", role=ADMIN, password=ADMIN_PW)
    with pytest.raises(NotAllowed, match="đặt mật khẩu"):
        account_admin.set_password(db, account_id=signed["admin"].id, password="mật khẩu mới 1")
    with pytest.raises(NotAllowed, match="tắt yêu cầu đăng nhập"):
        account_admin.set_sign_in_required(db, required=False)
    account_admin.change_own_password(db, old_password=OFFICER_PW, new_password="mật khẩu mới 1")
    accounts.sign_in(db, login="lan", password="mật khẩu mới 1")
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    with pytest.raises(InvalidValue, match="ít nhất một quản trị viên"):
        account_admin.update_account(db, account_id=signed["admin"].id, full_name="Quản", role=UNIT_OFFICER,
                                unit_id=_unit_id(db, "Công an xã"))
    with pytest.raises(InvalidValue, match="đang đăng nhập"):
        account_admin.deactivate_account(db, account_id=signed["admin"].id)
    account_admin.set_sign_in_required(db, required=False)
    assert not accounts.sign_in_required(db)


# ----- sign-in on: what each role may do -----------------------------------------------------------------
def test_nobody_signed_in_may_change_nothing(db: Database, plan: int, signed: dict[str, accounts.Account]) -> None:
    with pytest.raises(NotAllowed, match="Chưa đăng nhập nên không được sửa thông tin kế hoạch"):
        structure.update_plan(db, plan_id=plan, header=structure.plan_header(db, plan_id=plan))


def test_an_administrator_edits_and_records_everything(
        db: Database, plan: int, signed: dict[str, accounts.Account]) -> None:
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    item = item_by_number(db, plan_id=plan, number="7.1")
    structure.update_plan(db, plan_id=plan, header=structure.plan_header(db, plan_id=plan))
    detail = editing.item_detail(db, item_id=item)
    editing.update_item(db, new=detail.__class__(**{**detail.__dict__, "note": "quản trị viên sửa"}))
    record_progress(db, item_id=item, period="2026-Q3", unit=None, value=Decimal(40))


def test_a_unit_officer_records_only_their_units_items(
        db: Database, plan: int, signed: dict[str, accounts.Account]) -> None:
    _officer(db)
    own = item_by_number(db, plan_id=plan, number="8.1")
    report = record_progress(db, item_id=own, period="2026-Q3", value=Decimal(80))  # no unit: their own
    assert report["unit"] == "Công an xã"
    with db.reading() as session:
        entry = _last_report_entry(session)
        assert entry is not None and entry.who == "Trần Thị Lan"
    other = item_by_number(db, plan_id=plan, number="7.1")
    with pytest.raises(NotAllowed) as refused:
        record_progress(db, item_id=other, period="2026-Q3", value=Decimal(80))
    assert refused.value.message == ("Tài khoản «lan» (cán bộ đơn vị Công an xã) không được ghi kết quả chỉ "
                                     "tiêu/nhiệm vụ 7.1: Công an xã không phải đơn vị thực hiện chỉ tiêu/nhiệm vụ này.")
    with pytest.raises(NotAllowed, match="thay cho đơn vị «Văn phòng"):
        record_progress(db, item_id=own, period="2026-Q3", unit="Văn phòng HĐND- UBND xã", value=Decimal(80))
    period_id = next(p.id for p in list_periods(db, plan_id=plan) if p.label == report["period"])
    row = save_cell(db, plan_id=plan, period_id=period_id, item_id=own, unit_id=_unit_id(db, "Công an xã"),
                    field="narrative", text="đã rà soát")
    assert row.narrative == "đã rà soát"
    with pytest.raises(NotAllowed, match="không phải đơn vị thực hiện"):
        save_cell(db, plan_id=plan, period_id=period_id, item_id=other, unit_id=None, field="value", text="5")


def test_a_unit_officer_is_refused_every_administrators_task_with_the_reason(
        db: Database, plan: int, signed: dict[str, accounts.Account], tmp_path: Path) -> None:
    _officer(db)
    item = item_by_number(db, plan_id=plan, number="8.1")
    detail = editing.item_detail(db, item_id=item)
    police, office = _unit_id(db, "Công an xã"), _unit_id(db, "Văn phòng HĐND- UBND xã")
    refused = {
        "sửa chỉ tiêu/nhiệm vụ": lambda: editing.update_item(db, new=detail),
        "sửa thông tin kế hoạch": lambda: structure.update_plan(db, plan_id=plan,
                                                                 header=structure.plan_header(db, plan_id=plan)),
        "xóa chỉ tiêu/nhiệm vụ": lambda: structure.delete_item(db, item_id=item),
        "thêm chỉ tiêu/nhiệm vụ": lambda: structure.add_item(db, after_item_id=item),
        "đổi tên đơn vị": lambda: units.rename_unit(db, unit_id=police, name="Công an xã Minh Tân"),
        "gộp đơn vị": lambda: units.merge_units(db, source_id=office, target_id=police),
        "nhập kế hoạch": lambda: import_file(db, path=NAM_HONG),
        "nhập kế hoạch ": lambda: import_text(db, text="I. Mục\n1\tViệc"),
        "nhập gói dữ liệu": lambda: exchange.import_package(db, path=tmp_path / "goi.cdsx"),
        "nhập gói dữ liệu ": lambda: exchange.import_packages(db, paths=[tmp_path / "goi.cdsx"]),
        "khôi phục phiên bản đã lưu": lambda: versions.restore_version(db, history_id=1),
        "khôi phục bản sao lưu": lambda: backups.restore(db.path, tmp_path / "ban_sao.sqlite3"),
        "đổi kỳ báo cáo": lambda: set_period_scheme(db, plan_id=plan, kind="month", basis="calendar"),
        "đổi tiêu đề báo cáo": lambda: save_report_settings(db, ReportSettings()),
        "đổi tên của máy này": lambda: set_installation_name(db, name="Xã Minh Tân"),
        "bỏ tin cậy một nơi gửi": lambda: forget_sender(db, installation_id="x"),
        "ghép chỉ tiêu": lambda: match_indicator(db, text="a", to_text="b"),
    }
    for action, attempt in refused.items():
        with pytest.raises(NotAllowed) as caught:
            attempt()
        who = "Tài khoản «lan» (cán bộ đơn vị Công an xã)"
        assert caught.value.message.startswith(f"{who} không được {action.strip()}")
        assert "chỉ quản trị viên được làm việc này" in caught.value.message
    form = FormPreview("bieu_mau.xlsx", "", plan, "", office, "Văn phòng HĐND- UBND xã", 1, "", "", (), ())
    with pytest.raises(NotAllowed, match="thay cho đơn vị «Văn phòng"):
        apply_form(db, preview=form)
    apply_form(db, preview=FormPreview("bm.xlsx", "", plan, "", police, "Công an xã", 1, "", "", (), ()))


def test_an_officer_attaches_evidence_only_to_their_units_reports(
        db: Database, plan: int, signed: dict[str, accounts.Account], tmp_path: Path) -> None:
    from desktop_app.services.evidence import attach, detach

    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    theirs = record_progress(db, item_id=item_by_number(db, plan_id=plan, number="7.1"), period="2026-Q3",
                             value=Decimal(50))
    accounts.sign_out(db)
    _officer(db)
    own = record_progress(db, item_id=item_by_number(db, plan_id=plan, number="8.1"), period="2026-Q3",
                          value=Decimal(80))
    scan = tmp_path / "bien_ban.pdf"
    scan.write_bytes(b"%PDF-1.4 minh chung")
    kept = attach(db, report_id=own["id"], path=scan)
    with pytest.raises(NotAllowed, match="không phải đơn vị thực hiện"):
        attach(db, report_id=theirs["id"], path=scan)
    detach(db, evidence_id=kept.id)


def test_a_change_of_role_or_a_lock_counts_at_once(
        db: Database, plan: int, signed: dict[str, accounts.Account]) -> None:
    other = Workspace.on(open_database(db.path))  # the administrator at another window of the same file
    try:
        accounts.sign_in(other, login="admin", password=ADMIN_PW)
        _officer(db)
        account_admin.update_account(other, account_id=signed["officer"].id, full_name="Trần Thị Lan", role=ADMIN)
        structure.update_plan(db, plan_id=plan, header=structure.plan_header(db, plan_id=plan))  # now admin
        account_admin.update_account(other, account_id=signed["officer"].id, full_name="Trần Thị Lan", role=ADMIN,
                                active=False)
        with pytest.raises(NotAllowed, match="đã bị khóa"):
            structure.update_plan(db, plan_id=plan, header=structure.plan_header(db, plan_id=plan))
    finally:
        other.close()


def test_the_file_reopened_after_a_restore_keeps_who_signed_in(
        db: Database, plan: int, signed: dict[str, accounts.Account], tmp_path: Path) -> None:
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    (tmp_path / "usb").mkdir()
    copy = backups.backup_now(db.path, tmp_path / "usb")
    db.close()
    backups.restore(db.path, copy)  # an administrator signed in on this file: allowed
    again = Workspace.on(open_database(db.path))
    try:
        me = accounts.resume(again)
        assert me is not None and me.login == "Admin" and again.actor == "Nguyễn Văn Quản"
        accounts.sign_out(again)
    finally:
        again.close()
    later = Workspace.on(open_database(db.path))
    try:
        assert accounts.resume(later) is None
    finally:
        later.close()


def test_an_officer_of_a_merged_unit_belongs_to_the_unit_kept(
        db: Database, plan: int, signed: dict[str, accounts.Account]) -> None:
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    office = _unit_id(db, "Văn phòng HĐND- UBND xã")
    units.merge_units(db, source_id=_unit_id(db, "Công an xã"), target_id=office)
    officer = next(a for a in account_admin.list_accounts(db) if a.login == "lan")
    assert officer.unit_id == office


# ----- the command line ----------------------------------------------------------------------------------
def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_needs_login_and_password_when_sign_in_is_required(
        db: Database, plan: int, signed: dict[str, accounts.Account], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    base = ["--db", str(db.path)]
    record = ["record", "--plan", str(plan), "--item", "8.1", "--period", "2026-Q3", "--value", "75", "--json"]
    code, _, err = _run(capsys, *base, *record)
    assert code == 2 and "--login" in err and "CDS_PASSWORD" in err
    code, out, err = _run(capsys, *base, "plans")  # reading the plans needs sign-in as well
    assert code == 2 and "--login" in err and "Minh Tân" not in out
    code, _, err = _run(capsys, *base, "--login", "lan", *record)
    assert code == 2 and "CDS_PASSWORD" in err
    monkeypatch.setenv("CDS_PASSWORD", "sai mật khẩu")
    code, _, err = _run(capsys, *base, "--login", "lan", *record)
    assert code == 2 and WRONG in err
    monkeypatch.setenv("CDS_PASSWORD", OFFICER_PW)
    code, out, err = _run(capsys, *base, "--login", "lan", *record)
    assert code == 0, err
    assert json.loads(out)["unit"] == "Công an xã"
    code, _, err = _run(capsys, *base, "--login", "lan", "import", str(NAM_HONG))
    assert code == 2 and "không được nhập kế hoạch: chỉ quản trị viên" in err
    with db.reading() as session:
        entry = _last_report_entry(session)
        assert entry is not None and entry.who == "Trần Thị Lan"


def _every_command(plan: int, tmp_path: Path) -> list[list[str]]:
    """Each command of the command line (every one the parser knows: a new one must be added here), with the
    arguments it needs."""
    out = tmp_path / "out"
    plan_arg = ["--plan", str(plan)]
    return [
        ["import", str(NAM_HONG)], ["import", str(NAM_HONG), "--show-columns"], ["show"], ["plans"], ["units"],
        ["periods", *plan_arg], ["periods", *plan_arg, "--kind", "month"], ["progress"],
        ["progress", "list", *plan_arg],
        ["progress", "add", "--item", "1", "--period", "2026-Q3", "--value", "1"],
        ["record", *plan_arg, "--item", "8.1", "--period", "2026-Q3", "--value", "75"],
        ["export-pdf", *plan_arg, str(out / "a.pdf")], ["export-docx", *plan_arg, str(out / "a.docx")],
        ["export-xlsx", *plan_arg, str(out / "a.xlsx")], ["export-csv", *plan_arg, str(out / "a.csv")],
        ["export-package", str(out / "a.cdsx")], ["import-package", str(out / "b.cdsx")], ["identity"],
        ["identity", "--name", "UBND xã Khác"], ["versions"], ["restore-version", "1"],
        ["make-form", *plan_arg, "--unit", "Công an xã", "--period", "2026-Q3", str(out / "f.xlsx")],
        ["read-form", str(out / "f.xlsx")], ["backup", str(out)], ["restore", str(out / "x.sqlite3")],
        ["audit", "verify"],
    ]


def test_with_sign_in_required_every_command_needs_login_and_changes_nothing(
        db: Database, plan: int, signed: dict[str, accounts.Account], capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    from desktop_app.cli import _groups

    commands = _every_command(plan, tmp_path)
    known = {name for group in _groups() for name in group.COMMANDS}
    assert known == {c[0] for c in commands}, "a new command: add it to _every_command"
    (tmp_path / "out").mkdir()
    db.close()
    before = Path(db.path).read_bytes()
    backups_before = sorted(p.name for p in backups.backup_folder(db.path).glob("*")) \
        if backups.backup_folder(db.path).is_dir() else []
    for command in commands:
        code, out, err = _run(capsys, "--db", str(db.path), *command)
        assert code == 2 and "--login" in err and "CDS_PASSWORD" in err, (command, out, err)
        assert "Minh Tân" not in out and "Công an" not in out, command
    assert Path(db.path).read_bytes() == before
    assert not any((tmp_path / "out").iterdir())
    after = sorted(p.name for p in backups.backup_folder(db.path).glob("*")) \
        if backups.backup_folder(db.path).is_dir() else []
    assert after == backups_before


def test_the_command_line_backup_and_export_package_run_signed_in(
        db: Database, plan: int, signed: dict[str, accounts.Account], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    monkeypatch.setenv("CDS_PASSWORD", OFFICER_PW)
    base = ["--db", str(db.path), "--login", "lan"]
    code, out, err = _run(capsys, *base, "backup", str(tmp_path / "usb"))
    assert code == 0, err
    assert any((tmp_path / "usb").iterdir())
    code, out, err = _run(capsys, *base, "plans")
    assert code == 0 and "Minh Tân" in out
    monkeypatch.setenv("CDS_PASSWORD", ADMIN_PW)
    code, out, err = _run(capsys, "--db", str(db.path), "--login", "admin", "export-package",
                          str(tmp_path / "usb" / "gui.cdsx"))
    assert code == 0, err
    assert (tmp_path / "usb" / "gui.cdsx").is_file()


def test_the_command_line_restore_needs_an_administrator(
        db: Database, plan: int, signed: dict[str, accounts.Account], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    copy = backups.backup_now(db.path, tmp_path / "usb")
    db.close()
    code, _, err = _run(capsys, "--db", str(db.path), "restore", str(copy))
    assert code == 2 and "--login" in err
    monkeypatch.setenv("CDS_PASSWORD", OFFICER_PW)
    code, _, err = _run(capsys, "--db", str(db.path), "--login", "lan", "restore", str(copy))
    assert code == 2 and "không được khôi phục bản sao lưu" in err
    monkeypatch.setenv("CDS_PASSWORD", ADMIN_PW)
    code, out, err = _run(capsys, "--db", str(db.path), "--login", "admin", "restore", str(copy))
    assert code == 0, err
