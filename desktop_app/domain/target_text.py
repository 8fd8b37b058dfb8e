"""Targets read from an indicator's or task's text: "Đạt tối thiểu 70%", "≥ 03 tổ chức", "từ 40% đến 50%",
several targets with their subjects; conditions inside a task's text are not targets (the value type and its
formatting: targets.py)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import cached_property
from itertools import islice

from desktop_app.domain.targets import Target

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
# Words before a number that make it a condition or a description of the task, not a target:
# "với tỷ lệ 1% – 3% doanh thu", "với mức 50% kinh phí", "khoảng 20%", "bình quân 10%". A lead word
# other than "trên"/"dưới" and the task verbs lifts them ("phấn đấu đạt khoảng 50%").
_CONDITION_PHRASES = ("với tỷ lệ", "với tỉ lệ", "theo tỷ lệ", "theo tỉ lệ", "với mức", "theo mức",
                      "khoảng", "bình quân", "trung bình")
# A percent range after a number: "20% - 50%", "20 – 50%", "20%-50%", "40% đến 50%". Digits glued by a
# dash without a "%" on the first ("70-80%", "2025-2030", "57-NQ") stay codes and periods.
_RANGE_TAIL = re.compile(r"(\s*%)?(\s+[-–—]\s+|\s*[-–—]\s*|\s+(?:đến|tới)\s+)(\d+(?:[.,]\d+)*)\s*%",
                         re.IGNORECASE)
# "từ" opens a range: "phấn đấu đạt từ 40% đến 50%".
_RANGE_OPENER = "từ"
# Between two targets, these only join them: "02 hội nghị và 04 lớp" reads both. A number joins
# when it starts where one of them ends (written so that long spaces cannot make them backtrack).
_JOIN_COMMA = re.compile(r"\s*,\s*")
_JOIN_AND = re.compile(r"\s*(?:,\s*)?và\s+", re.IGNORECASE)
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
# The same without the final word-boundary check, to find every candidate once (see _Text.and_rate).
_AND_RATE_LOOSE = re.compile(r"\s(?:và|va)\s+(t[ỷỉyiỳýỹịìíĩ]\s+l[ệeêếềểễẹéèẻẽ])", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_TOKEN = re.compile(r"\S+")
# A "đối với …" group longer than this is no group name (and reading it must stay linear).
_DOI_VOI_REACH = 400
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


class _Text:
    """An NFC item text with what parse_targets asks of the whole of it, each computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.first = len(text) - len(text.lstrip())  # numbers at or before this open the text

    @cached_property
    def folded(self) -> str:
        return _fold(self.text)

    @cached_property
    def context(self) -> tuple[bool, bool, str | None]:
        return _item_context(self.text, self.folded)

    @cached_property
    def index_start(self) -> bool:
        return bool(_INDEX_START.match(self.folded.lstrip(_LEADING_JUNK)))

    @cached_property
    def semicolons(self) -> list[int]:
        return [i for i, c in enumerate(self.text) if c == ";"]

    @cached_property
    def full_stops(self) -> list[int]:
        return [m.start() for m in re.finditer(r"\. ", self.text)]

    @cached_property
    def and_rate(self) -> tuple[list[int], list[int], list[int], list[int]]:
        """Every " và tỷ lệ" joiner: where it starts, where it ends (a clause starts there), where its
        "tỷ lệ" ends, and the index of the last joiner up to each whose "tỷ lệ" ends a word (-1: none)."""
        starts: list[int] = []
        ends: list[int] = []
        word_ends: list[int] = []
        last_ok: list[int] = []
        for m in _AND_RATE_LOOSE.finditer(self.text):
            stop = m.end(1)
            ok = stop == len(self.text) or not _WORD_CHAR.match(self.text, stop)
            last_ok.append(len(starts) if ok else (last_ok[-1] if last_ok else -1))
            starts.append(m.start())
            ends.append(m.start(1))
            word_ends.append(stop)
        return starts, ends, word_ends, last_ok

    def clause_start(self, start: int) -> int:
        """Where the clause holding position start begins: after ";", ". " or a " và tỷ lệ".

        The same as searching text[clause:start] with _AND_RATE, in logarithmic time: a joiner counts
        when its "tỷ lệ" ends before start at a word's end, or right at start.
        """
        i = bisect_left(self.semicolons, start) - 1
        j = bisect_right(self.full_stops, start - 2) - 1
        begin = max(self.semicolons[i] if i >= 0 else -1, self.full_stops[j] if j >= 0 else -1) + 1
        starts, ends, word_ends, last_ok = self.and_rate
        k = bisect_right(word_ends, start) - 1
        pick = -1 if k < 0 else (k if word_ends[k] == start else last_ok[k])
        if pick >= 0 and starts[pick] >= begin:
            begin = ends[pick]
        return begin


def _space_back(text: str, pos: int) -> int:
    """Return pos moved back over whitespace (the end of text[:pos].rstrip())."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _phrase_before(text: str, end: int, phrases: tuple[str, ...] | list[str]) -> str | None:
    """The phrase of phrases that text ends with at end (a word phrase on a word boundary), if any."""
    for phrase in phrases:
        begin = end - len(phrase)
        if begin < 0 or text[begin:end].lower() != phrase:
            continue
        # Words need a boundary ("đạt" inside another word isn't a lead); symbols don't.
        if phrase[0].isalpha() and begin > 0 and text[begin - 1].isalnum():
            continue
        return phrase
    return None


_LEAD_WORDS = tuple(phrase for phrase, _ in _LEAD_PHRASES)


def _lead(text: str, start: int) -> tuple[int, list[str], bool]:
    """Walk back from start over lead phrases and condition words.

    Return where the leads begin (start when there is none), which leads matched and whether a
    condition word ("với tỷ lệ", "khoảng") stands among them.
    """
    pos, found, condition, lead_start = start, [], False, start
    while True:
        end = _space_back(text, pos)
        if (phrase := _phrase_before(text, end, _LEAD_WORDS)) is not None:
            found.append(phrase)
            pos = lead_start = end - len(phrase)
        elif (phrase := _phrase_before(text, end, _CONDITION_PHRASES)) is not None:
            condition = True
            pos = end - len(phrase)
        else:
            return lead_start, found, condition


def _lifts(phrases: list[str]) -> bool:
    """True when a lead word makes a number after a condition word a target ("đạt khoảng 50%")."""
    return any(p not in _WEAK_LEADS and p not in _TASK_VERBS for p in phrases)


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


def _count_unit(text: str, pos: int) -> tuple[str, int] | None:
    """Return the counted noun right after a number at pos and where it ends, if any."""
    m = _COUNT_NOUN.match(text, pos)
    # Counted nouns are lower-case words; "Gbps", "CP" or digits are units/codes, not outputs.
    if not m or not (m[1].isalpha() and m[1].islower()) or m[1] in _NOT_COUNT_UNITS:
        return None
    if m[2] and f"{m[1]} {m[2]}" in _TWO_SYLLABLE_NOUNS:
        return f"{m[1]} {m[2]}", m.end()
    return m[1], m.end(1)


def _item_context(text: str, folded: str | None = None) -> tuple[bool, bool, str | None]:
    """Return (speaks of a rate, starts with "Số …", counted noun of "Số <noun>") for text."""
    rate = bool(_RATE_WORDS.search(_fold(text) if folded is None else folded))
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


def _bare(ctx: _Text, op: str, value: Decimal, has_fraction: bool) -> Target:
    """Return the target a clause-ending number without unit stands for ("Đạt 12")."""
    rate, starts_so, noun = ctx.context
    # Only a rate, or a plain 100 outside "Số …" items, makes a bare number a percent.
    if (rate and 1 <= value <= 100) or (value == 100 and not has_fraction and not starts_so):
        return Target(op, value, "percent", "%", None, "")
    if noun is not None and not has_fraction:
        return Target(op, value, "count", noun, None, "")
    return Target(op, value, "none", None, None, "")


def _glued(text: str, start: int, end: int) -> bool:
    """True when the number text[start:end] is part of a date, code or name (10/10, IPv6, 5G, 2026-2030)."""
    before = text[start - 1] if start else ""
    after_char = text[end] if end < len(text) else ""
    return any(c and (c.isalnum() or c in _GLUE) for c in (before, after_char))


def _read(ctx: _Text, m: re.Match[str], chained_op: str | None = None
          ) -> tuple[Target, int, int] | None:
    """Read a target at number match m; return it with its span, or None when not a target.

    chained_op is the op of the target just before m when only "và"/"," lies between them:
    the number then counts as introduced by that target's lead ("02 hội nghị và 04 lớp").
    """
    text = ctx.text
    start, end = m.span()
    if _glued(text, start, end):
        return None
    parsed = _value(m[0])
    if parsed is None:
        return None
    value, has_fraction = parsed
    lead_start, phrases, condition = _lead(text, start)
    if condition and not _lifts(phrases):
        return None  # "với tỷ lệ 5% doanh thu", "khoảng 20%": a condition, not a target
    op = _op(phrases)
    if chained_op is not None and not phrases:
        op = chained_op
    strong = [p for p in phrases if p not in _WEAK_LEADS]
    # Leads that may introduce a number without unit; task verbs introduce outputs only.
    bare_lead = any(p not in _TASK_VERBS for p in strong)
    introduced = bool(strong) or chained_op is not None
    at_start = start <= ctx.first
    # "Chỉ số …: 0,75" — an index value may follow the colon without a lead word.
    colon = _space_back(text, start)
    index_after_colon = not phrases and colon > 0 and text[colon - 1] == ":" and ctx.index_start
    if pct := _PERCENT.match(text, end):
        target = Target(op, value, "percent", "%", None, "")
        end = pct.end()
    elif not (introduced or at_start or index_after_colon):
        return None
    elif has_fraction and value < 1 and (bare_lead or at_start or index_after_colon):
        target = Target(op, value, "index", None, None, "")
    elif bare_lead and _CLAUSE_END.match(text, end):
        target = _bare(ctx, op, value, has_fraction)
    elif (unit := _count_unit(text, end)) is not None and not has_fraction and introduced:
        target = Target(op, value, "count", unit[0], None, "")
        end = unit[1]
    else:
        return None
    if target.op == "=" and (trail := _TRAILING_OP.match(text, end)):
        op = ">=" if trail[1].lower() == "lên" else "<="
        target = Target(op, target.value, target.unit_kind, target.unit, None, "")
        end = trail.end()
    return target, lead_start, end


def _read_range(ctx: _Text, m: re.Match[str]) -> tuple[list[Target], int, int] | None:
    """Read a percent range starting at number m ("đạt 20% - 50%", "từ 40% đến 50%").

    Return its two bounds (>= low, <= high; none when the range is a condition) with the span of its
    text, or None when no range starts at m. A low bound above the high one makes no range: "năm
    2025 - 80%, năm 2026 - 100%" pairs years with their targets.
    """
    text = ctx.text
    tail = _RANGE_TAIL.match(text, m.end())
    before = text[m.start() - 1] if m.start() else ""
    if tail is None or before.isalnum() or (before and before in _GLUE):
        return None
    sep = tail[2]
    spaced = sep.strip().lower() in ("đến", "tới") or (sep[0].isspace() and sep[-1].isspace())
    if tail[1] is None and not spaced:
        return None  # "70-80%": digits glued by a dash, no "%" on the first
    low, high = _value(m[0]), _value(tail[3])
    if low is None or high is None or low[0] > high[0]:
        return None
    begin, end = m.start(), tail.end()
    opener_end = _space_back(text, begin)
    if _phrase_before(text, opener_end, (_RANGE_OPENER,)) is not None:
        begin = opener_end - len(_RANGE_OPENER)
    lead_start, phrases, condition = _lead(text, begin)
    introduced = any(p not in _WEAK_LEADS for p in phrases) and (not condition or _lifts(phrases))
    if phrases:
        begin = lead_start
    elif begin <= ctx.first and not condition:
        introduced = True  # "Từ 40% đến 50% hộ …" opens the item: its statement, like "100% nhiệm vụ"
    if not introduced:
        return [], begin, end
    return [Target(">=", low[0], "percent", "%", None, ""),
            Target("<=", high[0], "percent", "%", None, "")], begin, end


def _clause_subject(ctx: _Text, start: int) -> str | None:
    """Return a short subject from the "Tỉ lệ …" clause holding position start, if any."""
    text = ctx.text
    clause_start = ctx.clause_start(start)
    # The first nine words are all it reads: two for "Tỷ lệ", six for the subject, one for a stop pair.
    words = [w[0] for w in islice(_TOKEN.finditer(text, clause_start, start), 9)]
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


def _doi_voi(text: str, end: int) -> re.Match[str] | None:
    """The "đối với <group>" right after a target, if any; a group runs at most _DOI_VOI_REACH chars."""
    reach = min(len(text), end + _DOI_VOI_REACH)
    m = _DOI_VOI.match(text, end, reach)
    if m is not None and reach < len(text) and m.end() >= reach - 1:
        return None  # cut off by the reach: a whole sentence, not the name of a group
    return m


def _joiner_ends(text: str, gap: int) -> tuple[int, ...]:
    """Where a number may start to be joined to the target ending at gap by "," or "và" only."""
    return tuple(m.end() for m in (_JOIN_COMMA.match(text, gap), _JOIN_AND.match(text, gap)) if m)


def parse_targets(text: str) -> list[Target]:
    """Return the measurable targets of an item text in order of appearance.

    A percent range introduced by a lead word ("đạt 20% - 50%", "phấn đấu đạt từ 40% đến 50%") gives
    two targets, >= low and <= high, both with the range as raw; without a lead it is a condition and
    gives none. Numbers after "với tỷ lệ", "với mức", "theo tỷ lệ", "khoảng", "bình quân" are
    conditions unless a lead word (not "trên"/"dưới" alone, not a task verb) introduces them.
    """
    ctx = _Text(_normalise(text or ""))
    text = ctx.text
    # (target, begin, end, group): the two bounds of a range share one group.
    found: list[tuple[Target, int, int, int]] = []
    groups = 0
    skip_to = 0
    joins: tuple[int, ...] | None = None  # where a number joins the last single target
    for m in _NUMBER.finditer(text):
        if m.start() < skip_to:
            continue
        if (ranged := _read_range(ctx, m)) is not None:
            bounds, begin, end = ranged
            skip_to, joins = end, ()
            for bound in bounds:
                found.append((bound, begin, end, groups))
            groups += bool(bounds)
            continue
        chained = None
        if found:
            if joins is None:
                gap = found[-1][2]
                gap = tail.end() if (tail := _doi_voi(text, gap)) else gap
                joins = _joiner_ends(text, gap)
            if m.start() in joins:
                chained = found[-1][0].op
        if (read := _read(ctx, m, chained)) is not None:
            found.append((*read, groups))
            groups += 1
            joins = None
    targets: list[Target] = []
    several = groups > 1
    subjects: dict[int, tuple[str | None, int]] = {}
    for target, begin, end, group in found:
        if group not in subjects:
            subject = None
            tail = _doi_voi(text, end)
            if tail:
                subject = " ".join(tail[1].split()[:2])  # head noun of the group: two syllables
                end = tail.end()
            if several and subject is None and target.unit_kind == "count":
                # Several counts in one item ("02 hội nghị và 04 lớp"): each is about its noun.
                subject = target.unit
            if several and subject is None:
                subject = _clause_subject(ctx, begin) or _noun_after(text, end)
            subjects[group] = (subject, end)
        subject, end = subjects[group]
        targets.append(Target(target.op, target.value, target.unit_kind, target.unit,
                              subject if several else None, text[begin:end]))
    return targets


def looks_like_indicator(text: str) -> bool:
    """Return True for "Tỷ lệ/Tỉ lệ/Chỉ số …" texts or texts with a measurable target."""
    folded = _fold(_normalise(text or "")).lstrip(" \t\r\n-–•*+")
    return bool(_INDICATOR_START.match(folded)) or bool(parse_targets(text or ""))
