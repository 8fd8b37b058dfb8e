"""The audit trail: one row per inserted, changed or deleted plan, item, target, deadline, unit, assignment
and progress report, written by triggers in the same transaction; who and the source are stamped at commit.

The triggers are made by a frozen copy (below) of db/audit_schema.py's generator, on the columns audited at
this revision (0008 adds columns of plans and items and makes their triggers again).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen here: a later change of db.audit_schema.AUDITED comes with its own migration (0008 for plans, items).
AUDITED = {
    "plans": ("commune", "plan_number", "plan_date", "year", "title", "source_name", "period_kind"),
    "units": ("name",),
    "items": ("group_id", "number", "kind", "text", "note"),
    "targets": ("op", "value", "unit", "subject", "raw"),
    "deadlines": ("raw", "due"),
    "assignments": ("unit_id", "role"),
    "progress_reports": ("unit_id", "period_id", "value", "numerator", "denominator", "status", "narrative",
                         "evidence", "document_number", "document_date", "reported_by"),
}


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("installation", sa.Text(), nullable=True),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=True),
        sa.Column("plan_uuid", sa.String(length=36), nullable=True),
        sa.Column("item_uuid", sa.String(length=36), nullable=True),
        sa.Column("label", sa.Text(), nullable=False, server_default=""),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False, server_default="{}"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("uuid", name=op.f("uq_audit_log_uuid")),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_item_uuid", "audit_log", ["item_uuid"])
    op.create_index("ix_audit_log_plan_uuid", "audit_log", ["plan_uuid"])
    op.create_index("ix_audit_log_unstamped", "audit_log", ["id"], sqlite_where=sa.text("who IS NULL"))
    for table, columns in AUDITED.items():
        for statement in _audit_trigger_sql(table, columns):
            op.execute(statement)


def downgrade() -> None:
    for table in AUDITED:
        for name in _audit_trigger_names(table):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("audit_log")


# ---------------------------------------------------------------------------------------------------------------
# Frozen copy of db/audit_schema.py's trigger SQL (and of db/exchange/schema.py's NOW_SQL and NEW_REV_SQL).

_NOW_SQL = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
_NEW_REV_SQL = "lower(hex(randomblob(16)))"

_SHOWN = {  # a reference column as the text a person reads
    "unit_id": "(SELECT name FROM units WHERE id = {r}.unit_id)",
    "period_id": "(SELECT label FROM periods WHERE id = {r}.period_id)",
    "group_id": "(SELECT number || '. ' || title FROM groups WHERE id = {r}.group_id)",
}

_ITEM_NUMBER = "coalesce((SELECT number FROM items WHERE id = {r}.item_id), '')"
_ITEM_UUID = "(SELECT uuid FROM items WHERE id = {r}.item_id)"
_PLAN_OF_ITEM = "(SELECT p.uuid FROM plans p JOIN items i ON i.plan_id = p.id WHERE i.id = {r}.item_id)"

_WHERE = {
    # table: (plan uuid, item uuid, label) of a row named {r} (NEW or OLD)
    "plans": ("{r}.uuid", "NULL", "{r}.plan_number || ' ' || substr({r}.title, 1, 120)"),
    "units": ("NULL", "NULL", "{r}.name"),
    "items": ("(SELECT uuid FROM plans WHERE id = {r}.plan_id)", "{r}.uuid",
              "{r}.number || ' ' || substr({r}.text, 1, 120)"),
    "targets": (_PLAN_OF_ITEM, _ITEM_UUID, _ITEM_NUMBER + " || ' · ' || {r}.raw"),
    "deadlines": (_PLAN_OF_ITEM, _ITEM_UUID, _ITEM_NUMBER + " || ' · ' || {r}.raw"),
    "assignments": (_PLAN_OF_ITEM, _ITEM_UUID,
                    _ITEM_NUMBER + " || ' · ' || coalesce((SELECT name FROM units WHERE id = {r}.unit_id), '')"),
    "progress_reports": (_PLAN_OF_ITEM, _ITEM_UUID,
                         _ITEM_NUMBER + " || coalesce(' · ' || (SELECT label FROM periods WHERE id = {r}.period_id),"
                         " '') || coalesce(' · ' || (SELECT name FROM units WHERE id = {r}.unit_id), '')"),
}


def _q(column: str) -> str:
    return f'"{column}"'


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
