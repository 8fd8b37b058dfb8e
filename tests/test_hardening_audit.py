"""Issue #15, the change log and sign-in: what an attacker with the database file and plain sqlite3 can do to the
change log (edit an item and delete or rewrite its entry), and what the program sees of it (the append-only
triggers refuse, the hash chain breaks: `audit verify` exits 2 naming the entry, the dialog's Check integrity
button says so); CSV cells beginning with a non-breaking space, a line feed or a full-width operator; the growing
delay after failed sign-ins (the clock is injected: no real waiting)."""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from db.audit import chain, verify
from db.engine import Database, open_database
from db.models import utcnow
from desktop_app.cli import main
from desktop_app.domain.report import ITEM, PROGRESS, FlatRow, ReportData, ReportRow
from desktop_app.io.cell_text import formula_like, safe_text
from desktop_app.io.reports.csv_export import FLAT_COLUMNS, write_csv
from desktop_app.services import account_admin, accounts
from desktop_app.services.audit import audit_entries, check_integrity
from desktop_app.services.importing import import_file
from desktop_app.services.officer import GUI, set_officer_name, start_session
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.settings import report_settings, save_report_settings
from desktop_app.ui.widgets.audit_view import AuditDialog
from tests.conftest import NAM_HONG, new_database
from tests.test_migrations_frozen import _upgrade_to

APPEND_ONLY = "audit_log is append-only"


@pytest.fixture
def worked(db: Database) -> tuple[Database, int]:
    """A database with an imported plan and one progress report, committed by the program."""
    start_session(db, origin=GUI)
    set_officer_name(db, "Nguyễn Thị Hoa")
    plan = import_file(db, path=NAM_HONG).plan_id
    record_progress(db, item_id=item_by_number(db, plan_id=plan, number="2.1"), period="2026-Q1", value=Decimal(40))
    return db, plan


def _sql(path: Path, *statements: str) -> None:
    """Plain sqlite3, as an attacker with the file would use it (no program, no triggers dropped unless asked)."""
    con = sqlite3.connect(path)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def _one(path: Path, sql: str) -> Any:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def _cli(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str]:
    code = main(["--db", str(path), *args])
    out, err = capsys.readouterr()
    return code, out + err


# ----- append-only ------------------------------------------------------------------------------------------

def test_every_entry_the_program_commits_is_chained_and_the_chain_is_intact(worked: tuple[Database, int]) -> None:
    db, _ = worked
    assert _one(db.path, "SELECT count(*) FROM audit_log WHERE hash IS NULL OR who IS NULL") == (0,)
    report = check_integrity(db)
    assert report.intact and report.checked == _one(db.path, "SELECT count(*) FROM audit_log")[0] > 3


def test_plain_sqlite3_cannot_delete_or_rewrite_an_entry(worked: tuple[Database, int]) -> None:
    db, _ = worked
    path = db.path
    before = _one(path, "SELECT count(*), group_concat(hash) FROM audit_log")
    newest = _one(path, "SELECT id FROM audit_log ORDER BY id DESC")[0]
    for statement in (f"DELETE FROM audit_log WHERE id = {newest}", "DELETE FROM audit_log",
                      f"UPDATE audit_log SET changes = '{{}}' WHERE id = {newest}",
                      f"UPDATE audit_log SET who = 'Người khác' WHERE id = {newest}",
                      f"UPDATE audit_log SET hash = NULL WHERE id = {newest}",
                      f"UPDATE audit_log SET hash = 'x' || hash WHERE id = {newest}",
                      f"UPDATE audit_log SET id = id + 1000 WHERE id = {newest}",
                      f"UPDATE audit_log SET at = '2020-01-01 00:00:00.000000' WHERE id = {newest}"):
        with pytest.raises(sqlite3.DatabaseError, match=APPEND_ONLY):
            _sql(path, statement)
    assert _one(path, "SELECT count(*), group_concat(hash) FROM audit_log") == before
    assert check_integrity(db).intact


def test_an_edit_whose_entry_is_then_deleted_is_seen_by_audit_verify(worked: tuple[Database, int],
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's case: edit a report with plain sqlite3, delete the entry it wrote (and the report's others)."""
    db, _ = worked
    path = db.path
    assert _cli(capsys, path, "audit", "verify")[0] == 0
    newest = _one(path, "SELECT max(id) FROM audit_log")[0]
    _sql(path, "DROP TRIGGER trg_audit_log_no_update", "DROP TRIGGER trg_audit_log_no_delete",
         "UPDATE progress_reports SET value = '95'",
         "DELETE FROM audit_log WHERE table_name = 'progress_reports'")
    code, out = _cli(capsys, path, "audit", "verify")
    assert code == 2 and "KHÔNG toàn vẹn" in out and f"đến mục số {newest}" in out
    code, out = _cli(capsys, path, "audit", "verify", "--json")
    assert code == 2 and '"intact": false' in out and '"reason": "missing"' in out


def test_an_entry_deleted_in_the_middle_breaks_the_next_one(worked: tuple[Database, int],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = worked
    path = db.path
    victim = _one(path, "SELECT min(id) FROM audit_log WHERE table_name = 'items'")[0]
    after = _one(path, f"SELECT id, uuid FROM audit_log WHERE id > {victim} ORDER BY id")
    _sql(path, "DROP TRIGGER trg_audit_log_no_delete", f"DELETE FROM audit_log WHERE id = {victim}")
    code, out = _cli(capsys, path, "audit", "verify")
    assert code == 2 and f"mục số {after[0]} (mã {after[1]}" in out and "không khớp chuỗi băm" in out


def test_a_rewritten_entry_is_named_by_audit_verify(worked: tuple[Database, int],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = worked
    path = db.path
    entry_id, uuid = _one(path, "SELECT id, uuid FROM audit_log WHERE table_name = 'progress_reports'")
    _sql(path, "DROP TRIGGER trg_audit_log_no_update",
         f"UPDATE audit_log SET who = 'Người khác', changes = '{{}}' WHERE id = {entry_id}")
    code, out = _cli(capsys, path, "audit", "verify")
    assert code == 2 and f"mục số {entry_id}" in out and uuid in out
    broken = check_integrity(db).broken
    assert broken is not None and broken.id == entry_id and not broken.unchained and broken.record_kind == "Kết quả"


def test_an_entry_inserted_with_plain_sqlite3_is_unchained(worked: tuple[Database, int]) -> None:
    db, _ = worked
    _sql(db.path, "INSERT INTO audit_log (uuid, at, who, table_name, label, action, changes) VALUES "
                  "('f00d', '2026-01-01 00:00:00.000000', 'Giả mạo', 'items', 'giả', 'insert', '{}')")
    broken = check_integrity(db).broken
    assert broken is not None and broken.uuid == "f00d" and broken.unchained


def test_the_program_still_stamps_and_chains_and_a_commit_of_nothing_changes_nothing(
        worked: tuple[Database, int]) -> None:
    db, plan = worked
    record_progress(db, item_id=item_by_number(db, plan_id=plan, number="2.1"), period="2026-Q2", value=Decimal(60))
    newest = audit_entries(db)[0]
    assert newest.who == "Nguyễn Thị Hoa" and newest.source == GUI
    with db.transaction() as session:
        assert chain(session) == 0
        assert verify(session).broken is None


def test_an_older_database_upgraded_gets_its_chain(tmp_path: Path) -> None:
    path = tmp_path / "cu.sqlite3"
    _upgrade_to(path, "0008")
    _sql(path, *(f"INSERT INTO audit_log (uuid, at, who, source, table_name, label, action, changes) VALUES "
                 f"('{n:032x}', '2026-0{n}-01 08:00:00.000000', {'NULL' if n == 3 else repr('Hoa')}, 'GUI', "
                 f"'items', 'mục {n}', 'update', '{{\"text\": [\"a\", \"b\"]}}')" for n in range(1, 6)))
    db = open_database(path)
    try:
        report = check_integrity(db)
        assert report.intact and report.checked == 5
        assert _one(path, "SELECT who FROM audit_log WHERE id = 3") == ("?",)  # never stamped: nobody known
        with pytest.raises(sqlite3.DatabaseError, match=APPEND_ONLY):
            _sql(path, "DELETE FROM audit_log WHERE id = 1")
    finally:
        db.close()


# ----- settings and accounts in the change log --------------------------------------------------------------

def test_settings_and_accounts_are_in_the_change_log_without_secrets(worked: tuple[Database, int]) -> None:
    db, _ = worked
    save_report_settings(db, replace(report_settings(db), signer_name="Nguyễn Văn Chủ"))
    account_admin.setup_first_admin(db, login="admin", full_name="Nguyễn Văn Quản", password="mật-khẩu-dài-1")
    kinds = {e.record_kind for e in audit_entries(db)}
    assert {"Tài khoản", "Thiết lập"} <= kinds
    everything = " ".join(str(row) for row in sqlite3.connect(db.path).execute("SELECT * FROM audit_log"))
    assert "scrypt$" not in everything  # no password hash
    key = _one(db.path, "SELECT value FROM settings WHERE key = 'installation.private_key'")
    if key is not None:
        assert key[0] not in everything
    assert check_integrity(db).intact


# ----- failed sign-ins --------------------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now


def test_failed_sign_ins_make_the_account_wait_longer_and_are_audited(db: Database,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "FAILURE_DELAY", 0)  # the constant pause, not the delay under test
    start_session(db, origin=GUI)
    password = "mật-khẩu-dài-1"
    account_admin.setup_first_admin(db, login="admin", full_name="Nguyễn Văn Quản", password=password)
    clock = Clock()

    def attempt(pw: str) -> str:
        try:
            accounts.sign_in(db, login="admin", password=pw, clock=clock)
        except accounts.SignInFailed as exc:
            return exc.code
        return "ok"

    assert [attempt("sai") for _ in range(4)] == [accounts.WRONG_CODE] * 4
    assert attempt("sai") == accounts.WRONG_CODE  # the 5th: from now on 30 s
    assert attempt(password) == "account.wait"  # even the right password is not checked while waiting
    clock.now += timedelta(seconds=29)
    assert attempt(password) == "account.wait"
    clock.now += timedelta(seconds=2)
    for _ in range(5):  # 6th … 10th failure, each after its wait
        assert attempt("sai") == accounts.WRONG_CODE
        clock.now += timedelta(seconds=31)
    clock.now -= timedelta(seconds=31)
    clock.now += timedelta(minutes=4, seconds=59)
    assert attempt(password) == "account.wait"  # 10 failures: 5 minutes
    failures, wait_until = _one(db.path, "SELECT failed_sign_ins, wait_until FROM accounts")
    assert failures == 10 and wait_until is not None
    clock.now += timedelta(seconds=2)
    assert attempt(password) == "ok"
    assert _one(db.path, "SELECT failed_sign_ins, wait_until FROM accounts") == (0, None)
    refused = [e for e in audit_entries(db) if e.action == "Đăng nhập sai"]
    assert len(refused) == 10 and all(e.record == "admin" and e.record_kind == "Tài khoản" for e in refused)
    assert check_integrity(db).intact


def test_the_wait_is_kept_in_the_database_across_sessions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "FAILURE_DELAY", 0)
    path = tmp_path / "du_lieu.sqlite3"
    db = new_database(path)
    account_admin.setup_first_admin(db, login="admin", full_name="Nguyễn Văn Quản", password="mật-khẩu-dài-1")
    for _ in range(5):
        with pytest.raises(accounts.SignInFailed):
            accounts.sign_in(db, login="admin", password="sai")
    db.close()
    again = start_session(open_database(path), origin=GUI)
    try:
        with pytest.raises(accounts.SignInFailed) as refused:
            accounts.sign_in(again, login="admin", password="mật-khẩu-dài-1")
        assert refused.value.code == "account.wait"
    finally:
        again.close()


def test_an_unknown_login_is_audited(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "FAILURE_DELAY", 0)
    start_session(db, origin=GUI)
    with pytest.raises(accounts.SignInFailed):
        accounts.sign_in(db, login="=cmd|' /C calc'!A0", password="x")
    assert [e.record for e in audit_entries(db) if e.action == "Đăng nhập sai"] == ["=cmd|' /C calc'!A0"]


# ----- the GUI button ---------------------------------------------------------------------------------------

def test_the_check_integrity_button_says_intact_then_names_the_broken_entry(qtbot: Any,
                                                                             worked: tuple[Database, int]) -> None:
    db, _ = worked
    dialog = AuditDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check_button.click()
    assert "match" in dialog.integrity.text() or "khớp" in dialog.integrity.text()
    entry_id = _one(db.path, "SELECT id FROM audit_log WHERE table_name = 'progress_reports'")[0]
    _sql(db.path, "DROP TRIGGER trg_audit_log_no_update",
         f"UPDATE audit_log SET changes = '{{\"value\": [null, \"%2 99\"]}}', label = '%5' WHERE id = {entry_id}")
    dialog.check_button.click()
    text = dialog.integrity.text()
    assert "NOT intact" in text or "KHÔNG" in text
    assert f" {entry_id} " in text and "«%5»" in text  # a label holding a placeholder stays as it is


# ----- CSV cells --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["\u00a0=1+1", "\u00a0ghi chú", "\n=1+1", "\ndòng", "＝1+1", "＋1", "－1", "＠SUM(A1)",
                                   " ＝1", "\u00a0 ＠x", "\u3000=1", "﹦1", "\r\n=1", "\t1"])
def test_suspect_first_characters_are_quoted(value: str) -> None:
    assert formula_like(value) and safe_text(value) == "'" + value


@pytest.mark.parametrize("value", ["Tuyên truyền", "– gạch đầu dòng", "1.000", "90%", "", "a=b", "Dòng 1\nDòng 2"])
def test_ordinary_text_is_not_quoted(value: str) -> None:
    assert not formula_like(value) and safe_text(value) == value


def test_a_csv_export_quotes_the_hostile_cells() -> None:
    data = ReportData(kind=PROGRESS, commune="Nam Hồng", plan_title="", plan_number="", plan_date=None, year=2026,
                      as_of=date(2026, 11, 24))
    data.rows.append(ReportRow(ITEM, "I", "1", "x"))
    data.flat.append(FlatRow("I", "", "1", "\u00a0=HYPERLINK(\"http://x\")", "", "", "2026-M09", "Tháng 9/2026",
                             "＝cmd", Decimal(3), None, None, "", "", "\n=1+1", "＠SUM(A1)", datetime(2026, 9, 5, 7, 3),
                             "－2"))
    out = io.BytesIO()
    write_csv(data, out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig")), delimiter=";"))
    row = dict(zip(FLAT_COLUMNS, rows[1], strict=True))
    assert row["Chỉ tiêu/nhiệm vụ"] == "'\u00a0=HYPERLINK(\"http://x\")"
    assert (row["Đơn vị"], row["Nội dung"], row["Minh chứng"], row["Người báo cáo"]) == (
        "'＝cmd", "'\n=1+1", "'＠SUM(A1)", "'－2")


def test_the_head_of_the_chain_deleted_or_forged_is_seen(worked: tuple[Database, int]) -> None:
    db, _ = worked
    _sql(db.path, "UPDATE settings SET value = '{\"id\": 1, \"hash\": \"x\", \"count\": 1}' WHERE key = 'audit.head'")
    broken = check_integrity(db).broken
    assert broken is not None and broken.reason == "missing"
    _sql(db.path, "DELETE FROM settings WHERE key = 'audit.head'")
    assert not check_integrity(db).intact


def test_the_newest_entries_removed_stay_seen_after_the_program_writes_again(worked: tuple[Database, int]) -> None:
    db, plan = worked
    _sql(db.path, "DROP TRIGGER trg_audit_log_no_delete",
         "DELETE FROM audit_log WHERE table_name = 'progress_reports'")
    record_progress(db, item_id=item_by_number(db, plan_id=plan, number="2.1"), period="2026-Q2", value=Decimal(60))
    broken = check_integrity(db).broken  # the new entries are chained on, but the count kept does not add up
    assert broken is not None and broken.reason == "missing"


def test_an_edit_made_with_plain_sqlite3_is_never_named_after_the_next_officer(worked: tuple[Database, int]) -> None:
    db, plan = worked
    # the item's audit trigger still writes an entry, with nobody named and no hash
    _sql(db.path, "UPDATE items SET text = 'sửa lén' WHERE number = '2.1'")
    raw = _one(db.path, "SELECT id, who, hash FROM audit_log ORDER BY id DESC")
    assert raw[1:] == (None, None)
    record_progress(db, item_id=item_by_number(db, plan_id=plan, number="2.1"), period="2026-Q2", value=Decimal(60))
    assert _one(db.path, f"SELECT who, hash FROM audit_log WHERE id = {raw[0]}") == (None, None)
    broken = check_integrity(db).broken
    assert broken is not None and broken.id == raw[0] and broken.unchained
    assert "sửa lén" in broken.record
