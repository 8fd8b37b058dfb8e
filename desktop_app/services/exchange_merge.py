"""Merging the records of a data package into the database, table by table, parents first: new records
inserted, records changed only there taken, only here kept, on both sides merged field by field or reported
as conflicts (the version not chosen kept in the history), deletions applied unless edited here since."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from db.exchange import rows as rows_db
from db.exchange.rows import NATURAL_KEYS, LocalRow, references_of
from db.exchange.schema import SYNCED
from desktop_app.domain import merge
from desktop_app.domain.merge import CONFLICT, OURS, THEIRS, UNCHANGED, Side

NEW, UPDATED, REFUSED = "new", "updated", "refused"
KINDS = (NEW, UPDATED, UNCHANGED, CONFLICT, REFUSED)
LISTED_PER_KIND = 2000  # the preview lists this many new / unchanged records; every other record is listed
# A row whose parent was inserted by this same import cannot be here yet: no need to look it up.
STRUCTURAL = {"sections": "plan_id", "groups": "section_id", "items": "plan_id", "periods": "plan_id",
              "targets": "item_id", "deadlines": "item_id", "assignments": "item_id",
              "progress_reports": "item_id", "evidence_files": "report_id"}
TABLE_NAMES = {
    "units": "Đơn vị", "plans": "Kế hoạch", "sections": "Phần", "groups": "Nhóm", "items": "Chỉ tiêu/nhiệm vụ",
    "targets": "Mục tiêu", "deadlines": "Thời hạn", "assignments": "Phân công", "periods": "Kỳ báo cáo",
    "progress_reports": "Kết quả", "evidence_files": "Tệp minh chứng",
}


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed to different values."""

    field: str
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class RecordChange:
    """One record of the package and what the import does (or would do) with it."""

    table: str
    uuid: str
    label: str
    kind: str
    detail: str = ""
    fields: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()


@dataclass
class MergeResult:
    """Counts by kind and the records listed for the officer."""

    counts: Counter[str] = field(default_factory=Counter)
    changes: list[RecordChange] = field(default_factory=list)
    touched_items: set[int] = field(default_factory=set)
    new_units: list[int] = field(default_factory=list)
    listing: bool = True
    """False when only the counts are wanted (many packages imported at once)."""

    def listed(self, kind: str) -> bool:
        """Count one more record of kind; whether it is also listed."""
        self.counts[kind] += 1
        return self.listing and (kind not in (NEW, UNCHANGED) or self.counts[kind] <= LISTED_PER_KIND)


class Merger:
    """Merges one package's checked rows within one transaction (the caller commits or rolls back)."""

    def __init__(self, session: Session, *, source: str, choices: Mapping[tuple[str, str], str] | None = None,
                 prefer: str = OURS, labels: Callable[[str, list[Any]], str] | None = None,
                 listing: bool = True, sender: str | None = None) -> None:
        self.session = session
        self.sender = sender
        """The installation id of the package's sender: its changes to another office's records are conflicts
        (None: every record may change, as before senders were scoped)."""
        self._own_units: set[int] | None = None
        self.source = source
        self.choices = choices or {}
        self.prefer = prefer
        self.label = labels or (lambda table, row: TABLE_NAMES[table])
        self.ids: dict[str, dict[str, int]] = {t: {} for t in SYNCED}  # their uuid → our id, this package
        self.new_ids: dict[str, set[int]] = {t: set() for t in SYNCED}
        self.resurrected = False
        self.result = MergeResult(listing=listing)

    def _note(self, table: str, their: list[Any], kind: str, detail: str = "", fields: tuple[str, ...] = (),
              conflicts: tuple[Conflict, ...] = ()) -> None:
        if self.result.listed(kind):  # labels are made only for the records listed
            self.result.changes.append(RecordChange(table, their[0], self.label(table, their), kind, detail,
                                                    fields, conflicts))

    # ----- references ------------------------------------------------------------------------------------
    def _resolve(self, table: str, rows: list[list[Any]]) -> list[list[Any] | None]:
        """Rows with references turned into our ids; None for a row whose parent is unknown here."""
        refs = [(4 + SYNCED[table].index(c), p) for c, p in references_of(table).items()]
        for position, parent in refs:
            wanted = {row[position] for row in rows if row[position] is not None} - self.ids[parent].keys()
            if wanted:
                self._find_ids(parent, wanted)
        out: list[list[Any] | None] = []
        for row in rows:
            resolved = list(row)
            for position, parent in refs:
                if row[position] is not None:
                    local = self.ids[parent].get(row[position])
                    if local is None:
                        out.append(None)
                        break
                    resolved[position] = local
            else:
                out.append(resolved)
        return out

    def _find_ids(self, table: str, uuids: set[str]) -> None:
        alias = rows_db.aliases(self.session, sorted(uuids))
        found = rows_db.ids_of(self.session, table, [alias.get(u, u) for u in uuids])
        for uuid in uuids:
            local = found.get(alias.get(uuid, uuid))
            if local is not None:
                self.ids[table][uuid] = local

    # ----- records ----------------------------------------------------------------------------------------
    def merge_table(self, table: str, rows: list[list[Any]]) -> None:
        """Merge the package's rows of one table ([uuid, rev, base, changed_at, *content], references as UUIDs)."""
        resolved = self._resolve(table, rows)
        columns = SYNCED[table]
        parent = STRUCTURAL.get(table)
        parent_at = 4 + columns.index(parent) if parent else None
        fresh, others = [], []
        for their, row in zip(rows, resolved, strict=False):
            if row is None:
                self._note(table, their, REFUSED, "thiếu bản ghi cha (chưa có ở đây và không có trong gói)")
            elif parent_at is not None and row[parent_at] in self.new_ids[STRUCTURAL_PARENT[table]] \
                    and not self.resurrected:
                fresh.append((their, row))
            else:
                others.append((their, row))
        if others:
            fresh.extend(self._merge_existing(table, others))
        self._insert(table, fresh)

    def _merge_existing(self, table: str, pairs: list[tuple[list[Any], list[Any]]]) -> list[tuple[list[Any], list[Any]]]:
        """Merge rows that may be here already; returns those to insert."""
        columns = SYNCED[table]
        alias = rows_db.aliases(self.session, [their[0] for their, _ in pairs])
        local = rows_db.rows_by_uuid(self.session, table, [alias.get(t[0], t[0]) for t, _ in pairs])
        missing = [(t, r) for t, r in pairs if alias.get(t[0], t[0]) not in local]
        if table in NATURAL_KEYS and missing:
            names = NATURAL_KEYS[table]
            keys = [tuple(r[4 + columns.index(n)] for n in names) for _, r in missing]
            by_key = rows_db.rows_by_natural_key(self.session, table, keys)
            for (their, _row), key in zip(missing, keys, strict=True):
                match = by_key.get(key)
                if match is not None:  # made separately on both sides: the same record from now on
                    rows_db.add_alias(self.session, table, their[0], match.uuid)
                    alias[their[0]] = match.uuid
                    local[match.uuid] = LocalRow(match.id, match.uuid, match.rev, "", match.changed_at,
                                                 match.content)
        tombs = rows_db.tombstones(self.session, [t[0] for t, _ in pairs])
        parent = STRUCTURAL.get(table)
        parent_at = 4 + columns.index(parent) if parent else None
        bases = rows_db.base_contents(self.session, list(local))
        seen = rows_db.history(self.session, list(local))
        owners = rows_db.origins(self.session, list(local)) if self.sender is not None else {}
        to_insert = []
        for their, row in pairs:
            ours = local.get(alias.get(their[0], their[0]))
            if ours is None:
                parent_back = parent_at is not None and row[parent_at] in self.new_ids[STRUCTURAL_PARENT[table]]
                if their[0] in tombs and tombs[their[0]] == their[1] and not parent_back:
                    self._note(table, their, UNCHANGED, "đã xoá ở đây")
                    continue
                if their[0] in tombs:
                    self.resurrected = True  # edited there after it was deleted here: the edit wins
                    rows_db.drop_tombstones(self.session, [their[0]])
                to_insert.append((their, row))
                continue
            self.ids[table][their[0]] = ours.id
            self._merge_one(table, their, row, ours, bases.get(ours.uuid), seen.get(ours.uuid, {}),
                            owner=owners.get(ours.uuid))
        return to_insert

    # ----- the scope of a sender --------------------------------------------------------------------------
    def _units(self) -> set[int]:
        if self._own_units is None:
            self._own_units = rows_db.units_of(self.session, self.sender) if self.sender is not None else set()
        return self._own_units

    def in_scope(self, table: str, owner: str | None, *contents: Mapping[str, Any]) -> bool:
        """Whether the sender may change a record here: one it sent first, or a progress report of one of its own
        units (the units it sent first), before and after the change. A record made here (owner None) or first
        received from another office is not its to change: the change is a conflict for the officer."""
        if self.sender is None or owner == self.sender:
            return True
        return table == "progress_reports" and all(c.get("unit_id") in self._units() for c in contents)

    def _foreign(self, table: str, their: list[Any], content: dict[str, Any], ours: LocalRow,
                 decision: merge.Decision) -> None:
        """A change by the sender to a record it does not own: every field its change would change here is a
        conflict, taken only when the officer chose theirs for it (prefer, or choices for the record and field);
        a field changed only here is not shown."""
        columns = SYNCED[table]
        changing = set(decision.changed) | set(decision.conflicts)
        fields = tuple(f for f in columns if f in changing and content.get(f) != ours.content.get(f))
        if not fields:  # what it changed is what we hold already
            self._note(table, their, UNCHANGED, "bản ở đây mới hơn")
            return
        taken = tuple(f for f in fields if self.choices.get((their[0], f), self.prefer) == THEIRS)
        conflicts = tuple(Conflict(f, ours.content.get(f), content.get(f)) for f in fields)
        detail = FOREIGN
        if len(taken) < len(fields):  # their version, as sent, can be restored from the history
            rows_db.add_history(self.session, [(table, ours.uuid, their[1], content, "not_chosen", self.source)])
        if taken:
            final = dict(ours.content) | {f: content[f] for f in taken}
            self._touch_item(table, ours.id, content, ours.content)
            self._settle(table, ours, their[1], content, final, columns)
        self._note(table, their, CONFLICT, detail, taken, conflicts)

    def _settle(self, table: str, ours: LocalRow, their_rev: str, content: dict[str, Any],
                final: dict[str, Any], columns: Any) -> None:
        """Write the merged record: their version as sent (its base dropped), or a merge of both sides under a
        new revision with their version kept as the base."""
        if final == content:
            self._replace(table, ours, content, their_rev, their_rev, "replaced")
            rows_db.drop_bases(self.session, [ours.uuid])
        else:
            rev = merge.merged_rev(ours.rev, their_rev, final, columns)
            self._replace(table, ours, final, rev, their_rev, "replaced")
            rows_db.save_bases(self.session, [(ours.uuid, their_rev, content)])

    def _merge_one(self, table: str, their: list[Any], row: list[Any], ours: LocalRow,
                   base: tuple[str, dict[str, Any]] | None, seen: dict[str, dict[str, Any]],
                   owner: str | None = None) -> None:
        columns = SYNCED[table]
        content = dict(zip(columns, row[4:], strict=False))
        base_content = None
        if base is not None and base[0] in (their[2], ours.base):
            base_content = base[1]
        elif their[2] in seen:
            base_content = seen[their[2]]
        decision = merge.decide(
            Side(ours.rev, ours.base, ours.content, ours.changed_at),
            Side(their[1], their[2], content, their[3]),
            fields=columns, base_content=base_content, known_revs=frozenset(seen))
        if decision.kind not in (UNCHANGED, OURS) and not self.in_scope(table, owner, ours.content, content):
            self._foreign(table, their, content, ours, decision)
            return
        if decision.kind == UNCHANGED:
            if ours.rev != their[1] or ours.base != ours.rev:
                rev = max(ours.rev, their[1])
                rows_db.mark_synced(self.session, table, [(ours.id, rev, rev)])
                rows_db.drop_bases(self.session, [ours.uuid])
            self._note(table, their, UNCHANGED)
            return
        if decision.kind == OURS:
            self._note(table, their, UNCHANGED, "bản ở đây mới hơn")
            return
        self._touch_item(table, ours.id, content, ours.content)
        if decision.kind == THEIRS:
            self._replace(table, ours, content, their[1], their[1], "replaced")
            rows_db.drop_bases(self.session, [ours.uuid])
            self._note(table, their, UPDATED, "", decision.changed)
            return
        chosen = {f: self.choices.get((their[0], f), self.prefer) for f in decision.conflicts}
        final = merge.resolved(decision, content, chosen, prefer=self.prefer)
        if decision.kind == CONFLICT:
            not_chosen = {f: (content if chosen[f] == OURS else ours.content) for f in decision.conflicts}
            kept = dict(ours.content)
            for name, side in not_chosen.items():
                kept[name] = side[name]
            rows_db.add_history(self.session, [(table, ours.uuid, their[1] if any(
                c == OURS for c in chosen.values()) else ours.rev, kept, "not_chosen", self.source)])
        self._settle(table, ours, their[1], content, final, columns)
        conflicts = tuple(Conflict(f, ours.content.get(f), content.get(f)) for f in decision.conflicts)
        kind = CONFLICT if decision.kind == CONFLICT else UPDATED
        detail = "" if kind == CONFLICT else "gộp các thay đổi của hai bên"
        self._note(table, their, kind, detail, decision.changed, conflicts)

    def _replace(self, table: str, ours: LocalRow, content: Mapping[str, Any], rev: str, base: str,
                 reason: str) -> None:
        if content != ours.content:
            rows_db.add_history(self.session, [(table, ours.uuid, ours.rev, ours.content, reason, self.source)])
            rows_db.update(self.session, table, [(ours.id, rev, base, *(content[c] for c in SYNCED[table]))])
        else:
            rows_db.mark_synced(self.session, table, [(ours.id, rev, base)])

    def _touch_item(self, table: str, local_id: int, *contents: Mapping[str, Any]) -> None:
        if table == "items":
            self.result.touched_items.add(local_id)
        for content in contents:
            if "item_id" in content and content["item_id"] is not None:
                self.result.touched_items.add(content["item_id"])

    def _insert(self, table: str, pairs: list[tuple[list[Any], list[Any]]]) -> None:
        if not pairs:
            return
        first = rows_db.next_id(self.session, table)
        ids = self.ids[table]
        new = self.new_ids[table]
        rows = []
        for offset, (their, row) in enumerate(pairs):
            ids[their[0]] = first + offset
            new.add(first + offset)
            rows.append((first + offset, their[0], their[1], their[1], *row[3:]))
            self._note(table, their, NEW)
        rows_db.insert(self.session, table, rows)
        if self.sender is not None:
            rows_db.add_origins(self.session, self.sender, [their[0] for their, _ in pairs])
        if table == "items":
            self.result.touched_items.update(range(first, first + len(rows)))
        elif "item_id" in SYNCED[table]:
            position = 4 + SYNCED[table].index("item_id")
            self.result.touched_items.update(row[position] for _, row in pairs)
        elif table == "units":
            self.result.new_units.extend(range(first, first + len(rows)))

    # ----- deletions --------------------------------------------------------------------------------------
    def apply_tombstones(self, tombs: list[list[Any]]) -> None:
        """Delete what was deleted there, unless it (or anything above or below it) was edited here since."""
        order = {t: i for i, t in enumerate(SYNCED)}
        tombs = sorted(tombs, key=lambda t: order[t[1]])  # parents first: a kept parent keeps its children
        alias = rows_db.aliases(self.session, [t[0] for t in tombs])
        known = rows_db.tombstones(self.session, [t[0] for t in tombs])
        kept: set[tuple[str, int]] = set()
        doomed: list[tuple[str, LocalRow, list[Any]]] = []
        fresh = []
        for uuid, table, rev, deleted_at in tombs:
            local = rows_db.rows_by_uuid(self.session, table, [alias.get(uuid, uuid)]).get(alias.get(uuid, uuid))
            if local is None:
                if uuid not in known:
                    fresh.append((uuid, table, rev, deleted_at))
                if self.result.listed(UNCHANGED):
                    self.result.changes.append(RecordChange(table, uuid, TABLE_NAMES[table], UNCHANGED,
                                                            "đã xoá ở cả hai bên"))
                continue
            row = [uuid, local.rev, local.base, local.changed_at, *local.content.values()]
            parent = STRUCTURAL.get(table)
            parent_kept = parent is not None and (STRUCTURAL_PARENT[table], local.content[parent]) in kept
            if parent_kept or local.rev != rev or rows_db.changed_below(self.session, table, local.id):
                kept.add((table, local.id))
                if not parent_kept:
                    rows_db.touch_tree(self.session, table, local.id)
                    self._note(table, row, UNCHANGED, "giữ lại: đã được sửa ở đây sau khi bên kia xoá")
                continue
            if rows_db.referenced(self.session, table, [local.id]):
                self._note(table, row, REFUSED, "không xoá: đơn vị vẫn đang được dùng ở đây")
                continue
            owner = rows_db.origins(self.session, [local.uuid]).get(local.uuid) if self.sender else None
            if not self.in_scope(table, owner, local.content) and \
                    self.choices.get((uuid, DELETION), self.prefer) != THEIRS:
                kept.add((table, local.id))
                self._note(table, row, CONFLICT, "bản ghi của đơn vị khác: bên gửi đã xoá, chỉ xoá khi cán bộ chọn",
                           (), (Conflict(DELETION, "giữ", "xoá"),))
                continue
            doomed.append((table, local, row))
        for table, local, row in reversed(doomed):  # children first
            self._touch_item(table, local.id, local.content)
            if table == "items":
                self.result.touched_items.discard(local.id)
            last = {**local.content, ID_KEY: local.id}  # its own id, which the rows deleted with it point to
            rows_db.add_history(self.session, [(table, local.uuid, local.rev, last, "deleted", self.source)])
            rows_db.delete(self.session, table, [local.id])
            self._note(table, row, UPDATED, "xoá (đã xoá ở bên gửi)")
        rows_db.add_tombstones(self.session, fresh)


FOREIGN = "bản ghi của đơn vị khác: chỉ thay khi cán bộ chọn"
"""The detail of a change by the sender to a record it does not own (made here or by another office)."""
DELETION = "(xoá)"
"""The field of a conflict over a deletion: "theirs" deletes another office's record the sender deleted."""
ID_KEY = "_id"
"""In a kept deleted version: the row's local id (not content: it never travels)."""

STRUCTURAL_PARENT = {table: references_of(table)[column] for table, column in STRUCTURAL.items()}
