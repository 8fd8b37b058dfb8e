"""Message boxes with Vietnamese buttons (Qt ships no Vietnamese translation of its own "Yes"/"No")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A yes/no question; "No" is the default unless asked, so Enter never changes data by surprise."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(QCoreApplication.translate("Dialogs", "&Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(QCoreApplication.translate("Dialogs", "&No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes if default_yes else no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, text: str, *, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    """A message with a single OK button."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    ok = box.addButton(QCoreApplication.translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A refusal or error the user can act on."""
    inform(parent, title, text, icon=QMessageBox.Icon.Warning)


def fail(parent: QWidget | None, title: str, text: str) -> None:
    """An unexpected fault."""
    inform(parent, title, text, icon=QMessageBox.Icon.Critical)


def fault(parent: QWidget | None, title: str, text: str, details: str) -> None:
    """An unexpected fault: the message, a button that copies the technical details for support, and OK;
    the program keeps running."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setDetailedText(details)
    copy = box.addButton(QCoreApplication.translate("Dialogs", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # keep the box open after copying
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    ok = box.addButton(QCoreApplication.translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    box.exec()


def report_fault(parent: QWidget | None, exc: BaseException) -> None:
    """Log an unexpected exception in full and tell the officer in plain words, with the details to copy."""
    from desktop_app.logs import log_fault, started_log

    details = log_fault(exc)
    written = started_log()
    text = (QCoreApplication.translate("Dialogs", "An unexpected error occurred: %1")
            .replace("%1", str(exc) or type(exc).__name__) + "\n\n"
            + QCoreApplication.translate("Dialogs", "The last action may not have been completed; data saved "
                                                    "before it is not lost. The program keeps running.") + "\n\n"
            + (QCoreApplication.translate("Dialogs", "The details were written to %1.").replace("%1", str(written))
               if written is not None else
               QCoreApplication.translate("Dialogs", "The details could not be written to a log file: copy them "
                                                     "with «Copy details» for support.")))
    fault(parent, QCoreApplication.translate("Dialogs", "Unexpected error"), text, details)


def open_file(parent: QWidget | None, title: str, start: str, filters: str) -> str | None:
    """Ask for one existing file; Windows shows its own (localised) dialog, elsewhere Qt's is labelled here."""
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    labels = {
        QFileDialog.DialogLabel.LookIn: QCoreApplication.translate("Dialogs", "Look in:"),
        QFileDialog.DialogLabel.FileName: QCoreApplication.translate("Dialogs", "File name:"),
        QFileDialog.DialogLabel.FileType: QCoreApplication.translate("Dialogs", "Files of type:"),
        QFileDialog.DialogLabel.Accept: QCoreApplication.translate("Dialogs", "Open"),
        QFileDialog.DialogLabel.Reject: QCoreApplication.translate("Dialogs", "Cancel"),
    }
    for label, text in labels.items():
        dialog.setLabelText(label, text)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return dialog.selectedFiles()[0]


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The error display: our own errors (AppError) in plain words, anything else as an unexpected fault."""
    from desktop_app.errors import AppError

    if isinstance(exc, AppError):
        warn(parent, QCoreApplication.translate("ImportFlow", "Cannot do this"), exc.full_message())
    else:
        report_fault(parent, exc)
