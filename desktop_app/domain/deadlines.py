"""Completion deadlines of appendix items ("Tháng 12/2026", "Quý III/2026", "Thường xuyên")."""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Deadline:
    """A deadline cell as written, with its reading: a due date, ongoing, or other."""

    raw: str
    kind: str  # "date" | "ongoing" | "other"
    due: date | None


# Optional lead words ("trước ngày 30/6/2026", "Trong năm 2026"); they don't change the date.
_PRE = r"(?:(?:hoan thanh\s+)?(?:truoc|den|trong|han|cham nhat(?:\s+la)?|vao)\s+)?"
# Trailing full stop or semicolon left over from the document.
_END = r"\s*[.;]?"
_SEP = r"\s*(?:/|-|\.|\s+nam\s+)\s*"

_DAY_NUMERIC = re.compile(_PRE + r"(?:ngay\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})" + _END)
_DAY_WORDS = re.compile(_PRE + r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})" + _END)
_MONTH = re.compile(_PRE + r"(?:thang\s*|t)?(\d{1,2})" + _SEP + r"(\d{4})" + _END)
_QUARTER = re.compile(_PRE + r"quy\s*([ivx]+|\d)" + _SEP + r"(\d{4})" + _END)
_HALF = re.compile(_PRE + r"6\s+thang\s+(dau|cuoi)\s+nam\s+(\d{4})" + _END)
_YEAR = re.compile(_PRE + r"(?:(?:cuoi\s+)?nam\s+)?(\d{4})" + _END)
_ONGOING = re.compile(r"(?:thuong xuyen|lien tuc)(?:\s*[,;\-–]?\s*(?:thuong xuyen|lien tuc))*" + _END)

_QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Plans are dated around the present; a year outside this is a typo we won't guess at.
_MIN_YEAR, _MAX_YEAR = 1900, 2200


def _clean(raw: str | None) -> str:
    """Return raw as NFC with runs of whitespace collapsed and ends stripped."""
    if raw is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", raw).split())


def _fold(text: str) -> str:
    """Return text lower-cased without diacritics, so "Quý"/"quy"/"QUÝ" all read alike."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


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


def _due(folded: str) -> date | None:
    """Return the due date a folded deadline text names, or None."""
    if m := _DAY_NUMERIC.fullmatch(folded):
        return _safe_date(int(m[4]), int(m[3]), int(m[1]))
    if m := _DAY_WORDS.fullmatch(folded):
        return _safe_date(int(m[3]), int(m[2]), int(m[1]))
    if m := _MONTH.fullmatch(folded):
        return _month_end(int(m[2]), int(m[1]))
    if m := _QUARTER.fullmatch(folded):
        quarter = _QUARTER_NUMBERS.get(m[1])
        return _month_end(int(m[2]), quarter * 3) if quarter else None
    if m := _HALF.fullmatch(folded):
        return _month_end(int(m[2]), 6 if m[1] == "dau" else 12)
    if m := _YEAR.fullmatch(folded):
        return _month_end(int(m[1]), 12)
    return None


def parse_deadline(raw: str | None) -> Deadline:
    """Read a deadline cell; unreadable or invalid text becomes kind "other" with raw kept."""
    clean = _clean(raw)
    folded = _fold(clean)
    if _ONGOING.fullmatch(folded):
        return Deadline(raw=clean, kind="ongoing", due=None)
    due = _due(folded)
    if due is not None:
        return Deadline(raw=clean, kind="date", due=due)
    return Deadline(raw=clean, kind="other", due=None)


def format_deadline(d: Deadline) -> str:
    """Return "dd/MM/yyyy" for dates, "Thường xuyên" for ongoing, else the raw text."""
    if d.kind == "date" and d.due is not None:
        return d.due.strftime("%d/%m/%Y")
    if d.kind == "ongoing":
        return "Thường xuyên"
    return d.raw
