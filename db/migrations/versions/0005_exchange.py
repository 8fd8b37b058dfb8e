"""Exchange between installations: a revision on every synced row, tombstones, the content at the last
exchange, the history of replaced versions, known senders and packages sent, matched names, and the
hand-made indicator matches of the province view.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen here: a later change of db.exchange.schema.SYNCED comes with its own migration.
SYNCED = {
    "units": ("name", "key", "named_by_user"),
    "plans": ("commune", "plan_number", "plan_date", "year", "title", "source_name", "source_sha256",
              "imported_at", "period_kind", "period_basis"),
    "sections": ("plan_id", "order", "numeral", "title"),
    "groups": ("section_id", "order", "number", "title"),
    "items": ("plan_id", "section_id", "group_id", "order", "number_raw", "number", "kind", "text", "note",
              "source_line"),
    "targets": ("item_id", "order", "op", "value", "unit_kind", "unit", "subject", "raw"),
    "deadlines": ("item_id", "raw", "kind", "due"),
    "assignments": ("item_id", "unit_id", "role", "order"),
    "periods": ("plan_id", "kind", "basis", "label", "start", "end"),
    "progress_reports": ("item_id", "unit_id", "period_id", "value", "numerator", "denominator", "status",
                         "narrative", "evidence", "document_number", "document_date", "reported_at",
                         "reported_by"),
    "evidence_files": ("report_id", "file_name", "sha256", "size"),
}
TRACKED = [*SYNCED, "plan_warnings", "unit_aliases"]

# Frozen copy of db/exchange/schema.py's trigger SQL: the triggers this revision makes are the same whatever the
# program later does with its own.
_NOW_SQL = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
"""The current UTC time in the text form SQLAlchemy stores DateTime columns in (microseconds)."""

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


def upgrade() -> None:
    for table in TRACKED:
        op.add_column(table, sa.Column("rev", sa.String(length=32), nullable=False, server_default=""))
        op.add_column(table, sa.Column("base_rev", sa.String(length=32), nullable=True))
        op.execute(f"UPDATE {table} SET rev = {_NEW_REV_SQL}")
        op.create_index(f"ix_{table}_updated_at", table, ["updated_at"])
    op.create_table(
        "tombstones",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("rev", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_tombstones")),
    )
    op.create_index("ix_tombstones_deleted_at", "tombstones", ["deleted_at"])
    op.create_table(
        "sync_bases",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_sync_bases")),
    )
    op.create_table(
        "record_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.String(length=32), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False, server_default=""),
        sa.Column("restored_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_history")),
    )
    op.create_index("ix_record_history_uuid", "record_history", ["uuid", "rev"])
    op.create_table(
        "peers",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("trusted_at", sa.DateTime(), nullable=False),
        sa.Column("last_received_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("installation_id", name=op.f("pk_peers")),
    )
    op.create_index("ix_peers_name_key", "peers", ["name_key"])
    op.create_table(
        "sent_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("to_name", sa.String(length=200), nullable=False),
        sa.Column("to_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=True),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sent_packages")),
    )
    op.create_index("ix_sent_packages_to_key", "sent_packages", ["to_key", "created_at"])
    op.create_table(
        "received_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_received_packages")),
    )
    op.create_table(
        "uuid_aliases",
        sa.Column("their_uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("local_uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("their_uuid", name=op.f("pk_uuid_aliases")),
    )
    op.create_table(
        "indicator_matches",
        sa.Column("text_key", sa.String(length=2000), nullable=False),
        sa.Column("indicator_key", sa.String(length=2000), nullable=False),
        sa.Column("matched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("text_key", name=op.f("pk_indicator_matches")),
    )
    for table, columns in SYNCED.items():
        for statement in _trigger_sql(table, columns):
            op.execute(statement)


def downgrade() -> None:
    for table in SYNCED:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_rev")
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_tombstone")
    for name in ("indicator_matches", "uuid_aliases", "received_packages", "sent_packages", "peers",
                 "record_history", "sync_bases", "tombstones"):
        op.drop_table(name)
    for table in TRACKED:
        op.drop_index(f"ix_{table}_updated_at", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("base_rev")
            batch.drop_column("rev")
