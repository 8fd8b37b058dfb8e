"""The sign-in window, the accounts window and sign-in in the main window, driven like a user would."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QLineEdit

from db.engine import Database
from db.models import utcnow
from desktop_app.services import account_admin, accounts
from desktop_app.services.accounts import ADMIN, UNIT_OFFICER, WRONG
from desktop_app.services.editing import item_detail
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.accounts import AccountEditor, AccountsDialog
from desktop_app.ui.dialogs.sign_in import MAX_FAILURES, SignInDialog
from desktop_app.ui.main_window import MainWindow
from tests.conftest import MINH_TAN

ADMIN_PW, OFFICER_PW = "quản trị 2026", "công an 2026"


@pytest.fixture
def app() -> Any:
    return make_app()


@pytest.fixture
def people(db: Database) -> Iterator[dict[str, int]]:
    """Minh Tân's plan, an administrator and an officer of Công an xã, sign-in on, nobody signed in."""
    plan = import_file(db, path=MINH_TAN).plan_id
    police = next(u for u in _units(db) if u.name == "Công an xã")
    account_admin.create_account(db, login="admin", full_name="Nguyễn Văn Quản", role=ADMIN, password=ADMIN_PW)
    account_admin.create_account(db, login="lan", full_name="Trần Thị Lan", role=UNIT_OFFICER, password=OFFICER_PW,
                            unit_id=police.id)
    accounts.sign_in(db, login="admin", password=ADMIN_PW)
    account_admin.set_sign_in_required(db, required=True)
    accounts.sign_out(db)
    yield {"plan": plan, "police": police.id}


def _units(db: Database) -> list[Any]:
    from desktop_app.services.units import list_units

    return list_units(db)


def _sign_in_dialog(qtbot: Any, db: Database, **kwargs: Any) -> SignInDialog:
    dialog = SignInDialog(db, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type(qtbot: Any, dialog: SignInDialog, login: str, password: str) -> None:
    dialog.login.setText(login)  # (QTest types Latin-1 letters only: Vietnamese text is set)
    dialog.password.setText(password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter signs in


def test_the_right_password_signs_in(qtbot: Any, app: Any, db: Database, people: dict[str, int]) -> None:
    dialog = _sign_in_dialog(qtbot, db)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    _type(qtbot, dialog, "LAN", OFFICER_PW)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.login == "lan"
    assert accounts.current_account(db) == dialog.account and db.actor == "Trần Thị Lan"


def test_a_wrong_password_is_refused_with_the_message(qtbot: Any, app: Any, db: Database,
                                                       people: dict[str, int]) -> None:
    dialog = _sign_in_dialog(qtbot, db)
    _type(qtbot, dialog, "lan", "không phải mật khẩu")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == WRONG and dialog.password.text() == ""
    assert accounts.current_account(db) is None


def test_five_failures_make_it_wait(qtbot: Any, app: Any, db: Database, people: dict[str, int]) -> None:
    times = [utcnow()]  # the clock of the account's own wait (kept in the database): moved, not waited for
    dialog = _sign_in_dialog(qtbot, db, lock_seconds=1, clock=lambda: times[0])
    for _ in range(MAX_FAILURES):
        _type(qtbot, dialog, "lan", "sai mật khẩu")
    assert dialog.locked and not dialog.sign_in_button.isEnabled() and not dialog.password.isEnabled()
    assert "1" in dialog.error.text()
    dialog.accept()  # Enter while waiting does nothing
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=20000)
    _type(qtbot, dialog, "lan", OFFICER_PW)  # the account still waits its 30 s: the window waits with it
    assert dialog.locked and "30" in dialog.error.text() and dialog.result() != QDialog.DialogCode.Accepted
    times[0] += timedelta(seconds=31)
    dialog._left = 1  # the window's own count-down: its next tick ends it
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=20000)
    _type(qtbot, dialog, "lan", OFFICER_PW)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_accounts_window_creates_an_account(qtbot: Any, app: Any, db: Database) -> None:
    import_file(db, path=MINH_TAN)
    dialog = AccountsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0 and not dialog.required.isChecked()
    editor = dialog.add_account()
    assert isinstance(editor, AccountEditor)
    qtbot.keyClicks(editor.login, "lan")
    editor.full_name.setText("Trần Thị Lan")
    editor.role.setCurrentIndex(editor.role.findData(UNIT_OFFICER))
    assert editor.unit.isEnabled()
    editor.unit.setCurrentIndex(editor.unit.findText("Công an xã"))
    editor.password.setText(OFFICER_PW)
    editor.repeat.setText(OFFICER_PW + "x")
    editor.accept()
    assert editor.isVisible() and editor.error.text() and not account_admin.list_accounts(db)  # two passwords differ
    editor.repeat.setText(OFFICER_PW)
    editor.accept()
    assert editor.result() == QDialog.DialogCode.Accepted
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "lan"
    assert dialog.table.item(0, 3).text() == "Công an xã"
    [made] = account_admin.list_accounts(db)
    assert made.role == UNIT_OFFICER and made.full_name == "Trần Thị Lan"


def test_requiring_sign_in_with_no_account_makes_the_first_administrator(qtbot: Any, app: Any, db: Database) -> None:
    dialog = AccountsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.required.click()
    editor = dialog.pending
    assert isinstance(editor, AccountEditor) and not editor.role.isEnabled()
    editor.login.setText("admin")
    editor.full_name.setText("Nguyễn Văn Quản")
    editor.password.setText("ngắn")
    editor.repeat.setText("ngắn")
    editor.accept()
    assert "ít nhất 8 ký tự" in editor.error.text() and not accounts.sign_in_required(db)
    editor.password.setText(ADMIN_PW)
    editor.repeat.setText(ADMIN_PW)
    editor.accept()
    assert accounts.sign_in_required(db) and dialog.required.isChecked()
    me = accounts.current_account(db)
    assert me is not None and me.is_admin


def test_an_officer_sees_the_accounts_window_but_cannot_change_it(qtbot: Any, app: Any, db: Database,
                                                                   people: dict[str, int]) -> None:
    accounts.sign_in(db, login="lan", password=OFFICER_PW)
    dialog = AccountsDialog(db)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert not dialog.add_button.isEnabled() and not dialog.edit_button.isEnabled()
    assert not dialog.required.isEnabled() and dialog.own_button.isEnabled()


def _answer_sign_in(qtbot: Any, window: MainWindow, login: str | None, password: str = "") -> None:
    """When the window's sign-in dialog shows: type login and password and press Enter (None: cancel)."""
    deadline = time.monotonic() + 10

    def attempt() -> None:
        dialog = window.accounts.sign_in_dialog
        if dialog is None or not dialog.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(20, attempt)
            return
        if login is None:
            dialog.reject()
            return
        dialog.login.setText(login)
        dialog.password.setText(password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(0, attempt)


def _window(qtbot: Any, db: Database) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_at_start_the_sign_in_comes_first_and_names_who_is_signed_in(
        qtbot: Any, app: Any, db: Database, people: dict[str, int]) -> None:
    window = _window(qtbot, db)
    assert window.accounts.account_label.isVisible() and window.accounts.account_button.text() != ""
    _answer_sign_in(qtbot, window, "lan", OFFICER_PW)
    assert window.accounts.sign_in_at_start()
    assert "Trần Thị Lan" in window.accounts.account_label.text() and window.centralWidget().isVisible()
    assert not window.audit.officer_action.isEnabled()  # the audit names the account meanwhile
    assert window.accounts.sign_in_at_start()  # signed in: not asked again
    _answer_sign_in(qtbot, window, "admin", ADMIN_PW)
    assert window.accounts.sign_out()  # sign out returns to the sign-in window
    assert accounts.current_account(db).login == "admin"  # type: ignore[union-attr]


def test_cancelling_the_sign_in_at_start_closes_the_program(
        qtbot: Any, app: Any, db: Database, people: dict[str, int]) -> None:
    window = _window(qtbot, db)
    _answer_sign_in(qtbot, window, None)
    assert not window.accounts.sign_in_at_start()
    assert not window.isVisible()


def test_an_officers_refused_item_edit_is_shown_in_the_form_and_the_window_stays(
        qtbot: Any, app: Any, db: Database, people: dict[str, int]) -> None:
    accounts.sign_in(db, login="lan", password=OFFICER_PW)
    window = _window(qtbot, db)
    item = item_by_number(db, plan_id=people["plan"], number="8.1")
    window.browser.item_form.load(item)
    window.browser.item_form.note.setText("cán bộ đơn vị thử sửa")
    window.browser.item_form.save()
    assert "không được sửa chỉ tiêu/nhiệm vụ: chỉ quản trị viên" in window.browser.item_form.error.text()
    assert item_detail(db, item_id=item).note != "cán bộ đơn vị thử sửa"
    assert window.isVisible() and window.undo_stack.count() == 0
