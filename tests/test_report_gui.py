"""Reports from the GUI: the report dialog, writing each format in the background, a refused folder, print
preview pages and the report settings dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from db.engine import Database
from desktop_app.domain.report import APPENDIX, PROGRESS, UNIT
from desktop_app.services.importing import import_file
from desktop_app.services.settings import report_settings
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.print_preview import page_count, paint_pdf
from desktop_app.ui.dialogs.report import ReportDialog, ReportRequest
from desktop_app.ui.dialogs.report_settings import ReportSettingsDialog
from desktop_app.ui.main_window import MainWindow
from tests.conftest import NAM_HONG
from tests.qt_helpers import answer_next_box


@pytest.fixture
def plan(db: Database) -> int:
    return import_file(db, path=NAM_HONG).plan_id


@pytest.fixture
def window(qtbot: Any, db: Database, plan: int) -> MainWindow:
    make_app()
    win = MainWindow(db)
    win.reports.open_files = False
    qtbot.addWidget(win)
    win.show()
    return win


def test_dialog_offers_the_plans_periods_and_units(qtbot: Any, db: Database, plan: int, tmp_path: Path) -> None:
    dialog = ReportDialog(db, plan_id=plan, today=date(2026, 11, 24))
    qtbot.addWidget(dialog)
    assert dialog.plan.currentData() == plan
    assert dialog.period.itemData(0) is None and dialog.period.count() == 5
    assert dialog.period.currentText() == "Quý IV/2026"
    dialog.report.setCurrentIndex(0)
    assert (dialog.kind, dialog.fmt) == (PROGRESS, "pdf") and not dialog.unit.isEnabled()
    assert dialog.name.text() == "Báo cáo chuyển đổi số Quý IV-2026 - xã Nam Hồng.pdf"
    dialog.report.setCurrentIndex(2)
    assert dialog.kind == UNIT and dialog.unit.isEnabled() and dialog.unit.count() > 3
    dialog.report.setCurrentIndex(4)
    assert dialog.kind == APPENDIX and not dialog.period.isEnabled()
    dialog.report.setCurrentIndex(6)
    assert dialog.fmt == "xlsx" and dialog.name.text().endswith(".xlsx") and not dialog.period.isEnabled()
    dialog.folder.setText(str(tmp_path))
    request = dialog.request()
    assert request.path.parent == tmp_path and request.period_id is None


def test_print_dialog_offers_only_pdf_reports(qtbot: Any, db: Database, plan: int) -> None:
    dialog = ReportDialog(db, plan_id=plan, printing=True)
    qtbot.addWidget(dialog)
    assert {fmt for _k, fmt, _l in dialog.choices} == {"pdf"} and dialog.report.count() == 3


@pytest.mark.parametrize(("kind", "fmt"), [(PROGRESS, "pdf"), (PROGRESS, "docx"), (APPENDIX, "pdf"),
                                           (PROGRESS, "xlsx"), (PROGRESS, "csv"), (UNIT, "pdf")])
def test_window_writes_each_report(qtbot: Any, window: MainWindow, plan: int, tmp_path: Path, kind: str,
                                   fmt: str) -> None:
    target = tmp_path / "out" / f"bao cáo.{fmt}"
    target.parent.mkdir()
    unit = "Các doanh nghiệp viễn thông" if kind == UNIT else None
    window.reports.write_report(ReportRequest(kind, fmt, plan, None, unit, target, open_after=True))
    qtbot.waitUntil(lambda: window.reports.last_export is not None, timeout=20000)
    assert target.stat().st_size > (200 if fmt == "csv" else 1000)
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left
    assert window.statusBar().currentMessage().startswith("Đã lưu") and "bao cáo" in window.statusBar().currentMessage()


def test_a_missing_folder_is_refused_with_a_message(qtbot: Any, window: MainWindow, plan: int,
                                                    tmp_path: Path) -> None:
    seen: list[str] = []
    answer_next_box("Đồng ý", seen)
    window.reports.write_report(ReportRequest(PROGRESS, "csv", plan, None, None, tmp_path / "gone" / "x.csv", True))
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert "x.csv" in seen[0] and "không ghi được" in seen[0]
    assert window.reports.last_export is None


def test_print_paints_every_page_in_its_orientation(qtbot: Any, window: MainWindow, plan: int,
                                                    tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    window.reports.write_report(ReportRequest(PROGRESS, "pdf", plan, None, None, pdf, False))
    qtbot.waitUntil(lambda: window.reports.last_export is not None, timeout=20000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(72)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(pdf, printer) == page_count(pdf) >= 2
    import pypdf

    pages = pypdf.PdfReader(tmp_path / "printed.pdf").pages
    assert len(pages) == page_count(pdf)
    assert pages[0].mediabox.width < pages[0].mediabox.height  # the letter: portrait
    assert pages[-1].mediabox.width > pages[-1].mediabox.height  # the results table: landscape


def test_menus_hold_the_report_actions(window: MainWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    reports = [a.text().replace("&", "") for a in menus["Báo cáo"].actions()]
    assert reports == ["Xuất báo cáo…", "Xem trước khi in…", "In…"]
    assert window.reports.print_action in menus["Tệp"].actions() and window.reports.preview_action in menus["Tệp"].actions()


def test_settings_dialog_saves_for_every_report(qtbot: Any, db: Database) -> None:
    dialog = ReportSettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.signer.setText("Nguyễn Văn An")
    dialog.recipients.setPlainText("Sở Khoa học và Công nghệ;\n\nLưu: VT.")
    QTimer.singleShot(0, dialog.accept)
    dialog.exec()
    saved = report_settings(db)
    assert saved.signer_name == "Nguyễn Văn An" and saved.recipients == ("Sở Khoa học và Công nghệ;", "Lưu: VT.")
    assert QApplication.activeModalWidget() is None
