"""Use cases: write a signed data package for another installation (everything, one plan, one unit's part, or
only what changed since the last package sent to it) and import one (checked, previewed, merged in one
transaction after a backup; a second import of the same package changes nothing)."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import closing, nullcontext
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db import audit
from db.audit_schema import SHARED
from db.engine import Database
from db.exchange import rows as rows_db
from db.exchange.check import check_merged_reports, expected_columns
from db.exchange.export import export_rows, export_tombstones
from db.exchange.models import ReceivedPackage, SentPackage
from db.exchange.schema import SYNCED
from db.models import Plan, utcnow
from db.queries.common import unit_by_name
from db.summary import refresh_items, refresh_unit_keys
from desktop_app import __version__
from desktop_app.domain.merge import OURS, THEIRS
from desktop_app.domain.text import clean, unit_key
from desktop_app.errors import AppError, InvalidValue, NotFound
from desktop_app.io.exchange.package import Header, Package, PackageRefused
from desktop_app.messages import Message
from desktop_app.services.changes import EVERYTHING, NOTHING, Changes
from desktop_app.services.exchange_contents import (
    AUDIT,
    EVIDENCE_PREFIX,
    TOMBSTONES,
    Contents,
    member_of,
    prefetched,
    read_checked,
)
from desktop_app.services.exchange_labels import Labels
from desktop_app.services.exchange_merge import KINDS, Merger, RecordChange
from desktop_app.services.permissions import require_admin

BATCH_COMMIT = 300  # packages per transaction when many are imported at once (3,321: 105 s; 100 a batch: 118 s)
IMPORT_CACHE_KIB = 262144  # 256 MB of pages during a bulk import (64 MB: 139 s, peak 163 MB; 256 MB: peak 396 MB)


class PackageGap(AppError):
    """An incremental package whose predecessor (the package sent before it to the same office) was never
    received here: merging it would leave only part of the sender's data."""


class UnknownSender(AppError):
    """The package is signed by an installation not trusted yet: the officer must confirm its key first."""

    def __init__(self, code: str, /, *, sender: str, fingerprint: str, installation_id: str, **args: Any) -> None:
        self.name, self.fingerprint, self.installation_id = sender, fingerprint, installation_id
        super().__init__(code, sender=sender, fingerprint=fingerprint, **args)


@dataclass(frozen=True)
class ExportResult:
    """A package written: where, its SHA-256, what it holds, and since when (None: everything)."""

    path: Path
    sha256: str
    counts: dict[str, int]
    since: datetime | None
    to_name: str | None
    missing_evidence: int = 0


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did (or, for a dry run, would do)."""

    file: str
    sender_name: str
    fingerprint: str
    sender_known: bool
    created_at: str
    dry_run: bool
    counts: dict[str, int]
    changes: list[RecordChange] = field(default_factory=list)
    backup: Path | None = None
    installation_id: str = ""

    @property
    def changed(self) -> Changes:
        """A merge may touch any plan; a dry run writes nothing."""
        return NOTHING if self.dry_run else EVERYTHING

    @property
    def conflicts(self) -> list[RecordChange]:
        """The records with fields both sides changed."""
        return [c for c in self.changes if c.conflicts]


# ----- export ------------------------------------------------------------------------------------------------
def _last_sent(session: Any, to_name: str) -> SentPackage | None:
    stmt = select(SentPackage).where(SentPackage.to_key == unit_key(to_name)).order_by(
        SentPackage.created_at.desc()).limit(1)
    return session.scalar(stmt)


def _evidence_members(db: Database, session: Any, rows: list[list[Any]]) -> tuple[dict[str, Path], int]:
    from desktop_app.services.evidence import evidence_folder

    folder = evidence_folder(db)
    sha_at = expected_columns("evidence_files").index("sha256")
    wanted = {row[sha_at] for row in rows}
    stored = rows_db.evidence_names(session)
    members, missing = {}, 0
    for sha in sorted(wanted):
        path = folder / stored.get(sha, sha)
        if path.is_file():
            members[EVIDENCE_PREFIX + sha] = path
        else:
            missing += 1
    return members, missing


def export_package(db: Database, *, out: Path, plan_id: int | None = None, unit: str | None = None,
                   since_last_to: str | None = None) -> ExportResult:
    """Write a signed package to out (temporary name, fsync, rename, read back and hash checked)."""
    from desktop_app.io.exchange.package import write_package
    from desktop_app.services.identity import installation, private_key

    me = installation(db)
    started = utcnow()
    with db.reading() as session:
        plan = session.get(Plan, plan_id) if plan_id is not None else None
        if plan_id is not None and plan is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        unit_row = unit_by_name(session, unit) if unit else None
        if unit and unit_row is None:
            raise NotFound("unit.not_found_name", unit=unit)
        to_name = clean(since_last_to) if since_last_to else None
        last = _last_sent(session, to_name) if to_name else None
        since = last.created_at if last is not None else None
        # the receiver checks that it holds the package this one follows on from (PackageGap)
        after = {"sha256": last.sha256, "file": last.file_name[:255], "created_at": last.created_at.isoformat()
                 } if last is not None else None
        tables = export_rows(session, plan_ids=[plan_id] if plan_id is not None else None,
                             unit_id=unit_row.id if unit_row else None, since=since)
        tombs = export_tombstones(session, since=since)
        trail = audit.export_entries(session, plan_uuids=[plan.uuid] if plan is not None else None, since=since)
        evidence, missing = _evidence_members(db, session, tables["evidence_files"])
        commune = plan.commune if plan is not None else (session.scalar(select(Plan.commune).limit(1)) or "")
        plan_uuid = plan.uuid if plan is not None else None
        unit_name = unit_row.name if unit_row is not None else None
    members: dict[str, bytes | Path] = {
        member_of(t): _json({"columns": expected_columns(t), "rows": rows}) for t, rows in tables.items()}
    members[TOMBSTONES] = _json({"columns": ["uuid", "table", "rev", "deleted_at"], "rows": tombs})
    members[AUDIT] = _json({"columns": list(audit.PACKAGE_COLUMNS), "rows": trail})
    members.update(evidence)
    counts = {t: len(rows) for t, rows in tables.items()} | {"tombstones": len(tombs), "evidence": len(evidence),
                                                             "audit": len(trail)}
    manifest = {
        "program_version": __version__,
        "installation": {"id": me.id, "name": me.name, "public_key": _b64(me.public_key)},
        "commune": commune,
        "created_at": started.isoformat(),
        "scope": {"plan": plan_uuid, "unit": unit_name,
                  "since": since.isoformat() if since else None, "to": to_name, "after": after},
        "counts": counts,
    }
    sha256 = write_package(out, manifest=manifest, members=members, private_key=private_key(db))
    with db.transaction() as session:
        for table, rows in tables.items():
            rows_db.mark_sent(session, table, [row[0] for row in rows])
        if to_name:
            session.add(SentPackage(to_name=to_name, to_key=unit_key(to_name), created_at=started, since=since,
                                    file_name=out.name, sha256=sha256, counts=json.dumps(counts)))
    return ExportResult(out, sha256, counts, since, to_name, missing)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


# ----- import ------------------------------------------------------------------------------------------------
def _check_follows(session: Any, package: Any) -> None:
    """PackageGap when package is incremental and nothing its sender made since the package it follows on from
    was received here: neither that package nor a later one (a full package then fills the gap; an incremental
    one was itself checked when it came)."""
    before = package.follows
    if before is None:
        return
    when = _moment(before["created_at"])
    if session.scalar(select(ReceivedPackage.id).where(
            ReceivedPackage.installation_id == package.installation_id,
            ReceivedPackage.created_at >= when).limit(1)) is not None:
        return
    raise PackageGap("exchange.gap", file=package.path.name, previous=before["file"], sender=package.sender_name,
                     when=when)


def _checked(db: Database, path: Path, *, trust: bool, dry_run: bool, session: Any = None,
             read: tuple[Any, Contents] | None = None) -> tuple[Any, Contents, bool]:
    """The package read and every record checked (or read: as the reader process checked them), whether it
    follows on from what was received (read in session, or a session of its own), and whether its sender is
    known; nothing written yet."""
    from desktop_app.services.identity import sender_status

    known = False

    def vet(header: Header | Package) -> None:  # before any member is read: a stranger's records cost nothing
        nonlocal known
        with nullcontext(session) if session is not None else db.reading() as reading:
            status = sender_status(reading, installation_id=header.installation_id, name=header.sender_name,
                                   public_key=header.public_key)
        known = status.state == "trusted"
        if not known and not trust and not dry_run:
            raise UnknownSender("exchange.unknown_sender", sender=header.sender_name, fingerprint=header.fingerprint,
                                installation_id=header.installation_id)

    if read is not None:
        vet(read[0])
        package, contents = read
    else:
        package, contents = read_checked(Path(path), vet=vet)
    with nullcontext(session) if session is not None else db.reading() as reading:
        _check_follows(reading, package)
    return package, contents, known


def _merge(db: Database, session: Any, package: Any, contents: Contents, *, known: bool, trust: bool,
           dry_run: bool, choices: dict[tuple[str, str], str] | None, prefer: str, details: bool,
           touched: set[int]) -> ImportOutcome:
    """Merge one checked package in the session's transaction; the items whose derived columns need a
    refresh are added to touched."""
    from desktop_app.services.identity import note_received, trust_sender

    # the first write takes the write lock, before any id is chosen
    received = ReceivedPackage(sha256=package.sha256, installation_id=package.installation_id,
                               sender_name=package.sender_name, created_at=_moment(package.created_at),
                               imported_at=utcnow(), file_name=package.path.name, counts="{}")
    session.add(received)
    session.flush()
    source = f"gói «{package.path.name}» từ «{package.sender_name}»"
    audit.suspend_insert_entries(session)  # the sender's entries tell who made each new record; a summary here
    merger = Merger(session, source=source, choices=choices, prefer=prefer,
                    labels=Labels(contents.tables).label if details else None, listing=details,
                    sender=package.installation_id)
    for table in SYNCED:
        merger.merge_table(table, contents.tables[table])
    merger.apply_tombstones(contents.tombstones)
    session.flush()
    check_merged_reports(session, [row[0] for row in contents.tables["progress_reports"]],
                         member=member_of("progress_reports"))
    result = merger.result
    for table in SHARED:
        count = len(merger.new_ids[table])  # the kind of record and the package are in the entry's own columns
        audit.add_summary(session, table=table, count=count, label=f"{count} bản ghi mới")
    audit.import_entries(session, contents.audit, sender=package.sender_name)
    audit.stamp(session, who=db.stamp()[0], source="Nhận " + source)
    if result.new_units:
        refresh_unit_keys(session)
    touched |= result.touched_items
    counts = {kind: result.counts.get(kind, 0) for kind in KINDS}
    received.counts = json.dumps(counts)
    if not dry_run:
        _store_evidence(db, session, package, contents)
        if trust and not known:
            trust_sender(session, installation_id=package.installation_id, name=package.sender_name,
                         public_key=package.public_key)
        note_received(session, installation_id=package.installation_id)
    return ImportOutcome(package.path.name, package.sender_name, package.fingerprint, known, package.created_at,
                         dry_run, counts, result.changes, installation_id=package.installation_id)


def _refresh(session: Any, touched: set[int]) -> None:
    # items deleted meanwhile are simply not found by refresh_items
    if touched:
        refresh_items(session, sorted(touched))


def import_package(db: Database, *, path: Path, trust: bool = False, dry_run: bool = False,
                   choices: dict[tuple[str, str], str] | None = None, prefer: str = OURS,
                   backup: bool = True) -> ImportOutcome:
    """Check, then merge a package in one transaction (a dry run rolls it back). An unknown sender's key
    needs trust=True (the officer compared the fingerprint). choices: (record uuid, field) → "ours" or
    "theirs" for conflicts; prefer decides the others. Raises PackageRefused, UnknownSender."""
    require_admin(db, "action.import_package")
    from desktop_app.services.backups import BEFORE_MERGE, backup_before

    if prefer not in (OURS, THEIRS):
        raise InvalidValue("exchange.bad_prefer", prefer=prefer)
    package, contents, known = _checked(db, path, trust=trust, dry_run=dry_run)
    made = None if dry_run or not backup else backup_before(db.path, BEFORE_MERGE)
    session = db.sessions()
    try:
        touched: set[int] = set()
        outcome = _merge(db, session, package, contents, known=known, trust=trust, dry_run=dry_run,
                         choices=choices, prefer=prefer, details=True, touched=touched)
        _refresh(session, touched)
        if dry_run:
            session.rollback()
        else:
            session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    return replace(outcome, backup=made)


@dataclass(frozen=True)
class BatchImport:
    """Several packages imported at once: each one's outcome or the reason it was skipped."""

    imported: list[ImportOutcome]
    skipped: list[tuple[Path, AppError]]
    backup: Path | None

    @property
    def changed(self) -> Changes:
        """Anything, once one package was merged."""
        return EVERYTHING if self.imported else NOTHING


def import_packages(db: Database, *, paths: list[Path], trust: bool = False,
                    progress: Callable[[int, int, str], None] | None = None) -> BatchImport:
    """Import many packages (a province receiving one from each commune): one backup first, a savepoint per
    package, so a bad package is reported and skipped while the others are imported; committed every
    BATCH_COMMIT packages (each package whole), so memory and the write-ahead log stay bounded.
    progress(done, total, file name) is called before each package."""
    require_admin(db, "action.import_package")
    from desktop_app.services.backups import BEFORE_MERGE, backup_before
    from desktop_app.services.identity import installation, trusted_senders

    installation(db)  # created on first start; made now if not, so each package is compared with it at once
    made = backup_before(db.path, BEFORE_MERGE)
    imported: list[ImportOutcome] = []
    skipped: list[tuple[Path, AppError]] = []
    session = db.sessions()
    try:
        rows_db.widen_cache(session, IMPORT_CACHE_KIB)  # index pages stay in memory
        touched: set[int] = set()
        waiting: list[tuple[Path, AppError]] = []  # incremental packages whose predecessor comes later

        def one(path: Path, read: tuple[Any, Contents] | None = None) -> None:
            try:
                package, contents, known = _checked(db, path, trust=trust, dry_run=False, session=session,
                                                    read=read)
                rows_db.begin_writing(session)
                with session.begin_nested():
                    imported.append(_merge(db, session, package, contents, known=known, trust=trust,
                                           dry_run=False, choices=None, prefer=OURS, details=False,
                                           touched=touched))
            except PackageGap as gap:
                waiting.append((Path(path), gap))
            except AppError as exc:
                skipped.append((Path(path), exc))
            except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
                # a record no check foresaw, failing in the merge: its savepoint is rolled back, the batch goes on
                skipped.append((Path(path), PackageRefused("package.check_failed", file=Path(path).name, reason=(
                    Message("package.reason_nested") if isinstance(exc, RecursionError)
                    else Message("package.reason_error", kind=type(exc).__name__)))))

        # unknown senders' packages are not read ahead: refused here unread, unless trusted at once
        known = None if trust else frozenset(peer.fingerprint for peer in trusted_senders(db))
        with closing(prefetched(list(paths), trusted=known)) as ahead:  # read and checked in a second process
            for done, (path, read) in enumerate(ahead):
                if progress is not None:
                    progress(done, len(paths), path.name)
                one(path, read)
                if (done + 1) % BATCH_COMMIT == 0:
                    _refresh(session, touched)
                    touched.clear()
                    session.commit()
                    session.expunge_all()
        while waiting:  # each round imports those whose predecessor has come meanwhile
            again, waiting = waiting, []
            for path, _gap in again:
                one(path)
            if len(waiting) == len(again):
                break
        skipped.extend(waiting)  # still without their predecessor: reported with the reason
        _refresh(session, touched)
        session.commit()
        if progress is not None:
            progress(len(paths), len(paths), "")
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    return BatchImport(imported, skipped, made)


def _moment(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except (TypeError, ValueError):
        return utcnow()


def _store_evidence(db: Database, session: Any, package: Any, contents: Contents) -> None:
    """Put the package's evidence files into the evidence folder and name them on their rows."""
    from desktop_app.services.evidence import evidence_folder

    if not contents.evidence and not contents.tables["evidence_files"]:
        return  # nothing to name: rows still waiting for their file wait for a package that brings it
    folder = evidence_folder(db)
    brought = {name[len(EVIDENCE_PREFIX):] for name in contents.evidence}
    for row_id, sha, file_name in rows_db.unnamed_evidence(session):
        stored = sha + Path(file_name).suffix.lower()[:10]  # as desktop_app.io.evidence_store names them
        if sha in brought and not (folder / stored).is_file():
            folder.mkdir(parents=True, exist_ok=True)
            package.extract(EVIDENCE_PREFIX + sha, folder / stored)
        rows_db.name_evidence(session, row_id, stored)


def count_line(counts: dict[str, int]) -> str:
    """The counts in one Vietnamese line."""
    names = {"new": "mới", "updated": "cập nhật", "unchanged": "không đổi", "conflict": "xung đột",
             "refused": "bị từ chối"}
    line = ", ".join(f"{names[k]}: {counts.get(k, 0)}" for k in KINDS)
    return line[:1].upper() + line[1:]
