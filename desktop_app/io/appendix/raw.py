"""Raw tables as readers produce them: rows of cell texts with their place in the source file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawRow:
    """One table row as read: cell texts (line breaks inside a cell kept as "\\n") and where it came from."""

    cells: list[str]
    line: int
    """1-based line (text), row (xlsx) or row-in-table (docx) number, for messages."""
    place: str
    """Human-readable place in Vietnamese, e.g. "dòng 12", "bảng 2, hàng 5", "trang tính «Sheet1», hàng 7"."""


@dataclass
class RawTable:
    """A table as it stands in the file; tables split across pages arrive as several RawTables."""

    rows: list[RawRow] = field(default_factory=list)
    name: str | None = None
    """The worksheet name for xlsx (one RawTable per sheet, title rows included); None elsewhere."""
    truncated: bool = False
    """Only the first rows were read (a worksheet with no appendix header near its top)."""
    preceding_lines: list[str] = field(default_factory=list)
    """Paragraphs / text lines between the previous table (or the start, for the first) and this one."""


@dataclass
class RawDocument:
    """Everything a reader extracts from one file, before any interpretation."""

    source_name: str
    fmt: str
    """One of "tsv", "markdown", "docx", "xlsx"."""
    title_lines: list[str] = field(default_factory=list)
    """Paragraphs / lines / cells outside the tables that come before the first table, in order."""
    tables: list[RawTable] = field(default_factory=list)
