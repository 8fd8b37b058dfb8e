"""Progress entry grid: one period's items typed in like a spreadsheet, saved cell by cell, assessed live."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
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

from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.errors import AppError
from desktop_app.services import progress as progress_service
from desktop_app.services import progress_grid as grid_service
from desktop_app.services.progress import PeriodInfo
from desktop_app.ui.models.progress_grid import (  # noqa: F401 - some are re-exported for the tests
    _BASES,
    _KINDS,
    COL_ASSESSMENT,
    COL_DOC_DATE,
    COL_DOC_NUMBER,
    COL_ENTRY,
    COL_EVIDENCE,
    COL_NARRATIVE,
    COL_NUMBER,
    COL_TARGET,
    COL_TEXT,
    EDITABLE,
    ENTRY_FIELD_ROLE,
    ERROR_COLOURS,
    PAGE_SIZE,
    Index,
    ProgressGridModel,
)

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


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

    def __init__(self, db: Workspace, parent: QWidget | None = None, *, today: date | None = None) -> None:
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
