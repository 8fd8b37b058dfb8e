"""Command line: the same services as the GUI, for automation, tests and support. No arguments opens the GUI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.errors import AppError, DuplicateImport
from desktop_app.paths import default_db_path

# What only the commands need (json, the progress rules) is imported inside them: opening the window
# should not pay for it.

EXIT_OK, EXIT_REFUSED = 0, 2
PASSWORD_ENV = "CDS_PASSWORD"  # never an argument: the command line is visible to every user of the computer


def _parser() -> argparse.ArgumentParser:
    from desktop_app.domain.periods import BASES, KINDS
    from desktop_app.domain.progress import STATUSES

    parser = argparse.ArgumentParser(
        prog="desktop-app",
        description="Theo dõi Kế hoạch chuyển đổi số cấp xã. Không có lệnh: mở cửa sổ chương trình.",
    )
    parser.add_argument("--db", type=Path, help="tệp cơ sở dữ liệu (mặc định: trong thư mục dữ liệu người dùng)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--login", metavar="TÊN", help="đăng nhập bằng tài khoản này (khi dữ liệu yêu cầu đăng nhập); "
                        f"mật khẩu lấy từ biến môi trường {PASSWORD_ENV}")
    parser.add_argument("--self-test", action="store_true",
                        help="tự kiểm tra chương trình trên một cơ sở dữ liệu tạm (mã thoát 0 khi mọi bước đạt)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    _report_parsers(sub)
    from desktop_app.cli import exchange as cli_exchange
    from desktop_app.cli import forms as cli_forms

    cli_exchange.add_parsers(sub)
    cli_forms.add_parsers(sub)
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu vào một thư mục (mặc định: thư mục backups cạnh tệp dữ liệu)")
    p.add_argument("dest", type=Path, nargs="?", help="thư mục đích, vd. ổ USB")
    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu (dữ liệu hiện tại được sao lưu trước)")
    p.add_argument("file", type=Path)
    return parser


def _report_parsers(sub: Any) -> None:
    from desktop_app.domain.progress import STATUSES
    from desktop_app.domain.report import APPENDIX, PROGRESS

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


def _print_json(data: Any) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _cmd_import(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.importing import import_file, show_columns

    if args.show_columns:
        tables = show_columns(db, path=args.file)
        if args.json:
            _print_json({"tables": tables})
        for n, table in enumerate([] if args.json else tables, 1):
            print(f"Bảng {n} ({'chắc chắn' if table['confident'] else 'chưa chắc'}):")
            for i, (header, role) in enumerate(zip(table["header"], table["roles"], strict=False), 1):
                print(f"  {i}. {header or '(trống)'} → {role}")
        return EXIT_OK
    result = import_file(db, path=args.file, again=args.again, columns=args.columns)
    if args.json:
        _print_json({
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
        _print_json(data)
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

        _print_json({"plans": [asdict(p) for p in plans]})
        return EXIT_OK
    for p in plans:
        print(f"#{p.id}\txã {p.commune}\t{p.plan_number}\t{p.year or ''}\t{p.items} chỉ tiêu/nhiệm vụ")
    return EXIT_OK


def _cmd_units(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.plans import units

    data = units(db)
    if args.json:
        _print_json(data)
        return EXIT_OK
    for u in data["units"]:
        other = f" (còn viết: {'; '.join(u['aliases'])})" if u["aliases"] else ""
        print(f"{u['items']:>4}  {u['name']}{other}")
    return EXIT_OK


def _cmd_periods(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.progress import list_periods, set_period_scheme

    if args.kind or args.basis:
        periods = set_period_scheme(db, plan_id=args.plan, kind=args.kind or "quarter", basis=args.basis or "calendar")
    else:
        periods = list_periods(db, plan_id=args.plan)
    if args.json:
        _print_json({"periods": [{"id": p.id, "label": p.label, "start": p.start.isoformat(),
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
            _print_json({"reports": records})
        else:
            for r in records:
                shown = r["value"] if r["value"] is not None else r["status"] or ""
                print(f"{r['period']}\t{r['section']}\t{r['item']}\t{r['unit'] or ''}\t{shown}\t{r['assessment_label']}")
        return EXIT_OK
    if args.action == "list":
        reports = list_progress(db, plan_id=args.plan)
        if args.json:
            _print_json({"reports": reports})
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
        _print_json(report)
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
        _print_json(report)
    else:
        print(f"Đã ghi kết quả kỳ {report['period']} cho chỉ tiêu {report['item_number']}"
              f"{' (' + report['unit'] + ')' if report['unit'] else ''}.")
    return EXIT_OK


def _cmd_export(db: Any, args: argparse.Namespace) -> int:
    from desktop_app.services.report_export import export_report

    fmt = args.command.removeprefix("export-")
    done = export_report(db, fmt=fmt, out=args.out, plan_id=args.plan, kind=getattr(args, "kind", "progress"),
                         period=getattr(args, "period", None), unit=args.unit)
    pages = f", {done.pages} trang" if done.pages else ""
    print(f"Đã ghi {done.path} ({done.items} chỉ tiêu/nhiệm vụ{pages}).")
    return EXIT_OK


COMMANDS = {
    "record": _cmd_record, "export-pdf": _cmd_export, "export-docx": _cmd_export, "export-xlsx": _cmd_export,
    "export-csv": _cmd_export,
    "import": _cmd_import, "show": _cmd_show, "plans": _cmd_plans, "units": _cmd_units,
    "periods": _cmd_periods, "progress": _cmd_progress,
}


def _command(name: str) -> Any:
    """The function running a command (the exchange commands live in their own module)."""
    from desktop_app.cli import exchange as cli_exchange
    from desktop_app.cli import forms as cli_forms

    return {**COMMANDS, **cli_exchange.COMMANDS, **cli_forms.COMMANDS}[name]


def _backup_command(db_path: Path, args: argparse.Namespace) -> int:
    """backup [DEST] and restore FILE: they work on the file itself, with no connection open."""
    from desktop_app.services.backups import backup_now, restore_and_open
    from desktop_app.services.officer import CLI

    if args.command == "backup":
        print(backup_now(db_path, args.dest))
        return EXIT_OK
    db, saved = restore_and_open(db_path, args.file, origin=CLI)  # an older backup is upgraded now
    db.close()
    print(f"Đã khôi phục {db_path} từ {args.file}.")
    if saved is not None:
        print(f"Dữ liệu trước khi khôi phục được giữ ở {saved}.")
    return EXIT_OK


DATA_CHANGING = ("import", "record", "import-package", "read-form", "restore-version")


def _changes_data(args: argparse.Namespace) -> bool:
    if getattr(args, "show_columns", False):
        return False  # import --show-columns only reads the file
    return (args.command in (*DATA_CHANGING, "restore") or (args.command == "progress" and args.action == "add")
            or (args.command == "periods" and bool(args.kind or args.basis)))


def _sign_in(db: Any, args: argparse.Namespace) -> None:
    """--login with the password in CDS_PASSWORD signs that account in (the audit trail names it). Without them,
    a data-changing command on a database that requires sign-in is refused before it starts (the use cases
    check the account's rights as well)."""
    from desktop_app.errors import NotAllowed
    from desktop_app.services import accounts

    required = accounts.sign_in_required(db)
    if args.login:
        password = os.environ.get(PASSWORD_ENV, "")
        if not password:
            raise NotAllowed("cli.password_missing", login=args.login, variable=PASSWORD_ENV)
        accounts.sign_in(db, login=args.login, password=password)
    elif required and _changes_data(args):
        raise NotAllowed("cli.sign_in_required", variable=PASSWORD_ENV)


def _sign_in_to_restore(db_path: Path, args: argparse.Namespace) -> None:
    """restore works on the closed file: sign in on it first (a file too damaged to open has no accounts to ask)."""
    from db.engine import DatabaseError, open_database

    if not db_path.exists():
        return
    try:
        db = open_database(db_path)
    except DatabaseError:
        return
    try:
        _sign_in(db, args)
    finally:
        db.close()


def _daily_backup(db_path: Path, args: argparse.Namespace) -> None:
    """The first data-changing command of the day backs the file up first (a failure is only a warning)."""
    if not _changes_data(args) or args.command == "restore":
        return
    from desktop_app.services.backups import daily_backup

    try:
        daily_backup(db_path)
    except AppError as exc:
        print("Cảnh báo: " + exc.full_message(), file=sys.stderr)


def _file_to_open(argv: list[str]) -> tuple[list[str], Path | None]:
    """A file given alone on the command line (a double-click on an appendix or a data package) is opened in
    the window's import preview: (the other arguments, that file)."""
    positions = [i for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--db")]
    from desktop_app.cli import exchange as cli_exchange
    from desktop_app.cli import forms as cli_forms

    commands = (*COMMANDS, *cli_exchange.COMMANDS, *cli_forms.COMMANDS, "backup", "restore")
    if len(positions) == 1 and argv[positions[0]] not in commands and Path(argv[positions[0]]).is_file():
        return argv[:positions[0]] + argv[positions[0] + 1:], Path(argv[positions[0]])
    return argv, None


def _self_test() -> int:
    from desktop_app.services.self_test import self_test
    from desktop_app.ui.self_test import window_check

    ok = self_test(lambda line: print(line, flush=True),
                   extra=[("Mở và vẽ cửa sổ chính", window_check)])
    return EXIT_OK if ok else 1


def _utf8_console() -> None:
    # A windowed (frozen, no console) program on Windows starts with no stdout: borrow the console of the
    # command prompt that started it, if any, so --self-test and the commands can still print.
    if sys.stdout is None and sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
            sys.stderr = sys.stdout
    # Windows consoles default to a legacy code page that cannot print Vietnamese.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `desktop-app` and `python -m desktop_app`."""
    _utf8_console()
    argv = list(sys.argv[1:] if argv is None else argv)
    argv, open_path = _file_to_open(argv)
    if not argv or (len(argv) == 2 and argv[0] == "--db"):
        # The window, the usual case: no need to build every command's parser first.
        from desktop_app.ui.app import run_gui

        return run_gui(Path(argv[1]) if argv else default_db_path(), open_path=open_path)
    args = _parser().parse_args(argv)
    if args.self_test:
        return _self_test()
    db_path: Path = args.db or default_db_path()
    if args.command is None:
        from desktop_app.ui.app import run_gui

        return run_gui(db_path, open_path=open_path)
    from db.engine import open_database

    try:
        if args.command in ("backup", "restore"):
            if args.command == "restore":
                _sign_in_to_restore(db_path, args)
            return _backup_command(db_path, args)
        db = open_database(db_path)
        from desktop_app.services.officer import CLI, start_session

        start_session(db, origin=CLI)
        try:
            _sign_in(db, args)
        except AppError:
            db.close()
            raise
    except AppError as exc:
        print(exc.full_message(), file=sys.stderr)
        return EXIT_REFUSED
    _daily_backup(db_path, args)
    try:
        return _command(args.command)(db, args)
    except DuplicateImport as exc:
        print(exc.full_message() + " Dùng --again nếu thật sự muốn nhập lại.", file=sys.stderr)
        return EXIT_REFUSED
    except AppError as exc:
        print(exc.full_message(), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        db.close()
