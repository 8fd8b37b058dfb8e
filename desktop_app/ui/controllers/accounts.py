"""The main window's part for the optional sign-in: Settings → Accounts and sign-in… and Sign out, who is
signed in shown at the right of the status bar, and the sign-in asked before anything else at start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QToolButton

from desktop_app.services import accounts
from desktop_app.ui.dialogs.accounts import AccountsDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog


class AccountsFlow:
    """Mixed into MainWindow (which provides db, _action, statusBar and officer_action)."""

    def _build_accounts(self, settings_menu: QMenu) -> None:
        window: Any = self
        self.accounts_action = window._action(
            QCoreApplication.translate("AccountsFlow", "&Accounts and sign-in…"), None, self.manage_accounts)
        self.sign_out_action = window._action(
            QCoreApplication.translate("AccountsFlow", "Sign &out"), None, self.sign_out)
        settings_menu.addAction(self.accounts_action)
        settings_menu.addAction(self.sign_out_action)
        self.account_label = QLabel()
        self.account_button = QToolButton()
        self.account_button.setAutoRaise(True)
        self.account_button.clicked.connect(self._account_button_clicked)
        window.statusBar().addPermanentWidget(self.account_label)
        window.statusBar().addPermanentWidget(self.account_button)
        accounts.resume(window.db)  # a window on a reopened file (after a restore) keeps who signed in
        self.show_signed_in()

    def show_signed_in(self) -> None:
        """Who is signed in, at the right of the status bar (nothing while sign-in is off and nobody is)."""
        window: Any = self
        me = accounts.current_account(window.db)
        required = accounts.sign_in_required(window.db)
        if me is not None:
            role = (QCoreApplication.translate("AccountsFlow", "administrator") if me.is_admin else
                    QCoreApplication.translate("AccountsFlow", "officer of %1").replace("%1", me.unit_name or "?"))
            shown = QCoreApplication.translate("AccountsFlow", "Signed in: %1 (%2)")
            self.account_label.setText(shown.replace("%1", me.full_name).replace("%2", role))
            self.account_button.setText(QCoreApplication.translate("AccountsFlow", "Sign out"))
        else:
            self.account_label.setText(QCoreApplication.translate("AccountsFlow", "Not signed in"))
            self.account_button.setText(QCoreApplication.translate("AccountsFlow", "Sign in…"))
        self.account_label.setVisible(me is not None or required)
        self.account_button.setVisible(me is not None or required)
        self.sign_out_action.setEnabled(me is not None)
        # the audit trail names the account signed in: the officer's own name does not apply meanwhile
        officer_action = getattr(window, "officer_action", None)
        if officer_action is not None:
            officer_action.setEnabled(me is None)

    def _account_button_clicked(self) -> None:
        window: Any = self
        if accounts.current_account(window.db) is not None:
            self.sign_out()
        else:
            self.sign_in_again()

    def manage_accounts(self) -> AccountsDialog:
        """Settings → Accounts and sign-in…: the accounts and the "Require sign-in" switch (a window of its own)."""
        window: Any = self
        dialog = AccountsDialog(window.db, window)
        dialog.changed.connect(self.show_signed_in)
        dialog.show()
        return dialog

    def sign_in_again(self) -> bool:
        """Ask for a login and password (the data stays hidden meanwhile); True when someone signed in."""
        return ask_sign_in(self, close_on_cancel=False)

    def sign_out(self) -> bool:
        """Sign out; when the data requires sign-in, the sign-in window comes back (cancelling it closes the
        program). True when someone is signed in afterwards."""
        window: Any = self
        accounts.sign_out(window.db)
        self.show_signed_in()
        if not accounts.sign_in_required(window.db):
            return False
        return ask_sign_in(window, close_on_cancel=True)


def ask_sign_in(window: Any, *, close_on_cancel: bool) -> bool:
    """The sign-in window over the main window, whose data is hidden until someone signs in; cancelled with
    close_on_cancel, the main window closes (and with it the program). True when someone signed in."""
    central = window.centralWidget()
    central.setVisible(False)
    dialog = SignInDialog(window.db, window)
    window.sign_in_dialog = dialog  # tests fill it in
    signed = dialog.exec() == QDialog.DialogCode.Accepted
    window.sign_in_dialog = None
    central.setVisible(True)
    window.show_signed_in()
    if not signed and close_on_cancel:
        window.close()
    return signed


def sign_in_at_start(window: Any) -> bool:
    """Before anything else at start: when the data requires sign-in and nobody is signed in, ask (cancelling
    closes the program). False when the program is closing."""
    if accounts.current_account(window.db) is not None or not accounts.sign_in_required(window.db):
        return True
    return ask_sign_in(window, close_on_cancel=True)
