"""Refused files leave the database exactly as it was, through the service and through the CLI
(exit 2, message on stderr, under 5 s and 500 MB in a separate process)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from db.engine import Database
from desktop_app.errors import FileRefused
from desktop_app.services.importing import import_file
from tests.conftest import NAM_HONG
from tests.test_bad_input import CASES, valid_docx, valid_xlsx


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def filled(db: Database) -> Database:
    import_file(db, path=NAM_HONG)
    return db


NAMES = [case[0] for case in CASES]


@pytest.mark.parametrize(("name", "make"), [(c[0], c[1]) for c in CASES], ids=NAMES)
def test_refused_file_changes_nothing(filled: Database, db_path: Path, tmp_path: Path, name: str,
                                      make: Callable[[], bytes]) -> None:
    bad = tmp_path / name
    bad.write_bytes(make())
    before = _dump(db_path)
    with pytest.raises(FileRefused) as err:
        import_file(filled, path=bad)
    assert name in err.value.full_message()
    assert _dump(db_path) == before


def _docx_without_appendix() -> bytes:
    return valid_docx()  # a title and a table, but no header row with Stt / Chỉ tiêu / … columns


@pytest.mark.parametrize(("name", "make", "words"), [
    ("khong_phu_luc.docx", _docx_without_appendix, ["chưa chắc vai trò của các cột", "--columns"]),
])
def test_tables_that_are_not_an_appendix(filled: Database, db_path: Path, tmp_path: Path, name: str,
                                         make: Callable[[], bytes], words: list[str]) -> None:
    bad = tmp_path / name
    bad.write_bytes(make())
    before = _dump(db_path)
    with pytest.raises(FileRefused) as err:
        import_file(filled, path=bad)
    for word in words:
        assert word in err.value.full_message()
    assert _dump(db_path) == before


def test_a_short_header_of_number_text_and_deadline_is_an_appendix(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "ngan.xlsx"
    path.write_bytes(valid_xlsx())  # "Stt | Chỉ tiêu | Thời hạn": refused by the first importer, read now
    result = import_file(db, path=path)
    assert result.items == 1


def _children_seconds() -> float:
    """CPU seconds used so far by the finished child processes (the work done, whatever else the machine runs;
    wall-clock time where the platform cannot tell)."""
    try:
        import resource
    except ImportError:  # Windows
        return time.monotonic()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


HEAVY = ["ngau_nhien.bin", "cut.docx", "cut.xlsx", "bom_sst.xlsx", "bom8.docx", "bom_nen.docx", "noi_doi.docx"]


@pytest.mark.parametrize("name", HEAVY)
def test_cli_refuses_within_5_seconds_and_500_mb(filled: Database, db_path: Path, tmp_path: Path, name: str) -> None:
    make = next(c[1] for c in CASES if c[0] == name)
    bad = tmp_path / name
    bad.write_bytes(make())
    before = _dump(db_path)
    filled.close()
    start = _children_seconds()
    proc = subprocess.run(
        [sys.executable, "-c",
         "import sys; from tests.memory import peak_rss_mb; from desktop_app.cli import main; "
         "code = main(sys.argv[1:]); sys.stderr.write(f'\\nPEAK_MB={peak_rss_mb():.1f}\\n'); sys.exit(code)",
         "--db", str(db_path), "import", str(bad)],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    elapsed = _children_seconds() - start
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert name in proc.stderr
    max_rss_mb = float(proc.stderr.rsplit("PEAK_MB=", 1)[1])
    assert elapsed < 5, f"{elapsed:.1f} s"
    assert max_rss_mb < 500, f"{max_rss_mb:.0f} MB"
    assert _dump(db_path) == before
