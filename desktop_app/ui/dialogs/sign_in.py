"""The sign-in window: login and password (hidden while typed); Enter signs in. After five failed tries in a
row it waits thirty seconds before the next one; while an account waits after its own failures (kept in the
database, services.accounts), the window waits as long as the refusal says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services import accounts
from desktop_app.services.accounts import Account

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

MAX_FAILURES = 5
LOCK_SECONDS = 30


class SignInDialog(QDialog):
    """Asks for a login and password and signs that account in on db (self.account once accepted)."""

    def __init__(self, db: Workspace, parent: QWidget | None = None, *, note: str = "",
                 lock_seconds: int = LOCK_SECONDS, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.clock = clock  # the time now (UTC) the sign-in uses; None: the computer's
        self.account: Account | None = None
        self.failures = 0
        self.lock_seconds = lock_seconds
        self._left = 0
        self._message = ""
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(note or self.tr("This data requires signing in. Enter your login and password."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.login = QLineEdit()
        self.login.setMaxLength(accounts.MAX_LOGIN)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        for text, field in ((self.tr("&Login:"), self.login), (self.tr("&Password:"), self.password)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("&Sign in"))
        self.sign_in_button.setDefault(True)  # Enter in either field signs in
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)
        self.login.setFocus()

    @property
    def locked(self) -> bool:
        """Whether the dialog is waiting after too many failures."""
        return self._left > 0

    def accept(self) -> None:
        """Sign in with what was typed; a refusal is shown in place and the password field emptied."""
        if self.locked:
            return
        login, password = self.login.text(), self.password.text()
        if not login.strip() or not password:
            self.error.setText(self.tr("Enter your login and password."))
            (self.login if not login.strip() else self.password).setFocus()
            return
        try:
            self.account = accounts.sign_in(self.db, login=login, password=password, clock=self.clock)
        except AppError as exc:
            self.failures += 1
            self.password.clear()
            self.password.setFocus()
            if exc.code == accounts.WAIT_CODE:
                self._lock(int(exc.params.get("seconds", 1)), exc.message)
            elif self.failures >= MAX_FAILURES:
                self._lock()
            else:
                self.error.setText(exc.message)
            return
        super().accept()

    def _lock(self, seconds: int | None = None, message: str = "") -> None:
        self._left = self.lock_seconds if seconds is None else max(1, seconds)
        self._message = message
        for widget in (self.login, self.password, self.sign_in_button):
            widget.setEnabled(False)
        self._show_wait()
        self._timer.start()

    def _show_wait(self) -> None:
        if self._message:  # the account's own wait, as the refusal said it
            self.error.setText(self._message)
            return
        self.error.setText(self.tr("Wrong login or password %1 times in a row. Wait %2 seconds, then try again.")
                           .replace("%1", str(MAX_FAILURES)).replace("%2", str(self._left)))

    def _tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self._show_wait()
            return
        self._timer.stop()
        self.failures = 0
        for widget in (self.login, self.password, self.sign_in_button):
            widget.setEnabled(True)
        self.sign_in_button.setDefault(True)  # disabling it took the default away: Enter signs in again
        self.error.setText(self.tr("You can try again now."))
        self.password.setFocus()
