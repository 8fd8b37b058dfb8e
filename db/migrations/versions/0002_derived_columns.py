"""Derived columns for filtering and sorting in SQL: item number/search/unit sort keys and latest result;
unit sort names and whether an officer named the unit; alias identity keys. Existing rows are filled in.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: no table is copied, so no foreign key is disturbed.
    for name, column_type in (("number_key", sa.String(length=80)), ("search_text", sa.Text()),
                              ("unit_sort", sa.String(length=600)), ("due_sort", sa.String(length=10))):
        op.add_column("items", sa.Column(name, column_type, nullable=False, server_default=""))
    for name, column_type in (("result", sa.String(length=10)), ("latest_value", sa.String(length=40)),
                              ("latest_status", sa.String(length=12)), ("latest_period", sa.String(length=60)),
                              ("last_update", sa.DateTime())):
        op.add_column("items", sa.Column(name, column_type, nullable=True))
    op.create_index(op.f("ix_items_number_key"), "items", ["number_key"], unique=False)
    op.create_index("ix_items_plan_number", "items", ["plan_id", "number_key", "order"], unique=False)
    op.create_index("ix_items_plan_unit", "items", ["plan_id", "unit_sort", "number_key"], unique=False)
    op.create_index("ix_items_plan_due", "items", ["plan_id", "due_sort", "number_key"], unique=False)
    op.add_column("unit_aliases", sa.Column("key", sa.String(length=300), nullable=False, server_default=""))
    op.create_index(op.f("ix_unit_aliases_key"), "unit_aliases", ["key"], unique=False)
    op.add_column("units", sa.Column("sort_name", sa.String(length=600), nullable=False, server_default=""))
    op.add_column("units", sa.Column("named_by_user", sa.Boolean(), nullable=False, server_default=sa.false()))

    # Fill the new columns of existing rows with the same code the program uses from now on.
    from sqlalchemy.orm import Session

    from db.summary import refresh_items, refresh_unit_keys

    session = Session(bind=op.get_bind())
    refresh_unit_keys(session)
    ids = [row[0] for row in op.get_bind().execute(sa.text("SELECT id FROM items"))]
    refresh_items(session, ids)
    session.flush()


def downgrade() -> None:
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_column("named_by_user")
        batch_op.drop_column("sort_name")
    with op.batch_alter_table("unit_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_aliases_key"))
        batch_op.drop_column("key")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_number_key"))
        batch_op.drop_index("ix_items_plan_number")
        batch_op.drop_index("ix_items_plan_unit")
        batch_op.drop_index("ix_items_plan_due")
        for column in ("last_update", "latest_period", "latest_status", "latest_value", "result", "due_sort", "unit_sort",
                       "search_text", "number_key"):
            batch_op.drop_column(column)
