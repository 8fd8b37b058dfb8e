"""Who runs a command: --login with the password in CDS_PASSWORD, the refusal of every command on data that
requires sign-in without them, and the day's first backup before a data-changing command.

With sign-in required, every command needs --login: each one reads the plan data (show, plans, units, periods,
progress list, the reports, make-form, versions, audit verify, identity), writes to the database (import,
record, progress add, periods --kind, import-package, read-form, restore-version, and export-package, which
keeps its bookkeeping there) or copies everything (backup, restore). Only --version, --help and --self-test (on
a temporary database of its own) run without it: they open no data."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from desktop_app.errors import AppError

PASSWORD_ENV = "CDS_PASSWORD"  # never an argument: the command line is visible to every user of the computer

DATA_CHANGING = ("import", "record", "import-package", "read-form", "restore-version")


def changes_data(args: argparse.Namespace) -> bool:
    if getattr(args, "show_columns", False):
        return False  # import --show-columns only reads the file
    return (args.command in (*DATA_CHANGING, "restore") or (args.command == "progress" and args.action == "add")
            or (args.command == "periods" and bool(args.kind or args.basis)))


def sign_in(db: Any, args: argparse.Namespace) -> None:
    """--login with the password in CDS_PASSWORD signs that account in (the audit trail names it). Without them,
    any command on a database that requires sign-in is refused before it starts (the use cases check the
    account's rights as well)."""
    from desktop_app.errors import NotAllowed
    from desktop_app.services import accounts

    required = accounts.sign_in_required(db)
    if args.login:
        password = os.environ.get(PASSWORD_ENV, "")
        if not password:
            raise NotAllowed("cli.password_missing", login=args.login, variable=PASSWORD_ENV)
        accounts.sign_in(db, login=args.login, password=password)
    elif required:
        raise NotAllowed("cli.sign_in_required", variable=PASSWORD_ENV)


def sign_in_on_file(db_path: Path, args: argparse.Namespace) -> None:
    """backup and restore work on the closed file: sign in on it first (a file too damaged to open has no
    accounts to ask)."""
    from db.engine import DatabaseError, open_database

    if not db_path.exists():
        return
    from desktop_app.services.officer import CLI, start_session

    try:
        db = start_session(open_database(db_path), origin=CLI)
    except DatabaseError:
        return
    try:
        sign_in(db, args)
    finally:
        db.close()


def daily_backup(db_path: Path, args: argparse.Namespace) -> None:
    """The first data-changing command of the day backs the file up first (a failure is only a warning)."""
    if not changes_data(args) or args.command == "restore":
        return
    from desktop_app.services import backups

    try:
        backups.daily_backup(db_path)
    except AppError as exc:
        print("Cảnh báo: " + exc.full_message(), file=sys.stderr)
