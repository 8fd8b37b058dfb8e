"""Items table speed at 100,000 items: generates such a database, drives the real widgets offscreen and
prints the figures (open, first screen, filter keystroke, sort).

Run: .venv/bin/python bench/ui_bench.py [--items 100000] [--plans 1] [--db PATH]
The issue asks for: open the plan list and first screen < 1 s, a filter keystroke repaint < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import open_database  # noqa: E402
from desktop_app.domain.appendix import (  # noqa: E402
    ParsedAppendix,
    ParsedGroup,
    ParsedItem,
    ParsedSection,
)
from desktop_app.domain.deadlines import parse_deadline  # noqa: E402
from desktop_app.domain.target_text import parse_targets  # noqa: E402
from desktop_app.services.importing import _write  # noqa: E402

UNITS = ["Phòng Văn hóa - Xã hội", "Công an xã", "Văn phòng HĐND & UBND xã", "Trung tâm phục vụ hành chính công xã",
         "Phòng Kinh tế", "Trạm Y tế", "Các trường học", "Các doanh nghiệp viễn thông", "Ban Chỉ huy Quân sự xã"]
TEXTS = ["Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến: Đạt tối thiểu {v}%",
         "Tỉ lệ người dân có tài khoản định danh điện tử (VNeID) mức 2: Đạt {v}%",
         "Phấn đấu {v}% hệ thống thông tin được bảo đảm an toàn theo cấp độ",
         "Triển khai số hóa tài liệu lưu trữ tại bộ phận một cửa thôn {v}",
         "Tỷ lệ văn bản điện tử được ký số: Đạt tối thiểu {v}%"]
DEADLINES = ["Tháng 12/2026", "Quý III/2026", "Thường xuyên", "Tháng 6/2026", "30/9/2026", "Tháng 11/2026"]


def build(path: Path, n_items: int, n_plans: int) -> None:
    """Write n_items items spread over n_plans plans (groups of 100), plus results on a third of them."""
    rnd = random.Random(11)
    db = open_database(path)
    per_plan = n_items // n_plans
    for p in range(n_plans):
        parsed = ParsedAppendix(source_name=f"bench_{p}.xlsx", fmt="xlsx", commune=f"Xã Thử {p + 1}",
                                plan_number=f"{p + 1}/KH-UBND", year=2026,
                                sections=[ParsedSection("I", "Chỉ tiêu", 1)])
        for i in range(per_plan):
            if i % 100 == 0:
                parsed.groups.append(ParsedGroup(0, str(i // 100 + 1), f"Lĩnh vực {i // 100 + 1}", i))
            text = rnd.choice(TEXTS).format(v=rnd.randint(50, 99))
            parsed.items.append(ParsedItem(
                section=0, group=len(parsed.groups) - 1, number_raw="", number=f"{len(parsed.groups)}.{i % 100 + 1}",
                kind="indicator", text=text, note="", monitoring=[rnd.choice(UNITS)],
                implementing=rnd.sample(UNITS, 2), deadline=parse_deadline(rnd.choice(DEADLINES)),
                targets=parse_targets(text), line=i, place=f"hàng {i}"))
        _write(db, parsed, f"{p:064d}")
    with db.engine.begin() as conn:
        from sqlalchemy import text
        # a third of the items have a result, so every assessment occurs
        conn.execute(text("UPDATE items SET result = CASE abs(random()) % 3 WHEN 0 THEN 'met' WHEN 1 THEN 'unmet' "
                          "ELSE 'exceeded' END, latest_value = '75' WHERE id % 3 = 0"))
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--plans", type=int, default=1)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "bench.sqlite3"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.items, args.plans)
        print(f"generated {args.items:,} items in {args.plans} plan(s): {time.perf_counter() - start:.1f} s")

    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import make_app
    from desktop_app.ui.main_window import MainWindow

    app = make_app([])
    start = time.perf_counter()
    db = open_database(path)
    window = MainWindow(db)
    window.resize(1366, 740)
    window.show()
    app.processEvents()
    window.table.viewport().repaint()
    opened = time.perf_counter() - start
    print(f"open (database, plan list, first screen of {window.items_model.rowCount()} of "
          f"{window.items_model.total:,} items): {opened * 1000:.0f} ms")

    def timed(action: object) -> float:
        t = time.perf_counter()
        action()  # type: ignore[operator]
        app.processEvents()
        window.table.viewport().repaint()
        return (time.perf_counter() - t) * 1000

    times = [timed(lambda ch=ch: window.filter_bar.search.insert(ch)) for ch in "van hoa"]
    print(f"filter keystrokes typing 'van hoa' → {window.items_model.total:,} items: "
          f"median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
    times = [timed(window.filter_bar.search.backspace) for _ in range(7)]
    print(f"filter keystrokes deleting it again: median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
    assessment = window.filter_bar.assessment
    t = timed(lambda: assessment.setCurrentIndex(assessment.findData("overdue")))
    print(f"assessment filter 'quá hạn' → {window.items_model.total:,} items: {t:.0f} ms")
    t = timed(lambda: assessment.setCurrentIndex(0))
    print(f"assessment filter cleared: {t:.0f} ms")
    for column, name in ((5, "deadline"), (3, "monitoring unit"), (0, "Stt")):
        t = timed(lambda column=column: window.table.sortByColumn(column, window.table.horizontalHeader().sortIndicatorOrder()))
        print(f"sort by {name}: {t:.0f} ms")
    t = timed(lambda: window.views.setCurrentWidget(window.dashboard))
    print(f"open the dashboard tab (counts by assessment, group and unit over all items): {t:.0f} ms")
    t = timed(lambda: window.views.setCurrentWidget(window.progress_grid))
    print(f"open the results-entry tab (first page of the plan's items for one period): {t:.0f} ms")
    window.views.setCurrentIndex(0)
    t = timed(lambda: window.table.scrollToBottom())
    print(f"scroll to the end of the loaded rows ({window.items_model.rowCount()} loaded): {t:.0f} ms")
    window.close()
    window.deleteLater()  # destroyed before the interpreter shuts down (else PySide may crash at exit)
    QApplication.processEvents()
    db.close()


if __name__ == "__main__":
    main()
