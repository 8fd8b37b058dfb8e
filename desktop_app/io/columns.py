"""Finding the appendix header row by the meaning of its cells, so reordered columns still work."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from desktop_app.domain.text import search_key

_STT = re.compile(r"^(s\.?\s?t\.?\s?t|tt|so tt|so thu tu)\.?$")


@dataclass(frozen=True)
class Columns:
    """Which cell index holds which field; None when the table has no such column."""

    stt: int
    text: int
    monitoring: int | None
    implementing: int | None
    deadline: int | None
    note: int | None

    def needed_width(self) -> int:
        """How many cells a row of this table has at least (the note column may be missing)."""
        used = (self.stt, self.text, self.monitoring, self.implementing, self.deadline)
        return 1 + max(i for i in used if i is not None)


def is_stt_label(text: str) -> bool:
    """True for the header cell of the number column ("Stt", "TT", "Số thứ tự")."""
    return bool(_STT.match(search_key(text)))


_UNIT_WORDS = ("don vi", "co quan", "bo phan", "phong", "ban ")


def _role(key: str) -> str | None:
    # Order matters: "Thời gian thực hiện" is a deadline; "Đơn vị chủ trì theo dõi … thực hiện" monitors;
    # "Đơn vị chủ trì tổ chức triển khai" implements; "Kết quả thực hiện" names no unit at all.
    if _STT.match(key):
        return "stt"
    if "thoi gian" in key or "thoi han" in key:
        return "deadline"
    if "ghi chu" in key:
        return "note"
    if "theo doi" in key:
        return "monitoring"
    if "trien khai" in key or "phoi hop" in key:
        return "implementing"
    if "chu tri" in key:
        return "monitoring"  # "Cơ quan chủ trì" beside "Cơ quan phối hợp"
    if "thuc hien" in key and any(word in key for word in _UNIT_WORDS):
        return "implementing"  # "Đơn vị thực hiện"
    if "chi tieu" in key or "nhiem vu" in key or "noi dung" in key:
        return "text"
    return None


def find_columns(cells: list[str]) -> Columns | None:
    """The column map when cells form an appendix header row, else None."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _role(search_key(cell))
        # The first cell of each meaning wins: merged header cells repeat their text.
        if role and role not in found:
            found[role] = index
    if "stt" not in found or "text" not in found:
        return None
    if sum(role in found for role in ("monitoring", "implementing", "deadline")) < 2:
        return None
    return Columns(
        stt=found["stt"],
        text=found["text"],
        monitoring=found.get("monitoring"),
        implementing=found.get("implementing"),
        deadline=found.get("deadline"),
        note=found.get("note"),
    )


def is_column_number_row(cells: list[str]) -> bool:
    """True for the "(1) (2) (3) …" row many official tables put under the header."""
    values = [re.sub(r"[()\s]", "", c) for c in cells if c.strip()]
    return len(values) >= 3 and values == [str(i) for i in range(1, len(values) + 1)]


def refine_columns(columns: Columns, cells: list[str]) -> Columns | None:
    """The map sharpened by a second header row ("Đơn vị chủ trì" over "Theo dõi" | "Triển khai"),
    or None when cells are not such a row."""
    stt = cells[columns.stt] if columns.stt < len(cells) else ""
    if stt.strip() and not is_stt_label(stt):  # a vertically merged "Stt" repeats in the second row
        return None
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        role = _role(search_key(cell))
        if role in ("monitoring", "implementing", "deadline", "note") and role not in found:
            found[role] = index
    if not found:
        return None
    return replace(columns, **found)
