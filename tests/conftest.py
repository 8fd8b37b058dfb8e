"""Shared fixtures: offscreen Qt, isolated user folders, a fresh migrated SQLite file per test."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: no screen in CI, and never touch the real user's settings or data folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="cds-test-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

from db.engine import Database, open_database  # noqa: E402

DATA = Path(__file__).parent / "data"
NAM_HONG = DATA / "nam_hong_phu_luc_1.txt"
MINH_TAN = DATA / "minh_tan_phu_luc_1.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's database file lives."""
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh database migrated to the newest schema."""
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def qapp():  # type: ignore[no-untyped-def]
    """pytest-qt's application, set up as the program sets it up (names, Vietnamese, font)."""
    from desktop_app.ui.app import make_app

    return make_app([])


@pytest.fixture(autouse=True)
def _no_answers_from_earlier_tests() -> Iterator[None]:
    """A message-box answer a test scheduled but never used must not click another test's dialog."""
    from tests.qt_helpers import forget_pending_answers

    forget_pending_answers()
    yield
    forget_pending_answers()
