"""Running use cases from the window: one background-task class (a progress dialog after half a second, a real
bar when the work reports its progress), the one channel on which what a use case changed is published, and
the runner every controller goes through (errors to the error display, Changes to the hub)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.errors import AppError, DatabaseBusy
from desktop_app.services.changes import Changes, changes_of
from desktop_app.ui import messages

Progress = Callable[[int, int, str], None]


class ChangeHub(QObject):
    """What changed in the data, for every view to read again what it shows (one signal, one value)."""

    changed = Signal(object)  # a Changes

    def publish(self, changes: Changes) -> None:
        """Tell every subscriber (nothing is told for an empty Changes)."""
        if changes:
            self.changed.emit(changes)


class _Signals(QObject):
    progress = Signal(int, int, str)
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
    """One background call; on_done / on_failed run on the UI thread (queued signals). With progress=True the
    work is given a callback (done, total, what) and the dialog shows a real bar: emitting from the worker
    thread queues the call to the UI thread, so no widget is touched there."""

    finished = Signal()

    def __init__(self, parent: QWidget, label: str, work: Callable[..., Any], on_done: Callable[[Any], None],
                 on_failed: Callable[[BaseException], None], *, progress: bool = False) -> None:
        super().__init__(parent)
        self._label = label
        self._signals = _Signals()
        self._signals.progress.connect(self._progress)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._on_done, self._on_failed = on_done, on_failed
        self.dialog = QProgressDialog(label, "", 0, 0, parent)
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(300 if progress else 500)
        self.dialog.setWindowTitle(parent.windowTitle())
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.last_progress: tuple[int, int, str] | None = None
        emit = self._signals.progress.emit
        self._job = _Job((lambda: work(emit)) if progress else work, self._signals)

    def start(self, delay_ms: int = 0) -> Task:
        """Queue the work on the global thread pool (after delay_ms)."""
        if delay_ms:
            QTimer.singleShot(delay_ms, self, lambda: QThreadPool.globalInstance().start(self._job))
        else:
            QThreadPool.globalInstance().start(self._job)
        return self

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


def run_task(parent: QWidget, label: str, work: Callable[..., Any], on_done: Callable[[Any], None],
             on_failed: Callable[[BaseException], None], *, progress: bool = False) -> Task:
    """Start work in the background and return its Task (keep a reference until finished)."""
    return Task(parent, label, work, on_done, on_failed, progress=progress).start()


LOCK_RETRIES = 3
"""How many times a use case that met the write lock of another window (DatabaseBusy: nothing was written) is
started again, with a busy cursor, before the officer is told to try later."""
LOCK_PAUSE_MS = 700


class Operations(QObject):
    """Every use case a window starts runs here: in the background, what it changed published on the hub
    before its own follow-up runs, a failure shown by the error display unless the caller handles it; one
    that met another window's write lock is tried again a few times first (nothing of it was written)."""

    def __init__(self, parent: QWidget, hub: ChangeHub) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.hub = hub
        self.tasks: list[Task] = []

    def show_error(self, exc: BaseException) -> None:
        """The error display: our own errors in plain words, anything else as an unexpected fault."""
        messages.show_error(self.parent_widget, exc)

    def run(self, label: str, work: Callable[..., Any], done: Callable[[Any], None] | None = None,
            failed: Callable[[BaseException], None] | None = None, *, progress: bool = False) -> Task:
        """Start a use case; returns its task (running until its finished signal)."""
        tries = [0]

        def settle() -> None:
            if tries[0]:
                QGuiApplication.restoreOverrideCursor()
                tries[0] = 0

        def finished(result: Any) -> None:
            settle()
            self.hub.publish(changes_of(result))
            if done is not None:
                done(result)

        def on_failed(exc: BaseException) -> None:
            if isinstance(exc, DatabaseBusy) and tries[0] < LOCK_RETRIES:
                if not tries[0]:
                    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
                tries[0] += 1
                launch(LOCK_PAUSE_MS)  # registered before this task's finished: the window stays busy
                return
            settle()
            (failed or self.show_error)(exc)

        def launch(delay_ms: int) -> Task:
            task = Task(self.parent_widget, label, work, finished, on_failed, progress=progress)
            self.tasks.append(task)
            task.finished.connect(lambda: self.tasks.remove(task))
            return task.start(delay_ms)

        return launch(0)

    def now(self, work: Callable[[], Any]) -> Any:
        """A quick use case run here and now (an edit, a move): its Changes published, a refusal shown; None
        when it failed."""
        try:
            result = work()
        except AppError as exc:
            self.show_error(exc)
            return None
        self.hub.publish(changes_of(result))
        return result
