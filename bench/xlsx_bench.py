"""Excel export speed: write_xlsx on a hand-built 25,000-item × 4-period report (100,000 flat rows) against bare
openpyxl write-only writing the same values (one sheet per section + the data sheet, no styles).

Run: .venv/bin/python bench/xlsx_bench.py [--items N] [--repeat R]
Prints the whole export, the data sheet alone, each against its bare openpyxl counterpart, and the ratios.
Target: whole export ≤ 1.5 × bare openpyxl.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.report import (
    GROUP,
    ITEM,
    PROGRESS,
    SECTION,
    FlatRow,
    PeriodCell,
    PeriodColumn,
    ReportData,
    ReportRow,
)
from desktop_app.io.reports.csv_export import FLAT_COLUMNS, flat_values
from desktop_app.io.reports.excel import DATA_SHEET, write_xlsx

PERIODS = [PeriodColumn("2026-Q1", "Quý I/2026", date(2026, 1, 1), date(2026, 3, 31)),
           PeriodColumn("2026-Q2", "Quý II/2026", date(2026, 4, 1), date(2026, 6, 30)),
           PeriodColumn("2026-Q3", "Quý III/2026", date(2026, 7, 1), date(2026, 9, 30)),
           PeriodColumn("2026-Q4", "Quý IV/2026", date(2026, 10, 1), date(2026, 12, 31))]
SECTIONS = [("I", "Phân công phụ trách theo dõi, đôn đốc, kiểm tra thực hiện các chỉ tiêu"),
            ("II", "PHÂN CÔNG CHỦ TRÌ THAM MƯU XÂY DỰNG CÁC VĂN BẢN"),
            ("III", "Nhiệm vụ trọng tâm về chuyển đổi số năm 2026")]
UNITS = ["Phòng Văn hóa - Xã hội", "Công an xã", "Văn phòng HĐND & UBND xã", "Trạm Y tế xã",
         "Trung tâm phục vụ hành chính công xã", "Phòng Kinh tế", "Các trường học"]
IMPLEMENTING = "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã"
TEXTS = ["Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt tối thiểu {v}%",
         "Tỉ lệ người dân trưởng thành có tài khoản định danh điện tử (VNeID) mức 2: Đạt {v}%",
         "Phấn đấu {v}% hệ thống thông tin của xã được bảo đảm an toàn thông tin theo cấp độ",
         "Triển khai số hóa tài liệu lưu trữ và xây dựng cơ sở dữ liệu chuyên ngành tại bộ phận một cửa",
         "Chỉ số chuyển đổi số cấp xã: Đạt tối thiểu 0,{v}"]
DEADLINES = ["31/12/2026", "30/09/2026", "Thường xuyên", "30/06/2026"]
NARRATIVES = ["", "", "Đã triển khai tại 5/7 thôn, xóm", "Đang phối hợp với doanh nghiệp viễn thông lắp đặt",
              "Hoàn thành đúng tiến độ", "Chờ kinh phí bổ sung từ ngân sách tỉnh"]
EVIDENCE = ["", "", "Công văn số 123/UBND-VHXH", "Báo cáo số 45/BC-CAX"]
PEOPLE = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Hoàng Nam", ""]
STATUSES = ["Hoàn thành", "Đang thực hiện", "Chưa bắt đầu"]
ASSESSMENTS = ["Đạt", "Vượt", "Đang thực hiện", "Không đạt", "Quá hạn"]


def build(n_items: int, seed: int = 11) -> ReportData:
    """A progress report with n_items items over three sections, groups of 50, every item reported in every
    period (n_items × 4 flat rows): percentages, counts, and statuses for tasks."""
    rnd = random.Random(seed)
    data = ReportData(kind=PROGRESS, commune="Nam Hồng", plan_title="Kế hoạch chuyển đổi số năm 2026",
                      plan_number="44/KH-UBND", plan_date=date(2026, 4, 1), year=2026, as_of=date(2026, 11, 24),
                      periods=list(PERIODS))
    per_section = -(-n_items // len(SECTIONS))
    reported = datetime(2026, 10, 5, 8, 30)
    for i in range(n_items):
        numeral, title = SECTIONS[i // per_section]
        k = i % per_section
        if k == 0:
            data.rows.append(ReportRow(SECTION, numeral, numeral, title))
        if k % 50 == 0:
            data.rows.append(ReportRow(GROUP, numeral, str(k // 50 + 1), f"Về lĩnh vực số {k // 50 + 1}"))
        number = f"{k // 50 + 1}.{k % 50 + 1}"
        text = rnd.choice(TEXTS).format(v=rnd.randint(50, 99))
        task = rnd.random() < 0.3
        goal = "" if task else f">= {rnd.randint(50, 99)}%"
        deadline = rnd.choice(DEADLINES)
        cells = []
        for p in PERIODS:
            if task:
                status = rnd.choice(STATUSES)
                value, shown = None, status
            else:
                status = ""
                value = Decimal(rnd.randint(100, 1000)) / 10
                shown = f"{value}".replace(".", ",") + "%"
            assessment = rnd.choice(ASSESSMENTS)
            cells.append(PeriodCell(value, shown, assessment))
            unit = rnd.choice(UNITS)
            data.flat.append(FlatRow(
                section=numeral, group=str(k // 50 + 1), number=number, text=text, targets=goal, deadline=deadline,
                period_code=p.code, period_label=p.label, unit=unit, value=value, numerator=None,
                denominator=None, status=status, assessment_label=assessment, narrative=rnd.choice(NARRATIVES),
                evidence=rnd.choice(EVIDENCE), reported_at=reported + timedelta(minutes=i % 5000),
                reported_by=rnd.choice(PEOPLE)))
        last = cells[-1]
        data.rows.append(ReportRow(
            ITEM, numeral, number, text, targets=goal, monitoring=rnd.choice(UNITS), implementing=IMPLEMENTING,
            deadline=deadline, item_kind="task" if task else "indicator", value=last.value, value_text=last.text,
            assessment_label=last.assessment_label, result_note=rnd.choice(NARRATIVES), by_period=tuple(cells)))
    return data


def _blank(value: Any) -> Any:
    return None if value == "" else value


def bare(data: ReportData, path: Path, *, sections: bool = True) -> None:
    """The same values through openpyxl write-only with no styles: one sheet per section, then the data sheet."""
    wb = Workbook(write_only=True)
    ws = None
    if sections:
        for r in data.rows:
            if r.kind == SECTION:
                ws = wb.create_sheet(f"{r.number}. {r.text}"[:31])
                ws.append(["PHỤ LỤC KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ"])
                ws.append(["Stt", "Chỉ tiêu/nhiệm vụ", "Chỉ tiêu kế hoạch", "Đơn vị theo dõi", "Đơn vị triển khai",
                           "Thời gian hoàn thành", "Ghi chú"] + [p.label for p in data.periods] + ["Kết quả"])
                ws.append([r.number, r.text])
            elif r.kind == GROUP:
                ws.append([r.number, r.text])
            else:
                row = [r.number, r.text, r.targets, r.monitoring, r.implementing, r.deadline, r.note]
                for c in r.by_period:
                    row += [c.value if c.value is not None else c.text, c.assessment_label]
                row += [r.value if r.value is not None else r.value_text, r.assessment_label, r.result_note]
                ws.append([_blank(v) for v in row])  # type: ignore[union-attr]
    ws = wb.create_sheet(DATA_SHEET)
    ws.append(list(FLAT_COLUMNS))
    for values in flat_values(data):
        ws.append([_blank(v) for v in values])
    wb.save(path)


def timed(label: str, work: Callable[[], None], repeat: int) -> float:
    best = min(_once(work) for _ in range(repeat))
    print(f"{label:<48} {best:7.2f} s")
    return best


def _once(work: Callable[[], None]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _write(data: ReportData, path: Path) -> None:
    with path.open("wb") as out:
        write_xlsx(data, out)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, the best one counts")
    args = parser.parse_args(list(argv) if argv is not None else None)
    data = build(args.items)
    only_flat = ReportData(**{**data.__dict__, "rows": []})
    print(f"{args.items} items × {len(PERIODS)} periods = {len(data.flat)} flat rows, {len(data.rows)} table rows")
    with tempfile.TemporaryDirectory() as tmp:
        out, ref = Path(tmp) / "report.xlsx", Path(tmp) / "bare.xlsx"
        ours = timed("write_xlsx (sections + data sheet)", lambda: _write(data, out), args.repeat)
        base = timed("bare openpyxl write_only, same values", lambda: bare(data, ref), args.repeat)
        sizes = f"file sizes: ours {out.stat().st_size / 1e6:.1f} MB, bare {ref.stat().st_size / 1e6:.1f} MB"
        ours_flat = timed("write_xlsx, data sheet only", lambda: _write(only_flat, out), args.repeat)
        base_flat = timed("bare openpyxl, data sheet only", lambda: bare(data, ref, sections=False), args.repeat)
        print(sizes)
    print(f"ratio whole export: {ours / base:.2f} (target ≤ 1.5)")
    print(f"ratio data sheet:   {ours_flat / base_flat:.2f}")


if __name__ == "__main__":
    main()
