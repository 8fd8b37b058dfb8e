"""Which tables travel in data packages, their content columns and references, and the SQL triggers that give
every local content change a new revision, keep the content it had at the last exchange, and leave a tombstone
behind every deletion.

A row's `rev` names its content; `base_rev` is the revision it was last exchanged at (sent or received), NULL for
a row made here and never exchanged. The first local change after an exchange copies the old content into
`sync_bases`, so a later merge can tell which fields each side changed.
"""

from __future__ import annotations

from typing import Final

SYNCED: Final[dict[str, tuple[str, ...]]] = {
    # in parent-before-child order: an import inserts in this order and deletes in the reverse one
    "units": ("name", "key", "named_by_user"),
    "plans": ("commune", "plan_number", "plan_date", "year", "title", "source_name", "source_sha256",
              "imported_at", "period_kind", "period_basis", "issuer"),
    "sections": ("plan_id", "order", "numeral", "title"),
    "groups": ("section_id", "order", "number", "title"),
    "items": ("plan_id", "section_id", "group_id", "order", "number_raw", "number", "kind", "text", "note",
              "source_line", "explanation", "unit_of_measure", "target_text", "output", "budget"),
    "targets": ("item_id", "order", "op", "value", "unit_kind", "unit", "subject", "raw"),
    "deadlines": ("item_id", "raw", "kind", "due"),
    "assignments": ("item_id", "unit_id", "role", "order"),
    "periods": ("plan_id", "kind", "basis", "label", "start", "end"),
    "progress_reports": ("item_id", "unit_id", "period_id", "value", "numerator", "denominator", "status",
                         "narrative", "evidence", "document_number", "document_date", "reported_at",
                         "reported_by"),
    "evidence_files": ("report_id", "file_name", "sha256", "size"),
}

ADDED: Final[dict[str, dict[str, object]]] = {
    # columns added to SYNCED after package format 1, with the value a format-1 package stands for
    "plans": {"issuer": ""},
    "items": {"explanation": "", "unit_of_measure": "", "target_text": "", "output": "", "budget": ""},
}

REFERENCES: Final[dict[str, str]] = {
    "plan_id": "plans", "section_id": "sections", "group_id": "groups", "item_id": "items",
    "unit_id": "units", "period_id": "periods", "report_id": "progress_reports",
}

NOW_SQL: Final = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
"""The current UTC time in the text form SQLAlchemy stores DateTime columns in (microseconds)."""

NEW_REV_SQL: Final = "lower(hex(randomblob(16)))"


def _q(column: str) -> str:
    return f'"{column}"'


def trigger_sql(table: str, columns: tuple[str, ...]) -> list[str]:
    """CREATE TRIGGER statements for one synced table (revision on change, base snapshot, tombstone). The
    revisions hold frozen copies of this code: a change of the triggers needs a revision of its own
    (tests/test_migrations_frozen.py checks that this code makes the triggers the revisions leave)."""
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in columns)
    content = ", ".join(f"'{c}', OLD.{_q(c)}" for c in columns)
    return [
        f"""CREATE TRIGGER trg_{table}_rev AFTER UPDATE OF {", ".join(_q(c) for c in columns)} ON {table}
        FOR EACH ROW WHEN NEW.rev IS OLD.rev AND ({changed})
        BEGIN
            INSERT OR REPLACE INTO sync_bases (uuid, rev, content)
                SELECT OLD.uuid, OLD.rev, json_object({content})
                WHERE OLD.base_rev IS NULL OR OLD.base_rev = OLD.rev;
            UPDATE {table} SET rev = {NEW_REV_SQL}, base_rev = coalesce(OLD.base_rev, OLD.rev),
                updated_at = {NOW_SQL} WHERE id = NEW.id;
        END""",
        f"""CREATE TRIGGER trg_{table}_tombstone AFTER DELETE ON {table}
        FOR EACH ROW
        BEGIN
            INSERT OR REPLACE INTO tombstones (uuid, table_name, rev, deleted_at)
                VALUES (OLD.uuid, '{table}', OLD.rev, {NOW_SQL});
            DELETE FROM sync_bases WHERE uuid = OLD.uuid;
        END""",
    ]

