"""Import speed: a generated 5,000-item appendix as .xlsx and .docx, in items/second, against bare reading.

Run: .venv/bin/python bench/import_bench.py [--items N]
Prints, for each format: read+interpret only, full import into a fresh SQLite file, and the ratio of the
full import to bare openpyxl read-only iteration (xlsx) / bare python-docx cell iteration (docx).
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.engine import open_database  # noqa: E402
from desktop_app.io.appendix_parser import parse_appendix  # noqa: E402
from desktop_app.io.detect import read_document  # noqa: E402
from desktop_app.services.importing import import_file  # noqa: E402

HEADER = [
    "Stt", "Chỉ tiêu/nhiệm vụ",
    "Đơn vị chủ trì theo dõi, hướng dẫn, đôn đốc, kiểm tra và tổng hợp kết quả thực hiện",
    "Đơn vị chủ trì tổ chức triển khai và báo cáo kết quả thực hiện", "Thời gian hoàn thành", "Ghi chú",
]
UNITS = ["Phòng Văn hóa - Xã hội", "Phòng Văn hoá - Xã hội", "Công an xã", "Văn phòng HĐND & UBND xã",
         "Văn phòng HĐND &UBND xã", "Trung tâm phục vụ hành chính công xã", "Phòng Kinh tế", "Trạm Y tế",
         "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã", "Các doanh nghiệp viễn thông"]
TEXTS = ["Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến: Đạt tối thiểu {v}%",
         "Tỉ lệ người dân có tài khoản định danh điện tử (VNeID) mức 2: Đạt {v}%",
         "Phấn đấu {v}% hệ thống thông tin được bảo đảm an toàn theo cấp độ",
         "Triển khai số hóa tài liệu lưu trữ tại bộ phận một cửa",
         "Chỉ số chuyển đổi số cấp xã: Đạt tối thiểu 0,{v}"]
DEADLINES = ["Tháng 12/2026", "Quý III/2026", "Thường xuyên", "Tháng 6/2026", "30/9/2026"]


def rows(n_items: int, seed: int = 7) -> list[list[object]]:
    """Section I, groups of 100 items, realistic texts, units and deadlines."""
    rnd = random.Random(seed)
    out: list[list[object]] = [["I", "Phân công phụ trách theo dõi, đôn đốc, kiểm tra thực hiện các chỉ tiêu", "", "", "", ""]]
    group = 0
    for i in range(n_items):
        if i % 100 == 0:
            group += 1
            out.append([group, f"Về lĩnh vực số {group}", "", "", "", ""])
        implementing = "; ".join(rnd.sample(UNITS, 2))
        out.append([f"{group}.{i % 100 + 1}", rnd.choice(TEXTS).format(v=rnd.randint(50, 99)),
                    rnd.choice(UNITS[:6]), implementing, rnd.choice(DEADLINES), ""])
    return out


def make_xlsx(body: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Phụ lục 1")
    ws.append(["PHỤ LỤC 1 (Kèm theo Kế hoạch số 12/KH-UBND ngày 02 tháng 3 năm 2026 của UBND xã Thử Nghiệm)"])
    ws.append(HEADER)
    for row in body:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def make_docx(body: list[list[object]]) -> bytes:
    document = Document()
    document.add_paragraph("PHỤ LỤC 1 (Kèm theo Kế hoạch số 12/KH-UBND ngày 02 tháng 3 năm 2026 của UBND xã Thử Nghiệm)")
    table = document.add_table(rows=len(body) + 1, cols=len(HEADER))
    for r, row in enumerate([HEADER, *body]):
        cells = table.rows[r].cells
        for c, value in enumerate(row):
            if value != "":
                cells[c].text = str(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def best_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def bare_openpyxl(data: bytes) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    for ws in wb.worksheets:
        for _ in ws.iter_rows(values_only=True):
            pass
    wb.close()


def bare_docx(data: bytes) -> None:
    document = Document(io.BytesIO(data))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text  # noqa: B018 - the read is what is timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    body = rows(args.items)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, maker, bare in (("xlsx", make_xlsx, bare_openpyxl), ("docx", make_docx, bare_docx)):
            start = time.perf_counter()
            data = maker(body)
            made = time.perf_counter() - start
            path = Path(tmp) / f"phu_luc_{args.items}.{fmt}"
            path.write_bytes(data)
            parsed = parse_appendix(read_document(data, path.name))
            assert len(parsed.items) == args.items, (len(parsed.items), args.items)
            t_bare = best_of(args.runs, lambda: bare(data))
            t_parse = best_of(args.runs, lambda: parse_appendix(read_document(data, path.name)))

            def full() -> None:
                db_file = Path(tmp) / f"bench_{fmt}_{time.perf_counter_ns()}.sqlite3"
                db = open_database(db_file)
                try:
                    import_file(db, path=path)
                finally:
                    db.close()

            t_full = best_of(args.runs, full)
            n = args.items
            print(f"{fmt}: {len(data) / 1e6:.2f} MB, generated in {made:.1f} s")
            print(f"  bare {'openpyxl read-only' if fmt == 'xlsx' else 'python-docx cells'}: {t_bare:.3f} s "
                  f"({n / t_bare:,.0f} rows/s)")
            print(f"  read + interpret:   {t_parse:.3f} s ({n / t_parse:,.0f} items/s)")
            print(f"  full import (SQLite, migrations included): {t_full:.3f} s ({n / t_full:,.0f} items/s)")
            print(f"  ratio full import / bare: {t_full / t_bare:.2f}x; read+interpret / bare: {t_parse / t_bare:.2f}x")


if __name__ == "__main__":
    main()
