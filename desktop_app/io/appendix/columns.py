"""What each column of an appendix table holds: roles read from the header cells, sharpened by the column's
contents where a header word has two meanings ("Kết quả", "Đơn vị"), with a verdict on how sure the guess is."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from desktop_app.domain.appendix import Layout
from desktop_app.domain.deadlines import parse_deadline
from desktop_app.domain.numbering import normalise_number, number_kind
from desktop_app.domain.target_cells import (
    looks_like_measure_unit,
    looks_like_target_value,
)
from desktop_app.domain.text import search_key, starts_like_unit_name
from desktop_app.errors import InvalidValue

ROLES = ("number", "text", "explanation", "unit_of_measure", "target", "output", "monitoring", "lead",
         "coordinating", "implementing", "deadline", "budget", "note", "ignore")
"""Every role a column can have; "ignore" leaves a column out (the officer's «Bỏ qua»)."""
SINGLE = frozenset({"number", "text", "unit_of_measure", "target", "deadline"})
"""Roles one column at most may have; the others join the texts of all their columns."""
UNITS = ("monitoring", "lead", "coordinating", "implementing")
SAMPLE_ROWS = 300
"""Body rows looked at to judge a column by its contents."""

_STT = re.compile(r"^(s\.?\s?t\.?\s?t|tt|so tt|so thu tu|thu tu)\.?$")
_UNIT_WORDS = ("don vi", "co quan", "bo phan", "phong", "ban ", "to chuc", "ubnd", "uy ban", "nguoi ")
_TEXT_WORDS = ("chi tieu", "nhiem vu", "noi dung", "ten ", "hoat dong", "giai phap", "cong viec", "danh muc",
               "de an", "du an", "chuong trinh", "van ban", "linh vuc")
_TARGET_WORDS = ("chi tieu cu the", "chi tieu nam", "chi tieu den nam", "chi tieu dat", "chi tieu ke hoach",
                 "chi tieu phan dau", "muc tieu cu the", "muc tieu nam", "muc tieu den nam", "muc phan dau",
                 "gia tri", "ke hoach nam", "chi tieu giao", "chi tieu (")
_DEADLINE_WORDS = ("thoi gian", "thoi han", "tien do", "han hoan thanh", "moc hoan thanh", "moc thoi gian",
                   "thoi diem", "nam hoan thanh", "lo trinh")
_BUDGET_WORDS = ("kinh phi", "nguon von", "du toan", "nguon luc", "tong muc dau tu", "chi phi", "von ")
_EXPLANATION_WORDS = ("giai thich", "cach tinh", "dien giai", "phuong phap", "cong thuc", "cach xac dinh",
                      "cach danh gia", "tieu chi danh gia")


def _has(key: str, words: Sequence[str]) -> bool:
    return any(word in key for word in words)


def is_stt_label(text: str) -> bool:
    """True for the header cell of the number column ("Stt", "TT", "Số thứ tự")."""
    return bool(_STT.match(search_key(text)))


@lru_cache(maxsize=4096)  # header texts come back at every page break; body cells never get here twice
def header_role(text: str) -> tuple[str | None, bool]:
    """The role a header cell names, and whether the header alone settles it (False for "Kết quả", "Đơn vị",
    "Mục tiêu", whose contents decide). (None, False) when the header names no role."""
    key = search_key(text).replace("/", " / ")
    if not key:
        return None, True
    if _STT.match(key):
        return "number", True
    if "ghi chu" in key:
        return "note", True
    if _has(key, _BUDGET_WORDS):
        return "budget", True
    if _has(key, _EXPLANATION_WORDS):
        return "explanation", True
    if _has(key, _DEADLINE_WORDS):
        return "deadline", True
    if "phoi hop" in key:
        return "coordinating", True
    # "Đơn vị chủ trì theo dõi … tổng hợp kết quả thực hiện" monitors; "… chủ trì tổ chức triển khai" implements
    if "theo doi" in key or "giam sat" in key or ("danh gia" in key and _has(key, _UNIT_WORDS)):
        return "monitoring", True
    if "trien khai" in key:
        return "implementing", True
    if "chu tri" in key:
        return "lead", True
    if _has(key, ("thuc hien", "trach nhiem", "phu trach", "bao cao")) and _has(key, _UNIT_WORDS):
        return "implementing", True
    if "don vi tinh" in key or key in ("dvt", "dv tinh", "don vi do", "dv"):
        return "unit_of_measure", True
    if key.startswith("don vi") and len(key.split()) <= 3:
        return "unit_of_measure", False  # "Đơn vị": % and người, or the units that carry it out
    if "san pham" in key or "dau ra" in key:
        return "output", True
    if key.startswith("ket qua"):
        return "output", False  # "Kết quả": values (a target) or words (a product)
    if _has(key, _TARGET_WORDS):
        return "target", True
    if key.startswith("muc tieu"):
        return "target", False  # the text itself when no other column is
    if _has(key + " ", _TEXT_WORDS):
        return "text", True
    if _has(key + " ", _UNIT_WORDS):
        return "implementing", True
    return None, False


def is_header_row(cells: Sequence[str]) -> bool:
    """True when cells form an appendix header: a number column and an item text column, or (with no number
    column) three or more cells that all name a role, one of them the text."""
    filled = [cell for cell in cells if cell]
    if len(set(filled)) < 2 or _numbered(filled[0]) or _SUB_ITEM.match(filled[0]) or len(filled[0]) > 40:
        return False  # a title merged over the row; a body row starting with its number; a header starts short
    roles = [header_role(cell)[0] if len(cell) < 200 else None for cell in filled]
    if "text" not in roles:
        return False
    if "number" in roles:
        return True
    return len(filled) >= 3 and None not in roles


_SUB_ITEM = re.compile(r"^[a-zđ]\s*[.)/]$")


def is_column_number_row(cells: Sequence[str]) -> bool:
    """True for the "(1) (2) (3) …" row many official tables put under the header."""
    first = next((c for c in cells if c), "")
    if not first.lstrip("( ").startswith("1") or len(first) > 6:
        return False
    values = [re.sub(r"[()\s]", "", c) for c in cells if c.strip()]
    return len(values) >= 3 and values == [str(i) for i in range(1, len(values) + 1)]


def sub_header(top: Sequence[str], cells: Sequence[str]) -> bool:
    """True when cells are the second row of a header merged over two rows ("Đơn vị chủ trì" over "Theo dõi" |
    "Triển khai"; "Chỉ tiêu" over "Đơn vị tính" | "Chỉ tiêu cụ thể")."""
    if is_column_number_row(cells):
        return False
    differing = [c for i, c in enumerate(cells) if c.strip() and (i >= len(top) or c.strip() != top[i].strip())]
    if not differing:
        return False
    number = next((c for c, t in zip(cells, top, strict=False) if header_role(t)[0] == "number"), "")
    if number.strip() and not is_stt_label(number):
        return False
    return all(header_role(c)[0] is not None for c in differing)


def combine_header(top: Sequence[str], sub: Sequence[str]) -> list[str]:
    """One header text per column from a two-row header: the top text, then the sub text when it differs."""
    out = []
    for i in range(max(len(top), len(sub))):
        upper = top[i].strip() if i < len(top) else ""
        lower = sub[i].strip() if i < len(sub) else ""
        out.append(upper if not lower or lower == upper else f"{upper} {lower}".strip())
    return out


def _ratio(values: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _numbered(value: str) -> bool:
    return number_kind(normalise_number(value)) in ("integer", "dotted", "roman")


def _by_contents(values: list[str], header_guess: str | None) -> tuple[str, bool]:
    """A role from what a column holds, and whether that is clear."""
    if not values:
        return header_guess or "ignore", True
    if header_guess == "unit_of_measure":  # "Đơn vị"
        measures = _ratio(values, looks_like_measure_unit)
        names = _ratio(values, starts_like_unit_name)
        if names > measures:
            return "implementing", names >= 0.7
        return "unit_of_measure", measures >= 0.7
    targets = _ratio(values, looks_like_target_value)
    if header_guess == "output":  # "Kết quả"
        if targets >= 0.6:
            return "target", targets >= 0.8
        return "output", targets <= 0.2
    if header_guess == "target":  # "Mục tiêu" beside the text column
        return ("target", targets >= 0.6) if targets >= 0.3 else ("explanation", False)
    for role, test, least in (("number", _numbered, 0.8), ("target", looks_like_target_value, 0.8),
                              ("unit_of_measure", looks_like_measure_unit, 0.8),
                              ("implementing", starts_like_unit_name, 0.6),
                              ("deadline", lambda v: parse_deadline(v).kind != "other", 0.6)):
        if (targets if role == "target" else _ratio(values, test)) >= least:
            return role, False
    return "note", False


def guess_layout(header: Sequence[str], body: Sequence[Sequence[str]]) -> Layout:
    """Roles for every column of a table from its header texts and (up to SAMPLE_ROWS of) its body rows."""
    width = max([len(header), *(len(r) for r in body[:SAMPLE_ROWS])])
    header = [*header, *[""] * (width - len(header))]
    columns = [[(r[i] if i < len(r) else "").strip() for r in body[:SAMPLE_ROWS]] for i in range(width)]
    guesses = [header_role(h) for h in header]
    has_text = any(role == "text" for role, _ in guesses)
    roles: list[str] = []
    sure: list[bool] = []
    for i, (role, settled) in enumerate(guesses):
        values = [v for v in columns[i] if v]
        if i and header[i] and header[i] == header[i - 1] and columns[i] == columns[i - 1]:
            role, settled = "ignore", True  # one merged cell over two columns: the same text twice
        elif role == "target" and not settled and not has_text:
            role, settled, has_text = "text", True, True  # "Mục tiêu" alone names the items
        elif role is None and not header[i].strip() and not values:
            role, settled = "ignore", True
        elif not settled:
            role, settled = _by_contents(values, role)
        roles.append(role or "ignore")
        sure.append(settled)
    _one_each(roles, sure, header)
    if "text" not in roles:
        _longest_as_text(roles, sure, columns)
    confident = all(sure) and "number" in roles and "text" in roles
    return Layout(tuple(header), tuple(roles), confident, tuple(i for i, settled in enumerate(sure) if not settled))


def _one_each(roles: list[str], sure: list[bool], header: Sequence[str]) -> None:
    """Roles one column may have keep their first column (a deadline: the one that says when it ends)."""
    ends = [i for i, r in enumerate(roles) if r == "deadline" and "hoan thanh" in search_key(header[i])]
    for role in SINGLE:
        found = [i for i, r in enumerate(roles) if r == role]
        keep = ends[0] if role == "deadline" and ends else (found[0] if found else None)
        for i in found:
            if i != keep:
                roles[i] = "note"
                sure[i] = sure[i] and role == "deadline"  # a start date beside an end date is a plain note


def _longest_as_text(roles: list[str], sure: list[bool], columns: list[list[str]]) -> None:
    candidates = [i for i, r in enumerate(roles) if r in ("note", "ignore", "explanation", "output")
                  and any(columns[i])]
    if candidates:
        best = max(candidates, key=lambda i: sum(len(v) for v in columns[i]))
        roles[best], sure[best] = "text", False


def layout_from_roles(header: Sequence[str], roles: Sequence[str]) -> Layout:
    """A layout whose roles the officer chose (or confirmed): sure by definition."""
    width = max(len(header), len(roles))
    return Layout(tuple([*header, *[""] * (width - len(header))]),
                  tuple([*roles, *["ignore"] * (width - len(roles))]), True)


class ColumnSpecError(InvalidValue, ValueError):
    """A --columns text that cannot be read; the message names what is wrong."""


def parse_column_spec(spec: str, width: int) -> list[str]:
    """Roles from "1=number,2=text,4=unit_of_measure" (columns counted from 1; unnamed ones ignored);
    ColumnSpecError (a ValueError) naming what is wrong."""
    roles = ["ignore"] * width
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        column, sep, role = (s.strip() for s in part.partition("="))
        if not sep or not column.isdigit():
            raise ColumnSpecError("columns.spec_form", part=part)
        index = int(column) - 1
        if not 0 <= index < width:
            raise ColumnSpecError("columns.spec_width", part=part, width=width)
        if role not in ROLES:
            raise ColumnSpecError("columns.spec_role", part=part, role=role, roles=", ".join(ROLES))
        roles[index] = role
    for role in SINGLE:
        if roles.count(role) > 1:
            raise ColumnSpecError("columns.spec_single", role=role)
    if "text" not in roles:
        raise ColumnSpecError("columns.spec_text")
    return roles
