"""Word (.docx) input: every body table with the paragraphs before it, into a RawDocument. The document XML is
read as a stream (lxml iterparse) and each row let go once read, so a large table takes memory for its texts only,
not for its whole XML tree."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import IO

from lxml import etree
from lxml.etree import _Element as Element  # lxml's element type (types-lxml names it so)

from desktop_app.errors import FileRefused
from desktop_app.io.appendix.raw import RawDocument, RawRow, RawTable
from desktop_app.io.safety import check_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
_BODY = _W + "body"
_TAB, _BR, _CR, _NB_HYPHEN = _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"
_VAL, _TYPE = _W + "val", _W + "type"
_TCPR, _TRPR, _GRID_SPAN = _W + "tcPr", _W + "trPr", _W + "gridSpan"
_GRID_BEFORE, _GRID_AFTER, _V_MERGE, _H_MERGE = _W + "gridBefore", _W + "gridAfter", _W + "vMerge", _W + "hMerge"
# Wrappers whose children are read as if they stood in the parent (content controls, custom XML, tracked moves-in).
_WRAPPERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag", _W + "ins", _W + "moveTo"}
# Subtrees whose text is not part of the paragraph's visible text (properties, deletions, drawings, text boxes).
_SKIPPED = {
    _W + "pPr", _W + "rPr", _W + "sdtPr", _W + "sdtEndPr", _W + "del", _W + "moveFrom", _W + "drawing", _W + "pict",
    _W + "object", _W + "txbxContent", _W + "instrText", _W + "delText", _MC + "AlternateContent", _TBL,
}
_MAX_SPAN = 64  # Word tables have at most 63 columns; caps hostile gridSpan/gridBefore values

READ_FAILED = "appendix.docx_unreadable"
"""The code of the message for a .docx that cannot be read; it takes the reader's words as {detail}."""
NO_TABLE = "appendix.docx_no_table"


def _paragraph_text(p: Element) -> str:
    """The visible text of a w:p: text runs, tabs as "\\t", line breaks as "\\n"."""
    out: list[str] = []
    for element in p.iter(_T, _TAB, _BR, _CR, _NB_HYPHEN):
        parent = element.getparent()
        while parent is not None and parent is not p and parent.tag not in _SKIPPED:
            parent = parent.getparent()
        if parent is not p:
            continue  # inside a deletion, drawing, text box, tab-stop list...
        tag = element.tag
        if tag == _T:
            out.append(element.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag == _NB_HYPHEN:
            out.append("-")
        elif tag == _CR or element.get(_TYPE) in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


def _children(element: Element, tag: str) -> Iterator[Element]:
    """Children with `tag`, looking through content-control and custom-XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _props(element: Element, props_tag: str) -> dict[object, Element]:
    """The children of the element's properties child (w:tcPr / w:trPr), by tag (a str once parsed; lxml types a
    tag as whatever may be assigned to it)."""
    for index, child in enumerate(element):
        if child.tag == props_tag:
            return {grandchild.tag: grandchild for grandchild in child}
        if index >= 1:
            break
    return {}


def _int_val(element: Element | None, default: int) -> int:
    """The w:val of a property element as a bounded int, or default."""
    if element is None:
        return default
    try:
        return max(0, min(int(element.get(_VAL, default)), _MAX_SPAN))
    except ValueError:
        return default


def _cell_text(tc: Element) -> str:
    """A cell's paragraphs joined by "\\n" (nested tables left out)."""
    return "\n".join(_paragraph_text(p) for p in _children(tc, _P)).strip()


class _Table:
    """The rows of one body table as its w:tr elements end; merged cells repeat their text in every grid cell."""

    def __init__(self) -> None:
        self.grid_width: int | None = None
        self.rows: list[list[str]] = []
        self.above: list[str] = []

    def add_row(self, tr: Element) -> None:
        """Read one w:tr (the cells above it are remembered for vertical merges)."""
        if self.grid_width is None:
            tbl = tr.getparent()
            while tbl is not None and tbl.tag != _TBL:
                tbl = tbl.getparent()
            self.grid_width = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol")) if tbl is not None else 0
        tr_props = _props(tr, _TRPR)
        cells = [""] * _int_val(tr_props.get(_GRID_BEFORE), 0)
        for tc in _children(tr, _TC):
            tc_props = _props(tc, _TCPR)
            span = max(1, _int_val(tc_props.get(_GRID_SPAN), 1))
            v_merge, h_merge = tc_props.get(_V_MERGE), tc_props.get(_H_MERGE)
            col = len(cells)
            if v_merge is not None and v_merge.get(_VAL, "continue") == "continue":
                text = self.above[col] if col < len(self.above) else ""
            elif h_merge is not None and h_merge.get(_VAL, "continue") == "continue" and cells:
                text = cells[-1]
            else:
                text = _cell_text(tc)
            cells.extend([text] * span)
        cells.extend([""] * _int_val(tr_props.get(_GRID_AFTER), 0))
        self.rows.append(cells)
        self.above = cells

    def grid(self) -> list[list[str]]:
        """The rows, all as wide as the widest."""
        width = max([self.grid_width or 0, *(len(r) for r in self.rows)])
        return [r + [""] * (width - len(r)) for r in self.rows]


def _main_part(zf: zipfile.ZipFile) -> str:
    """The name of the main document part (the package relationship of type officeDocument)."""
    try:
        rels = etree.fromstring(zf.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError):
        return "word/document.xml"
    for rel in rels:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            target = str(rel.get("Target", "")).lstrip("/")
            if target in zf.namelist():
                return target
    return "word/document.xml"


def _free(element: Element) -> None:
    """Let go of an element read, and of the siblings read before it."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _block_parent(element: Element) -> Element | None:
    """The parent of an element, looking through content-control and custom-XML wrappers."""
    parent = element.getparent()
    while parent is not None and parent.tag in _WRAPPERS:
        parent = parent.getparent()
    return parent


def _read_body(stream: IO[bytes], doc: RawDocument) -> None:
    """Fill doc from the document XML, block by block and row by row: lxml hands over only paragraphs, rows and
    tables, each once complete; those inside a cell are read with their row."""
    table: _Table | None = None
    pending: list[str] = []  # paragraph lines since the previous table
    events = etree.iterparse(stream, events=("end",), tag=(_P, _TR, _TBL), resolve_entities=False,
                             no_network=True, load_dtd=False, huge_tree=False)
    for _, element in events:
        parent = _block_parent(element)
        if parent is None:
            continue
        tag = element.tag
        if tag == _TR:
            grand = _block_parent(parent) if parent.tag == _TBL else None
            if grand is None or grand.tag != _BODY:
                continue  # a row of a table nested in a cell
            table = table or _Table()
            table.add_row(element)
            _free(element)
            continue
        if parent.tag != _BODY:
            continue  # a paragraph of a cell, a nested table
        if tag == _P:
            text = _paragraph_text(element)
            pending.extend(line.strip() for line in text.split("\n") if line.strip())
            _free(element)
            continue
        rows = table.grid() if table is not None else []
        table = None
        _free(element)
        if not rows:
            continue  # an empty table: its preceding paragraphs carry on to the next one
        number = len(doc.tables) + 1
        raw_rows = [RawRow(cells=c, line=i, place=f"bảng {number}, hàng {i}") for i, c in enumerate(rows, 1)]
        doc.tables.append(RawTable(rows=raw_rows, preceding_lines=pending))
        if number == 1:
            doc.title_lines = list(pending)
        pending = []


def read_docx(data: bytes, name: str, *, checked: bool = False) -> RawDocument:
    """Read every table of a .docx with the paragraphs before it; `checked` skips check_zip (the caller ran it)."""
    if not checked:
        check_zip(data, name)
    doc = RawDocument(source_name=name, fmt="docx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf, zf.open(_main_part(zf)) as stream:
            _read_body(stream, doc)
    except FileRefused:
        raise
    except Exception as exc:  # KeyError, ValueError, lxml XMLSyntaxError, BadZipFile, zlib errors …
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise FileRefused(READ_FAILED, file=name, detail=detail) from exc
    if not doc.tables:
        raise FileRefused(NO_TABLE, file=name)
    return doc
