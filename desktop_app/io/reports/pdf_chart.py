"""The chart of the progress report: per group, one horizontal bar stacked by assessment.

Drawn with reportlab.graphics shapes rather than a chart widget, to control every part: the six colours
differ clearly in lightness (dark green, light green, pale yellow, red, dark red, white), and the three that
could still be confused in grey print are hatched (Không đạt falling, Quá hạn and Chưa có số liệu rising); counts are written inside the
segments wide enough to hold them, each bar's total after it, and the legend names every series."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.domain.assessment import (
    ACHIEVED,
    ASSESSMENTS,
    IN_PROGRESS,
    LABELS,
    NO_DATA,
    NOT_ACHIEVED,
    OVERDUE,
    SURPASSED,
)
from desktop_app.domain.report import GroupSummary
from desktop_app.io.reports.fonts import ReportFonts
from desktop_app.io.reports.pdf_common import plain

CHART_TITLE = "Biểu đồ: Kết quả đánh giá các chỉ tiêu, nhiệm vụ theo nhóm"

# fill, hatch colour (None: solid), hatch direction ("/" or "\\"), text colour inside the segment
SERIES: dict[str, tuple[colors.Color, colors.Color | None, str, colors.Color]] = {
    SURPASSED: (colors.HexColor("#1B5E20"), None, "", colors.white),
    ACHIEVED: (colors.HexColor("#81C784"), None, "", colors.black),
    IN_PROGRESS: (colors.HexColor("#FFE27A"), None, "", colors.black),
    NOT_ACHIEVED: (colors.HexColor("#EF5350"), colors.HexColor("#7F0000"), "\\", colors.black),
    OVERDUE: (colors.HexColor("#6D0A0A"), colors.HexColor("#E8B0B0"), "/", colors.white),
    NO_DATA: (colors.white, colors.HexColor("#8C8C8C"), "/", colors.black),
}

_SIZE = 9.5  # labels and counts
_BAR = 13.0  # bar thickness
_ROW = 24.0  # distance between bars (room for a two-line group name)
_LABEL_SHARE = 0.36  # of the width, for the group names
_HATCH_STEP = 4.0


def _hatch(x: float, y: float, w: float, h: float, colour: colors.Color, direction: str) -> Group:
    """Diagonal lines at 45° ("/" rising, "\\" falling) clipped to the rectangle."""
    group = Group()
    c = x - (y + h)  # lines X - Y = c, in coordinates flipped vertically inside the box for "\\"
    while c < x + w - y:
        xa, xb = max(x, c + y), min(x + w, c + y + h)
        if xb > xa:
            ya, yb = xa - c, xb - c
            if direction != "/":
                ya, yb = 2 * y + h - ya, 2 * y + h - yb
            group.add(Line(xa, ya, xb, yb, strokeColor=colour, strokeWidth=0.7))
        c += _HATCH_STEP
    return group


def _swatch(x: float, y: float, w: float, h: float, assessment: str) -> Group:
    fill, hatch, direction, _ = SERIES[assessment]
    group = Group(Rect(x, y, w, h, fillColor=fill, strokeColor=None))
    if hatch is not None:
        group.add(_hatch(x, y, w, h, hatch, direction))
    group.add(Rect(x, y, w, h, fillColor=None, strokeColor=colors.black, strokeWidth=0.4))
    return group


def _step(top: int) -> int:
    """A tick step giving at most about 8 ticks: 1, 2, 5, 10, 20, 50…"""
    raw = max(1.0, top / 8)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


def _label_lines(text: str, font: str, width: float) -> list[str]:
    lines = simpleSplit(text, font, _SIZE, width)
    if len(lines) > 2:
        second = lines[1]
        while second and stringWidth(second + "…", font, _SIZE) > width:
            second = second[:-1].rstrip()
        lines = [lines[0], second + "…"]
    return lines or [""]


def assessment_chart(groups: Sequence[GroupSummary], fonts: ReportFonts, width: float) -> Drawing:
    """The chart, width points wide; its height grows with the number of groups (about 24 pt each)."""
    title_h, legend_h, axis_h = 22.0, 22.0, 20.0
    height = title_h + legend_h + axis_h + _ROW * max(1, len(groups)) + 4
    regular, bold = fonts.regular, fonts.bold
    drawing = Drawing(width, height, initialFontName=regular, initialFontSize=_SIZE)  # else Helvetica
    drawing.add(String(width / 2, height - 14, plain(CHART_TITLE), fontName=bold, fontSize=12,
                       textAnchor="middle"))
    # legend, one row centred under the title
    entries = [(a, plain(LABELS[a])) for a in ASSESSMENTS]
    gap, box = 14.0, 11.0
    legend_w = sum(box + 4 + stringWidth(t, regular, _SIZE) for _, t in entries) + gap * (len(entries) - 1)
    x = max(0.0, (width - legend_w) / 2)
    y = height - title_h - 14
    for assessment, text in entries:
        drawing.add(_swatch(x, y, box, box, assessment))
        drawing.add(String(x + box + 4, y + 2, text, fontName=regular, fontSize=_SIZE))
        x += box + 4 + stringWidth(text, regular, _SIZE) + gap
    # plot area
    label_w = width * _LABEL_SHARE
    left = label_w + 6
    right = width - 28  # room for the totals
    top = height - title_h - legend_h - 4
    bottom = axis_h
    most = max((g.total for g in groups), default=0) or 1
    step = _step(most)
    end = step * math.ceil(most / step)
    scale = (right - left) / end
    for tick in range(0, end + 1, step):
        tx = left + tick * scale
        drawing.add(Line(tx, bottom, tx, top, strokeColor=colors.Color(0.8, 0.8, 0.8), strokeWidth=0.4))
        drawing.add(String(tx, bottom - 11, str(tick), fontName=regular, fontSize=8, textAnchor="middle"))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=colors.black, strokeWidth=0.6))
    drawing.add(Line(left, bottom, left, top, strokeColor=colors.black, strokeWidth=0.6))
    for index, g in enumerate(groups):
        centre = top - _ROW * (index + 0.5)
        lines = _label_lines(plain(f"{g.number}. {g.title}"), regular, label_w)
        first = centre + (len(lines) - 1) * _SIZE * 0.55 - _SIZE * 0.35
        for n, line in enumerate(lines):
            drawing.add(String(label_w, first - n * _SIZE * 1.1, line, fontName=regular, fontSize=_SIZE,
                               textAnchor="end"))
        x = left
        y = centre - _BAR / 2
        for assessment in ASSESSMENTS:
            count = g.counts.get(assessment, 0)
            if not count:
                continue
            w = count * scale
            drawing.add(_swatch(x, y, w, _BAR, assessment))
            text = str(count)
            if stringWidth(text, bold, _SIZE) + 3 <= w:
                colour = SERIES[assessment][3]
                if SERIES[assessment][1] is not None:  # hatched: a plain backing so the digits stay legible
                    tw = stringWidth(text, bold, _SIZE) + 2
                    drawing.add(Rect(x + w / 2 - tw / 2, y + 2, tw, _BAR - 4, fillColor=SERIES[assessment][0],
                                     strokeColor=None))
                drawing.add(String(x + w / 2, y + 3.5, text, fontName=bold, fontSize=_SIZE,
                                   textAnchor="middle", fillColor=colour))
            x += w
        drawing.add(String(x + 4, y + 3.5, str(g.total), fontName=regular, fontSize=_SIZE))
    return drawing
