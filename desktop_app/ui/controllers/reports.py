"""The Reports menu: export a report file, print preview, print, and the report settings. Files are written in
the background (the window stays responsive) and opened with the system viewer."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog

from desktop_app.services.report_export import Exported, export_report
from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.dialogs.report import ReportDialog, ReportRequest
from desktop_app.ui.dialogs.report_settings import ReportSettingsDialog


class ReportFlow(Controller):
    """Reports → Export report…, Print preview…, Print…; Settings → Report header and recipients…"""

    open_files = True  # tests switch the system viewer off

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.last_export: Exported | None = None
        self.preview_dialog: QDialog | None = None
        self.export_report_action = self.action(self.tr("&Export report…"), "Ctrl+E", self.export_report_file)
        self.preview_action = self.action(self.tr("Print pre&view…"), "Ctrl+Shift+P", self.print_preview)
        self.print_action = self.action(self.tr("&Print…"), QKeySequence.StandardKey.Print, self.print_report)
        self.report_settings_action = self.action(self.tr("&Report header and recipients…"), None,
                                                  self.edit_report_settings)

    def _ask_report(self, printing: bool) -> ReportRequest | None:
        dialog = ReportDialog(self.db, plan_id=self.current_plan(), printing=printing, parent=self.window)
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
            self.status(self.tr("Saved %1 (%2 items).").replace("%1", str(result.path)).replace(
                "%2", str(result.items)))
            if request.open_after and self.open_files:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

        self.run(self.tr("Writing the report…"), work, done)

    def _pdf_for_print(self, then: Callable[[Path], None]) -> None:
        request = self._ask_report(printing=True)
        if request is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="cds-in-"))
        target = folder / "bao_cao.pdf"

        def work() -> Exported:
            return export_report(self.db, fmt="pdf", out=target, plan_id=request.plan_id, kind=request.kind,
                                 period=request.period_id, unit=request.unit)

        self.run(self.tr("Preparing the pages…"), work, lambda result: then(result.path))

    def print_preview(self) -> None:
        """Reports → Print preview…: the real pages of the PDF report."""
        # PDFium and Qt's print support load when printing, not while the window starts.
        from desktop_app.ui.dialogs.print_preview import preview

        def show(pdf: Path) -> None:
            self.preview_dialog = preview(pdf, self.window, self.tr("Print preview"))
            self.preview_dialog.open()

        self._pdf_for_print(show)

    def print_report(self) -> None:
        """Reports → Print…: choose the printer and print the PDF report."""
        from desktop_app.ui.dialogs.print_preview import print_dialog

        self._pdf_for_print(lambda pdf: print_dialog(pdf, self.window, self.tr("Print")))

    def edit_report_settings(self) -> None:
        """Settings → Report header and recipients…"""
        dialog = ReportSettingsDialog(self.db, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status(self.tr("Report settings saved."), 5000)
