"""Commands on plans: import an appendix (or only show its column roles), show a plan, list plans and units."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.output import EXIT_OK, print_json


def add_parsers(sub: Any) -> None:
    """import, show, plans, units."""
    p = sub.add_parser("import", help="nhập phụ lục kế hoạch từ tệp .docx, .xlsx, .txt hoặc .md")
    p.add_argument("file", type=Path)
    p.add_argument("--again", action="store_true", help="nhập lại tệp đã nhập (tạo thêm một bản kế hoạch)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--columns", action="append", metavar="CỘT=VAI_TRÒ,…",
                   help="vai trò các cột, đếm từ 1, vd. \"1=number,2=text,4=unit_of_measure,5=target\" (vai trò: "
                        "number, text, explanation, unit_of_measure, target, output, monitoring, lead, coordinating, "
                        "implementing, deadline, budget, note, ignore); một lần cho mọi bảng chương trình chưa chắc, "
                        "hoặc mỗi bảng một lần theo thứ tự; được ghi nhớ cho tệp cùng tiêu đề")
    p.add_argument("--show-columns", action="store_true",
                   help="chỉ in vai trò đoán cho các cột của từng bảng (không nhập)")

    p = sub.add_parser("show", help="in kế hoạch và các chỉ tiêu")
    p.add_argument("--json", action="store_true", help="in dạng JSON")
    p.add_argument("--plan", type=int, help="chỉ in kế hoạch có số hiệu này")

    p = sub.add_parser("plans", help="liệt kê các kế hoạch")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("units", help="liệt kê các đơn vị, tên gọi khác và số chỉ tiêu")
    p.add_argument("--json", action="store_true")


def _cmd_import(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.importing import import_file, show_columns

    if args.show_columns:
        tables = show_columns(db, path=args.file)
        if args.json:
            print_json({"tables": tables})
        for n, table in enumerate([] if args.json else tables, 1):
            print(f"Bảng {n} ({'chắc chắn' if table['confident'] else 'chưa chắc'}):")
            for i, (header, role) in enumerate(zip(table["header"], table["roles"], strict=False), 1):
                print(f"  {i}. {header or '(trống)'} → {role}")
        return EXIT_OK
    result = import_file(db, path=args.file, again=args.again, columns=args.columns)
    if args.json:
        print_json({
            "plan_id": result.plan_id, "commune": result.commune, "plan_number": result.plan_number,
            "sections": result.sections, "groups": result.groups, "items": result.items,
            "warnings": [w.message for w in result.warnings],
        })
        return EXIT_OK
    print(f"Đã nhập kế hoạch #{result.plan_id}: xã {result.commune or '(không rõ)'}, "
          f"số {result.plan_number or '(trống)'} — {result.sections} mục, {result.groups} nhóm, "
          f"{result.items} chỉ tiêu/nhiệm vụ.")
    if result.warnings:
        print(f"Cảnh báo ({len(result.warnings)}):")
        for w in result.warnings:
            print(f"  - {w.message}")
    return EXIT_OK


def _cmd_show(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.plans import show

    data = show(db, plan_id=args.plan)
    if args.json:
        print_json(data)
        return EXIT_OK
    for plan in data["plans"]:
        print(f"#{plan['id']} xã {plan['commune']} — {plan['plan_number'] or '(chưa có số)'} "
              f"({plan['plan_date'] or 'chưa có ngày'})")
        for item in plan["items"]:
            due = item["deadline"]["due"] or item["deadline"]["raw"]
            print(f"  {item['section']:>4} {item['number']:<6} {item['text'][:70]:<70} {due}")
    return EXIT_OK


def _cmd_plans(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.plans import list_plans

    plans = list_plans(db)
    if args.json:
        from dataclasses import asdict

        print_json({"plans": [asdict(p) for p in plans]})
        return EXIT_OK
    for p in plans:
        print(f"#{p.id}\txã {p.commune}\t{p.plan_number}\t{p.year or ''}\t{p.items} chỉ tiêu/nhiệm vụ")
    return EXIT_OK


def _cmd_units(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.plans import units

    data = units(db)
    if args.json:
        print_json(data)
        return EXIT_OK
    for u in data["units"]:
        other = f" (còn viết: {'; '.join(u['aliases'])})" if u["aliases"] else ""
        print(f"{u['items']:>4}  {u['name']}{other}")
    return EXIT_OK


COMMANDS = {"import": _cmd_import, "show": _cmd_show, "plans": _cmd_plans, "units": _cmd_units}
