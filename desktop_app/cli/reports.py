"""Commands writing report files: export-pdf, export-docx (the official report or the plan's appendix),
export-xlsx and export-csv."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.output import EXIT_OK


def add_parsers(sub: Any) -> None:
    """export-pdf, export-docx, export-xlsx, export-csv."""
    from desktop_app.domain.report import APPENDIX, PROGRESS

    for fmt, what in (("pdf", "PDF"), ("docx", "Word (.docx)")):
        p = sub.add_parser(f"export-{fmt}", help=f"xuất báo cáo {what}")
        p.add_argument("--plan", type=int, required=True)
        p.add_argument("--period", help="kỳ báo cáo, vd. 2026-Q3 (mặc định: mọi kết quả đến hôm nay)")
        p.add_argument("--unit", help="chỉ các chỉ tiêu đơn vị này triển khai")
        p.add_argument("--kind", choices=[PROGRESS, APPENDIX], default=PROGRESS,
                       help="progress: báo cáo kết quả; appendix: phụ lục kế hoạch")
        p.add_argument("out", type=Path)
    for fmt, what in (("xlsx", "bảng Excel (.xlsx) phụ lục kèm kết quả mọi kỳ"),
                      ("csv", "dữ liệu phẳng CSV (UTF-8, dấu ;)")):
        p = sub.add_parser(f"export-{fmt}", help=f"xuất {what}")
        p.add_argument("--plan", type=int, required=True)
        p.add_argument("--unit", help="chỉ các chỉ tiêu đơn vị này triển khai")
        p.add_argument("out", type=Path)


def _cmd_export(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.report_export import export_report

    fmt = args.command.removeprefix("export-")
    done = export_report(db, fmt=fmt, out=args.out, plan_id=args.plan, kind=getattr(args, "kind", "progress"),
                         period=getattr(args, "period", None), unit=args.unit)
    pages = f", {done.pages} trang" if done.pages else ""
    print(f"Đã ghi {done.path} ({done.items} chỉ tiêu/nhiệm vụ{pages}).")
    return EXIT_OK


COMMANDS = {f"export-{fmt}": _cmd_export for fmt in ("pdf", "docx", "xlsx", "csv")}
