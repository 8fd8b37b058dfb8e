"""Undoable structure edits: plan header, sections and groups, adding, deleting and moving items. The work is
done before the command is pushed, so a refusal never reaches the undo stack; what changed goes to the hub on
the edit, its undo and its redo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services import structure
from desktop_app.services.changes import Changes
from desktop_app.ui import messages
from desktop_app.ui.controllers.base import Context, Controller

if TYPE_CHECKING:
    from desktop_app.ui.widgets.plan_browser import PlanBrowser

HEADINGS = {"plans", "sections", "groups"}
ITEMS = {"items", "targets", "deadlines", "assignments", "progress_reports"}


class DoneCommand(QUndoCommand):
    """A change already made; undo and redo call the given functions, then refresh (tell what changed)."""

    def __init__(self, text: str, undo: Callable[[], Any], redo: Callable[[], Any],
                 refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self._undo, self._redo, self._refresh = undo, redo, refresh
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()
        self._refresh()

    def undo(self) -> None:
        self._undo()
        self._refresh()


class PlanHeaderDialog(QDialog):
    """Commune, plan number, date (or none) and year."""

    def __init__(self, header: structure.PlanHeader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan information"))
        self.commune, self.number = QLineEdit(header.commune), QLineEdit(header.plan_number)
        self.no_date = QCheckBox(self.tr("No date yet"))
        self.plan_date = QDateEdit()
        self.plan_date.setDisplayFormat("dd/MM/yyyy")
        self.plan_date.setCalendarPopup(True)
        d = header.plan_date
        self.plan_date.setDate(QDate(d.year, d.month, d.day) if d else QDate.currentDate())
        self.no_date.setChecked(d is None)
        self.plan_date.setEnabled(d is not None)
        self.no_date.toggled.connect(lambda checked: self.plan_date.setEnabled(not checked))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(header.year or date.today().year)
        form = QFormLayout(self)
        form.addRow(self.tr("Commune"), self.commune)
        form.addRow(self.tr("Plan number"), self.number)
        form.addRow(self.tr("Plan date"), self.plan_date)
        form.addRow("", self.no_date)
        form.addRow(self.tr("Year"), self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def header(self) -> structure.PlanHeader:
        """The values typed."""
        return structure.PlanHeader(self.commune.text(), self.number.text(),
                                    None if self.no_date.isChecked() else self.plan_date.date().toPython(),
                                    self.year.value())


class StructureActions(Controller):
    """Edit → Add, Delete, Move item; Plan information; Rename and move a section or group. Each edit pushes a
    DoneCommand on the window's undo stack."""

    def __init__(self, ctx: Context, stack: QUndoStack, browser: PlanBrowser) -> None:
        super().__init__(ctx)
        self.stack, self.browser = stack, browser
        table, tree = browser.table, browser.tree
        self.add_item_action = self.action(self.tr("&Add item after this one"), "Ins", self.add_current_item,
                                           widget=table)
        self.delete_item_action = self.action(self.tr("&Delete item…"), QKeySequence.StandardKey.Delete,
                                              self.delete_current_item, widget=table)
        self.item_up_action = self.action(self.tr("Move item &up"), "Alt+Up", lambda: self.move_current_item(-1),
                                          widget=table)
        self.item_down_action = self.action(self.tr("Move item do&wn"), "Alt+Down",
                                            lambda: self.move_current_item(1), widget=table)
        self.plan_info_action = self.action(self.tr("&Plan information…"), None, self.edit_current_plan)
        self.rename_heading_action = self.action(self.tr("&Rename section or group…"), "F2",
                                                 self.rename_current_heading, widget=tree)
        self.heading_up_action = self.action(self.tr("Move section or group up"), "Alt+Up",
                                             lambda: self.move_current_heading(-1), widget=tree)
        self.heading_down_action = self.action(self.tr("Move section or group down"), "Alt+Down",
                                               lambda: self.move_current_heading(1), widget=tree)
        browser.items_model.move_requested.connect(self.drag_item)

    @property
    def actions_for_items(self) -> list[QAction]:
        """The item actions, in menu order."""
        return [self.add_item_action, self.delete_item_action, self.item_up_action, self.item_down_action]

    @property
    def actions_for_headings(self) -> list[QAction]:
        """The plan and heading actions, in menu order."""
        return [self.plan_info_action, self.rename_heading_action, self.heading_up_action, self.heading_down_action]

    def _changed(self, tables: set[str]) -> Callable[[], None]:
        return lambda: self.ctx.hub.publish(Changes.of(tables | {"audit_log"}))

    def _run(self, work: Callable[[], Any]) -> Any:
        try:
            return work()
        except AppError as exc:
            messages.warn(self.window, self.tr("Cannot do this"), exc.full_message())
            return None

    # ----- on what is selected ----------------------------------------------------------------------------
    def add_current_item(self) -> None:
        """Add an item after the selected one and put the cursor on it."""
        current = self.browser.current_item()
        if current is not None and (new_id := self.add_item(current[0])) is not None:
            self.browser.select_item(new_id)

    def delete_current_item(self) -> None:
        """Delete the selected item (after confirmation; undoable)."""
        if (current := self.browser.current_item()) is not None:
            self.delete_item(*current)

    def move_current_item(self, step: int) -> None:
        """Move the selected item up or down within its group."""
        if (current := self.browser.current_item()) is not None and self.move_item(current[0], step):
            self.browser.select_item(current[0])

    def edit_current_plan(self) -> None:
        """Edit the commune, number, date and year of the current plan."""
        if (plan_id := self.current_plan()) is not None:
            self.edit_plan(plan_id)

    def _heading(self) -> tuple[str, int, str] | None:
        selection, index = self.browser.current_selection(), self.browser.tree.currentIndex()
        if selection is None or selection.section_id is None:
            return None
        kind = "group" if selection.group_id is not None else "section"
        heading_id = selection.group_id if selection.group_id is not None else selection.section_id
        return kind, heading_id, index.data(Qt.ItemDataRole.ToolTipRole) or ""

    def rename_current_heading(self) -> None:
        """Rename the selected section or group."""
        if (heading := self._heading()) is not None:
            self.rename_heading(*heading)

    def move_current_heading(self, step: int) -> None:
        """Move the selected section or group up or down."""
        if (heading := self._heading()) is not None:
            self.move_heading(heading[0], heading[1], step)

    # ----- the edits --------------------------------------------------------------------------------------
    def edit_plan(self, plan_id: int, header: structure.PlanHeader | None = None) -> bool:
        """Ask for (or take) new header values and save them."""
        if header is None:
            dialog = PlanHeaderDialog(structure.plan_header(self.db, plan_id=plan_id), self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            header = dialog.header()
        new = header
        before = self._run(lambda: structure.update_plan(self.db, plan_id=plan_id, header=new))
        if before is None:
            return False
        self.stack.push(DoneCommand(self.tr("Edit plan information"),
                                    lambda: structure.update_plan(self.db, plan_id=plan_id, header=before),
                                    lambda: structure.update_plan(self.db, plan_id=plan_id, header=new),
                                    self._changed(HEADINGS)))
        self._changed(HEADINGS)()
        return True

    def rename_heading(self, kind: str, heading_id: int, current: str, title: str | None = None) -> bool:
        """Rename a section or group (asking for the name when not given)."""
        if title is None:
            title, ok = QInputDialog.getText(self.window, self.tr("Rename"), self.tr("New title:"), text=current)
            if not ok:
                return False
        new = title
        before = self._run(lambda: structure.rename_heading(self.db, kind=kind, heading_id=heading_id, title=new))
        if before is None:
            return False
        self.stack.push(DoneCommand(self.tr("Rename “{old}”").format(old=before),
                                    lambda: structure.rename_heading(self.db, kind=kind, heading_id=heading_id,
                                                                     title=before),
                                    lambda: structure.rename_heading(self.db, kind=kind, heading_id=heading_id,
                                                                     title=new),
                                    self._changed(HEADINGS)))
        self._changed(HEADINGS)()
        return True

    def move_heading(self, kind: str, heading_id: int, step: int) -> bool:
        """Move a section or group up or down."""
        if not self._run(lambda: structure.move_heading(self.db, kind=kind, heading_id=heading_id, step=step)):
            return False
        self.stack.push(DoneCommand(self.tr("Move heading"),
                                    lambda: structure.move_heading(self.db, kind=kind, heading_id=heading_id,
                                                                   step=-step),
                                    lambda: structure.move_heading(self.db, kind=kind, heading_id=heading_id,
                                                                   step=step),
                                    self._changed(HEADINGS)))
        self._changed(HEADINGS)()
        return True

    def move_item(self, item_id: int, step: int) -> bool:
        """Move an item up or down within its group."""
        if not self._run(lambda: structure.move_item(self.db, item_id=item_id, step=step)):
            return False
        self.stack.push(DoneCommand(self.tr("Move item"),
                                    lambda: structure.move_item(self.db, item_id=item_id, step=-step),
                                    lambda: structure.move_item(self.db, item_id=item_id, step=step),
                                    self._changed(ITEMS)))
        self._changed(ITEMS)()
        return True

    def drag_item(self, item_id: int, target_item_id: int) -> bool:
        """Move an item to where another of its group stands (dropped there in the table)."""
        steps = self._run(lambda: structure.move_item_to(self.db, item_id=item_id, target_item_id=target_item_id))
        if not steps:
            return False
        self.stack.push(DoneCommand(self.tr("Move item"),
                                    lambda: structure.move_item_by(self.db, item_id=item_id, steps=-steps),
                                    lambda: structure.move_item_by(self.db, item_id=item_id, steps=steps),
                                    self._changed(ITEMS)))
        self._changed(ITEMS)()
        return True

    def add_item(self, after_item_id: int) -> int | None:
        """Add an item after another; undo deletes it, redo puts the same item back."""
        new_id = self._run(lambda: structure.add_item(self.db, after_item_id=after_item_id))
        if new_id is None:
            return None
        holder: dict[str, Any] = {}

        def undo() -> None:
            holder["snapshot"] = structure.delete_item(self.db, item_id=new_id)

        self.stack.push(DoneCommand(self.tr("Add item"), undo,
                                    lambda: structure.restore_deleted(self.db, snapshot=holder["snapshot"]),
                                    self._changed(HEADINGS | ITEMS)))
        self._changed(HEADINGS | ITEMS)()
        return int(new_id)

    def delete_item(self, item_id: int, label: str, *, confirm: bool = True) -> bool:
        """Delete an item after confirmation; undo puts it back with its targets, units and reports."""
        if confirm and not messages.ask(self.window, self.tr("Delete item"),
                                        self.tr("Delete “{label}” with its targets, units and reported results? "
                                                "You can undo it with Ctrl+Z.").format(label=label)):
            return False
        holder: dict[str, Any] = {}
        snapshot = self._run(lambda: structure.delete_item(self.db, item_id=item_id))
        if snapshot is None:
            return False
        holder["snapshot"] = snapshot

        def redo() -> None:
            holder["snapshot"] = structure.delete_item(self.db, item_id=item_id)

        self.stack.push(DoneCommand(self.tr("Delete item {label}").format(label=label),
                                    lambda: structure.restore_deleted(self.db, snapshot=holder["snapshot"]),
                                    redo, self._changed(HEADINGS | ITEMS)))
        self._changed(HEADINGS | ITEMS)()
        return True
