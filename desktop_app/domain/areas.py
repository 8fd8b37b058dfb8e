"""The eight areas of a commune's digital-transformation plan, matching group titles and indicator texts across
plans worded differently, and the comparison of communes by area (percentages and traffic lights)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from desktop_app.domain.assessment import EXCEEDED, MET, UNMET
from desktop_app.domain.text import search_key


@dataclass(frozen=True)
class Area:
    """One of the eight areas: a stable code, the name shown, and the folded phrases that name it in a title."""

    code: str
    name: str
    phrases: tuple[str, ...]


AREAS: tuple[Area, ...] = (
    Area("institutions", "Thể chế số", ("lanh dao", "chi dao", "the che", "chinh sach so")),
    Area("infrastructure", "Hạ tầng số", ("ha tang",)),
    Area("workforce", "Nhân lực số", ("nhan luc",)),
    Area("data", "Dữ liệu số", ("du lieu",)),
    Area("government", "Chính quyền số", ("chinh quyen",)),
    Area("economy", "Kinh tế số", ("kinh te so",)),
    Area("society", "Xã hội số", ("xa hoi so",)),
    Area("security", "An toàn thông tin mạng", ("an toan thong tin", "an ninh mang", "an toan, an ninh")),
)
AREA_CODES = tuple(a.code for a in AREAS)
AREA_NAMES = {a.code: a.name for a in AREAS}
OTHER = "other"
OTHER_NAME = "Khác"
# A group title is a heading ("Về phát triển hạ tầng số"); a longer text is an item that lost its number,
# and its words say nothing about which area it heads.
_MAX_TITLE = 160


@lru_cache(maxsize=4096)  # 168 communes repeat the same eight titles
def area_of(group_title: str) -> str | None:
    """The code of the area a group title names (case, diacritics and "hoá/hóa" ignored), None for another
    group; when a title names two areas, the one named first wins."""
    key = search_key(group_title)
    if not key or len(key) > _MAX_TITLE:
        return None
    best: tuple[int, str] | None = None
    for area in AREAS:
        for phrase in area.phrases:
            at = _find_word(key, phrase)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, area.code)
    return best[1] if best else None


def _find_word(key: str, phrase: str) -> int:
    match = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", key)
    return match.start() if match else -1


# --- indicator texts --------------------------------------------------------------------------------------
# "ty"/"ti", "ky"/"ki", "ly"/"li": the same syllable spelled with y or i once the marks are gone; "uy", "ay"
# are other vowels and stay.
_Y_SYLLABLE = re.compile(r"\b(ch|gh|kh|nh|ph|th|tr|[bcdghklmnprstvx])y\b")
_NUMBER = r"\d+(?:[.,]\d+)?"
_QUALIFIER = r"(?:toi thieu|toi da|it nhat|khong duoi|khong thap hon|khong qua|tren|duoi|hon|tu)"
# The target a plan writes after the indicator: ": Đạt tối thiểu 70%.", " đạt 80%", ". Đạt 100", " trên 80%";
# a bare number counts only with "%" ("năm 2027" is part of the text).
_TRAILING_TARGET = re.compile(
    rf"(?:\s*[:;,.]\s*|\s+)(?:dat\s+(?:muc\s+)?(?:{_QUALIFIER}\s+)*{_NUMBER}\s*%?"
    rf"|(?:{_QUALIFIER}\s+)+{_NUMBER}\s*%?|{_NUMBER}\s*%)[\s.;:,]*$"
)
# After a colon "Đạt …" is always the target, however it goes on ("Đạt 100% đối với giáo viên và …").
_COLON_TARGET = re.compile(r"\s*:\s*dat\b.*$")
# "phần đầu" is a frequent misspelling of "phấn đấu": both fold to "phan dau".
_LEADING = re.compile(rf"^(?:phan dau\s+)?(?:{_NUMBER}\s*%\s+)?")
_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def indicator_key(text: str) -> str:
    """The indicator's text folded for matching across plans: no case, diacritics, punctuation or extra spaces,
    "tỷ" = "tỉ", without "Phấn đấu", a leading "100%" or the trailing target ("đạt tối thiểu 70%")."""
    folded = _Y_SYLLABLE.sub(r"\1i", search_key(text))
    key = _COLON_TARGET.sub("", folded)
    previous = None
    while previous != key:  # a target written twice ("… trên 80%. Đạt 80%") sheds both
        previous = key
        key = _TRAILING_TARGET.sub("", key)
    key = _LEADING.sub("", key)
    key = " ".join(_NOT_WORD.sub(" ", key).split())
    # a text that is nothing but a target keeps its words rather than matching every other such text
    return key or " ".join(_NOT_WORD.sub(" ", folded).split())


# --- the comparison ---------------------------------------------------------------------------------------
GREEN, YELLOW, RED, NONE = "green", "yellow", "red", "none"
LIGHTS = (GREEN, YELLOW, RED, NONE)
LIGHT_NAMES = {GREEN: "Xanh", YELLOW: "Vàng", RED: "Đỏ", NONE: "Chưa có"}
LIGHT_LETTERS = {GREEN: "X", YELLOW: "V", RED: "Đ", NONE: ""}
"""Printed after the percentage so that the colour reads on a grey printer too."""
GREEN_FROM = Decimal(80)
YELLOW_FROM = Decimal(50)
_TENTH = Decimal("0.1")


def light(percent: Decimal | None) -> str:
    """The traffic light of a completion percentage: green from 80 %, yellow from 50 %, red below, none."""
    if percent is None:
        return NONE
    if percent >= GREEN_FROM:
        return GREEN
    return YELLOW if percent >= YELLOW_FROM else RED


@dataclass(frozen=True)
class AreaCell:
    """One commune's standing in one area: how many items, how many completed, the share and its light."""

    items: int
    completed: int
    percent: Decimal | None
    light: str

    @classmethod
    def of(cls, items: int, completed: int) -> AreaCell:
        """The cell of these counts: percent to one decimal, None when the area has no items."""
        percent = None if items == 0 else (Decimal(completed) * 100 / items).quantize(_TENTH, ROUND_HALF_UP)
        return cls(items, completed, percent, light(percent))


@dataclass(frozen=True)
class CommuneRow:
    """One plan in the comparison: the eight areas in AREAS order, the items of no area, and the whole plan."""

    plan_id: int
    commune: str
    year: int | None
    title: str
    areas: tuple[AreaCell, ...]
    other: AreaCell
    overall: AreaCell


@dataclass(frozen=True)
class Comparison:
    """Communes × areas as of made_at, for the year asked (None: every year)."""

    year: int | None
    made_at: datetime
    rows: tuple[CommuneRow, ...]


RESULT_LIGHTS = {EXCEEDED: GREEN, MET: GREEN, UNMET: RED, None: NONE}
"""The light of one item's stored result: met or exceeded green, unmet red, nothing reported none."""


@dataclass(frozen=True)
class IndicatorCell:
    """One plan's standing on a matched indicator: its stored result, the latest value reported (None: only a
    status, or nothing), the latest status ("done", "in_progress" …) and whether a target is a percentage."""

    result: str | None
    value: Decimal | None = None
    status: str | None = None
    percent: bool = False

    @property
    def light(self) -> str:
        """The traffic light of the result."""
        return RESULT_LIGHTS.get(self.result, NONE)


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as several plans word it: its key, a representative text, its area, and per plan (id) the
    stored result ("exceeded", "met", "unmet", None: nothing reported), that plan's own wording and its cell
    (value, status, light)."""

    key: str
    text: str
    area: str | None
    results: dict[int, str | None] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    cells: dict[int, IndicatorCell] = field(default_factory=dict)

    @property
    def plans(self) -> int:
        """How many plans have this indicator."""
        return len(self.results)


# Excel's own "good / neutral / bad" looks: a light fill with dark text, readable on screen and in print.
LIGHT_FILLS = {GREEN: "C6EFCE", YELLOW: "FFEB9C", RED: "FFC7CE", NONE: "EDEDED"}
LIGHT_INKS = {GREEN: "006100", YELLOW: "7A4A00", RED: "9C0006", NONE: "595959"}
COMMUNE_HEADER, YEAR_HEADER, OVERALL_HEADER = "Xã", "Năm", "Toàn kế hoạch"


def comparison_title(data: Comparison) -> str:
    """The heading of an exported comparison."""
    year = f" NĂM {data.year}" if data.year else ""
    return f"TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CHUYỂN ĐỔI SỐ CỦA CÁC XÃ{year}"


def comparison_note(data: Comparison) -> str:
    """The line under the heading: what the percentages are, as of when, and what the lights mean."""
    return (f"Tỷ lệ chỉ tiêu, nhiệm vụ đã đạt theo từng lĩnh vực; số liệu đến ngày {data.made_at:%d/%m/%Y}; "
            f"{len(data.rows)} xã. Xanh (X): từ 80%; Vàng (V): từ 50% đến dưới 80%; Đỏ (Đ): dưới 50%.")


def percent_text(cell: AreaCell) -> str:
    """A cell's percentage as shown: "66,7%", "—" when the area has no items."""
    if cell.percent is None:
        return "—"
    text = format(cell.percent.normalize(), "f") if cell.percent == cell.percent.to_integral() \
        else format(cell.percent, "f")
    return text.replace(".", ",") + "%"
