"""Starting the GUI: the application object, Vietnamese translation, a readable font, the main window."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import __version__
from desktop_app.errors import AppError
from desktop_app.paths import resource_path
from desktop_app.ui import messages
from desktop_app.ui.language import saved_language, set_language

ORGANIZATION = "UBND xa"
APPLICATION = "ChuyenDoiSoXa"
# Sans-serif families with every Vietnamese letter, in order of preference, for systems without Segoe UI.
UI_FONTS = ("Segoe UI", "Noto Sans", "Liberation Sans", "Arimo", "DejaVu Sans")



def choose_font(app: QApplication) -> None:
    """Use a sans-serif family that covers Vietnamese when the system default does not look like one."""
    families = set(QFontDatabase.families())
    for family in UI_FONTS:
        if family in families:
            font = QFont(family, app.font().pointSize())
            app.setFont(font)
            return


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, translation and font set (reuses one that already exists)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    if not getattr(app, "_cds_ready", False):
        set_language(app, saved_language())
        if sys.platform != "win32":
            choose_font(app)
        app._cds_ready = True  # type: ignore[attr-defined]
    return app


def _report_unexpected(kind: type[BaseException], exc: BaseException, trace: TracebackType | None) -> None:
    """A fault in a slot: log it in full and tell the officer, instead of failing silently or closing."""
    if isinstance(exc, KeyboardInterrupt):
        traceback.print_exception(kind, exc, trace)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(trace)
    messages.report_fault(QApplication.activeWindow(), exc)


_mutex: object = None


def _announce_running() -> None:
    """On Windows, hold a named mutex while the window is open so the installer and uninstaller can ask the
    officer to close the program first (AppMutex in packaging/windows/ChuyenDoiSoXa.iss)."""
    global _mutex
    if sys.platform == "win32" and _mutex is None:
        import ctypes

        _mutex = ctypes.windll.kernel32.CreateMutexW(None, False, "ChuyenDoiSoXaMutex")  # type: ignore[attr-defined]


def run_gui(db_path: Path, open_path: Path | None = None) -> int:
    """Open the main window on the database at db_path (and the import preview of open_path, a file given on
    the command line, e.g. by a double-click); returns the exit code."""
    from desktop_app.logs import log_start, start_logging
    from desktop_app.ui.startup import start

    start_logging()  # before anything can fail: the fault dialog points to this file
    log_start(__version__, db_path)
    app = make_app()
    sys.excepthook = _report_unexpected
    _announce_running()

    def failed(exc: BaseException) -> None:
        from desktop_app.errors import DatabaseMissing
        from desktop_app.services.backups import DatabaseDamaged
        from desktop_app.ui.startup import offer_restore

        if isinstance(exc, DatabaseDamaged | DatabaseMissing) and offer_restore(db_path, exc):
            running.update(start(db_path, open_path, failed))  # open the restored file
            return
        if isinstance(exc, AppError):
            messages.fail(None, QCoreApplication.translate("App", "Cannot open the database"), exc.full_message())
        else:
            messages.report_fault(None, exc)
        app.exit(2)

    running = start(db_path, open_path, failed)
    try:
        return app.exec()
    finally:
        if "db" in running:
            running["db"].close()
