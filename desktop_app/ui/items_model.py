"""Read-only table model of the items of the selected plan, section or group."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.services.browse import ItemRow

Index = QModelIndex | QPersistentModelIndex

COL_NUMBER, COL_TEXT, COL_KIND, COL_TARGET, COL_MONITORING, COL_IMPLEMENTING, COL_DEADLINE, COL_NOTE = range(8)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_HEADERS = (
    QT_TRANSLATE_NOOP("ItemsModel", "No."),
    QT_TRANSLATE_NOOP("ItemsModel", "Indicator / task"),
    QT_TRANSLATE_NOOP("ItemsModel", "Kind"),
    QT_TRANSLATE_NOOP("ItemsModel", "Target"),
    QT_TRANSLATE_NOOP("ItemsModel", "Monitoring unit"),
    QT_TRANSLATE_NOOP("ItemsModel", "Implementing units"),
    QT_TRANSLATE_NOOP("ItemsModel", "Deadline"),
    QT_TRANSLATE_NOOP("ItemsModel", "Note"),
)


class ItemsModel(QAbstractTableModel):
    """Rows of ItemRow; the UI fills it from services.browse.item_rows and never edits it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ItemRow] = []

    def set_rows(self, rows: list[ItemRow]) -> None:
        """Replace every row (a reset, so views keep no stale indexes)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ItemRow:
        """The item shown in a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(_HEADERS):
            return QCoreApplication.translate("ItemsModel", _HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (row.number, row.text, row.kind_label, row.targets, row.monitoring,
                      row.implementing, row.deadline, row.note)
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_NUMBER:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
