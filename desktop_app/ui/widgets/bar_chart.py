"""A stacked horizontal bar chart of assessments per group, painted with QPainter (no QtCharts, no web view)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.domain.assessment import ASSESSMENTS, COLOURS, LABELS, Assessment

# The domain names a colour family per assessment; each family gets a darker and a lighter shade, taken in
# ASSESSMENTS order, so "Vượt" and "Đạt" (both green) still differ.
_SHADES = {"green": ("#2e7d32", "#81c784"), "yellow": ("#f2c200",), "red": ("#b71c1c", "#ef7d7d"),
           "grey": ("#9e9e9e",)}
# A hatch per assessment keeps the bars apart in grey print.
_HATCHES: dict[str, Qt.BrushStyle] = {
    Assessment.EXCEEDED: Qt.BrushStyle.CrossPattern,
    Assessment.ACHIEVED: Qt.BrushStyle.BDiagPattern,
    Assessment.IN_PROGRESS: Qt.BrushStyle.HorPattern,
    Assessment.NOT_ACHIEVED: Qt.BrushStyle.FDiagPattern,
    Assessment.OVERDUE: Qt.BrushStyle.DiagCrossPattern,
    Assessment.NO_DATA: Qt.BrushStyle.NoBrush,
}


def _palette() -> dict[str, QColor]:
    used: dict[str, int] = {}
    colours = {}
    for assessment in ASSESSMENTS:
        family = COLOURS[assessment]
        shades = _SHADES[family]
        colours[assessment] = QColor(shades[min(used.get(family, 0), len(shades) - 1)])
        used[family] = used.get(family, 0) + 1
    return colours


FILL = _palette()
HATCH = QColor(0, 0, 0, 110)


@dataclass(frozen=True)
class Bar:
    """One bar: its key (emitted on click), its label and its count per assessment."""

    key: object
    label: str
    counts: dict[str, int]


class BarChart(QWidget):
    """Stacked bars per group, one colour and hatch per assessment; a click on a segment emits segment_clicked."""

    segment_clicked = Signal(object, str)

    BAR_HEIGHT = 18
    GAP = 8
    MARGIN = 8
    LABEL_MAX = 260

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._segments: list[tuple[QRectF, object, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Assessments by group"))

    # ----- data ----------------------------------------------------------------------------------------------
    def set_bars(self, bars: list[Bar]) -> None:
        """Show these bars (top to bottom)."""
        self._bars = list(bars)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        """The bars shown."""
        return list(self._bars)

    # ----- geometry (shared by painting, hit-testing and tests) ---------------------------------------------
    def _legend_height(self) -> int:
        swatches = self._legend_swatches(0)
        return int(swatches[-1][1].bottom()) + QFontMetrics(self.font()).descent() + 2 * self.GAP

    def _axis_height(self) -> int:
        return QFontMetrics(self.font()).height() + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        rows = max(len(self._bars), 1)
        height = 2 * self.MARGIN + rows * (self.BAR_HEIGHT + self.GAP) + self._axis_height() + self._legend_height()
        return QSize(560, height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(300, self.sizeHint().height())

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(b.label) for b in self._bars), default=0)
        return min(widest + self.GAP, self.LABEL_MAX, self.width() // 3)

    def _plot_rect(self) -> QRectF:
        left = self.MARGIN + self._label_width()
        rows = len(self._bars)
        height = rows * (self.BAR_HEIGHT + self.GAP)
        right_room = QFontMetrics(self.font()).horizontalAdvance("00000") + self.GAP  # the total after each bar
        return QRectF(left, self.MARGIN, max(self.width() - left - self.MARGIN - right_room, 10), height)

    def _scale(self) -> int:
        top = max((sum(b.counts.values()) for b in self._bars), default=0)
        return max(top, 1)

    def _layout(self) -> list[tuple[QRectF, object, str]]:
        plot = self._plot_rect()
        scale = self._scale()
        segments = []
        for row, bar in enumerate(self._bars):
            y = plot.top() + row * (self.BAR_HEIGHT + self.GAP) + self.GAP / 2
            x = plot.left()
            for assessment in ASSESSMENTS:
                n = bar.counts.get(assessment, 0)
                if n <= 0:
                    continue
                width = plot.width() * n / scale
                segments.append((QRectF(x, y, width, self.BAR_HEIGHT), bar.key, assessment))
                x += width
        return segments

    def segment_rect(self, key: object, assessment: str) -> QRectF | None:
        """Where the segment of this bar and assessment is drawn (None when it has no items)."""
        for rect, k, a in self._layout():
            if k == key and a == assessment:
                return rect
        return None

    def segment_at(self, point: QPointF) -> tuple[object, str] | None:
        """The (key, assessment) of the segment under point, if any."""
        for rect, key, assessment in self._layout():
            if rect.contains(point):
                return key, assessment
        return None

    # ----- events --------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        hit = self.segment_at(event.position()) if event.button() == Qt.MouseButton.LeftButton else None
        if hit is None:
            super().mousePressEvent(event)
            return
        self.segment_clicked.emit(*hit)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        hit = self.segment_at(event.position())
        if hit is None:
            self.unsetCursor()
            self.setToolTip("")
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            bar = next(b for b in self._bars if b.key == hit[0])
            self.setToolTip(f"{bar.label}: {LABELS[hit[1]]} {bar.counts[hit[1]]}")
        super().mouseMoveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        try:
            self.paint(painter)
        finally:
            painter.end()

    # ----- painting ------------------------------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        """Draw the chart with painter (also used to render into an image)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setFont(self.font())
        text_colour = self.palette().windowText().color()
        metrics = QFontMetrics(self.font())
        plot = self._plot_rect()
        label_width = self._label_width()
        if not self._bars:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No items"))
            return
        # labels and totals
        for row, bar in enumerate(self._bars):
            y = plot.top() + row * (self.BAR_HEIGHT + self.GAP) + self.GAP / 2
            label_rect = QRectF(self.MARGIN, y, label_width - self.GAP, self.BAR_HEIGHT)
            painter.setPen(text_colour)
            text = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            total = sum(bar.counts.values())
            end = plot.left() + plot.width() * total / self._scale()
            painter.drawText(QRectF(end + 4, y, 60, self.BAR_HEIGHT), int(Qt.AlignmentFlag.AlignVCenter), str(total))
        # segments: colour, then hatch, then a thin outline so neighbours of one shade stay apart
        for rect, _key, assessment in self._layout():
            painter.fillRect(rect, FILL[assessment])
            if _HATCHES[assessment] != Qt.BrushStyle.NoBrush:
                painter.fillRect(rect, QBrush(HATCH, _HATCHES[assessment]))
            painter.setPen(QPen(QColor(255, 255, 255), 1))
            painter.drawRect(rect)
        # axis with ticks
        painter.setPen(QPen(text_colour, 1))
        base = plot.bottom()
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), base))
        painter.drawLine(QPointF(plot.left(), base), QPointF(plot.right(), base))
        scale = self._scale()
        step = _tick_step(scale)
        value = 0
        while value <= scale:
            x = plot.left() + plot.width() * value / scale
            painter.drawLine(QPointF(x, base), QPointF(x, base + 4))
            painter.drawText(QRectF(x - 30, base + 4, 60, metrics.height()), int(Qt.AlignmentFlag.AlignHCenter),
                             f"{value:,}".replace(",", "."))
            value += step
        # legend
        top = base + self._axis_height() + self.GAP
        for assessment, swatch in self._legend_swatches(top):
            painter.fillRect(swatch, FILL[assessment])
            if _HATCHES[assessment] != Qt.BrushStyle.NoBrush:
                painter.fillRect(swatch, QBrush(HATCH, _HATCHES[assessment]))
            painter.setPen(text_colour)
            painter.drawRect(swatch)
            painter.drawText(QPointF(swatch.right() + 4, swatch.top() - 1 + metrics.ascent()), LABELS[assessment])

    def _legend_swatches(self, top: float) -> list[tuple[str, QRectF]]:
        # Entries flow left to right and wrap onto a new line when the widget is narrow.
        metrics = QFontMetrics(self.font())
        box = metrics.height() - 2
        width = self.width() if self.width() > 100 else self.sizeHint().width()
        x, y = float(self.MARGIN), top
        swatches = []
        for assessment in ASSESSMENTS:
            entry = box * 1.6 + 4 + metrics.horizontalAdvance(LABELS[assessment])
            if x > self.MARGIN and x + entry > width - self.MARGIN:
                x, y = float(self.MARGIN), y + metrics.height() + 4
            swatches.append((assessment, QRectF(x, y + 1, box * 1.6, box)))
            x += entry + 2 * self.GAP
        return swatches


def _tick_step(top: int) -> int:
    """A round step giving at most about six ticks from 0 to top."""
    step = 1
    while top / step > 6:
        for factor in (2, 5, 10):
            if top / (step * factor) <= 6:
                return step * factor
        step *= 10
    return step
