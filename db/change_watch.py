"""Noticing that the database file was changed by another connection: another copy of the program, or this one."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from db.engine import BUSY_TIMEOUT_MS, Database


class ChangeWatch:
    """One read-only sqlite3 connection of its own (not from the SQLAlchemy pool) that answers "did anyone
    commit since I last asked?" with PRAGMA data_version. That number changes when any *other* connection
    commits, the connections of this process's own engine included: a window that already shows its own
    saves must expect to be told about them too (and find nothing new to show)."""

    def __init__(self, path: str | Path, *, engine: Engine | None = None) -> None:
        """Watch the file at path; with engine, let the file go whenever engine.dispose() (Database.close)
        releases its connections, and take it up again on the next poll, as the engine does on its next use."""
        self.path = Path(path)
        self._lock = threading.Lock()  # Database.close (which suspends this) may run on another thread
        self._con: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._closed = False
        self._engine = engine
        if engine is not None:
            event.listen(engine, "engine_disposed", self._released)

    def _connect(self) -> sqlite3.Connection:
        # Autocommit: the pragma then runs outside any transaction, so no read snapshot is ever held open
        # (an open one would stop SQLite from checkpointing the WAL).
        con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                              timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        self._seen = con.execute("PRAGMA data_version").fetchone()[0]
        return con

    def changed(self) -> bool:
        """Whether another connection committed since the last call (or since the watch opened); the first
        call after a reconnection answers True, since what happened meanwhile is unknown."""
        with self._lock:
            if self._closed:
                return False
            try:
                if self._con is None:
                    reopened = self._seen is not None
                    self._con = self._connect()
                    return reopened
                version = self._con.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                self._drop()  # the file is gone or unreadable for now: try again on the next call
                return False
            if version == self._seen:
                return False
            self._seen = version
            return True

    def seen(self) -> None:
        """Take whatever was committed until now as already known (the next changed() answers False unless
        someone commits after this call)."""
        self.changed()

    def suspend(self) -> None:
        """Release the file until the next changed() (when the Database releases every connection, e.g.
        before a backup is restored over the file)."""
        with self._lock:
            self._drop()

    def close(self) -> None:
        """Release the file for good; changed() answers False from now on."""
        with self._lock:
            self._drop()
            self._closed = True
        if self._engine is not None and event.contains(self._engine, "engine_disposed", self._released):
            event.remove(self._engine, "engine_disposed", self._released)

    def _released(self, _engine: Any) -> None:
        self.suspend()

    @property
    def closed(self) -> bool:
        """Whether close() was called."""
        return self._closed

    def _drop(self) -> None:
        if self._con is not None:
            try:
                self._con.close()
            except sqlite3.Error:
                pass  # closing a connection to a vanished file: nothing more to release
            self._con = None

    def __enter__(self) -> ChangeWatch:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()


def watch_database(db: Database) -> ChangeWatch:
    """A ChangeWatch on db's file, already holding the version seen now, that lets the file go whenever
    db.close() releases its connections; close() it when done."""
    watch = ChangeWatch(db.path, engine=db.engine)
    watch.changed()
    return watch
