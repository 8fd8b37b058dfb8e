"""The unit manager: every unit with its other spellings and usage; rename and merge, both undoable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QHideEvent,
    QKeySequence,
    QShowEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.text import clean, search_key
from desktop_app.errors import AppError
from desktop_app.services import units as units_service
from desktop_app.services.units import MergeUndo, RenameUndo, UnitInfo
from desktop_app.ui import messages
from desktop_app.ui.models.rows import RowModel

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_ALIASES, COL_ITEMS, COL_REPORTS = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "UnitManager"

_HEADERS = (
    QT_TRANSLATE_NOOP("UnitsModel", "Unit"),
    QT_TRANSLATE_NOOP("UnitsModel", "Other spellings"),
    QT_TRANSLATE_NOOP("UnitsModel", "Items"),
    QT_TRANSLATE_NOOP("UnitsModel", "Reports"),
)

# Texts of the undo commands (not QObjects, so translated by context; these constants let lupdate find them).
RENAME_TEXT = QT_TRANSLATE_NOOP("UnitManager", "Rename unit “{old}” to “{new}”")
MERGE_TEXT = QT_TRANSLATE_NOOP("UnitManager", "Merge unit “{a}” into “{b}”")
REFUSED_TITLE = QT_TRANSLATE_NOOP("UnitManager", "Units")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class UnitsModel(RowModel):
    """Rows of services.units.UnitInfo in the service's (Vietnamese collation) order, narrowed by a search."""

    CONTEXT = "UnitsModel"
    HEADERS = _HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[UnitInfo] = []
        self._rows: list[UnitInfo] = []
        self._search = ""

    def load(self, units: list[UnitInfo]) -> None:
        """Show these units (already in display order)."""
        self.beginResetModel()
        self._all = list(units)
        self._rows = self._matching()
        self.endResetModel()

    def set_search(self, text: str) -> None:
        """Keep only units whose name or another spelling contains every word typed (accents optional)."""
        self.beginResetModel()
        self._search = search_key(text)
        self._rows = self._matching()
        self.endResetModel()

    def _matching(self) -> list[UnitInfo]:
        words = self._search.split()
        if not words:
            return list(self._all)
        found = []
        for unit in self._all:
            haystack = search_key(" ".join([unit.name, *unit.aliases]))
            if all(word in haystack for word in words):
                found.append(unit)
        return found

    def all_units(self) -> list[UnitInfo]:
        """Every unit loaded, whatever the search."""
        return list(self._all)

    def unit_at(self, row: int) -> UnitInfo:
        """The unit shown in a row."""
        return self._rows[row]

    def row_of(self, unit_id: int) -> int | None:
        """The row showing this unit, if it is shown."""
        return next((row for row, unit in enumerate(self._rows) if unit.id == unit_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        unit, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (unit.name, "; ".join(unit.aliases), unit.items, unit.reports)
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_NAME, COL_ALIASES):
            return "\n".join([unit.name, *unit.aliases])
        if role == ID_ROLE:
            return unit.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column in (COL_ITEMS, COL_REPORTS) else Qt.AlignmentFlag.AlignLeft
            return int(Qt.AlignmentFlag.AlignVCenter | horizontal)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class _ServiceCommand(QUndoCommand):
    """An undo command whose redo/undo call a service; a refusal is shown and the command leaves the stack."""

    def __init__(self, db: Workspace, text: str) -> None:
        super().__init__(text)
        self.db = db
        self.error: AppError | None = None

    def _perform(self) -> None:
        raise NotImplementedError

    def _revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guard(self._perform)

    def undo(self) -> None:
        self._guard(self._revert)

    def _guard(self, work: Any) -> None:
        try:
            work()
        except AppError as exc:
            # An obsolete command is dropped by QUndoStack (not pushed, or removed after a failed undo/redo),
            # so the stack never claims a change that did not happen.
            self.error = exc
            self.setObsolete(True)
            messages.warn(QApplication.activeWindow(), _tr(REFUSED_TITLE), exc.full_message())


class RenameUnitCommand(_ServiceCommand):
    """Rename one unit; undo gives back the old name, key and aliases."""

    def __init__(self, db: Workspace, *, unit_id: int, old_name: str, new_name: str) -> None:
        super().__init__(db, _tr(RENAME_TEXT).format(old=old_name, new=new_name))
        self.unit_id, self.old_name, self.new_name = unit_id, old_name, new_name
        self.record: RenameUndo | None = None

    def _perform(self) -> None:
        self.record = units_service.rename_unit(self.db, unit_id=self.unit_id, name=self.new_name)
        self.setText(_tr(RENAME_TEXT).format(old=self.old_name, new=self.record.new_name))

    def _revert(self) -> None:
        assert self.record is not None
        units_service.undo_rename(self.db, undo=self.record)


class MergeUnitsCommand(_ServiceCommand):
    """Merge one unit into another; undo brings the merged unit back exactly."""

    def __init__(self, db: Workspace, *, source_id: int, source_name: str, target_id: int, target_name: str) -> None:
        super().__init__(db, _tr(MERGE_TEXT).format(a=source_name, b=target_name))
        self.source_id, self.target_id = source_id, target_id
        self.record: MergeUndo | None = None

    def _perform(self) -> None:
        self.record = units_service.merge_units(self.db, source_id=self.source_id, target_id=self.target_id)

    def _revert(self) -> None:
        assert self.record is not None
        # The unit comes back with its uuid; its id too unless a new unit took it meanwhile.
        self.source_id = units_service.undo_merge(self.db, undo=self.record)


class UnitManagerDialog(QDialog):
    """Every unit with its spellings and usage counts; rename (F2) and merge, through the shared undo stack."""

    changed = Signal()
    """Units were renamed or merged (or such a change was undone): views showing unit names should reload."""

    def __init__(self, db: Workspace, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = undo_stack
        self.setWindowTitle(self.tr("Units"))
        self.resize(900, 520)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search units…"))
        self.search.setClearButtonEnabled(True)
        self.model = UnitsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_ALIASES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ITEMS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REPORTS, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(COL_NAME, 320)

        self.rename_action = QAction(self.tr("Rename…"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.triggered.connect(self.ask_rename)
        self.merge_action = QAction(self.tr("Merge into…"), self)
        self.merge_action.triggered.connect(self.ask_merge)
        # The dialog is modal, so the main window's Edit menu cannot be reached: offer undo/redo here too.
        self.undo_action = undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (self.rename_action, self.merge_action, self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.rename_action, self.merge_action])

        self.rename_button = QPushButton(self.rename_action.text())
        self.rename_button.clicked.connect(self.rename_action.trigger)
        self.merge_button = QPushButton(self.merge_action.text())
        self.merge_button.clicked.connect(self.merge_action.trigger)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.clicked.connect(self.redo_action.trigger)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        for button in (self.rename_button, self.merge_button, self.undo_button, self.redo_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(row)

        self.search.textChanged.connect(self._search_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_actions)
        self._following = False
        self.reload()

    # ----- showing -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the units again, keeping the selection where those units still exist."""
        keep = [unit.id for unit in self.selected_units()]
        self.model.load(units_service.list_units(self.db))
        self.select_units(keep)

    # The stack belongs to the main window and outlives this dialog: follow it only while shown, so that a
    # closed or half-destroyed dialog is never called back.
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        if not self._following:
            self.undo_stack.indexChanged.connect(self._stack_moved)
            self.undo_stack.canUndoChanged.connect(self._stack_flag_changed)
            self.undo_stack.canRedoChanged.connect(self._stack_flag_changed)
            self._following = True
            self.reload()  # changes made or undone while it was closed
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        if self._following:
            self.undo_stack.indexChanged.disconnect(self._stack_moved)
            self.undo_stack.canUndoChanged.disconnect(self._stack_flag_changed)
            self.undo_stack.canRedoChanged.disconnect(self._stack_flag_changed)
            self._following = False
        super().hideEvent(event)

    def _stack_moved(self, _index: int) -> None:
        self.reload()
        self.changed.emit()

    def _selection_changed(self, *_: Any) -> None:
        self._update_actions()

    def _stack_flag_changed(self, _flag: bool) -> None:
        self._update_actions()

    def _search_changed(self, text: str) -> None:
        keep = [unit.id for unit in self.selected_units()]
        self.model.set_search(text)
        self.select_units(keep)

    def _update_actions(self) -> None:
        count = len(self.selected_units())
        self.rename_action.setEnabled(count == 1)
        self.merge_action.setEnabled(count in (1, 2) and len(self.model.all_units()) > 1)
        self.rename_button.setEnabled(self.rename_action.isEnabled())
        self.merge_button.setEnabled(self.merge_action.isEnabled())
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())

    # ----- selection ---------------------------------------------------------------------------------------
    def selected_units(self) -> list[UnitInfo]:
        """The units of the selected rows, in table order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.unit_at(row) for row in rows if row < self.model.rowCount()]

    def select_units(self, unit_ids: list[int]) -> None:
        """Select the rows of these units (those shown), the first one current."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        rows = [row for row in (self.model.row_of(uid) for uid in unit_ids) if row is not None]
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, COL_NAME), flags)
        if rows:
            selection.setCurrentIndex(self.model.index(rows[0], COL_NAME), QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(self.model.index(rows[0], COL_NAME))
        self._update_actions()

    # ----- rename ------------------------------------------------------------------------------------------
    def ask_rename(self) -> None:
        """Ask for a new name for the selected unit, then rename it."""
        chosen = self.selected_units()
        if len(chosen) != 1:
            return
        unit = chosen[0]
        ask = self._input_dialog(self.tr("Rename unit"), self.tr("New name of “{name}”:").format(name=unit.name))
        ask.setTextValue(unit.name)
        accepted = ask.exec() == QDialog.DialogCode.Accepted
        name = ask.textValue()
        ask.deleteLater()
        if accepted:
            self.rename_selected(name)

    def rename_selected(self, name: str) -> bool:
        """Rename the one selected unit to name through the undo stack; True when it was renamed."""
        chosen = self.selected_units()
        if len(chosen) != 1:
            return False
        return self.rename(chosen[0].id, name)

    def rename(self, unit_id: int, name: str) -> bool:
        """Rename a unit through the undo stack; False when refused (the reason was shown) or unchanged."""
        unit = next((u for u in self.model.all_units() if u.id == unit_id), None)
        if unit is None or clean(name) == unit.name:
            return False
        command = RenameUnitCommand(self.db, unit_id=unit_id, old_name=unit.name, new_name=clean(name))
        return self._push(command, select=unit_id)

    # ----- merge -------------------------------------------------------------------------------------------
    def ask_merge(self) -> None:
        """Two rows selected: ask which name to keep. One row: ask which unit to merge it into."""
        chosen = self.selected_units()
        if len(chosen) == 2:
            # The unit used more often is offered as the one to keep.
            first, second = sorted(chosen, key=lambda u: (-u.items, -u.reports))
            names = [first.name, second.name]
            ask = self._input_dialog(self.tr("Merge units"), self.tr("Keep which name? The other becomes a spelling of it:"))
            ask.setComboBoxItems(names)
            ask.setTextValue(first.name)
            if not self._answered(ask):
                return
            target = chosen[0] if ask.textValue() == chosen[0].name else chosen[1]
            source = chosen[1] if target is chosen[0] else chosen[0]
            self.merge_into(source.id, target.id)
        elif len(chosen) == 1:
            source = chosen[0]
            others = [u for u in self.model.all_units() if u.id != source.id]
            if not others:
                return
            ask = self._input_dialog(self.tr("Merge units"), self.tr("Merge “{name}” into:").format(name=source.name))
            ask.setComboBoxItems([u.name for u in others])
            if not self._answered(ask):
                return
            target = next((u for u in others if u.name == ask.textValue()), None)
            if target is not None:
                self.merge_into(source.id, target.id)

    def merge_into(self, source_id: int, target_id: int) -> bool:
        """Merge source into target through the undo stack; False when refused (the reason was shown)."""
        units = {u.id: u for u in self.model.all_units()}
        if source_id not in units or target_id not in units or source_id == target_id:
            return False
        command = MergeUnitsCommand(self.db, source_id=source_id, source_name=units[source_id].name,
                                    target_id=target_id, target_name=units[target_id].name)
        return self._push(command, select=target_id)

    # ----- helpers -----------------------------------------------------------------------------------------
    def _push(self, command: _ServiceCommand, *, select: int) -> bool:
        before = self.undo_stack.index()
        self.undo_stack.push(command)  # runs redo(); a refused command is not kept
        if command.error is not None:
            return False
        self.select_units([select])
        return self.undo_stack.index() == before + 1

    @staticmethod
    def _answered(ask: QInputDialog) -> bool:
        accepted = ask.exec() == QDialog.DialogCode.Accepted
        ask.deleteLater()  # its textValue() stays readable until the event loop runs again
        return accepted

    def _input_dialog(self, title: str, label: str) -> QInputDialog:
        ask = QInputDialog(self)
        ask.setWindowTitle(title)
        ask.setLabelText(label)
        ask.setOkButtonText(self.tr("OK"))
        ask.setCancelButtonText(self.tr("Cancel"))
        ask.setModal(True)
        return ask
