"""The Edit menu's own actions: undo and redo over the window's one undo stack, the unit registry and the
list of this session's actions."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QUndoView, QVBoxLayout

from desktop_app.services.changes import Changes
from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.dialogs.unit_manager import UnitManagerDialog

UNIT_TABLES = {"units", "unit_aliases", "assignments", "audit_log"}


class EditFlow(Controller):
    """Edit → Undo, Redo, Units…, Undo history…"""

    def __init__(self, ctx: Context, stack: QUndoStack) -> None:
        super().__init__(ctx)
        self.stack = stack
        self.undo_action = stack.createUndoAction(self.window, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self.window, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self.units_action = self.action(self.tr("&Units…"), "Ctrl+U", self.manage_units)
        self.history_action = self.action(self.tr("Undo &history…"), None, self.show_undo_history)

    def manage_units(self) -> UnitManagerDialog:
        """The unit registry: rename and merge units (undoable with the same Ctrl+Z)."""
        dialog = UnitManagerDialog(self.db, self.stack, self.window)
        dialog.changed.connect(lambda: self.ctx.hub.publish(Changes.of(UNIT_TABLES)))
        dialog.open()
        return dialog

    def show_undo_history(self) -> QDialog:
        """Every action of this session, named in Vietnamese; clicking one undoes back to it."""
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("Undo history"))
        view = QUndoView(self.stack, dialog)
        view.setEmptyLabel(self.tr("<start of the session>"))
        QVBoxLayout(dialog).addWidget(view)
        dialog.resize(420, 360)
        dialog.show()
        return dialog
