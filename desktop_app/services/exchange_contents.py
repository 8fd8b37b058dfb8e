"""A received package read and every record in it checked, before anything touches the database; for many
packages at once (a province's folder), the reading runs in a second process, a few packages ahead of the
merge, so both processor cores work (checking is about a fifth of a bulk import's time)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Generator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from db.audit import PACKAGE_COLUMNS
from db.exchange.check import check_records, checked_audit, checked_rows, checked_tombstones
from db.exchange.schema import SYNCED
from desktop_app.io.exchange.package import Package, PackageRefused, read_package

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


def contents_of(package: Package) -> Contents:
    """Every record of the package, checked, before anything is written."""
    allowed = {member_of(t) for t in SYNCED} | {TOMBSTONES, AUDIT}
    evidence = []
    for name in package.members:
        if name.startswith(EVIDENCE_PREFIX) and len(name) == len(EVIDENCE_PREFIX) + 64:
            if package.manifest["members"][name]["sha256"] != name[len(EVIDENCE_PREFIX):]:
                raise PackageRefused("package.evidence_name_mismatch", file=package.path.name, name=name)
            evidence.append(name)
        elif name not in allowed:
            raise PackageRefused("package.unknown_part", file=package.path.name, name=name)
    wanted = [name for name in [*map(member_of, SYNCED), TOMBSTONES, AUDIT] if name in package.members]
    data = package.read_json_many(wanted)  # one pass over the file, every member's hash checked again
    tables = {table: checked_rows(table, data[member_of(table)], member=member_of(table))
              if member_of(table) in data else [] for table in SYNCED}
    check_records(tables, member_of=member_of)
    tombs = checked_tombstones(data[TOMBSTONES], member=TOMBSTONES) if TOMBSTONES in data else []
    trail = checked_audit(data[AUDIT], member=AUDIT, columns=PACKAGE_COLUMNS) if AUDIT in data else []
    return Contents(tables, tombs, evidence, trail)


def read_checked(path: Path) -> tuple[Package, Contents]:
    """The package at path and its records, every check passed (PackageRefused otherwise)."""
    package = read_package(Path(path))
    return package, contents_of(package)


def _read_in_reader(path: str) -> tuple[Package, Contents] | None:
    """In the reader process: the package and its records, the JSON bytes left behind (the records carry
    them); None when any check failed (the importer reads that one itself, to give the reason)."""
    try:
        package, contents = read_checked(Path(path))
    except Exception:  # noqa: BLE001 - the importer repeats the reading and reports what was wrong
        return None
    return replace(package, kept={}), contents


def prefetched(paths: list[Path]) -> Generator[tuple[Path, tuple[Package, Contents] | None], None, None]:
    """Each path with its package and checked records read ahead in a second process, in order; None for
    one the reader could not give (a refused package, or no reader process at all): the caller reads it
    with read_checked, which raises the reason. Fewer than PREFETCH_FROM packages are not read ahead."""
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
                    pending.append(pool.submit(_read_in_reader, str(paths[submitted])))
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

