"""Database safety costs, printed as figures:

1. synchronous=FULL (what the program uses) against NORMAL: 1,000 progress reports recorded one by one, each in
   its own transaction as the results grid saves them, and the same 1,000 written in one transaction (as an
   import does);
2. the time to back up a 100 MB database with SQLite's online backup API, checked with quick_check, fsynced and
   renamed (db/backup.py: what every automatic and manual backup does).

Run: .venv/bin/python bench/db_bench.py [--reports 1000] [--megabytes 100]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

from db.backup import backup_copy  # noqa: E402
from db.engine import open_database  # noqa: E402
from db.models import ProgressReport  # noqa: E402
from db.queries.reports import report_items  # noqa: E402
from desktop_app.paths import sample_plan_path  # noqa: E402
from desktop_app.services.importing import import_file  # noqa: E402
from desktop_app.services.progress import list_periods, record_progress  # noqa: E402


def _database(folder: Path, name: str, synchronous: str):  # noqa: ANN202 - bench helper
    db = open_database(folder / f"{name}.sqlite3")
    if synchronous != "FULL":
        event.listen(db.engine, "connect", lambda con, _rec: con.execute(f"PRAGMA synchronous={synchronous}"))
        db.engine.dispose()  # new connections get the setting
    plan = import_file(db, path=sample_plan_path()).plan_id
    with db.reading() as session:
        items = [r.id for r in report_items(session, plan)]
    periods = [p.id for p in list_periods(db, plan_id=plan)]
    return db, items, periods


def one_by_one(folder: Path, synchronous: str, n: int) -> float:
    db, items, periods = _database(folder, f"each-{synchronous}", synchronous)
    start = time.perf_counter()
    for i in range(n):
        record_progress(db, item_id=items[i % len(items)], period=periods[(i // len(items)) % len(periods)],
                        narrative=f"Kết quả lần {i}: đã triển khai tại bộ phận một cửa.")
    took = time.perf_counter() - start
    db.close()
    return took


def in_one_transaction(folder: Path, synchronous: str, n: int) -> float:
    db, items, periods = _database(folder, f"bulk-{synchronous}", synchronous)
    # Distinct (item, unit, period) triples: the sample plan's 55 items × 4 periods × a synthetic unit-less row.
    rows = [{"item_id": items[i % len(items)], "period_id": periods[(i // len(items)) % len(periods)],
             "value": str(Decimal(i % 100)), "narrative": f"Kết quả {i}", "evidence": "", "document_number": ""}
            for i in range(min(n, len(items) * len(periods)))]
    start = time.perf_counter()
    repeats = 0
    while repeats * len(rows) < n:
        with db.transaction() as session:
            session.execute(ProgressReport.__table__.delete())
            session.execute(ProgressReport.__table__.insert(), [
                {**r, "uuid": f"{repeats:04d}-{j:08d}", "reported_by": "bench"} for j, r in enumerate(rows)])
        repeats += 1
    took = time.perf_counter() - start
    db.close()
    return took


def big_database(path: Path, megabytes: int) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)")
    chunk = "Kết quả thực hiện chỉ tiêu chuyển đổi số tại xã; minh chứng kèm theo. " * 14
    rows = megabytes * 1_000_000 // (len(chunk.encode()) + 40)  # + the row's own bytes in its page
    con.executemany("INSERT INTO filler (text) VALUES (?)", ((f"{i} {chunk}",) for i in range(rows)))
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--megabytes", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cds-db-bench-", dir=Path.home()) as tmp:
        folder = Path(tmp)
        full = one_by_one(folder, "FULL", args.reports)
        normal = one_by_one(folder, "NORMAL", args.reports)
        print(f"{args.reports} reports, one transaction each: synchronous=FULL {full:.2f} s, NORMAL {normal:.2f} s "
              f"→ FULL costs {full / normal:.2f}× ({(full - normal) / args.reports * 1000:.2f} ms per save)")
        full = in_one_transaction(folder, "FULL", args.reports)
        normal = in_one_transaction(folder, "NORMAL", args.reports)
        print(f"{args.reports} reports in one transaction (as an import): FULL {full * 1000:.0f} ms, "
              f"NORMAL {normal * 1000:.0f} ms")
        big = folder / "big.sqlite3"
        big_database(big, args.megabytes)
        size = big.stat().st_size / 1e6
        start = time.perf_counter()
        backup_copy(big, folder / "backup.sqlite3")
        took = time.perf_counter() - start
        print(f"backup of a {size:.0f} MB database (online backup API + quick_check + fsync + rename): {took:.2f} s")


if __name__ == "__main__":
    main()
