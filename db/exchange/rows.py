"""Reading and writing synced rows by UUID for data packages, in plain SQL over the content columns of
db.exchange.schema (values in their stored form: text, integers, NULL), fast enough for millions of rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from db.exchange.schema import NOW_SQL, REFERENCES, SYNCED

CHUNK = 500
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    # rows that two installations may create independently for the same thing
    "units": ("key",),
    "periods": ("plan_id", "kind", "basis", "start"),
    "deadlines": ("item_id",),
    "assignments": ("item_id", "unit_id", "role"),
    "progress_reports": ("item_id", "unit_id", "period_id"),
}
EXTRA_INSERT: dict[str, dict[str, Any]] = {
    # columns outside the content that have no default in the file (derived ones are refreshed afterwards)
    "items": {"number_key": "", "search_text": "", "unit_sort": "", "due_sort": ""},
    "units": {"sort_name": ""},
    "evidence_files": {"stored_name": ""},  # named after the file is stored (services.exchange)
}


def q(column: str) -> str:
    """A quoted column name ("order", "end" are SQL words)."""
    return f'"{column}"'


@dataclass
class LocalRow:
    """A synced row as held here: id, revisions, last change time and content (references as local ids)."""

    id: int
    uuid: str
    rev: str
    base: str
    changed_at: str
    content: dict[str, Any]


def _chunks(values: Sequence[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield list(values[start:start + CHUNK])


def _select(table: str) -> str:
    cols = ", ".join(q(c) for c in SYNCED[table])
    return f"SELECT id, uuid, rev, coalesce(base_rev, rev), updated_at, {cols} FROM {table}"


def _local(table: str, row: Sequence[Any]) -> LocalRow:
    return LocalRow(row[0], row[1], row[2], row[3], str(row[4] or ""), dict(zip(SYNCED[table], row[5:], strict=False)))


def rows_by_uuid(session: Session, table: str, uuids: Sequence[str]) -> dict[str, LocalRow]:
    """The rows of table with these UUIDs."""
    found: dict[str, LocalRow] = {}
    stmt = text(_select(table) + " WHERE uuid IN :u").bindparams(bindparam("u", expanding=True))
    for part in _chunks(list(uuids)):
        for row in session.execute(stmt, {"u": part}):
            found[row[1]] = _local(table, row)
    return found


def rows_by_natural_key(session: Session, table: str, keys: Sequence[tuple[Any, ...]]) -> dict[tuple[Any, ...], LocalRow]:
    """The rows of table whose natural key (NATURAL_KEYS) is one of keys."""
    names = NATURAL_KEYS[table]
    found: dict[tuple[Any, ...], LocalRow] = {}
    where = " AND ".join(f"{q(n)} IS :k{i}" for i, n in enumerate(names))
    stmt = text(_select(table) + f" WHERE {where}")
    for key in dict.fromkeys(keys):
        row = session.execute(stmt, {f"k{i}": v for i, v in enumerate(key)}).first()
        if row is not None:
            found[key] = _local(table, row)
    return found


def ids_of(session: Session, table: str, uuids: Iterable[str]) -> dict[str, int]:
    """uuid → id for the rows of table that exist."""
    result: dict[str, int] = {}
    stmt = text(f"SELECT uuid, id FROM {table} WHERE uuid IN :u").bindparams(bindparam("u", expanding=True))
    for part in _chunks(list(dict.fromkeys(uuids))):
        result.update(session.execute(stmt, {"u": part}).all())
    return result


def uuids_of(session: Session, table: str, ids: Iterable[int]) -> dict[int, str]:
    """id → uuid for the rows of table with these ids."""
    result: dict[int, str] = {}
    stmt = text(f"SELECT id, uuid FROM {table} WHERE id IN :i").bindparams(bindparam("i", expanding=True))
    for part in _chunks(list(dict.fromkeys(ids))):
        result.update(session.execute(stmt, {"i": part}).all())
    return result


def aliases(session: Session, uuids: Sequence[str]) -> dict[str, str]:
    """Their UUID → ours, for rows matched earlier by natural key."""
    result: dict[str, str] = {}
    stmt = text("SELECT their_uuid, local_uuid FROM uuid_aliases WHERE their_uuid IN :u").bindparams(
        bindparam("u", expanding=True))
    for part in _chunks(list(uuids)):
        result.update(session.execute(stmt, {"u": part}).all())
    return result


def add_alias(session: Session, table: str, their_uuid: str, local_uuid: str) -> None:
    """Remember that their_uuid names our row local_uuid."""
    session.execute(text("INSERT OR REPLACE INTO uuid_aliases (their_uuid, table_name, local_uuid) "
                         "VALUES (:t, :n, :l)"), {"t": their_uuid, "n": table, "l": local_uuid})


def origins(session: Session, uuids: Sequence[str]) -> dict[str, str]:
    """uuid → the installation it was first received from, for those of uuids received (not made here)."""
    result: dict[str, str] = {}
    stmt = text("SELECT uuid, installation_id FROM record_origins WHERE uuid IN :u").bindparams(
        bindparam("u", expanding=True))
    for part in _chunks(list(uuids)):
        result.update(session.execute(stmt, {"u": part}).all())
    return result


def add_origins(session: Session, installation_id: str, uuids: Sequence[str]) -> None:
    """Remember that the records uuids were received first from installation_id (an owner already known
    stays)."""
    if uuids:
        session.execute(text("INSERT OR IGNORE INTO record_origins (uuid, installation_id) VALUES (:u, :i)"),
                        [{"u": u, "i": installation_id} for u in uuids])


def units_of(session: Session, installation_id: str) -> set[int]:
    """The ids of the units received first from installation_id: its own units."""
    return set(session.scalars(text(
        "SELECT u.id FROM units u JOIN record_origins o ON o.uuid = u.uuid WHERE o.installation_id = :i"),
        {"i": installation_id}))


def tombstones(session: Session, uuids: Sequence[str]) -> dict[str, str]:
    """uuid → the revision it had when deleted here, for those of uuids deleted here."""
    result: dict[str, str] = {}
    stmt = text("SELECT uuid, rev FROM tombstones WHERE uuid IN :u").bindparams(bindparam("u", expanding=True))
    for part in _chunks(list(uuids)):
        result.update(session.execute(stmt, {"u": part}).all())
    return result


def add_tombstones(session: Session, rows: Sequence[tuple[str, str, str, str]]) -> None:
    """Record deletions made elsewhere (uuid, table, rev, deleted_at) so they travel on."""
    if rows:
        session.connection().exec_driver_sql(
            "INSERT OR IGNORE INTO tombstones (uuid, table_name, rev, deleted_at) VALUES (?, ?, ?, ?)", list(rows))


def drop_tombstones(session: Session, uuids: Sequence[str]) -> None:
    """Forget deletions that an edit made after them has undone."""
    for part in _chunks(list(uuids)):
        session.execute(text("DELETE FROM tombstones WHERE uuid IN :u").bindparams(bindparam("u", expanding=True)),
                        {"u": part})


def base_contents(session: Session, uuids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """uuid → (revision, content) saved at the first local change after the last exchange."""
    result: dict[str, tuple[str, dict[str, Any]]] = {}
    stmt = text("SELECT uuid, rev, content FROM sync_bases WHERE uuid IN :u").bindparams(
        bindparam("u", expanding=True))
    for part in _chunks(list(uuids)):
        for uuid, rev, content in session.execute(stmt, {"u": part}):
            result[uuid] = (rev, json.loads(content))
    return result


def history(session: Session, uuids: Sequence[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """uuid → {revision: content} of the versions replaced or not chosen here."""
    result: dict[str, dict[str, dict[str, Any]]] = {}
    stmt = text("SELECT uuid, rev, content FROM record_history WHERE uuid IN :u").bindparams(
        bindparam("u", expanding=True))
    for part in _chunks(list(uuids)):
        for uuid, rev, content in session.execute(stmt, {"u": part}):
            result.setdefault(uuid, {})[rev] = json.loads(content)
    return result


def add_history(session: Session, rows: Sequence[tuple[str, str, str, dict[str, Any], str, str]]) -> None:
    """Keep versions (table, uuid, rev, content, reason, source) so they can be seen and restored."""
    if rows:
        session.connection().exec_driver_sql(
            f"INSERT INTO record_history (at, table_name, uuid, rev, content, reason, source) "
            f"VALUES ({NOW_SQL}, ?, ?, ?, ?, ?, ?)",
            [(t, u, r, json.dumps(c, ensure_ascii=False), reason, source) for t, u, r, c, reason, source in rows])


def next_id(session: Session, table: str) -> int:
    """The id the next inserted row gets (the transaction already holds the write lock)."""
    return int(session.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")).scalar_one())


def insert(session: Session, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows given as (id, uuid, rev, base_rev, changed_at, *content) in SYNCED order."""
    if not rows:
        return
    extra = EXTRA_INSERT.get(table, {})
    cols = ["id", "uuid", "rev", "base_rev", "updated_at", "created_at", "version", *SYNCED[table], *extra]
    marks = ", ".join(["?", "?", "?", "?", NOW_SQL, NOW_SQL, "1"] + ["?"] * (len(SYNCED[table]) + len(extra)))
    tail = tuple(extra.values())
    session.connection().exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(q(c) for c in cols)}) VALUES ({marks})",
        [(r[0], r[1], r[2], r[3], *r[5:], *tail) for r in rows] if tail else [(*r[:4], *r[5:]) for r in rows])


def update(session: Session, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Replace the content of rows given as (id, rev, base_rev, *content): a new row version, changed now."""
    if not rows:
        return
    sets = ", ".join(f"{q(c)} = ?" for c in SYNCED[table])
    session.connection().exec_driver_sql(
        f"UPDATE {table} SET rev = ?, base_rev = ?, {sets}, version = version + 1, updated_at = {NOW_SQL} "
        f"WHERE id = ?", [(*r[1:], r[0]) for r in rows])


def mark_synced(session: Session, table: str, rows: Sequence[tuple[int, str, str]]) -> None:
    """Set (id, rev, base_rev) without touching the content (an exchange reached the same version)."""
    if rows:
        session.connection().exec_driver_sql(
            f"UPDATE {table} SET rev = ?, base_rev = ? WHERE id = ?", [(r, b, i) for i, r, b in rows])


def save_bases(session: Session, rows: Sequence[tuple[str, str, dict[str, Any]]]) -> None:
    """Set the content at the last exchange (uuid, rev, content), replacing an older one."""
    if rows:
        session.connection().exec_driver_sql(
            "INSERT OR REPLACE INTO sync_bases (uuid, rev, content) VALUES (?, ?, ?)",
            [(u, r, json.dumps(c, ensure_ascii=False)) for u, r, c in rows])


def drop_bases(session: Session, uuids: Sequence[str]) -> None:
    """Forget the saved base of rows now in step with the other side."""
    for part in _chunks(list(uuids)):
        session.execute(text("DELETE FROM sync_bases WHERE uuid IN :u").bindparams(bindparam("u", expanding=True)),
                        {"u": part})


def delete(session: Session, table: str, ids: Sequence[int]) -> None:
    """Delete rows (their children go by the foreign keys' cascades; the triggers leave tombstones)."""
    for part in _chunks(list(ids)):
        session.execute(text(f"DELETE FROM {table} WHERE id IN :i").bindparams(bindparam("i", expanding=True)),
                        {"i": part})


def referenced(session: Session, table: str, ids: Sequence[int]) -> set[int]:
    """Those of ids still referenced by a row that forbids their deletion (a unit still assigned or reported)."""
    if table != "units":
        return set()
    found: set[int] = set()
    for child in ("assignments", "progress_reports"):
        stmt = text(f"SELECT DISTINCT unit_id FROM {child} WHERE unit_id IN :i").bindparams(
            bindparam("i", expanding=True))
        for part in _chunks(list(ids)):
            found.update(session.execute(stmt, {"i": part}).scalars())
    return found


CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "plans": (("sections", "plan_id"), ("items", "plan_id"), ("periods", "plan_id")),
    "sections": (("groups", "section_id"), ("items", "section_id")),
    "groups": (("items", "group_id"),),
    "items": (("targets", "item_id"), ("deadlines", "item_id"), ("assignments", "item_id"),
              ("progress_reports", "item_id")),
    "periods": (("progress_reports", "period_id"),),
    "progress_reports": (("evidence_files", "report_id"),),
}


def _tree(session: Session, table: str, row_id: int) -> dict[str, set[int]]:
    """The row and every row below it (a plan's sections, items, their targets, reports …)."""
    found: dict[str, set[int]] = {table: {row_id}}
    todo = [(table, {row_id})]
    while todo:
        parent, ids = todo.pop()
        for child, column in CHILDREN.get(parent, ()):
            stmt = text(f"SELECT id FROM {child} WHERE {column} IN :i").bindparams(bindparam("i", expanding=True))
            below = {i for part in _chunks(sorted(ids)) for i in session.execute(stmt, {"i": part}).scalars()}
            below -= found.setdefault(child, set())
            if below:
                found[child] |= below
                todo.append((child, below))
    return found


def changed_below(session: Session, table: str, row_id: int) -> bool:
    """Whether a row below this one (not the row itself) was created or changed here since it was last
    exchanged (base_rev is NULL only for a row made here and never sent; it differs from rev after an edit)."""
    for child, ids in _tree(session, table, row_id).items():
        ids = ids - {row_id} if child == table else ids
        stmt = text(f"SELECT 1 FROM {child} WHERE id IN :i AND (base_rev IS NULL OR base_rev != rev) "
                    "LIMIT 1").bindparams(bindparam("i", expanding=True))
        if any(session.execute(stmt, {"i": part}).first() for part in _chunks(sorted(ids))):
            return True
    return False


def mark_sent(session: Session, table: str, uuids: Sequence[str]) -> None:
    """Rows written into a package count as exchanged at their present revision: the receiver now holds it,
    so a later change here is a change of that revision (their base is the sent content, kept in the row)."""
    stmt = text(f"UPDATE {table} SET base_rev = rev WHERE base_rev IS NOT rev AND uuid IN :u").bindparams(
        bindparam("u", expanding=True))
    for part in _chunks(list(uuids)):
        session.execute(stmt, {"u": part})
    drop_bases(session, uuids)


def touch_tree(session: Session, table: str, row_id: int) -> None:
    """Mark the row and everything below it as changed now, so the next incremental package carries them
    again (the other side deleted them; our edit made after that deletion brings them back there)."""
    for child, ids in _tree(session, table, row_id).items():
        for part in _chunks(sorted(ids)):
            session.execute(text(f"UPDATE {child} SET updated_at = {NOW_SQL} WHERE id IN :i").bindparams(
                bindparam("i", expanding=True)), {"i": part})


def references_of(table: str) -> dict[str, str]:
    """The content columns of table that reference another synced table, with that table."""
    return {c: REFERENCES[c] for c in SYNCED[table] if c in REFERENCES}


def evidence_names(session: Session) -> dict[str, str]:
    """sha256 → the stored file name, for the evidence files here."""
    return dict(session.execute(text("SELECT sha256, stored_name FROM evidence_files WHERE stored_name != ''")).all())


def unnamed_evidence(session: Session) -> list[tuple[int, str, str]]:
    """(id, sha256, file name) of evidence rows received but not yet given their stored file."""
    rows = session.execute(text("SELECT id, sha256, file_name FROM evidence_files WHERE stored_name = ''"))
    return [(r[0], r[1], r[2]) for r in rows]


def name_evidence(session: Session, row_id: int, stored: str) -> None:
    """Give an evidence row the name of its stored file."""
    session.execute(text("UPDATE evidence_files SET stored_name = :n WHERE id = :i"), {"n": stored, "i": row_id})


def begin_writing(session: Session) -> None:
    """Open the transaction now, with the write lock. Python's sqlite3 module opens one only before an INSERT,
    UPDATE or DELETE; a SAVEPOINT issued first would itself be the outermost transaction, and releasing it
    would commit (and wait for the disk) after every package instead of once per batch."""
    dbapi = session.connection().connection.dbapi_connection
    if dbapi is not None and not dbapi.in_transaction:
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")


def widen_cache(session: Session, kib: int) -> None:
    """Let this connection keep kib KiB of pages in memory (a bulk import touches large indexes)."""
    session.execute(text(f"PRAGMA cache_size = -{int(kib)}"))
