"""Running a service call off the UI thread, with a progress dialog when it takes more than half a second."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # reported to the UI thread, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """One background call; on_done / on_failed run on the UI thread (queued signals)."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
    ) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._on_done, self._on_failed = on_done, on_failed
        self._dialog = QProgressDialog(label, "", 0, 0, parent)
        self._dialog.setCancelButton(None)
        self._dialog.setMinimumDuration(500)
        self._dialog.setWindowTitle(parent.windowTitle())
        self._job = _Job(work, self._signals)

    def start(self) -> None:
        """Queue the work on the global thread pool."""
        QThreadPool.globalInstance().start(self._job)

    def _close(self) -> None:
        self._dialog.reset()
        self._dialog.deleteLater()

    def _done(self, result: Any) -> None:
        self._close()
        self._on_done(result)
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self._close()
        self._on_failed(exc)
        self.finished.emit()


def run_task(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> Task:
    """Start work in the background and return its Task (keep a reference until finished)."""
    task = Task(parent, label, work, on_done, on_failed)
    task.start()
    return task
