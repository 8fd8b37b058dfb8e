"""The progress grid's table model: one period's rows, each cell saved through the service as it is typed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.periods import PeriodBasis, PeriodKind
from desktop_app.errors import AppError
from desktop_app.services import progress_grid as grid_service
from desktop_app.services.progress_grid import GridRow
from desktop_app.ui.models.items import COLOURS
from desktop_app.ui.models.rows import RowModel

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

(COL_NUMBER, COL_TEXT, COL_TARGET, COL_ENTRY, COL_NARRATIVE, COL_EVIDENCE, COL_DOC_NUMBER, COL_DOC_DATE,
 COL_ASSESSMENT) = range(9)
EDITABLE = (COL_ENTRY, COL_NARRATIVE, COL_EVIDENCE, COL_DOC_NUMBER, COL_DOC_DATE)
DOCUMENT_COLUMNS = (COL_DOC_NUMBER, COL_DOC_DATE)
"""Editable only on the rows of document items (the number and date of the document issued)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ASSESSMENT_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_FIELD_ROLE = Qt.ItemDataRole.UserRole + 3
"""For the value column: "value" (a number or 45/50) or "status" (tasks and documents without targets)."""
ERROR_ROLE = Qt.ItemDataRole.UserRole + 4
"""The message of a refused entry in this cell, or None."""
ERROR_COLOURS = ("#ffd6d6", "#a00000")

_HEADERS = (
    QT_TRANSLATE_NOOP("ProgressGridModel", "No."),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Indicator / task"),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Target"),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Value / status"),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Result narrative"),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Evidence"),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Document no."),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Issued on"),
    QT_TRANSLATE_NOOP("ProgressGridModel", "Assessment"),
)
# The period choices of the grid's combo boxes, in the order offered: every PeriodKind and PeriodBasis.
_KINDS: tuple[tuple[str, Any], ...] = (
    (PeriodKind.MONTH, QT_TRANSLATE_NOOP("ProgressGridWidget", "Monthly")),
    (PeriodKind.QUARTER, QT_TRANSLATE_NOOP("ProgressGridWidget", "Quarterly")),
    (PeriodKind.HALF, QT_TRANSLATE_NOOP("ProgressGridWidget", "Six-monthly")),
    (PeriodKind.YEAR, QT_TRANSLATE_NOOP("ProgressGridWidget", "Yearly")),
)
_BASES: tuple[tuple[str, Any], ...] = (
    (PeriodBasis.CALENDAR, QT_TRANSLATE_NOOP("ProgressGridWidget", "Calendar periods")),
    (PeriodBasis.DECREE09, QT_TRANSLATE_NOOP("ProgressGridWidget", "Decree 09/2019 windows")),
)


PAGE_SIZE = 200


class ProgressGridModel(RowModel):
    """Rows of services.progress_grid.GridRow for one plan, period and unit; edits are saved at once."""

    CONTEXT = "ProgressGridModel"
    HEADERS = _HEADERS

    saved = Signal(int)
    """A cell of this row was saved (the row, its assessment included, is already refreshed)."""
    refused = Signal(int, int, str)
    """An entry in (row, column) was refused with this message; nothing was stored."""

    def __init__(self, db: Workspace | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.period_id: int | None = None
        self.unit_id: int | None = None
        self.today: date | None = None
        self._rows: list[GridRow] = []
        self._more = False
        self._errors: dict[tuple[int, int], tuple[str, str]] = {}

    # ----- loading -----------------------------------------------------------------------------------------
    def load(self, *, plan_id: int | None, period_id: int | None, unit_id: int | None,
             today: date | None = None) -> None:
        """Show the plan's rows for this period and unit (None: every item, by its first implementing unit)."""
        self.plan_id, self.period_id, self.unit_id, self.today = plan_id, period_id, unit_id, today
        self.reload()

    def reload(self) -> None:
        """Read the rows again; refused entries still waiting for correction are dropped."""
        self.beginResetModel()
        self._errors.clear()
        if self.db is None or self.plan_id is None or self.period_id is None:
            self._rows, self._more = [], False
        else:
            self._rows = self._page(0)
            self._more = len(self._rows) == PAGE_SIZE
        self.endResetModel()

    def _page(self, offset: int) -> list[GridRow]:
        assert self.db is not None and self.plan_id is not None and self.period_id is not None
        return grid_service.grid_rows(self.db, plan_id=self.plan_id, period_id=self.period_id, unit_id=self.unit_id,
                                      today=self.today, offset=offset, limit=PAGE_SIZE)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 - Qt API
        """The next page, as the view scrolls (a province's plan can hold 100,000 items)."""
        if not self.canFetchMore(parent):
            return
        more = self._page(len(self._rows))
        self._more = len(more) == PAGE_SIZE
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def row_at(self, row: int) -> GridRow:
        """The item shown in a row."""
        return self._rows[row]

    def error_at(self, row: int, column: int) -> str | None:
        """The message of a refused entry waiting in this cell, if any."""
        found = self._errors.get((row, column))
        return found[1] if found else None

    def is_editable(self, row: int, column: int) -> bool:
        """Whether one can type in this cell (a document's number and date only on document rows)."""
        if not (0 <= row < len(self._rows)) or column not in EDITABLE:
            return False
        return column not in DOCUMENT_COLUMNS or self._rows[row].is_document

    # ----- reading -----------------------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.is_editable(index.row(), index.column()) else flags

    def _display(self, row: GridRow, column: int) -> str:
        if column == COL_ENTRY:
            return row.value_text if row.entry_field == "value" else row.status_name
        return (row.number, row.text, row.targets, "", row.narrative, row.evidence, row.document_number,
                row.document_date_text, row.assessment_label)[column]

    def _edit(self, row: GridRow, column: int) -> str:
        if column == COL_ENTRY:
            return row.value_edit if row.entry_field == "value" else row.status_name
        return self._display(row, column)

    def _tooltip(self, row: GridRow, column: int) -> str:
        if column in (COL_NUMBER, COL_TEXT):
            lines = [row.text, QCoreApplication.translate("ProgressGridModel", "Reporting unit: %1").replace(
                "%1", row.unit_name or "—")]
            if row.deadline:
                lines.append(QCoreApplication.translate("ProgressGridModel", "Deadline: %1").replace("%1", row.deadline))
            return "\n".join(lines)
        return self._display(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(_HEADERS)):
            return None
        row, column = self._rows[index.row()], index.column()
        error = self._errors.get((index.row(), column))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if error:
                return error[0]
            return self._display(row, column) if role == Qt.ItemDataRole.DisplayRole else self._edit(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return error[1] if error else self._tooltip(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = ERROR_COLOURS if error else COLOURS[row.assessment] if column == COL_ASSESSMENT else None
            if colours is None:
                return None
            return QBrush(QColor(colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]))
        if role == ID_ROLE:
            return row.item_id
        if role == ASSESSMENT_ROLE:
            return row.assessment
        if role == ENTRY_FIELD_ROLE:
            return row.entry_field
        if role == ERROR_ROLE:
            return error[1] if error else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignHCenter if column == COL_NUMBER else Qt.AlignmentFlag.AlignLeft
            return int(Qt.AlignmentFlag.AlignVCenter | horizontal)
        return None

    # ----- writing -----------------------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Save what was typed through services.progress_grid.save_cell; a refusal keeps the text, red."""
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or not self.is_editable(index.row(), index.column()) or self.db is None or self.plan_id is None or self.period_id is None):
            return False
        r, column = index.row(), index.column()
        row = self._rows[r]
        text = "" if value is None else str(value)
        if (r, column) not in self._errors and text.strip() == self._edit(row, column).strip():
            return True  # passing through a cell (Tab, Enter) saves nothing
        field = {COL_ENTRY: row.entry_field, COL_NARRATIVE: "narrative", COL_EVIDENCE: "evidence",
                 COL_DOC_NUMBER: "document_number", COL_DOC_DATE: "document_date"}[column]
        try:
            fresh = grid_service.save_cell(self.db, plan_id=self.plan_id, period_id=self.period_id,
                                           item_id=row.item_id, unit_id=row.unit_id, field=field, text=text,
                                           today=self.today)
        except AppError as exc:
            self._errors[(r, column)] = (text, exc.message)
            self.dataChanged.emit(index, index)
            self.refused.emit(r, column, exc.message)
            return False
        self._errors.pop((r, column), None)
        self._rows[r] = fresh
        self.dataChanged.emit(self.index(r, 0), self.index(r, len(_HEADERS) - 1))
        self.saved.emit(r)
        return True
