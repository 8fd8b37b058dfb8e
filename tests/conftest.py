"""Shared fixtures: offscreen Qt, isolated user folders, a fresh migrated SQLite file per test (a copy of one
file migrated once per session)."""

from __future__ import annotations

import functools
import os
import shutil
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
from desktop_app.services.workspace import Workspace

DATA = Path(__file__).parent / "data"
NAM_HONG = DATA / "nam_hong_phu_luc_1.txt"
MINH_TAN = DATA / "minh_tan_phu_luc_1.txt"


@functools.cache
def _migrated_template() -> Path:
    """A database file brought to the newest schema by the program itself (open_database runs every migration
    on a new file), made once per test process (each pytest-xdist worker has its own)."""
    path = Path(_HOME) / "template" / "schema.sqlite3"
    open_database(path).close()  # every connection closed: nothing left in a -wal or -shm file beside it
    others = sorted(p.name for p in path.parent.iterdir() if p != path)
    assert not others, f"the template is not one self-contained file: {others}"
    return path


def new_database(path: Path) -> Workspace:
    """A new database at path at the newest schema, opened as the program opens an existing one (a session of
    work on it, as the window and the command line hold one): a copy of the
    session's migrated template, so that the migrations run once per session instead of once per database
    (about 0.1 s each). Tests of the migrations themselves call open_database on a new or old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        raise FileExistsError(path)
    shutil.copyfile(_migrated_template(), path)
    return Workspace.on(open_database(path))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's database file lives."""
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh database at the newest schema (a copy of the session's migrated template)."""
    database = new_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def qapp():  # type: ignore[no-untyped-def]
    """pytest-qt's application, set up as the program sets it up (names, Vietnamese, font)."""
    from desktop_app.ui.app import make_app

    return make_app([])


@pytest.fixture(autouse=True)
def _no_windows_from_earlier_tests() -> None:
    """The windows of earlier tests are closed and only scheduled for deletion (pytest-qt's deleteLater): they
    go now. One of them still counted as the active window would otherwise become the parent of a box this
    test opens, and take the box with it when deleted inside the box's event loop (which test ran just before
    depends on the order, e.g. in a pytest-xdist worker)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _no_answers_from_earlier_tests() -> Iterator[None]:
    """A message-box answer a test scheduled but never used must not click another test's dialog."""
    from tests.qt_helpers import forget_pending_answers

    forget_pending_answers()
    yield
    forget_pending_answers()
