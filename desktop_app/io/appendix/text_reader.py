"""Text input (files or clipboard): decoding, then tab-separated or Markdown pipe tables into a RawDocument."""

from __future__ import annotations

import re

from desktop_app.errors import FileRefused
from desktop_app.io.appendix.raw import RawDocument, RawRow, RawTable
from desktop_app.io.safety import MAX_TEXT_BYTES

NOT_TEXT = "appendix.not_text"
NO_TABLE = "appendix.text_no_table"

# C0 controls other than \t \n \v \f \r, and DEL: a few may come from Word, many mean binary junk.
_JUNK_RE = re.compile("[\x01-\x08\x0e-\x1f\x7f]")
# An Excel-style quoted cell: opens at the start of a cell, "" escapes, closes right before a tab, a newline or the end.
_QUOTED_RE = re.compile(r'"([^"]*+(?:""[^"]*+)*+)"(?=[\t\n]|\Z)')
_LITERAL_RE = re.compile(r"[^\t\n]*")
_PIPE_SPLIT_RE = re.compile(r"(?<!\\)\|")
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SEPARATOR_CELL_RE = re.compile(r":?-+:?")
# Markdown emphasis pairs, only at word boundaries ("a*b", snake_case_names stay): "***x***", "**x**", "*x*" and
# the "_" forms. The text inside a pair never crosses its own marker, which keeps the matching linear.
_EMPHASIS_RES = [
    re.compile(r"(?<![\w*\\])(" + marker + r")(?=[*_]{0,3}[^\s*_])((?:(?!\1).)+?)(?<=[^\s\\])\1(?![\w*])")
    for marker in (r"\*\*\*|___", r"\*\*|__", r"[*_]")
]


def check_text(text: str, name: str) -> None:
    """Refuse text that is too long or looks like binary junk (NUL or many control characters)."""
    if len(text) > MAX_TEXT_BYTES:
        raise FileRefused("appendix.text_too_large", file=name, limit_mb=MAX_TEXT_BYTES // (1 << 20))
    if "\x00" in text or len(_JUNK_RE.findall(text[:1_000_000])) > max(8, min(len(text), 1_000_000) // 100):
        raise FileRefused(NOT_TEXT, file=name)


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec name when data looks like BOM-less UTF-16 (every other byte zero), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > half * 0.3 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > half * 0.3 and odd_zeros == 0:
        return "utf-16-be"
    return None


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 LE/BE (with BOM); refuse anything else."""
    if len(data) > MAX_TEXT_BYTES:
        raise FileRefused("appendix.text_file_too_large", file=name, limit_mb=MAX_TEXT_BYTES // (1 << 20))
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8", data[3:]
    elif data.startswith(b"\xff\xfe"):
        encoding, body = "utf-16-le", data[2:]
    elif data.startswith(b"\xfe\xff"):
        encoding, body = "utf-16-be", data[2:]
    else:
        encoding, body = _utf16_without_bom(data) or "utf-8", data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FileRefused(NOT_TEXT, file=name) from exc
    check_text(text, name)
    return text


def _lines(text: str) -> list[str]:
    """The text's lines, whatever the line endings, without a leading BOM."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _clean(cell: str) -> str:
    """A cell's text: Word's vertical-tab line breaks as "\\n", outer whitespace removed."""
    return cell.replace("\x0b", "\n").strip()


def strip_emphasis(text: str) -> str:
    """Markdown text without emphasis markers: "**Stt**" -> "Stt", "đạt *tối thiểu* 60%" -> "đạt tối thiểu 60%"."""
    if "*" not in text and "_" not in text:
        return text
    for pattern in _EMPHASIS_RES:
        text = pattern.sub(r"\2", text)
    return text


def _is_markdown_row(line: str) -> bool:
    """Whether a line is a Markdown pipe-table row."""
    stripped = line.strip()
    return stripped.startswith("|") and len(_PIPE_SPLIT_RE.findall(stripped)) >= 2


def _markdown_cells(line: str) -> list[str]:
    """The cells of a Markdown row: outer pipes removed, "\\|" unescaped, <br> as "\\n", emphasis markers removed."""
    stripped = line.strip()[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return [
        _clean(strip_emphasis(_BR_RE.sub("\n", part.replace("\\|", "|")))) for part in _PIPE_SPLIT_RE.split(stripped)
    ]


def _is_separator(cells: list[str]) -> bool:
    """Whether a Markdown row is a header separator like |---|:--:|."""
    return all(_SEPARATOR_CELL_RE.fullmatch(c.replace(" ", "")) for c in cells)


def _read_markdown(lines: list[str], doc: RawDocument) -> None:
    """Fill doc from Markdown: each run of pipe rows is a RawTable; the text lines before it are its preceding lines."""
    table: RawTable | None = None
    pending: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not _is_markdown_row(line):
            if table is not None and not table.rows:  # separator lines only: not a table, its text carries on
                doc.tables.pop()
                pending = table.preceding_lines + pending
            table = None
            if line.strip():
                pending.append(strip_emphasis(line.strip()))
            continue
        if table is None:
            table = RawTable(preceding_lines=pending)
            pending = []
            doc.tables.append(table)
        cells = _markdown_cells(line)
        if not _is_separator(cells):
            table.rows.append(RawRow(cells=cells, line=number, place=f"dòng {number}"))
    if table is not None and not table.rows:
        doc.tables.pop()
    doc.title_lines = list(doc.tables[0].preceding_lines) if doc.tables else pending


def _tsv_records(text: str) -> list[tuple[int, list[str], str]]:
    """Split tab-separated text into records (first line number, raw fields, raw text), honouring Excel quoting."""
    records: list[tuple[int, list[str], str]] = []
    pos, line, end = 0, 1, len(text)
    while True:
        start, first_line, fields = pos, line, []
        while True:
            match = _QUOTED_RE.match(text, pos) if text.startswith('"', pos) else None
            if match:
                fields.append(match.group(1).replace('""', '"'))
                line += match.group(0).count("\n")
            else:
                match = _LITERAL_RE.match(text, pos)
                assert match is not None  # the pattern matches the empty string
                fields.append(match.group(0))
            pos = match.end()
            if pos < end and text[pos] == "\t":
                pos += 1
                continue
            break
        records.append((first_line, fields, text[start:pos]))
        if pos >= end:
            return records
        pos += 1
        line += 1


def _read_tsv(text: str, doc: RawDocument) -> None:
    """Fill doc from tab-separated text: blank lines split tables; tab-less lines before the first row are titles."""
    table: RawTable | None = None
    for number, fields, raw in _tsv_records("\n".join(_lines(text))):
        if len(fields) == 1 and not fields[0].strip():
            table = None
            continue
        if len(fields) == 1 and not doc.tables:
            doc.title_lines.extend(part.strip() for part in raw.split("\n") if part.strip())
            continue
        if table is None:
            table = RawTable(preceding_lines=[] if doc.tables else list(doc.title_lines))
            doc.tables.append(table)
        table.rows.append(RawRow(cells=[_clean(f) for f in fields], line=number, place=f"dòng {number}"))


def read_text(text: str, name: str) -> RawDocument:
    """Read tab-separated or Markdown tables from text (format decided from content); refuse text without a table."""
    lines = _lines(text)
    markdown_rows = sum(1 for line in lines if _is_markdown_row(line))
    tab_lines = sum(1 for line in lines if "\t" in line)
    if markdown_rows and markdown_rows >= tab_lines:
        doc = RawDocument(source_name=name, fmt="markdown")
        _read_markdown(lines, doc)
    elif tab_lines:
        doc = RawDocument(source_name=name, fmt="tsv")
        _read_tsv(text, doc)
    else:
        doc = RawDocument(source_name=name, fmt="tsv")
    if not doc.tables:
        raise FileRefused(NO_TABLE, file=name)
    return doc
