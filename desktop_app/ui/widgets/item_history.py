"""The item's history: every report over time, and a small chart of the value against the target."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services import evidence
from desktop_app.services.history import ItemHistory, item_history
from desktop_app.ui import messages

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


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
        for a, b in zip(points, points[1:], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(QColor("#1565c0"))
        for point, (label, _value) in zip(points, self.values, strict=False):
            painter.drawEllipse(point, 3.5, 3.5)
            painter.drawText(QPointF(point.x() - 20, area.bottom() + 16), label)
        painter.end()


class ItemHistoryView(QWidget):
    """Table of reports plus the chart, for one item."""

    def __init__(self, db: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.item_id: int | None = None
        self.history: ItemHistory | None = None
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("Period"), self.tr("Unit"), self.tr("Value / status"),
                                              self.tr("Result narrative"), self.tr("Reported by"), self.tr("Reported at"),
                                              self.tr("Evidence")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.currentCellChanged.connect(lambda *_: self._show_files())
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = ValueChart()
        self.files = QListWidget()
        self.files.setMaximumHeight(70)
        self.files.itemActivated.connect(self._open_item)
        self.attach_button = QPushButton(self.tr("Attach evidence…"))
        self.attach_button.clicked.connect(self.choose_file)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(lambda: self._open_item(self.files.currentItem()))
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Evidence of the selected report:")))
        buttons.addStretch(1)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.files)
        layout.addWidget(self.chart)

    def load(self, item_id: int | None) -> None:
        """Show the history of an item (None: nothing)."""
        self.item_id = item_id
        self.history = item_history(self.db, item_id=item_id) if item_id is not None else None
        rows = self.history.rows if self.history else []
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            shown = _number(row.value) if row.value is not None else row.status
            for c, text in enumerate((row.period, row.unit, shown, row.narrative, row.reported_by,
                                      row.reported_at.strftime("%d/%m/%Y %H:%M"), str(row.evidence_files or ""))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if rows:
            self.table.setCurrentCell(len(rows) - 1, 0)
        self._show_files()
        values = [(row.period.split("/")[0], row.value) for row in rows if row.value is not None]
        targets = [t.value for t in self.history.targets] if self.history else []
        self.chart.set_data(values, targets)

    def current_report(self) -> int | None:
        """The report selected in the table (the newest one unless the officer chose another)."""
        row = self.table.currentRow()
        if self.history is None or not (0 <= row < len(self.history.rows)):
            return None
        return self.history.rows[row].report_id

    def _show_files(self) -> None:
        report = self.current_report()
        self.files.clear()
        for info in evidence.files_of(self.db, report_id=report) if report is not None else []:
            entry = QListWidgetItem(f"{info.file_name} ({info.size:,} B)".replace(",", "."))
            entry.setData(Qt.ItemDataRole.UserRole, str(info.path))
            entry.setToolTip(f"SHA-256: {info.sha256}")
            self.files.addItem(entry)
        if self.files.count():
            self.files.setCurrentRow(0)
        self.attach_button.setEnabled(report is not None)
        self.open_button.setEnabled(self.files.count() > 0)

    def choose_file(self) -> None:
        """Ask for a file and attach it to the selected report."""
        name = messages.open_file(self, self.tr("Attach evidence"), str(Path.home()), self.tr("All files (*)"))
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> bool:
        """Copy a file into the evidence folder and attach it to the selected report."""
        report = self.current_report()
        if report is None:
            return False
        try:
            evidence.attach(self.db, report_id=report, path=path)
        except AppError as exc:
            messages.warn(self, self.tr("Cannot attach the file"), exc.full_message())
            return False
        row = self.table.currentRow()
        self.load(self.item_id)
        self.table.setCurrentCell(row, 0)
        return True

    def _open_item(self, entry: QListWidgetItem | None) -> None:
        if entry is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(entry.data(Qt.ItemDataRole.UserRole)))
