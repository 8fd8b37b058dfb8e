"""The dashboard pane: totals by assessment, tables by group and by implementing unit, deadline lists, a bar chart."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.assessment import ASSESSMENTS, LABELS
from desktop_app.services import dashboard as dashboard_service
from desktop_app.services.dashboard import Dashboard, DeadlineItem, GroupRow, UnitRow
from desktop_app.ui.widgets.bar_chart import FILL, Bar, BarChart

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2

_GROUP_HEADERS = (QT_TRANSLATE_NOOP("CountsModel", "No."), QT_TRANSLATE_NOOP("CountsModel", "Area"))
_UNIT_HEADERS = (QT_TRANSLATE_NOOP("CountsModel", "Implementing unit"),)
_TOTAL_HEADER = QT_TRANSLATE_NOOP("CountsModel", "Total")
_LIST_HEADERS = (
    QT_TRANSLATE_NOOP("DeadlineModel", "No."),
    QT_TRANSLATE_NOOP("DeadlineModel", "Indicator / task"),
    QT_TRANSLATE_NOOP("DeadlineModel", "Due"),
    QT_TRANSLATE_NOOP("DeadlineModel", "Monitoring unit"),
    QT_TRANSLATE_NOOP("DeadlineModel", "Assessment"),
)


def format_count(count: int) -> str:
    """A count with Vietnamese thousands separators (100.000)."""
    return f"{count:,}".replace(",", ".")


def format_percent(value: Decimal) -> str:
    """A percentage with one decimal and a decimal comma, no space before % (21,8%)."""
    return f"{value:.1f}".replace(".", ",") + "%"


class CountsModel(QAbstractTableModel):
    """Rows of counts per assessment (by group or by unit); leading label columns, then assessments, then total."""

    def __init__(self, kind: str, parent: Any = None) -> None:
        super().__init__(parent)
        assert kind in ("group", "unit")
        self.kind = kind
        self._rows: list[GroupRow | UnitRow] = []
        self._lead = len(_GROUP_HEADERS) if kind == "group" else len(_UNIT_HEADERS)

    def set_rows(self, rows: list[GroupRow] | list[UnitRow]) -> None:
        """Show these rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def assessment_at(self, column: int) -> str | None:
        """The assessment a column counts (None for label and total columns)."""
        offset = column - self._lead
        return ASSESSMENTS[offset] if 0 <= offset < len(ASSESSMENTS) else None

    def column_of(self, assessment: str) -> int:
        """The column counting this assessment."""
        return self._lead + ASSESSMENTS.index(assessment)

    def filter_at(self, index: Index) -> dict[str, Any]:
        """The services.items.make_query fields for the items counted in a cell."""
        row = self._rows[index.row()]
        fields: dict[str, Any] = dict(row.filter)
        assessment = self.assessment_at(index.column())
        if assessment is not None:
            fields["assessment"] = assessment
        return fields

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else self._lead + len(ASSESSMENTS) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < self._lead:
            headers = _GROUP_HEADERS if self.kind == "group" else _UNIT_HEADERS
            return QCoreApplication.translate("CountsModel", headers[section])
        assessment = self.assessment_at(section)
        return LABELS[assessment] if assessment else QCoreApplication.translate("CountsModel", _TOTAL_HEADER)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        assessment = self.assessment_at(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column < self._lead:
                if isinstance(row, GroupRow):
                    return (row.number, row.title)[column]
                return row.name
            n = row.counts[assessment] if assessment else row.total
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{format_count(n)} ({format_percent(dashboard_service.percent(n, row.total))})"
            return format_count(n)
        if role == Qt.ItemDataRole.EditRole and column >= self._lead:
            return row.counts[assessment] if assessment else row.total
        if role == FILTER_ROLE:
            return self.filter_at(index)
        if role == ID_ROLE:
            return row.key if isinstance(row, GroupRow) else row.unit_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self._lead:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and assessment and row.counts[assessment]:
            return QBrush(FILL[assessment].lighter(170))
        return None


class DeadlineModel(QAbstractTableModel):
    """An overdue or due-soon list: number, text, due date, monitoring unit, assessment."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DeadlineItem] = []

    def set_rows(self, rows: list[DeadlineItem]) -> None:
        """Show these items."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def item_id(self, row: int) -> int:
        """The id of the item in a row."""
        return self._rows[row].id

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(_LIST_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_LIST_HEADERS):
            return QCoreApplication.translate("DeadlineModel", _LIST_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (item.number, item.text, item.due.strftime("%d/%m/%Y"), item.monitoring, LABELS[item.assessment])
            return values[index.column()] if 0 <= index.column() < len(values) else None
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 4:
            return QBrush(FILL[item.assessment].lighter(170))
        return None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


class DashboardWidget(QWidget):
    """Counts by assessment for one plan on one day; clicking a number emits filter_requested for the items table."""

    filter_requested = Signal(dict)
    """Fields for services.items.make_query (without plan_id and today), e.g. {"assessment": "overdue"}."""
    item_requested = Signal(int)
    """An item double-clicked in a deadline list."""

    def __init__(self, db: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data: Dashboard | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.all_button = self._button(lambda _checked=False: self._emit({}))
        self.total_buttons: dict[str, QPushButton] = {}
        totals = QHBoxLayout()
        totals.addWidget(self.all_button)
        for assessment in ASSESSMENTS:
            button = self._button(lambda _checked=False, a=assessment: self._emit({"assessment": a}))
            colour = FILL[assessment]
            button.setStyleSheet(f"QPushButton {{ border-left: 6px solid {colour.name()}; padding: 4px 8px; "
                                 "text-align: left; }")
            self.total_buttons[assessment] = button
            totals.addWidget(button)
        totals.addStretch(1)

        self.chart = BarChart()
        self.chart.segment_clicked.connect(self._on_segment)
        self.groups_model = CountsModel("group", self)
        self.units_model = CountsModel("unit", self)
        self.groups_table = _table(self.groups_model)
        self.units_table = _table(self.units_model)
        for view in (self.groups_table, self.units_table):
            view.clicked.connect(self._on_count_clicked)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.groups_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.units_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.overdue_model = DeadlineModel(self)
        self.due_soon_model = DeadlineModel(self)
        self.overdue_button = self._button(lambda _checked=False: self._emit({"window": "overdue"}))
        self.due_soon_button = self._button(lambda _checked=False: self._emit({"window": "due30"}))
        self.overdue_list = _table(self.overdue_model)
        self.due_soon_list = _table(self.due_soon_model)
        for view in (self.overdue_list, self.due_soon_list):
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.doubleClicked.connect(self._on_item_double_clicked)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self._heading(self.tr("By area")), 0, 0)
        grid.addWidget(self.groups_table, 1, 0)
        grid.addWidget(self.chart, 2, 0)
        grid.addWidget(self._heading(self.tr("By implementing unit")), 0, 1)
        grid.addWidget(self.units_table, 1, 1, 2, 1)
        grid.addWidget(self.overdue_button, 3, 0)
        grid.addWidget(self.overdue_list, 4, 0)
        grid.addWidget(self.due_soon_button, 3, 1)
        grid.addWidget(self.due_soon_list, 4, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(totals)
        layout.addWidget(scroll, 1)
        self._show_numbers()

    def _button(self, slot: Any) -> QPushButton:
        button = QPushButton()
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        return button

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    # ----- loading -------------------------------------------------------------------------------------------
    def set_plan(self, plan_id: int | None, today: date | None = None) -> None:
        """Show the dashboard of this plan as of today (None: empty)."""
        if plan_id is None:
            self.show_data(None)
            return
        self.show_data(dashboard_service.dashboard(self.db, plan_id=plan_id, today=today or date.today()))

    def show_data(self, data: Dashboard | None) -> None:
        """Show an already computed dashboard (e.g. from a background task)."""
        self.data = data
        self.groups_model.set_rows(data.groups if data else [])
        self.units_model.set_rows(data.units if data else [])
        self.overdue_model.set_rows(data.overdue if data else [])
        self.due_soon_model.set_rows(data.due_soon if data else [])
        self.chart.set_bars([Bar(g.key, f"{g.number}. {g.title}", g.counts) for g in data.groups] if data else [])
        self._show_numbers()

    def _show_numbers(self) -> None:
        data = self.data
        total = data.total if data else 0
        self.title.setText(self.tr("Situation on %1").replace("%1", data.today.strftime("%d/%m/%Y")) if data else "")
        self.all_button.setText(self.tr("All items: %1").replace("%1", format_count(total)))
        for t in data.totals if data else []:
            self.total_buttons[t.assessment].setText(f"{t.label}: {format_count(t.count)} ({format_percent(t.percent)})")
        if data is None:
            for assessment, button in self.total_buttons.items():
                button.setText(f"{LABELS[assessment]}: 0")
        overdue = data.overdue_total if data else 0
        due_soon = data.due_soon_total if data else 0
        self.overdue_button.setText(self.tr("Overdue: %1").replace("%1", format_count(overdue)))
        self.due_soon_button.setText(self.tr("Due in the next 30 days: %1").replace("%1", format_count(due_soon)))
        for button in (self.overdue_button, self.due_soon_button):
            button.setToolTip(self.tr("Show these items in the items table"))

    # ----- clicks --------------------------------------------------------------------------------------------
    def _emit(self, fields: dict[str, Any]) -> None:
        if self.data is not None:
            self.filter_requested.emit(fields)

    def _on_count_clicked(self, index: QModelIndex) -> None:
        model = index.model()
        if isinstance(model, CountsModel):
            self._emit(model.filter_at(index))

    def _on_segment(self, key: object, assessment: str) -> None:
        row = next((g for g in self.data.groups if g.key == key), None) if self.data else None
        if row is not None:
            self._emit({**row.filter, "assessment": assessment})

    def _on_item_double_clicked(self, index: QModelIndex) -> None:
        item_id = index.data(ID_ROLE)
        if item_id is not None:
            self.item_requested.emit(int(item_id))

