"""A folder of packages imported at once (a province): read and checked in a second process ahead of the
merge (the same records as reading them here, in order, refused ones left for the importer to explain), one
savepoint per package, the change log whole afterwards."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from db.audit_schema import AUDITED, insert_trigger_name
from desktop_app.services.exchange import import_packages
from desktop_app.services.exchange_contents import (
    PREFETCH_FROM,
    prefetched,
    read_checked,
)
from desktop_app.services.importing import import_file
from tests.conftest import NAM_HONG, new_database
from tests.exchange_helpers import content, incremental_packages


@pytest.fixture
def commune(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = new_database(tmp_path / "xa" / "du_lieu.sqlite3")
    plan = import_file(db, path=NAM_HONG).plan_id
    yield db, plan
    db.close()


def test_the_reader_process_gives_what_reading_here_gives(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, plan = commune
    paths = incremental_packages(db, plan, tmp_path / "goi", PREFETCH_FROM)
    broken = tmp_path / "goi" / "hong.cdsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    tampered = tmp_path / "goi" / "sua.cdsx"
    shutil.copy(paths[0], tampered)
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one changed byte
    tampered.write_bytes(bytes(data))
    order = [paths[0], broken, *paths[1:4], tampered, *paths[4:]]

    got = list(prefetched(order))

    assert [path for path, _read in got] == order
    for path, read in got:
        if path in (broken, tampered):
            assert read is None  # refused there: the importer reads it again to give the reason
            continue
        assert read is not None  # read by the other process (reading here gives None)
        package, contents = read
        here_package, here_contents = read_checked(path)
        assert package.sha256 == here_package.sha256 and package.follows == here_package.follows
        assert package.kept == {}  # the JSON bytes stay in the reader: the records carry them
        assert contents == here_contents


def test_a_killed_reader_leaves_the_reading_to_the_importer(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, plan = commune
    paths = incremental_packages(db, plan, tmp_path / "goi", PREFETCH_FROM + 2)
    ahead = prefetched(paths)
    first = next(ahead)
    assert first == (paths[0], first[1]) and first[1] is not None
    readers = multiprocessing.active_children()
    assert readers  # the reader process
    for reader in readers:
        os.kill(reader.pid, signal.SIGKILL)
        reader.join(10)
    rest = list(ahead)
    assert [path for path, _read in rest] == paths[1:]  # every path still comes, in order
    assert rest[-1][1] is None  # those not read ahead before the kill are read by the importer


def test_few_packages_are_read_here() -> None:
    paths = [Path(f"goi_{n}.cdsx") for n in range(PREFETCH_FROM - 1)]
    assert list(prefetched(paths)) == [(p, None) for p in paths]


def test_a_folder_imported_through_the_reader(commune, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, plan = commune
    paths = incremental_packages(db, plan, tmp_path / "goi", PREFETCH_FROM + 1)
    broken = tmp_path / "goi" / "hong.cdsx"
    broken.write_bytes(b"not a zip at all")
    province = new_database(tmp_path / "tinh" / "du_lieu.sqlite3")
    try:
        seen: list[str] = []
        # newest first: each incremental package waits for the one it follows on from
        batch = import_packages(province, paths=[broken, *reversed(paths)], trust=True,
                                progress=lambda _done, _total, name: seen.append(name))
        assert [path for path, _error in batch.skipped] == [broken]
        assert "hong.cdsx" in batch.skipped[0][1].full_message()
        assert sorted(o.file for o in batch.imported) == [p.name for p in paths]
        assert seen == [broken.name, *(p.name for p in reversed(paths)), ""]
        assert content(province) == content(db)
        con = sqlite3.connect(province.path)
        try:  # the per-row insert entries, suspended for each package, are back for what comes next
            triggers = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
            assert {insert_trigger_name(table) for table in AUDITED} <= triggers
            assert con.execute("SELECT count(*) FROM audit_log WHERE who IS NULL").fetchone()[0] == 0
            sources = {source for (source,) in con.execute("SELECT DISTINCT source FROM audit_log")}
            assert any(paths[0].name in source for source in sources)  # each package's entries name it
            assert any(paths[-1].name in source for source in sources)
        finally:
            con.close()
    finally:
        province.close()
