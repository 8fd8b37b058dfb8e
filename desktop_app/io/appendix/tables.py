"""Finding the appendix tables of a document: header rows (one row, or two merged), the body rows under each
header, tables split across pages joined, and a layout (column roles) for each distinct header."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from desktop_app.domain.appendix import header_key
from desktop_app.domain.text import clean
from desktop_app.io.appendix.columns import (
    SAMPLE_ROWS,
    Layout,
    combine_header,
    guess_layout,
    header_role,
    is_column_number_row,
    is_header_row,
    is_stt_label,
    layout_from_roles,
    sub_header,
)
from desktop_app.io.appendix.raw import RawDocument, RawRow
from desktop_app.io.appendix.xlsx_reader import HEADER_SEARCH_ROWS


@dataclass
class Run:
    """The rows under one header, across the tables that continue it, with their layout."""

    header: list[str]
    table: int
    """Index in RawDocument.tables of the table holding the header row."""
    row: int
    """Index of the header row in that table (the title rows above it belong to the header block)."""
    rows: list[RawRow] = field(default_factory=list)
    layout: Layout | None = None

    @property
    def key(self) -> str:
        return header_key(self.header)


def _needed_width(header: Sequence[str]) -> int:
    """Cells a continuing table needs: up to the last header cell naming a role other than a note."""
    used = [i for i, h in enumerate(header) if header_role(h)[0] not in (None, "note")]
    return 1 + max(used) if used else 1


def _continues(rows: Sequence[RawRow], header: Sequence[str]) -> bool:
    """A following table without a header continues the appendix when it is as wide as its columns; a signature
    block ("Nơi nhận", "TM. ỦY BAN NHÂN DÂN") or another narrow table ends it."""
    filled = [row for row in rows if any(c.strip() for c in row.cells)]
    return not filled or max(len(row.cells) for row in filled) >= _needed_width(header)


def _uniform(cells: Sequence[str]) -> bool:
    return len({c for c in cells if c}) == 1


def find_runs(doc: RawDocument) -> list[Run]:
    """Every header met in document order with the rows under it; a header repeated at a page break continues
    its run. A document with no header row at all gives one run over its widest table, header guessed."""
    runs: list[Run] = []
    current: Run | None = None
    for t_index, table in enumerate(doc.tables):
        if doc.fmt == "xlsx":
            current = None  # another worksheet is not the rest of this one
        rows = table.rows
        r = 0
        first = True
        while r < len(rows):
            raw_cells = rows[r].cells
            if not any(c.strip() for c in raw_cells):
                r += 1
                continue
            if len(raw_cells) > 1 and is_header_row([c.strip() for c in raw_cells]):
                cells = [clean(c) for c in raw_cells]
                header, skip = cells, 1
                if r + 1 < len(rows) and sub_header(cells, [clean(c) for c in rows[r + 1].cells]):
                    header, skip = combine_header(cells, [clean(c) for c in rows[r + 1].cells]), 2
                if current is None or header_key(header) != current.key:
                    current = Run(header=header, table=t_index, row=r)
                    runs.append(current)
                r, first = r + skip, False
                continue
            if first and current is not None and not _continues(rows[r:], current.header):
                current = None
            first = False
            if current is not None:
                current.rows.append(rows[r])
            r += 1
    return runs or _headerless(doc)


def _headerless(doc: RawDocument) -> list[Run]:
    """The widest table with at least two rows of two cells (a number and a text at least), its first row taken
    for a header unless it holds a number."""
    tables = [(t, table) for t, table in enumerate(doc.tables)
              if len([r for r in table.rows if sum(1 for c in r.cells if c.strip()) >= 2]) >= 2]
    if not tables:
        return []
    t_index, table = max(tables, key=lambda pair: max(len(r.cells) for r in pair[1].rows))
    if table.truncated:
        from desktop_app.errors import FileRefused

        raise FileRefused("appendix.sheet_no_header", file=doc.source_name, sheet=table.name,
                          rows=HEADER_SEARCH_ROWS)
    rows = [r for r in table.rows if any(c.strip() for c in r.cells)]
    first = [clean(c) for c in rows[0].cells]
    if any(header_role(c)[0] == "number" for c in first) or not any(
            c and clean(c)[:1].isdigit() for c in first):
        return [Run(header=first, table=t_index, row=table.rows.index(rows[0]), rows=rows[1:])]
    return [Run(header=[""] * len(first), table=t_index, row=0, rows=rows)]


def _sample(run: Run) -> list[list[str]]:
    """Body rows that say what the columns hold: not merged headings (their text fills every cell), not repeated
    headers or "(1) (2) (3)" rows."""
    out: list[list[str]] = []
    for row in run.rows:
        cells = [clean(c) for c in row.cells]
        if any(cells) and not _uniform(cells) and not is_column_number_row(cells) \
                and not any(is_stt_label(c) for c in cells[:2]):
            out.append(cells)
            if len(out) >= SAMPLE_ROWS:
                break
    return out


def assign_layouts(runs: Sequence[Run], *, chosen: Mapping[str, Sequence[str]] | None = None,
                   forced: Sequence[Sequence[str]] | None = None) -> None:
    """Give each run its layout: roles forced for this import (one list: for every run the guess is unsure of, or
    for every run when all are sure; several: in order), else roles chosen earlier for the same header, else a
    guess from the header and the contents."""
    for run in runs:
        known = (chosen or {}).get(run.key)
        run.layout = layout_from_roles(run.header, known) if known else guess_layout(run.header, _sample(run))
    if not forced:
        return
    if len(forced) == 1:
        targets = [run for run in runs if run.layout is None or not run.layout.confident] or list(runs)
        for run in targets:
            run.layout = layout_from_roles(run.header, forced[0])
        return
    for run, roles in zip(runs, forced, strict=False):
        run.layout = layout_from_roles(run.header, roles)
