"""The dialog that chooses what a data package holds: every plan or one, one unit's part or everything, and
optionally only what changed since the last package sent to a named office."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.text import clean
from desktop_app.services.identity import trusted_senders
from desktop_app.services.plans import list_plans
from desktop_app.services.units import list_units

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


class PackageExportDialog(QDialog):
    """Scope of the package to write; values() gives the arguments of export_package (without out)."""

    def __init__(self, db: Workspace, *, plan_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send a data package"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The package is a signed file (.cdsx) to carry on a USB stick to another office, "
                               "which imports it with File → Import data package…"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.plan = QComboBox()
        self.plan.addItem(self.tr("All plans"), None)
        no_number = self.tr("no number")
        for p in list_plans(db):
            year = f" ({p.year})" if p.year else ""
            self.plan.addItem(f"xã {p.commune} — {p.plan_number or no_number}{year}", p.id)
        if plan_id is not None and (index := self.plan.findData(plan_id)) >= 0:
            self.plan.setCurrentIndex(index)
        form.addRow(self.tr("&Plans:"), self.plan)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("Every unit"), None)
        for unit in list_units(db):
            self.unit.addItem(unit.name, unit.name)
        self.unit.setToolTip(self.tr("Only the indicators assigned to this unit and the results it reported."))
        form.addRow(self.tr("&Unit:"), self.unit)
        self.only_changes = QCheckBox(self.tr("Only what changed since the last package sent to:"))
        self.recipient = QComboBox()
        self.recipient.setEditable(True)
        self.recipient.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for sender in trusted_senders(db):
            self.recipient.addItem(sender.name)
        self.recipient.setCurrentText("")
        self.recipient.lineEdit().setPlaceholderText(self.tr("Name of the receiving office"))
        self.recipient.setEnabled(False)
        self.only_changes.toggled.connect(self.recipient.setEnabled)
        self.only_changes.toggled.connect(self._check)
        self.recipient.editTextChanged.connect(self._check)
        form.addRow(self.only_changes)
        form.addRow(self.tr("&Recipient:"), self.recipient)
        layout.addLayout(form)
        hint = QLabel(self.tr("The first package for a recipient holds everything; later ones only the changes, "
                              "so they stay small."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("&Next…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ok.setDefault(True)

    def _check(self) -> None:
        self.ok.setEnabled(not self.only_changes.isChecked() or bool(clean(self.recipient.currentText())))

    def values(self) -> dict[str, Any]:
        """plan_id, unit and since_last_to for export_package (None: no limit)."""
        recipient = clean(self.recipient.currentText()) if self.only_changes.isChecked() else ""
        return {"plan_id": self.plan.currentData(), "unit": self.unit.currentData(),
                "since_last_to": recipient or None}
