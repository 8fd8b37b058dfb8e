"""Frozen migrations: every Alembic revision holds its own SQL, column lists and code, so that a later edit of the
program (db/*, desktop_app/*) cannot change what an old revision does to an old database.

Checked statically (no revision imports anything but alembic, sqlalchemy and the standard library) and by
running them: a database made at revision 0001 with rows in every table, upgraded one revision at a time to the
head, has exactly the schema of a new file (every table, index, trigger and view), keeps its rows and has the
derived columns of 0002 filled; at every revision on the way each trigger still compiles against its tables.
tests/test_upgrade.py upgrades the first release's own file in one go.
"""

from __future__ import annotations

import ast
import re
import sqlite3
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from db.engine import MIGRATIONS_DIR, _alembic_config, _migration_engine, open_database

VERSIONS = MIGRATIONS_DIR / "versions"
ALLOWED_IMPORTS = {"alembic", "sqlalchemy", "__future__", *sys.stdlib_module_names}

T0 = "2026-02-20 08:00:00.000000"  # imported
T1 = "2026-04-06 09:30:00.000000"  # first progress entries
T2 = "2026-07-03 15:45:00.000000"  # second ones
T3 = "2026-07-04 10:00:00.000000"


def _common(table: str, n: int, created: str = T0, updated: str | None = None, version: int = 1) -> dict:
    return {"id": n, "uuid": f"{table[:8]:>8}-0000-4000-8000-{n:012d}".replace(" ", "0"), "created_at": created,
            "updated_at": updated or created, "version": version}


def _rows(table: str, keys: tuple[str, ...], values: list[tuple], **common: object) -> list[dict]:
    return [{**_common(table, n, **common), **dict(zip(keys, row, strict=True))} for n, row in enumerate(values, 1)]


# The rows of a database as the first release wrote them, parents before children (revision 0001's tables).
DATA_0001: dict[str, list[dict]] = {
    "plans": _rows("plans", ("commune", "plan_number", "plan_date", "year", "title", "source_name", "source_sha256",
                             "imported_at", "period_kind", "period_basis"), [
        ("Tân Lập", "12/KH-UBND", "2026-02-15", 2026,
         "PHỤ LỤC (Kèm theo Kế hoạch số 12/KH-UBND ngày 15 tháng 02 năm 2026 của UBND xã Tân Lập)",
         "Phụ lục - Kế hoạch chuyển đổi số xã Tân Lập.docx", "a" * 64, T0, "quarter", "calendar"),
        ("Hòa Bình", "07/KH-UBND", None, None, "Kế hoạch thực hiện Đề án 06 năm 2026", "ke_hoach_06.xlsx",
         "b" * 64, T0, "half", "decree09"),
    ]),
    "plan_warnings": _rows("plan_warnings", ("plan_id", "order", "code", "message"), [
        (1, 0, "units_merged", "Đã gộp «Phòng Văn hoá - Xã hội» và «Phòng Văn hóa - Xã hội»."),
        (1, 1, "no_number", "Dòng 14: hàng không có số thứ tự, được xếp ngay sau mục 2.10."),
        (2, 0, "no_deadline", "Dòng 9: không đọc được thời hạn."),
    ]),
    "sections": _rows("sections", ("plan_id", "order", "numeral", "title"), [
        (1, 0, "I", "CÁC CHỈ TIÊU"),
        (1, 1, "II", "CÁC VĂN BẢN CẦN BAN HÀNH"),
        (2, 0, "I", "Nhiệm vụ"),
    ]),
    "groups": _rows("groups", ("section_id", "order", "number", "title"), [
        (1, 0, "1", "Về chính quyền số"),
        (1, 1, "2", "Về kinh tế số"),
        (3, 0, "1", "Dịch vụ công trực tuyến"),
    ]),
    "items": _rows("items", ("plan_id", "section_id", "group_id", "order", "number_raw", "number", "kind", "text",
                             "note", "source_line"), [
        (1, 1, 1, 0, "1.1.", "1.1", "indicator",
         "Tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng đạt trên 90%", "", 7),
        (1, 1, 1, 1, "1.2", "1.2", "task", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "", 8),
        (1, 1, 1, 2, "a)", "a", "task", "Rà soát danh mục hồ sơ cần số hóa", "", 9),
        (1, 1, 1, 3, "b)", "b", "task", "Tổ chức số hóa theo danh mục", "", 10),
        (1, 1, 2, 5, "", "", "task", "Lắp đặt hệ thống camera giám sát tại trụ sở", "Hàng không số thứ tự", 14),
        (1, 1, 2, 4, "2.10", "2.10", "indicator", "Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 100%", "",
         13),
        (1, 1, 2, 6, "2.9", "2.9", "indicator",
         "Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt tối thiểu 80%", "Số liệu ngân hàng", 15),
        (1, 1, 2, 7, "2.11", "2.11", "task", "Xây dựng 05 mô hình thôn thông minh", "", 16),
        (1, 2, None, 8, "1", "1", "document", "Ban hành Quy chế quản lý, vận hành Trang thông tin điện tử xã", "",
         30),
        (1, 2, None, 9, "2.", "2", "document", "Ban hành Kế hoạch tuyên truyền về chuyển đổi số năm 2026", "", 31),
        (2, 3, 3, 0, "1", "1", "indicator", "Số vụ mất an toàn thông tin không quá 2 vụ/năm", "", 5),
        (2, 3, 3, 1, "", "", "task", "Đôn đốc các thôn cài đặt ứng dụng VNeID", "", 6),
    ]),
    "targets": _rows("targets", ("item_id", "order", "op", "value", "unit_kind", "unit", "subject", "raw"), [
        (1, 0, ">", "90", "percent", "%", None, "trên 90%"),
        (6, 0, "=", "100", "percent", "%", None, "đạt 100%"),
        (7, 0, ">=", "80", "percent", "%", None, "đạt tối thiểu 80%"),
        (8, 0, "=", "5", "count", "mô hình", None, "05 mô hình"),
        (11, 0, "<=", "2", "count", "vụ", None, "không quá 2 vụ"),
    ]),
    "deadlines": _rows("deadlines", ("item_id", "raw", "kind", "due"), [
        (1, "Tháng 12/2026", "date", "2026-12-31"),
        (2, "Thường xuyên", "ongoing", None),
        (3, "Quý I/2026", "date", "2026-03-31"),
        (5, "Theo tiến độ dự án", "other", None),
        (7, "Năm 2026", "date", "2026-12-31"),
        (9, "Tháng 6/2026", "date", "2026-06-30"),
        (11, "Hằng năm", "other", None),
    ]),
    "units": _rows("units", ("name", "key"), [
        ("Văn phòng HĐND và UBND xã", "văn phòng hđnd và ubnd xã"),
        ("Phòng Kinh tế", "phòng kinh tế"),
        ("Công an xã", "công an xã"),
        ("Phòng Văn hóa - Xã hội", "phòng văn hóa-xã hội"),
    ]),
    "unit_aliases": _rows("unit_aliases", ("unit_id", "spelling", "seen"), [
        (1, "Văn phòng HĐND và UBND xã", 6),
        (2, "Phòng Kinh tế", 3),
        (3, "Công an Xã", 2),
        (4, "Phòng Văn hoá - Xã hội", 1),
        (4, "Phòng Văn hóa – Xã hội ", 4),
    ]),
    "assignments": _rows("assignments", ("item_id", "unit_id", "role", "order"), [
        (1, 1, "monitoring", 0), (1, 4, "implementing", 0), (1, 2, "implementing", 1),
        (2, 1, "monitoring", 0), (2, 4, "implementing", 0),
        (4, 4, "monitoring", 0),
        (5, 3, "monitoring", 0), (5, 1, "implementing", 0),
        (6, 2, "monitoring", 0),
        (7, 2, "monitoring", 1), (7, 4, "monitoring", 0),
        (8, 2, "monitoring", 0),
        (9, 1, "monitoring", 0), (10, 4, "monitoring", 0),
        (11, 3, "monitoring", 0), (12, 3, "implementing", 0),
    ]),
    "periods": _rows("periods", ("plan_id", "kind", "basis", "label", "start", "end"), [
        (1, "quarter", "calendar", "Quý I/2026", "2026-01-01", "2026-03-31"),
        (1, "quarter", "calendar", "Quý II/2026", "2026-04-01", "2026-06-30"),
        (1, "quarter", "calendar", "Quý III/2026", "2026-07-01", "2026-09-30"),
        (1, "quarter", "calendar", "Quý IV/2026", "2026-10-01", "2026-12-31"),
        (2, "half", "decree09", "6 tháng đầu năm 2026", "2025-12-15", "2026-06-14"),
        (2, "half", "decree09", "6 tháng cuối năm 2026", "2026-06-15", "2026-12-14"),
    ]),
    "progress_reports": [
        {**_common("progress_reports", n, created), **dict(zip(
            ("item_id", "unit_id", "period_id", "value", "numerator", "denominator", "status", "narrative",
             "evidence", "reported_at", "reported_by"), row, strict=True))}
        for n, (created, row) in enumerate([
            (T1, (1, 1, 1, "85", "850", "1000", "in_progress", "Đã xử lý 850/1.000 hồ sơ trên mạng.", "", T1,
                  "Nguyễn Văn An")),
            (T2, (1, 1, 2, "93", None, None, "done", "Đạt 93%.", "Báo cáo số 21/BC-UBND", T2, "Nguyễn Văn An")),
            (T1, (2, 1, 1, None, None, None, "blocked", "Chưa có máy quét.", "", T1, "Trần Thị Bình")),
            (T2, (7, 2, 2, "86", None, None, "done", "Vượt chỉ tiêu.", "", T2, "Lê Văn Cường")),
            (T3, (7, 4, 2, "79.5", None, None, "in_progress", "Số liệu của phòng.", "", T3, "Phạm Thị Dung")),
            (T1, (9, 1, 1, None, None, None, "done", "Đã ban hành Quyết định số 15/QĐ-UBND.", "", T1,
                  "Nguyễn Văn An")),
            (T2, (11, None, 5, "3", None, None, "in_progress", "Có 3 vụ lừa đảo qua mạng.", "", T2, "Công an xã")),
        ], 1)
    ],
}
TABLES_AT_0001 = list(DATA_0001)


def _revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(_alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _upgrade_to(path: Path, revision: str) -> None:
    """Run the revisions up to this one as the program runs them (foreign keys off, one transaction)."""
    cfg = _alembic_config()
    engine = _migration_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _insert(con: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    for row in rows:
        columns = ", ".join(f'"{name}"' for name in row)
        con.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" for _ in row)})', list(row.values()))


def _schema(path: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Every table, index, trigger and view of the file: (type, name) -> (table, SQL with whitespace normalised)."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        con.close()
    return {(kind, name): (table, None if sql is None else " ".join(sql.split())) for kind, name, table, sql in rows}


def _query(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def _table_rows(path: Path, table: str, columns: list[str]) -> list[tuple]:
    return _query(path, f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)} FROM "{table}" ORDER BY id')


def _uncompilable_triggers(path: Path) -> list[str]:
    """The triggers SQLite cannot compile against the tables as they are (a column they name is missing): a
    statement of each kind is prepared on every table that has triggers (WHERE 0: nothing is changed)."""
    con = sqlite3.connect(path)
    problems = []
    try:
        tables = [t for (t,) in con.execute("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'")]
        for table in tables:
            columns = [row[1] for row in con.execute(f'PRAGMA table_info("{table}")')]
            sets = ", ".join(f'"{c}" = "{c}"' for c in columns)
            for sql in (f'INSERT INTO "{table}" SELECT * FROM "{table}" WHERE 0',
                        f'UPDATE "{table}" SET {sets} WHERE 0', f'DELETE FROM "{table}" WHERE 0'):
                try:
                    con.execute(sql)
                except sqlite3.OperationalError as exc:
                    problems.append(f"{table}: {sql.split()[0]}: {exc}")
        con.rollback()
    finally:
        con.close()
    return problems


# ------------------------------------------------------------------------------------------------ static check

def _imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Name) and node.func.id == "__import__")
                   or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module"))):
            found.append((node.lineno, node.args[0].value))  # importlib.import_module("db.x"), __import__("db")
    return found


def test_the_revision_files_are_found() -> None:
    files = sorted(p.name for p in VERSIONS.glob("*.py"))
    assert len(files) == len(_revisions()) >= 8 and files[0].startswith("0001_"), files


@pytest.mark.parametrize("file", sorted(VERSIONS.glob("*.py")), ids=lambda p: p.stem)
def test_a_revision_imports_nothing_of_the_program(file: Path) -> None:
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    modules = _imported_modules(tree)
    assert any(name == "alembic" or name.startswith("alembic.") for _, name in modules)
    for line, name in modules:
        top = name.split(".")[0]
        assert top not in ("db", "desktop_app"), f"{file.name}:{line} imports {name}"
        assert top in ALLOWED_IMPORTS, f"{file.name}:{line} imports {name!r}: only alembic, sqlalchemy, stdlib"


def test_the_static_check_sees_the_ways_of_importing_the_program() -> None:
    tree = ast.parse("import db.summary\nfrom desktop_app.domain import text\nfrom . import x\n"
                     "def f():\n    from db.exchange.schema import trigger_sql\n"
                     "importlib.import_module('db.audit_schema')\n")
    assert [name for _, name in _imported_modules(tree)] == [
        "db.summary", "desktop_app.domain", ".", "db.exchange.schema", "db.audit_schema"]


# ------------------------------------------------------------------------------------------ step-by-step upgrade

@pytest.fixture(scope="module")
def upgraded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A file made at 0001 with DATA_0001 in it, then upgraded one revision at a time; what was seen on the way."""
    folder = tmp_path_factory.mktemp("frozen")
    path = folder / "du_lieu.sqlite3"
    revisions = _revisions()
    assert revisions[0] == "0001"
    _upgrade_to(path, "0001")
    con = sqlite3.connect(path)
    try:
        assert {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} == {
            *TABLES_AT_0001, "alembic_version"}
        con.execute("PRAGMA foreign_keys = ON")
        for table, rows in DATA_0001.items():
            _insert(con, table, rows)
        con.commit()
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    columns_0001 = {table: [row[1] for row in _query(path, f'PRAGMA table_info("{table}")')]
                    for table in TABLES_AT_0001}
    rows_0001 = {table: _table_rows(path, table, columns) for table, columns in columns_0001.items()}
    steps: dict[str, dict[str, object]] = {}
    for revision in revisions[1:]:
        _upgrade_to(path, revision)
        steps[revision] = {"version": _query(path, "SELECT version_num FROM alembic_version"),
                           "triggers": _uncompilable_triggers(path)}
    fresh = folder / "moi.sqlite3"
    open_database(fresh).close()  # a new file, made as the program makes it
    return {"path": path, "fresh": fresh, "columns_0001": columns_0001, "rows_0001": rows_0001, "steps": steps,
            "head": revisions[-1]}


def test_every_step_reaches_its_revision_with_triggers_that_compile(upgraded: dict) -> None:
    for revision, seen in upgraded["steps"].items():
        assert seen["version"] == [(revision,)], revision
        assert seen["triggers"] == [], revision


def test_the_upgraded_schema_is_a_new_files_schema(upgraded: dict) -> None:
    old, new = _schema(upgraded["path"]), _schema(upgraded["fresh"])
    assert sorted(old.keys() - new.keys()) == [] and sorted(new.keys() - old.keys()) == []
    for key in sorted(new):
        assert old[key] == new[key], key
    kinds = {kind for kind, _ in new}
    assert {"table", "index", "trigger"} <= kinds
    assert _query(upgraded["path"], "SELECT version_num FROM alembic_version") == [(upgraded["head"],)]


def test_the_rows_of_0001_survive_every_step(upgraded: dict) -> None:
    path = upgraded["path"]
    for table, columns in upgraded["columns_0001"].items():
        assert _query(path, f'SELECT count(*) FROM "{table}"') == [(len(DATA_0001[table]),)], table
        assert _table_rows(path, table, columns) == upgraded["rows_0001"][table], table
    assert _query(path, "SELECT commune, plan_number, title FROM plans WHERE id = 1") == [
        ("Tân Lập", "12/KH-UBND",
         "PHỤ LỤC (Kèm theo Kế hoạch số 12/KH-UBND ngày 15 tháng 02 năm 2026 của UBND xã Tân Lập)")]
    assert _query(path, "SELECT text, note FROM items WHERE id = 7") == [
        ("Tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử đạt tối thiểu 80%", "Số liệu ngân hàng")]
    assert _query(path, "SELECT role FROM assignments WHERE item_id = 1 ORDER BY id") == [
        ("monitoring",), ("implementing",), ("implementing",)]
    assert _query(path, "SELECT kind, due FROM deadlines WHERE item_id = 2") == [("ongoing", None)]
    assert _query(path, "SELECT value, status, reported_by FROM progress_reports WHERE id = 5") == [
        ("79.5", "in_progress", "Phạm Thị Dung")]
    # What later revisions added to the old rows: their defaults, a revision of their own, no history.
    assert _query(path, "SELECT DISTINCT document_number, document_date FROM progress_reports") == [("", None)]
    assert _query(path, "SELECT DISTINCT issuer FROM plans") == [("",)]
    assert _query(path, "SELECT DISTINCT explanation, unit_of_measure, target_text, output, budget FROM items") == [
        ("", "", "", "", "")]
    for table in TABLES_AT_0001:
        revs = [rev for (rev,) in _query(path, f'SELECT rev FROM "{table}"')]
        assert all(re.fullmatch("[0-9a-f]{32}", rev) for rev in revs) and len(set(revs)) == len(revs), table
        assert _query(path, f'SELECT count(*) FROM "{table}" WHERE base_rev IS NOT NULL') == [(0,)], table
    for table in ("audit_log", "tombstones", "sync_bases", "record_history", "settings", "evidence_files",
                  "accounts"):
        assert _query(path, f'SELECT count(*) FROM "{table}"') == [(0,)], table
    assert _query(path, "PRAGMA foreign_key_check") == []
    assert _query(path, "PRAGMA integrity_check") == [("ok",)]


def test_0002_fills_the_derived_columns_of_the_old_rows(upgraded: dict) -> None:
    path = upgraded["path"]
    for row in _query(path, "SELECT id, number_key, search_text, unit_sort, due_sort FROM items"):
        assert all(row), row
    # Stt order: sections first, numbers in natural order (2.9 < 2.10), a lettered row right after the row it
    # hangs under, an unnumbered row right after the numbered row before it in the file (2.10, not 2.9).
    assert [n for (n,) in _query(path, "SELECT number FROM items WHERE plan_id = 1 ORDER BY number_key")] == [
        "1.1", "1.2", "a", "b", "2.9", "2.10", "", "2.11", "1", "2"]
    assert [n for (n,) in _query(path, "SELECT number FROM items WHERE plan_id = 2 ORDER BY number_key")] == [
        "1", ""]
    assert _query(path, "SELECT search_text FROM items WHERE id = 5") == [
        ("lap dat he thong camera giam sat tai tru so cong an xa van phong hdnd va ubnd xa",)]
    assert _query(path, "SELECT search_text FROM items WHERE id = 1") == [(
        "1.1 ty le ho so cong viec tai cap xa duoc xu ly tren moi truong mang dat tren 90% van phong hdnd va ubnd xa "
        "phong van hoa - xa hoi phong kinh te",)]
    # The unit column sorts by the first monitoring unit (by its order), items without one last.
    unit_sort = dict(_query(path, "SELECT id, unit_sort FROM items"))
    sort_name = dict(_query(path, "SELECT id, sort_name FROM units"))
    assert unit_sort[7] == sort_name[4] and unit_sort[1] == sort_name[1] and unit_sort[3] == "\uffff"
    assert unit_sort[12] == "\uffff"  # an implementing unit only
    assert sorted(sort_name, key=sort_name.get) == [3, 2, 4, 1]  # Công an, Phòng Kinh tế, Phòng Văn hóa, Văn phòng
    assert dict(_query(path, "SELECT id, due_sort FROM items")) == {
        1: "2026-12-31", 2: "9999-99-99", 3: "2026-03-31", 4: "9999-99-99", 5: "9999-99-99", 6: "9999-99-99",
        7: "2026-12-31", 8: "9999-99-99", 9: "2026-06-30", 10: "9999-99-99", 11: "9999-99-99", 12: "9999-99-99"}
    # The latest report of each item (by period, then time) and its result against the targets.
    assert _query(path, "SELECT id, result, latest_value, latest_status, latest_period, last_update FROM items "
                        "WHERE latest_status IS NOT NULL ORDER BY id") == [
        (1, "met", "93", "done", "Quý II/2026", "2026-07-03 15:45:00"),
        (2, "unmet", None, "blocked", "Quý I/2026", "2026-04-06 09:30:00"),
        (7, "unmet", "79.5", "in_progress", "Quý II/2026", "2026-07-04 10:00:00"),
        (9, "met", None, "done", "Quý I/2026", "2026-04-06 09:30:00"),
        (11, "unmet", "3", "in_progress", "6 tháng đầu năm 2026", "2026-07-03 15:45:00"),
    ]
    assert _query(path, "SELECT count(*) FROM items WHERE result IS NULL AND latest_value IS NULL "
                        "AND latest_period IS NULL AND last_update IS NULL") == [(7,)]
    # Alias keys: the identity of a unit's spelling (tone placement, dashes, spacing, case).
    assert dict(_query(path, "SELECT id, key FROM unit_aliases")) == {
        1: "văn phòng hđnd và ubnd xã", 2: "phòng kinh tế", 3: "công an xã", 4: "phòng văn hóa-xã hội",
        5: "phòng văn hóa-xã hội"}
    assert _query(path, "SELECT DISTINCT named_by_user FROM units") == [(0,)]


def test_the_programs_trigger_code_makes_the_triggers_the_revisions_leave(upgraded: dict) -> None:
    """The revisions no longer call db/exchange/schema.py and db/audit_schema.py, but the program still makes triggers
    with them (the audit insert triggers after a bulk import): a change there needs a revision of its own."""
    from db.audit_schema import AUDITED, append_only_trigger_sql, audit_trigger_sql, insert_trigger_sql
    from db.exchange.schema import SYNCED, trigger_sql

    schema = _schema(upgraded["fresh"])
    made = [*(s for table, columns in SYNCED.items() for s in trigger_sql(table, columns)),
            *(s for table in AUDITED for s in audit_trigger_sql(table)),
            *(insert_trigger_sql(table, if_missing=True).replace(" IF NOT EXISTS", "", 1) for table in AUDITED),
            *append_only_trigger_sql()]
    for sql in made:
        name = sql.split()[2]
        assert schema[("trigger", name)][1] == " ".join(sql.split()), name
    assert {name for kind, name in schema if kind == "trigger"} == {sql.split()[2] for sql in made}


def _downgrade_to(path: Path, revision: str) -> None:
    cfg = _alembic_config()
    engine = _migration_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    finally:
        engine.dispose()


def test_0008_goes_down_and_up_again_to_the_same_schema(tmp_path: Path) -> None:
    path = tmp_path / "du_lieu.sqlite3"
    open_database(path).close()
    head = _schema(path)
    _downgrade_to(path, "0007")  # its tables were renamed by the upgrade: SQLite then quotes their names
    assert not [row for row in _query(path, "SELECT sql FROM sqlite_master WHERE name = 'deadlines'")
                if "yearly" in row[0]]
    _upgrade_to(path, "head")
    assert _schema(path) == head
