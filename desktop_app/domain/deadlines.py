"""Completion deadlines of appendix items ("Tháng 12/2026", "Quý II, III/2026", "Hằng năm", "Thường xuyên").

A cell is read as one of:

- "date": a due date, from a single form ("Tháng 6/2026", "Quý III/2026", "Trước ngày 15/8/2026",
  "Năm 2026", "6 tháng đầu năm 2026") or from a span/list of them ("2025 - 2026", "Quý II và Quý III/2026",
  "Tháng 10/2025 - Tháng 3/2026"): the latest end of its parts is due, the earliest beginning is ``start``;
- "yearly": every year ("Hằng năm", "Tháng 12 hằng năm"); due in the plan's year when that is known;
- "ongoing": no end ("Thường xuyên", "Liên tục"), possibly from a start ("Từ năm 2025",
  "2025 và các năm tiếp theo");
- "other": anything else, kept as written.

Everything here is linear in the length of the text: the patterns are anchored with bounded repeats, and a
list of more than ``_MAX_PARTS`` parts is not read at all.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache


class DeadlineKind(StrEnum):
    """How a deadline cell reads (deadlines.kind): a due date, every year, ongoing, or other text."""

    DATE = "date"
    ONGOING = "ongoing"
    YEARLY = "yearly"
    OTHER = "other"


@dataclass(frozen=True)
class Deadline:
    """A deadline cell as written, with its reading: a due date, yearly, ongoing, or other."""

    raw: str
    kind: str  # a DeadlineKind
    due: date | None
    start: date | None = None  # first day of a span ("2025 - 2026" -> 2025-01-01) or of "from 2025"


# Kinds whose due date counts for lateness.
DATED_KINDS: tuple[str, ...] = (DeadlineKind.DATE.value, DeadlineKind.YEARLY.value)

# Plans are dated around the present; a year outside this is a typo we won't guess at.
_MIN_YEAR, _MAX_YEAR = 1900, 2200
# A real cell lists a handful of months or quarters; a longer list is not a deadline we should guess at.
_MAX_PARTS = 24

# Hyphen, the Unicode dashes and minus, escaped for use inside a character class.
_DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Lead words that don't change the date ("Trước ngày 30/6/2026", "Chậm nhất trong tháng 6", "Từ nay đến 2030").
_LEADS = re.compile(
    r"(?:(?:hoan thanh|tu nay den|truoc|den|trong|han|cham nhat(?:\s+la)?|vao|cuoi|het|giai doan)\s+)*"
)
# Leads that may start a span: "Từ tháng 6 đến tháng 9/2026" (alone, "Từ 2025" is ongoing, not a date).
_SPAN_LEADS = re.compile(
    r"(?:(?:hoan thanh|tu nay den|truoc|den|trong|han|cham nhat(?:\s+la)?|vao|cuoi|het|giai doan|tu)\s+)*"
)
# Between a number and its year: "6/2026", "6-2026", "6.2026", "6 năm 2026", "Quý II – 2026".
_SEP = rf"\s*(?:/|[{_DASH}]|\.|\s+nam\s+)\s*"
_YEAR4 = r"(\d{4})"

# Parts of a reading, each fully matched against one folded part (leads already stripped).
_P_DAY = re.compile(rf"(?:ngay\s*)?(\d{{1,2}})\s*([/.{_DASH}])\s*(\d{{1,2}})(?:\s*\2\s*{_YEAR4})?")
_P_DAY_WORDS = re.compile(rf"(?:ngay\s+)?(\d{{1,2}})\s+thang\s+(\d{{1,2}})(?:{_SEP}{_YEAR4})?")
_P_MONTH = re.compile(rf"(?:thang\s*|t)(\d{{1,2}})(?:{_SEP}{_YEAR4})?")
_P_QUARTER = re.compile(rf"quy\s*([ivx]+|\d)(?:{_SEP}{_YEAR4})?")
_P_HALF = re.compile(rf"6\s+thang\s+(dau|cuoi)(?:\s+nam(?:\s+{_YEAR4})?)?")
_P_YEAR = re.compile(rf"(?:(?:cac\s+)?nam\s+)?{_YEAR4}")
_P_NUMBER = re.compile(rf"(\d{{1,2}})(?:{_SEP}{_YEAR4})?")  # no unit word: "9/2026" in "Tháng 6 - 9/2026"
_P_ROMAN = re.compile(rf"([ivx]+)(?:{_SEP}{_YEAR4})?")  # "III/2026" in "Quý II - III/2026"

# Separators of a span or list. Spaced ones are tried first, so "Tháng 6-2026 - Tháng 9-2026" keeps its
# month-year dashes; then any dash, so "2025-2026" and "Quý II-III/2026" split too.
_SPLIT_SPACED = re.compile(rf"\s+[{_DASH}]\s+|\s*,\s*|\s+(?:va|den)\s+")
_SPLIT_ANY = re.compile(rf"\s*[{_DASH}]\s*|\s*,\s*|\s+(?:va|den)\s+")

# "Thường xuyên", "Nhiệm vụ thường xuyên", "Thường xuyên, liên tục", "Thường xuyên hằng năm".
_ONGOING_WORD = r"(?:(?:(?:la\s+)?nhiem vu|thuc hien|trien khai)\s+)?(?:thuong xuyen|lien tuc)|hang nam"
_ONGOING = re.compile(rf"(?:{_ONGOING_WORD})(?:(?:\s*[,;{_DASH}]\s*|\s+va\s+|\s+)(?:{_ONGOING_WORD}))*")
# "Hằng năm", "Hàng năm", "Định kỳ hằng năm", "Thực hiện hằng năm".
_YEARLY = re.compile(r"\b(?:(?:dinh ky|thuc hien|trien khai)\s+)?hang nam\b")
_YEARLY_LEFTOVER = " ,;:.()"
# "… và những năm tiếp theo", "… và các năm tiếp theo", "… trở đi".
_FROM_TAIL = re.compile(
    r"(?:\s*,\s*|\s+va\s+|\s+)(?:nhung|cac)\s+nam\s+(?:tiep theo|sau(?:\s+do)?|ke tiep)\Z|\s+tro (?:di|ve sau)\Z"
)
_FROM_HEAD = re.compile(r"(?:thuong xuyen\s*[,(]?\s*)?tu\s+")

_QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Horizons of a heading: "đến năm 2030", "đến hết năm 2030", "giai đoạn 2026 - 2030", "giai đoạn từ 2026 đến 2030".
_HORIZON = re.compile(
    r"\b(?:den\s+(?:het\s+)?(?:nam\s+)?\d{4}"
    rf"|giai\s+doan\s+(?:tu\s+)?(?:nam\s+)?\d{{4}}\s*(?:[{_DASH}]|den\b)\s*(?:nam\s+)?\d{{4}})(?!\d)"
)
# The whole heading "Năm 2026" (or "Năm 2026 - 2030").
_HORIZON_YEAR = re.compile(rf"nam\s+\d{{4}}(?:\s*[{_DASH}]\s*\d{{4}})?(?!\d)")
# What may follow a heading's horizon: punctuation and a bracketed note ("(05 chỉ tiêu)").
_HORIZON_TAIL = re.compile(r"\)?[\s.:;,]*(?:[(\[][^()\[\]]*[)\]])?[\s.:;,]*")
# What may join two horizons: "đến năm 2025, định hướng đến năm 2030", "…2021 - 2025, tầm nhìn đến năm 2045".
_HORIZON_JOIN = re.compile(r"\s*[,;]?\s*(?:va\s+)?(?:(?:dinh huong|tam nhin)\s+)?")
# A heading longer than this is a sentence (an item's text), not a heading that sets a horizon.
_MAX_HEADING = 250


def _clean(raw: str | None) -> str:
    """Return raw as NFC with runs of whitespace collapsed and ends stripped."""
    if raw is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", raw).split())


def _fold(text: str) -> str:
    """Return text lower-cased without diacritics, so "Quý"/"quy"/"QUÝ" all read alike."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """One character folded to exactly one character, so positions in the folded text match the original."""
    folded = _fold(c)
    return folded if len(folded) == 1 else "\x00"


def _safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when it doesn't exist (month 13, 31 February)."""
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date | None:
    """Return the last day of the month, or None for an invalid month."""
    if not 1 <= month <= 12:
        return None
    return _safe_date(year, month, calendar.monthrange(year, month)[1])


def _strip_leads(text: str, leads: re.Pattern[str] = _LEADS) -> str:
    match = leads.match(text)  # never None: the pattern matches the empty string
    return text[match.end():] if match else text


@dataclass(frozen=True)
class _Part:
    """One readable piece of a deadline: a unit ("day", "month", "quarter", "half", "year") or None when the
    piece has no unit word of its own ("9/2026", "III/2026"), its numbers, and its year when it says one."""

    unit: str | None
    numbers: tuple[int, ...]
    year: int | None
    roman: bool = False


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _read_part(text: str) -> _Part | None:
    """Read one part ("Tháng 6", "quý III/2026", "15/8", "2025", "9/2026"), or None."""
    text = _strip_leads(text)
    if m := _P_DAY.fullmatch(text):
        return _Part("day", (int(m[1]), int(m[3])), _year(m[4]))
    if m := _P_DAY_WORDS.fullmatch(text):
        return _Part("day", (int(m[1]), int(m[2])), _year(m[3]))
    if m := _P_MONTH.fullmatch(text):
        return _Part("month", (int(m[1]),), _year(m[2]))
    if m := _P_QUARTER.fullmatch(text):
        quarter = _QUARTER_NUMBERS.get(m[1])
        return _Part("quarter", (quarter,), _year(m[2])) if quarter else None
    if m := _P_HALF.fullmatch(text):
        return _Part("half", (1 if m[1] == "dau" else 2,), _year(m[2]))
    if m := _P_YEAR.fullmatch(text):
        return _Part("year", (), int(m[1]))
    if m := _P_NUMBER.fullmatch(text):
        return _Part(None, (int(m[1]),), _year(m[2]))
    if m := _P_ROMAN.fullmatch(text):
        quarter = _QUARTER_NUMBERS.get(m[1])
        return _Part(None, (quarter,), _year(m[2]), roman=True) if quarter else None
    return None


def _span(unit: str, numbers: tuple[int, ...], year: int) -> tuple[date, date] | None:
    """First and last day of a part in a year, or None when it doesn't exist."""
    if unit == "day":
        day = _safe_date(year, numbers[1], numbers[0])
        return (day, day) if day else None
    if unit == "month":
        last = _month_end(year, numbers[0])
        return (last.replace(day=1), last) if last else None
    if unit == "quarter":
        if not 1 <= numbers[0] <= 4:
            return None
        last = _month_end(year, numbers[0] * 3)
        return (last.replace(month=numbers[0] * 3 - 2, day=1), last) if last else None
    if unit == "half":
        last = _month_end(year, numbers[0] * 6)
        return (last.replace(month=numbers[0] * 6 - 5, day=1), last) if last else None
    if unit == "year":
        first = _safe_date(year, 1, 1)
        return (first, date(year, 12, 31)) if first else None
    return None


def _single(text: str) -> tuple[date, date] | None:
    """A whole cell that is one readable part with its own year: its first and last day."""
    part = _read_part(text)
    if part is None or part.year is None or part.roman:
        return None
    return _span(part.unit or "month", part.numbers, part.year)  # "6/2026" is a month


def _resolve(parts: list[_Part]) -> tuple[date, date] | None:
    """A list's earliest first day and latest last day. A part without a unit word takes the unit of the part
    before it that has one (else the next; a bare "9/2026" is a month); a part without a year takes the year
    of the next part that has one (else the one before)."""
    units = [p.unit for p in parts]
    explicit = [(i, u) for i, u in enumerate(units) if u is not None]
    for i, part in enumerate(parts):
        if part.unit is not None:
            continue
        before = [u for j, u in explicit if j < i]
        after = [u for j, u in explicit if j > i]
        borrowed_unit = before[-1] if before else after[0] if after else "month"
        if borrowed_unit not in ("month", "quarter") or (part.roman and borrowed_unit != "quarter"):
            return None
        units[i] = borrowed_unit
    years = [p.year for p in parts]
    spans: list[tuple[date, date]] = []
    next_year: int | None = None
    borrowed: list[int | None] = [None] * len(parts)
    for i in range(len(parts) - 1, -1, -1):
        next_year = years[i] if years[i] is not None else next_year
        borrowed[i] = next_year
    last_year: int | None = None
    for i, part in enumerate(parts):
        last_year = years[i] if years[i] is not None else last_year
        year = borrowed[i] if borrowed[i] is not None else last_year
        unit = units[i]
        if year is None or unit is None:
            return None
        span = _span(unit, part.numbers, year)
        if span is None:
            return None
        spans.append(span)
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _list(text: str) -> tuple[date, date] | None:
    """A span or list of readable parts ("2025 - 2026", "Quý II, III/2026", "Tháng 10/2025 - Tháng 3/2026")."""
    for splitter in (_SPLIT_SPACED, _SPLIT_ANY):
        pieces: list[str] = []
        position = 0
        for m in splitter.finditer(text):
            pieces.append(text[position:m.start()])
            position = m.end()
            if len(pieces) >= _MAX_PARTS:
                return None
        pieces.append(text[position:])
        if len(pieces) < 2:
            continue
        pieces[0] = _strip_leads(pieces[0], _SPAN_LEADS)
        parts = [_read_part(piece) for piece in pieces]
        if all(p is not None for p in parts):
            if found := _resolve([p for p in parts if p is not None]):
                return found
    return None


def _yearly(folded: str, year: int | None) -> tuple[date | None] | None:
    """("Hằng năm", "Tháng 12 hằng năm", "Hằng năm, trước ngày 15/12"): (due,), or None when not yearly."""
    m = _YEARLY.search(folded)
    if m is None:
        return None
    before, after = folded[: m.start()].strip(_YEARLY_LEFTOVER), folded[m.end():].strip(_YEARLY_LEFTOVER)
    if before and after:
        return None
    when = before or after
    if not when:
        return (_month_end(year, 12) if year is not None else None,)
    part = _read_part(when)
    if part is None or part.unit is None or part.unit == "year":
        return None
    if part.year is not None:  # "Hằng năm (31/12/2026)": this year's due written out
        span = _span(part.unit, part.numbers, part.year)
        return (span[1],) if span else None
    if _span(part.unit, part.numbers, 2000) is None:  # a leap year: "29/2 hằng năm" exists
        return None
    if year is None:
        return (None,)
    span = _span(part.unit, part.numbers, year)
    if span is None and part.unit == "day":  # 29/2 in a common year: the month's last day
        last = _month_end(year, part.numbers[1])
        return (last,) if last else None
    return (span[1],) if span else None


def _ongoing_from(folded: str) -> date | None:
    """"Từ năm 2025", "2025 và những năm tiếp theo", "Từ tháng 3/2026 trở đi": the first day, or None."""
    text = folded.strip(" ()")
    tail = _FROM_TAIL.search(text)
    head = text[: tail.start()] if tail else text
    lead = _FROM_HEAD.match(head)
    if lead is None and tail is None:
        return None
    if lead is not None:
        head = head[lead.end():]
    found = _single(head.strip(" ()"))
    return found[0] if found else None


def parse_deadline(raw: str | None, *, year: int | None = None) -> Deadline:
    """Read a deadline cell; unreadable or invalid text becomes kind "other" with raw kept.

    ``year`` is the plan's year: a yearly deadline ("Hằng năm", "Tháng 12 hằng năm") falls due in it.
    """
    clean = _clean(raw)
    folded = _fold(clean).rstrip(" .;")
    if _ONGOING.fullmatch(folded) and ("thuong xuyen" in folded or "lien tuc" in folded):
        return Deadline(raw=clean, kind="ongoing", due=None)
    if (yearly := _yearly(folded, year)) is not None:
        return Deadline(raw=clean, kind="yearly", due=yearly[0])
    if (start := _ongoing_from(folded)) is not None:
        return Deadline(raw=clean, kind="ongoing", due=None, start=start)
    if found := _single(folded):
        return Deadline(raw=clean, kind="date", due=found[1])
    if found := _list(folded):
        return Deadline(raw=clean, kind="date", due=found[1], start=found[0])
    return Deadline(raw=clean, kind="other", due=None)


def horizon_deadline(heading: str) -> Deadline | None:
    """The horizon a section/group heading sets for its rows ("Chỉ tiêu đến năm 2030", "Giai đoạn 2026 - 2030",
    "Năm 2026"), read from the phrase as written; None when the heading has none.

    The year must be introduced by "đến năm" or "giai đoạn", or be the whole heading ("Năm 2026"), and the
    horizon must end the heading (a bracketed count or punctuation may follow); of "đến năm 2025, định hướng
    đến năm 2030" the first is the horizon. A heading that states a percentage is a target, not a heading.
    """
    clean = _clean(heading)
    if not clean or len(clean) > _MAX_HEADING or "%" in clean:
        return None
    folded = "".join(_fold_char(c) for c in clean)
    if (m := _HORIZON_YEAR.match(folded)) and _HORIZON_TAIL.fullmatch(folded, m.end()):
        chosen = (m.start(), m.end())
    else:
        matches = list(_HORIZON.finditer(folded))
        if not matches or not _HORIZON_TAIL.fullmatch(folded, matches[-1].end()):
            return None
        first = len(matches) - 1
        while first > 0 and _HORIZON_JOIN.fullmatch(folded, matches[first - 1].end(), matches[first].start()):
            first -= 1
        chosen = (matches[first].start(), matches[first].end())
    phrase = clean[chosen[0]: chosen[1]]
    read = parse_deadline(phrase)
    if read.kind != "date" or read.due is None:
        return None
    return read


def format_deadline(d: Deadline) -> str:
    """Return "dd/MM/yyyy" for dates, "Hằng năm (dd/MM/yyyy)" for yearly ones, "Thường xuyên (từ yyyy)" for
    ongoing ones, else the raw text."""
    if d.kind == "date" and d.due is not None:
        return d.due.strftime("%d/%m/%Y")
    if d.kind == "yearly":
        return "Hằng năm" + (f" ({d.due.strftime('%d/%m/%Y')})" if d.due is not None else "")
    if d.kind == "ongoing":
        return "Thường xuyên" + (f" (từ {d.start.year})" if d.start is not None else "")
    return d.raw
