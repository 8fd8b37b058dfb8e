"""Opening a database from an older release: backed up, migrated in one transaction, checked; refused and left
untouched when it comes from a newer program; left exactly as it was when the upgrade fails.

The fixture tests/data/db_0001.sqlite3 is a database as the first release left it (revision 0001, rows in
every table); tests/data/make_db_0001.py makes it again.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from db.engine import (
    BACKUP_DIR_NAME,
    DatabaseError,
    _alembic_config,
    _head_from_files,
    open_database,
)

FIXTURE = Path(__file__).parent / "data" / "db_0001.sqlite3"
HEAD = ScriptDirectory.from_config(_alembic_config()).get_current_head()
TABLES_AT_0001 = ["plans", "plan_warnings", "sections", "groups", "items", "targets", "deadlines", "units",
                  "unit_aliases", "assignments", "periods", "progress_reports"]
BACKUP_NAME = re.compile(r"du_lieu\.truoc-nang-cap-0001-\d{8}-\d{6}(-\d+)?\.sqlite3")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _query(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _columns(path: Path, table: str) -> list[str]:
    return [row[1] for row in _query(path, f'PRAGMA table_info("{table}")')]


def _rows(path: Path, table: str, columns: list[str]) -> list[tuple]:
    names = ", ".join(f'"{c}"' for c in columns)
    return _query(path, f'SELECT {names} FROM "{table}" ORDER BY id')


def _revision(path: Path) -> str:
    return _query(path, "SELECT version_num FROM alembic_version")[0][0]


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A copy of the first release's database, named as the program names its file."""
    path = tmp_path / "du_lieu.sqlite3"
    shutil.copyfile(FIXTURE, path)
    return path


def test_the_fixture_is_a_first_release_database_with_rows_in_every_table() -> None:
    assert _revision(FIXTURE) == "0001"
    tables = {row[0] for row in _query(FIXTURE, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {*TABLES_AT_0001, "alembic_version"}
    for table in TABLES_AT_0001:
        assert _query(FIXTURE, f'SELECT count(*) FROM "{table}"')[0][0] > 0, table
    assert "search_text" not in _columns(FIXTURE, "items")


def test_the_quick_head_read_from_the_revision_files_is_alembics_head() -> None:
    assert _head_from_files() == HEAD  # the usual start compares with it without importing Alembic


def test_upgrade_from_0001_keeps_every_row(old_db: Path) -> None:
    before = {table: (_columns(FIXTURE, table), _rows(FIXTURE, table, _columns(FIXTURE, table)))
              for table in TABLES_AT_0001}

    db = open_database(old_db)
    db.close()

    assert _revision(old_db) == HEAD
    for table, (columns, rows) in before.items():
        assert set(columns) <= set(_columns(old_db, table)), table
        assert _rows(old_db, table, columns) == rows, table  # every column of 0001, every row, same values
    # A few values by name, Vietnamese text included (NFC as written).
    assert _query(old_db, "SELECT commune, plan_number, title FROM plans") == [
        ("Nam Hồng", "44/KH-UBND",
         "PHỤ LỤC 1 (Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026 của UBND xã)")]
    assert _query(old_db, "SELECT text FROM items WHERE id = 2") == [("Phủ sóng 5G đạt tối thiểu trên 70% dân số",)]
    assert _query(old_db, "SELECT name, key FROM units WHERE id = 1") == [("Phòng Văn hóa - Xã hội",
                                                                          "phòng văn hóa-xã hội")]
    assert _query(old_db, "SELECT spelling FROM unit_aliases WHERE id = 2") == [("Phòng Văn hoá - Xã hội",)]
    assert _query(old_db, "SELECT value, status, narrative, reported_by FROM progress_reports WHERE id = 2") == [
        ("72.5", "done", "Vượt chỉ tiêu: 72,5% dân số được phủ sóng 5G.", "Nguyễn Thị Hương")]
    assert _query(old_db, "SELECT uuid FROM items WHERE id = 1") == _query(FIXTURE, "SELECT uuid FROM items WHERE id = 1")


def test_upgrade_fills_what_later_revisions_add(old_db: Path) -> None:
    db = open_database(old_db)
    db.close()

    for number_key, search_text, unit_sort, due_sort in _query(
            old_db, "SELECT number_key, search_text, unit_sort, due_sort FROM items"):
        assert number_key and search_text and unit_sort and due_sort
    assert "phu song 5g" in _query(old_db, "SELECT search_text FROM items WHERE id = 2")[0][0]
    # The latest report of 2.1 (72.5 % in Quý II against a target of > 70 %) is the item's latest result.
    assert _query(old_db, "SELECT latest_value, latest_status, latest_period FROM items WHERE id = 2") == [
        ("72.5", "done", "Quý II/2026")]
    assert all(key for (key,) in _query(old_db, "SELECT key FROM unit_aliases"))
    assert all(name for (name,) in _query(old_db, "SELECT sort_name FROM units"))
    assert _query(old_db, "SELECT count(*) FROM settings") == [(0,)]  # 0004's table, empty
    assert _query(old_db, "SELECT count(*) FROM evidence_files") == [(0,)]  # 0003's
    assert _query(old_db, "SELECT DISTINCT document_number FROM progress_reports") == [("",)]
    assert _query(old_db, "PRAGMA foreign_key_check") == []
    assert _query(old_db, "PRAGMA integrity_check") == [("ok",)]


_SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"


def _triggers(path: Path) -> set[str]:
    return {name for (name,) in _query(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def test_0008_rebuilds_deadlines_and_assignments_with_their_triggers_and_new_values(old_db: Path,
                                                                                     tmp_path: Path) -> None:
    db = open_database(old_db)
    db.close()
    fresh = open_database(tmp_path / "moi.sqlite3")
    fresh.close()
    assert _triggers(old_db) == _triggers(tmp_path / "moi.sqlite3")  # every trigger there, as on a new file
    # … and every table, index, trigger and view exactly as a new file has it (tests/test_migrations_frozen.py
    # checks the same of a file upgraded one revision at a time)
    assert _query(old_db, _SCHEMA) == _query(tmp_path / "moi.sqlite3", _SCHEMA)
    schema = {name: sql for name, sql in _query(old_db, "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    assert "'yearly'" in schema["deadlines"] and "'coordinating'" in schema["assignments"]
    assert "budget" in schema["trg_items_rev"] and "issuer" in schema["trg_plans_audit_update"]
    con = sqlite3.connect(old_db)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("UPDATE deadlines SET kind = 'yearly', raw = 'Hằng năm' WHERE id = 1")
        item, unit = con.execute("SELECT item_id, unit_id FROM assignments WHERE id = 1").fetchone()
        con.execute("INSERT INTO assignments (item_id, unit_id, role, \"order\", uuid, created_at, updated_at, version)"
                    " VALUES (?, ?, 'coordinating', 0, 'u-8', '2026-01-01', '2026-01-01', 1)", (item, unit))
        con.execute("UPDATE items SET budget = '100 triệu đồng' WHERE id = 1")
        changes = [c for (c,) in con.execute("SELECT changes FROM audit_log ORDER BY id")]
        assert any("Hằng năm" in c for c in changes) and any("100 triệu" in c for c in changes)
        assert con.execute("SELECT count(*) FROM tombstones").fetchone() == (0,)
        con.execute("DELETE FROM assignments WHERE uuid = 'u-8'")
        assert con.execute("SELECT table_name FROM tombstones").fetchall() == [("assignments",)]
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE deadlines SET kind = 'sometimes' WHERE id = 1")
        con.rollback()
    finally:
        con.close()


def test_the_upgraded_database_works_with_the_program(old_db: Path) -> None:
    from desktop_app.domain.report import ReportSettings
    from desktop_app.services import items, settings

    db = open_database(old_db)
    try:
        rows = items.page(db, items.make_query(plan_id=1, today=date(2026, 11, 24)))
        assert [r.number for r in rows] == ["1.1", "2.1", "2.6", "", "2.7", "1"]
        assert rows[1].monitoring == "Phòng Văn hóa - Xã hội" and rows[1].latest == "72,5%"
        assert items.count(db, items.make_query(plan_id=1, today=date(2026, 11, 24), search="van hoa")) == 4
        saved = settings.save_report_settings(db, ReportSettings(place="Nam Hồng"))
        assert settings.report_settings(db) == saved
    finally:
        db.close()


def test_a_checked_backup_is_made_before_the_upgrade_and_only_once(old_db: Path) -> None:
    db = open_database(old_db)
    db.close()

    backups = list((old_db.parent / BACKUP_DIR_NAME).iterdir())
    assert len(backups) == 1 and BACKUP_NAME.fullmatch(backups[0].name), backups
    backup = backups[0]
    assert _revision(backup) == "0001"
    assert _query(backup, "PRAGMA integrity_check") == [("ok",)]
    assert _query(backup, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file
    for table in TABLES_AT_0001:
        columns = _columns(FIXTURE, table)
        assert _rows(backup, table, columns) == _rows(FIXTURE, table, columns), table

    db = open_database(old_db)  # already at head: no second backup
    db.close()
    assert list((old_db.parent / BACKUP_DIR_NAME).iterdir()) == [backup]


def test_a_new_database_needs_no_backup(tmp_path: Path) -> None:
    db = open_database(tmp_path / "du_lieu.sqlite3")
    db.close()
    assert _revision(tmp_path / "du_lieu.sqlite3") == HEAD
    assert not (tmp_path / BACKUP_DIR_NAME).exists()


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_database_from_a_newer_program_is_refused_and_left_untouched(old_db: Path, journal: str) -> None:
    con = sqlite3.connect(old_db)
    con.execute(f"PRAGMA journal_mode={journal}")  # the program itself leaves its file in WAL mode
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    digest = _sha256(old_db)
    files = sorted(p.name for p in old_db.parent.iterdir())

    with pytest.raises(DatabaseError, match="phiên bản chương trình mới hơn"):
        open_database(old_db)

    assert _sha256(old_db) == digest
    after = sorted(p.name for p in old_db.parent.iterdir())
    if journal == "delete":
        assert after == files  # no backup, no -journal, no -wal
    else:  # SQLite's read-only look at a WAL file leaves its empty companions, never a backup or a change
        assert set(after) - set(files) <= {"du_lieu.sqlite3-wal", "du_lieu.sqlite3-shm"}
        assert not Path(f"{old_db}-wal").exists() or Path(f"{old_db}-wal").stat().st_size == 0


def _preexisting_settings_table(path: Path) -> None:
    """Someone made a table named like the one revision 0004 creates: 0002 and 0003 run, then 0004 fails."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE settings (name TEXT)")
    con.execute("INSERT INTO settings VALUES ('giữ nguyên')")
    con.commit()
    con.close()


def _target_that_is_not_a_number(path: Path) -> None:
    """A value the first release should never have stored: 0002 adds its columns, then fails filling them."""
    con = sqlite3.connect(path)
    con.execute("UPDATE targets SET value = 'khoảng 70' WHERE id = 2")
    con.commit()
    con.close()


@pytest.mark.parametrize("spoil", [_preexisting_settings_table, _target_that_is_not_a_number])
def test_a_failed_upgrade_leaves_the_file_exactly_as_it_was(old_db: Path, spoil) -> None:  # type: ignore[no-untyped-def]
    spoil(old_db)
    digest = _sha256(old_db)
    items_columns = _columns(old_db, "items")

    with pytest.raises(DatabaseError) as caught:
        open_database(old_db)

    # The DDL of the revisions that did run (ALTER TABLE items ADD COLUMN …, CREATE TABLE evidence_files) was
    # rolled back with the rest: the file is byte for byte what it was.
    assert _sha256(old_db) == digest
    assert _revision(old_db) == "0001"
    assert _columns(old_db, "items") == items_columns
    assert not {"evidence_files"} & {row[0] for row in _query(old_db, "SELECT name FROM sqlite_master")}
    assert not Path(f"{old_db}-journal").exists()
    # The message says so and where the backup is.
    backups = list((old_db.parent / BACKUP_DIR_NAME).iterdir())
    assert len(backups) == 1
    message = caught.value.full_message()
    assert "không thành công" in message and "giữ nguyên" in message and str(backups[0]) in message
    assert _revision(backups[0]) == "0001"

    # Once the cause is removed, the same file upgrades.
    con = sqlite3.connect(old_db)
    con.execute("DROP TABLE IF EXISTS settings")
    con.execute("UPDATE targets SET value = '70' WHERE id = 2")
    con.commit()
    con.close()
    db = open_database(old_db)
    db.close()
    assert _revision(old_db) == HEAD


def test_a_failed_backup_stops_the_upgrade(old_db: Path) -> None:
    (old_db.parent / BACKUP_DIR_NAME).write_text("not a folder")  # the backup cannot be written there
    digest = _sha256(old_db)

    with pytest.raises(DatabaseError, match="Không sao lưu được"):
        open_database(old_db)

    assert _sha256(old_db) == digest
    assert _revision(old_db) == "0001"
