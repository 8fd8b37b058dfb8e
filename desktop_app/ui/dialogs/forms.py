"""Excel reporting forms in the window: the dialog that makes a unit's form for a period, the preview of a filled
form read back (what it changes, applied only on Apply); controllers/forms.py runs both off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from desktop_app.domain.file_names import safe_file_name
from desktop_app.services.plans import list_plans
from desktop_app.services.progress import list_periods
from desktop_app.services.progress_grid import implementing_units

if TYPE_CHECKING:
    from desktop_app.services import forms
    from desktop_app.services.workspace import Workspace


def _forms() -> Any:
    """The forms service, loaded on first use: openpyxl must not slow the window's start."""
    from desktop_app.services import forms

    return forms

SUFFIX = ".xlsx"
KIND_COLOURS = {"new": "#E2EFDA", "changed": "#FFF2CC", "unchanged": ""}  # forms.NEW, CHANGED, UNCHANGED


@dataclass(frozen=True)
class FormRequest:
    """The form the officer asked for."""

    plan_id: int
    unit: str
    period_id: int
    path: Path


class MakeFormDialog(QDialog):
    """Choose the plan, a unit implementing items in it, the period and where to save the form."""

    def __init__(self, db: Workspace, *, plan_id: int | None = None, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.db, self.today = db, today or date.today()
        self.setWindowTitle(self.tr("Make a reporting form for a unit"))
        self.setMinimumWidth(600)
        self.plan = QComboBox()
        no_number = self.tr("(no number)")
        for p in list_plans(db):
            self.plan.addItem(f"#{p.id} — xã {p.commune} — {p.plan_number or no_number}", p.id)
        self.unit = QComboBox()
        self.period = QComboBox()
        self.folder = QLineEdit()
        self.name = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder.setText(str(QSettings().value("forms/folder", documents or str(Path.home()))))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("The unit fills the yellow cells in Excel and sends the file back; "
                                     "read it with File → Read a filled reporting form…")))
        layout.addRow(self.tr("P&lan:"), self.plan)
        layout.addRow(self.tr("&Unit:"), self.unit)
        layout.addRow(self.tr("&Period:"), self.period)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder)
        layout.addRow(folder_label, row)
        layout.addRow(self.tr("File &name:"), self.name)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("&Make the form"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self.plan.currentIndexChanged.connect(self._plan_changed)
        self.unit.currentIndexChanged.connect(self._suggest_name)
        self.period.currentIndexChanged.connect(self._suggest_name)
        if plan_id is not None and (index := self.plan.findData(plan_id)) >= 0:
            self.plan.setCurrentIndex(index)
        self._plan_changed()

    def _plan_changed(self) -> None:
        plan_id = self.plan.currentData()
        self.unit.clear()
        self.period.clear()
        if plan_id is not None:
            for _uid, name in implementing_units(self.db, plan_id=plan_id):
                self.unit.addItem(name, name)
            current = 0
            for p in list_periods(self.db, plan_id=plan_id):
                self.period.addItem(p.label, p.id)
                if p.start <= self.today:
                    current = self.period.count() - 1
            self.period.setCurrentIndex(current)
        self.ok.setEnabled(self.unit.count() > 0 and self.period.count() > 0)
        self._suggest_name()

    def _suggest_name(self) -> None:
        if self.unit.currentData() is None or self.period.currentData() is None:
            return
        base = f"Bieu_mau_{self.unit.currentText()}_{self.period.currentText()}"
        self.name.setText(safe_file_name(base, SUFFIX, fallback="Bieu_mau"))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def request(self) -> FormRequest:
        """The choices made (call after exec() returned Accepted)."""
        name = safe_file_name(self.name.text().strip().removesuffix(SUFFIX), SUFFIX, fallback="Bieu_mau")
        return FormRequest(plan_id=self.plan.currentData(), unit=self.unit.currentData(),
                           period_id=self.period.currentData(), path=Path(self.folder.text()) / name)

    def accept(self) -> None:
        QSettings().setValue("forms/folder", self.folder.text())
        super().accept()


class FormPreviewDialog(QDialog):
    """What a filled form changes, field by field; nothing is written unless Apply is pressed."""

    COLUMNS = 6

    def __init__(self, preview: forms.FormPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Filled reporting form"))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("Unit: %1\nPeriod: %2\nPlan: %3").replace("%1", preview.unit_name)
                             .replace("%2", f"{preview.period_label} ({preview.period_code})")
                             .replace("%3", preview.plan_title))
        layout.addWidget(self.header)
        self.counts = QLabel(self.tr("New values: %1, changed: %2, unchanged: %3.")
                             .replace("%1", str(preview.count(_forms().NEW)))
                             .replace("%2", str(preview.count(_forms().CHANGED)))
                             .replace("%3", str(preview.count(_forms().UNCHANGED))))
        layout.addWidget(self.counts)
        self.table = QTableWidget(len(preview.changes), self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Stt"), self.tr("Indicator / task"), self.tr("Field"),
                                              self.tr("Before"), self.tr("After"), self.tr("Change")])
        kinds = {_forms().NEW: self.tr("new"), _forms().CHANGED: self.tr("changed"), _forms().UNCHANGED: self.tr("unchanged")}
        for r, c in enumerate(preview.changes):
            texts = (c.number, c.text, c.field_name, c.old, c.new, kinds[c.kind])
            for col, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text if len(text) > 40 else "")
                if KIND_COLOURS[c.kind]:
                    cell.setBackground(QBrush(QColor(KIND_COLOURS[c.kind])))
                self.table.setItem(r, col, cell)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(3, 160)
        self.table.setColumnWidth(4, 160)
        layout.addWidget(self.table, 1)
        if not preview.writes:
            layout.addWidget(QLabel(self.tr("The form changes nothing: every value is already recorded.")))
        self.buttons = QDialogButtonBox()
        self.apply = self.buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply.setEnabled(bool(preview.writes))
        self.cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
