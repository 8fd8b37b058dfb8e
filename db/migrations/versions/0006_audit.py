"""The audit trail: one row per inserted, changed or deleted plan, item, target, deadline, unit, assignment
and progress report, written by triggers in the same transaction; who and the source are stamped at commit.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from db.audit_schema import AUDITED, audit_trigger_names, audit_trigger_sql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


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
    for table in AUDITED:
        for statement in audit_trigger_sql(table):
            op.execute(statement)


def downgrade() -> None:
    for table in AUDITED:
        for name in audit_trigger_names(table):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("audit_log")
