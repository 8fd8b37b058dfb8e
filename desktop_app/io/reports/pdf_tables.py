"""The landscape tables of the PDF report: the results appendix (progress and unit reports) and the plan
table (kind APPENDIX).

One LongTable (reportlab measures only what fits on the page, so 1,000 rows lay out in linear time) with the
header row repeated on every page. Rows are split only between rows; a row taller than a page is split inside
(splitInRow) rather than failing the whole document. A section or group heading never ends a page.
No SPAN or NOSPLIT: reportlab recomputes those over every remaining cell at each page break (quadratic)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import LongTable, Paragraph
from reportlab.platypus.flowables import Flowable

from desktop_app.domain.report import GROUP, ITEM, SECTION, ReportRow
from desktop_app.io.reports.pdf_common import Styles, decimal_text, markup, plain

GRID = colors.black
GROUP_SHADE = colors.Color(0.88, 0.88, 0.88)
HEAD_SHADE = colors.Color(0.94, 0.94, 0.94)
_PAD = 3  # points of padding on each side of a cell


@dataclass(frozen=True)
class Column:
    """A table column: header text, share of the width, how a row fills it, and whether the cell is a wrapped
    Paragraph (else a short plain string, centred) and centred."""

    header: str
    share: float
    value: Callable[[ReportRow], str]
    paragraph: bool = True
    centred: bool = False


RESULT_COLUMNS: tuple[Column, ...] = (
    Column("Stt", 0.045, lambda r: r.number, paragraph=False),
    Column("Chỉ tiêu/nhiệm vụ", 0.30, lambda r: r.text),
    Column("Chỉ tiêu kế hoạch", 0.12, lambda r: r.targets),
    Column("Kết quả thực hiện", 0.10, lambda r: r.value_text, centred=True),
    Column("Tỷ lệ hoàn thành (%)", 0.075, lambda r: decimal_text(r.completion), paragraph=False),
    Column("Đánh giá", 0.085, lambda r: r.assessment_label, centred=True),
    Column("Đơn vị chủ trì", 0.15, lambda r: r.implementing),
    Column("Ghi chú", 0.125, lambda r: r.result_note),
)

PLAN_COLUMNS: tuple[Column, ...] = (
    Column("Stt", 0.045, lambda r: r.number, paragraph=False),
    Column("Chỉ tiêu/nhiệm vụ", 0.40, lambda r: r.text),
    Column("Đơn vị theo dõi", 0.15, lambda r: r.monitoring),
    Column("Đơn vị triển khai, báo cáo", 0.17, lambda r: r.implementing),
    Column("Thời gian hoàn thành", 0.12, lambda r: r.deadline, centred=True),
    Column("Ghi chú", 0.115, lambda r: r.note),
)


class CellParagraph(Paragraph):
    """A Paragraph that remembers its last layout: a table measures each cell several times at the same
    width (fit, split, draw), and breaking the lines again each time is most of the cost of a long table."""

    _wrapped_at: float | None = None
    _wrapped: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_at != availWidth:
            self._wrapped = super().wrap(availWidth, availHeight)
            self._wrapped_at = availWidth
        return self._wrapped


class HeadingCell(Flowable):
    """A section or group title in the second column, laid out across all the columns right of Stt.

    Drawn past its cell instead of with a SPAN: reportlab recomputes spans over every remaining cell at each
    page break, which makes a long table quadratic. The grid has no vertical lines in heading rows."""

    def __init__(self, paragraph: Paragraph, width: float) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.span_width = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = self.paragraph.wrap(self.span_width, availHeight)
        self.width, self.height = availWidth, height  # reportlab reads .height when splitting a row inside
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = self.paragraph.split(self.span_width, availHeight)
        return [HeadingCell(p, self.span_width) for p in parts] if len(parts) == 2 else []

    def draw(self) -> None:
        self.paragraph.drawOn(self.canv, 0, 0)


def _is_heading(row: Sequence[Any]) -> bool:
    """Whether a table row is a section or group heading (reportlab keeps a flowable cell as a tuple)."""
    title = row[1]
    if isinstance(title, (list, tuple)):
        return any(isinstance(f, HeadingCell) for f in title)
    return isinstance(title, HeadingCell)


class ReportTable(LongTable):
    """The appendix table: never ends a page with a heading row, splits a row inside only when the row cannot
    fit a whole page (full_height: the frame's height), and can be recognised in its pieces (progress)."""

    report_table = True
    full_height = 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        pieces: list[Flowable] = []
        if self._next_row_taller_than_a_page(availHeight):
            pieces = self._splitRows(availHeight, doInRowSplit=1)  # it will be split anyway: start it here
        if not pieces:
            pieces = self._splitRows(availHeight, doInRowSplit=0)
        if not pieces and availHeight >= self.full_height - 1:
            pieces = self._splitRows(availHeight, doInRowSplit=1)
        # still [] (not at the top of a page): the table moves to the next page, where the row may fit whole
        for piece in pieces:
            piece.full_height = self.full_height
        return pieces

    def _next_row_taller_than_a_page(self, availHeight: float) -> bool:
        """Whether the first row not fitting in availHeight would not fit a whole page under the header either."""
        heights = self._rowHeights
        header = sum(heights[:self.repeatRows])
        used = 0.0
        for height in heights:
            if height is None:
                return False
            if used + height > availHeight:
                return height > self.full_height - header
            used += height
        return False

    def _getFirstPossibleSplitRowPosition(self, availHeight: float, ignoreSpans: int = 0) -> int:
        n = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        if ignoreSpans:  # n is the row to split inside
            return n
        kept = n
        while kept - 1 > self.repeatRows and _is_heading(self._cellvalues[kept - 1]):
            kept -= 1  # the heading goes to the next page with its first row
        return kept if kept - 1 > self.repeatRows or kept == n else n


def _may_not_fit(texts: Sequence[str], widths: Sequence[float], size: float, leading: float,
                 height: float) -> bool:
    """Whether a row may be taller than half a page, guessed from its text lengths without laying it out."""
    for text, width in zip(texts, widths, strict=False):
        per_line = max(1.0, (width - 2 * _PAD) / (size * 0.5))
        lines = sum(len(part) / per_line + 1 for part in text.split("\n"))
        if lines * leading > height / 2:
            return True
    return False


def build_table(rows: Sequence[ReportRow], columns: Sequence[Column], styles: Styles, width: float,
                max_height: float) -> Flowable:
    """The table of rows in columns, width points wide, on frames max_height points tall."""
    widths = [c.share * width for c in columns]
    widths[-1] = width - sum(widths[:-1])
    title_width = sum(widths[1:]) - 2 * _PAD
    cell, centre, bold, head = styles.cell, styles.cell_centre, styles.cell_bold, styles.head_cell
    data: list[list[Any]] = [[CellParagraph(markup(c.header), head) for c in columns]]
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading),
        ("BOX", (0, 0), (-1, -1), 0.5, GRID),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, GRID),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_SHADE),
    ]
    run_start = 0  # first row of the current run of header/item rows (vertical lines between their cells)

    def close_run(end: int) -> None:
        if end >= run_start:
            commands.append(("LINEAFTER", (1, run_start), (-2, end), 0.5, GRID))

    for row in rows:
        r = len(data)
        if row.kind in (SECTION, GROUP):
            close_run(r - 1)
            run_start = r + 1
            text = plain(row.text)
            title = HeadingCell(CellParagraph(markup(text), bold), title_width)
            data.append([plain(row.number), title] + [""] * (len(columns) - 2))
            commands += [("FONTNAME", (0, r), (0, r), styles.fonts.bold), ("ALIGN", (1, r), (1, r), "LEFT")]
            if _may_not_fit(["", text], [widths[0], title_width], cell.fontSize, cell.leading, max_height):
                commands.append(("VALIGN", (0, r), (-1, r), "TOP"))
            if row.kind == GROUP:
                commands.append(("BACKGROUND", (0, r), (-1, r), GROUP_SHADE))
        elif row.kind == ITEM:
            texts = [plain(c.value(row)) for c in columns]
            data.append([
                text if not c.paragraph else CellParagraph(markup(text), centre if c.centred else cell)
                if text else ""
                for c, text in zip(columns, texts, strict=True)
            ])
            if _may_not_fit(texts, widths, cell.fontSize, cell.leading, max_height):
                # split inside: the short cells stay at the top of the first part (MIDDLE would move them
                # down part by part, and reportlab's re-centring wastes more of each page)
                commands.append(("VALIGN", (0, r), (-1, r), "TOP"))
    close_run(len(data) - 1)
    # splitInRow: the least height (points) of a part of a row split inside, here three lines
    table = ReportTable(data, colWidths=widths, repeatRows=1, splitInRow=3 * cell.leading + 5, style=commands,
                        hAlign="CENTER")
    table.full_height = max_height
    return table
