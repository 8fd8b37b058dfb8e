"""The owners of records received before revision 0010, read from the change log: since a sender may change only
the records it owns (services.exchange_merge), a record received from a commune before 0010 would otherwise count
as made here, and each later change its commune sends would be a conflict for the officer.

A record's owner is the installation whose entry in the change log inserted it (an entry that came in a package:
its `installation` names the installation where it was made), when no entry made here inserted it and that
installation's name is known here as one installation id (a trusted sender, or one whose packages were received).
A bulk import writes one entry for the plan and summaries for its rows: the rows of a plan (its sections, groups,
periods, items and what hangs from them) whose own insertion the log does not show belong to the plan's owner.
A unit whose creation the log does not show belongs to the owner of the plans that use it when they all have one.
Any other record whose creation the log does not show (received before revision 0006) keeps no row: it counts as
made here, as before.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

RECEIVED = "Nhận "
"""The source stamped on what a package merge wrote here (services.exchange: "Nhận gói «…» từ «…»")."""


def _ids_by_name(conn: sa.Connection) -> dict[str, str]:
    """Installation name → id, for names that name exactly one installation."""
    ids: dict[str, set[str]] = {}
    for name, installation_id in conn.execute(sa.text(
            "SELECT name, installation_id FROM peers UNION SELECT sender_name, installation_id FROM received_packages")):
        ids.setdefault(name, set()).add(installation_id)
    return {name: next(iter(found)) for name, found in ids.items() if len(found) == 1}


_OF_PLAN = {  # each table's rows with their plan's uuid, as the tables are at this revision
    "sections": "SELECT p.uuid, x.uuid FROM sections x JOIN plans p ON p.id = x.plan_id",
    "periods": "SELECT p.uuid, x.uuid FROM periods x JOIN plans p ON p.id = x.plan_id",
    "groups": "SELECT p.uuid, x.uuid FROM groups x JOIN sections s ON s.id = x.section_id JOIN plans p ON p.id = s.plan_id",
    "items": "SELECT p.uuid, x.uuid FROM items x JOIN plans p ON p.id = x.plan_id",
    **{table: f"SELECT p.uuid, x.uuid FROM {table} x JOIN items i ON i.id = x.item_id JOIN plans p ON p.id = i.plan_id"
       for table in ("targets", "deadlines", "assignments", "progress_reports")},
    "evidence_files": "SELECT p.uuid, x.uuid FROM evidence_files x JOIN progress_reports r ON r.id = x.report_id "
                      "JOIN items i ON i.id = r.item_id JOIN plans p ON p.id = i.plan_id",
}


def _plan_rows(conn: sa.Connection) -> list[tuple[str, str]]:
    return [(plan, record) for sql in _OF_PLAN.values() for plan, record in conn.execute(sa.text(sql))]


def _unit_plans(conn: sa.Connection) -> dict[str, set[str]]:
    """Each unit's uuid → the uuids of the plans whose items are assigned to it or report for it."""
    found: dict[str, set[str]] = {}
    for unit, plan in conn.execute(sa.text(
            "SELECT u.uuid, p.uuid FROM units u JOIN assignments a ON a.unit_id = u.id JOIN items i ON i.id = a.item_id "
            "JOIN plans p ON p.id = i.plan_id UNION SELECT u.uuid, p.uuid FROM units u JOIN progress_reports r "
            "ON r.unit_id = u.id JOIN items i ON i.id = r.item_id JOIN plans p ON p.id = i.plan_id")):
        found.setdefault(unit, set()).add(plan)
    return found


def upgrade() -> None:
    conn = op.get_bind()
    ids = _ids_by_name(conn)
    if not ids:
        return  # nothing was ever received
    made_here: set[str] = set()
    owners: dict[str, str] = {}
    plans: dict[str, str] = {}
    entries = conn.execute(sa.text("SELECT record_uuid, installation, source, table_name FROM audit_log "
                                   "WHERE action = 'insert' AND record_uuid IS NOT NULL ORDER BY at, id"))
    for record, installation, source, table in entries:
        if (source or "").startswith(RECEIVED):
            continue  # a merge wrote it (here, or at the installation that passed it on)
        if installation is None:
            made_here.add(record)
        elif record not in owners:
            owners[record] = installation
            if table == "plans":
                plans[record] = installation
    plan_rows = _plan_rows(conn)
    for plan_uuid, record in plan_rows:
        if plan_uuid in plans and plan_uuid not in made_here and record not in made_here:
            owners.setdefault(record, plans[plan_uuid])
    for unit, plan_uuids in _unit_plans(conn).items():  # a unit only one owner's plans use is that owner's
        found = {plans.get(plan, "") for plan in plan_uuids}
        if unit not in made_here and len(found) == 1 and "" not in found:
            owners.setdefault(unit, found.pop())
    here = {record for _, record in plan_rows} | set(conn.execute(sa.text(
        "SELECT uuid FROM plans UNION SELECT uuid FROM units")).scalars())  # a uuid matched to one here is not
    rows = [{"u": record, "i": ids[name]} for record, name in owners.items()
            if record in here and record not in made_here and name in ids]
    if rows:
        conn.execute(sa.text("INSERT OR IGNORE INTO record_origins (uuid, installation_id) VALUES (:u, :i)"), rows)


def downgrade() -> None:
    """Nothing to undo: the rows are what revision 0010 would have written had it known."""
