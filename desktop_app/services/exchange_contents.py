"""A received package read and every record in it checked, before anything touches the database; for many
packages at once (a province's folder), the reading runs in a second process, a few packages ahead of the
merge, so both processor cores work (checking is about a fifth of a bulk import's time)."""

from __future__ import annotations

import multiprocessing
import unicodedata
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from db.audit import PACKAGE_COLUMNS
from db.exchange.check import check_records, checked_audit, checked_rows, checked_tombstones, expected_columns
from db.exchange.schema import SYNCED
from desktop_app.errors import AppError
from desktop_app.io.exchange.package import Header, Package, PackageRefused, read_package
from desktop_app.io.exchange.rules import (
    MAX_JSON_BYTES,
    MAX_PARSED_BYTES,
    JsonRefused,
    parse_json,
    parsed_cost,
    shown,
)
from desktop_app.messages import Message

TOMBSTONES = "records/tombstones.json"
AUDIT = "records/audit.json"
EVIDENCE_PREFIX = "evidence/"
AHEAD = 4  # packages read ahead of the merge: enough to keep the reader busy, little memory (≈1 MB each)
PREFETCH_FROM = 8  # fewer packages than this are read in this process (starting the reader takes ~0.3 s)


def member_of(table: str) -> str:
    """The package member holding a table's records."""
    return f"records/{table}.json"


@dataclass
class Contents:
    """Every record of a package, checked: rows per table, tombstones, evidence member names, change-log
    entries."""

    tables: dict[str, list[list[Any]]]
    tombstones: list[list[Any]]
    evidence: list[str]
    audit: list[list[Any]]


def vet_members(header: Header | Package) -> None:
    """PackageRefused for a member of no known kind or evidence named otherwise than by its hash: called by
    read_package before any member is read."""
    members = header.manifest["members"] if isinstance(header, Package) else header.members
    file = header.path.name if isinstance(header, Package) else header.file
    allowed = {member_of(t) for t in SYNCED} | {TOMBSTONES, AUDIT}
    for name in members:
        if name.startswith(EVIDENCE_PREFIX) and len(name) == len(EVIDENCE_PREFIX) + 64:
            if members[name]["sha256"] != name[len(EVIDENCE_PREFIX):]:
                raise PackageRefused("package.evidence_name_mismatch", file=file, name=shown(name))
        elif name not in allowed:
            raise PackageRefused("package.unknown_part", file=file, name=shown(name))


def _parsed(package: Package, name: str, data: bytes) -> Any:
    try:
        return parse_json(data)
    except JsonRefused as exc:
        raise PackageRefused("package.member_json", file=package.path.name, name=shown(name),
                             reason=exc.coded) from exc


def _contents(package: Package) -> Contents:
    vet_members(package)
    evidence = [name for name in package.members if name.startswith(EVIDENCE_PREFIX)]
    wanted = [name for name in [*map(member_of, SYNCED), TOMBSTONES, AUDIT] if name in package.members]
    for name in wanted:
        if package.size_of(name) > MAX_JSON_BYTES:
            raise PackageRefused("package.member_too_large_to_read", file=package.path.name, name=shown(name),
                                 size=package.size_of(name), limit=MAX_JSON_BYTES)
    raw = {name: package.take(name) for name in wanted}  # as read_package checked them (or read again)
    cost = sum(map(parsed_cost, raw.values()))
    if cost > MAX_PARSED_BYTES:
        raise PackageRefused("package.records_too_costly", file=package.path.name, size=cost,
                             limit=MAX_PARSED_BYTES)
    # one member parsed and checked at a time, its text and parsed form let go before the next
    tables: dict[str, list[list[Any]]] = {}
    for table in SYNCED:
        member = member_of(table)
        tables[table] = checked_rows(table, _parsed(package, member, raw.pop(member)), member=member) \
            if member in raw else []
    check_records(tables, member_of=member_of)
    _file_names_safe(package, tables["evidence_files"])
    tombs = checked_tombstones(_parsed(package, TOMBSTONES, raw.pop(TOMBSTONES)), member=TOMBSTONES) \
        if TOMBSTONES in raw else []
    trail = checked_audit(_parsed(package, AUDIT, raw.pop(AUDIT)), member=AUDIT, columns=PACKAGE_COLUMNS) \
        if AUDIT in raw else []
    return Contents(tables, tombs, evidence, trail)


def _file_names_safe(package: Package, rows: list[list[Any]]) -> None:
    """PackageRefused for an evidence file name with a control character (a NUL cannot name a file)."""
    at = expected_columns("evidence_files").index("file_name")
    for number, row in enumerate(rows, 1):
        name = row[at]
        if isinstance(name, str) and any(unicodedata.category(c)[0] == "C" for c in name):
            raise PackageRefused("package.evidence_bad_name", file=package.path.name, row=number, name=shown(name))


def contents_of(package: Package) -> Contents:
    """Every record of the package, checked, before anything is written. Any failure of the checking is a
    refusal of this package (PackageRefused with the reason), never another exception."""
    try:
        return _contents(package)
    except AppError:
        raise
    except RecursionError as exc:
        raise PackageRefused("package.check_failed", file=package.path.name,
                             reason=Message("package.reason_nested")) from exc
    except Exception as exc:  # noqa: BLE001 - a hostile record this program did not foresee: refused, not a crash
        raise PackageRefused("package.check_failed", file=package.path.name,
                             reason=Message("package.reason_error", kind=type(exc).__name__)) from exc


def read_checked(path: Path, *, vet: Callable[[Header], object] | None = None) -> tuple[Package, Contents]:
    """The package at path and its records, every check passed (PackageRefused otherwise). vet, given the
    verified header before any member is read, may refuse it first (the sender's trust)."""

    def vetted(header: Header) -> None:
        vet_members(header)
        if vet is not None:
            vet(header)

    package = read_package(Path(path), vet=vetted)
    return package, contents_of(package)


def _read_in_reader(path: str, trusted: frozenset[str] | None) -> tuple[Package, Contents] | None:
    """In the reader process: the package and its records, the JSON bytes left behind (the records carry
    them); None when any check failed (the importer reads that one itself, to give the reason), or when
    trusted (fingerprints) is given and the sender is not among them (the importer refuses it unread)."""

    def vet(header: Header) -> None:
        if trusted is not None and header.fingerprint not in trusted:
            # not shown: the importer reads the header again and refuses the package as UnknownSender
            raise PackageRefused("exchange.unknown_sender", sender=header.sender_name, fingerprint=header.fingerprint)

    try:
        package, contents = read_checked(Path(path), vet=vet)
    except Exception:  # noqa: BLE001 - the importer repeats the reading and reports what was wrong
        return None
    return replace(package, kept={}), contents


def prefetched(paths: list[Path], *, trusted: frozenset[str] | None = None) -> Generator[tuple[Path, tuple[Package, Contents] | None], None, None]:
    """Each path with its package and checked records read ahead in a second process, in order; None for
    one the reader could not give (a refused package, or no reader process at all): the caller reads it
    with read_checked, which raises the reason. trusted: the fingerprints of the senders whose packages are read
ahead (None: any sender). Fewer than PREFETCH_FROM packages are not read ahead."""
    pool = None
    if len(paths) >= PREFETCH_FROM:
        try:  # spawn: the same on Windows and Linux, and safe beside Qt's threads (fork is not)
            pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        except (OSError, ValueError, ImportError, NotImplementedError):  # no working semaphores (sem_open)
            pool = None
    pending: deque[Future[tuple[Package, Contents] | None]] = deque()  # consumed ones are let go at once
    submitted, broken = 0, pool is None  # pending[0], when there is one, is the current path's
    try:
        for path in paths:
            while pool is not None and not broken and submitted < len(paths) and len(pending) < AHEAD:
                try:
                    pending.append(pool.submit(_read_in_reader, str(paths[submitted]), trusted))
                    submitted += 1
                except (RuntimeError, OSError):  # the reader broke or could not start: read here from now on
                    broken = True
            read = None
            if pending:
                try:
                    read = pending.popleft().result()
                except Exception:  # noqa: BLE001 - a broken reader: this package is read here instead
                    read = None
            yield Path(path), read
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

