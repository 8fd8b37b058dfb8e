"""The Reports menu of the main window: export a report file, print preview, print, and the report settings.
Files are written in the background (the window stays responsive) and opened with the system viewer."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog

from desktop_app.services.report_export import Exported, export_report
from desktop_app.ui.dialogs.report import ReportDialog, ReportRequest
from desktop_app.ui.dialogs.report_settings import ReportSettingsDialog


class ReportFlow:
    """Mixed into MainWindow (which provides db, _start, show_error, current_selection, statusBar)."""

    db: Any
    open_files = True  # tests switch the system viewer off
    last_export: Exported | None = None

    def _current_plan(self) -> int | None:
        selection = self.current_selection()  # type: ignore[attr-defined]
        return selection.plan_id if selection is not None else None

    def _ask_report(self, printing: bool) -> ReportRequest | None:
        dialog = ReportDialog(self.db, plan_id=self._current_plan(), printing=printing, parent=self)  # type: ignore[arg-type]
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.request()

    def export_report_file(self) -> None:
        """Reports → Export…: pick the report and write it."""
        request = self._ask_report(printing=False)
        if request is not None:
            self.write_report(request)

    def write_report(self, request: ReportRequest, today: date | None = None) -> None:
        """Write the report in the background, then say where it is and open it when asked."""
        def work() -> Exported:
            return export_report(self.db, fmt=request.fmt, out=request.path, plan_id=request.plan_id,
                                 kind=request.kind, period=request.period_id, unit=request.unit, today=today)

        def done(result: Exported) -> None:
            self.last_export = result
            self.statusBar().showMessage(  # type: ignore[attr-defined]
                self.tr("Saved %1 (%2 items).").replace("%1", str(result.path)).replace(  # type: ignore[attr-defined]
                    "%2", str(result.items)), 10000)
            if request.open_after and self.open_files:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

        self._start(self.tr("Writing the report…"), work, done, self.show_error)  # type: ignore[attr-defined]

    def _pdf_for_print(self, then: Any) -> None:
        request = self._ask_report(printing=True)
        if request is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="cds-in-"))
        target = folder / "bao_cao.pdf"

        def work() -> Exported:
            return export_report(self.db, fmt="pdf", out=target, plan_id=request.plan_id, kind=request.kind,
                                 period=request.period_id, unit=request.unit)

        self._start(self.tr("Preparing the pages…"), work, lambda result: then(result.path),  # type: ignore[attr-defined]
                    self.show_error)  # type: ignore[attr-defined]

    def print_preview(self) -> None:
        """Reports → Print preview…: the real pages of the PDF report."""
        # PDFium and Qt's print support load when printing, not while the window starts.
        from desktop_app.ui.dialogs.print_preview import preview

        def show(pdf: Path) -> None:
            self.preview_dialog = preview(pdf, self, self.tr("Print preview"))  # type: ignore[arg-type]
            self.preview_dialog.open()

        self._pdf_for_print(show)

    def print_report(self) -> None:
        """Reports → Print…: choose the printer and print the PDF report."""
        from desktop_app.ui.dialogs.print_preview import print_dialog

        self._pdf_for_print(lambda pdf: print_dialog(pdf, self, self.tr("Print")))  # type: ignore[arg-type]

    def edit_report_settings(self) -> None:
        """Settings → Report header and recipients…"""
        dialog = ReportSettingsDialog(self.db, self)  # type: ignore[arg-type]
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Report settings saved."), 5000)  # type: ignore[attr-defined]
