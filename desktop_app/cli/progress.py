"""Commands on results: reporting periods, recording results (by item id or by number), listing them."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop_app.cli.output import EXIT_OK, print_json
from desktop_app.errors import AppError


def add_parsers(sub: Any) -> None:
    """periods, progress (add, list), record."""
    from desktop_app.domain.periods import BASES, KINDS
    from desktop_app.domain.progress import STATUSES

    p = sub.add_parser("periods", help="liệt kê (hoặc đặt) kỳ báo cáo của một kế hoạch")
    p.add_argument("--plan", type=int, required=True)
    p.add_argument("--kind", choices=KINDS, help="đặt loại kỳ báo cáo")
    p.add_argument("--basis", choices=BASES, help="kỳ theo lịch hay theo Nghị định 09/2019")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("progress", help="ghi hoặc xem kết quả thực hiện")
    p.add_argument("--json", action="store_true", help="in mọi kết quả đã ghi dạng JSON")
    p.add_argument("--plan", type=int, help="chỉ kế hoạch này")
    p.add_argument("--period", help="chỉ kỳ này, vd. 2026-Q3, 2026-M09, 2026-H1, 2026")
    psub = p.add_subparsers(dest="action", metavar="ACTION")
    a = psub.add_parser("add", help="ghi kết quả của một chỉ tiêu trong một kỳ")
    a.add_argument("--item", type=int, required=True, help="số hiệu chỉ tiêu (id trong show --json)")
    a.add_argument("--period", required=True, help="kỳ báo cáo: id hoặc tên như «Quý I/2026»")
    a.add_argument("--unit", help="đơn vị báo cáo")
    a.add_argument("--value", help="giá trị đạt được (vd. 72,5)")
    a.add_argument("--numerator", help="tử số")
    a.add_argument("--denominator", help="mẫu số")
    a.add_argument("--status", choices=STATUSES, help="trạng thái (cho nhiệm vụ)")
    a.add_argument("--narrative", default="", help="nội dung kết quả")
    a.add_argument("--evidence", default="", help="minh chứng")
    a.add_argument("--by", default="", help="người báo cáo")
    a.add_argument("--document-number", default="", help="số văn bản đã ban hành (chỉ cho nhiệm vụ ban hành văn bản)")
    a.add_argument("--document-date", metavar="YYYY-MM-DD", help="ngày ban hành văn bản (vd. 2026-08-15)")
    a.add_argument("--json", action="store_true")
    ls = psub.add_parser("list", help="liệt kê kết quả đã ghi của một kế hoạch")
    ls.add_argument("--plan", type=int, required=True)
    ls.add_argument("--json", action="store_true")
    p = sub.add_parser("record", help="ghi kết quả một chỉ tiêu theo số thứ tự (Stt)")
    p.add_argument("--plan", type=int, required=True)
    p.add_argument("--item", required=True, help="số thứ tự của chỉ tiêu, vd. 2.1")
    p.add_argument("--section", help="mục (I, II …) khi số thứ tự lặp lại ở mục khác")
    p.add_argument("--period", required=True, help="kỳ báo cáo, vd. 2026-Q3, 2026-M09, 2026-H1, 2026")
    p.add_argument("--unit", help="đơn vị báo cáo (mặc định: đơn vị triển khai đầu tiên)")
    value = p.add_mutually_exclusive_group(required=True)
    value.add_argument("--value", help="giá trị đạt được (vd. 72,5)")
    value.add_argument("--num", help="tử số (cùng với --den)")
    value.add_argument("--status", help=f"trạng thái: {', '.join(STATUSES)} (hoặc tên tiếng Việt)")
    p.add_argument("--den", help="mẫu số (cùng với --num)")
    p.add_argument("--note", default="", help="nội dung kết quả, ghi chú")
    p.add_argument("--json", action="store_true")


def _cmd_periods(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.progress import list_periods, set_period_scheme

    if args.kind or args.basis:
        periods = set_period_scheme(db, plan_id=args.plan, kind=args.kind or "quarter", basis=args.basis or "calendar")
    else:
        periods = list_periods(db, plan_id=args.plan)
    if args.json:
        print_json({"periods": [{"id": p.id, "label": p.label, "start": p.start.isoformat(),
                                  "end": p.end.isoformat()} for p in periods]})
        return EXIT_OK
    for p in periods:
        print(f"#{p.id}\t{p.label}\t{p.start:%d/%m/%Y} – {p.end:%d/%m/%Y}")
    return EXIT_OK


def _cmd_progress(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.progress import list_progress, record_progress

    if args.action is None:
        from desktop_app.services.progress import progress_records

        records = progress_records(db, plan_id=args.plan, period=args.period)
        if args.json:
            print_json({"reports": records})
        else:
            for r in records:
                shown = r["value"] if r["value"] is not None else r["status"] or ""
                print(f"{r['period']}\t{r['section']}\t{r['item']}\t{r['unit'] or ''}\t{shown}\t{r['assessment_label']}")
        return EXIT_OK
    if args.action == "list":
        reports = list_progress(db, plan_id=args.plan)
        if args.json:
            print_json({"reports": reports})
        else:
            for r in reports:
                print(f"{r['period']}\t{r['item_number']}\t{r['unit'] or ''}\t{r['value'] if r['value'] is not None else ''}"
                      f"\t{r['status'] or ''}\t{r['narrative']}")
        return EXIT_OK
    value, numerator, denominator = _numbers(args.value, args.numerator, args.denominator)
    document_date = None
    if args.document_date:
        try:
            document_date = date.fromisoformat(args.document_date.strip())
        except ValueError:
            raise AppError("cli.bad_document_date", date=args.document_date) from None
    report = record_progress(
        db, item_id=args.item, period=args.period, unit=args.unit, value=value, numerator=numerator,
        denominator=denominator, status=args.status, narrative=args.narrative, evidence=args.evidence,
        reported_by=args.by, document_number=args.document_number, document_date=document_date,
    )
    if args.json:
        print_json(report)
    else:
        print(f"Đã ghi kết quả kỳ {report['period']} cho chỉ tiêu {report['item_number']}.")
    return EXIT_OK


def _numbers(value: str | None, numerator: str | None, denominator: str | None) -> tuple[Any, Any, Any]:
    """The typed value, numerator and denominator as numbers; a wrong one is refused naming its field."""
    from desktop_app.domain.progress import (
        FIELD_DENOMINATOR,
        FIELD_NUMERATOR,
        FIELD_VALUE,
        ProgressRuleError,
        parse_decimal,
    )

    try:
        return (parse_decimal(value, FIELD_VALUE), parse_decimal(numerator, FIELD_NUMERATOR),
                parse_decimal(denominator, FIELD_DENOMINATOR))
    except ProgressRuleError as exc:
        raise AppError(exc.coded) from exc


def _cmd_record(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.progress import (
        first_implementer,
        item_by_number,
        record_progress,
    )
    from desktop_app.services.progress_grid import parse_status

    if (args.num is None) != (args.den is None):
        raise AppError("cli.num_and_den")
    value, numerator, denominator = _numbers(args.value, args.num, args.den)
    status = parse_status(args.status) if args.status is not None else None
    item_id = item_by_number(db, plan_id=args.plan, number=args.item, section=args.section)
    unit = args.unit or first_implementer(db, item_id=item_id)
    report = record_progress(db, item_id=item_id, period=args.period, unit=unit, value=value, numerator=numerator,
                             denominator=denominator, status=status, narrative=args.note)
    if args.json:
        print_json(report)
    else:
        print(f"Đã ghi kết quả kỳ {report['period']} cho chỉ tiêu {report['item_number']}"
              f"{' (' + report['unit'] + ')' if report['unit'] else ''}.")
    return EXIT_OK


COMMANDS = {"periods": _cmd_periods, "progress": _cmd_progress, "record": _cmd_record}
