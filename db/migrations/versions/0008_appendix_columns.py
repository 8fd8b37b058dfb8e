"""What appendices of other layouts carry beside the item text: an issuing body on plans; an explanation, unit of
measure, target as written, product and budget on items; coordinating units (role "coordinating") and recurring
yearly deadlines (kind "yearly"). The rev and audit triggers of plans and items are made again with the new
columns; deadlines and assignments are rebuilt for their new CHECK constraints, their indexes and triggers
copied from the file as they were.

Revision ID: 0008
Revises: 0007
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Frozen here: a later change of SYNCED or AUDITED comes with its own migration.
SYNCED = {
    "plans": ("commune", "plan_number", "plan_date", "year", "title", "source_name", "source_sha256",
              "imported_at", "period_kind", "period_basis", "issuer"),
    "items": ("plan_id", "section_id", "group_id", "order", "number_raw", "number", "kind", "text", "note",
              "source_line", "explanation", "unit_of_measure", "target_text", "output", "budget"),
}
AUDITED = {
    "plans": ("commune", "plan_number", "plan_date", "year", "title", "source_name", "period_kind", "issuer"),
    "items": ("group_id", "number", "kind", "text", "note", "explanation", "unit_of_measure", "target_text", "output",
              "budget"),
}
ITEM_TEXTS = (("explanation", sa.Text()), ("unit_of_measure", sa.String(length=100)), ("target_text", sa.Text()),
              ("output", sa.Text()), ("budget", sa.Text()))
CHECKS = {
    "deadlines": ("kind IN ('date', 'ongoing', 'other')", "kind IN ('date', 'ongoing', 'yearly', 'other')"),
    "assignments": ("role IN ('monitoring', 'implementing')",
                    "role IN ('monitoring', 'implementing', 'coordinating')"),
}


def _remake_triggers(table: str, synced: tuple[str, ...], audited: tuple[str, ...]) -> None:
    op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_rev")
    op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_tombstone")
    for name in _audit_trigger_names(table):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in [*_trigger_sql(table, synced), *_audit_trigger_sql(table, audited)]:
        op.execute(statement)


def _rebuild(table: str, old: str, new: str) -> None:
    """SQLite's way to change a CHECK constraint: a new table with the new definition, the rows copied, the old
    one dropped and the new one renamed; its indexes and triggers are made again from their own SQL."""
    conn = op.get_bind()
    schema = conn.exec_driver_sql(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL", (table,)).all()
    (create,) = [sql for kind, sql in schema if kind == "table"]
    if old not in create:
        raise RuntimeError(f"{table}: unexpected definition, no {old!r}")
    dependants = [sql for kind, sql in schema if kind in ("index", "trigger")]
    # the name as written at first (CREATE TABLE deadlines) or as SQLite writes it after a rename ("deadlines")
    renamed = re.sub(rf'^CREATE TABLE "?{table}"?', f"CREATE TABLE {table}_0008", create.replace(old, new), count=1)
    op.execute(renamed)
    op.execute(f"INSERT INTO {table}_0008 SELECT * FROM {table}")
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE {table}_0008 RENAME TO {table}")
    for sql in dependants:
        op.execute(sql)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: no table is copied, so no foreign key is disturbed.
    op.add_column("plans", sa.Column("issuer", sa.String(length=300), nullable=False, server_default=""))
    for name, column_type in ITEM_TEXTS:
        op.add_column("items", sa.Column(name, column_type, nullable=False, server_default=""))
    for table in ("plans", "items"):
        _remake_triggers(table, SYNCED[table], AUDITED[table])
    for table, (old, new) in CHECKS.items():
        _rebuild(table, old, new)


def downgrade() -> None:
    op.execute("DELETE FROM deadlines WHERE kind = 'yearly'")
    op.execute("DELETE FROM assignments WHERE role = 'coordinating'")
    for table, (old, new) in CHECKS.items():
        _rebuild(table, new, old)
    previous_synced = {table: columns[:-1] if table == "plans" else columns[:-5] for table, columns in SYNCED.items()}
    previous_audited = {table: columns[:-1] if table == "plans" else columns[:-5] for table, columns in AUDITED.items()}
    for table in ("plans", "items"):
        _remake_triggers(table, previous_synced[table], previous_audited[table])
    for name, _ in ITEM_TEXTS:  # SQLite 3.35+ drops a column in place: no table is copied
        op.execute(f"ALTER TABLE items DROP COLUMN {name}")
    op.execute("ALTER TABLE plans DROP COLUMN issuer")


# ---------------------------------------------------------------------------------------------------------------
# Frozen copies of db/exchange/schema.py's trigger_sql() and db/audit_schema.py's audit_trigger_sql() (for plans and
# items): the triggers this revision makes are the same whatever the program later does with its own.

_NOW_SQL = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
_NEW_REV_SQL = "lower(hex(randomblob(16)))"


def _q(column: str) -> str:
    return f'"{column}"'


def _trigger_sql(table: str, columns: tuple[str, ...]) -> list[str]:
    """CREATE TRIGGER statements for one synced table (revision on change, base snapshot, tombstone)."""
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in columns)
    content = ", ".join(f"'{c}', OLD.{_q(c)}" for c in columns)
    return [
        f"""CREATE TRIGGER trg_{table}_rev AFTER UPDATE OF {", ".join(_q(c) for c in columns)} ON {table}
        FOR EACH ROW WHEN NEW.rev IS OLD.rev AND ({changed})
        BEGIN
            INSERT OR REPLACE INTO sync_bases (uuid, rev, content)
                SELECT OLD.uuid, OLD.rev, json_object({content})
                WHERE OLD.base_rev IS NULL OR OLD.base_rev = OLD.rev;
            UPDATE {table} SET rev = {_NEW_REV_SQL}, base_rev = coalesce(OLD.base_rev, OLD.rev),
                updated_at = {_NOW_SQL} WHERE id = NEW.id;
        END""",
        f"""CREATE TRIGGER trg_{table}_tombstone AFTER DELETE ON {table}
        FOR EACH ROW
        BEGIN
            INSERT OR REPLACE INTO tombstones (uuid, table_name, rev, deleted_at)
                VALUES (OLD.uuid, '{table}', OLD.rev, {_NOW_SQL});
            DELETE FROM sync_bases WHERE uuid = OLD.uuid;
        END""",
    ]


_SHOWN = {  # a reference column as the text a person reads
    "group_id": "(SELECT number || '. ' || title FROM groups WHERE id = {r}.group_id)",
}

_WHERE = {
    # table: (plan uuid, item uuid, label) of a row named {r} (NEW or OLD)
    "plans": ("{r}.uuid", "NULL", "{r}.plan_number || ' ' || substr({r}.title, 1, 120)"),
    "items": ("(SELECT uuid FROM plans WHERE id = {r}.plan_id)", "{r}.uuid",
              "{r}.number || ' ' || substr({r}.text, 1, 120)"),
}


def _shown(column: str, row: str) -> str:
    return _SHOWN[column].format(r=row) if column in _SHOWN else f"{row}.{_q(column)}"


def _entry(table: str, action: str, row: str, changes: str) -> str:
    plan, item, label = (part.format(r=row) for part in _WHERE[table])
    return (f"INSERT INTO audit_log (uuid, at, table_name, record_uuid, plan_uuid, item_uuid, label, action, "
            f"changes) VALUES ({_NEW_REV_SQL}, {_NOW_SQL}, '{table}', {row}.uuid, {plan}, {item}, "
            f"coalesce({label}, ''), '{action}', json_patch('{{}}', json_object({changes})));")


def _audit_trigger_sql(table: str, columns: tuple[str, ...]) -> list[str]:
    """CREATE TRIGGER statements of one audited table (insert, update, delete)."""
    # json_patch drops the members whose value is NULL: only the fields that changed (or are set) remain
    inserted = ", ".join(f"'{c}', CASE WHEN NEW.{_q(c)} IS NOT NULL THEN json_array(NULL, {_shown(c, 'NEW')}) END"
                         for c in columns)
    updated = ", ".join(f"'{c}', CASE WHEN OLD.{_q(c)} IS NOT NEW.{_q(c)} "
                        f"THEN json_array({_shown(c, 'OLD')}, {_shown(c, 'NEW')}) END" for c in columns)
    deleted = ", ".join(f"'{c}', CASE WHEN OLD.{_q(c)} IS NOT NULL THEN json_array({_shown(c, 'OLD')}, NULL) END"
                        for c in columns)
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in columns)
    return [
        f"""CREATE TRIGGER trg_{table}_audit_insert AFTER INSERT """
        f"""ON {table} FOR EACH ROW BEGIN {_entry(table, "insert", "NEW", inserted)} END""",
        f"""CREATE TRIGGER trg_{table}_audit_update AFTER UPDATE OF {", ".join(map(_q, columns))} ON {table}
        FOR EACH ROW WHEN {changed}
        BEGIN {_entry(table, "update", "NEW", updated)} END""",
        f"""CREATE TRIGGER trg_{table}_audit_delete AFTER DELETE ON {table}
        FOR EACH ROW
        BEGIN {_entry(table, "delete", "OLD", deleted)} END""",
    ]


def _audit_trigger_names(table: str) -> list[str]:
    """The names of the triggers _audit_trigger_sql makes."""
    return [f"trg_{table}_audit_{action}" for action in ("insert", "update", "delete")]
