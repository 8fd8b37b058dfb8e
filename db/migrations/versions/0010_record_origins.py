"""Which installation each record received in a data package came from first (its owner): a trusted sender may
change the records it created and the progress reports of its own units; its changes to records of another
office are conflicts for the officer. A record made here has no row (this installation owns it); the records
received before this revision have none either, and are treated as made here.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_origins",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_record_origins")),
    )
    op.create_index("ix_record_origins_installation_id", "record_origins", ["installation_id"])


def downgrade() -> None:
    op.drop_index("ix_record_origins_installation_id", "record_origins")
    op.drop_table("record_origins")
