"""Make tests/data/db_0001.sqlite3: a database as the first release left it (schema revision 0001), with
rows in every table, for tests/test_upgrade.py.

The schema comes from running the Alembic revisions only up to "0001"; the rows are written with raw SQL
(never the ORM, which follows the newest schema), in the shape the first release's import and progress
entry wrote them: Vietnamese text in NFC, timestamps as SQLAlchemy stores them, fixed uuids so the file is
the same every time. Run from anywhere:

    .venv/bin/python tests/data/make_db_0001.py [output path]
"""

from __future__ import annotations

import os
import sqlite3
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "db_0001.sqlite3"

T0 = "2026-04-02 08:15:00.000000"  # imported
T1 = "2026-04-10 14:30:00.000000"  # first progress entry
T2 = "2026-07-08 09:05:00.000000"  # second progress entry


def _uuid(table: str, n: int) -> str:
    """A fixed, well-formed uuid per row, so the fixture is reproducible byte for byte."""
    code = sum(ord(c) for c in table) % 0xFFFF
    return f"00000001-{code:04x}-4000-8000-{n:012d}"


def _row(table: str, n: int, created: str = T0, updated: str | None = None, version: int = 1) -> dict[str, object]:
    return {"id": n, "uuid": _uuid(table, n), "created_at": created, "updated_at": updated or created,
            "version": version}


PLANS = [
    {**_row("plans", 1), "commune": "Nam Hồng", "plan_number": "44/KH-UBND", "plan_date": "2026-04-01",
     "year": 2026, "title": "PHỤ LỤC 1 (Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026 của UBND xã)",
     "source_name": "Phụ lục 1 - Kế hoạch chuyển đổi số xã Nam Hồng.docx",
     "source_sha256": "3f1c9a0e5b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468",
     "imported_at": T0, "period_kind": "quarter", "period_basis": "calendar"},
]
PLAN_WARNINGS = [
    {**_row("plan_warnings", 1), "plan_id": 1, "order": 0, "code": "units_merged",
     "message": "Đã gộp các cách viết tên đơn vị «Phòng Văn hóa - Xã hội» (dòng 8), «Phòng Văn hoá - Xã hội» "
                "(dòng 36) thành «Phòng Văn hóa - Xã hội»."},
    {**_row("plan_warnings", 2), "plan_id": 1, "order": 1, "code": "no_number",
     "message": "Dòng 20: hàng không có số thứ tự, được xếp ngay sau mục 2.6."},
]
SECTIONS = [
    {**_row("sections", 1), "plan_id": 1, "order": 0, "numeral": "I",
     "title": "Phân công phụ trách theo dõi, đôn đốc, kiểm tra thực hiện các chỉ tiêu"},
    {**_row("sections", 2), "plan_id": 1, "order": 1, "numeral": "II",
     "title": "PHÂN CÔNG CHỦ TRÌ THAM MƯU XÂY DỰNG CÁC VĂN BẢN"},
]
GROUPS = [
    {**_row("groups", 1), "section_id": 1, "order": 0, "number": "1",
     "title": "Về công tác lãnh đạo, chỉ đạo điều hành; thể chế, chính sách số"},
    {**_row("groups", 2), "section_id": 1, "order": 1, "number": "2", "title": "Về phát triển Hạ tầng số"},
]
ITEMS = [
    {**_row("items", 1), "plan_id": 1, "section_id": 1, "group_id": 1, "order": 0, "number_raw": "1.1",
     "number": "1.1", "kind": "indicator", "note": "", "source_line": 8,
     "text": "100% nhiệm vụ Chính phủ, Thủ tướng Chính phủ, UBND tỉnh giao được cụ thể hóa thực hiện bằng các "
             "văn bản, kế hoạch và theo dõi, giám sát, đánh giá thường xuyên"},
    {**_row("items", 2), "plan_id": 1, "section_id": 1, "group_id": 2, "order": 1, "number_raw": "2.1",
     "number": "2.1", "kind": "indicator", "note": "Số liệu của Sở Khoa học và Công nghệ", "source_line": 11,
     "text": "Phủ sóng 5G đạt tối thiểu trên 70% dân số"},
    {**_row("items", 3), "plan_id": 1, "section_id": 1, "group_id": 2, "order": 2, "number_raw": "2.6.",
     "number": "2.6", "kind": "task", "note": "", "source_line": 19,
     "text": "Triển khai hệ thống thông tin phục vụ họp và xử lý công việc (eCabinet)"},
    {**_row("items", 4), "plan_id": 1, "section_id": 1, "group_id": 2, "order": 3, "number_raw": "",
     "number": "", "kind": "task", "note": "Hàng không số thứ tự trong tệp gốc", "source_line": 20,
     "text": "Lắp đặt hệ thống camera giám sát an ninh trật tự tại khu dân cư đông người"},
    {**_row("items", 5), "plan_id": 1, "section_id": 1, "group_id": 2, "order": 4, "number_raw": "2.7",
     "number": "2.7", "kind": "indicator", "note": "", "source_line": 21,
     "text": "Tỷ lệ giáo viên, học sinh phổ thông được tập huấn kỹ năng số: Đạt 100% đối với giáo viên và đạt "
             "tối thiểu 65% đối với học sinh phổ thông."},
    {**_row("items", 6), "plan_id": 1, "section_id": 2, "group_id": None, "order": 5, "number_raw": "1",
     "number": "1", "kind": "document", "note": "", "source_line": 64,
     "text": "Ban hành Kế hoạch ứng dụng trí tuệ nhân tạo (AI) trong quản lý hành chính xã năm 2026"},
]
TARGETS = [
    {**_row("targets", 1), "item_id": 1, "order": 0, "op": "=", "value": "100", "unit_kind": "percent",
     "unit": "%", "subject": None, "raw": "100%"},
    {**_row("targets", 2), "item_id": 2, "order": 0, "op": ">", "value": "70", "unit_kind": "percent",
     "unit": "%", "subject": None, "raw": "đạt tối thiểu trên 70%"},
    {**_row("targets", 3), "item_id": 5, "order": 0, "op": "=", "value": "100", "unit_kind": "percent",
     "unit": "%", "subject": "giáo viên", "raw": "Đạt 100% đối với giáo viên"},
    {**_row("targets", 4), "item_id": 5, "order": 1, "op": ">=", "value": "65", "unit_kind": "percent",
     "unit": "%", "subject": "học sinh phổ thông", "raw": "đạt tối thiểu 65% đối với học sinh phổ thông"},
]
DEADLINES = [
    {**_row("deadlines", 1), "item_id": 1, "raw": "Thường xuyên", "kind": "ongoing", "due": None},
    {**_row("deadlines", 2), "item_id": 2, "raw": "Tháng 12/2026", "kind": "date", "due": "2026-12-31"},
    {**_row("deadlines", 3), "item_id": 3, "raw": "Tháng 4/2026", "kind": "date", "due": "2026-04-30"},
    {**_row("deadlines", 4), "item_id": 4, "raw": "Theo lộ trình yêu cầu cụ thể của từng nhiệm vụ",
     "kind": "other", "due": None},
    {**_row("deadlines", 5), "item_id": 5, "raw": "Quý III/2026", "kind": "date", "due": "2026-09-30"},
    {**_row("deadlines", 6), "item_id": 6, "raw": "Tháng 6/2026", "kind": "date", "due": "2026-06-30"},
]
UNITS = [  # key: the identity key as the first release computed it (desktop_app.domain.text.unit_key)
    {**_row("units", 1), "name": "Phòng Văn hóa - Xã hội", "key": "phòng văn hóa-xã hội"},
    {**_row("units", 2), "name": "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã",
     "key": "các phòng, ban, ngành, đơn vị, tổ chức hành chính xã"},
    {**_row("units", 3), "name": "Văn phòng HĐND & UBND xã", "key": "văn phòng hđnd&ubnd xã"},
    {**_row("units", 4), "name": "Công an xã", "key": "công an xã"},
]
UNIT_ALIASES = [
    {**_row("unit_aliases", 1), "unit_id": 1, "spelling": "Phòng Văn hóa - Xã hội", "seen": 21},
    {**_row("unit_aliases", 2), "unit_id": 1, "spelling": "Phòng Văn hoá - Xã hội", "seen": 1},
    {**_row("unit_aliases", 3), "unit_id": 2, "spelling": "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã",
     "seen": 30},
    {**_row("unit_aliases", 4), "unit_id": 3, "spelling": "Văn phòng HĐND & UBND xã", "seen": 3},
    {**_row("unit_aliases", 5), "unit_id": 4, "spelling": "Công an xã", "seen": 2},
]
ASSIGNMENTS = [
    {**_row("assignments", n), "item_id": item, "unit_id": unit, "role": role, "order": order}
    for n, (item, unit, role, order) in enumerate([
        (1, 1, "monitoring", 0), (1, 2, "implementing", 0),
        (2, 1, "monitoring", 0), (2, 2, "implementing", 0),
        (3, 3, "monitoring", 0), (3, 3, "implementing", 0), (3, 2, "implementing", 1),
        (4, 4, "monitoring", 0), (4, 2, "implementing", 0),
        (5, 1, "monitoring", 0),
        (6, 1, "monitoring", 0), (6, 3, "implementing", 0),
    ], start=1)
]
PERIODS = [
    {**_row("periods", n), "plan_id": 1, "kind": "quarter", "basis": "calendar", "label": label, "start": start,
     "end": end}
    for n, (label, start, end) in enumerate([
        ("Quý I/2026", "2026-01-01", "2026-03-31"), ("Quý II/2026", "2026-04-01", "2026-06-30"),
        ("Quý III/2026", "2026-07-01", "2026-09-30"), ("Quý IV/2026", "2026-10-01", "2026-12-31"),
    ], start=1)
]
PROGRESS_REPORTS = [
    {**_row("progress_reports", 1, T1), "item_id": 2, "unit_id": 1, "period_id": 1, "value": "65",
     "numerator": "6500", "denominator": "10000", "status": "in_progress",
     "narrative": "Đã phủ sóng 5G tại 6/9 thôn, xóm; đang lắp thêm trạm tại xóm Đồng Tâm.",
     "evidence": "Báo cáo số 12/BC-VNPT ngày 05/4/2026", "reported_at": T1, "reported_by": "Nguyễn Thị Hương"},
    {**_row("progress_reports", 2, T2, version=2), "item_id": 2, "unit_id": 1, "period_id": 2, "value": "72.5",
     "numerator": None, "denominator": None, "status": "done",
     "narrative": "Vượt chỉ tiêu: 72,5% dân số được phủ sóng 5G.", "evidence": "",
     "reported_at": T2, "reported_by": "Nguyễn Thị Hương"},
    {**_row("progress_reports", 3, T1), "item_id": 1, "unit_id": None, "period_id": 1, "value": "100",
     "numerator": None, "denominator": None, "status": "done",
     "narrative": "Toàn bộ nhiệm vụ được giao đã cụ thể hóa bằng kế hoạch.", "evidence": "",
     "reported_at": T1, "reported_by": "Trần Văn Đức"},
    {**_row("progress_reports", 4, T2), "item_id": 6, "unit_id": 1, "period_id": 2, "value": None,
     "numerator": None, "denominator": None, "status": "blocked",
     "narrative": "Chờ hướng dẫn của Sở Khoa học và Công nghệ về ứng dụng AI.", "evidence": "",
     "reported_at": T2, "reported_by": "Lê Thị Ánh Tuyết"},
]

# Parents before children, as the foreign keys need.
TABLES = {
    "plans": PLANS, "plan_warnings": PLAN_WARNINGS, "sections": SECTIONS, "groups": GROUPS, "items": ITEMS,
    "targets": TARGETS, "deadlines": DEADLINES, "units": UNITS, "unit_aliases": UNIT_ALIASES,
    "assignments": ASSIGNMENTS, "periods": PERIODS, "progress_reports": PROGRESS_REPORTS,
}


def _nfc(value: object) -> object:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def make(out: Path) -> Path:
    """Write the fixture to out (replacing it); returns out."""
    sys.path.insert(0, str(ROOT))
    from alembic import command

    from db.engine import _alembic_config

    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    cfg = _alembic_config()
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{tmp}")
    command.upgrade(cfg, "0001")  # the first release's schema, and nothing after it

    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA foreign_keys=ON")
        tables_at_0001 = {row[0] for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'")}
        missing = tables_at_0001 - TABLES.keys()
        if missing:
            raise SystemExit(f"revision 0001 has tables without rows here: {sorted(missing)}")
        for table, rows in TABLES.items():
            for row in rows:
                columns = ", ".join(f'"{name}"' for name in row)
                marks = ", ".join("?" for _ in row)
                con.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', [_nfc(v) for v in row.values()])
        con.commit()
        if con.execute("PRAGMA foreign_key_check").fetchall():
            raise SystemExit("broken foreign keys")
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        con.execute("VACUUM")
    finally:
        con.close()
    os.replace(tmp, out)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(make(target))
