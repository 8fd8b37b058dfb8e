"""Reading the plan's issuer, commune, number and date from the title lines above the appendix table.

The lines are what stands above the table: paragraphs, the cells of the official header block (one line per cell,
left cell first, or a cell's own lines), rows of an xlsx title. The official header block (Nghị định 30/2020/NĐ-CP)
reads, left then right:

    ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    XÃ TÂN PHÚ                  Độc lập - Tự do - Hạnh phúc
    Số: 125/KH-UBND             Tân Phú, ngày 18 tháng 7 năm 2025

and an appendix says whose it is: "(Kèm theo Kế hoạch số 125/KH-UBND ngày 18/7/2025 của UBND xã Tân Phú)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.text import clean, search_key

# A document number: "125/KH-UBND", "03/NQ-CP", "12/QĐ-UBND", "03/2025/NĐ-CP", "05/CT-TTg"; blank as "…/KH-UBND".
# Party documents put the code before the slash: "05-KH/ĐU". The number part takes no "/" so nothing backtracks.
_CODE = r"[A-Za-zĐđ]{1,8}(?:\s?[-–]\s?[A-Za-zĐđ0-9&]+)+"
_NUMBER_BODY = (rf"(?P<n>[^\s,;:()/]*)\s*/\s*(?:(?P<y>\d{{4}})\s*/\s*)?(?P<code>{_CODE})"
                rf"|(?P<pn>\d*)\s*[-–]\s*(?P<pcode>[A-Za-zĐđ]{{1,6}})\s*/\s*(?P<piss>[A-Za-zĐđ][A-Za-zĐđ0-9-]*)")
_NUMBER_AFTER = re.compile(rf"\s*:?\s*(?:{_NUMBER_BODY})")
# "Số: 03/NQ-CP" opening a line (the header block), or "Số:" anywhere (cells joined into one line)
_HEADER_NUMBER = re.compile(r"^\(?\s*Số\b|\bSố\s*:", re.IGNORECASE)
# "Kế hoạch số 44/KH-UBND …" opening a line (an xlsx title row standing for the "Số:" line)
_PLAN_NUMBER_LINE = re.compile(r"^\(?\s*(?:Kế\s*hoạch|KH)\s+số\b", re.IGNORECASE)
# "… số N/CODE" in a "Kèm theo …" line
_ANY_NUMBER = re.compile(r"\bsố\b", re.IGNORECASE)
# What the program read before: "Kế hoạch số …/KH-…" anywhere, for titles in no layout above
_LEGACY_NUMBER = re.compile(
    r"(?:(?:Kế\s*hoạch|KH)\s+số|^Số|\bSố\s*:)\s*:?\s*([^\s,;()]*)\s*/\s*(KH[-–][A-ZĐa-zđ0-9-]*)", re.IGNORECASE
)

# Dates: "ngày 09 tháng 01 năm 2025", "ngày 01/4/2026"; blanks typed as spaces, dots or "…" ("ngày … tháng … năm
# 2025", "ngày /4/2026") leave day and month empty. Possessive runs: no backtracking on long runs of dots.
_GAP = r"[\s.…_]*+"
_DATE_WORDS = re.compile(rf"ngày{_GAP}(\d{{0,2}}){_GAP}tháng{_GAP}(\d{{0,2}}){_GAP}năm\s*+(\d{{4}})", re.IGNORECASE)
_DATE_SLASH = re.compile(rf"ngày{_GAP}(\d{{0,2}}){_GAP}/{_GAP}(\d{{0,2}}){_GAP}/\s*+(\d{{4}})", re.IGNORECASE)

_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
_NAME_WORD = rf"[{_UPPER}][^\s,.;:()*/]*"
# "xã Tân Phú", "phường Hòa Bình", "thị trấn Nho Quan"; not "thị xã …" (a town above the communes), nor "Thông tấn
# xã …" or "Hợp tác xã …" (bodies, not places)
_AREA = r"(?<!thị\s)(?<!tấn\s)(?<!tác\s)\b(?:xã|phường|thị\s+trấn)"
_COMMUNE_TITLE = re.compile(rf"{_AREA}\s+({_NAME_WORD}(?:\s+{_NAME_WORD})*)", re.IGNORECASE)
_COMMUNE_TEXT = re.compile(rf"(?<!thị\s)(?<!tấn\s)(?<!tác\s)\b(?:xã|phường)\s+({_NAME_WORD}(?:\s+{_NAME_WORD})*)")

# search keys (accents, case and tone placement folded) of the header block's fixed lines: the national motto, and
# the Party's name that stands in its place on a Party committee's documents
_MOTTO_KEYS = ("cong hoa xa hoi chu nghia", "doc lap tu do", "dang cong san viet nam")
_MOTTO_WORDS = 10  # words looked at from each start: the longest key's six and any dashes between them
_NON_WORD = re.compile(r"[\W_]+")
# an issuing body's first words, for a header line not all in capitals ("Ủy ban nhân dân xã Tân Phú")
_BODY_STARTS = ("uy ban", "ubnd", "hdnd", "hoi dong nhan dan", "dang uy", "dang bo", "chinh phu", "ban chi dao",
                "bcd ")
# and for a first line in capitals over a table with no header block ("UBND XÃ TÂN LẬP", "SỞ Y TẾ")
_ISSUER_STARTS = (*_BODY_STARTS, "bo ", "so ", "thu tuong", "van phong", "cong an", "trung tam", "phong ")
# a line naming the level of the body above it ("XÃ TÂN PHÚ" under "ỦY BAN NHÂN DÂN"), or a body under its parent
_LEVEL_STARTS = ("xa ", "phuong ", "thi tran ", "thi xa ", "huyen ", "quan ", "tinh ", "thanh pho ", "dac khu ",
                 "so ", "phong ", "ban ", "van phong ", "trung tam ", "chi cuc ", "cuc ", "dang uy ", "uy ban ",
                 "ubnd ", "hdnd ")
# lines citing other documents ("Căn cứ Luật …", "Thực hiện Kế hoạch số 88/KH-UBND …"): their numbers and dates
# are never the plan's
_CITATION_STARTS = ("can cu ", "thuc hien ", "trien khai ", "theo ", "xet ", "quan triet ", "tren co so ")


@dataclass(frozen=True)
class PlanTitle:
    """What the title lines say about the plan; empty strings and None where they are blank."""

    commune: str = ""
    plan_number: str = ""
    plan_date: date | None = None
    year: int | None = None
    title: str = ""
    issuer: str = ""  # the issuing body as the header block writes it: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "CHÍNH PHỦ"


def _strip_markup(line: str) -> str:
    return clean(line.replace("*", " ").replace("_", " "))


# Capitalised words that follow "xã" in item texts without being a name ("cấp xã Đạt 100%").
_NOT_NAMES = {"Đạt", "Phấn", "Phần", "Tỷ", "Tỉ", "Và", "Theo", "Số", "SỐ", "Kế", "KẾ", "CỘNG", "Cộng",
              "HỘI", "Hội"}  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" names no commune


def _commune_from(text: str, pattern: re.Pattern[str], *, capitals: bool) -> str:
    for match in pattern.finditer(text):
        words: list[str] = []
        # "xã Nam Hồng năm 2027": the name is the leading run of capitalised syllables only.
        for word in match.group(1).split():
            acronym = word.isupper() and len(word) > 1
            if not word[0].isupper() or (acronym and not capitals) or word in _NOT_NAMES:
                break
            words.append(word)
        if words and capitals and all(w.isupper() for w in words):
            words = [w.capitalize() for w in words]  # "ỦY BAN NHÂN DÂN XÃ NAM HỒNG" → "Nam Hồng"
        if words:
            return " ".join(words)
    return ""


def _lines(lines: list[str]) -> list[str]:
    """The title lines one by one: a cell's own lines and tab-separated cells apart, markup and blanks dropped, and
    a line that leaves a bracket open joined with the next ("(Kèm theo Kế hoạch" / "số 44/KH-UBND …)")."""
    out: list[str] = []
    for line in lines:
        for part in re.split(r"[\t\n\r\u2028\u2029\x0b\x0c\x85]", line):
            if text := _strip_markup(part):
                out.append(text)
    joined: list[str] = []
    open_count = carried = 0
    for text in out:
        if joined and open_count > 0 and carried < 2:  # a bracket left open for good joins two lines at most
            joined[-1] = f"{joined[-1]} {text}"
            carried += 1
        else:
            joined.append(text)
            open_count = carried = 0
        open_count = max(0, open_count + text.count("(") - text.count(")"))
    return joined


def _is_separator(line: str) -> bool:
    """"-------", "___", "*": no letter or digit."""
    return not any(c.isalnum() for c in line)


def _is_citation(line: str) -> bool:
    return search_key(line.lstrip("(- ")).startswith(_CITATION_STARTS)


def _is_kem_theo(line: str) -> bool:
    return "kem theo" in search_key(line)


@dataclass(frozen=True)
class _Number:
    """A document number found in a line: the number ("" when blank), whether a plan's, and the date after it."""

    text: str
    plan: bool
    date: re.Match[str] | None


def _numbers_after(line: str, pattern: re.Pattern[str]) -> list[_Number]:
    """Every document number right after a match of pattern in line."""
    found: list[_Number] = []
    for m in pattern.finditer(line):
        n = _NUMBER_AFTER.match(line, m.end())
        if n is None:
            continue
        if n.group("code") is not None:
            code = re.sub(r"\s*[-–]\s*", "-", n.group("code"))
            number = n.group("n")
            year = f"{n.group('y')}/" if n.group("y") else ""
            text = f"{number}/{year}{code}" if any(c.isdigit() for c in number) else ""
        else:
            code = n.group("pcode")
            number = n.group("pn")
            text = f"{number}-{code}/{n.group('piss')}" if number else ""
        found.append(_Number(text, search_key(code).startswith("kh"), _date_match(line[n.end():])))
    return found


def _plan_number(lines: list[str]) -> tuple[str, re.Match[str] | None]:
    """The plan's number, and its date when the header block is another document's (a decision issuing the plan).

    A plan's number ("…/KH-…") comes before any other document's; within each, the header's "Số:" first, then the
    "Kèm theo …" line, then a title line opening with "Kế hoạch số". Blank numbers give way to a filled one of the
    same kind; when all are blank the number stays blank rather than taking a number cited elsewhere."""
    header = [found for line in lines if _HEADER_NUMBER.search(line) for found in
              _numbers_after(line, _HEADER_NUMBER)]
    kem_theo = [found for line in lines if _is_kem_theo(line) for found in _numbers_after(line, _ANY_NUMBER)]
    plan_lines = [found for line in lines if _PLAN_NUMBER_LINE.match(line) and not _is_kem_theo(line)
                  for found in _numbers_after(line, _PLAN_NUMBER_LINE)]
    plans = [n for n in (*header, *kem_theo, *plan_lines) if n.plan]
    if plans:
        chosen = next((n for n in plans if n.text), None)
        if chosen is None:
            return "", None
        other_header = any(n.text and not n.plan for n in header)  # "Số: 12/QĐ-UBND" over the plan it issues
        return chosen.text, chosen.date if other_header and all(chosen is not n for n in header) else None
    others = header or kem_theo[:1]
    if others:
        return next((n.text for n in others if n.text), ""), None
    # no layout seen: what the program read before, in the lines that cite nothing
    text = " ".join(line for line in lines if not _is_citation(line))
    if (m := _LEGACY_NUMBER.search(text)) and any(c.isdigit() for c in m.group(1)):
        return f"{m.group(1)}/{m.group(2).replace('–', '-')}", None
    return "", None


def _date_match(text: str) -> re.Match[str] | None:
    words, slash = _DATE_WORDS.search(text), _DATE_SLASH.search(text)
    if words and slash:
        return words if words.start() <= slash.start() else slash
    return words or slash


def _to_date(m: re.Match[str]) -> date | None:
    if not (m.group(1) and m.group(2)):
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _plan_date(lines: list[str], of_number: re.Match[str] | None = None) -> tuple[date | None, int | None]:
    """The date of the place-and-date line ("Hà Nội, ngày 09 tháng 01 năm 2025"), else of the "Kèm theo …" line,
    else the first date in lines that cite nothing; a candidate with day and month beats a blank one. of_number:
    the date written with the plan's number, first when the header block is another document's."""
    place_date: list[re.Match[str]] = []
    kem_theo: list[re.Match[str]] = []
    for line in lines:
        m = _date_match(line)
        if m is None:
            continue
        if line[:m.start()].rstrip().endswith(","):
            place_date.append(m)
        elif _is_kem_theo(line):
            kem_theo.append(m)
    candidates = ([of_number] if of_number else []) + place_date + kem_theo
    if not candidates:
        # no layout seen: the first date, as before (across lines, as a cell may break a date over two)
        m = _date_match(" ".join(line for line in lines if not _is_citation(line)))
        candidates = [m] if m else []
    if not candidates:
        return None, None
    chosen = next((m for m in candidates if _to_date(m) is not None), candidates[0])
    return _to_date(chosen), int(chosen.group(3))


def _bare_key(text: str) -> str:
    """search_key with punctuation as spaces: "Độc lập – Tự do – Hạnh phúc" → "doc lap tu do hanh phuc"."""
    return " ".join(_NON_WORD.sub(" ", search_key(text)).split())


def _motto_at(line: str) -> int | None:
    """Where "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "Độc lập - Tự do - Hạnh phúc" starts in line (word index)."""
    if not any(motto in _bare_key(line) for motto in _MOTTO_KEYS):
        return None
    words = line.split()
    keys = [_bare_key(w) for w in words]
    for i in range(len(words)):
        if keys[i] and " ".join(k for k in keys[i:i + _MOTTO_WORDS] if k).startswith(_MOTTO_KEYS):
            return i
    return None


def _is_number_line(line: str) -> bool:
    return bool(re.match(r"^\(?\s*Số\s*[:/\d.…]", line, re.IGNORECASE) or _PLAN_NUMBER_LINE.match(line))


def _is_place_date(line: str) -> bool:
    m = _date_match(line)
    return m is not None and line[:m.start()].rstrip().endswith(",")


def _upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _issuer_like(line: str) -> bool:
    return _upper(line) or search_key(line).startswith(_BODY_STARTS)


def _issuer(lines: list[str]) -> list[str]:
    """The issuing body: the capitalised lines before the header block's motto or "Số:" line, and a level or body
    named under it across the motto ("ỦY BAN NHÂN DÂN" ⇥ "CỘNG HÒA …", "XÃ TÂN PHÚ" ⇥ "Độc lập …")."""
    marker = None
    for i, line in enumerate(lines):
        if _motto_at(line) is not None or _is_number_line(line):
            marker = i
            break
    if marker is None:
        # no header block: a first line naming a body ("UBND XÃ TÂN LẬP" over a schedule)
        first = lines[0] if lines else ""
        return [first] if _upper(first) and search_key(first).startswith(_ISSUER_STARTS) else []
    parts: list[str] = []
    at = _motto_at(lines[marker])
    if at:  # the issuer and the motto in one line: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ CỘNG HÒA …"
        head = " ".join(lines[marker].split()[:at])
        if _issuer_like(head):
            parts.append(head)
    before: list[str] = []
    for line in reversed(lines[:marker]):
        if _is_separator(line):
            continue
        if not _issuer_like(line) or len(before) == 4:
            break
        before.append(line)
    parts = [*reversed(before), *parts]
    if parts:
        for line in lines[marker + 1:]:
            if _is_separator(line) or (_motto_at(line) == 0):
                continue
            if _is_number_line(line) or _is_place_date(line) or not _upper(line) \
                    or not search_key(line).startswith(_LEVEL_STARTS):
                break
            parts.append(line)  # "XÃ TÂN PHÚ" after the motto's first line (paragraphs with tabs)
    return parts


def read_title(lines: list[str]) -> PlanTitle:
    """Parse issuer, commune, plan number, plan date and year from the title lines (blank parts stay empty)."""
    cleaned = [_strip_markup(line) for line in lines if line.strip()]
    logical = _lines(lines)
    number, number_date = _plan_number(logical)
    plan_date, year = _plan_date(logical, number_date)
    issuer = _issuer(logical)
    # the issuer's own lines first ("XÃ TÂN PHÚ" under "ỦY BAN NHÂN DÂN"), each alone: joined, the next line's
    # capitals would run on into the name. A place of issue ("Hà Nội, ngày …") is never the commune.
    commune = next((c for line in (*issuer, *logical) if (c := _commune_from(line, _COMMUNE_TITLE, capitals=True))),
                   "")
    return PlanTitle(
        commune=commune,
        plan_number=number,
        plan_date=plan_date,
        year=year,
        title=" ".join(cleaned),
        issuer=" ".join(issuer),
    )


def commune_from_texts(texts: list[str]) -> str:
    """The commune (or ward) named in item texts ("Kế hoạch Chuyển đổi số xã Nam Hồng năm 2027"), or ""."""
    for text in texts:
        if name := _commune_from(text, _COMMUNE_TEXT, capitals=False):
            return name
    return ""
