"""Table models of the province view: communes × areas (coloured by traffic light, sortable, filterable) and
indicators matched across plans × communes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.areas import (
    AREAS,
    GREEN,
    LIGHT_FILLS,
    LIGHT_INKS,
    LIGHT_NAMES,
    NONE,
    RED,
    RESULT_LIGHTS,
    AreaCell,
    CommuneRow,
    percent_text,
)
from desktop_app.domain.assessment import EXCEEDED, MET, UNMET
from desktop_app.domain.text import collation_key, search_key
from desktop_app.services.province import IndicatorRow

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 2
LIGHT_ROLE = Qt.ItemDataRole.UserRole + 3
COL_COMMUNE, COL_YEAR = 0, 1
FIRST_AREA = 2
COL_OVERALL = FIRST_AREA + len(AREAS)
ALL, HAS_RED, ALL_GREEN = "all", "red", "green"

_HEADERS = (QT_TRANSLATE_NOOP("ComparisonModel", "Commune"), QT_TRANSLATE_NOOP("ComparisonModel", "Year"))
_OVERALL = QT_TRANSLATE_NOOP("ComparisonModel", "Whole plan")


def _brush(hex_rgb: str) -> QBrush:
    return QBrush(QColor("#" + hex_rgb))


class ComparisonModel(QAbstractTableModel):
    """One row per plan: commune, year, the eight areas' percentages, the whole plan's percentage."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CommuneRow] = []

    def set_rows(self, rows: list[CommuneRow] | tuple[CommuneRow, ...]) -> None:
        """Show these rows (after a reload or an import)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CommuneRow:
        """The plan shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else COL_OVERALL + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= COL_OVERALL:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < FIRST_AREA:
                return QCoreApplication.translate("ComparisonModel", _HEADERS[section])
            if section == COL_OVERALL:
                return QCoreApplication.translate("ComparisonModel", _OVERALL)
            return AREAS[section - FIRST_AREA].name  # the areas' names are Vietnamese already
        return None

    def cell(self, row: CommuneRow, column: int) -> AreaCell | None:
        """The area cell shown in a column (None for commune and year)."""
        if column == COL_OVERALL:
            return row.overall
        if FIRST_AREA <= column < COL_OVERALL:
            return row.areas[column - FIRST_AREA]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        cell = self.cell(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_COMMUNE:
                return row.commune or f"#{row.plan_id}"
            if column == COL_YEAR:
                return "" if row.year is None else str(row.year)
            return percent_text(cell) if cell else None
        if role == SORT_ROLE:
            if column == COL_COMMUNE:
                return collation_key(row.commune)
            if column == COL_YEAR:
                return row.year or 0
            return -1.0 if cell is None or cell.percent is None else float(cell.percent)
        if role == PLAN_ID_ROLE:
            return row.plan_id
        if cell is None:
            return None
        if role == LIGHT_ROLE:
            return cell.light
        if role == Qt.ItemDataRole.BackgroundRole:
            return _brush(LIGHT_FILLS[cell.light])
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush(LIGHT_INKS[cell.light])
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("ComparisonModel", "%1: %2 of %3 completed").replace(
                "%1", LIGHT_NAMES[cell.light]).replace("%2", str(cell.completed)).replace("%3", str(cell.items))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ComparisonFilter(QSortFilterProxyModel):
    """Sorts by SORT_ROLE; keeps the communes whose name contains the typed text (accents ignored) and whose
    areas pass the light filter (ALL, HAS_RED: some area red, ALL_GREEN: every area with items green)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._light = ALL

    def set_text(self, text: str) -> None:
        """Keep the communes whose name contains text."""
        self.beginFilterChange()
        self._text = search_key(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_light(self, light: str) -> None:
        """ALL, HAS_RED or ALL_GREEN."""
        self.beginFilterChange()
        self._light = light
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        assert isinstance(model, ComparisonModel)
        row = model.row_at(source_row)
        if self._text and self._text not in search_key(row.commune):
            return False
        lights = [c.light for c in row.areas]
        if self._light == HAS_RED:
            return RED in lights
        if self._light == ALL_GREEN:
            shown = [light for light in lights if light != NONE]
            return bool(shown) and all(light == GREEN for light in shown)
        return True


RESULT_LABELS = {
    EXCEEDED: QT_TRANSLATE_NOOP("IndicatorsModel", "Exceeded"),
    MET: QT_TRANSLATE_NOOP("IndicatorsModel", "Met"),
    UNMET: QT_TRANSLATE_NOOP("IndicatorsModel", "Not met"),
    None: QT_TRANSLATE_NOOP("IndicatorsModel", "Not reported"),
}
_INDICATOR_HEADERS = (QT_TRANSLATE_NOOP("IndicatorsModel", "Indicator"),
                      QT_TRANSLATE_NOOP("IndicatorsModel", "Area"),
                      QT_TRANSLATE_NOOP("IndicatorsModel", "Communes"))
FIRST_PLAN = len(_INDICATOR_HEADERS)


class IndicatorsModel(QAbstractTableModel):
    """One row per indicator matched across plans; a column per plan with that plan's result."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[IndicatorRow] = []
        self._plans: list[CommuneRow] = []

    def set_data(self, rows: list[IndicatorRow], plans: list[CommuneRow] | tuple[CommuneRow, ...]) -> None:
        """Show these indicators with a column for each of these plans."""
        self.beginResetModel()
        self._rows, self._plans = list(rows), list(plans)
        self.endResetModel()

    def row_at(self, row: int) -> IndicatorRow:
        """The indicator shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else FIRST_PLAN + len(self._plans)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < FIRST_PLAN + len(self._plans)):
            return None
        if section < FIRST_PLAN:
            return QCoreApplication.translate("IndicatorsModel", _INDICATOR_HEADERS[section])
        return self._plans[section - FIRST_PLAN].commune

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if column < FIRST_PLAN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                area = next((a.name for a in AREAS if a.code == row.area), "")
                return (row.text, area, str(row.plans))[column]
            return None
        if not 0 <= column - FIRST_PLAN < len(self._plans):
            return None
        plan_id = self._plans[column - FIRST_PLAN].plan_id
        if plan_id not in row.results:
            return None
        result = row.results[plan_id]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("IndicatorsModel", RESULT_LABELS.get(result, RESULT_LABELS[None]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.texts.get(plan_id, "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return _brush(LIGHT_FILLS[RESULT_LIGHTS.get(result, NONE)])
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush(LIGHT_INKS[RESULT_LIGHTS.get(result, NONE)])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
