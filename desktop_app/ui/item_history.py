"""The item's history: every report over time, and a small chart of the value against the target."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from db.engine import Database
from desktop_app.services.history import ItemHistory, item_history


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


class ValueChart(QWidget):
    """Reported values as a line, each target as a dashed line; nothing drawn without values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(140)
        self.values: list[tuple[str, Decimal]] = []
        self.targets: list[Decimal] = []

    def set_data(self, values: list[tuple[str, Decimal]], targets: list[Decimal]) -> None:
        """(label, value) points in time order and the target values."""
        self.values, self.targets = values, targets
        self.update()

    def points(self) -> list[QPointF]:
        """Where the values are drawn (for tests and painting)."""
        area = self._area()
        top = self._top()
        step = area.width() / max(len(self.values) - 1, 1)
        return [QPointF(area.left() + i * step if len(self.values) > 1 else area.center().x(),
                        area.bottom() - float(v) / top * area.height()) for i, (_, v) in enumerate(self.values)]

    def _area(self) -> QRectF:
        return QRectF(40, 10, max(self.width() - 60, 10), max(self.height() - 40, 10))

    def _top(self) -> float:
        return float(max([v for _, v in self.values] + self.targets + [Decimal(1)])) * 1.1

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area, top = self._area(), self._top()
        painter.setPen(QPen(QColor("#888888")))
        painter.drawRect(area)
        painter.drawText(QRectF(0, area.top() - 6, 36, 14), Qt.AlignmentFlag.AlignRight, f"{top:.0f}")
        painter.drawText(QRectF(0, area.bottom() - 8, 36, 14), Qt.AlignmentFlag.AlignRight, "0")
        for target in self.targets:
            y = area.bottom() - float(target) / top * area.height()
            painter.setPen(QPen(QColor("#b00020"), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.drawText(QPointF(area.right() - 40, y - 3), _number(target))
        points = self.points()
        painter.setPen(QPen(QColor("#1565c0"), 2))
        for a, b in zip(points, points[1:]):
            painter.drawLine(a, b)
        painter.setBrush(QColor("#1565c0"))
        for point, (label, value) in zip(points, self.values):
            painter.drawEllipse(point, 3.5, 3.5)
            painter.drawText(QPointF(point.x() - 20, area.bottom() + 16), label)
        painter.end()


class ItemHistoryView(QWidget):
    """Table of reports plus the chart, for one item."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.history: ItemHistory | None = None
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Period"), self.tr("Unit"), self.tr("Value / status"),
                                              self.tr("Result narrative"), self.tr("Reported by"), self.tr("Reported at")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = ValueChart()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart)

    def load(self, item_id: int | None) -> None:
        """Show the history of an item (None: nothing)."""
        self.history = item_history(self.db, item_id=item_id) if item_id is not None else None
        rows = self.history.rows if self.history else []
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            shown = _number(row.value) if row.value is not None else row.status
            for c, text in enumerate((row.period, row.unit, shown, row.narrative, row.reported_by,
                                      row.reported_at.strftime("%d/%m/%Y %H:%M"))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        values = [(row.period.split("/")[0], row.value) for row in rows if row.value is not None]
        targets = [t.value for t in self.history.targets] if self.history else []
        self.chart.set_data(values, targets)
