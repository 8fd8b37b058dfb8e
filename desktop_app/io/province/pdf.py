"""PDF comparison of communes on A4 landscape pages: one row per plan, a percentage per area on a fill of its
traffic light and followed by the light's letter (X, V, Đ) so that it reads on a grey printer, the header row
repeated on every page, page numbers in the top margin from page 2 on."""

from __future__ import annotations

from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
)

from desktop_app.domain.areas import (
    AREAS,
    COMMUNE_HEADER,
    LIGHT_FILLS,
    LIGHT_INKS,
    LIGHT_LETTERS,
    NONE,
    OVERALL_HEADER,
    YEAR_HEADER,
    AreaCell,
    Comparison,
    comparison_note,
    comparison_title,
    percent_text,
)
from desktop_app.io.reports.fonts import report_fonts
from desktop_app.io.reports.pdf_common import make_styles, markup, plain
from desktop_app.io.reports.pdf_tables import GRID, HEAD_SHADE, CellParagraph

PAGE = landscape(A4)
MARGINS = (18 * mm, 14 * mm, 15 * mm, 12 * mm)  # top, bottom, left, right
CREATOR = "Theo dõi Kế hoạch chuyển đổi số cấp xã"
_SHARES = (0.17, 0.05)  # commune and year; the rest split between the eight areas and the overall column


def _colour(hex_rgb: str) -> colors.Color:
    return colors.HexColor("#" + hex_rgb)


_FILLS = {light: _colour(c) for light, c in LIGHT_FILLS.items()}
_INKS = {light: _colour(c) for light, c in LIGHT_INKS.items()}


def cell_text(cell: AreaCell) -> str:
    """A percentage with its light's letter: "85% X", "66,7% V", "—"."""
    letter = LIGHT_LETTERS[cell.light]
    return f"{percent_text(cell)} {letter}" if letter else percent_text(cell)


class _Doc(BaseDocTemplate):
    def __init__(self, out: BinaryIO, font: str, **meta: Any) -> None:
        super().__init__(out, pagesize=PAGE, initialFontName=font, initialFontSize=11, **meta)
        top, bottom, left, right = MARGINS
        width, height = PAGE[0] - left - right, PAGE[1] - top - bottom
        self.frame_width = width

        def number(canvas: Any, doc: BaseDocTemplate) -> None:
            if doc.page > 1:
                canvas.saveState()
                canvas.setFont(font, 11)
                canvas.drawCentredString(left + width / 2, PAGE[1] - top / 2 - 4, str(doc.page))
                canvas.restoreState()

        frame = Frame(left, bottom, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="landscape", frames=[frame], onPage=number, pagesize=PAGE)])


def write_comparison_pdf(data: Comparison, out: BinaryIO) -> int:
    """Write the comparison to out; returns the number of pages."""
    fonts = report_fonts()
    st = make_styles(fonts)
    doc = _Doc(out, fonts.regular, title=plain(comparison_title(data)), author=CREATOR, creator=CREATOR,
               subject=plain(comparison_note(data)))
    width = doc.frame_width
    rest = (1 - sum(_SHARES)) / (len(AREAS) + 1)
    widths = [width * s for s in _SHARES] + [width * rest] * (len(AREAS) + 1)
    headers = [COMMUNE_HEADER, YEAR_HEADER, *(a.name for a in AREAS), OVERALL_HEADER]
    table: list[list[Any]] = [[CellParagraph(markup(h), st.head_cell) for h in headers]]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 10.5),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_SHADE),
        ("FONTNAME", (-1, 1), (-1, -1), fonts.bold),
    ]
    for r, row in enumerate(data.rows, 1):
        cells = [*row.areas, row.overall]
        table.append([CellParagraph(markup(row.commune or f"Kế hoạch #{row.plan_id}"), st.cell),
                      "" if row.year is None else str(row.year), *(cell_text(c) for c in cells)])
        for c, cell in enumerate(cells, 2):
            if cell.light != NONE:
                commands += [("BACKGROUND", (c, r), (c, r), _FILLS[cell.light]),
                             ("TEXTCOLOR", (c, r), (c, r), _INKS[cell.light])]
    story = [Paragraph(markup(comparison_title(data)), st.title), Spacer(1, 4),
             Paragraph(markup(comparison_note(data)), st.cell_centre), Spacer(1, 8),
             LongTable(table, colWidths=widths, repeatRows=1, style=commands, hAlign="CENTER")]
    doc.build(story)
    return doc.page
