"""The dialog that picks a report: which one (and its format), the plan, the period, the unit and where to save
it; the folder and the last choices are remembered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.domain.file_names import safe_file_name
from desktop_app.domain.report import APPENDIX, PROGRESS, UNIT
from desktop_app.services.plans import list_plans
from desktop_app.services.progress import list_periods
from desktop_app.services.progress_grid import implementing_units
from desktop_app.services.report_export import SUFFIXES

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


@dataclass(frozen=True)
class ReportRequest:
    """What the officer asked for."""

    kind: str
    fmt: str
    plan_id: int
    period_id: int | None
    unit: str | None
    path: Path
    open_after: bool


class ReportDialog(QDialog):
    """Pick a report. printing=True offers only the PDF reports and asks for no file."""

    def __init__(self, db: Workspace, *, plan_id: int | None = None, printing: bool = False,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db, self.printing, self.today = db, printing, today or date.today()
        self.setWindowTitle(self.tr("Print a report") if printing else self.tr("Export a report"))
        self.setMinimumWidth(620)
        self.choices = [
            (PROGRESS, "pdf", self.tr("Progress report (PDF)")),
            (PROGRESS, "docx", self.tr("Progress report, editable (Word)")),
            (UNIT, "pdf", self.tr("One unit's report (PDF)")),
            (UNIT, "docx", self.tr("One unit's report, editable (Word)")),
            (APPENDIX, "pdf", self.tr("Plan appendix for meetings (PDF)")),
            (APPENDIX, "docx", self.tr("Plan appendix for meetings (Word)")),
            (PROGRESS, "xlsx", self.tr("Excel workbook: appendix with every period's results")),
            (PROGRESS, "csv", self.tr("CSV data for pivot tables")),
        ]
        if printing:
            self.choices = [c for c in self.choices if c[1] == "pdf"]
        self.report = QComboBox()
        for _kind, _fmt, label in self.choices:
            self.report.addItem(label)
        self.plan = QComboBox()
        no_number = self.tr("(no number)")
        for p in list_plans(db):
            self.plan.addItem(f"#{p.id} — xã {p.commune} — {p.plan_number or no_number}", p.id)
        self.period = QComboBox()
        self.unit = QComboBox()
        self.unit.setEditable(False)
        self.folder = QLineEdit()
        self.name = QLineEdit()
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        self.open_after = QCheckBox(self.tr("&Open the file when it is ready"))
        settings = QSettings()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder.setText(str(settings.value("reports/folder", documents or str(Path.home()))))
        self.open_after.setChecked(str(settings.value("reports/open_after", "true")) == "true")
        form = QFormLayout(self)
        form.addRow(self.tr("&Report:"), self.report)
        form.addRow(self.tr("P&lan:"), self.plan)
        form.addRow(self.tr("&Period:"), self.period)
        form.addRow(self.tr("&Unit:"), self.unit)
        if not printing:
            row = QHBoxLayout()
            row.addWidget(self.folder, 1)
            row.addWidget(browse)
            folder_label = QLabel(self.tr("&Folder:"))
            folder_label.setBuddy(self.folder)  # a row holding a layout gets no buddy of its own
            form.addRow(folder_label, row)
            form.addRow(self.tr("File &name:"), self.name)
            form.addRow("", self.open_after)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("&Print…") if printing else self.tr("&Export"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.report.currentIndexChanged.connect(self._update)
        self.plan.currentIndexChanged.connect(self._plan_changed)
        self.period.currentIndexChanged.connect(self._suggest_name)
        self.unit.currentIndexChanged.connect(self._suggest_name)
        last = int(settings.value("reports/choice", 0) or 0)
        if plan_id is not None and (index := self.plan.findData(plan_id)) >= 0:
            self.plan.setCurrentIndex(index)
        self._plan_changed()
        self.report.setCurrentIndex(min(last, len(self.choices) - 1) if not printing else 0)
        self._update()
        self.ok.setEnabled(self.plan.count() > 0)

    @property
    def kind(self) -> str:
        return self.choices[self.report.currentIndex()][0]

    @property
    def fmt(self) -> str:
        return self.choices[self.report.currentIndex()][1]

    def _plan_changed(self) -> None:
        plan_id = self.plan.currentData()
        self.period.clear()
        self.unit.clear()
        if plan_id is None:
            return
        self.period.addItem(self.tr("Everything reported up to today"), None)
        current = 0
        for p in list_periods(self.db, plan_id=plan_id):
            self.period.addItem(p.label, p.id)
            if p.start <= self.today:
                current = self.period.count() - 1
        self.period.setCurrentIndex(current)
        for _uid, name in implementing_units(self.db, plan_id=plan_id):
            self.unit.addItem(name, name)
        self._update()

    def _update(self) -> None:
        self.period.setEnabled(self.kind != APPENDIX and self.fmt in ("pdf", "docx"))
        self.unit.setEnabled(self.kind == UNIT and self.unit.count() > 0)
        self._suggest_name()

    def _suggest_name(self) -> None:
        if self.plan.currentData() is None:
            return
        commune = self.plan.currentText().split(" — ")[1] if " — " in self.plan.currentText() else ""
        if self.kind == APPENDIX:
            base = f"Phụ lục kế hoạch chuyển đổi số - {commune}"
        elif self.fmt in ("xlsx", "csv"):
            base = f"Kết quả chuyển đổi số - {commune}"
        else:
            period = self.period.currentText() if self.period.currentData() is not None else f"đến {self.today:%d-%m-%Y}"
            base = f"Báo cáo chuyển đổi số {period} - {commune}"
            if self.kind == UNIT and self.unit.currentText():
                base += f" - {self.unit.currentText()}"
        self.name.setText(safe_file_name(base, SUFFIXES[self.fmt]))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def request(self) -> ReportRequest:
        """The choices made (call after exec() returned Accepted)."""
        name = safe_file_name(self.name.text().removesuffix(SUFFIXES[self.fmt]), SUFFIXES[self.fmt])
        return ReportRequest(
            kind=self.kind, fmt=self.fmt, plan_id=self.plan.currentData(),
            period_id=self.period.currentData() if self.period.isEnabled() else None,
            unit=self.unit.currentData() if self.kind == UNIT else None,
            path=Path(self.folder.text()) / name, open_after=self.open_after.isChecked(),
        )

    def accept(self) -> None:
        settings = QSettings()
        if not self.printing:
            settings.setValue("reports/choice", self.report.currentIndex())
            settings.setValue("reports/folder", self.folder.text())
            settings.setValue("reports/open_after", "true" if self.open_after.isChecked() else "false")
        super().accept()
