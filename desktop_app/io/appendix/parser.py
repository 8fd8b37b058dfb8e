"""Turning a RawDocument into a ParsedAppendix: tables and their column roles, then sections, groups and items
in document order, with the warnings an officer should check."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from desktop_app.domain.appendix import (
    ImportWarning,
    ParsedAppendix,
    ParsedGroup,
    ParsedItem,
    ParsedSection,
)
from desktop_app.domain.appendix_checks import check_appendix
from desktop_app.domain.deadlines import Deadline, horizon_deadline, parse_deadline
from desktop_app.domain.numbering import is_roman, normalise_number, number_kind
from desktop_app.domain.plan_title import commune_from_texts, read_title
from desktop_app.domain.target_cells import parse_target_cell
from desktop_app.domain.target_text import looks_like_indicator, parse_targets
from desktop_app.domain.targets import Target
from desktop_app.domain.text import clean, clean_lines, search_key, split_units
from desktop_app.errors import FileRefused
from desktop_app.io.appendix.columns import Layout, is_column_number_row, is_stt_label
from desktop_app.io.appendix.raw import RawDocument, RawRow
from desktop_app.io.appendix.tables import Run, assign_layouts, find_runs

# A whole heading row merged into one cell: "I. Phân công …", "4.Về phát triển dữ liệu số", "2- Về …".
_MERGED_HEADING = re.compile(r"^\s*([IVXLC]+|\d+(?:\.\d+)*)\s*(?:[.,:)\-–]\s*|\s+)(?=\D)(\S.*)$", re.DOTALL)
_PART = re.compile(r"^phần\s+([IVXLC]+)\.?$", re.IGNORECASE)  # "Phần III"
_LETTER = re.compile(r"^([A-H])[.)]?$")  # sections lettered A, B, C …
_SUB_LETTER = re.compile(r"^([a-zđ])\s*[.)/]$|^([a-zđ])$")  # "a)", "b.", "c/" under a numbered row
_LETTERED_TEXT = re.compile(r"^([a-zđ])\)\s+(\S.*)$", re.DOTALL)  # "a) Xây dựng …" in the text cell
# "Hạ tầng số (05 chỉ tiêu)": a heading that counts its rows
_COUNT = re.compile(r"\s*[(\[]\s*(\d{1,3})\s+(chỉ tiêu|nhiệm vụ|tiêu chí|chỉ số|nội dung)\s*[)\]]\s*[.:]?\s*$",
                    re.IGNORECASE)
_HEADING_START = re.compile(r"^(về|nhóm|lĩnh vực|phần|mục)\s", re.IGNORECASE)
_DATA_ROLES = ("target", "unit_of_measure", "deadline", "output", "budget", "monitoring", "lead",
               "coordinating", "implementing")
_ROMAN_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass
class _Row:
    """One body row read through its layout."""

    raw: RawRow
    layout: Layout
    number_raw: str
    text: str
    values: dict[str, str]
    units: dict[str, list[str]]
    uniform: bool

    def __post_init__(self) -> None:
        self.number = normalise_number(self.number_raw)
        self.kind = number_kind(self.number)

    @property
    def data(self) -> bool:
        """The row says more than a number and a text: it is an item, not a heading."""
        return any(self.values.get(role) for role in _DATA_ROLES) or any(self.units.values())

    @property
    def lettered(self) -> bool:
        return bool(_SUB_LETTER.match(self.number_raw))


def _place(row: RawRow) -> str:
    return row.place[:1].upper() + row.place[1:]


def _column_text(row: RawRow, index: int) -> str:
    return row.cells[index] if index < len(row.cells) and row.cells[index] else ""


def _read_row(raw: RawRow, layout: Layout) -> _Row | None:
    """The row's number, text and values by role; None for rows that are no part of the appendix (empty, a header
    repeated at a page break, a "(1) (2) (3)" row)."""
    cells = [clean(c) for c in raw.cells]
    number_at, text_at = layout.first("number"), layout.first("text")
    number_raw = cells[number_at] if number_at is not None and number_at < len(cells) else ""
    if not any(cells) or is_stt_label(number_raw) or is_column_number_row(cells):
        return None
    if list(layout.header[:len(cells)]) == cells[:len(layout.header)]:
        return None
    filled = [c for c in cells if c]
    # one text over the whole row (a merged cell), or in the text column alone: a heading written in one cell
    uniform = len(set(filled)) == 1 and (len(filled) > 1 or (text_at is not None and text_at < len(cells)
                                                            and cells[text_at] == filled[0]))
    text = "" if text_at is None or text_at >= len(cells) else (
        clean_lines(raw.cells[text_at]) if "\n" in raw.cells[text_at] else cells[text_at])
    if uniform:
        text = clean(next(c for c in cells if c))
        number_raw = number_raw if number_raw != text else ""
        if m := _MERGED_HEADING.match(text):
            number_raw, text = m.group(1), clean(m.group(2))
        return _Row(raw, layout, number_raw, text, {}, {}, True)
    if number_raw and number_raw == text and (m := _MERGED_HEADING.match(number_raw)):
        number_raw, text = m.group(1), clean(m.group(2))
    if not number_raw and (m := _LETTERED_TEXT.match(text)):
        number_raw, text = m.group(1) + ")", m.group(2)
    if m := _PART.match(number_raw):
        number_raw = m.group(1)
    values: dict[str, str] = {}
    units: dict[str, list[str]] = {}
    merged = {i for i, c in enumerate(cells) if c and c == text and i != text_at}  # a merged cell repeats the text
    for role in ("explanation", "unit_of_measure", "target", "output", "deadline", "budget", "note"):
        columns = layout.every(role)
        parts = []
        for index in columns:
            value = cells[index] if index < len(cells) and index not in merged else ""
            if value and "\n" in raw.cells[index]:
                value = clean_lines(raw.cells[index])
            if not value:
                continue
            title = _labels(layout, role)[index]
            # several columns of one role keep their column's name
            labelled = len(columns) > 1
            parts.append(f"{title}: {value}" if labelled and title else value)
        if parts:
            values[role] = "; ".join(parts)
    for role in ("monitoring", "lead", "coordinating", "implementing"):
        names = [name for index in layout.every(role) if index < len(cells) and cells[index] and index not in merged
                 for name in _units_in(raw.cells[index])]
        if names:
            units[role] = names
    return _Row(raw, layout, number_raw, text, values, units, False)


@lru_cache(maxsize=64)
def _labels(layout: Layout, role: str) -> dict[int, str]:
    """The names the columns of one role are labelled with: without the words their headers share ("Kinh phí
    Dự toán (triệu đồng)", "Kinh phí Nguồn kinh phí" → "Dự toán (triệu đồng)", "Nguồn kinh phí")."""
    columns = layout.every(role)
    words = [layout.header[i].split() for i in columns]
    shared = 0
    while len(words) > 1 and all(len(w) > shared + 1 and w[shared] == words[0][shared] for w in words):
        shared += 1
    return {i: " ".join(w[shared:]) for i, w in zip(columns, words, strict=True)}


@lru_cache(maxsize=4096)  # a file repeats the same few unit cells on every row
def _units_in(cell: str) -> tuple[str, ...]:
    return tuple(split_units(cell))


def _strip_count(title: str) -> tuple[str, int | None]:
    if m := _COUNT.search(title):
        return title[: m.start()].rstrip(" :-–"), int(m.group(1))
    return title, None


def _heading_like(row: _Row) -> bool:
    """A row that reads as a heading even without rows numbered under it."""
    text = row.text
    letters = [c for c in text if c.isalpha()]
    return (row.uniform or bool(_COUNT.search(text)) or horizon_deadline(text) is not None
            or (len(letters) > 3 and all(c.isupper() for c in letters)) or bool(_HEADING_START.match(text))
            or text.endswith(":"))


def _children_follow(row: _Row, following: _Row | None) -> bool:
    """The next numbered row is numbered under this one (1 → 1.1, 11 → 11.10, or a) b) …)."""
    if following is None:
        return False
    return following.number.startswith(row.number + ".") or following.lettered


class _Builder:
    """Walks the rows in order, keeping the current section, group and parent number."""

    def __init__(self, result: ParsedAppendix) -> None:
        self.result = result
        self.section: int | None = None
        self.group: int | None = None
        self.parent = ""  # the number lettered rows hang under
        self.group_dotted = False  # the current group numbers its rows under its own number (11 → 11.1 …)
        self.last_index: dict[tuple[int, int | None, str], int] = {}
        self.horizons: dict[tuple[str, int], Deadline] = {}
        self.stated: list[tuple[str, int, int, str]] = []  # (level, index, count, place)
        self.unused_cells: list[str] = []

    def _warn(self, code: str, message: str, row: RawRow, number: str | None = None) -> None:
        self.result.warnings.append(ImportWarning(code, f"{_place(row)}: {message}", row.line, number))

    def _ensure_section(self, row: RawRow) -> int:
        if self.section is None:
            self.result.sections.append(ParsedSection(numeral="I", title="", line=row.line))
            self.section = 0
            self._warn("no_section", "bảng không có dòng mục La Mã (I, II…) trước chỉ tiêu đầu tiên; "
                                     "đã tạo mục I không tên.", row)
        return self.section

    def _heading_values(self, row: _Row, level: str, index: int) -> None:
        """A heading's own deadline cell gives its rows a horizon; any other text there is named, not lost."""
        deadline = row.values.get("deadline", "")
        if deadline and (read := parse_deadline(deadline)).due is not None:
            self.horizons[(level, index)] = read
        elif horizon := horizon_deadline(row.text):
            self.horizons[(level, index)] = horizon
        stray = [f"«{v}»" for role, v in row.values.items() if v and (role != "deadline" or (level, index) not in
                 self.horizons or self.horizons[(level, index)].raw != deadline)]
        stray += [f"«{'; '.join(names)}»" for names in row.units.values()]
        if stray:
            self._warn("heading_cells", f"dòng tiêu đề «{row.text[:60]}» có thêm {', '.join(stray)} ở các cột "
                                        "khác; không phải chỉ tiêu/nhiệm vụ nên không được nhập.", row.raw)

    def section_row(self, row: _Row, numeral: str) -> None:
        title, count = _strip_count(row.text)
        self.result.sections.append(ParsedSection(numeral=numeral, title=title, line=row.raw.line))
        self.section, self.group, self.parent = len(self.result.sections) - 1, None, ""
        self.group_dotted = False
        if count is not None:
            self.stated.append(("section", self.section, count, row.raw.place))
        self._heading_values(row, "section", self.section)

    def group_row(self, row: _Row) -> None:
        section = self._ensure_section(row.raw)
        title, count = _strip_count(row.text)
        self.result.groups.append(ParsedGroup(section=section, number=row.number, title=title, line=row.raw.line,
                                              position=len(self.result.items)))
        self.group = len(self.result.groups) - 1
        self.group_dotted = False
        self.parent = row.number
        if count is not None:
            self.stated.append(("group", self.group, count, row.raw.place))
        self._heading_values(row, "group", self.group)

    def next_numeral(self) -> str:
        used = {s.numeral for s in self.result.sections}
        return next((n for n in _ROMAN_NUMERALS if n not in used), str(len(used) + 1))

    def add(self, row: _Row, following: _Row | None) -> None:
        kind = row.kind
        if row.lettered and row.text:
            self._item(row)  # "a)", "b)" under the row before: also "i)", "v)", never a section
        elif kind == "roman" and is_roman(row.number) or (row.text and not row.data and _LETTER.match(row.number_raw)):
            self.section_row(row, row.number.upper() if kind == "roman" else row.number_raw[0])
        elif kind in ("integer", "dotted") and not row.data and row.text and (
                _children_follow(row, following) or (kind == "integer" and _heading_like(row))):
            self.group_row(row)  # a row that only heads the rows numbered under it
        elif kind == "empty" and row.text and not row.data and _heading_like(row):
            if self.section is None or horizon_deadline(row.text):
                self.section_row(row, self.next_numeral())
            else:
                self.group_row(row)
        elif kind == "other" and not row.lettered and not row.text:
            self._warn("skipped_row", f"bỏ qua hàng «{row.number_raw}» (không có nội dung chỉ tiêu/nhiệm vụ).", row.raw)
        elif not row.text:
            if row.number_raw or row.data:
                self._warn("skipped_row", "bỏ qua hàng không có nội dung chỉ tiêu/nhiệm vụ.", row.raw)
        else:
            self._item(row)

    def _excel_number(self, row: _Row, number: str, section: int) -> str:
        """Excel stores a typed "1.10" as the number 1.1: after x.9, read x.1 as x.10 (and say so)."""
        if self.result.fmt != "xlsx" or number_kind(number) != "dotted":
            return number
        prefix, last = number.rsplit(".", 1)
        context = (section, self.group, prefix)
        previous = self.last_index.get(context)
        expected = (previous or 0) + 1
        if previous is not None and expected % 10 == 0 and last == str(expected // 10):
            fixed = f"{prefix}.{expected}"
            self._warn("excel_number", f"Stt {number} được đọc là {fixed} (Excel lưu số {fixed} thành {number}; "
                                       "nên định dạng cột Stt là Văn bản).", row.raw, fixed)
            number = fixed
        self.last_index[context] = int(number.rsplit(".", 1)[1])
        return number

    def _deadline(self, row: _Row) -> Deadline:
        raw = row.values.get("deadline", "")
        if raw:
            return parse_deadline(raw)
        for level, index in (("group", self.group), ("section", self.section)):
            if index is not None and (horizon := self.horizons.get((level, index))) is not None:
                return horizon
        return parse_deadline("")

    def _item(self, row: _Row) -> None:
        section = self._ensure_section(row.raw)
        number_raw, number = row.number_raw, row.number
        if _SUB_LETTER.match(number_raw):
            self.group_dotted = True  # "a)" stays "a": its parent is the row before (appendix_checks reads it so)
        else:
            if self.group is not None and self.group_dotted and row.kind == "integer":
                self.group = None  # 12 after 11.1 … 11.10: the rows of group 11 have ended
            number = self._excel_number(row, number, section)
            if number_kind(number) in ("integer", "dotted"):
                self.parent = number
        if self.group is not None and number.startswith(self.result.groups[self.group].number + "."):
            self.group_dotted = True
        section_title = self.result.sections[section].title
        kind, targets = _kind_and_targets(section_title, row)
        monitoring = row.units.get("monitoring", [])
        implementing = list(dict.fromkeys([*row.units.get("lead", []), *row.units.get("implementing", [])]))
        self.result.items.append(ParsedItem(
            section=section, group=self.group, number_raw=number_raw, number=number, kind=kind, text=row.text,
            note=row.values.get("note", ""), monitoring=monitoring, implementing=implementing,
            deadline=self._deadline(row), targets=targets, line=row.raw.line, place=row.raw.place,
            coordinating=row.units.get("coordinating", []), explanation=row.values.get("explanation", ""),
            unit_of_measure=row.values.get("unit_of_measure", ""), target_text=row.values.get("target", ""),
            output=row.values.get("output", ""), budget=row.values.get("budget", ""),
        ))

    def check_counts(self) -> None:
        for level, index, count, place in self.stated:
            attr = "section" if level == "section" else "group"
            found = sum(1 for item in self.result.items if getattr(item, attr) == index)
            if found != count:
                title = (self.result.sections[index].title if level == "section" else self.result.groups[index].title)
                self.result.warnings.append(ImportWarning(
                    "count_mismatch", f"{place[:1].upper() + place[1:]}: «{title}» ghi {count:02d} mục nhưng bảng "
                                      f"có {found}; hãy kiểm tra xem có hàng nào bị thiếu hay thừa."))


def _kind_and_targets(section_title: str, row: _Row) -> tuple[str, list[Target]]:
    value, measure = row.values.get("target", ""), row.values.get("unit_of_measure", "")
    if value:
        targets = parse_target_cell(value, measure)
        if targets or measure:
            return ("document" if _lists_documents(section_title) else "indicator"), targets
    kind, targets = classify(section_title, row.text)
    if kind == "task" and (measure or value):
        kind = "indicator"  # an indicator table's row, its target not readable as a number
    return kind, targets


@lru_cache(maxsize=256)
def _lists_documents(section_title: str) -> bool:
    return "van ban" in search_key(section_title)


def classify(section_title: str, text: str) -> tuple[str, list[Target]]:
    """An item's kind and targets from its text and its section (section II lists documents to draft)."""
    if _lists_documents(section_title):
        return "document", []
    targets = parse_targets(text)
    return ("indicator" if targets or looks_like_indicator(text) else "task"), targets


# Warnings the row walk gives (kept when an item is revised); the others are recomputed by check_appendix.
_WALK_CODES = {"no_section", "skipped_row", "excel_number", "extra_column", "heading_cells", "count_mismatch",
               "unsure_columns"}
REVISABLE = ("number", "text", "monitoring", "implementing", "coordinating", "deadline", "note", "target_text",
             "unit_of_measure", "explanation", "output", "budget")


def _with(item: ParsedItem, field: str, value: Any) -> ParsedItem:
    """The item with one field, named at run time, replaced."""
    return replace(item, **{field: value})


def revise_item(parsed: ParsedAppendix, index: int, field: str, value: str) -> ParsedAppendix:
    """The appendix with one cell of one item corrected (as the officer types it in the preview)."""
    if field not in REVISABLE:
        raise ValueError(f"cannot revise {field!r}")
    item = parsed.items[index]
    if field == "number":
        item = replace(item, number_raw=clean(value), number=normalise_number(clean(value)))
    elif field == "text":
        kind, targets = classify(parsed.sections[item.section].title, clean_lines(value))
        if item.target_text and item.kind == "indicator":
            kind, targets = item.kind, item.targets
        item = replace(item, text=clean_lines(value), kind=kind, targets=targets)
    elif field in ("monitoring", "implementing", "coordinating"):
        item = _with(item, field, split_units(value))
    elif field == "deadline":
        item = replace(item, deadline=parse_deadline(value, year=parsed.year))
    elif field in ("target_text", "unit_of_measure"):
        item = _with(item, field, clean(value))
        if item.target_text:
            item = replace(item, kind="indicator", targets=parse_target_cell(item.target_text, item.unit_of_measure))
    else:
        item = _with(item, field, clean_lines(value))
    items = [*parsed.items[:index], item, *parsed.items[index + 1 :]]
    revised = replace(parsed, items=items, warnings=[w for w in parsed.warnings if w.code in _WALK_CODES])
    revised.warnings.extend(check_appendix(revised))
    return revised


def _title_lines(doc: RawDocument, t_index: int, r_index: int) -> list[str]:
    """Lines above the first header: paragraphs before each table, layout tables (the official header block)
    and rows above the header row (xlsx title rows)."""
    lines: list[str] = []
    tables_before = doc.tables[:t_index] if doc.fmt != "xlsx" else []
    for table in [*tables_before, doc.tables[t_index]]:
        lines.extend(table.preceding_lines or (doc.title_lines if table is doc.tables[0] else []))
        rows = table.rows if table is not doc.tables[t_index] else table.rows[:r_index]
        for row in rows:
            texts: list[str] = []
            for cell in row.cells:
                for line in cell.split("\n"):  # "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ" in one cell of the header block
                    text = clean(line)
                    if text and text not in texts:  # merged title cells repeat their text
                        texts.append(text)
            lines.extend(texts)
    if not lines:
        lines = list(doc.title_lines)
    return lines


def _rows(runs: Sequence[Run]) -> Iterator[tuple[_Row, _Row | None]]:
    """Each body row with the next numbered row after it (None at the end), read one at a time so a large file
    never holds all its rows twice."""
    pending: list[_Row] = []  # the rows since the last numbered one, waiting for the next
    for run in runs:
        assert run.layout is not None
        for raw in run.rows:
            if (row := _read_row(raw, run.layout)) is None:
                continue
            if row.number:
                yield from ((waiting, row) for waiting in pending)
                pending = []
            pending.append(row)
    yield from ((waiting, None) for waiting in pending)


def _unknown_columns(result: ParsedAppendix, runs: Sequence[Run]) -> None:
    named: list[str] = []
    for run in runs:
        assert run.layout is not None
        for index in run.layout.every("note"):
            title = run.layout.header[index]
            if title and "ghi chu" not in search_key(title) and title not in named:
                named.append(title)
    for title in named:
        result.warnings.append(ImportWarning(
            "extra_column", f"Cột «{title}» không thuộc mẫu phụ lục; nội dung của cột đã được ghi vào Ghi chú của "
                            "từng dòng."))


def parse_appendix(doc: RawDocument, *, chosen: Mapping[str, Sequence[str]] | None = None,
                   forced: Sequence[Sequence[str]] | None = None) -> ParsedAppendix:
    """Interpret a document's tables as a plan appendix.

    chosen: roles confirmed earlier, by header key (columns.header_key); forced: roles given for this import (see
    tables.assign_layouts). Refused only when the file holds no table, or when columns the program is
    sure of give no item."""
    runs = find_runs(doc)
    if not runs:
        raise FileRefused("appendix.no_appendix_table", file=doc.source_name)
    assign_layouts(runs, chosen=chosen, forced=forced)
    layouts: list[Layout] = []
    for run in runs:
        if run.layout is not None and run.layout.key not in {layout.key for layout in layouts}:
            layouts.append(run.layout)
    title = read_title(_title_lines(doc, runs[0].table, runs[0].row))
    result = ParsedAppendix(
        source_name=doc.source_name, fmt=doc.fmt, commune=title.commune, plan_number=title.plan_number,
        plan_date=title.plan_date, year=title.year, title=title.title, issuer=title.issuer, layouts=layouts,
    )
    builder = _Builder(result)
    for row, following in _rows(runs):
        builder.add(row, following)
    builder.check_counts()
    _unknown_columns(result, runs)
    confident = all(layout.confident for layout in layouts)
    if not result.items and confident:
        raise FileRefused("appendix.no_items", file=doc.source_name)
    if not result.commune:
        result.commune = commune_from_texts([item.text for item in result.items[:200]])
    if result.year is None:
        years = [i.deadline.due.year for i in result.items if i.deadline.due is not None]
        # the most common deadline year; on a tie the later one (plans look forward)
        result.year = max(set(years), key=lambda y: (years.count(y), y)) if years else None
    if result.year is not None:
        result.items = [replace(i, deadline=parse_deadline(i.deadline.raw, year=result.year))
                        if i.deadline.kind == "yearly" and i.deadline.due is None else i for i in result.items]
    result.warnings.extend(check_appendix(result))
    return result
