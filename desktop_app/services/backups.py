"""Backups of the database file: automatic ones (daily, before an import or a merge) kept by the policy in
domain/backup_policy.py in the «backups» folder beside the database, a backup on demand to any folder, the
list of backups to restore from, restoring one, and the integrity check at start-up.

Every copy is made with SQLite's online backup API and checked with PRAGMA quick_check (db/backup.py).
Automatic copies are named «<stem>.YYYYMMDD-HHMMSS.<reason>.sqlite3»; the copies engine.py makes before a
schema upgrade («<stem>.truoc-nang-cap-<rev>-YYYYMMDD-HHMMSS.sqlite3») are listed too but never pruned."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from db.backup import (
    BackupFailed,
    FileUnreadable,
    backup_copy,
    contents,
    copy_into,
    inspect,
    plan_count,
    schema_of,
)
from db.engine import BACKUP_DIR_NAME, Database, expected_schema, known_revisions, open_database
from desktop_app.domain.backup_policy import to_prune
from desktop_app.errors import AppError, DatabaseMissing, WriteFailed
from desktop_app.messages import Joined, Message, Verbatim, text

DAILY, BEFORE_IMPORT, BEFORE_MERGE, BEFORE_RESTORE = "hang-ngay", "truoc-nhap", "truoc-hop-nhat", "truoc-khoi-phuc"
UPGRADE = "truoc-nang-cap"
REASON_LABELS = {
    DAILY: "hằng ngày", BEFORE_IMPORT: "trước khi nhập", BEFORE_MERGE: "trước khi gộp",
    BEFORE_RESTORE: "trước khi khôi phục", UPGRADE: "trước khi nâng cấp", "": "sao lưu thủ công",
}
STAMP = "%Y%m%d-%H%M%S"
_AUTO = re.compile(r"\.(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?(?:\.(?P<reason>[a-z-]+))?$")
_UPGRADE = re.compile(r"\.truoc-nang-cap-[\w]+-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?$")


class BackupRefused(AppError):
    """A file that cannot be restored (not a database of this program, damaged, or from a newer program)."""


class DatabaseDamaged(AppError):
    """The database file fails PRAGMA quick_check."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup on the restore list."""

    path: Path
    when: datetime
    size: int
    plans: int | None  # None: the file cannot be read as a database of this program
    reason: str  # the code in the file name ("" for a backup made on demand)

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason)


def backup_folder(db_path: Path) -> Path:
    """The folder of the automatic backups: «backups» beside the database."""
    return Path(db_path).parent / BACKUP_DIR_NAME


def _why(exc: BaseException) -> Message:
    """The reason a copy failed, in words an officer can act on."""
    from desktop_app.io.atomic import _reason

    cause = exc.__cause__ if isinstance(exc, BackupFailed) and exc.__cause__ is not None else exc
    if isinstance(cause, OSError):
        return _reason(cause)
    words = str(cause)
    if "full" in words.lower():
        return _reason(OSError(errno.ENOSPC, words))
    return cause.coded if isinstance(cause, AppError) else Verbatim(words)


def _free_name(folder: Path, base: str, suffix: str) -> Path:
    candidate, counter = folder / f"{base}{suffix}", 2
    while candidate.exists() or candidate.with_name(candidate.name + ".tmp").exists():
        candidate = folder / f"{base}-{counter}{suffix}"
        counter += 1
    return candidate


def _auto_path(db_path: Path, reason: str, now: datetime) -> Path:
    stamp = now.strftime(STAMP)
    name_of = _free_name(backup_folder(db_path), f"{db_path.stem}.{stamp}", f".{reason}{db_path.suffix}")
    return name_of


def _parse(db_path: Path, file: Path) -> tuple[datetime, str] | None:
    """When a backup of db_path was made and why, from its name (None: not one of its backups)."""
    name = file.name
    prefix = f"{db_path.stem}."
    if not name.startswith(prefix) or not name.endswith(db_path.suffix) or name.endswith(".tmp"):
        return None
    middle = name[len(prefix) - 1: len(name) - len(db_path.suffix)]
    match = _UPGRADE.fullmatch(middle) or _AUTO.fullmatch(middle)
    if match is None:
        return None
    # «-2», «-3» … were made later within the same second
    when = datetime.strptime(match["stamp"], STAMP) + timedelta(microseconds=int(match["n"] or 0))
    return when, UPGRADE if match.re is _UPGRADE else match["reason"] or ""


DATABASE, DATABASE_BEFORE_CHANGE, CURRENT_DATA = "backup.what_database", "backup.what_before_change", \
    "backup.what_current"
"""What _copy says it backs up (codes)."""


def _copy(db_path: Path, target: Path, what: str) -> Path:
    try:
        made = backup_copy(db_path, target)
    except BackupFailed as exc:
        raise WriteFailed("backup.copy_failed", file=target.name, what=Message(what), folder=target.parent,
                          reason=_why(exc)) from exc
    seal(made)
    return made


SEAL_SUFFIX = ".niem-phong"
"""Beside each backup the program makes: «<key id> <HMAC-SHA256 of the file>», keyed by a secret of this computer
account. A backup whose data was changed afterwards (a target's text edited with another tool) no longer matches
its seal and is refused; one without a seal, or sealed on another computer, is shown as such (it cannot be told
from a real edit)."""


def _seal_key() -> bytes:
    from desktop_app.io.atomic import atomic_file
    from desktop_app.paths import seal_key_path

    path = seal_key_path()
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == 32:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(path) as out:
        out.write(os.urandom(32))
    return path.read_bytes()


def _mac(key: bytes, path: Path) -> str:
    import hashlib
    import hmac

    digest = hmac.new(key, digestmod=hashlib.sha256)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _key_id(key: bytes) -> str:
    import hashlib

    return hashlib.sha256(b"cds-backup-seal" + key).hexdigest()[:16]


def seal_path(backup: Path) -> Path:
    return backup.with_name(backup.name + SEAL_SUFFIX)


def seal(backup: Path) -> None:
    """Write the seal of a backup just made (a seal that cannot be written leaves the backup unsealed)."""
    from desktop_app.io.atomic import atomic_file

    try:
        key = _seal_key()
        with atomic_file(seal_path(backup)) as out:
            out.write(f"{_key_id(key)} {_mac(key, backup)}\n".encode("ascii"))
    except (OSError, AppError) as exc:
        from desktop_app.logs import log_fault

        log_fault(exc, "niêm phong bản sao lưu")


SEALED, UNSEALED, SEALED_ELSEWHERE, SEAL_BROKEN = "sealed", "unsealed", "elsewhere", "broken"


def seal_state(backup: Path) -> str:
    """SEALED: the file is as this computer made it; SEAL_BROKEN: it was changed since; UNSEALED or
    SEALED_ELSEWHERE: nothing can be told."""
    try:
        words = seal_path(backup).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        return UNSEALED
    if len(words) != 2:
        return SEAL_BROKEN
    key = _seal_key()
    if words[0] != _key_id(key):
        return SEALED_ELSEWHERE
    import hmac

    return SEALED if hmac.compare_digest(words[1], _mac(key, backup)) else SEAL_BROKEN


def _automatic(db_path: Path) -> list[tuple[Path, datetime, str]]:
    folder = backup_folder(db_path)
    if not folder.is_dir():
        return []
    found = []
    for file in folder.iterdir():
        parsed = _parse(db_path, file)
        if parsed is not None and file.is_file():
            found.append((file, *parsed))
    return found


def prune(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the automatic backups the policy no longer keeps (never the copies made before an upgrade nor
    those made on demand); returns the deleted files."""
    now = now or datetime.now()
    candidates = {file.name: (file, when) for file, when, reason in _automatic(Path(db_path))
                  if reason in (DAILY, BEFORE_IMPORT, BEFORE_MERGE, BEFORE_RESTORE)}
    removed = []
    for name in to_prune([(name, when) for name, (_file, when) in candidates.items()], now):
        with contextlib.suppress(OSError):
            candidates[name][0].unlink()
            removed.append(candidates[name][0])
            seal_path(candidates[name][0]).unlink(missing_ok=True)
    return removed


def daily_backup(db_path: str | Path, now: datetime | None = None) -> Path | None:
    """At the first start of a day: back up the database unless a backup was already made today, then prune.
    Returns the new copy (None when there was nothing to do)."""
    db_path, now = Path(db_path), now or datetime.now()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    if any(when.date() == now.date() for _file, when, _reason in _automatic(db_path)):
        return None
    made = _copy(db_path, _auto_path(db_path, DAILY, now), DATABASE)
    prune(db_path, now)
    return made


def backup_before(db_path: str | Path, reason: str, now: datetime | None = None) -> Path | None:
    """A copy before a change that is hard to take back (an import: BEFORE_IMPORT, a merge: BEFORE_MERGE),
    then prune. Nothing for a database not yet created."""
    db_path, now = Path(db_path), now or datetime.now()
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    made = _copy(db_path, _auto_path(db_path, reason, now), DATABASE_BEFORE_CHANGE)
    prune(db_path, now)
    return made


def backup_now(db_path: str | Path, dest_folder: str | Path | None = None, now: datetime | None = None) -> Path:
    """Back up the database into dest_folder (a USB stick; default: the automatic «backups» folder) as
    «<stem>.YYYYMMDD-HHMMSS.sqlite3»; returns the new file. Raises WriteFailed when the folder is missing or
    the copy cannot be written (nothing half-written is left)."""
    db_path, now = Path(db_path), now or datetime.now()
    folder = Path(dest_folder) if dest_folder is not None else backup_folder(db_path)
    if dest_folder is None:
        folder.mkdir(parents=True, exist_ok=True)
    if not db_path.is_file():
        raise AppError("backup.no_database", file=str(db_path))
    if not folder.is_dir():
        raise WriteFailed("backup.folder_gone", folder=folder)
    target = _free_name(folder, f"{db_path.stem}.{now.strftime(STAMP)}", db_path.suffix)
    return _copy(db_path, target, DATABASE)


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The backups in the «backups» folder beside the database, newest first."""
    db_path = Path(db_path)
    infos = []
    for file, when, reason in _automatic(db_path):
        with contextlib.suppress(OSError):
            infos.append(BackupInfo(file, when, file.stat().st_size, plan_count(file), reason))
    return sorted(infos, key=lambda info: (info.when, info.path.name), reverse=True)


def check_restorable(path: str | Path) -> None:
    """Raise BackupRefused unless path is an intact database of this program, at a schema it knows."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise BackupRefused("backup.missing_or_empty", file=str(path))
    try:
        facts = inspect(path)
    except FileUnreadable as exc:
        raise BackupRefused("backup.not_ours_or_damaged", file=str(path), reason=str(exc)) from exc
    problems, names, revision = facts.problems, facts.tables, facts.revision
    if problems:
        raise BackupRefused("backup.damaged", file=str(path), problems="; ".join(problems[:3]))
    if revision is None or "plans" not in names:
        raise BackupRefused("backup.not_ours", file=str(path))
    if revision not in known_revisions():
        raise BackupRefused("backup.newer_program", file=str(path), revision=revision)
    if seal_state(path) == SEAL_BROKEN:
        raise BackupRefused("backup.seal_broken", path=str(path))
    differences = schema_differences(path, revision)
    if differences:
        shown = differences[:5] + ([Verbatim("…")] if len(differences) > 5 else [])
        raise BackupRefused("backup.schema_differs", path=str(path), revision=revision,
                            differences=Joined(shown, "; "))


_KINDS = {"table": Message("backup.kind_table"), "index": Message("backup.kind_index"),
          "trigger": Message("backup.kind_trigger"), "view": Message("backup.kind_view")}


def schema_differences(path: Path, revision: str) -> list[Message]:
    """How the schema of the file at path differs from what the program's migrations make at revision: every
    table, index, trigger and view extra, missing or changed (a trigger slipped in rewrites what is stored;
    an empty list when they are the same). FileUnreadable-safe: an unreadable file was refused before."""
    try:
        found = schema_of(path)
    except FileUnreadable as exc:
        raise BackupRefused("backup.not_ours_or_damaged", file=str(path), reason=str(exc)) from exc
    expected = expected_schema(revision)
    out: list[Message] = []
    for key in sorted(set(found) | set(expected)):
        kind, name = key
        what = _KINDS.get(kind, Verbatim(kind))
        if key not in expected:
            out.append(Message("backup.schema_extra", kind=what, name=name))
        elif key not in found:
            out.append(Message("backup.schema_missing", kind=what, name=name))
        elif found[key] != expected[key]:
            out.append(Message("backup.schema_changed", kind=what, name=name))
    return out


def describe(path: str | Path) -> Message:
    """What the backup holds, for the officer before it replaces the data: its plans, how many items and
    progress records, and when its change log was last written."""
    try:
        held = contents(path)
    except FileUnreadable as exc:
        raise BackupRefused("backup.not_ours_or_damaged", file=str(path), reason=str(exc)) from exc
    names = ", ".join(f"«{name}»" for name in held.plans[:5]) + (" …" if len(held.plans) > 5 else "")
    last: Message = Verbatim(held.last_change[:19].replace("T", " ")) if held.last_change \
        else Message("backup.contents_never")
    said = Message("backup.contents", plans=len(held.plans), names=Verbatim(names), items=held.items,
                   records=held.progress_reports, last=last)
    state = seal_state(Path(path))
    if state == SEALED:
        return Joined([said, Message("backup.sealed")], " ")
    return Joined([said, Message("backup.unsealed")], " ")


def _raw_copy(db_path: Path, target: Path) -> Path:
    """A byte copy of a damaged database (the online backup API cannot read it), with its -wal if any."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            tmp = target.with_name(target.name + suffix + ".tmp")
            shutil.copyfile(source, tmp)
            os.replace(tmp, target.with_name(target.name + suffix))
    return target


def restore(db_path: str | Path, backup_file: str | Path, now: datetime | None = None) -> Path | None:
    """Put the backup in place of the database at db_path. Every connection to db_path must be closed first
    (Database.close()); open_database then upgrades the restored file if it is older. The backup is checked
    first (BackupRefused: nothing changed); the current file is backed up first (BEFORE_RESTORE; a byte copy
    when it is damaged). Returns that copy of the current file (None when there was no current file)."""
    from desktop_app.services.permissions import require_admin_of_file
    require_admin_of_file(db_path, "action.restore_backup")
    db_path, backup_file, now = Path(db_path), Path(backup_file), now or datetime.now()
    check_restorable(backup_file)
    if backup_file.resolve() == db_path.resolve():
        raise BackupRefused("backup.is_current_file", file=str(backup_file))
    saved = None
    if db_path.exists() and db_path.stat().st_size > 0:
        target = _auto_path(db_path, BEFORE_RESTORE, now)
        ok, _message = integrity_ok(db_path)
        try:
            saved = _copy(db_path, target, CURRENT_DATA) if ok else _raw_copy(db_path, target)
        except OSError as exc:
            raise WriteFailed("backup.current_copy_failed", file=target.name, reason=_why(exc)) from exc
    try:
        copy_into(backup_file, db_path)
    except (OSError, FileUnreadable) as exc:
        raise WriteFailed("backup.restore_failed", file=str(db_path), reason=_why(exc), saved=saved) from exc
    return saved


def restore_and_open(db_path: str | Path, backup_file: str | Path, *, origin: str,
                     now: datetime | None = None) -> tuple[Database, Path | None]:
    """restore, then open the restored file (an older one is upgraded) for the officer of this computer (or
    the account still signed in on it), and say in its change log what was restored and where the data as it
    was before is kept. Returns the open database and that copy."""
    from db import audit
    from desktop_app.services.accounts import resume
    from desktop_app.services.officer import start_session

    saved = restore(db_path, backup_file, now)
    db = start_session(open_database(db_path), origin=origin)
    try:
        resume(db)
        name = Path(backup_file).name
        label = f"toàn bộ dữ liệu thay bằng bản sao lưu «{name}»"
        if saved is not None:
            label += f"; dữ liệu trước đó giữ ở «{saved}»"
        with audit.acting(f"Khôi phục bản sao lưu «{name}»"), db.transaction() as session:
            audit.add_entry(session, table=audit.WHOLE_DATABASE, action="restore", label=label,
                            changes={"backup": str(backup_file), "saved": str(saved) if saved else None})
    except BaseException:
        db.close()
        raise
    return db, saved


def integrity_ok(db_path: str | Path) -> tuple[bool, str]:
    """PRAGMA quick_check on the database file: (True, "") when sound or not yet created, else (False, what
    is wrong, in the current language)."""
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        return True, ""
    try:
        problems = inspect(db_path).problems
    except FileUnreadable as exc:
        return False, text("backup.data_unreadable", path=db_path, reason=str(exc))
    if problems:
        return False, text("backup.data_damaged", path=db_path, problems="; ".join(problems[:3]))
    return True, ""


def check_not_lost(db_path: str | Path, *, known: bool = False) -> None:
    """At start: DatabaseMissing when no data is at db_path (no file, or an empty one) although the data existed
    there: backups of it lie beside it, or known (the window opened this file before). An empty database is
    then not made in its place without a word; only a real first start (no backups, not known) goes on."""
    db_path = Path(db_path)
    if db_path.is_file() and db_path.stat().st_size > 0:
        return
    found = list_backups(db_path)
    if found:
        raise DatabaseMissing("db.file_missing", path=str(db_path), backup=found[0].path.name,
                              when=found[0].when.strftime("%d/%m/%Y %H:%M"))
    if known:
        raise DatabaseMissing("db.file_missing_no_backup", path=str(db_path))


def newest_good_backup(db_path: str | Path) -> BackupInfo | None:
    """The newest backup beside the database that can be restored."""
    for info in list_backups(db_path):
        try:
            check_restorable(info.path)
        except BackupRefused:
            continue
        return info
    return None
