"""Vietnamese text helpers: cleaning, unit identity keys, search keys and collation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cached_property, lru_cache
from itertools import pairwise

from desktop_app.domain.numbering import natural_key

# Zero-width characters are deleted outright: they sit inside words when text is
# pasted from Word/web pages, so turning them into spaces would split the word.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

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
    if not s.isascii():  # the checks first: an import cleans every cell, and most need no change
        if not unicodedata.is_normalized("NFC", s):
            s = _nfc(s)
        if _ZERO_WIDTH_RE.search(s):
            s = s.translate(ZERO_WIDTH)
    # str.split() with no argument splits on every Unicode space, NBSP included.
    return " ".join(s.split())


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


_VIETNAMESE_MARKS = re.compile("[\u0300-\u036f]")


def search_key(s: str) -> str:
    """Accent-insensitive lowercase key; a query matches when its key is a substring."""
    # đ has no decomposition, so it survives mark stripping and needs mapping by hand.
    d = unicodedata.normalize("NFD", clean(s)).replace("đ", "d").replace("Đ", "d")
    bare = _VIETNAMESE_MARKS.sub("", d)  # at C speed: an import makes a key of every item's text
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

# --- commas between units -------------------------------------------------------------------------------------
# A cell is split on commas only where the part after the comma starts like the name of a unit: a capitalised
# first word (or first words) from _UNIT_HEADS. Everything else after a comma continues the unit before it, so
# "Bộ Văn hóa, Thể thao và Du lịch" and "Các phòng, ban, ngành" stay whole. Words are compared after tone
# placement folding and lower-casing ("Uỷ ban" = "Ủy ban"); a word typed without any accent also matches the
# head without accents ("So Y te" = "Sở Y tế"), but a word with accents must carry the head's ("Bản" is not "Ban",
# "Bổ sung" is not "Bộ"): folding every accent away would make heads of ordinary words and place names.
_UNIT_HEADS = (
    # kinds named by one word: "Bộ Tài chính", "Sở Y tế", "Trạm Y tế", "Thôn Đông", "Tổ công nghệ số cộng đồng"
    "Bộ", "Sở", "Phòng", "Ban", "Trạm", "Trường", "Hội", "Đoàn", "Viện", "Cục", "Đài", "Báo", "Thôn", "Xóm", "Tổ",
    "Đội", "Đồn", "Hạt",
    # kinds named by two or more words
    "Văn phòng", "Công an", "Quân sự", "Trung tâm", "Mặt trận", "Ngân hàng", "Tòa án", "Tổng cục", "Chi cục",
    "Bưu điện", "Liên đoàn", "Tổng Liên đoàn", "Hợp tác xã", "Đảng ủy", "Đảng bộ", "Chi bộ", "Ủy ban", "Doanh nghiệp",
    "Tập đoàn", "Tổng công ty", "Công ty", "Kho bạc", "Chi nhánh", "Học viện", "Đại học", "Bệnh viện",
    "Thông tấn xã", "Bảo hiểm xã hội", "Điện lực", "Công đoàn", "Chi hội", "Thanh tra", "Cảnh sát", "Thư viện",
    "Bảo tàng", "Nhà văn hóa",
    # bodies known by their acronym or brand
    "UBND", "HĐND", "UBMTTQ", "UBMTTQVN", "MTTQ", "MTTQVN", "BCH", "BCHQS", "BCĐ", "BQL", "HTX", "BHXH", "KBNN",
    "NHCSXH", "NHNN", "TTYT", "LĐLĐ", "HLHPN", "HND", "HCCB", "ĐTN", "ĐTNCS", "CA", "TTXVN", "VTV", "VOV",
    "VNPT", "FPT", "EVN", "VNPost", "Viettel", "MobiFone", "Vinaphone", "Vietnamobile", "Gmobile",
)
# Kinds named by one word: alone ("Ban", "Phòng") they are a kind in an enumeration, never a unit of their own.
_ONE_WORD_KINDS = ("Bộ", "Sở", "Phòng", "Ban", "Ngành", "Trạm", "Trường", "Hội", "Đoàn", "Viện", "Cục", "Đài", "Báo",
                   "Thôn", "Xóm", "Tổ", "Đội", "Đồn", "Hạt")
# Words that make an ordinary word of a head: "Tổ chức", "Đoàn kết", "Hội nghị", "Ban hành", "Phòng, chống", "Báo cáo".
_NOT_UNIT_AFTER = {
    "Tổ": ("chức", "quốc", "hợp"), "Đoàn": ("kết", "viên", "thể"),
    "Hội": ("nghị", "thảo", "thi", "viên", "nhập", "đủ", "chợ"), "Ban": ("hành", "đầu", "ngày", "đêm"),
    "Phòng": ("chống", "ngừa", "tránh", "thủ"), "Trường": ("hợp",), "Bộ": ("máy",), "Báo": ("cáo",),
    "Cục": ("bộ",), "Sở": ("hữu", "dĩ", "thích"), "Đội": ("ngũ",),
}
# "Các …" / "Những …" after a comma starts a new group of units ("Công an xã, Các thôn, xóm").
_PLURALS = ("Các", "Những")
# Words for an administrative area: "xã Đồng Tâm, Trường Sơn" goes on naming places, not a school.
_PLACE_WORDS = ("xã", "phường", "trấn", "huyện", "tỉnh", "thôn", "xóm", "bản", "ấp", "quận", "phố", "khu")
# Bodies in the order a shared head enumerates them: "Thường trực Đảng ủy, HĐND, UBND xã", "Văn phòng HĐND, UBND".
_BODY_RANKS = {
    ("Đảng", "ủy"): 0, ("HĐND",): 1, ("Hội", "đồng", "nhân", "dân"): 1, ("UBND",): 2,
    ("Ủy", "ban", "nhân", "dân"): 2, ("UBMTTQ",): 3, ("MTTQ",): 3, ("Ủy", "ban", "Mặt", "trận"): 3,
}
_WORD_EDGE_PUNCT = "()[]{}\"'“”‘’:;.,!?"
_OPENERS, _CLOSERS = "([{“‘", ")]}”’"


@lru_cache(maxsize=8192)
def _word_key(word: str) -> tuple[str, bool]:
    """A word as compared with the vocabulary: tone placement folded, lower case; and whether it has no accent."""
    key = fold_tone_placement(word.strip(_WORD_EDGE_PUNCT)).lower()
    return key, key.isascii()


def _ascii_fold(key: str) -> str:
    d = unicodedata.normalize("NFD", key)
    return "".join(ch for ch in d if not unicodedata.combining(ch)).replace("đ", "d")


def _keys(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(_word_key(w)[0] for w in words)


def _vocabulary(names: Iterable[str]) -> tuple[dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]]]:
    """Head names by their first word's key, accented and accent-free."""
    toned: dict[str, list[tuple[str, ...]]] = {}
    plain: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        keys = _keys(name.split())
        toned.setdefault(keys[0], []).append(keys)
        bare = tuple(_ascii_fold(k) for k in keys)
        plain.setdefault(bare[0], []).append(bare)
    return toned, plain


_HEADS_TONED, _HEADS_PLAIN = _vocabulary(_UNIT_HEADS)
_ONE_WORD_KIND_KEYS = frozenset(_keys(_ONE_WORD_KINDS)) | frozenset(_ascii_fold(k) for k in _keys(_ONE_WORD_KINDS))
_NOT_UNIT_AFTER_KEYS = {_word_key(head)[0]: frozenset(_keys(words)) for head, words in _NOT_UNIT_AFTER.items()}
_PLURAL_KEYS = frozenset(_keys(_PLURALS)) | {"cac", "nhung"}
_PLACE_KEYS = frozenset(_keys(_PLACE_WORDS)) | frozenset(_ascii_fold(k) for k in _keys(_PLACE_WORDS))
_BODY_RANK_KEYS = {_keys(words): rank for words, rank in _BODY_RANKS.items()}
_BODY_LONGEST = max(len(words) for words in _BODY_RANK_KEYS)


def _head_length(words: list[str]) -> int:
    """How many leading words name a kind of unit from _UNIT_HEADS (0: none). The first letter must be upper case."""
    if not words or not words[0][:1].isupper():
        return 0
    keys = [_word_key(w) for w in words[:4]]
    first, plain = keys[0]
    entries = [*_HEADS_TONED.get(first, ()), *(_HEADS_PLAIN.get(first, ()) if plain else ())]
    # an accent-free entry can only equal a word typed without accents: "So Y te", never "Số" for "Sở"
    return max((len(e) for e in entries
                if len(e) <= len(keys) and all(k[0] == w for k, w in zip(keys, e, strict=False))), default=0)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class _Piece:
    """One comma-separated piece of a cell part, with what the splitting rules ask of it (worked out when asked:
    most pieces after a comma are no head, and nothing more is needed of them)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.words = words = text.split()
        head = _head_length(words)
        first_key = _word_key(words[0])[0] if words else ""
        if head == 1 and len(words) > 1 and _word_key(words[1])[0] in _NOT_UNIT_AFTER_KEYS.get(first_key, ()):
            head = 0  # "Tổ chức …", "Hội nghị …", "Báo cáo …"
        self.plural = len(words) > 1 and words[0][:1].isupper() and first_key in _PLURAL_KEYS
        self.head = head > 0 or self.plural
        self.one_word_kind = first_key in _ONE_WORD_KIND_KEYS
        self.bare_kind = len(words) == 1 and self.one_word_kind

    @cached_property
    def capitalised(self) -> bool:
        return bool(self.words) and all(w[:1].isupper() for w in self.words)

    @cached_property
    def acronym(self) -> bool:
        """An acronym leads the piece ("VNPT", "UBND xã"); a piece all in capitals is shouted text, not one."""
        words = self.words
        return bool(words) and _is_acronym(words[0]) and (len(words) == 1 or any(c.islower() for c in self.text))

    @cached_property
    def place_tail(self) -> bool:
        return _place_tail(self.words)

    @cached_property
    def body_rank(self) -> int | None:
        keys = _keys(self.words[:_BODY_LONGEST])
        return next((r for ws, r in _BODY_RANK_KEYS.items() if keys[:len(ws)] == ws), None)

    @cached_property
    def body_tail(self) -> tuple[int | None, bool]:
        """The rank of the body the piece ends with ("Văn phòng HĐND": 1), and whether words come before it."""
        tail = _keys(self.words[-_BODY_LONGEST:])
        for ws, r in _BODY_RANK_KEYS.items():
            if len(ws) <= len(tail) and tail[len(tail) - len(ws):] == ws:
                return r, len(self.words) > len(ws)
        return None, False


def _place_tail(words: list[str]) -> bool:
    """Whether the words end with an area and its name: "UBND các xã Đồng Tâm"."""
    i = len(words)
    while i > 0 and words[i - 1][:1].isupper() and not _is_acronym(words[i - 1]):
        i -= 1
    if i == len(words) or i == 0:
        return False
    key = _word_key(words[i - 1])[0]
    return key in _PLACE_KEYS


def _comma_spans(part: str) -> list[tuple[int, int]]:
    """Where the comma-separated pieces of part are; commas inside brackets or quotes do not separate."""
    if not any(c in part for c in "([{“‘\""):
        spans, start = [], 0
        for piece in part.split(","):
            spans.append((start, start + len(piece)))
            start += len(piece) + 1
        return spans
    spans, start, depth, quoted = [], 0, 0, False
    for i, ch in enumerate(part):
        if ch == '"':
            quoted = not quoted
        elif ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0 and not quoted:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(part)))
    return spans


def _goes_on(piece: _Piece, before: _Piece, shared: bool, generic: bool) -> str:
    """Why piece, after the comma that ends `before`, goes on with the unit before it ("" when it starts a new one).
    shared: `before` went on under a head shared by bodies; generic: the unit so far enumerates kinds ("Các …")."""
    if not piece.head:
        return "no head"  # "Thể thao và Du lịch", "ban", "ngành", "thành phố"
    if piece.bare_kind:
        return "bare kind"  # "Các Phòng, Ban, Ngành"
    if generic and piece.one_word_kind and all(not w[:1].isupper() for w in piece.words[1:]):
        return "kinds"  # "Các Phòng, Ban chuyên môn": kinds enumerated after "Các"
    if before.place_tail and piece.one_word_kind and piece.capitalised and len(piece.words) <= 4:
        return "place"  # "UBND các xã Đồng Tâm, Trường Sơn": another place's name
    tail_rank, prefixed = before.body_tail
    if tail_rank is not None and piece.body_rank == tail_rank + 1 and (prefixed or shared):
        return "shared head"  # "Văn phòng HĐND, UBND xã", "Thường trực Đảng ủy, HĐND, UBND xã"
    return ""


def _split_commas(part: str) -> list[str]:
    spans = _comma_spans(part)
    if len(spans) == 1:
        return [part]
    # a piece without a letter or digit (",,", ", ., ") is no piece: the comma around it is one comma
    pieces = [_Piece(part[s:e], s, e) for s, e in spans if any(c.isalnum() for c in part[s:e])]
    if len(pieces) < 2:
        return [part]
    units: list[list[_Piece]] = [[pieces[0]]]
    first = pieces[0]
    generic = first.bare_kind or (first.plural and len(first.words) == 2)
    shared = False
    for before, piece in pairwise(pieces):
        why = _goes_on(piece, before, shared, generic)
        if why:
            units[-1].append(piece)
        else:
            units.append([piece])
            generic = piece.plural and len(piece.words) == 2
        shared = why == "shared head"
    # acronyms of bodies not in the vocabulary are names when every piece of the unit is one: "VNPT, FPT, CMC"
    split: list[list[_Piece]] = []
    for unit in units:
        if len(unit) > 1 and all(p.acronym for p in unit):
            split.extend([p] for p in unit)
        else:
            split.append(unit)
    if len(split) == 1:
        return [part]  # not split: the part as it was
    return [text for unit in split
            if (text := _BULLET.sub("", part[unit[0].start:unit[-1].end].strip()).rstrip(" .,"))]


@lru_cache(maxsize=16384)  # a file repeats the same few unit cells on most of its rows
def _split_units(cell: str) -> tuple[str, ...]:
    out: list[str] = []
    for raw in _UNIT_SEPARATORS.split(cell):
        part = _BULLET.sub("", clean(raw)).rstrip(" .,")
        if not part:
            continue
        if "," in part:
            out.extend(_split_commas(part))
        else:
            out.append(part)
    return tuple(out)


def split_units(cell: str | None) -> list[str]:
    """Split a cell into unit names: on ";" and line breaks, without list bullets, and on a comma where every part
    after it starts like a unit's name ("Bộ Tài chính, Bộ Công Thương"; not "Bộ Văn hóa, Thể thao và Du lịch" nor
    "Các phòng, ban, ngành")."""
    if not cell:
        return []
    return list(_split_units(cell))


def starts_like_unit_name(text: str | None) -> bool:
    """Whether a cell starts like a unit's name ("Phòng Văn hóa - Xã hội", "Công an xã", "UBND xã", "Các phòng, ban"):
    the rule split_units applies to the part after a comma, here to the cell's first part. "%", "Thứ hạng",
    "Tổ chức, doanh nghiệp", a lower-case text or a kind alone ("Ban") do not."""
    if not text:
        return False
    for raw in _UNIT_SEPARATORS.split(text):
        part = _BULLET.sub("", clean(raw))
        if any(c.isalnum() for c in part):
            start, end = _comma_spans(part)[0]
            piece = _Piece(part[start:end], start, end)
            return piece.head and not piece.bare_kind
    return False


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


# A line of a cell that starts a list entry: "- …", "+ …", "• …", "a) …", "1. …" (kept on its own line).
_LIST_LINE = re.compile(r"^(?:[-+•*–—]\s|[a-zđ]\)\s|\d{1,2}[.)]\s)")


def clean_lines(s: str | None) -> str:
    """clean(), but a cell's list entries keep their own lines ("Nhiệm vụ:\\n- a;\\n- b"): other line breaks (Word
    wraps) become spaces."""
    if not s or "\n" not in s:
        return clean(s)
    out: list[str] = []
    for line in s.split("\n"):
        text = clean(line)
        if not text:
            continue
        if out and not _LIST_LINE.match(text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return "\n".join(out)
