"""The optional sign-in: Settings → Accounts and sign-in… and Sign out, who is signed in shown at the right of
the status bar, and the sign-in asked before anything else at start."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QToolButton

from desktop_app.services import accounts
from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.dialogs.accounts import AccountsDialog
from desktop_app.ui.dialogs.sign_in import SignInDialog


class AccountsFlow(Controller):
    """Settings → Accounts and sign-in…, Sign out; the signed-in account in the status bar."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.sign_in_dialog: SignInDialog | None = None  # while it shows (tests fill it in)
        self.accounts_action = self.action(self.tr("&Accounts and sign-in…"), None, self.manage_accounts)
        self.sign_out_action = self.action(self.tr("Sign &out"), None, self.sign_out)
        self.account_label = QLabel()
        self.account_button = QToolButton()
        self.account_button.setAutoRaise(True)
        self.account_button.clicked.connect(self._account_button_clicked)
        self.window.statusBar().addPermanentWidget(self.account_label)
        self.window.statusBar().addPermanentWidget(self.account_button)
        self.officer_action = None  # the audit's Officer name…, disabled while an account is signed in
        accounts.resume(self.db)  # a window on a reopened file (after a restore) keeps who signed in

    def show_signed_in(self) -> None:
        """Who is signed in, at the right of the status bar (nothing while sign-in is off and nobody is)."""
        me = accounts.current_account(self.db)
        required = accounts.sign_in_required(self.db)
        if me is not None:
            role = self.tr("administrator") if me.is_admin else self.tr("officer of %1").replace(
                "%1", me.unit_name or "?")
            self.account_label.setText(self.tr("Signed in: %1 (%2)").replace("%1", me.full_name).replace("%2", role))
            self.account_button.setText(self.tr("Sign out"))
        else:
            self.account_label.setText(self.tr("Not signed in"))
            self.account_button.setText(self.tr("Sign in…"))
        self.account_label.setVisible(me is not None or required)
        self.account_button.setVisible(me is not None or required)
        self.sign_out_action.setEnabled(me is not None)
        # the audit trail names the account signed in: the officer's own name does not apply meanwhile
        if self.officer_action is not None:
            self.officer_action.setEnabled(me is None)

    def _account_button_clicked(self) -> None:
        if accounts.current_account(self.db) is not None:
            self.sign_out()
        else:
            self.sign_in_again()

    def manage_accounts(self) -> AccountsDialog:
        """Settings → Accounts and sign-in…: the accounts and the "Require sign-in" switch (a window of its own)."""
        dialog = AccountsDialog(self.db, self.window)
        dialog.changed.connect(self.show_signed_in)
        dialog.show()
        return dialog

    def sign_in_again(self) -> bool:
        """Ask for a login and password (the data stays hidden meanwhile); True when someone signed in."""
        return self.ask_sign_in(close_on_cancel=False)

    def sign_out(self) -> bool:
        """Sign out; when the data requires sign-in, the sign-in window comes back (cancelling it closes the
        program). True when someone is signed in afterwards."""
        accounts.sign_out(self.db)
        self.show_signed_in()
        if not accounts.sign_in_required(self.db):
            return False
        return self.ask_sign_in(close_on_cancel=True)

    def ask_sign_in(self, *, close_on_cancel: bool) -> bool:
        """The sign-in window over the main window, whose data is hidden until someone signs in; cancelled with
        close_on_cancel, the main window closes (and with it the program). True when someone signed in."""
        central = self.window.centralWidget()
        central.setVisible(False)
        self.sign_in_dialog = SignInDialog(self.db, self.window)
        signed = self.sign_in_dialog.exec() == QDialog.DialogCode.Accepted
        self.sign_in_dialog = None
        central.setVisible(True)
        self.show_signed_in()
        if not signed and close_on_cancel:
            self.window.close()
        return signed

    def sign_in_at_start(self) -> bool:
        """Before anything else at start: when the data requires sign-in and nobody is signed in, ask (cancelling
        closes the program). False when the program is closing."""
        if accounts.current_account(self.db) is not None or not accounts.sign_in_required(self.db):
            return True
        return self.ask_sign_in(close_on_cancel=True)
