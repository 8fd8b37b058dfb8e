"""The change log becomes append-only and chained: audit_log gets a hash per entry (SHA-256 of the entry before
it and its own columns, set at commit), computed here for the entries already there, and triggers refusing every
DELETE and every UPDATE but the program's own stamp (who and source once, the hash once). Accounts and settings
are audited (never a password hash, the sign-in counters or the installation's private key); accounts keep
their failed sign-ins and the time before which no password is checked.

Revision ID: 0009
Revises: 0008
"""

import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Frozen here: a later change comes with its own migration.
AUDITED = {
    "accounts": ("login", "full_name", "role", "unit_id", "active"),
    "settings": ("value",),
}
SECRET_SETTINGS = ("installation.private_key", "audit.head")
HEAD_SETTING = "audit.head"
CHAIN_COLUMNS = ("id", "uuid", "at", "who", "source", "installation", "table_name", "record_uuid", "plan_uuid",
                 "item_uuid", "label", "action", "changes")
STAMPED = ("who", "source")


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_index("ix_audit_log_unchained", "audit_log", ["id"], sqlite_where=sa.text("hash IS NULL"))
    op.add_column("accounts", sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("accounts", sa.Column("wait_until", sa.DateTime(), nullable=True))
    op.execute("UPDATE audit_log SET who = '?' WHERE who IS NULL")  # never stamped: nobody known
    _chain(op.get_bind())
    for table, columns in AUDITED.items():
        for statement in _audit_trigger_sql(table, columns):
            op.execute(statement)
    for statement in _append_only_trigger_sql():
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS trg_audit_log_no_delete")
    for table in AUDITED:
        for action in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_audit_{action}")
    op.execute("DELETE FROM audit_log WHERE table_name IN ('accounts', 'settings')")
    op.execute(f"DELETE FROM settings WHERE key = '{HEAD_SETTING}'")
    op.drop_index("ix_audit_log_unchained", "audit_log")
    op.execute("ALTER TABLE audit_log DROP COLUMN hash")
    op.execute("ALTER TABLE accounts DROP COLUMN wait_until")
    op.execute("ALTER TABLE accounts DROP COLUMN failed_sign_ins")


def _entry_hash(previous: str, row: list) -> str:
    """Frozen copy of db/audit.py's entry_hash."""
    content = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{previous}\n{content}".encode()).hexdigest()


def _chain(conn: sa.engine.Connection) -> None:
    """The hash of every entry already in the file, in insertion order."""
    previous, updates = "", []
    rows = conn.exec_driver_sql(f"SELECT {', '.join(CHAIN_COLUMNS)} FROM audit_log ORDER BY id").all()
    for row in rows:
        previous = _entry_hash(previous, list(row))
        updates.append((previous, row[0]))
    if updates:
        conn.exec_driver_sql("UPDATE audit_log SET hash = ? WHERE id = ?", updates)
        head = json.dumps({"id": rows[-1][0], "hash": previous, "count": len(rows)}, separators=(",", ":"))
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (HEAD_SETTING, head))


# ---------------------------------------------------------------------------------------------------------------
# Frozen copies of db/audit_schema.py's trigger SQL for accounts and settings, and of its append-only triggers.

_NOW_SQL = "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000'"
_NEW_REV_SQL = "lower(hex(randomblob(16)))"
_SHOWN = {"unit_id": "(SELECT name FROM units WHERE id = {r}.unit_id)"}
_WHERE = {"accounts": ("NULL", "NULL", "{r}.login"), "settings": ("NULL", "NULL", "{r}.key")}
_WHEN = {"settings": "{r}.key NOT IN (" + ", ".join(f"'{k}'" for k in SECRET_SETTINGS) + ")"}


def _q(column: str) -> str:
    return f'"{column}"'


def _shown(column: str, row: str) -> str:
    return _SHOWN[column].format(r=row) if column in _SHOWN else f"{row}.{_q(column)}"


def _when(table: str, row: str) -> str:
    return f" WHEN {_WHEN[table].format(r=row)}" if table in _WHEN else ""


def _entry(table: str, action: str, row: str, changes: str) -> str:
    plan, item, label = (part.format(r=row) for part in _WHERE[table])
    return (f"INSERT INTO audit_log (uuid, at, table_name, record_uuid, plan_uuid, item_uuid, label, action, "
            f"changes) VALUES ({_NEW_REV_SQL}, {_NOW_SQL}, '{table}', NULL, {plan}, {item}, "
            f"coalesce({label}, ''), '{action}', json_patch('{{}}', json_object({changes})));")


def _audit_trigger_sql(table: str, columns: tuple[str, ...]) -> list[str]:
    inserted = ", ".join(f"'{c}', CASE WHEN NEW.{_q(c)} IS NOT NULL THEN json_array(NULL, {_shown(c, 'NEW')}) END"
                         for c in columns)
    updated = ", ".join(f"'{c}', CASE WHEN OLD.{_q(c)} IS NOT NEW.{_q(c)} "
                        f"THEN json_array({_shown(c, 'OLD')}, {_shown(c, 'NEW')}) END" for c in columns)
    deleted = ", ".join(f"'{c}', CASE WHEN OLD.{_q(c)} IS NOT NULL THEN json_array({_shown(c, 'OLD')}, NULL) END"
                        for c in columns)
    changed = " OR ".join(f"OLD.{_q(c)} IS NOT NEW.{_q(c)}" for c in columns)
    if table in _WHEN:
        changed = f"({changed}) AND {_WHEN[table].format(r='NEW')}"
    return [
        f"""CREATE TRIGGER trg_{table}_audit_insert AFTER INSERT """
        f"""ON {table} FOR EACH ROW{_when(table, "NEW")} BEGIN {_entry(table, "insert", "NEW", inserted)} END""",
        f"""CREATE TRIGGER trg_{table}_audit_update AFTER UPDATE OF {", ".join(map(_q, columns))} ON {table}
        FOR EACH ROW WHEN {changed}
        BEGIN {_entry(table, "update", "NEW", updated)} END""",
        f"""CREATE TRIGGER trg_{table}_audit_delete AFTER DELETE ON {table}
        FOR EACH ROW{_when(table, "OLD")}
        BEGIN {_entry(table, "delete", "OLD", deleted)} END""",
    ]


def _append_only_trigger_sql() -> list[str]:
    fixed = [c for c in CHAIN_COLUMNS if c not in STAMPED]
    forbidden = " OR ".join([
        *(f"NEW.{_q(c)} IS NOT OLD.{_q(c)}" for c in fixed),
        *(f"(OLD.{_q(c)} IS NOT NULL AND NEW.{_q(c)} IS NOT OLD.{_q(c)})" for c in STAMPED),
        *(f"(OLD.hash IS NOT NULL AND NEW.{_q(c)} IS NOT OLD.{_q(c)})" for c in STAMPED),
        "(OLD.hash IS NOT NULL AND NEW.hash IS NOT OLD.hash)",
    ])
    return [
        f"""CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log
        FOR EACH ROW WHEN {forbidden}
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
        """CREATE TRIGGER trg_audit_log_no_delete BEFORE DELETE ON audit_log
        FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    ]
