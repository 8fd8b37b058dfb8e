"""Issue #15, the database file under attack: the write lock held by another copy, a full disk and a read-only
file are plain refusals (exit 2, nothing written); a database deleted or replaced while the program runs is
not written into, and at the next start it is not silently replaced by an empty one; a backup whose schema
differs from what the migrations make (an extra trigger) is refused, and what a backup holds is shown."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from db.engine import open_database
from desktop_app.cli import main
from desktop_app.errors import AppError, DatabaseBusy, DatabaseMissing, DatabaseUnwritable
from desktop_app.services import backups
from desktop_app.services.backups import BackupRefused, check_restorable, describe
from desktop_app.services.importing import import_file
from desktop_app.services.workspace import open_for_window
from tests.conftest import NAM_HONG, new_database

RECORD = ["record", "--plan", "1", "--item", "2.1", "--period", "2026-Q3", "--value", "55"]


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _reports(path: Path) -> list[tuple[Any, ...]]:
    return _rows(path, "SELECT CAST(value AS REAL) FROM progress_reports ORDER BY id")


@pytest.fixture
def plan_db(db_path: Path) -> Iterator[Path]:
    """A database holding the Nam Hồng plan, every connection closed."""
    db = new_database(db_path)
    import_file(db, path=NAM_HONG)
    db.close()
    yield db_path


@pytest.fixture
def quick_lock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short busy timeout, so that a test meeting the lock waits a fraction of a second, not five."""
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr("db.backup.BUSY_TIMEOUT_S", 0.2)


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another copy of the program in the middle of a long import
    return other


# --- item 5: database errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [RECORD, ["import", str(NAM_HONG), "--again"]])
def test_the_lock_held_by_another_copy_is_a_plain_refusal(plan_db: Path, quick_lock: None, command: list[str],
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    before = _reports(plan_db), _rows(plan_db, "SELECT count(*) FROM plans")
    other = _hold_write_lock(plan_db)
    try:
        code = main(["--db", str(plan_db), *command])
    finally:
        other.rollback()
        other.close()
    err = capsys.readouterr().err
    assert code == 2
    assert "đang được một cửa sổ khác ghi, thử lại sau" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert (_reports(plan_db), _rows(plan_db, "SELECT count(*) FROM plans")) == before


def test_a_full_disk_during_a_write_is_a_plain_refusal_and_nothing_is_half_written(plan_db: Path) -> None:
    db = open_database(plan_db)
    try:
        pages = _rows(plan_db, "PRAGMA page_count")[0][0]

        @event.listens_for(db.engine, "connect")
        def _full(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            dbapi_conn.execute(f"PRAGMA max_page_count={pages}")  # the disk holds not one page more

        db.engine.dispose()
        before = _rows(plan_db, "SELECT count(*) FROM plans")
        with pytest.raises(DatabaseUnwritable) as caught:
            import_file(db, path=NAM_HONG, again=True)
        assert caught.value.code == "db.disk_full"
        assert "đầy" in caught.value.full_message()
        assert _rows(plan_db, "SELECT count(*) FROM plans") == before
    finally:
        db.close()


def test_a_read_only_file_is_a_plain_refusal(plan_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from decimal import Decimal

    from desktop_app.services.progress import item_by_number, record_progress

    db = open_database(plan_db)
    try:
        # as root a chmod'ed file is still writable: SQLite's query_only stands for a read-only file or drive
        @event.listens_for(db.engine, "connect")
        def _ro(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA query_only=1")

        db.engine.dispose()
        item = item_by_number(db, plan_id=1, number="2.1")
        with pytest.raises(DatabaseUnwritable) as caught:
            record_progress(db, item_id=item, period="2026-Q3", value=Decimal("55"))
        assert caught.value.code == "db.read_only"
        assert "chỉ đọc" in caught.value.full_message("vi")
    finally:
        db.close()
    assert _reports(plan_db) == []


def test_the_window_tries_again_while_another_window_holds_the_lock(qtbot: Any, plan_db: Path,
                                                                   quick_lock: None) -> None:
    from PySide6.QtWidgets import QWidget

    from desktop_app.services.workspace import Workspace
    from desktop_app.ui.operations import ChangeHub, Operations

    db = Workspace.on(open_database(plan_db))
    parent = QWidget()
    qtbot.addWidget(parent)
    ops = Operations(parent, ChangeHub())
    other = _hold_write_lock(plan_db)
    attempts: list[int] = []
    results: list[Any] = []
    errors: list[BaseException] = []

    def work() -> int:
        attempts.append(1)
        if len(attempts) == 2:
            other.rollback()  # the other window finishes meanwhile
        with db.transaction() as session:
            session.execute(__import__("sqlalchemy").text("UPDATE plans SET title = 'đã sửa'"))
        return len(attempts)

    try:
        ops.run("…", work, results.append, errors.append)
        qtbot.waitUntil(lambda: bool(results or errors), timeout=15000)
    finally:
        other.close()
        db.close()
    assert errors == [] and results and results[0] >= 2
    assert _rows(plan_db, "SELECT DISTINCT title FROM plans") == [("đã sửa",)]


def test_the_window_says_so_after_the_last_try(qtbot: Any, plan_db: Path, quick_lock: None) -> None:
    from PySide6.QtWidgets import QWidget

    from desktop_app.services.workspace import Workspace
    from desktop_app.ui import operations
    from desktop_app.ui.operations import ChangeHub, Operations

    db = Workspace.on(open_database(plan_db))
    parent = QWidget()
    qtbot.addWidget(parent)
    ops = Operations(parent, ChangeHub())
    other = _hold_write_lock(plan_db)
    attempts: list[int] = []
    errors: list[BaseException] = []

    def work() -> None:
        attempts.append(1)
        with db.transaction() as session:
            session.execute(__import__("sqlalchemy").text("UPDATE plans SET title = 'x'"))

    try:
        ops.run("…", work, None, errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    finally:
        other.rollback()
        other.close()
        db.close()
    assert len(attempts) == operations.LOCK_RETRIES + 1
    assert isinstance(errors[0], DatabaseBusy) and "thử lại sau" in errors[0].full_message("vi")
    assert not ops.tasks


# --- item 6: a deleted or replaced database ----------------------------------------------------------------------


def test_a_database_deleted_while_open_is_not_written_into(plan_db: Path) -> None:
    db = open_database(plan_db)
    try:
        backups.backup_now(plan_db)  # the copy a later start offers
        for suffix in ("", "-wal", "-shm"):
            Path(str(plan_db) + suffix).unlink(missing_ok=True)
        with pytest.raises(DatabaseMissing) as caught:
            import_file(db, path=NAM_HONG, again=True)
        assert caught.value.code == "db.file_gone"
    finally:
        db.close()
    assert not plan_db.exists()


def test_a_database_replaced_while_open_is_not_written_into(plan_db: Path, tmp_path: Path) -> None:
    db = open_database(plan_db)
    try:
        stranger = tmp_path / "other.sqlite3"
        shutil.copyfile(plan_db, stranger)
        os.replace(stranger, plan_db)  # another file at the same path (a new inode)
        with pytest.raises(DatabaseMissing), db.transaction():
            pass
    finally:
        db.close()


def test_a_missing_database_with_backups_is_not_replaced_by_an_empty_one(plan_db: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    backups.backup_now(plan_db)
    plan_db.unlink()
    assert main(["--db", str(plan_db), "plans"]) == 2
    err = capsys.readouterr().err
    assert "Không tìm thấy tệp dữ liệu" in err and "restore" in err
    assert not plan_db.exists()
    with pytest.raises(DatabaseMissing):
        open_for_window(plan_db)
    assert not plan_db.exists()


def test_a_missing_database_the_window_knew_is_said_so_but_a_first_start_goes_on(db_path: Path) -> None:
    with pytest.raises(DatabaseMissing) as caught:
        open_for_window(db_path, known=True)
    assert caught.value.code == "db.file_missing_no_backup" and not db_path.exists()
    open_for_window(db_path).close()  # the real first start: no backup, not known
    assert db_path.exists()


def test_the_start_offers_the_newest_backup_for_a_missing_file(qtbot: Any, plan_db: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui import messages
    from desktop_app.ui.startup import offer_restore

    shutil.rmtree(plan_db.parent / "backups")  # the copy made before the import holds no plan yet
    backups.backup_now(plan_db)
    plan_db.unlink()
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask", lambda _p, _t, question, **_k: asked.append(question) or True)
    with pytest.raises(DatabaseMissing) as caught:
        open_for_window(plan_db)
    assert offer_restore(plan_db, caught.value)
    assert "1 kế hoạch" in asked[0] or "(1 plans)" in asked[0]
    assert _rows(plan_db, "SELECT count(*) FROM plans") == [(1,)]


# --- item 7: a restore checks the schema ------------------------------------------------------------------------


def _backup_with(plan_db: Path, tmp_path: Path, sql: str) -> Path:
    crafted = tmp_path / "crafted.sqlite3"
    shutil.copyfile(plan_db, crafted)
    con = sqlite3.connect(crafted)
    con.executescript(sql)
    con.commit()
    con.close()
    return crafted


def test_a_backup_of_our_own_is_accepted_and_described(plan_db: Path) -> None:
    made = backups.backup_now(plan_db)
    check_restorable(made)
    text = describe(made).render("vi")
    assert "1 kế hoạch" in text and "mục" in text and "thay đổi cuối" in text


@pytest.mark.parametrize("sql", [
    "CREATE TRIGGER zero AFTER INSERT ON progress_reports BEGIN "
    "UPDATE progress_reports SET value = 0 WHERE id = NEW.id; END;",
    "CREATE INDEX extra ON items(id);",
    "CREATE VIEW v AS SELECT 1;",
    "CREATE TABLE extra (x);",
    "DROP INDEX ix_audit_log_at;",
])
def test_a_backup_whose_schema_differs_is_refused_and_nothing_changes(plan_db: Path, tmp_path: Path, sql: str,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    crafted = _backup_with(plan_db, tmp_path, sql)
    before = plan_db.read_bytes()
    with pytest.raises(BackupRefused) as caught:
        check_restorable(crafted)
    assert caught.value.code == "backup.schema_differs"
    assert main(["--db", str(plan_db), "restore", str(crafted)]) == 2
    assert "cấu trúc khác" in capsys.readouterr().err
    assert plan_db.read_bytes() == before


def test_the_trigger_that_stored_zero_never_gets_in(plan_db: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    crafted = _backup_with(plan_db, tmp_path, "CREATE TRIGGER zero AFTER INSERT ON progress_reports BEGIN "
                                              "UPDATE progress_reports SET value = 0 WHERE id = NEW.id; END;")
    assert main(["--db", str(plan_db), "restore", str(crafted)]) == 2
    assert main(["--db", str(plan_db), *RECORD]) == 0
    assert _reports(plan_db) == [(55.0,)]
    assert not _rows(plan_db, "SELECT name FROM sqlite_master WHERE name = 'zero'")


def test_a_changed_column_is_refused(plan_db: Path, tmp_path: Path) -> None:
    crafted = _backup_with(plan_db, tmp_path, "ALTER TABLE plans ADD COLUMN secret TEXT;")
    with pytest.raises(BackupRefused) as caught:
        check_restorable(crafted)
    assert "plans" in caught.value.full_message()


def test_an_older_revision_is_compared_with_what_its_own_migrations_made(tmp_path: Path) -> None:
    from alembic import command

    from db.engine import _alembic_config, _migration_engine

    old = tmp_path / "old.sqlite3"
    engine = _migration_engine(old)
    with engine.connect() as conn, conn.begin():
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    engine.dispose()
    check_restorable(old)  # a file the program left at 0005 is its own
    crafted = _backup_with(old, tmp_path, "CREATE TRIGGER t AFTER INSERT ON plans BEGIN SELECT 1; END;")
    with pytest.raises(BackupRefused):
        check_restorable(crafted)


def test_every_new_error_is_an_app_error() -> None:
    assert all(issubclass(cls, AppError) for cls in (DatabaseBusy, DatabaseMissing, DatabaseUnwritable))


def _alter_target(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE targets SET raw = 'Đạt 1%', value = '1' WHERE id = (SELECT min(id) FROM targets)")
    con.commit()
    con.close()


def test_a_sealed_backup_whose_data_was_altered_is_refused(plan_db: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    made = backups.backup_now(plan_db)
    assert backups.seal_state(made) == backups.SEALED
    assert "niêm phong" in describe(made).render("vi")
    _alter_target(made)  # a target's text changed with another tool: the schema is the same
    with pytest.raises(BackupRefused) as caught:
        check_restorable(made)
    assert caught.value.code == "backup.seal_broken"
    before = plan_db.read_bytes()
    assert main(["--db", str(plan_db), "restore", str(made)]) == 2
    assert "đã bị sửa" in capsys.readouterr().err
    assert plan_db.read_bytes() == before


def test_an_unsealed_backup_is_accepted_but_said_to_be_unchecked(plan_db: Path, tmp_path: Path) -> None:
    made = backups.backup_now(plan_db)
    copied = tmp_path / "usb" / "copy.sqlite3"
    copied.parent.mkdir()
    shutil.copyfile(made, copied)  # copied by hand, its seal left behind
    _alter_target(copied)
    check_restorable(copied)
    assert backups.seal_state(copied) == backups.UNSEALED
    assert "không kiểm tra được" in describe(copied).render("vi")


def test_a_pruned_backup_takes_its_seal_with_it(plan_db: Path) -> None:
    from datetime import datetime

    old = backups.backup_before(plan_db, backups.BEFORE_IMPORT, datetime(2020, 1, 1))
    assert old is not None and backups.seal_path(old).exists()
    backups.prune(plan_db, datetime(2036, 1, 1))
    assert not old.exists() and not backups.seal_path(old).exists()
