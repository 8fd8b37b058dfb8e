"""Starting quickly: a light window appears at once (title, last size and place, "opening the data…") while
the database layer and the main window's modules load and the database opens on a background thread; the
full main window then takes its place. Nothing heavy runs on the UI thread, so the window never freezes.

With CDS_STARTUP_PROBE set (bench/startup_bench.py only) the program prints "first-paint <time.time()>" when
the first window is drawn and quits; with CDS_STARTUP_PROBE=settle it first waits until the main window is
shown plus 1.5 s, printing "main-window <time>" and the longest event-loop stall ("max-stall <ms>"). Either way it
also prints "first-window-modules <list>": the heavy libraries already loaded when the first window was made,
before the background thread starts (tests/test_startup_imports.py keeps that list empty)."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

STARTUP_PROBE = "CDS_STARTUP_PROBE"
SETTLE_SECONDS = 1.5
HEAVY = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "docx", "pypdf", "pypdfium2", "lxml", "cryptography")
"""Libraries the first window must not wait for: the background thread loads them while it shows."""


class StartupProbe(QObject):
    """Prints when window's first frame is drawn (see the module's docstring)."""

    def __init__(self, window: QWidget, mode: str) -> None:
        super().__init__(window)
        self.settle = mode == "settle"
        self._start = self._last = self._worst = 0.0
        self._tick = QTimer(self, interval=5)
        self._tick.timeout.connect(self._on_tick)
        self.main_shown = False
        self.heavy = sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._drawn)  # after the whole frame, children included, is painted
        return False

    def _drawn(self) -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        print(f"first-window-modules {self.heavy!r}", flush=True)
        if not self.settle:
            QApplication.quit()
            return
        self._start = self._last = time.monotonic()
        self._tick.start()

    def main_window_shown(self) -> None:
        print(f"main-window {time.time():.6f}", flush=True)
        self.main_shown = True
        self._start = time.monotonic()

    def _on_tick(self) -> None:
        now = time.monotonic()
        self._worst, self._last = max(self._worst, now - self._last), now
        if self.main_shown and now - self._start >= SETTLE_SECONDS:
            self._tick.stop()
            print(f"max-stall {self._worst * 1000:.1f}", flush=True)
            QApplication.quit()


class LoadingWindow(QMainWindow):
    """What the officer sees for the moment the data takes to open: the program's title and a busy bar, at
    the size and place the main window had last time."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(QApplication.translate("MainWindow", "Commune digital transformation plan tracker"))
        self.resize(1300, 760)
        if geometry := QSettings().value("main/geometry"):
            self.restoreGeometry(geometry)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addStretch(1)
        label = QLabel(QApplication.translate("Startup", "Opening the data…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setMaximumWidth(320)
        layout.addWidget(label)
        layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.setCentralWidget(body)


class _Loaded(QObject):
    done = Signal(object)
    failed = Signal(object)


OPENED_KEY = "data/opened"
"""The settings key holding the data file the window opened last: found missing at the next start, it was lost
(deleted or moved), not new."""


def _load(db_path: Path, known: bool = False) -> Any:
    """On the background thread: import the main window's modules and open the data (checked, upgraded, the
    day's first backup made; DatabaseDamaged when the check fails, DatabaseMissing when the file is gone)."""
    import desktop_app.ui.main_window  # noqa: F401 - imported here so the UI thread does not pay for it
    from desktop_app.services.workspace import open_for_window

    return open_for_window(db_path, known=known)


def offer_restore(db_path: Path, exc: BaseException) -> bool:
    """The data file failed its check at start-up, or is gone (DatabaseMissing): say so plainly and offer the
    newest intact backup (a file gone with no backup: an empty one, when the officer agrees). True when the
    program can open the file again (restored, or made empty on purpose)."""
    from desktop_app.errors import AppError, DatabaseMissing
    from desktop_app.services.backups import newest_good_backup, restore_and_open
    from desktop_app.services.officer import GUI
    from desktop_app.ui import messages

    missing = isinstance(exc, DatabaseMissing)
    title = QApplication.translate("Startup", "The data file is missing") if missing \
        else QApplication.translate("Startup", "The data file is damaged")
    found = str(exc.message if isinstance(exc, AppError) else exc)
    good = newest_good_backup(db_path)
    if good is None and missing:
        if not messages.ask(None, title, found + "\n\n" + QApplication.translate(
                "Startup", "No intact backup was found. Start with an empty data file?")):
            return False
        from desktop_app.services.workspace import create_empty

        create_empty(db_path)
        return True
    if good is None:
        messages.fail(None, title, found + "\n\n" + QApplication.translate(
            "Startup", "No intact backup was found beside it. Do not delete the file; ask for support."))
        return False
    if missing:
        question = found + "\n\n" + QApplication.translate(
            "Startup", "Restore the newest intact backup, made %1 (%2 plans)?")
    else:
        question = found + "\n\n" + QApplication.translate(
            "Startup", "Restore the newest intact backup, made %1 (%2 plans)? A copy of the damaged file is kept "
                       "in the «backups» folder.")
    question = question.replace("%1", good.when.strftime("%d/%m/%Y %H:%M")).replace("%2", str(good.plans))
    if not messages.ask(None, title, question, default_yes=True):
        return False
    try:
        restore_and_open(db_path, good.path, origin=GUI)[0].close()  # the program then opens it again
    except AppError as error:
        messages.fail(None, title, error.full_message())
        return False
    return True


def start(db_path: Path, open_path: Path | None, on_failed: Callable[[BaseException], None]) -> dict[str, Any]:
    """Show the loading window and open the database in the background; when it is open, the main window
    replaces the loading window and offers the sample plan (or previews open_path). Returns the objects to
    keep alive while the event loop runs ("db" is set once the database is open)."""
    state: dict[str, Any] = {"loading": LoadingWindow(), "signals": _Loaded()}
    probe_mode = os.environ.get(STARTUP_PROBE)
    probe = StartupProbe(state["loading"], probe_mode) if probe_mode else None
    known = QSettings().value(OPENED_KEY) == str(db_path)

    def opened(db: Any) -> None:
        from desktop_app.ui.main_window import MainWindow

        state["db"] = db
        QSettings().setValue(OPENED_KEY, str(db_path))
        window = MainWindow(db)
        state["window"] = window
        if window.isMaximized() or state["loading"].isMaximized():
            window.showMaximized()
        else:
            window.setGeometry(state["loading"].geometry())
            window.show()
        state["loading"].close()
        if probe is not None:
            probe.main_window_shown()
            return  # no modal question while the start-up is timed
        QTimer.singleShot(0, lambda: _first_questions(window, open_path))

    def failed(exc: BaseException) -> None:
        loading = state["loading"]  # on_failed may start again, putting a new loading window in state
        on_failed(exc)  # first: the loading window stays while the officer answers (no quit on the last close)
        loading.close()

    state["signals"].done.connect(opened)
    state["signals"].failed.connect(failed)

    def work() -> None:
        try:
            db = _load(db_path, known)
        except BaseException as exc:  # noqa: BLE001 - reported on the UI thread
            state["signals"].failed.emit(exc)
        else:
            state["signals"].done.emit(db)

    state["loading"].show()
    threading.Thread(target=work, name="mo-du-lieu", daemon=True).start()
    return state


def _first_questions(window: Any, open_path: Path | None) -> None:
    """Once the window shows: who is working (the first time on this computer account), then the file given on
    the command line, or the sample plan when the database is empty."""
    from desktop_app.services.accounts import current_account
    from desktop_app.services.officer import saved_name
    from desktop_app.ui.widgets.audit_view import ask_officer_name

    if not window.accounts.sign_in_at_start():  # the data asks for sign-in and it was cancelled: the program closes
        return
    if saved_name(window.db) is None and current_account(window.db) is None:
        ask_officer_name(window, window.db, first=True)
    if open_path is not None:
        window.imports.preview_path(open_path)
    else:
        window.imports.offer_sample()
