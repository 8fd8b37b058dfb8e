"""Crash safety (bench/crash_test.py): a worker importing, recording, editing, merging units and backing up is
killed with SIGKILL at random moments; nothing committed may be lost and nothing may be left half-written."""

from __future__ import annotations

import importlib.util
import json
import signal
import sqlite3
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

_SPEC = importlib.util.spec_from_file_location(
    "crash_test", Path(__file__).resolve().parent.parent / "bench" / "crash_test.py")
assert _SPEC is not None and _SPEC.loader is not None
crash_test = importlib.util.module_from_spec(_SPEC)
sys.modules["crash_test"] = crash_test
_SPEC.loader.exec_module(crash_test)


def test_twenty_kills_leave_a_clean_database(tmp_path: Path) -> None:
    outcome = crash_test.run(20, seed=7, folder=tmp_path, delay=(0.05, 0.5), echo=False)
    assert outcome.problems == []
    assert (outcome.clean, outcome.total) == (20, 20)
    # the kills landed while work was being done, not before it started
    assert outcome.ops.get("record", 0) > 0 and outcome.ops.get("import", 0) > 0


def _seeded(tmp_path: Path) -> tuple[Path, Path, int]:
    seed, items = crash_test.make_seed(tmp_path / "seed")
    db_path = crash_test.fresh_copy(seed, tmp_path / "work")
    return db_path, tmp_path / "work" / "journal.jsonl", items


def _journal(path: Path, *entries: dict) -> None:
    with path.open("a", encoding="utf-8") as f:
        for e in entries:
            f.write(json.dumps(e) + "\n")


def test_the_check_finds_a_half_import_a_lost_edit_and_a_half_backup(tmp_path: Path) -> None:
    db_path, journal, items = _seeded(tmp_path)
    assert crash_test.check(db_path, journal, items) == []

    con = sqlite3.connect(db_path)
    item = con.execute("SELECT max(id) FROM items").fetchone()[0]
    with con:
        con.execute("DELETE FROM items WHERE id = ?", (item,))
    con.close()
    _journal(journal, {"kind": "done", "op": "edit", "item": item - 1, "text": "never saved"},
             {"kind": "done", "op": "package", "sha": "ab" * 32, "path": "goi.cdsx", "report": "r", "value": "1"})
    half = tmp_path / "work" / "backups" / "crash.20260101-000000.sqlite3"
    half.parent.mkdir()
    half.write_bytes(db_path.read_bytes()[:5000])
    (half.parent / "crash.20260101-000001.sqlite3.tmp").write_bytes(b"half")  # allowed: a temporary name

    problems = " | ".join(crash_test.check(db_path, journal, items))
    assert "half import" in problems
    assert f"edit of item {item - 1} lost" in problems
    assert "crash.20260101-000000.sqlite3 under its final name is damaged" in problems
    assert "merged package abababababab is not recorded" in problems
    assert ".tmp" not in problems


def test_the_operation_in_flight_may_be_either_committed_or_not(tmp_path: Path) -> None:
    db_path, journal, items = _seeded(tmp_path)
    con = sqlite3.connect(db_path)
    item = con.execute("SELECT min(id) FROM items").fetchone()[0]
    text = con.execute("SELECT text FROM items WHERE id = ?", (item,)).fetchone()[0]
    con.close()
    _journal(journal, {"kind": "done", "op": "edit", "item": item, "text": text},
             {"kind": "begin", "op": "edit", "item": item, "text": "not yet"})
    assert crash_test.check(db_path, journal, items) == []


def test_an_operation_cut_off_earlier_may_have_committed_too(tmp_path: Path) -> None:
    # killed after its commit but before its "done" line; the next worker's lines follow it
    db_path, journal, items = _seeded(tmp_path)
    con = sqlite3.connect(db_path)
    first, second = (r[0] for r in con.execute("SELECT id FROM items ORDER BY id LIMIT 2"))
    other = con.execute("SELECT text FROM items WHERE id = ?", (second,)).fetchone()[0]
    with con:
        con.execute("UPDATE items SET text = 'đã lưu' WHERE id = ?", (first,))
    con.close()
    _journal(journal, {"kind": "done", "op": "edit", "item": first, "text": "trước"},
             {"kind": "begin", "op": "edit", "item": first, "text": "đã lưu"},
             {"kind": "begin", "op": "edit", "item": second, "text": other},
             {"kind": "done", "op": "edit", "item": second, "text": other})
    assert crash_test.check(db_path, journal, items) == []
    _journal(journal, {"kind": "done", "op": "edit", "item": first, "text": "sau"})  # a later edit is lost
    assert crash_test.check(db_path, journal, items) == [f"edit of item {first} lost: 'đã lưu', journal ['sau']"]
