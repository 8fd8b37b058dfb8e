"""Derived columns that let the items table filter and sort in SQL: search text, sort keys, latest result.

Written with explicit SQL column names (not the ORM classes). Revision 0002 fills these columns of an old file
with its own frozen copy of this code: a change here reaches the rows of existing files only through a refresh
or a revision of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from desktop_app.domain.assessment import evaluate
from desktop_app.domain.targets import Target
from desktop_app.domain.text import collation_key, number_sort_key, search_key, unit_key

NO_UNIT_SORT = "\uffff"  # items without a monitoring unit sort last
NO_DUE_SORT = "9999-99-99"  # ongoing items and text deadlines after every date
CHUNK = 500


def number_key(number: str, previous: str | None, section_order: int = 0) -> str:
    """The Stt sort key: section first (II's "1" after I's "8.3"), then the number in natural order; an
    unnumbered row sorts right after the numbered row before it, as in the file."""
    prefix = f"{section_order:04d}|"
    if is_sub_letter(number) and previous:  # "a)", "b)" right after the row they hang under
        return prefix + number_sort_key(previous) + "~" + number
    if number or previous is None:
        return prefix + number_sort_key(number)
    return prefix + number_sort_key(previous) + "~"


def is_sub_letter(number: str) -> bool:
    """True for a lettered sub-item's number ("a", "b" … as "a)" is normalised)."""
    return len(number) == 1 and number.isalpha() and number.islower()


def item_fields(
    number: str, text_: str, monitoring: Sequence[str], implementing: Sequence[str], due: date | None,
    previous_number: str | None = None, section_order: int = 0,
) -> dict[str, str]:
    """The search and sort columns of one item from its number (and the last number before it, for an
    unnumbered row), text, unit names and due date."""
    return {
        "number_key": number_key(number, previous_number, section_order),
        "search_text": search_key(" ".join([number, text_, *monitoring, *implementing])),
        "unit_sort": collation_key(monitoring[0]) if monitoring else NO_UNIT_SORT,
        "due_sort": due.isoformat() if due else NO_DUE_SORT,
    }


def refresh_unit_keys(session: Session) -> None:
    """Recompute every unit's sort name and every alias's identity key."""
    units = session.execute(text("SELECT id, name FROM units")).all()
    if units:
        session.execute(text("UPDATE units SET sort_name = :s WHERE id = :i"),
                        [{"s": collation_key(name), "i": uid} for uid, name in units])
    aliases = session.execute(text("SELECT id, spelling FROM unit_aliases")).all()
    if aliases:
        session.execute(text("UPDATE unit_aliases SET key = :k WHERE id = :i"),
                        [{"k": unit_key(spelling), "i": aid} for aid, spelling in aliases])


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start : start + CHUNK])


def _grouped(session: Session, sql: str, ids: list[int]) -> dict[int, list[Any]]:
    rows: dict[int, list[Any]] = defaultdict(list)
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    for row in session.execute(stmt, {"ids": ids}):
        rows[row[0]].append(row)
    return rows


def refresh_items(session: Session, item_ids: Sequence[int]) -> None:
    """Recompute the derived columns of these items (after progress, unit or text changes)."""
    for ids in _chunks(list(item_ids)):
        items = session.execute(
            text('SELECT i.id, i.number, i.text, d.due, s."order" FROM items i '
                 "LEFT JOIN deadlines d ON d.item_id = i.id JOIN sections s ON s.id = i.section_id "
                 "WHERE i.id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"ids": ids},
        ).all()
        units = _grouped(session, """
            SELECT a.item_id, a.role, u.name FROM assignments a JOIN units u ON u.id = a.unit_id
            WHERE a.item_id IN :ids ORDER BY a.item_id, a.role, a."order" """, ids)
        targets = _grouped(session, """
            SELECT item_id, op, value, unit_kind, unit, subject, raw FROM targets
            WHERE item_id IN :ids ORDER BY item_id, "order" """, ids)
        reports = _grouped(session, """
            SELECT item_id, value, status, label, "end", reported_at FROM (
                SELECT r.item_id, r.value, r.status, p.label, p."end", r.reported_at, row_number() OVER (
                    PARTITION BY r.item_id ORDER BY p."end" DESC, r.reported_at DESC, r.id DESC) AS newest
                FROM progress_reports r JOIN periods p ON p.id = r.period_id WHERE r.item_id IN :ids)
            WHERE newest = 1""", ids)  # only each item's latest report leaves SQLite
        updates = []
        previous = _previous_numbers(session, [row[0] for row in items if not row[1] or is_sub_letter(row[1])])
        for item_id, number, item_text, due, section_order in items:
            monitoring = [u.name for u in units.get(item_id, []) if u.role == "monitoring"]
            implementing = [u.name for u in units.get(item_id, []) if u.role == "implementing"]
            due_date = date.fromisoformat(str(due)[:10]) if due else None
            fields: dict[str, Any] = {
                "i": item_id,
                **item_fields(number, item_text, monitoring, implementing, due_date, previous.get(item_id),
                              section_order),
            }
            latest = reports.get(item_id, [None])[0]
            value = Decimal(latest.value) if latest is not None and latest.value is not None else None
            goal = [Target(t.op, Decimal(t.value), t.unit_kind, t.unit, t.subject, t.raw) for t in targets.get(item_id, [])]
            fields.update(
                result=evaluate(targets=goal, value=value, status=latest.status) if latest is not None else None,
                latest_value=None if value is None else str(value),
                latest_status=latest.status if latest is not None else None,
                latest_period=latest.label if latest is not None else None,
                last_update=_as_datetime(latest.reported_at) if latest is not None else None,
            )
            updates.append(fields)
        if updates:
            session.execute(text("""
                UPDATE items SET number_key = :number_key, search_text = :search_text, unit_sort = :unit_sort,
                    due_sort = :due_sort,
                    result = :result, latest_value = :latest_value, latest_status = :latest_status,
                    latest_period = :latest_period, last_update = :last_update
                WHERE id = :i"""), updates)


def _previous_numbers(session: Session, item_ids: list[int]) -> dict[int, str]:
    """For unnumbered items: the number of the nearest numbered item before each in its plan; for lettered ones
    the nearest number of digits (their parent), else their group's number."""
    if not item_ids:
        return {}
    stmt = text("""
        SELECT i.id, CASE WHEN i.number = '' THEN
            (SELECT p.number FROM items p WHERE p.section_id = i.section_id AND p."order" < i."order"
             AND p.number != '' ORDER BY p."order" DESC LIMIT 1)
          ELSE coalesce(
            (SELECT p.number FROM items p WHERE p.section_id = i.section_id AND p."order" < i."order"
             AND p.number GLOB '[0-9]*' AND coalesce(p.group_id, 0) = coalesce(i.group_id, 0)
             ORDER BY p."order" DESC LIMIT 1),
            (SELECT g.number FROM groups g WHERE g.id = i.group_id)) END
        FROM items i WHERE i.id IN :ids""").bindparams(bindparam("ids", expanding=True))
    return {item_id: number for item_id, number in session.execute(stmt, {"ids": item_ids}) if number}


def _as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(str(value))
