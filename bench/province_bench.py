"""Province comparison speed: 168 communes (the two seed appendices imported again and again under other
commune names), some progress recorded, then comparison() and matched_indicators() timed (target: comparison
under 1 s for 168 communes), and the Excel and PDF exports.

Run: .venv/bin/python bench/province_bench.py [--communes 168]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import open_database  # noqa: E402
from desktop_app.services import province  # noqa: E402
from desktop_app.services.importing import import_file  # noqa: E402
from desktop_app.services.progress import item_by_number, record_progress  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SEEDS = ((DATA / "nam_hong_phu_luc_1.txt", "Nam Hồng"), (DATA / "minh_tan_phu_luc_1.txt", "Minh Tân"))
PROGRESS_NUMBERS = ("1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.2", "5.1")


def build(folder: Path, communes: int) -> tuple[object, float]:
    """A database of communes plans; returns it and the seconds the imports took."""
    db = open_database(folder / "tinh.sqlite3")
    rng = random.Random(7)
    start = time.perf_counter()
    for n in range(communes):
        path, name = SEEDS[n % 2]
        copy = folder / f"xa_{n:03d}.txt"
        copy.write_text(path.read_text(encoding="utf-8").replace(name, f"Xã Thử {n:03d}"), encoding="utf-8")
        plan_id = import_file(db, path=copy).plan_id
        if n % 4 == 0:  # every fourth commune reported something
            for number in PROGRESS_NUMBERS:
                try:
                    item_id = item_by_number(db, plan_id=plan_id, number=number, section="I")
                except Exception:  # noqa: BLE001 - a seed without this number: skip it
                    continue
                record_progress(db, item_id=item_id, period="2026-Q4", value=Decimal(rng.choice((40, 70, 95, 100))))
    return db, time.perf_counter() - start


def best_of(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--communes", type=int, default=168)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, built = build(folder, args.communes)
        data = province.comparison(db)  # type: ignore[arg-type]
        assert len(data.rows) == args.communes
        compare = best_of(5, lambda: province.comparison(db))  # type: ignore[arg-type]
        matched = best_of(3, lambda: province.matched_indicators(db))  # type: ignore[arg-type]
        xlsx = best_of(1, lambda: province.export_comparison_xlsx(db, out=folder / "so_sanh.xlsx"))  # type: ignore[arg-type]
        pdf = best_of(1, lambda: province.export_comparison_pdf(db, out=folder / "so_sanh.pdf"))  # type: ignore[arg-type]
        rows = len(province.matched_indicators(db))  # type: ignore[arg-type]
        print(f"{args.communes} communes imported in {built:.1f} s")
        print(f"comparison(): {compare * 1000:.0f} ms (target < 1000 ms)")
        print(f"matched_indicators(): {matched * 1000:.0f} ms, {rows} indicators")
        print(f"export xlsx: {xlsx * 1000:.0f} ms; export pdf: {pdf * 1000:.0f} ms")
        db.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
