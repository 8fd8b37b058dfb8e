"""Finding the appendix header row by the meaning of its cells, so reordered columns still work."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.domain.text import search_key

_STT = re.compile(r"^(stt|tt|so tt|so thu tu)\.?$")


@dataclass(frozen=True)
class Columns:
    """Which cell index holds which field; None when the table has no such column."""

    stt: int
    text: int
    monitoring: int | None
    implementing: int | None
    deadline: int | None
    note: int | None

    def width(self) -> int:
        """How many cells a row needs for every mapped column to exist."""
        return 1 + max(i for i in vars(self).values() if i is not None)


def is_stt_label(text: str) -> bool:
    """True for the header cell of the number column ("Stt", "TT", "Số thứ tự")."""
    return bool(_STT.match(search_key(text)))


def _role(key: str) -> str | None:
    if _STT.match(key):
        return "stt"
    if "theo doi" in key:
        return "monitoring"
    if "trien khai" in key or "thuc hien" in key or "phoi hop" in key:
        return "implementing"
    if "thoi gian" in key or "thoi han" in key:
        return "deadline"
    if "ghi chu" in key:
        return "note"
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
