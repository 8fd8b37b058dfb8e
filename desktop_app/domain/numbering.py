"""Item numbers of a plan appendix ("I.", "4.", "4.1,"): normalising, classifying, ordering."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Source documents end numbers with stray ".", "," or ";" and sometimes wrap them in brackets.
_EDGE_PUNCT = " \t\r\n\u00a0.,;:()[]{}-–—"
# A comma or spaces between digit groups are typing slips for a dot ("4,1", "1. 2").
_DOTTED_LOOSE = re.compile(r"\d+(?:\s*[.,]\s*\d+)+")
_DOTTED = re.compile(r"\d+(?:\.\d+)+")
_INTEGER = re.compile(r"\d+")
# Only I, V, X, L: appendix sections never reach 100, and c/d/m are Vietnamese list letters.
_ROMAN = re.compile(r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_CHUNK = re.compile(r"\d+|\D+")


@lru_cache(maxsize=65536)  # an import asks for every row's number several times
def normalise_number(raw: str | None) -> str:
    """Return the number without surrounding punctuation, with dotted parts joined by dots."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFC", raw).strip(_EDGE_PUNCT)
    if _DOTTED_LOOSE.fullmatch(text):
        text = re.sub(r"\s*[.,]\s*", ".", text)
    return text


def is_roman(s: str) -> bool:
    """Return True for a well-formed Roman numeral (I … LXXXIX), ignoring case."""
    text = normalise_number(s)
    # ASCII only: with IGNORECASE, "İ" (dotted capital I) would match "I" and then have no value.
    return bool(text) and text.isascii() and _ROMAN.fullmatch(text) is not None


def roman_to_int(s: str) -> int:
    """Return the value of a Roman numeral; ValueError when s is not one."""
    if not is_roman(s):
        raise ValueError(f"not a Roman numeral: {s!r}")
    values = [_ROMAN_VALUES[c] for c in normalise_number(s).upper()]
    # Subtractive notation: a smaller value before a larger one counts negative.
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


@lru_cache(maxsize=65536)
def number_kind(normalised: str) -> str:
    """Classify a number as "roman", "integer", "dotted", "empty" or "other"."""
    text = normalise_number(normalised)
    if not text:
        return "empty"
    if _INTEGER.fullmatch(text):
        return "integer"
    if _DOTTED.fullmatch(text):
        return "dotted"
    if is_roman(text):
        return "roman"
    return "other"


def natural_key(number: str) -> tuple:
    """Sort key: numeric parts compare as numbers, Roman sections first, empty last."""
    text = normalise_number(number)
    kind = number_kind(text)
    if kind == "empty":
        return (3, ())
    if kind == "roman":
        return (0, ((0, roman_to_int(text), ""),))
    if kind in ("integer", "dotted"):
        return (1, tuple((0, int(part), "") for part in text.split(".")))
    # Mixed text like "2a": compare digit runs as numbers, the rest case-insensitively;
    # every chunk is a (flag, int, str) triple so mixed chunks never compare int with str.
    chunks = tuple(
        (0, int(c), "") if c.isascii() and c.isdigit() else (1, 0, c.casefold()) for c in _CHUNK.findall(text)
    )
    return (2, chunks)


def parent_and_index(number: str) -> tuple[str, int] | None:
    """Return ("4", 3) for "4.3": the parent number and the last part; None when not dotted."""
    text = normalise_number(number)
    if number_kind(text) != "dotted":
        return None
    parent, _, last = text.rpartition(".")
    return parent, int(last)
