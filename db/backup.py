"""Database files handled as files, with SQLite's own API: a consistent copy made with the online backup API and
checked before it is kept; what a file holds (its check, tables and schema revision) read without changing it;
a backup's pages written into the live file on restore."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import AppError
from desktop_app.messages import Verbatim

BUSY_TIMEOUT_S = 5.0


class BackupFailed(AppError):
    """The copy could not be made or did not pass its check; nothing is left at the destination."""


class FileUnreadable(Exception):
    """SQLite could not read the file (not a database, damaged, locked); the message is SQLite's."""


@dataclass(frozen=True)
class FileFacts:
    """What a database file holds, read without changing it."""

    problems: list[str]  # PRAGMA quick_check: empty when sound
    tables: set[str]
    revision: str | None  # the Alembic revision (None: not a database of this program)


def inspect(path: str | Path) -> FileFacts:
    """The file's check, tables and revision (FileUnreadable when SQLite cannot read it)."""
    try:
        con = _read_only(Path(path))
        try:
            problems = quick_check(con)
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise FileUnreadable(str(exc)) from exc
    return FileFacts(problems, tables, revision)


_QUOTED = re.compile(r'"([^"]*)"|`([^`]*)`|\[([^\]]*)\]')
_SPACE = re.compile(r"\s+")
_IF_NOT_EXISTS = re.compile(r"^(CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|TRIGGER|VIEW))\s+IF\s+NOT\s+EXISTS\b", re.I)


def _normalized(sql: str) -> str:
    """A CREATE statement with its spacing, identifier quotes and IF NOT EXISTS taken out: the same schema reads
    the same whichever SQLite version or code path wrote it (a rename quotes names, a trigger is made again)."""
    sql = _IF_NOT_EXISTS.sub(r"\1", sql.strip())
    sql = _QUOTED.sub(lambda m: next(g for g in m.groups() if g is not None), sql)
    sql = _SPACE.sub(" ", sql)
    return re.sub(r" ?([(),;]) ?", r"\1", sql).strip()


def schema_of(path: str | Path) -> dict[tuple[str, str], str]:
    """{(type, name): normalized CREATE statement} of every table, index, trigger and view the file holds (the
    automatic indexes of UNIQUE and PRIMARY KEY constraints are in their table's statement). FileUnreadable
    when SQLite cannot read the file."""
    try:
        con = _read_only(Path(path))
        try:
            rows = con.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise FileUnreadable(str(exc)) from exc
    return {(kind, name): _normalized(sql or "") for kind, name, sql in rows}


@dataclass(frozen=True)
class Contents:
    """What a backup holds, for the officer to see before it replaces the data."""

    plans: list[str]  # the plans' titles (or numbers), in the order they were imported
    items: int
    progress_reports: int
    last_change: str | None  # when the change log's newest entry was written (ISO text), None when empty


def contents(path: str | Path) -> Contents:
    """The plans, item and progress counts and the last change of a database of this program (FileUnreadable
    when it cannot be read as one)."""
    try:
        con = _read_only(Path(path))
        try:
            plans = [str(title or number or f"#{pid}") for pid, title, number in
                     con.execute("SELECT id, title, plan_number FROM plans ORDER BY id")]
            items = int(con.execute("SELECT count(*) FROM items").fetchone()[0])
            reports = int(con.execute("SELECT count(*) FROM progress_reports").fetchone()[0])
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            last = con.execute("SELECT max(at) FROM audit_log").fetchone()[0] if "audit_log" in tables else None
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise FileUnreadable(str(exc)) from exc
    return Contents(plans, items, reports, str(last) if last is not None else None)


def plan_count(path: str | Path) -> int | None:
    """How many plans the file holds (None when it is not a readable database of ours)."""
    try:
        con = _read_only(Path(path))
        try:
            return int(con.execute("SELECT count(*) FROM plans").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return None


def copy_into(backup_file: Path, db_path: Path) -> None:
    """The backup's pages written into the live file with the online backup API (its WAL is handled by
    SQLite); a live file too damaged to open is replaced whole instead. FileUnreadable or OSError when it
    cannot be done."""
    try:
        src = _read_only(backup_file)
        try:
            try:
                dest = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_S)
                try:
                    src.backup(dest)
                    problems = quick_check(dest)
                finally:
                    dest.close()
                if not problems:
                    return
            except sqlite3.DatabaseError:
                pass
            tmp = db_path.with_name(db_path.name + ".khoi-phuc.tmp")
            tmp.unlink(missing_ok=True)
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
            for leftover in ("-wal", "-shm"):
                db_path.with_name(db_path.name + leftover).unlink(missing_ok=True)
            os.replace(tmp, db_path)
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise FileUnreadable(str(exc)) from exc


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (no journal-mode switch, no checkpoint on close)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)


def quick_check(con: sqlite3.Connection) -> list[str]:
    """The problems PRAGMA quick_check finds; empty when the database is sound."""
    rows = [row[0] for row in con.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):  # a directory cannot be opened on Windows; the rename is durable enough
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def backup_copy(src_path: str | Path, dest_path: str | Path) -> Path:
    """Copy the database at src_path to dest_path with the online backup API (a consistent snapshot even
    while another connection writes), as one self-contained file (rollback journal, no -wal beside it).
    The copy is written under a temporary name, checked with PRAGMA quick_check, flushed to disk and only
    then renamed to dest_path. Raises BackupFailed, leaving nothing at dest_path, when any step fails."""
    src_path, dest_path = Path(src_path), Path(dest_path)
    tmp = dest_path.with_name(dest_path.name + ".tmp")
    try:
        dest_path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        src = _read_only(src_path)
        try:
            dest = sqlite3.connect(tmp, timeout=BUSY_TIMEOUT_S)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")  # the copy may carry the source's WAL flag
                problems = quick_check(dest)
            finally:
                dest.close()
        finally:
            src.close()
        if problems:
            raise BackupFailed("backup.copy_check_failed", problems="; ".join(problems[:5]))
        _fsync(tmp)
        os.replace(tmp, dest_path)
        _fsync(dest_path.parent)
    except BackupFailed:
        _remove_quietly(tmp)
        raise
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(tmp)
        raise BackupFailed(Verbatim(str(exc))) from exc
    return dest_path


def _remove_quietly(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
