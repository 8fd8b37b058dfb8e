"""Report speed, printed as figures and ratios in one run:

1. the PDF progress report of a plan of 1,000 items with results (target ≤ 3 s), through the same service
   the GUI and CLI call (database read + layout + atomic write), and its parts;
2. the Excel export of 100,000 item × period rows against bare openpyxl write_only writing the same values
   (target ≤ 1.5×), from bench/xlsx_bench.py.

Run: .venv/bin/python bench/report_bench.py [--items 1000] [--xlsx-items 25000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_bench import make_xlsx, rows  # noqa: E402

from db.engine import open_database  # noqa: E402
from desktop_app.services.importing import import_file  # noqa: E402
from desktop_app.services.progress import record_progress  # noqa: E402
from desktop_app.services.report_export import export_report  # noqa: E402
from desktop_app.services.reports import build_report  # noqa: E402

TODAY = date(2026, 11, 24)


def pdf_figures(n_items: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "phu_luc.xlsx"
        source.write_bytes(make_xlsx(rows(n_items)))
        db = open_database(folder / "bench.sqlite3")
        plan = import_file(db, path=source).plan_id
        rnd = random.Random(3)
        from db.queries.reports import report_items

        with db.reading() as session:
            ids = [r.id for r in report_items(session, plan)]
        for item_id in ids[: len(ids) * 2 // 3]:
            try:
                record_progress(db, item_id=item_id, period="2026-Q3", value=Decimal(rnd.randint(20, 100)),
                                narrative="Đã triển khai tại bộ phận một cửa; cập nhật số liệu tháng 9.")
            except Exception:  # noqa: BLE001 - an item whose target is not a percent: record a status instead
                record_progress(db, item_id=item_id, period="2026-Q3", status="in_progress")
        start = time.perf_counter()
        data = build_report(db, plan_id=plan, period="2026-Q3", today=TODAY, with_flat=False)
        built = time.perf_counter() - start
        start = time.perf_counter()
        done = export_report(db, fmt="pdf", out=folder / "bao_cao.pdf", plan_id=plan, period="2026-Q3", today=TODAY)
        total = time.perf_counter() - start
        db.close()
        print(f"PDF progress report, {len(data.items)} items, {done.pages} pages: {total:.2f} s in all "
              f"(reading the database {built:.2f} s); target ≤ 3 s → {'met' if total <= 3 else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--xlsx-items", type=int, default=25_000, help="× 4 periods = the flat rows")
    args = parser.parse_args()
    pdf_figures(args.items)
    import xlsx_bench

    xlsx_bench.main([f"--items={args.xlsx_items}"])


if __name__ == "__main__":
    main()
