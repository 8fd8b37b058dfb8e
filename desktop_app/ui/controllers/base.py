"""What every controller is built with, and the little each one shares: its actions, running a use case,
telling the status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop_app.ui.operations import ChangeHub, Operations, Task

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace
    from desktop_app.ui.models.plan_tree import Selection


class Browser(Protocol):
    """What a controller asks of the plan browser (the window's centre): the plan, section or group shown."""

    def current_selection(self) -> Selection | None: ...

    def show_plan(self, plan_id: int | None) -> None: ...


@dataclass(frozen=True)
class Context:
    """A controller's explicit context: the database, the window it acts in (parent of its dialogs, owner of
    the status bar), the runner of use cases and the one channel of changes."""

    db: Workspace
    window: QMainWindow
    operations: Operations
    hub: ChangeHub
    browser: Browser


class Controller(QObject):
    """One part of the window's work: it owns its actions (and so its menu entries) and runs its use cases."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self.db = ctx.db
        self.window = ctx.window

    def action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
               slot: Callable[..., Any], *, widget: QWidget | None = None) -> QAction:
        """An action of this controller; with widget, its shortcut works only while widget has the focus
        (Delete must not delete an item while the officer types in the form)."""
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if widget is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        return action

    def run(self, label: str, work: Callable[..., Any], done: Callable[[Any], None] | None = None,
            failed: Callable[[BaseException], None] | None = None, *, progress: bool = False) -> Task:
        """Run a use case in the background (see Operations.run)."""
        return self.ctx.operations.run(label, work, done, failed, progress=progress)

    def show_error(self, exc: BaseException) -> None:
        """Show an error with the window's error display."""
        self.ctx.operations.show_error(exc)

    def status(self, text: str, ms: int = 10000) -> None:
        """A line in the window's status bar."""
        self.window.statusBar().showMessage(text, ms)

    def current_plan(self) -> int | None:
        """The plan shown in the browser (None while there is none)."""
        selection = self.ctx.browser.current_selection()
        return selection.plan_id if selection is not None else None
