"""Progress entry grid: one period's items typed in like a spreadsheet, saved cell by cell, assessed live."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.errors import AppError
from desktop_app.services import progress as progress_service
from desktop_app.services import progress_grid as grid_service
from desktop_app.services.progress import PeriodInfo
from desktop_app.services.progress_grid import GridRow
from desktop_app.ui.items_model import COLOURS
from desktop_app.ui.row_model import RowModel

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
_KINDS = (("month", QT_TRANSLATE_NOOP("ProgressGridWidget", "Monthly")),
          ("quarter", QT_TRANSLATE_NOOP("ProgressGridWidget", "Quarterly")),
          ("half", QT_TRANSLATE_NOOP("ProgressGridWidget", "Six-monthly")),
          ("year", QT_TRANSLATE_NOOP("ProgressGridWidget", "Yearly")))
_BASES = (("calendar", QT_TRANSLATE_NOOP("ProgressGridWidget", "Calendar periods")),
          ("decree09", QT_TRANSLATE_NOOP("ProgressGridWidget", "Decree 09/2019 windows")))


PAGE_SIZE = 200


class ProgressGridModel(RowModel):
    """Rows of services.progress_grid.GridRow for one plan, period and unit; edits are saved at once."""

    CONTEXT = "ProgressGridModel"
    HEADERS = _HEADERS

    saved = Signal(int)
    """A cell of this row was saved (the row, its assessment included, is already refreshed)."""
    refused = Signal(int, int, str)
    """An entry in (row, column) was refused with this message; nothing was stored."""

    def __init__(self, db: Database | None = None, parent: Any = None) -> None:
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


class GridDelegate(QStyledItemDelegate):
    """Line editors (a status combo for tasks); Enter saves and moves down, Tab saves and moves right."""

    def __init__(self, view: GridView) -> None:
        super().__init__(view)
        self._view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor: QWidget
        if index.column() == COL_ENTRY and index.data(ENTRY_FIELD_ROLE) == "status":
            combo = QComboBox(parent)
            combo.setEditable(True)  # typed ("hoàn thành", even without accents) or chosen
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(["", *STATUS_NAMES.values()])
            combo.lineEdit().installEventFilter(self)  # keys reach the line edit, not the combo
            # chosen in the pop-up list (also emitted when a typed name loses focus: _finish runs once)
            combo.activated.connect(lambda _i, c=combo: self._finish(c, None))
            editor = combo
        else:
            line = QLineEdit(parent)
            line.setFrame(False)
            editor = line
        editor.setProperty("gridRow", index.row())
        editor.setProperty("gridColumn", index.column())
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setEditText(text)
            editor.lineEdit().selectAll()  # typing replaces, as in a spreadsheet
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        text = editor.currentText() if isinstance(editor, QComboBox) else editor.text()  # type: ignore[attr-defined]
        model.setData(index, text, Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        editor = obj if obj.property("gridRow") is not None else obj.parent()
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            key = event.key()  # type: ignore[attr-defined]
            moves = {Qt.Key.Key_Return: QAbstractItemView.CursorAction.MoveDown,
                     Qt.Key.Key_Enter: QAbstractItemView.CursorAction.MoveDown,
                     Qt.Key.Key_Tab: QAbstractItemView.CursorAction.MoveNext,
                     Qt.Key.Key_Backtab: QAbstractItemView.CursorAction.MovePrevious}
            if key in moves:
                self._finish(editor, moves[key])
                return True
        if obj is not editor:
            return False  # the combo's line edit: everything else is its own business
        return super().eventFilter(obj, event)

    def _finish(self, editor: QWidget, move: QAbstractItemView.CursorAction | None) -> None:
        """Save the editor's text; when refused keep it open on the typed text, else close it and move."""
        if editor.property("gridDone") or not editor.isVisible():
            return  # already saved and closing (a hidden combo still reports its typed name as "activated")
        row, column = editor.property("gridRow"), editor.property("gridColumn")
        self.commitData.emit(editor)
        model = self._view.model()
        message = model.error_at(row, column) if isinstance(model, ProgressGridModel) else None
        if message:
            line = editor.lineEdit() if isinstance(editor, QComboBox) else editor
            if isinstance(line, QLineEdit):
                line.selectAll()
            editor.setToolTip(message)
            editor.setStyleSheet(f"background: {ERROR_COLOURS[0]}; color: {ERROR_COLOURS[1]};")
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), message, editor)
            return
        editor.setProperty("gridDone", True)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move is not None:
            self._view.step(move)
        self._view.setFocus()


class GridView(QTableView):
    """A table that moves like a spreadsheet: Enter goes down, Tab goes to the next cell one can type in."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.step(QAbstractItemView.CursorAction.MoveDown)
            return
        super().keyPressEvent(event)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        model, current = self.model(), self.currentIndex()
        if action not in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious) \
                or model is None or not current.isValid():
            return super().moveCursor(action, modifiers)
        forward = action == QAbstractItemView.CursorAction.MoveNext
        cells = [(r, c) for r in range(model.rowCount()) for c in EDITABLE if self._editable(r, c)]
        here = (current.row(), current.column())
        later = [cell for cell in cells if (cell > here if forward else cell < here)]
        if not later:
            return current
        r, c = later[0] if forward else later[-1]
        return model.index(r, c)

    def _editable(self, row: int, column: int) -> bool:
        model = self.model()
        if isinstance(model, ProgressGridModel):
            return model.is_editable(row, column)
        return model is not None and bool(model.flags(model.index(row, column)) & Qt.ItemFlag.ItemIsEditable)

    def step(self, action: QAbstractItemView.CursorAction) -> None:
        """Move the current cell as the key for action would; Enter (down) from a cell one can type in goes to
        the next row where that column can be typed in, passing over rows where it is read-only."""
        model, current = self.model(), self.currentIndex()
        if action == QAbstractItemView.CursorAction.MoveDown and model is not None and current.isValid() \
                and self._editable(current.row(), current.column()):
            below = [r for r in range(current.row() + 1, model.rowCount()) if self._editable(r, current.column())]
            if below:
                self.setCurrentIndex(model.index(below[0], current.column()))
            return
        target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if target.isValid():
            self.setCurrentIndex(target)


class ProgressGridWidget(QWidget):
    """Period, scheme and unit choosers over the grid of one plan; every typed cell is saved at once."""

    changed = Signal()
    """A cell was saved or the plan's reporting scheme changed: views of progress should refresh."""

    def __init__(self, db: Database, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today
        """The day assessments are judged on (None: the real today); periods are judged at min(end, today)."""
        self.plan_id: int | None = None
        self._periods: list[PeriodInfo] = []
        self._loading = False

        self.kind_combo = QComboBox()
        for kind, label in _KINDS:
            self.kind_combo.addItem(self.tr(label), kind)
        self.basis_combo = QComboBox()
        for basis, label in _BASES:
            self.basis_combo.addItem(self.tr(label), basis)
        self.period_combo = QComboBox()
        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumContentsLength(24)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.model = ProgressGridModel(db, self)
        self.table = GridView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(GridDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_NUMBER, 50), (COL_TARGET, 110), (COL_ENTRY, 140), (COL_NARRATIVE, 220),
                              (COL_EVIDENCE, 160), (COL_DOC_NUMBER, 120), (COL_DOC_DATE, 100), (COL_ASSESSMENT, 120)):
            self.table.setColumnWidth(column, width)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        bar = QHBoxLayout()
        for label, combo in ((self.tr("Reporting:"), self.kind_combo), (None, self.basis_combo),
                             (self.tr("Period:"), self.period_combo), (self.tr("Implementing unit:"), self.unit_combo)):
            if label:
                caption = QLabel(label)
                caption.setBuddy(combo)
                bar.addWidget(caption)
            bar.addWidget(combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

        self.kind_combo.currentIndexChanged.connect(self._scheme_chosen)
        self.basis_combo.currentIndexChanged.connect(self._scheme_chosen)
        self.period_combo.currentIndexChanged.connect(self._reload)
        self.unit_combo.currentIndexChanged.connect(self._reload)
        self.model.saved.connect(self._saved)
        self.model.refused.connect(self._refused)

    # ----- public ------------------------------------------------------------------------------------------
    def set_plan(self, plan_id: int | None) -> None:
        """Show this plan's grid (None: nothing), for the period that holds today and every unit."""
        self.plan_id = plan_id
        self._loading = True
        try:
            self.unit_combo.clear()
            self.unit_combo.addItem(self.tr("All units"), None)
            if plan_id is not None:
                kind, basis = grid_service.period_scheme(self.db, plan_id=plan_id)
                self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
                self.basis_combo.setCurrentIndex(max(0, self.basis_combo.findData(basis)))
                for unit_id, name in grid_service.implementing_units(self.db, plan_id=plan_id):
                    self.unit_combo.addItem(name, unit_id)
                self._fill_periods(progress_service.list_periods(self.db, plan_id=plan_id))
            else:
                self._fill_periods([])
        finally:
            self._loading = False
        self._reload()

    def periods(self) -> list[PeriodInfo]:
        """The periods offered in the period chooser."""
        return list(self._periods)

    def set_period(self, period: int | str) -> None:
        """Show the period with this id or label."""
        for i, p in enumerate(self._periods):
            if p.id == period or p.label == period:
                self.period_combo.setCurrentIndex(i)
                return
        raise KeyError(period)

    def set_unit(self, unit_id: int | None) -> None:
        """Show only the items this unit implements, reported by it (None: all items)."""
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_id)))

    def set_scheme(self, kind: str, basis: str) -> None:
        """Choose how the plan is reported (as the two choosers do)."""
        self._loading = True
        try:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
            self.basis_combo.setCurrentIndex(self.basis_combo.findData(basis))
        finally:
            self._loading = False
        self._scheme_chosen()

    def current_period(self) -> PeriodInfo | None:
        """The period shown."""
        i = self.period_combo.currentIndex()
        return self._periods[i] if 0 <= i < len(self._periods) else None

    def current_unit_id(self) -> int | None:
        """The unit filter (None: all units)."""
        return self.unit_combo.currentData()

    # ----- internals ---------------------------------------------------------------------------------------
    def _fill_periods(self, periods: list[PeriodInfo]) -> None:
        previous = self.current_period()
        self._periods = periods
        self.period_combo.clear()
        for p in periods:
            self.period_combo.addItem(f"{p.label} ({p.start:%d/%m/%Y} – {p.end:%d/%m/%Y})", p.id)
        if periods:
            self.period_combo.setCurrentIndex(periods.index(self._default_period(periods, previous)))

    def _default_period(self, periods: list[PeriodInfo], previous: PeriodInfo | None) -> PeriodInfo:
        """The period of the same name as before (a new basis), else the one holding today, else the nearest."""
        same = [p for p in periods if previous is not None and p.label == previous.label]
        if same:
            return same[0]
        day = self.today or date.today()
        holding = [p for p in periods if p.start <= day <= p.end]
        if holding:
            return holding[0]
        return periods[-1] if day > periods[-1].end else periods[0]

    def _scheme_chosen(self, *_: Any) -> None:
        if self._loading or self.plan_id is None:
            return
        try:
            periods = progress_service.set_period_scheme(self.db, plan_id=self.plan_id,
                                                         kind=self.kind_combo.currentData(),
                                                         basis=self.basis_combo.currentData())
        except AppError as exc:
            self._show(exc.message, error=True)
            return
        self._loading = True
        try:
            self._fill_periods(periods)
        finally:
            self._loading = False
        self._reload()
        self.changed.emit()

    def _reload(self, *_: Any) -> None:
        if self._loading:
            return
        period = self.current_period()
        try:
            self.model.load(plan_id=self.plan_id, period_id=period.id if period else None,
                            unit_id=self.current_unit_id(), today=self.today)
        except AppError as exc:
            self._show(exc.message, error=True)
            return
        if self.plan_id is not None and period is None:
            self._show(self.tr("This plan has no year, so it has no reporting periods yet."), error=True)
        else:
            self._show("")

    def _saved(self, row: int) -> None:
        saved = self.model.row_at(row)
        self._show(self.tr("Saved %1: %2").replace("%1", saved.number).replace("%2", saved.assessment_label))
        self.changed.emit()

    def _refused(self, row: int, column: int, message: str) -> None:
        self._show(f"{self.model.row_at(row).number}: {message}", error=True)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {ERROR_COLOURS[1]};" if error else "")
