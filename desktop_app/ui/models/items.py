"""The items table model: pages of rows fetched lazily from SQL for the current filter and sort order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.assessment import Assessment
from desktop_app.services import items as items_service
from desktop_app.services.items import ItemQuery, ItemRow
from desktop_app.ui.models.rows import RowModel

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

(COL_NUMBER, COL_TEXT, COL_TARGET, COL_MONITORING, COL_IMPLEMENTING, COL_DEADLINE, COL_LATEST, COL_ASSESSMENT,
 COL_UPDATED) = range(9)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ASSESSMENT_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 100
ITEM_MIME = "application/x-chuyen-doi-so-item"

_HEADERS = (
    QT_TRANSLATE_NOOP("ItemsModel", "No."),
    QT_TRANSLATE_NOOP("ItemsModel", "Indicator / task"),
    QT_TRANSLATE_NOOP("ItemsModel", "Target"),
    QT_TRANSLATE_NOOP("ItemsModel", "Monitoring unit"),
    QT_TRANSLATE_NOOP("ItemsModel", "Implementing units"),
    QT_TRANSLATE_NOOP("ItemsModel", "Deadline"),
    QT_TRANSLATE_NOOP("ItemsModel", "Latest result"),
    QT_TRANSLATE_NOOP("ItemsModel", "Assessment"),
    QT_TRANSLATE_NOOP("ItemsModel", "Last update"),
)
# Sortable columns and the SQL order each one asks for.
SORT_KEYS = {COL_NUMBER: "number", COL_DEADLINE: "deadline", COL_MONITORING: "unit"}
# Light backgrounds with dark text: readable on screen and distinguishable in grey print.
COLOURS: dict[str, tuple[str, str]] = {
    Assessment.EXCEEDED: ("#b7e1b0", "#0b3d0b"),
    Assessment.ACHIEVED: ("#d4edcf", "#0b3d0b"),
    Assessment.IN_PROGRESS: ("#fff1b8", "#4d3b00"),
    Assessment.NOT_ACHIEVED: ("#f6c6c2", "#5c0d07"),
    Assessment.OVERDUE: ("#f1a9a2", "#5c0d07"),
    Assessment.NO_DATA: ("#e4e4e4", "#333333"),
}


class ItemsModel(RowModel):
    """Rows of services.items.ItemRow for one ItemQuery; pages are fetched as the view scrolls."""

    CONTEXT = "ItemsModel"
    HEADERS = _HEADERS
    move_requested = Signal(int, int)
    """(item id, id of the item it was dropped on)."""

    def __init__(self, db: Workspace | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.query: ItemQuery | None = None
        self.sort_key, self.descending = "number", False
        self._rows: list[ItemRow] = []
        self._more = False
        self._total: int | None = 0

    # ----- loading -----------------------------------------------------------------------------------------
    def set_query(self, query: ItemQuery | None) -> None:
        """Show the items matching query (None: nothing), from the first page."""
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Fetch the first page again (after a filter, sort or data change); the count waits until asked."""
        self.beginResetModel()
        if self.db is None or self.query is None:
            self._rows, self._more, self._total = [], False, 0
        else:
            self._rows = self._page(0)
            self._more = len(self._rows) == PAGE_SIZE
            self._total = None if self._more else len(self._rows)
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many items match (counted in SQL the first time it is asked after a reload)."""
        if self._total is None:
            assert self.db is not None and self.query is not None
            self._total = items_service.count(self.db, self.query)
        return self._total

    def set_rows(self, rows: list[ItemRow]) -> None:
        """Show fixed rows (no database behind them)."""
        self.beginResetModel()
        self.query, self._rows, self._more, self._total = None, list(rows), False, len(rows)
        self.endResetModel()

    def _page(self, offset: int) -> list[ItemRow]:
        assert self.db is not None and self.query is not None
        return items_service.page(self.db, self.query, sort=self.sort_key, descending=self.descending,
                                  offset=offset, limit=PAGE_SIZE)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self.query is not None and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt API
        if not self.canFetchMore(parent):
            return
        more = self._page(len(self._rows))
        self._more = len(more) == PAGE_SIZE
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        if self.query is not None:
            self.reload()

    # ----- reading -----------------------------------------------------------------------------------------
    def row_at(self, row: int) -> ItemRow:
        """The item shown in a row."""
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (row.number, row.text, row.targets, row.monitoring, row.implementing, row.deadline,
                      row.latest, row.assessment_label, row.last_update)
            return values[column] if 0 <= column < len(values) else None
        if role == ID_ROLE:
            return row.id
        if role == ASSESSMENT_ROLE:
            return row.assessment
        if column == COL_ASSESSMENT and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            background, foreground = COLOURS[row.assessment]
            return QBrush(QColor(background if role == Qt.ItemDataRole.BackgroundRole else foreground))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignHCenter if column == COL_NUMBER else Qt.AlignmentFlag.AlignLeft
            return int(Qt.AlignmentFlag.AlignTop | horizontal)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled)

    # ----- dragging a row onto another moves the item there (the window does it, undoably) -----------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [ITEM_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt API
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(ITEM_MIME, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802 - Qt API
                     parent: Index) -> bool:
        if not data.hasFormat(ITEM_MIME):
            return False
        target_row = parent.row() if parent.isValid() else row
        if not 0 <= target_row < len(self._rows):
            return False
        self.move_requested.emit(int(bytes(data.data(ITEM_MIME)).decode()), self._rows[target_row].id)
        return False  # the rows are not moved here: the window moves the item and reloads
