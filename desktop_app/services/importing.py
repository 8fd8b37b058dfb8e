"""Use case: import a plan appendix from a file or pasted text, all or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from db import audit
from db.engine import Database
from db.models import (
    Assignment,
    Deadline,
    Group,
    Item,
    Plan,
    PlanWarning,
    Section,
    Target,
    utcnow,
)
from db.queries.common import (
    insert_rows,
    known_spellings,
    plan_by_sha256,
    resolve_units,
)
from db.summary import is_sub_letter, item_fields
from desktop_app.domain.appendix import ImportWarning, ParsedAppendix
from desktop_app.domain.appendix_checks import unit_merge_warnings
from desktop_app.domain.targets import measurable_targets
from desktop_app.domain.text import unit_key
from desktop_app.errors import DuplicateImport, FileRefused, InvalidValue
from desktop_app.io.appendix.raw import RawDocument
from desktop_app.io.file_errors import refusing
from desktop_app.services import import_columns
from desktop_app.services.changes import PLAN_TABLES, Changes
from desktop_app.services.permissions import require_admin

MAX_FILE_BYTES = 50 * 1024 * 1024
BULK_ITEMS = 2_000
"""A file with more items than this is recorded in the change log as one summary entry per kind of record, not
one entry per row (a commune's appendix has a few hundred; the entries would cost more than the rows)."""


@dataclass(frozen=True)
class ImportResult:
    """What an import created: the plan id, counts, and the warnings to show the officer."""

    plan_id: int
    commune: str
    plan_number: str
    sections: int
    groups: int
    items: int
    warnings: list[ImportWarning]

    @property
    def changed(self) -> Changes:
        """A new plan with its units (and the audit trail's entries)."""
        return Changes.of(PLAN_TABLES | {"audit_log"}, plans=[self.plan_id])


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or FileRefused with a clear reason (missing, a folder, unreadable, too large)."""
    name = path.name or str(path)
    with refusing(name):
        size = path.stat().st_size
        if path.is_dir():
            raise FileRefused("file.is_folder", file=name)
        if size > MAX_FILE_BYTES:
            raise FileRefused("import.too_large", file=name, size_mb=size // (1024 * 1024),
                              limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        return path.read_bytes()


def parse_file(path: Path, *, chosen: Mapping[str, Sequence[str]] | None = None,
               columns: str | Sequence[str] | None = None) -> tuple[ParsedAppendix, str, RawDocument]:
    """Read and interpret an appendix file without touching the database; returns it, its SHA-256 and the tables
    as read (kept so the officer may choose other column roles). columns: roles given for this import."""
    # The readers (lxml and the parsers) load on the first import, not while the window starts.
    from desktop_app.io.appendix.detect import read_document

    data = read_file_bytes(path)
    document = read_document(data, path.name)
    return _interpret(document, chosen=chosen, columns=columns), hashlib.sha256(data).hexdigest(), document


def _interpret(document: RawDocument, *, chosen: Mapping[str, Sequence[str]] | None,
               columns: str | Sequence[str] | None = None) -> ParsedAppendix:
    from desktop_app.io.appendix.parser import parse_appendix

    parsed = parse_appendix(document, chosen=chosen)
    forced = import_columns.parse_specs(columns, [len(layout.header) for layout in parsed.layouts])
    return parse_appendix(document, chosen=chosen, forced=forced) if forced else parsed


def _write(db: Database, parsed: ParsedAppendix, sha256: str, *, remember: bool = False) -> ImportResult:
    from desktop_app.services.backups import BEFORE_IMPORT, backup_before

    backup_before(db.path, BEFORE_IMPORT)  # an import cannot fail half-done, but it can be regretted
    with db.transaction() as session, session.no_autoflush:
        spellings = [name for p in parsed.items for name in p.monitoring + p.implementing + p.coordinating]
        known = known_spellings(session, list({unit_key(name) for name in spellings}))
        units = resolve_units(session, spellings)
        # Merges are judged against the whole registry, and named by the name the unit is shown as.
        warnings = [w for w in parsed.warnings if w.code != "units_merged"] + unit_merge_warnings(
            parsed, shown={key: unit.name for key, unit in units.items()}, known=known
        )
        plan = Plan(
            commune=parsed.commune,
            plan_number=parsed.plan_number,
            plan_date=parsed.plan_date,
            year=parsed.year,
            title=parsed.title,
            source_name=parsed.source_name,
            source_sha256=sha256,
            imported_at=utcnow(),
            issuer=parsed.issuer,
        )
        session.add(plan)
        sections = [Section(numeral=s.numeral, title=s.title, order=i) for i, s in enumerate(parsed.sections)]
        plan.sections.extend(sections)
        groups: list[Group] = []
        for i, g in enumerate(parsed.groups):
            group = Group(number=g.number, title=g.title, order=i)
            sections[g.section].groups.append(group)
            groups.append(group)
        session.flush()  # ids of the plan, its sections and groups, and new units
        if len(parsed.items) > BULK_ITEMS:
            audit.suspend_insert_entries(session)  # the plan's own entry is written; its rows get summaries
        last_numbers = _last_numbers(parsed)
        item_ids = insert_rows(session, Item, [
            {
                "plan_id": plan.id,
                "section_id": sections[p.section].id,
                "group_id": groups[p.group].id if p.group is not None else None,
                "order": order, "number_raw": p.number_raw, "number": p.number, "kind": p.kind,
                "text": p.text, "note": p.note, "source_line": p.line, "explanation": p.explanation,
                "unit_of_measure": p.unit_of_measure, "target_text": p.target_text, "output": p.output,
                "budget": p.budget,
                **item_fields(p.number, p.text, [units[unit_key(n)].name for n in p.monitoring],
                              [units[unit_key(n)].name for n in p.implementing], p.deadline.due,
                              last_numbers[order], p.section),
            }
            for order, p in enumerate(parsed.items)
        ])
        deadlines: list[dict[str, Any]] = []
        targets: list[dict[str, Any]] = []
        assignments: list[dict[str, Any]] = []
        for item_id, p in zip(item_ids, parsed.items, strict=True):
            deadlines.append({"item_id": item_id, "raw": p.deadline.raw, "kind": p.deadline.kind, "due": p.deadline.due})
            targets.extend(
                {"item_id": item_id, "order": i, "op": t.op, "value": t.value, "unit_kind": t.unit_kind,
                 "unit": t.unit, "subject": t.subject, "raw": t.raw}
                for i, t in enumerate(measurable_targets(p.targets))  # the others were warned about
            )
            for role, names in (("monitoring", p.monitoring), ("implementing", p.implementing),
                                ("coordinating", p.coordinating)):
                # the same unit written twice in one cell counts once
                unit_ids = list(dict.fromkeys(units[unit_key(name)].id for name in names))
                assignments.extend(
                    {"item_id": item_id, "unit_id": unit_id, "role": role, "order": n}
                    for n, unit_id in enumerate(unit_ids)
                )
        insert_rows(session, Deadline, deadlines)
        insert_rows(session, Target, targets)
        insert_rows(session, Assignment, assignments)
        insert_rows(session, PlanWarning, [{"plan_id": plan.id, "order": i, "code": w.code, "message": w.message}
                                           for i, w in enumerate(warnings)])
        if remember:
            import_columns.remember(session, parsed.layouts)
        if len(parsed.items) > BULK_ITEMS:
            for table, count in (("items", len(item_ids)), ("targets", len(targets)), ("deadlines", len(deadlines)),
                                 ("assignments", len(assignments))):
                audit.add_summary(session, table=table, count=count, label=f"{count} bản ghi từ tệp «{parsed.source_name}»",
                                  plan_uuid=plan.uuid)
        session.flush()
        return ImportResult(
            plan_id=plan.id,
            commune=plan.commune,
            plan_number=plan.plan_number,
            sections=len(parsed.sections),
            groups=len(parsed.groups),
            items=len(parsed.items),
            warnings=warnings,
        )


@dataclass(frozen=True)
class Preview:
    """A parsed appendix not yet written: what the preview dialog shows and the officer may correct."""

    parsed: ParsedAppendix
    sha256: str
    already_imported: int | None
    """The id of a plan imported earlier from the same bytes, if any."""
    document: RawDocument | None = None
    """The tables as read, to interpret again with other column roles."""
    roles_confirmed: bool = False
    """The officer chose or confirmed the column roles: they are remembered when the plan is imported."""

    @property
    def confident(self) -> bool:
        """The program is sure of every table's column roles (or the officer confirmed them)."""
        return self.roles_confirmed or all(layout.confident for layout in self.parsed.layouts)

    def warnings(self, db: Database) -> list[ImportWarning]:
        """The warnings an import would give now, unit merges judged against the registry."""
        with db.reading() as session:
            keys = list({unit_key(n) for p in self.parsed.items for n in p.monitoring + p.implementing + p.coordinating})
            known = known_spellings(session, keys)
        merges = unit_merge_warnings(self.parsed, known=known)
        return [w for w in self.parsed.warnings if w.code != "units_merged"] + merges


def _preview(db: Database, parsed: ParsedAppendix, sha256: str, document: RawDocument) -> Preview:
    with db.reading() as session:
        existing = plan_by_sha256(session, sha256)
        return Preview(parsed, sha256, existing.id if existing is not None else None, document)


def preview_file(db: Database, *, path: Path) -> Preview:
    """Read and interpret a file for the preview (with the column roles remembered); nothing is written."""
    parsed, sha256, document = parse_file(path, chosen=import_columns.remembered(db))
    return _preview(db, parsed, sha256, document)


def preview_text(db: Database, *, text: str) -> Preview:
    """Interpret pasted text for the preview; nothing is written."""
    from desktop_app.io.appendix.detect import read_clipboard_text

    document = read_clipboard_text(text)
    parsed = _interpret(document, chosen=import_columns.remembered(db))
    return _preview(db, parsed, hashlib.sha256(text.encode("utf-8")).hexdigest(), document)


def with_roles(preview: Preview, *, roles: Mapping[str, Sequence[str]]) -> Preview:
    """The preview interpreted again with the column roles the officer chose (by header key), marked confirmed;
    corrections typed in the preview before are dropped with the old reading."""
    from desktop_app.io.appendix.parser import parse_appendix

    if preview.document is None:
        raise InvalidValue("import.preview_without_tables")
    chosen = {layout.key: list(layout.roles) for layout in preview.parsed.layouts}
    chosen.update({key: list(value) for key, value in roles.items()})
    return replace(preview, parsed=parse_appendix(preview.document, chosen=chosen), roles_confirmed=True)


def table_samples(preview: Preview, *, rows: int = 8) -> list[list[list[str]]]:
    """The first body rows of each table, in the order of preview.parsed.layouts (for choosing column roles)."""
    from desktop_app.domain.text import clean
    from desktop_app.io.appendix.tables import find_runs

    if preview.document is None:
        return [[] for _ in preview.parsed.layouts]
    by_key: dict[str, list[list[str]]] = {}
    for run in find_runs(preview.document):
        sample = by_key.setdefault(run.key, [])
        for raw in run.rows:
            if len(sample) >= rows:
                break
            cells = [clean(c) for c in raw.cells]
            if any(cells):
                sample.append(cells)
    return [by_key.get(layout.key, []) for layout in preview.parsed.layouts]


def revise(preview: Preview, *, item_index: int, field: str, value: str) -> Preview:
    """The preview with one cell corrected (targets, kind, deadline and warnings follow)."""
    from desktop_app.io.appendix.parser import revise_item

    return replace(preview, parsed=revise_item(preview.parsed, item_index, field, value))


def import_preview(db: Database, *, preview: Preview, again: bool = False) -> ImportResult:
    """Write a (possibly corrected) preview as a new plan, in one transaction."""
    require_admin(db, "action.import_plan")
    if preview.already_imported is not None and not again:
        raise DuplicateImport("import.duplicate", file=preview.parsed.source_name,
                              existing_plan_id=preview.already_imported, plan_id=preview.already_imported)
    if not preview.confident:
        raise import_columns.UnsureColumns(import_columns.unsure_message(preview.parsed.layouts),
                                           file=preview.parsed.source_name, layouts=preview.parsed.layouts)
    _require_items(preview.parsed)
    return _write(db, preview.parsed, preview.sha256, remember=preview.roles_confirmed)


def _require_items(parsed: ParsedAppendix) -> None:
    if not parsed.items:
        raise FileRefused("import.no_items_with_columns", file=parsed.source_name)


def _last_numbers(parsed: ParsedAppendix) -> list[str | None]:
    """For each item, what it sorts after: for an unnumbered row the last number before it, for a lettered one
    ("a)") the number of digits it hangs under in its group, else the group's own number (db.summary does the
    same when an item is edited)."""
    result: list[str | None] = []
    last: dict[int, str] = {}
    parent: dict[tuple[int, int | None], str] = {}
    for p in parsed.items:
        if is_sub_letter(p.number):
            group = parsed.groups[p.group].number if p.group is not None else None
            result.append(parent.get((p.section, p.group)) or group)
        else:
            result.append(last.get(p.section))
        if p.number:
            last[p.section] = p.number
        if p.number[:1].isdigit():
            parent[(p.section, p.group)] = p.number
    return result


def import_file(db: Database, *, path: Path, again: bool = False,
                columns: str | Sequence[str] | None = None) -> ImportResult:
    """Import an appendix file as a new plan in one transaction; refuse a file already imported unless again.
    columns: the column roles ("1=number,2=text,…"), needed when the program is not sure of them (UnsureColumns);
    given roles are remembered for the next file with the same header."""
    require_admin(db, "action.import_plan")
    from desktop_app.io.appendix.detect import read_document

    data = read_file_bytes(path)
    sha256 = hashlib.sha256(data).hexdigest()
    if not again:  # before reading the file: a large one takes a while to interpret
        with db.reading() as session:
            existing = plan_by_sha256(session, sha256)
            if existing is not None:
                raise DuplicateImport("import.duplicate_file", file=path.name, existing_plan_id=existing.id,
                                      plan_id=existing.id, commune=existing.commune or "?")
    parsed = _interpret(read_document(data, path.name), chosen=import_columns.remembered(db), columns=columns)
    del data  # the tables as read are not needed to write: a large file's memory goes back at once
    if not columns and not all(layout.confident for layout in parsed.layouts):
        raise import_columns.UnsureColumns(import_columns.unsure_message(parsed.layouts), file=path.name,
                                           layouts=parsed.layouts)
    _require_items(parsed)
    with audit.acting(f"Nhập tệp «{path.name}»"):
        return _write(db, parsed, sha256, remember=bool(columns))


def show_columns(db: Database, *, path: Path) -> list[dict[str, Any]]:
    """Each table's header with the roles the import would give its columns, and whether they are sure."""
    parsed, _, _ = parse_file(path, chosen=import_columns.remembered(db))
    return import_columns.describe(parsed.layouts)


def import_text(db: Database, *, text: str) -> ImportResult:
    """Import an appendix pasted as text (from the clipboard), in one transaction."""
    require_admin(db, "action.import_plan")
    from desktop_app.io.appendix.detect import CLIPBOARD, read_clipboard_text

    parsed = _interpret(read_clipboard_text(text), chosen=import_columns.remembered(db))
    if not all(layout.confident for layout in parsed.layouts):
        raise import_columns.UnsureColumns(import_columns.unsure_message(parsed.layouts),
                                           file=CLIPBOARD, layouts=parsed.layouts)
    _require_items(parsed)
    with audit.acting("Dán từ bộ nhớ tạm"):
        return _write(db, parsed, hashlib.sha256(text.encode("utf-8")).hexdigest())
