"""A service call off the UI thread with a real progress bar: the work reports (done, total, what) through a
queued signal and the dialog shows it; the result or the error comes back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

Progress = Callable[[int, int, str], None]


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            # emitting from this thread queues the call to the receiver's (UI) thread: no widget is touched here
            result = self.work(self.signals.progress.emit)
        except BaseException as exc:  # reported to the UI thread, which decides how to show it
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class ProgressTask(QObject):
    """One background call given a progress callback; a dialog shows "label — what" and done of total."""

    finished = Signal()

    def __init__(self, parent: QWidget, label: str, work: Callable[[Progress], Any],
                 on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._label = label
        self._signals = _Signals()
        self._signals.progress.connect(self._progress)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._on_done, self._on_failed = on_done, on_failed
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(300)
        self.dialog.setWindowTitle(parent.windowTitle())
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self._job = _Job(work, self._signals)
        self.last_progress: tuple[int, int, str] | None = None

    def start(self) -> None:
        """Queue the work on the global thread pool."""
        QThreadPool.globalInstance().start(self._job)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, what: str) -> None:
        self.last_progress = (done, total, what)
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(f"{self._label}\n{what}" if what else self._label)

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()

    @Slot(object)
    def _done(self, result: Any) -> None:
        self._close()
        self._on_done(result)
        self.finished.emit()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._close()
        self._on_failed(exc)
        self.finished.emit()


def run_progress_task(parent: QWidget, label: str, work: Callable[[Progress], Any],
                      on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]) -> ProgressTask:
    """Start work(progress) in the background and return its task (keep a reference until finished)."""
    task = ProgressTask(parent, label, work, on_done, on_failed)
    task.start()
    return task
