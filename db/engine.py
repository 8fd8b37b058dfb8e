"""Opening the SQLite database: pragmas, Alembic migrations at start-up, and the session factory."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db import audit
from db.backup import BackupFailed, backup_copy
from desktop_app.errors import AppError, DatabaseBusy, DatabaseMissing, DatabaseUnwritable
from desktop_app.messages import Message, Verbatim

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
BACKUP_DIR_NAME = "backups"  # beside the database; the daily backups go there too


class DatabaseError(AppError):
    """The database file cannot be opened or migrated."""


class DatabaseTooNew(DatabaseError):
    """The file was written by a newer program (a schema revision this one does not know); left untouched."""


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Foreign keys are off by default in SQLite; WAL lets a reader and a writer work at once.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def file_identity(path: Path) -> tuple[int, int] | None:
    """The file's (device, inode); None when nothing is at path."""
    try:
        facts = os.stat(path)
    except OSError:
        return None
    return facts.st_dev, facts.st_ino


_BUSY, _READONLY, _IOERR, _FULL, _CANTOPEN = {5, 6}, 8, 10, 13, 14  # SQLite's primary result codes


def storage_error(exc: BaseException, path: Path) -> AppError | None:
    """The coded error for SQLite failing to write the file at path (the lock held elsewhere beyond the busy
    timeout, a full disk, a read-only file, a disk error); None for any other error."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    primary = code & 0xFF
    if primary == _CANTOPEN and not path.exists():
        return DatabaseMissing("db.file_gone", path=str(path))
    if primary in _BUSY:
        return DatabaseBusy("db.locked", path=str(path))
    if primary == _FULL:
        return DatabaseUnwritable("db.disk_full", path=str(path))
    if primary == _READONLY:
        return DatabaseUnwritable("db.read_only", path=str(path))
    if primary == _IOERR:
        return DatabaseUnwritable("db.disk_error", path=str(path), reason=Verbatim(str(orig)))
    return None


def _translate_errors(engine: Engine, path: Path) -> None:
    """SQLite's failures to write, raised as coded errors wherever a statement or a commit meets them."""

    @event.listens_for(engine, "handle_error")
    def _coded(context: Any) -> None:
        error = storage_error(context.original_exception, path)
        if error is not None:
            raise error from context.original_exception


def _alembic_config() -> Config:
    # Alembic (with Mako and Pygments) takes 0.1 s to import: only when there is something to migrate.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


DEFAULT_SOURCE = "Chương trình"


@dataclass
class Database:
    """An open database: the engine, its path, and a factory of sessions. It holds nobody's session of work:
    who is working, from where and signed in as whom is services.workspace.Workspace's (a Database in turn)."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    file_id: tuple[int, int] | None = None
    """The file's (device, inode) when it was opened: a file deleted or replaced since is not written."""

    def stamp(self) -> tuple[str, str]:
        """Who and what source the audit trail names on what a transaction writes: here the computer's user
        and the program; a session of work (services.workspace.Workspace) names the officer and the GUI or
        the command line."""
        return os_user_name(), DEFAULT_SOURCE

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on any error."""
        self.check_file()
        session = self.sessions()
        session.info["stamp"] = self.stamp()
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

    def check_file(self) -> None:
        """DatabaseMissing when the file opened is no longer at its path (deleted, moved, or replaced by another
        file): written now, the work would go into a file nobody will open again."""
        if self.file_id is not None and file_identity(self.path) != self.file_id:
            raise DatabaseMissing("db.file_gone", path=str(self.path))

    def close(self) -> None:
        """Release every connection to the file."""
        self.engine.dispose()


def _migration_engine(path: Path) -> Engine:
    """An engine for migrating only. Python 3.11's sqlite3 module issues no BEGIN before DDL (CREATE, ALTER,
    DROP ran in autocommit mode, so a migration failing halfway left half a schema), so the module's own
    transaction handling is switched off and BEGIN IMMEDIATE is emitted explicitly: every statement of every
    revision, DDL included, is then in one SQLite transaction. Foreign keys are off for the whole connection
    (SQLite rebuilds a table to alter it; with them on, dropping the old copy would fail or cascade; the
    pragma has no effect inside a transaction) and checked before the commit."""
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool,
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=OFF")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock now: a second copy of the program waits

    return engine


def _revision_on_disk(path: Path) -> tuple[bool, str | None]:
    """Whether an existing file holds any schema at all, and its Alembic revision (None when it has none).
    Read through a read-only connection, so that a file this program refuses is not changed in any byte."""
    if not path.exists() or path.stat().st_size == 0:
        return False, None
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in names:
            return bool(names), None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return True, row[0] if row else None
    finally:
        con.close()


def _newer_program(path: Path, current: str) -> DatabaseTooNew:
    return DatabaseTooNew("db.newer_program", file=str(path), revision=current)


def backup_path_before_upgrade(path: Path, revision: str | None, now: datetime | None = None) -> Path:
    """Where the copy made before upgrading from revision goes: the «backups» folder beside the database,
    e.g. backups/du_lieu.truoc-nang-cap-0001-20261124-153000.sqlite3 (never an existing file's name)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = path.parent / BACKUP_DIR_NAME
    base = f"{path.stem}.truoc-nang-cap-{revision or '0000'}-{stamp}"
    candidate = folder / f"{base}{path.suffix}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{base}-{counter}{path.suffix}"
        counter += 1
    return candidate


def _short(exc: BaseException) -> Message:
    """The database's own words for an error, without SQLAlchemy's statement dump."""
    if isinstance(exc, AppError):
        return exc.coded
    orig = getattr(exc, "orig", None)
    if orig is not None:
        return Verbatim(str(orig).strip() or type(orig).__name__)
    detail = str(exc).strip()
    return Verbatim(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__)


def _upgrade(path: Path, cfg: Config, head: str | None, known: set[str]) -> None:
    """Run every pending revision, then check foreign keys and the file, all in one transaction: on any
    error SQLite rolls back and the file keeps exactly its former content."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    engine = _migration_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            current = MigrationContext.configure(conn).get_current_revision()
            if current is not None and current not in known:  # a newer program got there first
                raise _newer_program(path, current)
            if current != head:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseError("db.upgrade_broke_links", file=str(path), count=len(broken))
            problems = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
            if problems != ["ok"]:
                raise DatabaseError("db.upgrade_check_failed", file=str(path), problems="; ".join(problems[:5]))
    finally:
        engine.dispose()


_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=]*)?=\s*(?:None|["']([\w-]+)["'])\s*(?:#.*)?$""",
                            re.MULTILINE)


def _head_from_files() -> str | None:
    """The newest revision, read from the text of the revision files without importing Alembic (the usual
    start, with nothing to migrate, stays fast); None when the files do not show one plain chain of revisions,
    and Alembic then decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = list((MIGRATIONS_DIR / "versions").glob("*.py"))
        for file in files:
            found = {m[1]: m[2] for m in _REVISION_LINE.finditer(file.read_text(encoding="utf-8"))}
            if not found.get("revision") or "down_revision" not in found:
                return None
            revisions.add(found["revision"])
            if found["down_revision"]:
                parents.add(found["down_revision"])
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - parents
    if len(revisions) != len(files) or len(heads) != 1 or not parents <= revisions:
        return None
    return heads.pop()


_EXPECTED: dict[str, dict[tuple[str, str], str]] = {}


def expected_schema(revision: str) -> dict[tuple[str, str], str]:
    """What the program's own migrations make at revision: {(type, name): normalized CREATE statement} of every
    table, index, trigger and view (db.backup.schema_of), built once per revision in a temporary database."""
    if revision not in _EXPECTED:
        import tempfile

        from alembic import command

        from db.backup import schema_of

        cfg = _alembic_config()
        with tempfile.TemporaryDirectory(prefix="cds-schema-") as folder:
            path = Path(folder) / "schema.sqlite3"
            engine = _migration_engine(path)
            try:
                with engine.connect() as conn, conn.begin():
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, revision)
            finally:
                engine.dispose()
            _EXPECTED[revision] = schema_of(path)
    return dict(_EXPECTED[revision])


def known_revisions() -> set[str]:
    """Every schema revision this program knows (a file at another one was written by a newer program)."""
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _migrate(path: Path) -> None:
    """Bring the file at path to the newest schema. A brand-new file is simply created; an older one is
    first copied into «backups» beside it (online backup API, checked), then upgraded in one transaction
    and checked; a file from a newer program is refused and left untouched."""
    has_schema, current = _revision_on_disk(path)
    if current is not None and current == _head_from_files():
        return
    from alembic.script import ScriptDirectory

    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise _newer_program(path, current)
    if current == head:
        return
    backup = None
    if has_schema:
        backup = backup_path_before_upgrade(path, current)
        try:
            backup_copy(path, backup)
        except BackupFailed as exc:
            raise DatabaseError("db.backup_before_upgrade_failed", file=str(path), reason=exc.coded) from exc
    try:
        _upgrade(path, cfg, head, known)
    except DatabaseTooNew:
        raise  # a newer program upgraded the file meanwhile; nothing was done to it here
    except Exception as exc:
        coded = storage_error(exc, path)
        if coded is not None:
            raise coded from exc  # rolled back: the file is as it was
        if backup is None:
            raise
        raise DatabaseError("db.upgrade_failed", file=str(path), revision=current or "0000", head=head,
                            reason=_short(exc), backup=backup) from exc


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) the database file at path and bring its schema up to date (backing up an
    older file first)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError("db.folder_failed", file=str(path), reason=exc.strerror) from exc
    try:
        _migrate(path)
    except (DatabaseError, DatabaseBusy, DatabaseUnwritable, DatabaseMissing):
        raise
    except Exception as exc:
        coded = storage_error(exc, path)
        if coded is not None:
            raise coded from exc
        raise DatabaseError("db.open_failed", file=str(path), reason=_short(exc)) from exc
    # mode=rw: a connection made after the file was deleted fails instead of making an empty file in its place
    engine = create_engine(f"sqlite:///{path.resolve().as_uri()}?mode=rw&uri=true",
                           connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    _translate_errors(engine, path)
    db = Database(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False),
                  file_id=file_identity(path))

    @event.listens_for(db.sessions, "after_begin")
    def _mark(session: Session, transaction: Any, connection: Any) -> None:  # the entries before are not its own
        if not transaction.nested:
            audit.mark_start(session, connection)

    @event.listens_for(db.sessions, "before_commit")
    def _stamp(session: Session) -> None:  # every entry the transaction wrote gets who and why
        if session.in_nested_transaction():
            return  # a savepoint (one package of a folder import): its entries are stamped when the whole commits
        db.check_file()  # the file deleted or replaced meanwhile: nothing is committed into it
        who, source = session.info.get("stamp") or db.stamp()
        audit.before_commit(session, who=who, source=audit.current_source(source))

    return db


def os_user_name() -> str:
    """The operating system's name for the person logged in (the officer's name until one is set)."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account): the audit says "?"
        return ""
