"""backup [DEST] and restore FILE: they work on the database file itself, with no connection open."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop_app.cli.output import EXIT_OK


def add_parsers(sub: Any) -> None:
    """backup, restore."""
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu vào một thư mục (mặc định: thư mục backups cạnh tệp dữ liệu)")
    p.add_argument("dest", type=Path, nargs="?", help="thư mục đích, vd. ổ USB")
    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu (dữ liệu hiện tại được sao lưu trước)")
    p.add_argument("file", type=Path)


def run(db_path: Path, args: argparse.Namespace) -> int:
    """backup [DEST] and restore FILE: they work on the file itself, with no connection open."""
    from desktop_app.services.backups import backup_now, restore_and_open
    from desktop_app.services.officer import CLI

    if args.command == "backup":
        print(backup_now(db_path, args.dest))
        return EXIT_OK
    from desktop_app.services.backups import check_restorable, describe

    check_restorable(args.file)  # refused before anything is said about it or done
    print(describe(args.file).render())
    db, saved = restore_and_open(db_path, args.file, origin=CLI)  # an older backup is upgraded now
    db.close()
    print(f"Đã khôi phục {db_path} từ {args.file}.")
    if saved is not None:
        print(f"Dữ liệu trước khi khôi phục được giữ ở {saved}.")
    return EXIT_OK


COMMANDS = ("backup", "restore")
