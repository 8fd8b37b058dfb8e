"""Use case: import a plan appendix from a file or pasted text, all or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

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
from db.queries import insert_rows, known_spellings, plan_by_sha256, resolve_units
from db.summary import item_fields
from desktop_app.domain.appendix import ImportWarning, ParsedAppendix
from desktop_app.domain.appendix_checks import unit_merge_warnings
from desktop_app.domain.text import unit_key
from desktop_app.errors import DuplicateImport, FileRefused
from desktop_app.io.file_errors import refusing
from desktop_app.services.permissions import require_admin

MAX_FILE_BYTES = 50 * 1024 * 1024


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


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes, or FileRefused with a clear reason (missing, a folder, unreadable, too large)."""
    name = path.name or str(path)
    with refusing(name):
        size = path.stat().st_size
        if path.is_dir():
            raise FileRefused("đây là một thư mục, không phải tệp.", file=name)
        if size > MAX_FILE_BYTES:
            raise FileRefused(
                f"tệp quá lớn ({size // (1024 * 1024)} MB; tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB).", file=name
            )
        return path.read_bytes()


def parse_file(path: Path) -> tuple[ParsedAppendix, str]:
    """Read and interpret an appendix file without touching the database; returns it and its SHA-256."""
    # The readers (lxml and the parsers) load on the first import, not while the window starts.
    from desktop_app.io.appendix_parser import parse_appendix
    from desktop_app.io.detect import read_document

    data = read_file_bytes(path)
    return parse_appendix(read_document(data, path.name)), hashlib.sha256(data).hexdigest()


def _write(db: Database, parsed: ParsedAppendix, sha256: str) -> ImportResult:
    from desktop_app.services.backups import BEFORE_IMPORT, backup_before

    backup_before(db.path, BEFORE_IMPORT)  # an import cannot fail half-done, but it can be regretted
    with db.transaction() as session, session.no_autoflush:
        spellings = [name for p in parsed.items for name in p.monitoring + p.implementing]
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
        last_numbers = _last_numbers(parsed)
        item_ids = insert_rows(session, Item, [
            {
                "plan_id": plan.id,
                "section_id": sections[p.section].id,
                "group_id": groups[p.group].id if p.group is not None else None,
                "order": order, "number_raw": p.number_raw, "number": p.number, "kind": p.kind,
                "text": p.text, "note": p.note, "source_line": p.line,
                **item_fields(p.number, p.text, [units[unit_key(n)].name for n in p.monitoring],
                              [units[unit_key(n)].name for n in p.implementing], p.deadline.due,
                              last_numbers[order], p.section),
            }
            for order, p in enumerate(parsed.items)
        ])
        deadlines, targets, assignments = [], [], []
        for item_id, p in zip(item_ids, parsed.items):
            deadlines.append({"item_id": item_id, "raw": p.deadline.raw, "kind": p.deadline.kind, "due": p.deadline.due})
            targets.extend(
                {"item_id": item_id, "order": i, "op": t.op, "value": t.value, "unit_kind": t.unit_kind,
                 "unit": t.unit, "subject": t.subject, "raw": t.raw}
                for i, t in enumerate(p.targets)
            )
            for role, names in (("monitoring", p.monitoring), ("implementing", p.implementing)):
                # the same unit written twice in one cell counts once
                unit_ids = list(dict.fromkeys(units[unit_key(name)].id for name in names))
                assignments.extend(
                    {"item_id": item_id, "unit_id": unit_id, "role": role, "order": n}
                    for n, unit_id in enumerate(unit_ids)
                )
        insert_rows(session, Deadline, deadlines)
        insert_rows(session, Target, targets)
        insert_rows(session, Assignment, assignments)
        plan.warnings.extend(PlanWarning(order=i, code=w.code, message=w.message) for i, w in enumerate(warnings))
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

    def warnings(self, db: Database) -> list[ImportWarning]:
        """The warnings an import would give now, unit merges judged against the registry."""
        with db.reading() as session:
            keys = list({unit_key(n) for p in self.parsed.items for n in p.monitoring + p.implementing})
            known = known_spellings(session, keys)
        merges = unit_merge_warnings(self.parsed, known=known)
        return [w for w in self.parsed.warnings if w.code != "units_merged"] + merges


def _preview(db: Database, parsed: ParsedAppendix, sha256: str) -> Preview:
    with db.reading() as session:
        existing = plan_by_sha256(session, sha256)
        return Preview(parsed, sha256, existing.id if existing is not None else None)


def preview_file(db: Database, *, path: Path) -> Preview:
    """Read and interpret a file for the preview; nothing is written."""
    parsed, sha256 = parse_file(path)
    return _preview(db, parsed, sha256)


def preview_text(db: Database, *, text: str) -> Preview:
    """Interpret pasted text for the preview; nothing is written."""
    from desktop_app.io.appendix_parser import parse_appendix
    from desktop_app.io.detect import read_clipboard_text

    return _preview(db, parse_appendix(read_clipboard_text(text)), hashlib.sha256(text.encode("utf-8")).hexdigest())


def revise(preview: Preview, *, item_index: int, field: str, value: str) -> Preview:
    """The preview with one cell corrected (targets, kind, deadline and warnings follow)."""
    from desktop_app.io.appendix_parser import revise_item

    return replace(preview, parsed=revise_item(preview.parsed, item_index, field, value))


def import_preview(db: Database, *, preview: Preview, again: bool = False) -> ImportResult:
    """Write a (possibly corrected) preview as a new plan, in one transaction."""
    require_admin(db, "nhập kế hoạch")
    if preview.already_imported is not None and not again:
        raise DuplicateImport(
            f"tệp này đã được nhập trước đây (kế hoạch #{preview.already_imported}).",
            file=preview.parsed.source_name, existing_plan_id=preview.already_imported,
        )
    return _write(db, preview.parsed, preview.sha256)


def _last_numbers(parsed: ParsedAppendix) -> list[str | None]:
    """For each item, the last non-empty number before it (an unnumbered row sorts after that one)."""
    result: list[str | None] = []
    last: dict[int, str] = {}
    for p in parsed.items:
        result.append(last.get(p.section))
        if p.number:
            last[p.section] = p.number
    return result


def import_file(db: Database, *, path: Path, again: bool = False) -> ImportResult:
    """Import an appendix file as a new plan in one transaction; refuse a file already imported unless again."""
    require_admin(db, "nhập kế hoạch")
    parsed, sha256 = parse_file(path)
    if not again:
        with db.reading() as session:
            existing = plan_by_sha256(session, sha256)
            if existing is not None:
                raise DuplicateImport(
                    f"tệp này đã được nhập trước đây (kế hoạch #{existing.id}, xã {existing.commune or '?'}). "
                    "Nhập lại sẽ tạo thêm một bản sao của kế hoạch.",
                    file=path.name,
                    existing_plan_id=existing.id,
                )
    with audit.acting(f"Nhập tệp «{path.name}»"):
        return _write(db, parsed, sha256)


def import_text(db: Database, *, text: str) -> ImportResult:
    """Import an appendix pasted as text (from the clipboard), in one transaction."""
    require_admin(db, "nhập kế hoạch")
    from desktop_app.io.appendix_parser import parse_appendix
    from desktop_app.io.detect import read_clipboard_text

    parsed = parse_appendix(read_clipboard_text(text))
    with audit.acting("Dán từ bộ nhớ tạm"):
        return _write(db, parsed, hashlib.sha256(text.encode("utf-8")).hexdigest())
