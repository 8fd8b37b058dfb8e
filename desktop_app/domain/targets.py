"""Measurable targets in appendix item texts ("Đạt tối thiểu 70%", "Đạt 04 lớp", "0.70")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Target:
    """One measurable target: comparison, value, unit and the text it was read from."""

    op: str  # one of ">=", ">", "=", "<=", "<"
    value: Decimal
    unit_kind: str  # "percent" | "index" | "count" | "none"
    unit: str | None  # "%" for percent, the counted noun for count, else None
    subject: str | None  # who/what the target is about when an item has several targets
    raw: str  # exact fragment of the (NFC) text, e.g. "Đạt tối thiểu 70%"


# Words/symbols that may stand right before a value, longest first so that
# "không thấp hơn" wins over shorter endings. The op is None for plain "reach" verbs.
_LEAD_PHRASES: tuple[tuple[str, str | None], ...] = (
    ("không thấp hơn", ">="), ("không vượt quá", "<="), ("không dưới", ">="),
    ("không quá", "<="), ("tối thiểu", ">="), ("ít nhất", ">="), ("tối đa", "<="),
    ("phấn đấu", None), ("phần đầu", None),  # "Phần đầu" is a common typo of "Phấn đấu"
    ("hoàn thành", None), ("thành lập", None), ("xây dựng", None), ("tổ chức", None),
    ("mở", None), ("đạt", None), ("trên", ">"), ("dưới", "<"),
    (">=", ">="), ("<=", "<="), ("≥", ">="), ("≤", "<="), (">", ">"), ("<", "<"), ("=", "="),
)
# "trên"/"dưới" alone also mean "on"/"under" ("tốc độ trên 01 Gbps"), so only a
# percent sign makes their number a target; every other lead word introduces one.
_WEAK_LEADS = {"trên", "dưới"}
# Task verbs ("Mở 04 lớp", "Xây dựng 03 mô hình") introduce counted outputs or percents
# only: a bare number after them ("Hoàn thành 2026") is not a target.
_TASK_VERBS = {"hoàn thành", "thành lập", "xây dựng", "tổ chức", "mở"}
# Between two targets, these only join them: "02 hội nghị và 04 lớp" reads both.
_JOINER = re.compile(r"\s*(?:,\s*|,?\s*và\s+)", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_PERCENT = re.compile(r"\s*%")
# A unit-less value must end its clause to be a target ("Đề án 06/CP: Đạt 100").
_CLAUSE_END = re.compile(r"\s*(?:[.;,:)]|$|đối với\b)", re.IGNORECASE)
_COUNT_NOUN = re.compile(r"\s+(\w+)(?:\s+(\w+))?")
# "70% trở lên" is the spoken form of "≥ 70%".
_TRAILING_OP = re.compile(r"\s+trở\s+(lên|xuống)(?!\w)", re.IGNORECASE)
_DOI_VOI = re.compile(r"\s+đối với\s+(.+?)(?=\s+và\s|\s*[.;,:]|\s*$)", re.IGNORECASE)
# Numbers next to these are parts of dates, codes or names (10/10/2026, IPv6, 5G, 2026-2030).
_GLUE = "/-–"
# Time and age words after a number make a period or an age, never a counted output.
_NOT_COUNT_UNITS = {"năm", "tháng", "ngày", "quý", "tuần", "giờ", "phút", "tuổi", "giây"}
# Counted nouns spelled with two syllables; others count with their first syllable.
_TWO_SYLLABLE_NOUNS = {
    "hội nghị", "hội thảo", "cuộc thi", "mô hình", "doanh nghiệp", "hệ thống", "cơ sở",
    "cơ quan", "đơn vị", "học sinh", "giáo viên", "cán bộ", "người dân", "tài khoản",
    "buổi tập", "chuyên đề", "sản phẩm", "điểm cầu", "thiết bị", "phần mềm", "nền tảng",
    "hồ sơ", "thủ tục", "văn bản", "tài liệu",
}
# Words that end a subject phrase taken from a "Tỉ lệ …" clause.
_SUBJECT_STOPS = {"của", "theo", "được", "trong", "tại", "đạt", "cho", "với", "có", "trên",
                  "và", "là", "phải", "trở"}
_SUBJECT_STOP_PAIRS = {"bảo đảm", "đảm bảo", "đối với"}
_DETERMINERS = {"các", "những", "mọi", "toàn", "bộ"}
_INDICATOR_START = re.compile(r"(?:ty le|ti le|chi so)(?![a-z0-9])")
_INDEX_START = re.compile(r"chi so(?![a-z0-9])")
# "tỷ lệ"/"tỉ lệ" anywhere (on folded text) means the item speaks of a rate.
_RATE_WORDS = re.compile(r"(?<![a-z0-9])t[yi] le(?![a-z0-9])")
# A new "Tỷ lệ …" clause joined by "và" ("… đạt 70% và tỷ lệ thanh toán …").
_AND_RATE = re.compile(r"\s(?:và|va)\s+(?=t[ỷỉyiỳýỹịìíĩ]\s+l[ệeêếềểễẹéèẻẽ](?!\w))",
                       re.IGNORECASE)
_LEADING_JUNK = " \t\r\n-–•*+"
# "Số hóa"/"Số liệu" are a verb and a noun of their own, not "the number of …".
_NOT_COUNTED_AFTER_SO = {"hóa", "hoá", "liệu"}
_PUNCT = ",.;:()"


def _normalise(text: str) -> str:
    """Return NFC text; NBSP becomes a space (same length, so raws stay exact fragments)."""
    return unicodedata.normalize("NFC", text).replace("\u00a0", " ")


def _fold(text: str) -> str:
    """Return text lower-cased without diacritics for accent-insensitive prefix checks."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _lead(text: str, start: int) -> tuple[int, list[str]]:
    """Walk back from start over lead phrases; return where they begin and which matched."""
    pos, found = start, []
    while True:
        end = len(text[:pos].rstrip())
        for phrase, _ in _LEAD_PHRASES:
            begin = end - len(phrase)
            if begin < 0 or text[begin:end].lower() != phrase:
                continue
            # Words need a boundary ("đạt" inside another word isn't a lead); symbols don't.
            if phrase[0].isalpha() and begin > 0 and text[begin - 1].isalnum():
                continue
            found.append(phrase)
            pos = begin
            break
        else:
            return pos, found


def _op(phrases: list[str]) -> str:
    """Return the comparison the lead phrases express; a strict word ("trên") wins."""
    ops = [op for phrase, op in _LEAD_PHRASES if phrase in phrases and op]
    for wanted in (">", "<", ">=", "<="):
        if wanted in ops:
            return wanted
    return "="


def _value(token: str) -> tuple[Decimal, bool] | None:
    """Return (value, has decimal part) for a written number, None for date-like tokens."""
    if _THOUSANDS.fullmatch(token):
        return Decimal(token.replace(".", "")), False
    if token.count(".") + token.count(",") > 1:
        return None  # "06.01.2022" and the like
    return Decimal(token.replace(",", ".")), ("." in token or "," in token)


def _count_unit(after: str) -> tuple[str, int] | None:
    """Return the counted noun right after a number and its length in after, if any."""
    m = _COUNT_NOUN.match(after)
    # Counted nouns are lower-case words; "Gbps", "CP" or digits are units/codes, not outputs.
    if not m or not (m[1].isalpha() and m[1].islower()) or m[1] in _NOT_COUNT_UNITS:
        return None
    if m[2] and f"{m[1]} {m[2]}" in _TWO_SYLLABLE_NOUNS:
        return f"{m[1]} {m[2]}", m.end()
    return m[1], m.end(1)


def _item_context(text: str) -> tuple[bool, bool, str | None]:
    """Return (speaks of a rate, starts with "Số …", counted noun of "Số <noun>") for text."""
    rate = bool(_RATE_WORDS.search(_fold(text)))
    words = text.lstrip(_LEADING_JUNK).split()
    if not words or words[0].lower() != "số":
        return rate, False, None
    rest = words[1:]
    if rest and rest[0].lower() == "lượng":  # "Số lượng hội nghị": the noun follows
        rest = rest[1:]
    if rest and rest[0].lower() in _NOT_COUNTED_AFTER_SO:
        return rate, False, None  # "Số hóa …" does not start with "Số <noun>"
    while rest and rest[0].lower() in _DETERMINERS:
        rest.pop(0)
    first = rest[0].rstrip(_PUNCT) if rest else ""
    if not first.isalpha():
        return rate, True, None
    if first == rest[0] and len(rest) > 1:
        pair = f"{first} {rest[1].rstrip(_PUNCT)}"
        if pair.lower() in _TWO_SYLLABLE_NOUNS:
            return rate, True, pair
    return rate, True, first


def _bare(text: str, op: str, value: Decimal, has_fraction: bool) -> Target:
    """Return the target a clause-ending number without unit stands for ("Đạt 12")."""
    rate, starts_so, noun = _item_context(text)
    # Only a rate, or a plain 100 outside "Số …" items, makes a bare number a percent.
    if (rate and 1 <= value <= 100) or (value == 100 and not has_fraction and not starts_so):
        return Target(op, value, "percent", "%", None, "")
    if noun is not None and not has_fraction:
        return Target(op, value, "count", noun, None, "")
    return Target(op, value, "none", None, None, "")


def _read(text: str, m: re.Match[str], chained_op: str | None = None
          ) -> tuple[Target, int, int] | None:
    """Read a target at number match m; return it with its span, or None when not a target.

    chained_op is the op of the target just before m when only "và"/"," lies between them:
    the number then counts as introduced by that target's lead ("02 hội nghị và 04 lớp").
    """
    start, end = m.span()
    before = text[start - 1] if start else ""
    after_char = text[end] if end < len(text) else ""
    if any(c and (c.isalnum() or c in _GLUE) for c in (before, after_char)):
        return None
    parsed = _value(m[0])
    if parsed is None:
        return None
    value, has_fraction = parsed
    lead_start, phrases = _lead(text, start)
    op = _op(phrases)
    if chained_op is not None and not phrases:
        op = chained_op
    strong = [p for p in phrases if p not in _WEAK_LEADS]
    # Leads that may introduce a number without unit; task verbs introduce outputs only.
    bare_lead = any(p not in _TASK_VERBS for p in strong)
    introduced = bool(strong) or chained_op is not None
    at_start = not text[:start].strip()
    # "Chỉ số …: 0,75" — an index value may follow the colon without a lead word.
    index_after_colon = (not phrases and text[:start].rstrip().endswith(":")
                         and bool(_INDEX_START.match(_fold(text).lstrip(_LEADING_JUNK))))
    after = text[end:]
    if pct := _PERCENT.match(after):
        target = Target(op, value, "percent", "%", None, "")
        end += pct.end()
    elif not (introduced or at_start or index_after_colon):
        return None
    elif has_fraction and value < 1 and (bare_lead or at_start or index_after_colon):
        target = Target(op, value, "index", None, None, "")
    elif bare_lead and _CLAUSE_END.match(after):
        target = _bare(text, op, value, has_fraction)
    elif (unit := _count_unit(after)) is not None and not has_fraction and introduced:
        target = Target(op, value, "count", unit[0], None, "")
        end += unit[1]
    else:
        return None
    if target.op == "=" and (trail := _TRAILING_OP.match(text, end)):
        op = ">=" if trail[1].lower() == "lên" else "<="
        target = Target(op, target.value, target.unit_kind, target.unit, None, "")
        end = trail.end()
    return target, lead_start, end


def _clause_subject(text: str, start: int) -> str | None:
    """Return a short subject from the "Tỉ lệ …" clause holding position start, if any."""
    clause_start = max(text.rfind(";", 0, start), text.rfind(". ", 0, start)) + 1
    for joined in _AND_RATE.finditer(text, clause_start, start):
        clause_start = joined.end()  # "… đạt 70% và tỷ lệ thanh toán …" starts a clause
    words = text[clause_start:start].split()
    if len(words) < 3 or _fold(" ".join(words[:2])) not in {"ty le", "ti le"}:
        return None
    picked: list[str] = []
    for i, word in enumerate(words[2:8], start=2):
        pair = " ".join(words[i:i + 2]).lower()
        if word.lower() in _SUBJECT_STOPS or pair in _SUBJECT_STOP_PAIRS:
            break
        picked.append(word.rstrip(",:;"))
        if word[-1] in ",:;":
            break
    return " ".join(picked) or None


def _noun_after(text: str, end: int) -> str | None:
    """Return the two-syllable noun phrase right after a target ("100% giáo viên …")."""
    if not text[end:end + 1].isspace():
        return None
    words = text[end:end + 80].split()
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    picked: list[str] = []
    for word in words[:2]:
        clean = word.rstrip(",.;:")
        if not clean or not clean[0].isalpha() or clean.lower() in _SUBJECT_STOPS:
            break
        picked.append(clean)
        if clean != word:
            break
    return " ".join(picked) or None


def parse_targets(text: str) -> list[Target]:
    """Return the measurable targets of an item text in order of appearance."""
    text = _normalise(text or "")
    found: list[tuple[Target, int, int]] = []
    for m in _NUMBER.finditer(text):
        chained = None
        if found:
            gap = found[-1][2]
            gap = tail.end() if (tail := _DOI_VOI.match(text, gap)) else gap
            if _JOINER.fullmatch(text, gap, m.start()):
                chained = found[-1][0].op
        if (read := _read(text, m, chained)) is not None:
            found.append(read)
    targets: list[Target] = []
    for target, begin, end in found:
        subject = None
        tail = _DOI_VOI.match(text, end)
        if tail:
            subject = " ".join(tail[1].split()[:2])  # head noun of the group: two syllables
            end = tail.end()
        if len(found) > 1 and subject is None and target.unit_kind == "count":
            # Several counts in one item ("02 hội nghị và 04 lớp"): each is about its noun.
            subject = target.unit
        if len(found) > 1 and subject is None:
            subject = _clause_subject(text, begin) or _noun_after(text, end)
        targets.append(Target(target.op, target.value, target.unit_kind, target.unit,
                              subject if len(found) > 1 else None, text[begin:end]))
    return targets


def looks_like_indicator(text: str) -> bool:
    """Return True for "Tỷ lệ/Tỉ lệ/Chỉ số …" texts or texts with a measurable target."""
    folded = _fold(_normalise(text or "")).lstrip(" \t\r\n-–•*+")
    return bool(_INDICATOR_START.match(folded)) or bool(parse_targets(text or ""))


def _number_text(value: Decimal) -> str:
    """Return value in Vietnamese style: decimal comma, dot-grouped thousands."""
    whole, _, fraction = format(value, "f").partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return sign + grouped + ("," + fraction if fraction else "")


def format_target(t: Target) -> str:
    """Return the target for display: "≥ 70%", "100%", "≥ 0,70", "4 lớp"."""
    symbol = {">=": "≥ ", ">": "> ", "<=": "≤ ", "<": "< "}.get(t.op, "")
    number = _number_text(t.value)
    if t.unit_kind == "percent":
        return f"{symbol}{number}%"
    if t.unit_kind == "count" and t.unit:
        return f"{symbol}{number} {t.unit}"
    return f"{symbol}{number}"


def target_value_json(v: Decimal) -> int | float:
    """Return v as a JSON number: an int when whole (70), else a float (0.7)."""
    return int(v) if v == v.to_integral_value() else float(v)
