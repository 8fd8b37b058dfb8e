"""Command line for the Excel reporting forms: `make-form` writes a unit's form for a period, `read-form` reads a
filled one back, shows what it changes and (unless --dry-run) applies it all or nothing."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.engine import Database
from desktop_app.cli.output import EXIT_OK


def add_parsers(sub: Any) -> None:
    """Add make-form and read-form to the command line's subparsers."""
    p = sub.add_parser("make-form", help="tạo biểu mẫu Excel để một đơn vị (không có chương trình) báo cáo kết quả "
                                         "một kỳ")
    p.add_argument("--plan", type=int, required=True, help="số hiệu kế hoạch")
    p.add_argument("--unit", required=True, help="tên đơn vị triển khai")
    p.add_argument("--period", required=True, help="kỳ báo cáo, vd. 2026-Q3, 2026-M09 hoặc «Quý III/2026»")
    p.add_argument("out", type=Path, help="tệp .xlsx sẽ ghi")
    p = sub.add_parser("read-form", help="đọc biểu mẫu Excel đơn vị đã điền và ghi kết quả vào dữ liệu")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="chỉ xem những thay đổi, không ghi gì")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--plan", type=int, help="chỉ nhận biểu mẫu của kế hoạch này")
    p.add_argument("--unit", help="chỉ nhận biểu mẫu của đơn vị này")
    p.add_argument("--period", help="chỉ nhận biểu mẫu của kỳ này, vd. 2026-Q3")
    p.add_argument("--by", default="", help="người nhập (ghi vào báo cáo)")


def _make_form(db: Database, args: argparse.Namespace) -> int:
    from desktop_app.services.forms import make_form

    made = make_form(db, plan_id=args.plan, unit=args.unit, period=args.period, out=args.out)
    print(f"Đã ghi biểu mẫu {made.path} cho đơn vị «{made.unit}», kỳ {made.period_label} ({made.period_code}): "
          f"{made.rows} chỉ tiêu/nhiệm vụ.")
    return EXIT_OK


def _read_form(db: Database, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from desktop_app.services.forms import (
        CHANGED,
        KIND_NAMES,
        NEW,
        UNCHANGED,
        apply_form,
        read_form,
    )

    preview = read_form(db, path=args.file, plan_id=args.plan, unit=args.unit, period=args.period)
    applied = None if args.dry_run else apply_form(db, preview=preview, reported_by=args.by)
    counts = {kind: preview.count(kind) for kind in (NEW, CHANGED, UNCHANGED)}
    if args.json:
        print(json.dumps({
            "plan_id": preview.plan_id, "unit": preview.unit_name, "period": preview.period_code,
            "period_label": preview.period_label, "counts": counts,
            "changes": [asdict(c) for c in preview.changes],
            "written": applied.written if applied else 0, "dry_run": args.dry_run,
        }, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    print(f"Biểu mẫu của đơn vị «{preview.unit_name}», kỳ {preview.period_label} ({preview.period_code}), "
          f"{preview.plan_title}.")
    print(f"Giá trị mới: {counts[NEW]}, thay đổi: {counts[CHANGED]}, không đổi: {counts[UNCHANGED]}.")
    for c in preview.changes:
        if c.kind != UNCHANGED:
            print(f"  dòng {c.line} (Stt {c.number}) {c.field_name}: {c.old or '(trống)'} → {c.new or '(trống)'} "
                  f"[{KIND_NAMES[c.kind]}]")
    if args.dry_run:
        print("Chạy thử (--dry-run): chưa ghi gì.")
    elif applied is not None and applied.written:
        print(f"Đã ghi {applied.written} báo cáo.")
    else:
        print("Không có gì thay đổi: không ghi gì.")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "make-form": _make_form,
    "read-form": _read_form,
}
