"""The dialog shown after an import: what was created and every warning, each naming its row."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.importing import ImportResult


class ImportReportDialog(QDialog):
    """Summary line plus a list of warnings the officer should check."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        summary = self.tr(
            "Imported the plan of commune {commune} ({number}): {sections} sections, {groups} groups, "
            "{items} indicators and tasks.",
        ).format(
            commune=result.commune or "?",
            number=result.plan_number or self.tr("no number"),
            sections=result.sections,
            groups=result.groups,
            items=result.items,
        )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warnings = QListWidget()
        self.warnings.setWordWrap(True)
        self.warnings.addItems([w.message for w in result.warnings])
        if result.warnings:
            layout.addWidget(QLabel(self.tr("Warnings to check ({n}):").format(n=len(result.warnings))))
            layout.addWidget(self.warnings)
        else:
            self.warnings.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
