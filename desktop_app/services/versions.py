"""Use cases: the versions a data-package merge kept (replaced, not chosen in a conflict, deleted by the other
side), listed with what differs from the record as it is now, and restored, reversibly: the version replaced
by the restore is kept in turn, and the restore travels in the next package like any local edit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db.engine import Database
from db.exchange import rows as rows_db
from db.exchange.rows import CHILDREN, references_of
from db.exchange.schema import REFERENCES, SYNCED
from db.queries import versions as vq
from db.summary import refresh_items, refresh_unit_keys
from desktop_app.domain.field_names import FIELD_LABELS, local_time, shown_value
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.messages import Message
from desktop_app.services.exchange_labels import Labels
from desktop_app.services.exchange_merge import ID_KEY, TABLE_NAMES
from desktop_app.services.permissions import require_admin

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

REPLACED_BY_RESTORE = "replaced_by_restore"
REASON_LABELS = {
    "replaced": "Bị thay bằng bản nhận được",
    "not_chosen": "Không được chọn khi xung đột",
    "deleted": "Bị xoá theo bên gửi",
    REPLACED_BY_RESTORE: "Bị thay khi khôi phục phiên bản",
}
LIST_LIMIT = 2000
TWIN_HINTS = {  # what two rows of these tables may not share (db.exchange.rows.NATURAL_KEYS)
    "units": "versions.twin_units", "periods": "versions.twin_periods", "deadlines": "versions.twin_deadlines",
    "assignments": "versions.twin_assignments", "progress_reports": "versions.twin_reports",
}
HIDDEN_WHEN_GONE = {"order", "number_raw", "source_line", "key", "source_sha256", "imported_at", "sha256", "size"}
"""Technical columns not listed for a record that is no longer here (every field of it would differ)."""
SHORT = 60


def _short(value: Any) -> str:
    value = str(value or "").strip()
    return value if len(value) <= SHORT else value[:SHORT - 1] + "…"


class RecordNames:
    """Names for records and for the rows they refer to (an item's number, a unit's name, a period)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.wanted: dict[str, set[int]] = defaultdict(set)
        self.rows: dict[str, dict[int, tuple[str, dict[str, Any]]]] = {}
        self.gone: set[tuple[str, int]] = set()
        self._labels: Labels | None = None

    def want(self, table: str, content: dict[str, Any]) -> None:
        """Note the rows content refers to (read together by load)."""
        for column, parent in references_of(table).items():
            if content.get(column) is not None:
                self.wanted[parent].add(content[column])

    def load(self) -> None:
        """Read the rows wanted."""
        for parent, ids in self.wanted.items():
            self.rows[parent] = vq.rows_by_id(self.session, parent, ids)
        self._labels = None

    def deleted_row(self, table: str, row_id: int, kept: vq.HistoryEntry) -> None:
        """Name a row no longer here by its kept deleted version (references to row_id still name it)."""
        if row_id not in self.rows.setdefault(table, {}):
            self.rows[table][row_id] = (kept.uuid, kept.content)
            self.gone.add((table, row_id))
            self._labels = None

    @property
    def labels(self) -> Labels:
        """exchange_labels over the rows read (as the package preview names records)."""
        if self._labels is None:
            self._labels = Labels({parent: [[uuid, "", "", "", *(content.get(c) for c in SYNCED[parent])]
                                            for uuid, content in rows.values()]
                                   for parent, rows in self.rows.items()})
        return self._labels

    def record(self, table: str, uuid: str, content: dict[str, Any]) -> str:
        """The record's label without its kind (exchange_labels, as in the package preview)."""
        refs = references_of(table)
        row: list[Any] = [uuid, "", "", ""]
        for column in SYNCED[table]:
            value = content.get(column)
            if column in refs and value is not None:
                found = self.rows.get(refs[column], {}).get(value)
                value = found[0] if found is not None else f"#{value}"
            row.append(value)
        return self.labels.label(table, row).removeprefix(TABLE_NAMES[table]).lstrip(" :")

    def reference(self, column: str, value: int) -> str:
        """The row a reference names, as the officer knows it."""
        found = self.rows.get(REFERENCES[column], {}).get(value)
        if found is None:
            return f"#{value} (không còn ở đây)"
        r = found[1]
        if column == "item_id":
            name = f"{r['number']} {_short(r['text'])}".strip()
        elif column in ("section_id", "group_id"):
            name = f"{r.get('numeral') or r.get('number') or ''} {_short(r['title'])}".strip()
        elif column == "plan_id":
            name = f"xã {r['commune']} {r['plan_number']}".strip()
        else:
            name = str(r.get("name") or r.get("label") or f"#{value}")
        return f"{name} (đã xoá)" if (REFERENCES[column], value) in self.gone else name


def show(column: str, value: Any, names: RecordNames) -> str:
    """A stored value as the officer reads it: names for references and codes, dd/mm/yyyy, decimal comma."""
    if value is None or value == "":
        return "—"
    if column.endswith("_id"):
        return names.reference(column, value)
    return shown_value(column, value)


@dataclass(frozen=True)
class FieldChange:
    """A field whose kept value differs from the record now (values as the officer reads them)."""

    label: str
    current: str
    kept: str
    field: str


@dataclass(frozen=True)
class KeptVersion:
    """One kept version, ready to show: when (local time), which record, why, from where, what differs."""

    id: int
    at: datetime
    table: str
    table_label: str
    record: str
    reason: str
    reason_label: str
    source: str
    exists: bool
    restored_at: datetime | None
    fields: tuple[FieldChange, ...]
    item_id: int | None


def _changes(table: str, kept: dict[str, Any], current: dict[str, Any] | None,
             names: RecordNames) -> tuple[FieldChange, ...]:
    out = []
    for column in SYNCED[table]:
        if column not in kept:
            continue
        now = current.get(column) if current is not None else None
        if current is not None and now == kept[column]:
            continue
        if current is None and (column in HIDDEN_WHEN_GONE or kept[column] in (None, "")):
            continue
        now_shown = show(column, now, names) if current is not None else "—"
        out.append(FieldChange(FIELD_LABELS.get(column, column), now_shown, show(column, kept[column], names), column))
    return tuple(out)


def _name_deleted_parents(names: RecordNames, deleted: list[vq.HistoryEntry]) -> None:
    """Rows deleted by one merge with the rows hanging on them: when a merge deleted one row of a table and its
    children point to one id that is gone, that id was the row's (references are local ids)."""
    batches: list[list[vq.HistoryEntry]] = []
    for e in sorted(deleted, key=lambda e: (e.source, e.at)):
        last = batches[-1][0] if batches else None
        if last is not None and last.source == e.source and e.at - last.at <= vq.BATCH_WINDOW:
            batches[-1].append(e)
        else:
            batches.append([e])
    for batch in batches:
        for table in {e.table for e in batch}:
            parents = [e for e in batch if e.table == table]
            for parent in parents:
                if parent.content.get(ID_KEY) is not None:
                    names.deleted_row(table, parent.content[ID_KEY], parent)
            below = dict(CHILDREN.get(table, ()))
            pointed = {p for c in batch if c.table in below if (p := c.content.get(below[c.table])) is not None}
            pointed -= names.rows.get(table, {}).keys()
            if len(parents) == 1 and len(pointed) == 1:
                names.deleted_row(table, pointed.pop(), parents[0])


def _of_this_item(session: Session, found: list[vq.HistoryEntry], item_id: int) -> list[vq.HistoryEntry]:
    """Leave out the rows kept before this item existed: their item_id named a deleted item whose id it took."""
    born = vq.row_birth(session, "items", item_id)
    if born is None or vq.recreated_by_restore(session, born[0]):
        return found
    return [e for e in found if e.table == "items" or e.at >= born[1]]


def kept_versions(db: Database, *, table: str | None = None, item_id: int | None = None,
                  include_restored: bool = False, limit: int | None = LIST_LIMIT) -> list[KeptVersion]:
    """The kept versions, newest first (of one table, or of one item and the rows hanging on it)."""
    if table is not None and table not in SYNCED:
        raise InvalidValue("versions.no_table", table=table)
    with db.reading() as session:
        item = None
        if item_id is not None:
            uuid = vq.item_uuid(session, item_id)
            if uuid is None:
                raise NotFound("item.not_found", item_id=item_id)
            item = (item_id, uuid)
        found = vq.entries(session, table=table, item=item, include_restored=include_restored, limit=limit)
        if item is not None:
            found = _of_this_item(session, found, item[0])
        live: dict[str, rows_db.LocalRow] = {}
        for name in {e.table for e in found}:
            live.update(rows_db.rows_by_uuid(session, name, [e.uuid for e in found if e.table == name]))
        names = RecordNames(session)
        for e in found:
            names.want(e.table, e.content)
            if e.uuid in live:
                names.want(e.table, live[e.uuid].content)
        names.load()
        _name_deleted_parents(names, [e for e in found if e.reason == "deleted" and e.uuid not in live])
        result = []
        for e in found:
            row = live.get(e.uuid)
            shown = row.content if row is not None else e.content
            item_of = row.id if row is not None and e.table == "items" else shown.get("item_id")
            if e.table != "items" and (item_of not in names.rows.get("items", {}) or ("items", item_of) in names.gone):
                item_of = None  # the item is gone (its id may be given to another one)
            result.append(KeptVersion(
                e.id, local_time(e.at), e.table, TABLE_NAMES.get(e.table, e.table),
                names.record(e.table, e.uuid, shown), e.reason, REASON_LABELS.get(e.reason, e.reason), e.source,
                row is not None, local_time(e.restored_at) if e.restored_at else None,
                _changes(e.table, e.content, row.content if row is not None else None, names), item_of))
        return result


# ----- restoring ---------------------------------------------------------------------------------------------
def _kept_content(e: vq.HistoryEntry) -> dict[str, Any]:
    return {c: e.content[c] for c in SYNCED[e.table] if c in e.content}


def _check_parents(session: Session, e: vq.HistoryEntry, values: dict[str, Any], record: str) -> None:
    """Every row the values refer to is here, and is the one referred to when the version was kept (an id
    freed by a deletion may have been given to a row made since)."""
    for column, parent in references_of(e.table).items():
        ref = values.get(column)
        if ref is None:
            continue
        born = vq.row_birth(session, parent, ref)
        if born is None or (born[1] > e.at and not vq.recreated_by_restore(session, born[0])):
            what = TABLE_NAMES[parent].lower()
            raise InvalidValue("versions.parent_gone", record=record, what=what, ref=ref)


def _check_twin(session: Session, table: str, content: dict[str, Any], other_than: int | None,
                record: str) -> None:
    if vq.natural_twin(session, table, content, other_than=other_than) is not None:
        raise InvalidValue("versions.twin", record=record, what=TABLE_NAMES[table].lower(),
                           hint=Message(TWIN_HINTS.get(table, "versions.twin_same")))


class _Restorer:
    """One restore, in the caller's transaction: the rows touched, for the derived columns to refresh."""

    def __init__(self, session: Session, source: str) -> None:
        self.session = session
        self.source = source
        self.items: set[int] = set()
        self.units = False

    def _touched(self, table: str, row_id: int, *contents: dict[str, Any]) -> None:
        if table == "items":
            self.items.add(row_id)
        self.units = self.units or table == "units"
        self.items.update(c["item_id"] for c in contents if c.get("item_id") is not None)

    def update(self, e: vq.HistoryEntry, row: rows_db.LocalRow, record: str) -> None:
        kept = _kept_content(e)
        values = {c: v for c, v in kept.items() if row.content.get(c) != v}
        if not values:
            raise InvalidValue("versions.same", record=record)
        _check_parents(self.session, e, values, record)
        if set(values) & set(rows_db.NATURAL_KEYS.get(e.table, ())):
            _check_twin(self.session, e.table, row.content | values, row.id, record)
        rows_db.add_history(self.session, [(e.table, row.uuid, row.rev, row.content, REPLACED_BY_RESTORE,
                                            self.source)])
        vq.set_content(self.session, e.table, row.id, values)
        self._touched(e.table, row.id, row.content, kept)

    def recreate(self, e: vq.HistoryEntry, record: str) -> None:
        """Insert the deleted row again, then the rows deleted with it that hang on it."""
        kept = _kept_content(e)
        _check_parents(self.session, e, kept, record)
        _check_twin(self.session, e.table, kept, None, record)
        below = CHILDREN.get(e.table, ())
        batch = [b for b in vq.deleted_with(self.session, e, {t for t, _ in below})
                 if not rows_db.ids_of(self.session, b.table, [b.uuid])]
        # The rows deleted with it point to its local id: kept with the version (older versions lack it: then
        # the one id they point to that is free now is the row's own).
        pointed = {p for b in batch for t, c in below if b.table == t if (p := b.content.get(c)) is not None}
        if e.content.get(ID_KEY) is not None:
            pointed = {e.content[ID_KEY]}
        free = pointed - vq.existing_ids(self.session, e.table, pointed)
        old_id = next(iter(free)) if len(free) == 1 else None
        new_id = vq.recreate(self.session, e.table, old_id, e.uuid, kept)
        vq.mark_restored(self.session, [e.id])
        self._touched(e.table, new_id, kept)
        if old_id is None:
            return
        for child in batch:
            column = dict(below)[child.table]
            if child.content.get(column) == old_id and not rows_db.ids_of(self.session, child.table, [child.uuid]):
                try:
                    self.recreate(child, TABLE_NAMES[child.table].lower())
                except InvalidValue:
                    continue  # kept for the officer to restore after what it needs

    def finish(self) -> None:
        if self.units:
            refresh_unit_keys(self.session)
        if self.items:
            refresh_items(self.session, sorted(self.items))


def restore_version(db: Database, *, history_id: int, source: str = "") -> None:
    """Put a kept version back in one transaction; the version it replaces is kept ("replaced_by_restore"),
    a deleted record is re-created (with the records deleted with it) when what it belongs to is here."""
    require_admin(db, "action.restore_version")
    with db.transaction() as session:
        e = vq.entry(session, history_id)
        if e is None:
            raise NotFound("versions.not_found", history_id=history_id)
        if e.table not in SYNCED:
            raise InvalidValue("versions.cannot_restore_table", table=e.table)
        if e.restored_at is not None:
            raise InvalidValue("versions.already_restored", history_id=history_id, at=local_time(e.restored_at))
        names = RecordNames(session)
        names.want(e.table, e.content)
        names.load()
        record = f"{TABLE_NAMES[e.table].lower()} {names.record(e.table, e.uuid, e.content)}".strip()
        restorer = _Restorer(session, source or f"khôi phục phiên bản đã lưu #{history_id}")
        row = rows_db.rows_by_uuid(session, e.table, [e.uuid]).get(e.uuid)
        if row is None:
            restorer.recreate(e, record)
        else:
            restorer.update(e, row, record)
            vq.mark_restored(session, [e.id])
        restorer.finish()
