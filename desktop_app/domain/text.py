"""Vietnamese text helpers: cleaning, unit identity keys, search keys and collation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from desktop_app.domain.numbering import natural_key

# Zero-width characters are deleted outright: they sit inside words when text is
# pasted from Word/web pages, so turning them into spaces would split the word.
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

# Combining tone marks in NFD: huyền, sắc, ngã, hỏi, nặng.
_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Tone rank for collation: ngang (no mark) < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# The syllable must end right after the toned vowel: no further letter and no
# further combining mark ("hoán", "toàn", "khuỷu" are left alone).
_SYLLABLE_END = r"(?![^\W\d_]|[\u0300-\u036f])"
_OA_OE = re.compile(rf"([oO])([aAeE])([{_TONES}]){_SYLLABLE_END}")
# After q the u is part of the consonant "qu", so "quý"/"quỳ" are not "uy" clusters.
_UY = re.compile(rf"(?<![qQ])([uU])([yY])([{_TONES}]){_SYLLABLE_END}")

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_DASH_RE = re.compile(f"[{_DASHES}]")
_JOINER_SPACING = re.compile(r"\s*([-&])\s*")
_TRAILING_UNIT_PUNCT = re.compile(r"[\s;.,]+$")
_TRAILING_PART_PUNCT = re.compile(r"[\s.,]+$")
# ";" and every line-break form Excel/Word may hand us; commas never split units.
_UNIT_SEPARATORS = re.compile("[;\r\n\u2028\u2029\x0b\x0c\x85]")

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


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def clean(s: str | None) -> str:
    """NFC-normalise, drop zero-width chars, collapse all whitespace runs to one space, strip."""
    if not s:
        return ""
    # str.split() with no argument splits on every Unicode space, NBSP included.
    return " ".join(_nfc(s).translate(_ZERO_WIDTH).split())


def fold_tone_placement(s: str) -> str:
    """Move the tone of open-syllable oa/oe/uy to the first vowel ("hoá" -> "hóa")."""
    # Work in NFD so the tone is a separate code point that can simply be moved.
    d = unicodedata.normalize("NFD", s)
    d = _OA_OE.sub(r"\1\3\2", d)
    d = _UY.sub(r"\1\3\2", d)
    return _nfc(d)


def is_new_style(s: str) -> bool:
    """Return True when s has no old-style tone placement."""
    return fold_tone_placement(s) == _nfc(s)


@lru_cache(maxsize=8192)  # a file names the same few units thousands of times
def unit_key(name: str) -> str:
    """Identity key of a unit name, insensitive to form, tone placement, case, dashes and spacing."""
    key = fold_tone_placement(clean(name)).lower()
    key = _DASH_RE.sub("-", key)
    key = _JOINER_SPACING.sub(r"\1", key)
    return _TRAILING_UNIT_PUNCT.sub("", key)


def search_key(s: str) -> str:
    """Accent-insensitive lowercase key; a query matches when its key is a substring."""
    d = unicodedata.normalize("NFD", clean(s))
    bare = "".join(ch for ch in d if not unicodedata.combining(ch))
    # đ has no decomposition, so it survives mark stripping and needs mapping by hand.
    bare = bare.replace("đ", "d").replace("Đ", "d").lower()
    return " ".join(bare.split())


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
        # Digits of any script rank by value; the final NFC element breaks ties.
        return _BAND_DIGIT + unicodedata.digit(base, 0)
    if base.isalpha():
        return _BAND_OTHER + ord(low)
    return _BAND_PUNCT + ord(base)


def sort_key(s: str) -> tuple:
    """Vietnamese collation key: letters first, then tones, then case (lower before upper)."""
    clusters = _clusters(clean(s))
    primary = tuple(_primary(base, marks) for base, marks in clusters)
    secondary = tuple(
        next((_TONE_RANK[m] for m in marks if m in _TONE_RANK), 0) for _, marks in clusters
    )
    tertiary = tuple(int(base.isupper()) for base, _ in clusters)
    # The NFC string makes the order total (e.g. unknown marks like a cedilla).
    return (primary, secondary, tertiary, _nfc(s))


# A list bullet typed before a name on its own line: "- Công an xã", "+ Trạm Y tế", "• …".
_BULLET = re.compile(r"^[-+•*–—]\s+")


def split_units(cell: str | None) -> list[str]:
    """Split a cell into unit names on ";" and line breaks (never on commas), without list bullets."""
    if not cell:
        return []
    parts = (_TRAILING_PART_PUNCT.sub("", _BULLET.sub("", clean(p))) for p in _UNIT_SEPARATORS.split(cell))
    return [p for p in parts if p]


def canonical_spelling(spellings: Iterable[str]) -> str:
    """Pick the spelling to show: most common, then new-style, then first met."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for i, spelling in enumerate(spellings):
        counts[spelling] += 1
        first_seen.setdefault(spelling, i)
    if not counts:
        raise ValueError("canonical_spelling() needs at least one spelling")
    return max(counts, key=lambda sp: (counts[sp], is_new_style(sp), -first_seen[sp]))


# collation_key spells sort_key's levels as one string for SQLite's BINARY ORDER BY.
# Each primary weight takes two fixed-width base-4096 digits from U+0100 up: below the
# surrogates (so the key is valid UTF-8) and far below U+FFFF (which the database uses
# for "sort last"). Level separators sort below every digit, so a shorter primary sorts first.
_LEVEL_SEP = "\x01"
_DIGIT_BASE = 0x100
_RADIX = 4096


def _weight_chars(weight: int) -> str:
    if not 0 <= weight < _RADIX * _RADIX:
        # A wider weight would silently break the fixed width, hence the order.
        raise ValueError(f"collation weight out of range: {weight:#x}")
    high, low = divmod(weight, _RADIX)
    return chr(_DIGIT_BASE + high) + chr(_DIGIT_BASE + low)


@lru_cache(maxsize=4096)
def collation_key(s: str) -> str:
    """Vietnamese collation as a plain string: code-point order of keys equals sort_key order. Cached: the
    same unit names come back on every item of every plan imported."""
    primary, secondary, tertiary, exact = sort_key(s)
    return _LEVEL_SEP.join((
        "".join(map(_weight_chars, primary)),
        # Tones (0-5) and case (0-1) fit one digit each; when compared, both keys have
        # as many clusters, since their primaries were equal.
        "".join(chr(0x30 + w) for w in secondary),
        "".join(chr(0x30 + w) for w in tertiary),
        exact,
    ))


# number_sort_key spells numbering.natural_key as a plain string for the number_key column.
_NUMBER_KIND_CHARS = "012"  # Roman sections, then numbers, then mixed text such as "2a"
_EMPTY_NUMBER = "~"  # above every kind character: items without a number sort last
_CHUNK_SEP = "\x01"  # ends a text chunk below any printable character, so "a" < "a." holds


def _int_code(n: int) -> str:
    digits = str(n)
    # Six zero-padded digits cover real item numbers; longer ones get one ":" (above "9")
    # per extra digit, so length decides first and the code stays order-preserving.
    return digits.zfill(6) if len(digits) <= 6 else ":" * (len(digits) - 6) + digits


def number_sort_key(number: str) -> str:
    """Natural order of item numbers as a plain string ("2.9" < "2.10", "I" < "II", "" last)."""
    try:
        kind, parts = natural_key(number)
    except ValueError:
        # natural_key cannot int() digits such as "²" that str.isdigit() accepts;
        # sort such a number as one text chunk rather than fail a whole import.
        return _NUMBER_KIND_CHARS[2] + "1" + number.strip().casefold()
    if kind == 3:
        return _EMPTY_NUMBER
    if kind < 2:
        return _NUMBER_KIND_CHARS[kind] + ".".join(_int_code(n) for _, n, _ in parts)
    # Mixed text: each chunk is tagged so a digit chunk sorts before a text chunk at the same place.
    chunks = ("0" + _int_code(n) if flag == 0 else "1" + text for flag, n, text in parts)
    return _NUMBER_KIND_CHARS[2] + _CHUNK_SEP.join(chunks)
