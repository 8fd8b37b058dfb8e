"""Opening the SQLite database: pragmas, Alembic migrations at start-up, and the session factory."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.errors import AppError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


class DatabaseError(AppError):
    """The database file cannot be opened or migrated."""


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Foreign keys are off by default in SQLite; WAL lets a reader and a writer work at once.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@dataclass
class Database:
    """An open database: the engine, its path, and a factory of sessions."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only; nothing it does is committed."""
        session = self.sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        """Release every connection to the file."""
        self.engine.dispose()


def _migrate(engine: Engine, path: Path) -> None:
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        conn.commit()
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise DatabaseError(
                f"Cơ sở dữ liệu được tạo bởi phiên bản chương trình mới hơn (lược đồ {current}); "
                "hãy cập nhật chương trình trước khi mở tệp này.",
                file=str(path),
            )
        if current == head:
            return
        # SQLite rebuilds a table to alter it; with foreign keys on, dropping the old copy would fail or
        # cascade. They are switched off around the migration (outside any transaction, as SQLite needs)
        # and the result is checked before the transaction commits.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()  # ends SQLAlchemy's autobegun transaction; SQLite itself began none for a PRAGMA
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError(f"Nâng cấp cơ sở dữ liệu làm hỏng liên kết dữ liệu ({len(broken)} dòng).",
                                        file=str(path))
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) the database file at path and bring its schema up to date."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Không tạo được thư mục chứa cơ sở dữ liệu: {exc.strerror}", file=str(path)) from exc
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    try:
        _migrate(engine, path)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise DatabaseError(f"Không mở được cơ sở dữ liệu: {exc}", file=str(path)) from exc
    return Database(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
