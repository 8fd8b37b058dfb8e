"""The database file: created only by migrations, pragmas on, schema equal to the ORM, stable ids and versions."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

import db.exchange.models  # noqa: F401 - its tables are part of the schema compared
from db.engine import Database, DatabaseError, open_database
from db.models import Base, Item, Target
from desktop_app.services.importing import import_file
from tests.conftest import NAM_HONG


def test_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_migrated_schema_equals_the_orm(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_schema_comes_from_the_alembic_revisions(db_path: Path, db: Database) -> None:
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("0011",)]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"plans", "sections", "groups", "items", "targets", "deadlines", "units", "unit_aliases",
            "assignments", "periods", "progress_reports", "settings"} <= tables


def test_reopening_is_idempotent(db_path: Path, db: Database) -> None:
    import_file(db, path=NAM_HONG)
    db.close()
    again = open_database(db_path)
    with again.reading() as session:
        assert session.query(Item).count() == 55
    again.close()


def test_database_newer_than_the_program_is_refused(db_path: Path, db: Database) -> None:
    db.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="phiên bản chương trình mới hơn"):
        open_database(db_path)


def test_rows_have_uuid_timestamps_and_versions(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    with db.transaction() as session:
        item = session.query(Item).filter_by(number="5.1").one()
        assert len(item.uuid) == 36 and item.created_at and item.updated_at and item.version == 1
        uuid, created = item.uuid, item.created_at
        item.note = "đã rà soát"
    with db.reading() as session:
        item = session.query(Item).filter_by(number="5.1").one()
        assert item.version == 2 and item.uuid == uuid and item.created_at == created
        assert item.updated_at >= created
        uuids = [u for (u,) in session.query(Target.uuid)]
        assert len(uuids) == len(set(uuids))


def test_decimal_targets_keep_their_exact_value(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    with db.reading() as session:
        target = session.query(Target).join(Item).filter(Item.number == "5.1").one()
        assert target.value == Decimal("0.70") and str(target.value) == "0.70"


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with db.transaction() as session:
            session.execute(text(
                "INSERT INTO targets (item_id, \"order\", op, value, unit_kind, raw, uuid, created_at, updated_at, version)"
                " VALUES (999, 0, '=', '1', 'none', '', 'x', '2026-01-01', '2026-01-01', 1)"))


def test_unwritable_location_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="Không tạo được thư mục"):
        open_database(blocker / "sub" / "db.sqlite3")


def test_openpyxl_parses_with_defusedxml() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_migration_0002_fills_the_derived_columns_of_existing_rows(db_path: Path) -> None:
    from alembic import command

    from db.engine import _alembic_config

    cfg = _alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    command.upgrade(cfg, "0001")
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO plans (id, commune, plan_number, title, source_name, source_sha256, period_kind, "
                "period_basis, uuid, created_at, updated_at, version) VALUES (1, 'Nam Hồng', '', '', '', '', "
                "'quarter', 'calendar', 'p', '2026-01-01', '2026-01-01', 1)")
    con.execute("INSERT INTO sections (id, plan_id, \"order\", numeral, title, uuid, created_at, updated_at, version) "
                "VALUES (1, 1, 0, 'I', '', 's', '2026-01-01', '2026-01-01', 1)")
    con.execute("INSERT INTO items (id, plan_id, section_id, \"order\", number_raw, number, kind, text, note, uuid, "
                "created_at, updated_at, version) VALUES (1, 1, 1, 0, '2.10', '2.10', 'indicator', "
                "'Tỷ lệ Văn hoá: đạt 70%', '', 'i', '2026-01-01', '2026-01-01', 1)")
    con.execute("INSERT INTO units (id, name, key, uuid, created_at, updated_at, version) "
                "VALUES (1, 'Phòng Văn hoá - Xã hội', 'k', 'u', '2026-01-01', '2026-01-01', 1)")
    con.execute("INSERT INTO unit_aliases (id, unit_id, spelling, seen, uuid, created_at, updated_at, version) "
                "VALUES (1, 1, 'Phòng Văn hoá - Xã hội', 1, 'a', '2026-01-01', '2026-01-01', 1)")
    con.execute("INSERT INTO assignments (id, item_id, unit_id, role, \"order\", uuid, created_at, updated_at, version) "
                "VALUES (1, 1, 1, 'monitoring', 0, 'as', '2026-01-01', '2026-01-01', 1)")
    con.commit()
    con.close()
    db = open_database(db_path)  # runs 0002
    db.close()
    con = sqlite3.connect(db_path)
    number_key, search_text, unit_sort = con.execute("SELECT number_key, search_text, unit_sort FROM items").fetchone()
    assert number_key.endswith("000002.000010") and "van hoa" in search_text and "phong van hoa" in search_text
    assert unit_sort and unit_sort != "\uffff"
    assert con.execute("SELECT key FROM unit_aliases").fetchone()[0] == "phòng văn hóa-xã hội"
    assert con.execute("SELECT sort_name FROM units").fetchone()[0]
