"""Targets written in a column of their own: "Chỉ tiêu cụ thể" = "≥ 55", "40 - 50", "Từ 80% trở lên".

Indicator tables often give each item its target in one column and the unit of measure in another
("Đơn vị tính | Chỉ tiêu cụ thể" = "% | 100", "Tổ chức | 40 - 50", "Thứ hạng | ≤ 3 Đông Nam Á; ≤ 50 Thế
giới"). parse_target_cell reads such a cell; looks_like_target_value and looks_like_measure_unit tell a
column's role from what it holds.

How a cell is read (value and unit are NFC'd, NBSP becomes a space; raw is an exact fragment of the cell):

- The cell is split into parts at ";", line breaks, and ", " followed by a new sign or comparison word.
  Each part is read strictly as ``[subject:] [signs/words] number [%] [(-|–|đến|tới) number [%]]
  [trở lên|trở xuống] [unit or subject]``; raw is the whole part without bullets or end punctuation.
- A range is two bounds (>= low, <= high) with the same unit kind; both keep the range as raw.
- When the cell holds several parts, each part's targets get its subject ("Đông Nam Á"; a counted
  unit stands for a part without one); one part (a lone target or one range) has no subject, as in
  parse_targets.
- A lone target with words before a colon or after it that are not a unit ("Đạt tối thiểu 70% dân số",
  "Kết quả: Đạt 12") is a sentence, and
  so is a cell that does not read strictly ("Tỷ lệ hồ sơ đạt 80%"): parse_targets reads it, and the
  column's unit of measure then applies to every target it read without a "%". When parse_targets finds
  nothing, the parts that do read stand ("≤ 3 Đông Nam Á" alone, or beside a note).
- Unit kind: "percent" when the value has "%" or the unit is "%", holds "%", or is "Tỷ lệ"/"Phần
  trăm"; "index" for "Chỉ số"/"Điểm"/"Hệ số", or a decimal below 1 with no unit ("0,75"); "count" for
  a counted noun or a measure ("tổ chức", "người", "lượt", "triệu lượt", "Mbps", "km"), its unit the
  unit text lower-cased (acronyms and symbols keep their spelling: "trạm BTS", "GB"); "none" for a rank
  ("Thứ hạng", "Xếp hạng", "Hạng") and for a number with no unit. Ranks keep unit None: the item keeps
  its unit-of-measure text, and a target's unit is only ever "%" or a counted noun (the editor and the
  package rules rely on that).
- Not targets: cells without a number, dates, codes ("57-NQ/TW"), a lone year with no sign ("2030",
  unless the unit counts something) and a range of years ("2025 - 2030"), a range whose low bound is
  above its high one.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop_app.domain.target_text import _fold, _normalise, _value, parse_targets
from desktop_app.domain.targets import Target

# Comparison signs and words a value may start with, longest first; None = "reach" words.
_LEADS: tuple[tuple[str, str | None], ...] = tuple(sorted((
    ("không thấp hơn", ">="), ("không nhỏ hơn", ">="), ("không ít hơn", ">="), ("không dưới", ">="),
    ("tối thiểu", ">="), ("ít nhất", ">="), ("từ", ">="),
    ("không vượt quá", "<="), ("không cao hơn", "<="), ("không lớn hơn", "<="), ("không nhiều hơn", "<="),
    ("không quá", "<="), ("tối đa", "<="),
    ("lớn hơn", ">"), ("cao hơn", ">"), ("nhiều hơn", ">"), ("trên", ">"), ("hơn", ">"),
    ("nhỏ hơn", "<"), ("thấp hơn", "<"), ("ít hơn", "<"), ("dưới", "<"),
    ("phấn đấu", None), ("phần đầu", None), ("đạt", None), ("bằng", None),
    (">=", ">="), ("=>", ">="), ("≥", ">="), ("⩾", ">="), ("<=", "<="), ("=<", "<="), ("≤", "<="), ("⩽", "<="),
    (">", ">"), ("<", "<"), ("=", "="),
), key=lambda p: -len(p[0])))
_MAX_LEADS = 4  # "Đạt tối thiểu trên 70%": more than this in a row is no value
_LEAD_OPS = dict(_LEADS)
# One lead at a position, longest first; a word needs a word boundary after it ("trênx" is no lead).
_LEAD = re.compile("(" + "|".join(re.escape(p) + (r"(?![^\W_])" if p[0].isalpha() else "") for p, _ in _LEADS)
                   + r")\s*", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PERCENT = re.compile(r"\s*%")
_RANGE_SEP = re.compile(r"\s*[-–—~]\s*|\s+(?:đến|tới)\s+", re.IGNORECASE)
_TRAILING_OP = re.compile(r"\s+trở\s+(lên|xuống)(?!\w)", re.IGNORECASE)
# Parts of a cell: ";" and line breaks, and ", " when a new sign or comparison word follows.
_LEAD_START = "|".join(re.escape(p) for p, _ in _LEADS)
_PART_SEP = re.compile(rf";|\r\n|\n|\r|,\s+(?=(?:{_LEAD_START}))", re.IGNORECASE)
_BULLETS = re.compile(r"(?:[-+•*–—]\s+)+")
_END_PUNCT = " \t.,;:"
# "Đông Nam Á: ≤ 3" — a short subject before a colon.
_SUBJECT_PREFIX = re.compile(r"([^\W\d][^\d:;/]{0,59}?)\s*:\s*")
# A subject or unit after the value: letters, spaces and a little punctuation, no digits or slashes.
_WORDS = re.compile(r"[^\W\d_][^\d/:;=<>≤≥%]*")
_MAX_SUBJECT_WORDS = 6
_DOI_VOI = re.compile(r"(?:đối với|với|cho)\s+", re.IGNORECASE)

# Units of measure, folded (lower case, no diacritics).
_PERCENT_UNITS = {"ty le", "ti le", "phan tram"}
_INDEX_UNITS = {"chi so", "diem", "he so", "diem so"}
_RANK_UNITS = {"thu hang", "xep hang", "hang", "thu bac", "vi thu"}
_COUNT_UNITS = {
    "nguoi", "ho", "ho gia dinh", "ho dan", "nguoi dan", "luot", "luot nguoi", "luot truy cap", "lan",
    "to chuc", "doanh nghiep", "hop tac xa", "co quan", "don vi", "co so", "xa", "thon", "ap", "to", "nhom",
    "doi", "cau lac bo", "truong", "lop", "he thong", "mo hinh", "san pham", "dich vu", "thu tuc", "ho so",
    "van ban", "tai khoan", "thiet bi", "phan mem", "nen tang", "ung dung", "co so du lieu", "hoi nghi",
    "hoi thao", "cuoc thi", "cuoc", "buoi", "chuyen de", "diem cau", "tai lieu", "tin bai", "bai", "bai viet",
    "tin", "video", "camera", "tram", "may", "bo", "cai", "chiec", "can bo", "cong chuc", "vien chuc",
    "hoc sinh", "giao vien", "sinh vien", "giao dich", "thue bao", "gian hang", "cua hang", "de an", "du an",
    "nhiem vu", "sang kien", "giai phap", "chuong trinh", "khoa hoc", "gio", "phut", "giay", "ngay", "tuan",
    "thang", "nam", "dong", "tan", "con", "cay",
}
# Symbols keep their own spelling whatever case the cell uses.
_SYMBOLS = {"mbps": "Mbps", "gbps": "Gbps", "kbps": "Kbps", "mb/s": "Mb/s", "gb/s": "Gb/s", "gb": "GB",
            "mb": "MB", "tb": "TB", "kb": "KB", "km": "km", "m": "m", "m2": "m²", "m²": "m²", "km2": "km²",
            "km²": "km²", "ha": "ha", "kg": "kg", "kwh": "kWh", "kw": "kW", "mw": "MW", "usd": "USD",
            "vnd": "VNĐ", "vnđ": "VNĐ"}
_MAGNITUDES = {"nghin", "ngan", "trieu", "ty", "ti"}
# First words of agency and unit names ("Phòng Văn hóa - Xã hội", "UBND xã", "Bộ Công an").
_NAME_STARTS = {"phong", "ban", "ubnd", "uy", "hdnd", "cong", "van", "trung", "so", "chi", "cuc", "vien",
                "hoi", "doan", "mat", "cac", "bo", "truong", "dang", "quan", "bch", "ttvh", "uban"}
_YEARS = (1900, 2100)


def _unit_key(unit: str) -> str:
    """Folded unit text without a trailing "(…)" or "/…" part ("Doanh nghiệp (DN)" -> "doanh nghiep")."""
    head = unit.split("(")[0] if unit.endswith(")") and not unit.startswith("(") else unit
    head = head.split("/")[0] if "/" in head else head
    return " ".join(_fold(head).split())


def _known_kind(unit: str) -> str | None:
    """Kind of a known unit of measure ("percent", "index", "rank", "count", "symbol"), else None."""
    if "%" in unit:
        return "percent"
    key = _unit_key(unit)
    full = " ".join(_fold(unit).split())
    if key in _PERCENT_UNITS:
        return "percent"
    if key in _INDEX_UNITS:
        return "index"
    if key in _RANK_UNITS:
        return "rank"
    if full in _SYMBOLS or key in _SYMBOLS:
        return "symbol"
    words = key.split()
    if words and words[0] in _MAGNITUDES and len(words) > 1:
        words = words[1:]  # "triệu lượt", "tỷ đồng"
    rest = " ".join(words)
    if rest in _COUNT_UNITS or rest in _SYMBOLS:
        return "count"
    return None


def looks_like_measure_unit(value: str) -> bool:
    """Return True for a short unit of measure ("%", "người", "Tổ chức", "Thứ hạng", "Tỷ lệ (%)", "Mbps").

    Names of agencies and units ("Phòng Văn hóa - Xã hội", "UBND xã", "Bộ Công an") are not units of
    measure; neither are numbers, targets or texts.
    """
    unit = " ".join(_normalise(value or "").split())
    if not unit or len(unit) > 40 or any(c.isdigit() for c in unit.replace("m2", "").replace("km2", "")):
        return False
    return _known_kind(unit) is not None


def _count_unit_text(unit: str) -> str:
    """The unit as a counted noun: lower case, acronyms kept ("Trạm BTS" -> "trạm BTS"), symbols spelled."""
    full = " ".join(_fold(unit).split())
    if full in _SYMBOLS:
        return _SYMBOLS[full]
    words = []
    for word in unit.split():
        upper = sum(1 for c in word if c.isupper())
        words.append(word if upper >= 2 or _fold(word) in _SYMBOLS else word.lower())
    return " ".join(words)


def _unknown_noun(unit: str) -> bool:
    """True for a short noun phrase that is not a known unit but counts something ("Trạm BTS")."""
    words = unit.split()
    if not words or len(words) > 4 or len(unit) > 30 or not all(w.isalpha() for w in words):
        return False
    if _fold(words[0]) in _NAME_STARTS and len(words) > 1 or words[0].isupper() and len(words[0]) > 1:
        return False  # "Phòng …", "UBND xã"
    # A capitalised word after the first is a proper name ("Bộ Công an", "Đoàn Thanh niên").
    return not any(w[0].isupper() and not w.isupper() for w in words[1:])


def _measure(unit: str) -> tuple[str, str | None] | None:
    """(unit_kind, unit) a unit of measure gives a value, or None when it gives nothing."""
    unit = " ".join(unit.split())
    if not unit:
        return None
    kind = _known_kind(unit)
    if kind == "percent":
        return "percent", "%"
    if kind == "index":
        return "index", None
    if kind == "rank":
        return "none", None
    if kind == "symbol":
        full = " ".join(_fold(unit).split())
        return "count", _SYMBOLS.get(full) or _SYMBOLS[_unit_key(unit)]
    if kind == "count":
        head = unit.split("(")[0].strip() if unit.endswith(")") and not unit.startswith("(") else unit
        return "count", _count_unit_text(head)
    if _unknown_noun(unit):
        return "count", _count_unit_text(unit)
    return None


class _Part:
    """One strictly read part of a cell: its numbers, ops, percent signs, subject and raw span."""

    __slots__ = ("begin", "end", "ops", "numbers", "percent", "rest", "prefix", "is_range")

    def __init__(self) -> None:
        self.begin = self.end = 0
        self.ops: list[str] = []
        self.numbers: list[tuple[Decimal, bool]] = []  # (value, written with a decimal part)
        self.percent = False
        self.rest = ""  # words after the value: a unit or a subject
        self.prefix = ""  # subject before a colon
        self.is_range = False


def _leads(text: str, pos: int, end: int) -> tuple[int, list[str | None]]:
    """Skip the comparison signs and words at pos; return the new position and their ops."""
    ops: list[str | None] = []
    while len(ops) < _MAX_LEADS and (m := _LEAD.match(text, pos, end)) is not None:
        ops.append(_LEAD_OPS[m[1].lower()])
        pos = m.end()
    return pos, ops


def _number(text: str, pos: int, end: int) -> tuple[Decimal, bool, int] | None:
    m = _NUMBER.match(text, pos, end)
    if not m:
        return None
    parsed = _value(m[0])
    if parsed is None:
        return None
    return parsed[0], parsed[1], m.end()


def _read_part(text: str, begin: int, end: int) -> _Part | None:
    """Read text[begin:end] as one value ("≥ 55", "40 - 50 Đông Nam Á", "Thế giới: ≤ 50"), else None."""
    while begin < end and text[begin].isspace():
        begin += 1
    if (bullet := _BULLETS.match(text, begin, end)) is not None:
        begin = bullet.end()
    while end > begin and text[end - 1] in _END_PUNCT:
        end -= 1
    if begin >= end:
        return None
    part = _Part()
    part.begin, part.end = begin, end
    pos = begin
    if (prefix := _SUBJECT_PREFIX.match(text, pos, end)) is not None and _NUMBER.search(text, prefix.end(),
                                                                                     min(end, prefix.end() + 90)):
        part.prefix = prefix[1].strip()
        if len(part.prefix.split()) > _MAX_SUBJECT_WORDS:
            return None
        pos = prefix.end()
    pos, ops = _leads(text, pos, end)
    first = _number(text, pos, end)
    if first is None:
        return None
    value, fraction, pos = first
    part.numbers.append((value, fraction))
    if (pct := _PERCENT.match(text, pos, end)) is not None and pct.end() > pos:
        part.percent, pos = True, pct.end()
    if (sep := _RANGE_SEP.match(text, pos, end)) is not None and (second := _number(text, sep.end(), end)):
        part.numbers.append((second[0], second[1]))
        part.is_range, pos = True, second[2]
        if (pct := _PERCENT.match(text, pos, end)) is not None and pct.end() > pos:
            part.percent, pos = True, pct.end()
    if not part.is_range and (trail := _TRAILING_OP.match(text, pos, end)) is not None:
        ops.append(">=" if trail[1].lower() == "lên" else "<=")
        pos = trail.end()
    if pos < end:
        if not text[pos].isspace():
            return None  # "31/12/2026", "5G", "1e3": the number is part of something else
        rest = text[pos:end].strip()
        if rest.startswith("(") and rest.endswith(")"):
            rest = rest[1:-1].strip()  # "100 (người)"
        if not _WORDS.fullmatch(rest) or len(rest.split()) > _MAX_SUBJECT_WORDS:
            return None
        part.rest = rest
    part.ops = [op for op in ops if op]
    return part


def _op(ops: list[str]) -> str:
    """The comparison the signs and words express; a strict one ("trên") wins, as in parse_targets."""
    for wanted in (">", "<", ">=", "<="):
        if wanted in ops:
            return wanted
    return "="


def _is_year(value: Decimal, fraction: bool) -> bool:
    return not fraction and _YEARS[0] <= value <= _YEARS[1] and value == value.to_integral_value()


def _targets(part: _Part, text: str, measure: tuple[str, str | None] | None, several: bool) -> list[Target] | None:
    """The targets of a strictly read part, or None when the part is no target (a year, a reversed range)."""
    rest_unit = _measure(part.rest) if part.rest and looks_like_measure_unit(part.rest) else None
    subject = None if rest_unit else part.rest
    if subject and (m := _DOI_VOI.match(subject)):
        subject = subject[m.end():]  # "… đối với học sinh" names the group, before any heading
    else:
        subject = part.prefix or subject or None
    unit = rest_unit or measure
    numbers = part.numbers
    unit_text: str | None
    if part.percent:
        kind, unit_text = "percent", "%"
    elif unit is not None:
        kind, unit_text = unit
    elif all(fraction and value < 1 for value, fraction in numbers):
        kind, unit_text = "index", None
    else:
        kind, unit_text = "none", None
    if part.is_range:
        (low, low_fraction), (high, high_fraction) = numbers
        if low > high or (_is_year(low, low_fraction) and _is_year(high, high_fraction) and not part.percent):
            return None
        pairs = [(">=", low), ("<=", high)]
    else:
        value, fraction = numbers[0]
        bare = not part.ops and not part.percent
        if bare and _is_year(value, fraction) and kind != "count":
            return None  # "2030": a year, unless the unit counts something
        pairs = [(_op(part.ops), value)]
    if several and subject is None and kind == "count":
        subject = unit_text
    raw = text[part.begin:part.end]
    return [Target(op, value, kind, unit_text, subject if several else None, raw) for op, value in pairs]


def _split(text: str) -> list[tuple[int, int]]:
    """Spans of the parts of a cell."""
    spans, start = [], 0
    for m in _PART_SEP.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _strict(text: str) -> list[_Part | None]:
    """Every non-empty part of the cell read strictly (None where a part does not read)."""
    parts: list[_Part | None] = []
    for begin, end in _split(text):
        if text[begin:end].strip(_END_PUNCT + "-+•*–—\r\n"):
            parts.append(_read_part(text, begin, end))
    return parts


def _with_measure(target: Target, measure: tuple[str, str | None] | None) -> Target:
    """A target parse_targets read from a sentence, in the column's unit when it was read without "%"."""
    if measure is None or "%" in target.raw:
        return target
    kind, unit = measure
    return Target(target.op, target.value, kind, unit, target.subject, target.raw)


def parse_target_cell(value: str, unit_of_measure: str = "") -> list[Target]:
    """Return the targets of a target cell ("≥ 55", "40 - 50", "≤ 3 Đông Nam Á; ≤ 50 Thế giới").

    unit_of_measure is the item's "Đơn vị tính" cell ("%", "Tổ chức", "Thứ hạng"); see the module
    docstring for the rules.
    """
    text = _normalise(value or "")
    measure = _measure(_normalise(unit_of_measure or ""))
    parts = _strict(text)
    if not parts:
        return []
    read = [p for p in parts if p is not None]
    several = len(parts) > 1
    lone_sentence = (not several and read and (read[0].prefix or read[0].rest)
                     and not (read[0].rest and looks_like_measure_unit(read[0].rest)))
    if len(read) == len(parts) and not lone_sentence:
        out: list[Target] = []
        for part in read:
            out.extend(_targets(part, text, measure, several) or [])
        return out
    fallback = [_with_measure(t, measure) for t in parse_targets(text)]
    if fallback or not read:
        return fallback
    # Nothing in the sentence reads as a target: keep what the readable parts say ("≤ 3 Đông Nam Á").
    out = []
    for part in read:
        out.extend(_targets(part, text, measure, len(read) > 1) or [])
    return out


def looks_like_target_value(value: str) -> bool:
    """Return True when a cell reads as target values through and through ("100%", "≥ 55", "40 - 50").

    Sentences that merely contain a target ("Tỷ lệ hồ sơ đạt 80%"), outputs, names, dates and years
    are not target values; a value with a short subject ("Đạt tối thiểu 70% dân số") is.
    """
    text = _normalise(value or "")
    parts = _strict(text)
    if not parts or any(p is None for p in parts):
        return False
    several = len(parts) > 1
    return all(_targets(p, text, None, several) for p in parts if p is not None)
