"""Command line: the same services as the GUI, for automation, tests and support. No arguments opens the GUI.
One module per group of commands (plans, progress, reports, exchange, forms, backups, audit), each adding its parsers
and naming the function of each command; this one parses, opens the data, signs in and runs the command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from desktop_app import __version__
from desktop_app.cli import session
from desktop_app.cli.output import EXIT_OK, EXIT_REFUSED
from desktop_app.cli.session import PASSWORD_ENV
from desktop_app.errors import AppError, DuplicateImport
from desktop_app.paths import default_db_path

# What only the commands need (json, the progress rules, the services) is imported when a command runs:
# opening the window should not pay for it.


def _groups() -> list[ModuleType]:
    """The command groups, in the order their commands are listed."""
    from desktop_app.cli import audit, backups, exchange, forms, plans, progress, reports

    return [plans, progress, reports, exchange, forms, backups, audit]


def _parser() -> argparse.ArgumentParser:
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
    for group in _groups():
        group.add_parsers(sub)
    return parser


def _command(name: str) -> Any:
    """The function running a command."""
    for group in _groups():
        if isinstance(group.COMMANDS, dict) and name in group.COMMANDS:
            return group.COMMANDS[name]
    raise KeyError(name)


def _file_to_open(argv: list[str]) -> tuple[list[str], Path | None]:
    """A file given alone on the command line (a double-click on an appendix or a data package) is opened in
    the window's import preview: (the other arguments, that file)."""
    positions = [i for i, a in enumerate(argv) if not a.startswith("-") and (i == 0 or argv[i - 1] != "--db")]
    if len(positions) != 1 or not Path(argv[positions[0]]).is_file():
        return argv, None
    given = argv[positions[0]]
    # A command name has neither a folder nor a suffix: only a bare word that is also a file here needs the
    # command table (which imports every command group, the database layer among them: not on the window's path).
    if Path(given).suffix == "" and Path(given).name == given and given in _command_names():
        return argv, None
    return argv[:positions[0]] + argv[positions[0] + 1:], Path(given)


def _command_names() -> set[str]:
    return {name for group in _groups() for name in group.COMMANDS}


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
            from desktop_app.cli import backups

            session.sign_in_on_file(db_path, args)
            return backups.run(db_path, args)
        from desktop_app.services.backups import check_not_lost
        from desktop_app.services.officer import CLI, start_session

        check_not_lost(db_path)  # gone while backups of it exist: no empty file in its place
        db = start_session(open_database(db_path), origin=CLI)
        try:
            session.sign_in(db, args)
        except AppError:
            db.close()
            raise
    except AppError as exc:
        print(exc.full_message(), file=sys.stderr)
        return EXIT_REFUSED
    session.daily_backup(db_path, args)
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
