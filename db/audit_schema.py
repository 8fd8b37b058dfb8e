"""The audit trail's SQL triggers: every insert, change and deletion of plans, items, targets, deadlines, units,
assignments and progress reports writes one `audit_log` row in the same transaction, with the fields that
changed as {field: [old, new]}. References are written as what a person reads (a unit's name, a period's
label), so an entry stays readable after the referenced row is gone and in another installation.

Who and why (officer, source) are not known to SQL: the entries of a transaction are stamped with them just
before it commits (db/audit.py). A bulk import suspends the insert triggers in its own transaction and writes
one summary entry instead (a trigger costs even when its WHEN clause is false); changes and deletions are
always recorded row by row.
"""

from __future__ import annotations

from typing import Final

from db.exchange.schema import NEW_REV_SQL, NOW_SQL

AUDITED: Final[dict[str, tuple[str, ...]]] = {
    "plans": ("commune", "plan_number", "plan_date", "year", "title", "source_name", "period_kind", "issuer"),
    "units": ("name",),
    "items": ("group_id", "number", "kind", "text", "note", "explanation", "unit_of_measure", "target_text", "output",
              "budget"),
    "targets": ("op", "value", "unit", "subject", "raw"),
    "deadlines": ("raw", "due"),
    "assignments": ("unit_id", "role"),
    "progress_reports": ("unit_id", "period_id", "value", "numerator", "denominator", "status", "narrative",
                         "evidence", "document_number", "document_date", "reported_by"),
    # the local tables (0009): never an account's password hash or sign-in counters, never a secret setting
    "accounts": ("login", "full_name", "role", "unit_id", "active"),
    "settings": ("value",),
}
LOCAL: Final = ("accounts", "settings")
"""Audited tables whose entries stay on this computer (not in data packages)."""
SHARED: Final = tuple(table for table in AUDITED if table not in LOCAL)
"""Audited tables whose rows travel in data packages."""
HEAD_SETTING: Final = "audit.head"
"""The newest entry of the chain (db/audit.py): a removed newest entry is seen too."""
SECRET_SETTINGS: Final = ("installation.private_key", HEAD_SETTING)
"""Settings no entry records: the installation's signing key as older versions kept it (the program now keeps it in
a key file and removes it from here on opening: that removal is not recorded either), the head of the chain
(rewritten at every commit)."""

_SHOWN: Final = {  # a reference column as the text a person reads
    "unit_id": "(SELECT name FROM units WHERE id = {r}.unit_id)",
    "period_id": "(SELECT label FROM periods WHERE id = {r}.period_id)",
    "group_id": "(SELECT number || '. ' || title FROM groups WHERE id = {r}.group_id)",
}

_ITEM_NUMBER = "coalesce((SELECT number FROM items WHERE id = {r}.item_id), '')"
_ITEM_UUID = "(SELECT uuid FROM items WHERE id = {r}.item_id)"
_PLAN_OF_ITEM = "(SELECT p.uuid FROM plans p JOIN items i ON i.plan_id = p.id WHERE i.id = {r}.item_id)"

_WHERE: Final[dict[str, tuple[str, str, str]]] = {
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
    "accounts": ("NULL", "NULL", "{r}.login"),
    "settings": ("NULL", "NULL", "{r}.key"),
}
_RECORD: Final = {"accounts": "NULL", "settings": "NULL"}  # default: {r}.uuid
_WHEN: Final = {"settings": "{r}.key NOT IN (" + ", ".join(f"'{k}'" for k in SECRET_SETTINGS) + ")"}


def _q(column: str) -> str:
    return f'"{column}"'


def _shown(column: str, row: str) -> str:
    return _SHOWN[column].format(r=row) if column in _SHOWN else f"{row}.{_q(column)}"


def _entry(table: str, action: str, row: str, changes: str) -> str:
    plan, item, label = (part.format(r=row) for part in _WHERE[table])
    record = _RECORD.get(table, "{r}.uuid").format(r=row)
    return (f"INSERT INTO audit_log (uuid, at, table_name, record_uuid, plan_uuid, item_uuid, label, action, "
            f"changes) VALUES ({NEW_REV_SQL}, {NOW_SQL}, '{table}', {record}, {plan}, {item}, "
            f"coalesce({label}, ''), '{action}', json_patch('{{}}', json_object({changes})));")


def audit_trigger_sql(table: str, columns: tuple[str, ...] | None = None) -> list[str]:
    """CREATE TRIGGER statements of one audited table (insert, update, delete); columns default to AUDITED's.
    The revisions hold frozen copies of this code: a change of the triggers needs a revision of its own
    (tests/test_migrations_frozen.py checks that this code makes the triggers the revisions leave)."""
    columns = AUDITED[table] if columns is None else columns
    # json_patch drops the members whose value is NULL: only the fields that changed (or are set) remain
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
        insert_trigger_sql(table, inserted),
        f"""CREATE TRIGGER trg_{table}_audit_update AFTER UPDATE OF {", ".join(map(_q, columns))} ON {table}
        FOR EACH ROW WHEN {changed}
        BEGIN {_entry(table, "update", "NEW", updated)} END""",
        f"""CREATE TRIGGER trg_{table}_audit_delete AFTER DELETE ON {table}
        FOR EACH ROW{_when(table, "OLD")}
        BEGIN {_entry(table, "delete", "OLD", deleted)} END""",
    ]


def _when(table: str, row: str) -> str:
    return f" WHEN {_WHEN[table].format(r=row)}" if table in _WHEN else ""


def insert_trigger_sql(table: str, inserted: str | None = None, *, if_missing: bool = False) -> str:
    """The insert trigger of one audited table (if_missing: CREATE … IF NOT EXISTS)."""
    if inserted is None:
        inserted = ", ".join(f"'{c}', CASE WHEN NEW.{_q(c)} IS NOT NULL THEN json_array(NULL, {_shown(c, 'NEW')}) END"
                             for c in AUDITED[table])
    return (f"""CREATE TRIGGER {"IF NOT EXISTS " if if_missing else ""}{insert_trigger_name(table)} AFTER INSERT """
            f"""ON {table} FOR EACH ROW{_when(table, "NEW")} BEGIN {_entry(table, "insert", "NEW", inserted)} END""")


def insert_trigger_name(table: str) -> str:
    """The name of one audited table's insert trigger."""
    return f"trg_{table}_audit_insert"


def audit_trigger_names(table: str) -> list[str]:
    """The names of the triggers audit_trigger_sql makes."""
    return [f"trg_{table}_audit_{action}" for action in ("insert", "update", "delete")]


# ----- the change log itself: append-only (0009) ---------------------------------------------------------
CHAIN_COLUMNS: Final = ("id", "uuid", "at", "who", "source", "installation", "table_name", "record_uuid", "plan_uuid",
                        "item_uuid", "label", "action", "changes")
"""What an entry's hash covers (with the hash of the entry before it): db/audit.py chains them at commit."""
_STAMPED: Final = ("who", "source")  # filled once, at commit (NULL -> value), before the entry is chained


def append_only_trigger_sql() -> list[str]:
    """The triggers refusing every DELETE of audit_log and every UPDATE but the program's own: who and source
    stamped once (NULL -> value) while the entry is not chained yet, and its hash set once. Frozen in 0009."""
    fixed = [c for c in CHAIN_COLUMNS if c not in _STAMPED]
    forbidden = " OR ".join([
        *(f"NEW.{_q(c)} IS NOT OLD.{_q(c)}" for c in fixed),
        *(f"(OLD.{_q(c)} IS NOT NULL AND NEW.{_q(c)} IS NOT OLD.{_q(c)})" for c in _STAMPED),
        *(f"(OLD.hash IS NOT NULL AND NEW.{_q(c)} IS NOT OLD.{_q(c)})" for c in _STAMPED),
        "(OLD.hash IS NOT NULL AND NEW.hash IS NOT OLD.hash)",
    ])
    return [
        f"""CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log
        FOR EACH ROW WHEN {forbidden}
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
        """CREATE TRIGGER trg_audit_log_no_delete BEFORE DELETE ON audit_log
        FOR EACH ROW BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    ]
