"""What appendices of other layouts carry beside the item text: an issuing body on plans; an explanation, unit of
measure, target as written, product and budget on items; coordinating units (role "coordinating") and recurring
yearly deadlines (kind "yearly"). The rev and audit triggers of plans and items are made again with the new
columns; deadlines and assignments are rebuilt for their new CHECK constraints, their indexes and triggers
copied from the file as they were.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

from db.audit_schema import audit_trigger_names, audit_trigger_sql
from db.exchange.schema import trigger_sql

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
    for name in audit_trigger_names(table):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in [*trigger_sql(table, synced), *audit_trigger_sql(table, audited)]:
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
    op.execute(create.replace(old, new).replace(f"CREATE TABLE {table}", f"CREATE TABLE {table}_0008", 1))
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
