"""Settings → Accounts and sign-in: the accounts (add, edit, lock or unlock, set a password), one's own
password, and whether the program asks everyone to sign in. While sign-in is required only an administrator
may change anything here."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services import account_admin, accounts
from desktop_app.services.accounts import ADMIN, UNIT_OFFICER, Account
from desktop_app.services.units import list_units
from desktop_app.ui import messages
from desktop_app.ui.dialogs.sign_in import SignInDialog

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROLE_LABELS: tuple[tuple[str, Any], ...] = (
    (ADMIN, QT_TRANSLATE_NOOP("AccountEditor", "Administrator")),
    (UNIT_OFFICER, QT_TRANSLATE_NOOP("AccountEditor", "Unit officer")),
)
"""The role combo's choices: every domain.accounts.AccountRole."""


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("AccountsDialog", "Cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    return field


class AccountEditor(QDialog):
    """One account: login, full name, role, unit (for a unit officer), may sign in; a new account's password
    typed twice. first_admin: the very first account, an administrator, turning sign-in on."""

    def __init__(self, db: Workspace, parent: QWidget | None = None, *, account: Account | None = None,
                 first_admin: bool = False) -> None:
        super().__init__(parent)
        self.db, self.editing, self.first_admin = db, account, first_admin
        self.saved: Account | None = None
        self.setWindowTitle(self.tr("Create the first administrator") if first_admin else
                            self.tr("Edit account") if account else self.tr("New account"))
        layout = QVBoxLayout(self)
        if first_admin:
            note = QLabel(self.tr("Sign-in is turned on with this administrator account, which is signed in at once. "
                                  "Keep its password safe: only an administrator can turn sign-in off again."))
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.login = QLineEdit(account.login if account else "")
        self.login.setMaxLength(accounts.MAX_LOGIN)
        self.full_name = QLineEdit(account.full_name if account else "")
        self.full_name.setMaxLength(accounts.MAX_NAME)
        self.role = QComboBox()
        for role, label in ROLE_LABELS:
            self.role.addItem(self.tr(label), role)
        self.role.setCurrentIndex(max(0, self.role.findData(account.role if account else ADMIN)))
        self.role.setEnabled(not first_admin)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("(none)"), None)
        for unit in list_units(db):
            self.unit.addItem(unit.name, unit.id)
        if account is not None and account.unit_id is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(account.unit_id)))
        self.role.currentIndexChanged.connect(self._role_changed)
        self.active = QCheckBox(self.tr("May sign in (not locked)"))
        self.active.setChecked(account.active if account else True)
        self.password, self.repeat = _password_field(), _password_field()
        rows = [(self.tr("&Login:"), self.login), (self.tr("&Full name:"), self.full_name),
                (self.tr("&Role:"), self.role), (self.tr("&Unit:"), self.unit)]
        if account is None:
            rows += [(self.tr("&Password (at least 8 characters):"), self.password),
                     (self.tr("Password &again:"), self.repeat)]
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        if account is not None:
            form.addRow("", self.active)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("&Save")))
        self._role_changed()

    def _role_changed(self) -> None:
        self.unit.setEnabled(self.role.currentData() == UNIT_OFFICER)

    def accept(self) -> None:
        """Save through the accounts service; a refusal is shown in place and the dialog stays open."""
        role, unit_id = self.role.currentData(), self.unit.currentData()
        try:
            if self.editing is not None:
                self.saved = account_admin.update_account(
                    self.db, account_id=self.editing.id, login=self.login.text(), full_name=self.full_name.text(),
                    role=role, unit_id=unit_id, active=self.active.isChecked())
            elif self.password.text() != self.repeat.text():
                self.error.setText(self.tr("The two passwords are not the same."))
                return
            elif self.first_admin:
                self.saved = account_admin.setup_first_admin(self.db, login=self.login.text(),
                                                        full_name=self.full_name.text(), password=self.password.text())
            else:
                self.saved = account_admin.create_account(self.db, login=self.login.text(), full_name=self.full_name.text(),
                                                     role=role, unit_id=unit_id, password=self.password.text())
        except AppError as exc:
            self.error.setText(exc.message)
            return
        super().accept()


class PasswordDialog(QDialog):
    """A new password typed twice: for another account (an administrator sets it) or one's own (the current
    password asked first)."""

    def __init__(self, db: Workspace, parent: QWidget | None = None, *, account: Account | None = None) -> None:
        super().__init__(parent)
        self.db, self.account = db, account
        own = account is None
        title = self.tr("Set the password of «%1»").replace("%1", account.login) if account else ""
        self.setWindowTitle(self.tr("Change my password") if own else title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.old, self.new, self.repeat = _password_field(), _password_field(), _password_field()
        rows = [(self.tr("&Current password:"), self.old)] if own else []
        rows += [(self.tr("&New password (at least 8 characters):"), self.new),
                 (self.tr("Password &again:"), self.repeat)]
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("&Save")))

    def accept(self) -> None:
        """Store the new password; a refusal is shown in place."""
        if self.new.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return
        try:
            if self.account is None:
                account_admin.change_own_password(self.db, old_password=self.old.text(), new_password=self.new.text())
            else:
                account_admin.set_password(self.db, account_id=self.account.id, password=self.new.text())
        except AppError as exc:
            self.error.setText(exc.message)
            return
        super().accept()


class AccountsDialog(QDialog):
    """The accounts table, its buttons and the "Require sign-in" switch. changed is emitted after anything that
    may change who is signed in or whether sign-in is required."""

    changed = Signal()

    def __init__(self, db: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[Account] = []
        self.pending: QDialog | None = None  # the editor or sign-in window opened last (tests fill it in)
        self.setWindowTitle(self.tr("Accounts and sign-in"))
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("When sign-in is required, everyone signs in when the program starts. An administrator "
                               "edits the plan, units, merges and restores; a unit officer only records the results "
                               "of their own unit's items. Passwords are stored only as scrypt hashes."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.required = QCheckBox(self.tr("&Require sign-in when the program starts"))
        self.required.clicked.connect(self.set_required)
        layout.addWidget(self.required)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Login"), self.tr("Full name"), self.tr("Role"),
                                              self.tr("Unit"), self.tr("Status"), self.tr("Last sign-in")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda *_: self.edit_account())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.password_button = QPushButton(self.tr("Set &password…"))
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.own_button = QPushButton(self.tr("Change &my password…"))
        for button, slot in ((self.add_button, self.add_account), (self.edit_button, self.edit_account),
                             (self.password_button, self.set_password), (self.lock_button, self.toggle_lock),
                             (self.own_button, self.change_own_password)):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    # ----- showing ------------------------------------------------------------------------------------------
    def _may_manage(self) -> bool:
        me = accounts.current_account(self.db)
        return not accounts.sign_in_required(self.db) or (me is not None and me.is_admin)

    def refresh(self) -> None:
        """Read the accounts and the switch again."""
        selected = self.selected()
        self.rows = account_admin.list_accounts(self.db)
        self.table.setRowCount(len(self.rows))
        for r, account in enumerate(self.rows):
            role = self.tr("Administrator") if account.is_admin else self.tr("Unit officer")
            last = (account.last_sign_in_at.replace(tzinfo=UTC).astimezone().strftime("%d/%m/%Y %H:%M")
                    if account.last_sign_in_at else "")
            values = [account.login, account.full_name, role, account.unit_name or "",
                      self.tr("Active") if account.active else self.tr("Locked"), last]
            for c, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, account.id)
                self.table.setItem(r, c, cell)
            if selected is not None and account.id == selected.id:
                self.table.selectRow(r)
        self.required.setChecked(accounts.sign_in_required(self.db))
        me = accounts.current_account(self.db)
        if me is not None:
            text = self.tr("Signed in as %1.").replace("%1", f"{me.full_name} ({me.login})")
        else:
            text = self.tr("Nobody is signed in.")
        if not self._may_manage():
            text += " " + self.tr("Only an administrator can change accounts while sign-in is required.")
        self.status.setText(text)
        self._enable()

    def _enable(self) -> None:
        may, chosen = self._may_manage(), self.selected()
        self.required.setEnabled(may or not self.required.isChecked())
        self.add_button.setEnabled(may)
        for button in (self.edit_button, self.password_button, self.lock_button):
            button.setEnabled(may and chosen is not None)
        self.lock_button.setText(self.tr("&Unlock") if chosen is not None and not chosen.active else self.tr("&Lock"))
        self.own_button.setEnabled(accounts.current_account(self.db) is not None)

    def selected(self) -> Account | None:
        """The account of the selected row."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _open(self, dialog: QDialog) -> QDialog:
        self.pending = dialog
        dialog.accepted.connect(self._after)
        dialog.rejected.connect(self.refresh)
        dialog.open()
        return dialog

    def _after(self) -> None:
        self.refresh()
        self.changed.emit()

    # ----- actions ------------------------------------------------------------------------------------------
    def add_account(self) -> QDialog:
        """Add…: a new account."""
        return self._open(AccountEditor(self.db, self))

    def edit_account(self) -> QDialog | None:
        """Edit…: the selected account."""
        chosen = self.selected()
        return self._open(AccountEditor(self.db, self, account=chosen)) if chosen is not None else None

    def set_password(self) -> QDialog | None:
        """Set password…: a new password for the selected account."""
        chosen = self.selected()
        return self._open(PasswordDialog(self.db, self, account=chosen)) if chosen is not None else None

    def change_own_password(self) -> QDialog:
        """Change my password…: the signed-in account's own."""
        return self._open(PasswordDialog(self.db, self))

    def toggle_lock(self) -> None:
        """Lock / Unlock: whether the selected account may sign in."""
        chosen = self.selected()
        if chosen is None:
            return
        try:
            account_admin.update_account(self.db, account_id=chosen.id, full_name=chosen.full_name, role=chosen.role,
                                    unit_id=chosen.unit_id, active=not chosen.active)
        except AppError as exc:
            messages.warn(self, self.tr("Accounts and sign-in"), exc.full_message())
        self._after()

    def set_required(self, checked: bool) -> QDialog | None:
        """The switch: turning sign-in on needs an administrator signed in here (the very first account is made
        one); turning it off needs an administrator."""
        me = accounts.current_account(self.db)
        if checked and not self.rows:
            return self._open(AccountEditor(self.db, self, first_admin=True))
        if checked and (me is None or not me.is_admin):
            note = self.tr("Sign in with an administrator account to require sign-in.")
            dialog = SignInDialog(self.db, self, note=note)
            dialog.accepted.connect(lambda: self._switch(True))
            return self._open(dialog)
        self._switch(checked)
        return None

    def _switch(self, required: bool) -> None:
        try:
            account_admin.set_sign_in_required(self.db, required=required)
        except AppError as exc:
            messages.warn(self, self.tr("Accounts and sign-in"), exc.full_message())
        self._after()
