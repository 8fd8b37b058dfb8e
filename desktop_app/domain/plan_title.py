"""Reading the plan's commune, number and date from the title lines above the appendix table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.text import clean

_NUMBER = re.compile(
    r"(?:(?:Kế\s*hoạch|KH)\s+số|^Số|\bSố\s*:)\s*:?\s*([^\s,;()]*)\s*/\s*(KH[-–][A-ZĐa-zđ0-9-]*)", re.IGNORECASE
)
_DATE_WORDS = re.compile(r"ngày\s+(\d{0,2})\s*tháng\s+(\d{0,2})\s*năm\s+(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"ngày\s+(\d{0,2})\s*/\s*(\d{0,2})\s*/\s*(\d{4})", re.IGNORECASE)
_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
_NAME_WORD = rf"[{_UPPER}][^\s,.;:()*/]*"
_COMMUNE_TITLE = re.compile(rf"\bxã\s+({_NAME_WORD}(?:\s+{_NAME_WORD})*)", re.IGNORECASE)
_PLACE_DATE = re.compile(rf"^({_NAME_WORD}(?:\s+{_NAME_WORD})*)\s*,\s*ngày\b")  # "Nam Hồng, ngày 01 tháng 4 năm 2026"
_COMMUNE_TEXT = re.compile(rf"\bxã\s+({_NAME_WORD}(?:\s+{_NAME_WORD})*)")


@dataclass(frozen=True)
class PlanTitle:
    """What the title lines say about the plan; empty strings and None where they are blank."""

    commune: str = ""
    plan_number: str = ""
    plan_date: date | None = None
    year: int | None = None
    title: str = ""


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


def read_title(lines: list[str]) -> PlanTitle:
    """Parse commune, plan number, plan date and year from the title lines (blank parts stay empty)."""
    cleaned = [_strip_markup(line) for line in lines if line.strip()]
    text = " ".join(cleaned)
    number = ""
    if m := _NUMBER.search(text):
        if re.search(r"\d", m.group(1)):
            number = f"{m.group(1)}/{m.group(2).replace('–', '-')}"
    plan_date: date | None = None
    year: int | None = None
    if m := (_DATE_WORDS.search(text) or _DATE_SLASH.search(text)):
        year = int(m.group(3))
        if m.group(1) and m.group(2):
            try:
                plan_date = date(year, int(m.group(2)), int(m.group(1)))
            except ValueError:
                plan_date = None
    return PlanTitle(
        commune=next((c for line in cleaned if (c := _commune_from(line, _COMMUNE_TITLE, capitals=True))), "")
        or next((c for line in cleaned if (c := _commune_from(line, _PLACE_DATE, capitals=False))), ""),
        plan_number=number,
        plan_date=plan_date,
        year=year,
        title=text,
    )


def commune_from_texts(texts: list[str]) -> str:
    """The commune named in item texts ("Kế hoạch Chuyển đổi số xã Nam Hồng năm 2027"), or ""."""
    for text in texts:
        if name := _commune_from(text, _COMMUNE_TEXT, capitals=False):
            return name
    return ""
