"""Settings → Report header and recipients: the issuing body, place, signer and "Nơi nhận" list printed on
every official report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.domain.report import ReportSettings
from desktop_app.services.settings import report_settings, save_report_settings

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


class ReportSettingsDialog(QDialog):
    """Edit the report settings kept in the database."""

    def __init__(self, db: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Report header and recipients"))
        self.setMinimumWidth(560)
        current = report_settings(db)
        self.issuing_body = QLineEdit(current.issuing_body)
        self.issuing_body.setPlaceholderText(self.tr("From the plan: UBND XÃ <commune>"))
        self.place = QLineEdit(current.place)
        self.place.setPlaceholderText(self.tr("From the plan: the commune's name"))
        self.on_behalf = QLineEdit(current.signer_on_behalf)
        self.title = QLineEdit(current.signer_title)
        self.signer = QLineEdit(current.signer_name)
        self.signer.setPlaceholderText(self.tr("Left blank to be written by hand"))
        self.recipients = QPlainTextEdit("\n".join(current.recipients))
        self.recipients.setTabChangesFocus(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Issuing body:"), self.issuing_body)
        form.addRow(self.tr("&Place before the date:"), self.place)
        form.addRow(self.tr("Signing &on behalf of:"), self.on_behalf)
        form.addRow(self.tr("Signer's &title:"), self.title)
        form.addRow(self.tr("Signer's &name:"), self.signer)
        form.addRow(self.tr("&Recipients (one per line):"), self.recipients)
        form.addRow(QLabel(self.tr("These settings are kept in the database and used by every report.")))
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def settings(self) -> ReportSettings:
        """What the fields hold."""
        return ReportSettings(
            issuing_body=self.issuing_body.text(), place=self.place.text(),
            signer_on_behalf=self.on_behalf.text(), signer_title=self.title.text(),
            signer_name=self.signer.text(), recipients=tuple(self.recipients.toPlainText().splitlines()),
        )

    def accept(self) -> None:
        save_report_settings(self.db, self.settings())
        super().accept()
