"""Turning a RawDocument into a ParsedAppendix: header by meaning, sections, groups, items, warnings."""

from __future__ import annotations

import re
from dataclasses import replace

from desktop_app.domain.appendix import (
    ImportWarning,
    ParsedAppendix,
    ParsedGroup,
    ParsedItem,
    ParsedSection,
)
from desktop_app.domain.appendix_checks import check_appendix
from desktop_app.domain.deadlines import parse_deadline
from desktop_app.domain.numbering import is_roman, normalise_number, number_kind
from desktop_app.domain.plan_title import commune_from_texts, read_title
from desktop_app.domain.targets import Target, looks_like_indicator, parse_targets
from desktop_app.domain.text import clean, search_key, split_units
from desktop_app.errors import FileRefused
from desktop_app.io.columns import (
    Columns,
    find_columns,
    is_column_number_row,
    is_stt_label,
    refine_columns,
)
from desktop_app.io.tables import RawDocument, RawRow, RawTable

# A whole heading row merged into one cell: "I. Phân công …", "4.Về phát triển dữ liệu số", "2- Về …".
_MERGED_HEADING = re.compile(r"^\s*([IVXLC]+|\d+)\s*(?:[.,:)\-–]\s*|\s+)(?=\D)(\S.*)$", re.DOTALL)
_PART = re.compile(r"^phần\s+([IVXLC]+)\.?$", re.IGNORECASE)  # "Phần III"
_LETTER = re.compile(r"^([A-H])[.)]?$")  # sections lettered A, B, C …


def _cell(row: RawRow, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index] or ""


def _find_header(doc: RawDocument) -> tuple[int, int, Columns] | None:
    for t_index, table in enumerate(doc.tables):
        for r_index, row in enumerate(table.rows):
            if columns := find_columns(row.cells):
                return t_index, r_index, columns
    return None


def _title_lines(doc: RawDocument, t_index: int, r_index: int) -> list[str]:
    """Lines above the header: paragraphs before each table, layout tables (the official header block)
    and rows above the header row (xlsx title rows)."""
    lines: list[str] = []
    tables_before = doc.tables[:t_index] if doc.fmt != "xlsx" else []
    for table in [*tables_before, doc.tables[t_index]]:
        lines.extend(table.preceding_lines or (doc.title_lines if table is doc.tables[0] else []))
        rows = table.rows if table is not doc.tables[t_index] else table.rows[:r_index]
        for row in rows:
            texts: list[str] = []
            for cell in row.cells:
                text = clean(cell)
                if text and text not in texts:  # merged title cells repeat their text
                    texts.append(text)
            lines.extend(texts)  # one line per cell: "UBND XÃ …" and "CỘNG HÒA …" stand side by side
    if not lines:
        lines = list(doc.title_lines)
    return lines


def _continues(table: RawTable, columns: Columns) -> bool:
    """A following table continues the appendix when it has a header row or the appendix's columns;
    a signature block ("Nơi nhận", "TM. ỦY BAN NHÂN DÂN") or another narrow table ends it."""
    rows = [row for row in table.rows if any(c.strip() for c in row.cells)]
    if not rows:
        return True
    if any(find_columns(row.cells) for row in rows[:3]):
        return True
    return max(len(row.cells) for row in rows) >= columns.needed_width()


def _body_rows(doc: RawDocument, t_index: int, r_index: int, columns: Columns) -> list[RawRow]:
    """The rows after the header, joining tables split across pages (not other worksheets)."""
    rows = list(doc.tables[t_index].rows[r_index + 1 :])
    if doc.fmt == "xlsx":
        return rows
    for table in doc.tables[t_index + 1 :]:
        if not _continues(table, columns):
            break
        rows.extend(table.rows)
    return rows


def _is_heading(row: RawRow, columns: Columns, texts: set[str]) -> bool:
    """A heading row: its cells other than Stt and text are empty or repeat the text (merged cells)."""
    for index, cell in enumerate(row.cells):
        if index in (columns.stt, columns.text):
            continue
        value = clean(cell)
        if value and value not in texts:
            return False
    return True


class _Builder:
    """Walks the body rows in order, keeping the current section and group."""

    def __init__(self, result: ParsedAppendix, columns: Columns, extras: dict[int, str]) -> None:
        self.result = result
        self.columns = columns
        self.extras = extras
        """Columns the appendix does not know (e.g. "Kết quả", "Kinh phí"): kept in the note."""
        self.extras_used: dict[int, str] = {}
        self.section: int | None = None
        self.group: int | None = None
        self.last_index: dict[tuple[int, int | None], int] = {}

    def _ensure_section(self, row: RawRow) -> int:
        if self.section is None:
            self.result.sections.append(ParsedSection(numeral="I", title="", line=row.line))
            self.section = 0
            self.result.warnings.append(
                ImportWarning(
                    "no_section",
                    f"{_place(row)}: bảng không có dòng mục La Mã (I, II…) "
                    "trước chỉ tiêu đầu tiên; đã tạo mục I không tên.",
                    row.line,
                )
            )
        return self.section

    def _has_direct_items(self) -> bool:
        """True when the current section already lists items without groups (section II of Nam Hồng)."""
        return any(i.section == self.section and i.group is None and number_kind(i.number) == "integer"
                   for i in self.result.items)

    def add_row(self, row: RawRow) -> None:
        columns = self.columns
        cells = [clean(c) for c in row.cells]
        stt_raw = clean(_cell(row, columns.stt))
        # "Stt" is never an item number: a header repeated at a page break (one or two rows).
        if not any(cells) or is_stt_label(stt_raw) or is_column_number_row(cells):
            return  # empty rows, headers repeated at page breaks, "(1) (2) (3)" rows
        uniform = len({c for c in cells if c}) == 1  # the whole row is one merged cell
        text = clean(_cell(row, columns.text))
        if stt_raw and stt_raw == text and (m := _MERGED_HEADING.match(stt_raw)):
            stt_raw, text = m.group(1), clean(m.group(2))  # whole row merged into one cell
        if m := _PART.match(stt_raw):
            stt_raw = m.group(1)
        number = normalise_number(stt_raw)
        kind = number_kind(number)
        heading = uniform or _is_heading(row, columns, {text})
        if (kind == "roman" and is_roman(number)) or (heading and text and _LETTER.match(stt_raw)):
            numeral = number.upper() if kind == "roman" else stt_raw[0]
            self.result.sections.append(ParsedSection(numeral=numeral, title=text, line=row.line))
            self.section = len(self.result.sections) - 1
            self.group = None
        elif kind == "integer" and heading and text and not self._has_direct_items():
            section = self._ensure_section(row)
            self.result.groups.append(ParsedGroup(section=section, number=number, title=text, line=row.line))
            self.group = len(self.result.groups) - 1
        elif kind == "other" and not text:
            self.result.warnings.append(ImportWarning(
                "skipped_row", f"{_place(row)}: bỏ qua hàng «{stt_raw}» (không có nội dung chỉ tiêu/nhiệm vụ).",
                row.line))
        elif text or stt_raw:
            self._add_item(row, stt_raw, number, text, uniform=uniform)

    def _excel_number(self, row: RawRow, number: str, section: int) -> str:
        """Excel stores a typed "1.10" as the number 1.1: after x.9, read x.1 as x.10 (and say so)."""
        if self.result.fmt != "xlsx" or number_kind(number) != "dotted":
            return number
        prefix, last = number.rsplit(".", 1)
        previous = self.last_index.get((section, self.group))
        expected = (previous or 0) + 1
        if previous is not None and expected % 10 == 0 and last == str(expected // 10):
            fixed = f"{prefix}.{expected}"
            self.result.warnings.append(ImportWarning(
                "excel_number",
                f"{_place(row)}: Stt {number} được đọc là {fixed} (Excel lưu số {fixed} thành {number}; "
                "nên định dạng cột Stt là Văn bản).", row.line, fixed))
            number = fixed
        self.last_index[(section, self.group)] = int(number.rsplit(".", 1)[1])
        return number

    def _add_item(self, row: RawRow, stt_raw: str, number: str, text: str, *, uniform: bool) -> None:
        section = self._ensure_section(row)
        number = self._excel_number(row, number, section)
        kind, targets = classify(self.result.sections[section].title, text)

        def read(index: int | None) -> str:
            return "" if uniform else _cell(row, index)  # a merged row repeats its text in every cell

        notes = [clean(read(self.columns.note))]
        for index, title in self.extras.items():
            if value := clean(read(index)):
                notes.append(f"{title}: {value}")
                self.extras_used[index] = title
        self.result.items.append(
            ParsedItem(
                section=section,
                group=self.group,
                number_raw=stt_raw,
                number=number,
                kind=kind,
                text=text,
                note="; ".join(n for n in notes if n),
                monitoring=split_units(read(self.columns.monitoring)),
                implementing=split_units(read(self.columns.implementing)),
                deadline=parse_deadline(read(self.columns.deadline)),
                targets=targets,
                line=row.line,
                place=row.place,
            )
        )


def classify(section_title: str, text: str) -> tuple[str, list[Target]]:
    """An item's kind and targets from its text and its section (section II lists documents to draft)."""
    if "van ban" in search_key(section_title):
        return "document", []
    targets = parse_targets(text)
    return ("indicator" if targets or looks_like_indicator(text) else "task"), targets


# Warnings the row walk gives (kept when an item is revised); the others are recomputed by check_appendix.
_WALK_CODES = {"no_section", "skipped_row", "excel_number", "extra_column"}
REVISABLE = ("number", "text", "monitoring", "implementing", "deadline", "note")


def revise_item(parsed: ParsedAppendix, index: int, field: str, value: str) -> ParsedAppendix:
    """The appendix with one cell of one item corrected (as the officer types it in the preview)."""
    if field not in REVISABLE:
        raise ValueError(f"cannot revise {field!r}")
    item = parsed.items[index]
    if field == "number":
        item = replace(item, number_raw=clean(value), number=normalise_number(clean(value)))
    elif field == "text":
        kind, targets = classify(parsed.sections[item.section].title, clean(value))
        item = replace(item, text=clean(value), kind=kind, targets=targets)
    elif field in ("monitoring", "implementing"):
        item = replace(item, **{field: split_units(value)})
    elif field == "deadline":
        item = replace(item, deadline=parse_deadline(value))
    else:
        item = replace(item, note=clean(value))
    items = [*parsed.items[:index], item, *parsed.items[index + 1 :]]
    revised = replace(parsed, items=items, warnings=[w for w in parsed.warnings if w.code in _WALK_CODES])
    revised.warnings.extend(check_appendix(revised))
    return revised


def _place(row: RawRow) -> str:
    return row.place[:1].upper() + row.place[1:]


def parse_appendix(doc: RawDocument) -> ParsedAppendix:
    """Interpret a document's tables as a plan appendix; refuse it when no appendix table is found."""
    found = _find_header(doc)
    if found is None:
        raise FileRefused(
            "không tìm thấy bảng phụ lục (cần một hàng tiêu đề có các cột «Stt», «Chỉ tiêu/nhiệm vụ», "
            "«Đơn vị … theo dõi», «Đơn vị … triển khai», «Thời gian hoàn thành»).",
            file=doc.source_name,
        )
    t_index, r_index, columns = found
    header_rows = doc.tables[t_index].rows
    header = [clean(c) for c in header_rows[r_index].cells]
    if r_index + 1 < len(header_rows) and (sharper := refine_columns(columns, header_rows[r_index + 1].cells)):
        columns = sharper
    mapped = {i for i in vars(columns).values() if i is not None}
    extras = {i: title for i, title in enumerate(header) if i not in mapped and title and title not in header[:i]}
    title = read_title(_title_lines(doc, t_index, r_index))
    result = ParsedAppendix(
        source_name=doc.source_name,
        fmt=doc.fmt,
        commune=title.commune,
        plan_number=title.plan_number,
        plan_date=title.plan_date,
        year=title.year,
        title=title.title,
    )
    builder = _Builder(result, columns, extras)
    for row in _body_rows(doc, t_index, r_index, columns):
        builder.add_row(row)
    for title in builder.extras_used.values():
        result.warnings.append(ImportWarning(
            "extra_column", f"Cột «{title}» không thuộc mẫu phụ lục; nội dung của cột đã được ghi vào Ghi chú của từng dòng."))
    if not result.items:
        raise FileRefused("bảng phụ lục không có chỉ tiêu hay nhiệm vụ nào.", file=doc.source_name)
    if not result.commune:
        result.commune = commune_from_texts([item.text for item in result.items])
    if result.year is None:
        years = [i.deadline.due.year for i in result.items if i.deadline.due is not None]
        # the most common deadline year; on a tie the later one (plans look forward)
        result.year = max(set(years), key=lambda y: (years.count(y), y)) if years else None
    result.warnings.extend(check_appendix(result))
    return result
