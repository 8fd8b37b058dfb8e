"""Command line for the change log: `audit verify` checks its hash chain (exit 0 when intact, 2 naming the first
broken entry)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from db.engine import Database
from desktop_app.cli.output import EXIT_OK, EXIT_REFUSED, print_json


def add_parsers(sub: Any) -> None:
    """Add audit (verify) to the command line's subparsers."""
    p = sub.add_parser("audit", help="nhật ký thay đổi: kiểm tra tính toàn vẹn")
    actions = p.add_subparsers(dest="audit_command", metavar="LỆNH", required=True)
    v = actions.add_parser("verify", help="kiểm tra chuỗi băm của nhật ký thay đổi (mã thoát 0: toàn vẹn; 2: có mục "
                                          "bị sửa, bị xoá hoặc được ghi ngoài chương trình)")
    v.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def _audit(db: Database, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from desktop_app.services.audit import MISSING, UNCHAINED, check_integrity

    report = check_integrity(db)
    if args.json:
        print_json({"intact": report.intact, "checked": report.checked,
                    "broken": asdict(report.broken) if report.broken else None})
    elif report.broken is None:
        print(f"Nhật ký thay đổi toàn vẹn: {report.checked} mục khớp chuỗi băm.")
    else:
        b = report.broken
        if b.reason == MISSING:
            print(f"Nhật ký thay đổi KHÔNG toàn vẹn: các mục mới nhất, đến mục số {b.id}, đã bị xoá "
                  f"(mục còn lại mới nhất: {b.uuid or 'không có'}).")
        else:
            why = ("không có mã băm (được ghi ngoài chương trình)" if b.reason == UNCHAINED
                   else "không khớp chuỗi băm (mục này hoặc mục trước nó đã bị sửa hoặc xoá)")
            print(f"Nhật ký thay đổi KHÔNG toàn vẹn: mục số {b.id} (mã {b.uuid}, lúc {b.at}, {b.record_kind}: "
                  f"«{b.record}») {why}.")
    return EXIT_OK if report.intact else EXIT_REFUSED


COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {"audit": _audit}
