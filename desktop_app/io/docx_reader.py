"""Word (.docx) input: every body table with the paragraphs before it, read with python-docx, into a RawDocument."""

from __future__ import annotations

import io
from collections.abc import Iterator

from desktop_app.errors import FileRefused
from desktop_app.io.safety import check_zip
from desktop_app.io.tables import RawDocument, RawRow, RawTable

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
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

READ_FAILED = "Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không đúng định dạng Word 2007 trở lên"
NO_TABLE = "Trong tệp Word không tìm thấy bảng phụ lục (tài liệu không có bảng nào)."


def _paragraph_text(p: object) -> str:
    """The visible text of a w:p: text runs, tabs as "\\t", line breaks as "\\n"."""
    out: list[str] = []
    for element in p.iter(_T, _TAB, _BR, _CR, _NB_HYPHEN):  # type: ignore[attr-defined]
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


def _children(element: object, tag: str) -> Iterator[object]:
    """Children with `tag`, looking through content-control and custom-XML wrappers."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _block_items(element: object) -> Iterator[object]:
    """Body-level w:p and w:tbl elements in document order, through wrappers."""
    for child in element:  # type: ignore[attr-defined]
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _block_items(child)


def _props(element: object, props_tag: str) -> dict[str, object]:
    """The children of the element's properties child (w:tcPr / w:trPr), by tag."""
    for index, child in enumerate(element):  # type: ignore[attr-defined]
        if child.tag == props_tag:
            return {grandchild.tag: grandchild for grandchild in child}
        if index >= 1:
            break
    return {}


def _int_val(element: object | None, default: int) -> int:
    """The w:val of a property element as a bounded int, or default."""
    if element is None:
        return default
    try:
        return max(0, min(int(element.get(_VAL, default)), _MAX_SPAN))  # type: ignore[attr-defined]
    except ValueError:
        return default


def _cell_text(tc: object) -> str:
    """A cell's paragraphs joined by "\\n" (nested tables left out)."""
    return "\n".join(_paragraph_text(p) for p in _children(tc, _P)).strip()


def _table_rows(tbl: object) -> list[list[str]]:
    """The table as a grid of texts; merged cells repeat their text in every grid cell they cover."""
    grid_width = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))  # type: ignore[attr-defined]
    rows: list[list[str]] = []
    above: list[str] = []
    for tr in _children(tbl, _TR):
        tr_props = _props(tr, _TRPR)
        cells = [""] * _int_val(tr_props.get(_GRID_BEFORE), 0)
        for tc in _children(tr, _TC):
            tc_props = _props(tc, _TCPR)
            span = max(1, _int_val(tc_props.get(_GRID_SPAN), 1))
            v_merge, h_merge = tc_props.get(_V_MERGE), tc_props.get(_H_MERGE)
            col = len(cells)
            if v_merge is not None and v_merge.get(_VAL, "continue") == "continue":  # type: ignore[attr-defined]
                text = above[col] if col < len(above) else ""
            elif h_merge is not None and h_merge.get(_VAL, "continue") == "continue" and cells:  # type: ignore[attr-defined]
                text = cells[-1]
            else:
                text = _cell_text(tc)
            cells.extend([text] * span)
        cells.extend([""] * _int_val(tr_props.get(_GRID_AFTER), 0))
        rows.append(cells)
        above = cells
    width = max([grid_width, *(len(r) for r in rows)])
    return [r + [""] * (width - len(r)) for r in rows]


def read_docx(data: bytes, name: str, *, checked: bool = False) -> RawDocument:
    """Read every table of a .docx with the paragraphs before it; `checked` skips check_zip (the caller ran it)."""
    if not checked:
        check_zip(data, name)
    try:
        from docx import Document  # imported here: keeps start-up light

        body = Document(io.BytesIO(data)).element.body
        doc = RawDocument(source_name=name, fmt="docx")
        pending: list[str] = []  # paragraph lines since the previous table
        for element in _block_items(body):
            if element.tag == _P:
                text = _paragraph_text(element)
                pending.extend(line.strip() for line in text.split("\n") if line.strip())
                continue
            rows = _table_rows(element)
            if not rows:
                continue  # an empty table: its preceding paragraphs carry on to the next one
            number = len(doc.tables) + 1
            raw_rows = [RawRow(cells=c, line=i, place=f"bảng {number}, hàng {i}") for i, c in enumerate(rows, 1)]
            doc.tables.append(RawTable(rows=raw_rows, preceding_lines=pending))
            if number == 1:
                doc.title_lines = list(pending)
            pending = []
    except FileRefused:
        raise
    except Exception as exc:  # PackageNotFoundError, KeyError, ValueError, lxml XMLSyntaxError, BadZipFile...
        detail = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else type(exc).__name__
        raise FileRefused(f"{READ_FAILED} ({detail}).", file=name) from exc
    if not doc.tables:
        raise FileRefused(NO_TABLE, file=name)
    return doc
