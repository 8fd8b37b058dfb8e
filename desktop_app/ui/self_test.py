"""The self-test's Qt step: the main window opens and draws on the database checked (catches missing Qt
platform plug-ins, image formats and translations in a frozen build)."""

from __future__ import annotations

from typing import Any


def window_check(db: Any) -> str:
    """Open the main window on db, draw it once and close it; returns what was seen."""
    import os
    import sys

    if sys.platform.startswith("linux") and not any(
            os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen: check the window off-screen
    from PySide6.QtCore import QCoreApplication

    from desktop_app.ui.app import make_app
    from desktop_app.ui.main_window import MainWindow

    app = make_app([])
    window = MainWindow(db)
    window.reports.open_files = False
    window.show()
    app.processEvents()
    image = window.grab()
    title = window.windowTitle()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    window.hide()  # not close(): closing saves the window's layout into the officer's settings
    window.deleteLater()
    QCoreApplication.processEvents()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("cửa sổ chính không vẽ được")
    if "Tệp" not in menus:
        raise RuntimeError(f"thiếu bản dịch tiếng Việt (trình đơn: {', '.join(menus)})")
    return f"{app.platformName()}: «{title}», {image.width()}×{image.height()}"
