"""The official-format PDF report (Nghị định 30/2020/NĐ-CP, Phụ lục I), laid out with reportlab platypus.

Progress and unit reports: the portrait report (header block, title, body with the chart of assessments by
group, signature block) followed by the results appendix on landscape pages. Kind APPENDIX (the plan itself,
for meetings): landscape pages only. Page numbers are centred in the top margin from page 2 on. Every word
comes from domain.report_text; this module only lays it out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.flowables import Flowable, HRFlowable, KeepTogether

from desktop_app.domain.report import APPENDIX, ReportData
from desktop_app.domain.report_text import (
    MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_HEADING,
    appendix_title,
    body,
    date_line,
    document_number,
    summary_line,
    title,
    unbroken_period,
)
from desktop_app.io.reports.fonts import report_fonts
from desktop_app.io.reports.pdf_chart import assessment_chart
from desktop_app.io.reports.pdf_common import Styles, make_styles, markup, plain
from desktop_app.io.reports.pdf_tables import PLAN_COLUMNS, RESULT_COLUMNS, build_table

PORTRAIT, LANDSCAPE = "portrait", "landscape"
PORTRAIT_SIZE = A4
LANDSCAPE_SIZE = landscape(A4)
# top, bottom, left, right
PORTRAIT_MARGINS = (20 * mm, 20 * mm, 30 * mm, 15 * mm)
LANDSCAPE_MARGINS = (20 * mm, 15 * mm, 20 * mm, 15 * mm)
CREATOR = "Theo dõi Kế hoạch chuyển đổi số cấp xã"
_CHART_ROW = 24.0  # points per group in the chart (pdf_chart._ROW)
_CHART_FIXED = 70.0  # title, legend and axis of the chart


def _frame_size(size: tuple[float, float], margins: tuple[float, float, float, float]) -> tuple[float, float]:
    top, bottom, left, right = margins
    return size[0] - left - right, size[1] - top - bottom


class _ReportDoc(BaseDocTemplate):
    """The document: one page template per orientation, page numbers from page 2, progress per table rows."""

    def __init__(self, out: BinaryIO, styles: Styles, templates: list[str], total_rows: int,
                 on_progress: Callable[[int, int], None] | None, **meta: Any) -> None:
        # the canvas's initial font is written on every page: Helvetica (not embedded) unless told otherwise
        super().__init__(out, pagesize=PORTRAIT_SIZE, initialFontName=styles.fonts.regular,
                         initialFontSize=styles.body.fontSize, initialLeading=styles.body.leading, **meta)
        self._styles = styles
        self._total = total_rows
        self._done = 0
        self._on_progress = on_progress
        pages = {PORTRAIT: (PORTRAIT_SIZE, PORTRAIT_MARGINS), LANDSCAPE: (LANDSCAPE_SIZE, LANDSCAPE_MARGINS)}
        self.addPageTemplates([self._template(name, *pages[name]) for name in templates])

    def _template(self, name: str, size: tuple[float, float],
                  margins: tuple[float, float, float, float]) -> PageTemplate:
        top, bottom, left, _ = margins
        width, height = _frame_size(size, margins)
        frame = Frame(left, bottom, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                      id=name)

        def number(canvas: Any, doc: BaseDocTemplate) -> None:
            if doc.page > 1:
                canvas.saveState()
                canvas.setFont(self._styles.fonts.regular, self._styles.page_number_size)
                canvas.drawCentredString(left + width / 2, size[1] - top / 2 - 4, str(doc.page))
                canvas.restoreState()

        return PageTemplate(id=name, frames=[frame], onPage=number, pagesize=size)

    def afterFlowable(self, flowable: Flowable) -> None:
        if self._on_progress is not None and getattr(flowable, "report_table", False):
            self._done = min(self._total, self._done + len(flowable._cellvalues) - 1)
            self._on_progress(self._done, self._total)


def _line(width: float | str) -> HRFlowable:
    return HRFlowable(width=width, thickness=0.7, color=colors.black, spaceBefore=4.5, spaceAfter=3,
                      hAlign="CENTER")


def _header_block(data: ReportData, st: Styles, width: float, *, appendix: bool) -> Table:
    """Issuing body and number on the left; Quốc hiệu, Tiêu ngữ and place-date on the right."""
    motto_width = stringWidth(plain(MOTTO), st.fonts.bold, st.motto.fontSize) + 2
    left: list[Flowable] = [Paragraph(markup(data.issuing_body.upper()), st.issuing), _line("33%")]
    right: list[Flowable] = [Paragraph(markup(NATIONAL_NAME), st.national), Paragraph(markup(MOTTO), st.motto),
                             _line(motto_width)]
    if not appendix:
        left += [Spacer(1, 2), Paragraph(markup(document_number()), st.number)]
        right += [Spacer(1, 2), Paragraph(markup(date_line(data)), st.date)]
    share = 0.4 if not appendix else 0.38
    return _layout_table([left, right], [width * share, width * (1 - share)], st, align="CENTER")


def _layout_table(cells: list[list[Flowable]], widths: list[float], st: Styles, align: str) -> Table:
    """A borderless one-row table placing blocks side by side. Its font is set although every cell holds
    flowables: reportlab selects a cell's font anyway (Helvetica, not embedded, by default)."""
    return Table([cells], colWidths=widths, style=[
        ("FONTNAME", (0, 0), (-1, -1), st.fonts.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), align),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ])


def _title_block(data: ReportData, st: Styles, subtitle: str) -> list[Flowable]:
    return [Spacer(1, 16), Paragraph(markup(title(data)), st.title),
            Paragraph(markup(unbroken_period(data, subtitle)), st.summary), _line(3.5 * cm), Spacer(1, 10)]


def _charts(data: ReportData, st: Styles, width: float, height: float) -> list[Flowable]:
    """The chart of assessments by group, in as many pieces as needed for each to fit a page."""
    if not data.groups:
        return []
    per_chart = max(1, int((height - _CHART_FIXED) // _CHART_ROW))
    pieces = [data.groups[i:i + per_chart] for i in range(0, len(data.groups), per_chart)]
    return [Spacer(1, 6)] + [assessment_chart(p, st.fonts, width) for p in pieces] + [Spacer(1, 10)]


def _body(data: ReportData, st: Styles, width: float, height: float) -> list[Flowable]:
    """The body paragraphs, with the chart at the end of part I (before the second heading)."""
    story: list[Flowable] = []
    headings = 0
    charted = False
    for p in body(data):
        if p.heading:
            headings += 1
            if headings == 2 and not charted:
                story += _charts(data, st, width, height)
                charted = True
        story.append(Paragraph(markup(p.text), st.heading if p.heading else st.body))
    if not charted:
        story += _charts(data, st, width, height)
    return story


def _signature(data: ReportData, st: Styles, width: float) -> Table:
    """Nơi nhận on the left; the signer's capacity, room for the signature and seal, and the name on the right."""
    s = data.settings
    left: list[Flowable] = [Paragraph(markup(RECIPIENTS_HEADING), st.recipients_heading)]
    left += [Paragraph(markup(f"- {r}"), st.recipient) for r in s.recipients if r.strip()]
    right: list[Flowable] = [Paragraph(markup(t), st.signer) for t in (s.signer_on_behalf, s.signer_title) if t]
    right += [Spacer(1, 2.8 * cm), Paragraph(markup(s.signer_name), st.signer)]
    return _layout_table([left, right], [width * 0.45, width * 0.55], st, align="LEFT")


def _story(data: ReportData, st: Styles) -> list[Flowable]:
    land_w, land_h = _frame_size(LANDSCAPE_SIZE, LANDSCAPE_MARGINS)
    if data.kind == APPENDIX:
        story = [_header_block(data, st, land_w, appendix=True),
                 *_title_block(data, st, appendix_title(data))]
        return story + [build_table(data.rows, PLAN_COLUMNS, st, land_w, land_h)]
    port_w, port_h = _frame_size(PORTRAIT_SIZE, PORTRAIT_MARGINS)
    story = [_header_block(data, st, port_w, appendix=False), *_title_block(data, st, summary_line(data))]
    text = _body(data, st, port_w, port_h)
    # the last paragraph goes with the signature: a signature never stands alone on a page
    story += text[:-1] + [KeepTogether([text[-1], Spacer(1, 8), _signature(data, st, port_w)])]
    story += [NextPageTemplate(LANDSCAPE), PageBreak(),
              Paragraph(markup(appendix_title(data)), st.table_title),
              build_table(data.rows, RESULT_COLUMNS, st, land_w, land_h)]
    return story


def _subject(data: ReportData) -> str:
    """"Báo cáo kết quả thực hiện Kế hoạch chuyển đổi số xã Nam Hồng năm 2026, Quý III/2026"."""
    line = summary_line(data)
    return f"{title(data).capitalize()} {line[:1].lower()}{line[1:]}"


def write_pdf(data: ReportData, out: BinaryIO, *, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report as PDF to the open binary file out and return its number of pages. on_progress(done,
    total) is called as the appendix table's rows are laid out."""
    st = make_styles(report_fonts())
    templates = [LANDSCAPE] if data.kind == APPENDIX else [PORTRAIT, LANDSCAPE]
    total = len(data.rows)
    doc = _ReportDoc(
        out, st, templates, total, on_progress,
        title=plain(summary_line(data)), author=plain(data.issuing_body), subject=plain(_subject(data)),
        creator=plain(CREATOR), lang="vi",
    )
    doc.build(_story(data, st))
    if on_progress is not None:
        on_progress(total, total)
    return doc.page
