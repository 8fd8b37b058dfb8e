"""Evidence files attached to progress reports (copies kept beside the database, by SHA-256), and the number
and date of the document issued, reported for document items.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_files",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("stored_name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["progress_reports.id"],
                                name=op.f("fk_evidence_files_report_id_progress_reports"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_files")),
        sa.UniqueConstraint("uuid", name=op.f("uq_evidence_files_uuid")),
    )
    op.create_index(op.f("ix_evidence_files_report_id"), "evidence_files", ["report_id"], unique=False)
    op.create_index(op.f("ix_evidence_files_sha256"), "evidence_files", ["sha256"], unique=False)
    # Plain ALTER TABLE ADD COLUMN: no table is copied, so no foreign key is disturbed.
    op.add_column("progress_reports",
                  sa.Column("document_number", sa.String(length=100), nullable=False, server_default=""))
    op.add_column("progress_reports", sa.Column("document_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("progress_reports") as batch:
        batch.drop_column("document_date")
        batch.drop_column("document_number")
    op.drop_index(op.f("ix_evidence_files_sha256"), table_name="evidence_files")
    op.drop_index(op.f("ix_evidence_files_report_id"), table_name="evidence_files")
    op.drop_table("evidence_files")
