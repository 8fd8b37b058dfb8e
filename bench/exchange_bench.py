"""Province import benchmark (issue 5): generate signed packages from 3,321 communes (60 items, 12 monthly
periods, one or two units per item: about 2.4 million progress reports), import them all into one database,
and print the time, the peak memory and the ratio to a bare sqlite3.executemany insert of the same rows;
also the time to import one commune package into a commune database.

    .venv/bin/python bench/exchange_bench.py                 # the full run (targets: ≤ 2 min, ≤ 1 GB, ≤ 3×)
    .venv/bin/python bench/exchange_bench.py --communes 200  # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.exchange.check import expected_columns  # noqa: E402
from db.exchange.schema import REFERENCES, SYNCED  # noqa: E402
from tests.memory import peak_rss_mb  # noqa: E402

UNITS = ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã", "Công an xã", "Trạm Y tế xã",
         "Trung tâm phục vụ hành chính công xã", "Các trường học", "Phòng Kinh tế", "Các doanh nghiệp viễn thông"]
AREAS = ["Về thể chế số", "Về hạ tầng số", "Về nhân lực số", "Về phát triển dữ liệu số", "Về chính quyền số",
         "Về kinh tế số", "Về xã hội số", "Về an toàn thông tin mạng"]
ITEMS, MONTHS, YEAR = 60, 12, 2026


def _rev() -> str:
    return uuid.uuid4().hex


BLANK = {"issuer", "explanation", "unit_of_measure", "target_text", "output", "budget", "document_number"}
"""Text columns a package carries as "" when the office left them empty (added by migration 0008)."""


def _row(table: str, values: dict) -> list:
    rev = _rev()
    return [values.pop("uuid", str(uuid.uuid4())), rev, rev, "2026-11-20 08:00:00.000000",
            *(values.get(c, "" if c in BLANK else None) for c in SYNCED[table])]


def commune_tables(number: int) -> dict[str, list[list]]:
    """The records of one commune's package: plan, 8 groups, 60 items, 12 months of reports."""
    t: dict[str, list[list]] = {name: [] for name in SYNCED}
    units = [_row("units", {"name": n, "key": n.lower(), "named_by_user": 0}) for n in UNITS]
    t["units"] = units
    plan = _row("plans", {"commune": f"Xã Số {number}", "plan_number": f"{number}/KH-UBND", "year": YEAR,
                          "title": f"Kế hoạch chuyển đổi số xã Số {number} năm {YEAR}", "source_name": "",
                          "source_sha256": "", "imported_at": None, "period_kind": "month",
                          "period_basis": "calendar", "plan_date": f"{YEAR}-01-15"})
    t["plans"] = [plan]
    section = _row("sections", {"plan_id": plan[0], "order": 0, "numeral": "I", "title": "CHỈ TIÊU"})
    t["sections"] = [section]
    groups = [_row("groups", {"section_id": section[0], "order": g, "number": str(g + 1), "title": AREAS[g]})
              for g in range(8)]
    t["groups"] = groups
    periods = [_row("periods", {"plan_id": plan[0], "kind": "month", "basis": "calendar",
                                "label": f"Tháng {m + 1}/{YEAR}", "start": f"{YEAR}-{m + 1:02d}-01",
                                "end": f"{YEAR}-{m + 1:02d}-28"}) for m in range(MONTHS)]
    t["periods"] = periods
    for i in range(ITEMS):
        group = groups[i % 8]
        item = _row("items", {"plan_id": plan[0], "section_id": section[0], "group_id": group[0], "order": i,
                              "number_raw": f"{i % 8 + 1}.{i // 8 + 1}", "number": f"{i % 8 + 1}.{i // 8 + 1}",
                              "kind": "indicator", "note": "", "source_line": i + 2,
                              "text": f"Tỷ lệ chỉ tiêu số {i + 1} của xã đạt tối thiểu {50 + i % 50}%"})
        t["items"].append(item)
        t["targets"].append(_row("targets", {"item_id": item[0], "order": 0, "op": ">=", "value": str(50 + i % 50),
                                             "unit_kind": "percent", "unit": "%", "subject": None,
                                             "raw": f"tối thiểu {50 + i % 50}%"}))
        t["deadlines"].append(_row("deadlines", {"item_id": item[0], "raw": f"Tháng 12/{YEAR}", "kind": "date",
                                                 "due": f"{YEAR}-12-31"}))
        reporters = [units[2 + i % 6]]
        if number % 4 == 0 and i == 0:
            reporters.append(units[2 + (i + 1) % 6])  # a second implementing unit on one item
        t["assignments"].append(_row("assignments", {"item_id": item[0], "unit_id": units[0][0],
                                                     "role": "monitoring", "order": 0}))
        for n, unit in enumerate(reporters):
            t["assignments"].append(_row("assignments", {"item_id": item[0], "unit_id": unit[0],
                                                         "role": "implementing", "order": n}))
            for m, period in enumerate(periods):
                t["progress_reports"].append(_row("progress_reports", {
                    "item_id": item[0], "unit_id": unit[0], "period_id": period[0],
                    "value": str(min(100, 30 + m * 6 + i % 7)), "numerator": None, "denominator": None,
                    "status": None, "narrative": "", "evidence": "", "document_number": "", "document_date": None,
                    "reported_at": f"{YEAR}-{m + 1:02d}-28 09:00:00.000000", "reported_by": "Cán bộ"}))
    return t


def write_packages(folder: Path, communes: int) -> tuple[int, int]:
    """Write one signed package per commune; returns (records, progress reports)."""
    from desktop_app.io.exchange import signing
    from desktop_app.io.exchange.package import write_package

    records = reports = 0
    for number in range(1, communes + 1):
        tables = commune_tables(number)
        key = signing.new_private_key()
        members = {f"records/{name}.json": json.dumps({"columns": expected_columns(name), "rows": rows},
                                                      ensure_ascii=False, separators=(",", ":")).encode()
                   for name, rows in tables.items()}
        members["records/tombstones.json"] = b'{"columns":["uuid","table","rev","deleted_at"],"rows":[]}'
        manifest = {"program_version": "bench", "commune": f"Xã Số {number}",
                    "installation": {"id": str(uuid.uuid4()), "name": f"UBND xã Số {number}",
                                     "public_key": __import__("base64").b64encode(signing.public_key_of(key)).decode()},
                    "created_at": "2026-11-20T08:00:00", "counts": {k: len(v) for k, v in tables.items()}}
        write_package(folder / f"xa_{number:04d}.cdsx", manifest=manifest, members=members, private_key=key)
        records += sum(len(v) for v in tables.values())
        reports += len(tables["progress_reports"])
    return records, reports


def bare_insert(folder: Path, db_path: Path) -> float:
    """Time a plain sqlite3 executemany of the same rows (ids precomputed, references resolved) into a fresh
    database with the program's schema."""
    from db.engine import open_database

    open_database(db_path).close()
    con = sqlite3.connect(db_path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f"DROP TRIGGER {name}")  # bare: the tables and their indexes only, none of our logic
    con.commit()
    con.close()
    rows: dict[str, list[tuple]] = {t: [] for t in SYNCED}
    ids: dict[str, dict[str, int]] = {t: {} for t in SYNCED}
    unit_ids: dict[str, int] = {}
    from desktop_app.io.exchange.package import read_package

    for path in sorted(folder.glob("*.cdsx")):
        package = read_package(path)
        for table in SYNCED:
            columns = SYNCED[table]
            for row in package.read_json(f"records/{table}.json")["rows"]:
                if table == "units":
                    key = row[4 + columns.index("key")]
                    if key in unit_ids:
                        ids[table][row[0]] = unit_ids[key]
                        continue
                new_id = len(rows[table]) + 1
                ids[table][row[0]] = new_id
                if table == "units":
                    unit_ids[row[4 + columns.index("key")]] = new_id
                values = [ids[REFERENCES[c]][v] if c in REFERENCES and v is not None else v
                          for c, v in zip(columns, row[4:], strict=False)]
                rows[table].append((new_id, row[0], row[1], row[2], *values))
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    extra = {"items": ("number_key", "search_text", "unit_sort", "due_sort"), "units": ("sort_name",),
             "evidence_files": ("stored_name",)}
    started = time.perf_counter()
    with con:
        for table in SYNCED:
            cols = ["id", "uuid", "rev", "base_rev", *SYNCED[table], *extra.get(table, ())]
            quoted = ", ".join(f'"{c}"' for c in cols)
            marks = ", ".join("?" * len(cols))
            pad = ("",) * len(extra.get(table, ()))
            con.executemany(f"INSERT INTO {table} ({quoted}, created_at, updated_at, version) VALUES "
                            f"({marks}, '2026-11-20', '2026-11-20', 1)", [r + pad for r in rows[table]])
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def import_all(folder: Path, db_path: Path) -> None:
    """In a child process: import every package into one database; print seconds and peak MB as JSON."""
    from db.engine import open_database
    from desktop_app.services.exchange import import_packages

    db = open_database(db_path)
    started = time.perf_counter()
    done = import_packages(db, paths=sorted(folder.glob("*.cdsx")), trust=True)
    elapsed = time.perf_counter() - started
    imported = len(done.imported)
    if done.skipped:
        raise SystemExit(f"skipped: {done.skipped[:3]}")
    db.close()
    peak = peak_rss_mb()  # this process's own peak: ru_maxrss would carry the parent's through exec
    # the reader process (packages checked ahead of the merge), ended by now; an upper bound: its ru_maxrss
    # starts from this process's size when it was started, before the import grew
    reader = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak, "reader_mb": reader, "packages": imported}))


def one_commune(folder: Path, work: Path) -> tuple[float, float]:
    """Import one commune's package into an empty commune database, then again (everything unchanged)."""
    from db.engine import open_database
    from desktop_app.services.exchange import import_package

    path = sorted(folder.glob("*.cdsx"))[0]
    db = open_database(work / "xa.sqlite3")
    started = time.perf_counter()
    import_package(db, path=path, trust=True)
    first = time.perf_counter() - started
    started = time.perf_counter()
    import_package(db, path=path)
    again = time.perf_counter() - started
    db.close()
    return first, again


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=3321)
    parser.add_argument("--import-only", nargs=2, metavar=("FOLDER", "DB"))
    args = parser.parse_args()
    if args.import_only:
        import_all(Path(args.import_only[0]), Path(args.import_only[1]))
        return
    work = Path(tempfile.mkdtemp(prefix="cds-exchange-bench-"))
    try:
        packages = work / "goi"
        packages.mkdir()
        started = time.perf_counter()
        records, reports = write_packages(packages, args.communes)
        size = sum(p.stat().st_size for p in packages.iterdir())
        print(f"Generated {args.communes:,} packages ({records:,} records, {reports:,} progress reports, "
              f"{size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")
        os.sync()  # each measurement starts on a settled disk, not while the previous step's writes drain
        bare = bare_insert(packages, work / "bare.sqlite3")
        print(f"Bare sqlite3.executemany of the same {records:,} rows: {bare:.2f} s")
        for leftover in work.glob("bare.sqlite3*"):
            leftover.unlink()
        os.sync()
        child = subprocess.run([sys.executable, __file__, "--import-only", str(packages), str(work / "tinh.sqlite3")],
                               capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        if child.returncode:
            print(child.stdout, child.stderr)
            raise SystemExit(1)
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"Imported {figures['packages']:,} packages into one database: {figures['seconds']:.1f} s "
              f"(target ≤ 120 s), peak memory {figures['peak_mb']:,.0f} MB + {figures['reader_mb']:,.0f} MB for the "
              f"reader process (target ≤ 1,024 MB), "
              f"ratio to the bare insert {figures['seconds'] / bare:.2f} (target ≤ 3)")
        first, again = one_commune(packages, work)
        print(f"One commune package into a commune database: {first:.2f} s (target ≤ 0.5 s); "
              f"the same package again (nothing changes): {again:.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
