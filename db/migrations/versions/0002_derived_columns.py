"""Derived columns for filtering and sorting in SQL: item number/search/unit sort keys and latest result;
unit sort names and whether an officer named the unit; alias identity keys. Existing rows are filled in.

The rows are filled by a frozen copy (below) of the program's code as it stood at commit 6d49e39
(db/summary.py's refresh_items and refresh_unit_keys, with the parts of desktop_app/domain/text.py, numbering.py
and assessment.py they use): this revision must do the same to an old file whatever the program later does with
its own keys. A change of how the program computes a derived column comes with its own revision.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

import sqlalchemy as sa
from alembic import op
from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

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

    # Fill the new columns of existing rows (the frozen code below).
    session = Session(bind=op.get_bind())
    _refresh_unit_keys(session)
    ids = [row[0] for row in op.get_bind().execute(sa.text("SELECT id FROM items"))]
    _refresh_items(session, ids)
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


# ---------------------------------------------------------------------------------------------------------------
# Frozen copy of db/summary.py (refresh_unit_keys, refresh_items and their helpers): plain SQL on the columns of
# this revision, never the ORM classes.

_NO_UNIT_SORT = "\uffff"  # items without a monitoring unit sort last
_NO_DUE_SORT = "9999-99-99"  # ongoing items and text deadlines after every date
_CHUNK = 500


def _number_key(number: str, previous: str | None, section_order: int = 0) -> str:
    """The Stt sort key: section first (II's "1" after I's "8.3"), then the number in natural order; an
    unnumbered row sorts right after the numbered row before it, as in the file."""
    prefix = f"{section_order:04d}|"
    if _is_sub_letter(number) and previous:  # "a)", "b)" right after the row they hang under
        return prefix + _number_sort_key(previous) + "~" + number
    if number or previous is None:
        return prefix + _number_sort_key(number)
    return prefix + _number_sort_key(previous) + "~"


def _is_sub_letter(number: str) -> bool:
    """True for a lettered sub-item's number ("a", "b" … as "a)" is normalised)."""
    return len(number) == 1 and number.isalpha() and number.islower()


def _item_fields(
    number: str, text_: str, monitoring: Sequence[str], implementing: Sequence[str], due: date | None,
    previous_number: str | None = None, section_order: int = 0,
) -> dict[str, str]:
    """The search and sort columns of one item from its number (and the last number before it, for an
    unnumbered row), text, unit names and due date."""
    return {
        "number_key": _number_key(number, previous_number, section_order),
        "search_text": _search_key(" ".join([number, text_, *monitoring, *implementing])),
        "unit_sort": _collation_key(monitoring[0]) if monitoring else _NO_UNIT_SORT,
        "due_sort": due.isoformat() if due else _NO_DUE_SORT,
    }


def _refresh_unit_keys(session: Session) -> None:
    """Compute every unit's sort name and every alias's identity key."""
    units = session.execute(text("SELECT id, name FROM units")).all()
    if units:
        session.execute(text("UPDATE units SET sort_name = :s WHERE id = :i"),
                        [{"s": _collation_key(name), "i": uid} for uid, name in units])
    aliases = session.execute(text("SELECT id, spelling FROM unit_aliases")).all()
    if aliases:
        session.execute(text("UPDATE unit_aliases SET key = :k WHERE id = :i"),
                        [{"k": _unit_key(spelling), "i": aid} for aid, spelling in aliases])


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def _grouped(session: Session, sql: str, ids: list[int]) -> dict[int, list[Any]]:
    rows: dict[int, list[Any]] = defaultdict(list)
    stmt = text(sql).bindparams(bindparam("ids", expanding=True))
    for row in session.execute(stmt, {"ids": ids}):
        rows[row[0]].append(row)
    return rows


def _refresh_items(session: Session, item_ids: Sequence[int]) -> None:
    """Compute the derived columns of these items."""
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
        previous = _previous_numbers(session, [row[0] for row in items if not row[1] or _is_sub_letter(row[1])])
        for item_id, number, item_text, due, section_order in items:
            monitoring = [u.name for u in units.get(item_id, []) if u.role == "monitoring"]
            implementing = [u.name for u in units.get(item_id, []) if u.role == "implementing"]
            due_date = date.fromisoformat(str(due)[:10]) if due else None
            fields: dict[str, Any] = {
                "i": item_id,
                **_item_fields(number, item_text, monitoring, implementing, due_date, previous.get(item_id),
                               section_order),
            }
            latest = reports.get(item_id, [None])[0]
            value = Decimal(latest.value) if latest is not None and latest.value is not None else None
            goal = [_Target(t.op, Decimal(t.value), t.unit_kind) for t in targets.get(item_id, [])]
            fields.update(
                result=_evaluate(targets=goal, value=value, status=latest.status) if latest is not None else None,
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


# ---------------------------------------------------------------------------------------------------------------
# Frozen copy of desktop_app/domain/assessment.py's evaluate(): a latest report against the item's targets.

_EXCEEDED, _MET, _UNMET = "exceeded", "met", "unmet"  # None = nothing reported yet
# "=" in a plan means "reach" ("Đạt 100%", "Đạt 04 lớp"): more is never worse.
_HIGHER_IS_BETTER = {">=", ">", "="}
_LOWER_IS_BETTER = {"<=", "<"}
# "Clearly" beyond a target: a relative margin, plus one whole point for percents.
_MARGIN = Decimal("0.05")
_PERCENT_POINTS = Decimal(1)
_FULL_PERCENT = Decimal(100)
# Without a measurable target, the reported status stands in for the comparison.
_STATUS_RESULTS: dict[str, str] = {
    "done": _MET,
    "in_progress": _UNMET,
    "not_started": _UNMET,
    "blocked": _UNMET,
}


class _Target(NamedTuple):
    """What evaluate() reads of a target row."""

    op: str  # one of ">=", ">", "=", "<=", "<"
    value: Decimal
    unit_kind: str  # "percent" | "index" | "count" | "none"


def _check_op(op_: str) -> None:
    if op_ not in _HIGHER_IS_BETTER and op_ not in _LOWER_IS_BETTER:
        raise ValueError(f"unknown target operator: {op_!r}")


def _target_met(target: _Target, value: Decimal) -> bool:
    _check_op(target.op)
    goal = target.value
    if target.op == ">":
        return value > goal
    if target.op == "<":
        return value < goal
    if target.op == "<=":
        return value <= goal
    return value >= goal  # ">=" and "="


def _target_exceeded(target: _Target, value: Decimal) -> bool:
    if not _target_met(target, value):
        return False
    goal = target.value
    if goal == 0:
        return False  # no relative margin exists around zero
    if target.op in _HIGHER_IS_BETTER:
        if target.unit_kind == "percent" and goal >= _FULL_PERCENT:
            return False  # reaching 100 % is the best there is
        margin = value - goal
    else:
        margin = goal - value
    if margin < abs(goal) * _MARGIN:
        return False
    return target.unit_kind != "percent" or margin >= _PERCENT_POINTS


def _evaluate(*, targets: Sequence[_Target], value: Decimal | None, status: str | None) -> str | None:
    """EXCEEDED, MET, UNMET, or None when nothing was reported; status decides only without targets."""
    if targets:
        if value is None:
            return None
        if all(_target_exceeded(t, value) for t in targets):
            return _EXCEEDED
        if all(_target_met(t, value) for t in targets):
            return _MET
        return _UNMET
    if status is None:
        return None
    try:
        return _STATUS_RESULTS[status]
    except KeyError:
        raise ValueError(f"unknown progress status: {status!r}") from None


# ---------------------------------------------------------------------------------------------------------------
# Frozen copy of desktop_app/domain/text.py (clean, unit_key, search_key, collation_key, number_sort_key) and
# desktop_app/domain/numbering.py (natural_key).

# Zero-width characters are deleted outright.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Combining tone marks in NFD: huyền, sắc, ngã, hỏi, nặng.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Tone rank for collation: ngang (no mark) < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# The syllable must end right after the toned vowel: no further letter and no further combining mark.
_SYLLABLE_END = r"(?![^\W\d_]|[\u0300-\u036f])"
_OA_OE = re.compile(rf"([oO])([aAeE])([{_TONES}]){_SYLLABLE_END}")
# After q the u is part of the consonant "qu", so "quý"/"quỳ" are not "uy" clusters.
_UY = re.compile(rf"(?<![qQ])([uU])([yY])([{_TONES}]){_SYLLABLE_END}")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_DASH_RE = re.compile(f"[{_DASHES}]")
_JOINER_SPACING = re.compile(r"\s*([-&])\s*")
_TRAILING_UNIT_PUNCT = re.compile(r"[\s;.,]+$")
# Vietnamese alphabet with f, j, w, z slotted where Latin puts them.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Vowel-shape marks that make distinct letters (ă â ê ô ơ ư), unlike tone marks.
_SHAPED = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# Primary-weight bands so that space < punctuation < digits < letters < other scripts.
_BAND_PUNCT = 1
_BAND_DIGIT = 0x200000
_BAND_LETTER = 0x300000
_BAND_OTHER = 0x400000
_VIETNAMESE_MARKS = re.compile("[\u0300-\u036f]")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _clean(s: str | None) -> str:
    """NFC-normalise, drop zero-width chars, collapse all whitespace runs to one space, strip."""
    if not s:
        return ""
    if not s.isascii():
        if not unicodedata.is_normalized("NFC", s):
            s = _nfc(s)
        if _ZERO_WIDTH_RE.search(s):
            s = s.translate(_ZERO_WIDTH)
    return " ".join(s.split())


def _fold_tone_placement(s: str) -> str:
    """Move the tone of open-syllable oa/oe/uy to the first vowel ("hoá" -> "hóa")."""
    d = unicodedata.normalize("NFD", s)
    d = _OA_OE.sub(r"\1\3\2", d)
    d = _UY.sub(r"\1\3\2", d)
    return _nfc(d)


def _unit_key(name: str) -> str:
    """Identity key of a unit name, insensitive to form, tone placement, case, dashes and spacing."""
    key = _fold_tone_placement(_clean(name)).lower()
    key = _DASH_RE.sub("-", key)
    key = _JOINER_SPACING.sub(r"\1", key)
    return _TRAILING_UNIT_PUNCT.sub("", key)


def _search_key(s: str) -> str:
    """Accent-insensitive lowercase key; a query matches when its key is a substring."""
    d = unicodedata.normalize("NFD", _clean(s)).replace("đ", "d").replace("Đ", "d")
    bare = _VIETNAMESE_MARKS.sub("", d)
    if not bare.isascii():  # marks of other scripts, as unicodedata knows them
        bare = "".join(ch for ch in bare if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def _clusters(s: str) -> list[tuple[str, str]]:
    # Group NFD text into (base char, its combining marks) so NFC and NFD inputs agree.
    out: list[tuple[str, str]] = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch) and out:
            base, marks = out[-1]
            out[-1] = (base, marks + ch)
        else:
            out.append((ch, ""))
    return out


def _primary(base: str, marks: str) -> int:
    low = base.lower()
    if low in _LETTER_RANK:
        for mark in marks:
            low = _SHAPED.get((low, mark), low)
        return _BAND_LETTER + _LETTER_RANK[low]
    if base.isspace():
        return 0
    if base.isdigit():
        return _BAND_DIGIT + unicodedata.digit(base, 0)
    if base.isalpha():
        return _BAND_OTHER + ord(low)
    return _BAND_PUNCT + ord(base)


def _sort_key(s: str) -> tuple:
    """Vietnamese collation key: letters first, then tones, then case (lower before upper)."""
    clusters = _clusters(_clean(s))
    primary = tuple(_primary(base, marks) for base, marks in clusters)
    secondary = tuple(
        next((_TONE_RANK[m] for m in marks if m in _TONE_RANK), 0) for _, marks in clusters
    )
    tertiary = tuple(int(base.isupper()) for base, _ in clusters)
    return (primary, secondary, tertiary, _nfc(s))


# _collation_key spells _sort_key's levels as one string for SQLite's BINARY ORDER BY: two base-4096 digits
# from U+0100 per primary weight, levels separated by a character below every digit.
_LEVEL_SEP = "\x01"
_DIGIT_BASE = 0x100
_RADIX = 4096


def _weight_chars(weight: int) -> str:
    if not 0 <= weight < _RADIX * _RADIX:
        raise ValueError(f"collation weight out of range: {weight:#x}")
    high, low = divmod(weight, _RADIX)
    return chr(_DIGIT_BASE + high) + chr(_DIGIT_BASE + low)


def _collation_key(s: str) -> str:
    """Vietnamese collation as a plain string: code-point order of keys equals _sort_key order."""
    primary, secondary, tertiary, exact = _sort_key(s)
    return _LEVEL_SEP.join((
        "".join(map(_weight_chars, primary)),
        "".join(chr(0x30 + w) for w in secondary),
        "".join(chr(0x30 + w) for w in tertiary),
        exact,
    ))


# _number_sort_key spells _natural_key as a plain string for the number_key column.
_NUMBER_KIND_CHARS = "012"  # Roman sections, then numbers, then mixed text such as "2a"
_EMPTY_NUMBER = "~"  # above every kind character: items without a number sort last
_CHUNK_SEP = "\x01"  # ends a text chunk below any printable character, so "a" < "a." holds


def _int_code(n: int) -> str:
    digits = str(n)
    return digits.zfill(6) if len(digits) <= 6 else ":" * (len(digits) - 6) + digits


def _number_sort_key(number: str) -> str:
    """Natural order of item numbers as a plain string ("2.9" < "2.10", "I" < "II", "" last)."""
    try:
        kind, parts = _natural_key(number)
    except ValueError:
        # digits such as "²" that str.isdigit() accepts but int() refuses: one text chunk
        return _NUMBER_KIND_CHARS[2] + "1" + number.strip().casefold()
    if kind == 3:
        return _EMPTY_NUMBER
    if kind < 2:
        return _NUMBER_KIND_CHARS[kind] + ".".join(_int_code(n) for _, n, _ in parts)
    chunks = ("0" + _int_code(n) if flag == 0 else "1" + text_ for flag, n, text_ in parts)
    return _NUMBER_KIND_CHARS[2] + _CHUNK_SEP.join(chunks)


_EDGE_PUNCT = " \t\r\n\u00a0.,;:()[]{}-–—"
_DOTTED_LOOSE = re.compile(r"\d+(?:\s*[.,]\s*\d+)+")
_DOTTED = re.compile(r"\d+(?:\.\d+)+")
_INTEGER = re.compile(r"\d+")
_ROMAN = re.compile(r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_NUMBER_CHUNK = re.compile(r"\d+|\D+")


def _normalise_number(raw: str | None) -> str:
    """The number without surrounding punctuation, with dotted parts joined by dots."""
    if not raw:
        return ""
    text_ = unicodedata.normalize("NFC", raw).strip(_EDGE_PUNCT)
    if _DOTTED_LOOSE.fullmatch(text_):
        text_ = re.sub(r"\s*[.,]\s*", ".", text_)
    return text_


def _is_roman(s: str) -> bool:
    text_ = _normalise_number(s)
    return bool(text_) and text_.isascii() and _ROMAN.fullmatch(text_) is not None


def _roman_to_int(s: str) -> int:
    if not _is_roman(s):
        raise ValueError(f"not a Roman numeral: {s!r}")
    values = [_ROMAN_VALUES[c] for c in _normalise_number(s).upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _number_kind(normalised: str) -> str:
    text_ = _normalise_number(normalised)
    if not text_:
        return "empty"
    if _INTEGER.fullmatch(text_):
        return "integer"
    if _DOTTED.fullmatch(text_):
        return "dotted"
    if _is_roman(text_):
        return "roman"
    return "other"


def _natural_key(number: str) -> tuple:
    """Sort key: numeric parts compare as numbers, Roman sections first, empty last."""
    text_ = _normalise_number(number)
    kind = _number_kind(text_)
    if kind == "empty":
        return (3, ())
    if kind == "roman":
        return (0, ((0, _roman_to_int(text_), ""),))
    if kind in ("integer", "dotted"):
        return (1, tuple((0, int(part), "") for part in text_.split(".")))
    chunks = tuple(
        (0, int(c), "") if c.isascii() and c.isdigit() else (1, 0, c.casefold()) for c in _NUMBER_CHUNK.findall(text_)
    )
    return (2, chunks)
