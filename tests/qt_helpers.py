"""Driving real message boxes in tests: click a button of the next one that opens, by its label."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

_generation = [0]


def forget_pending_answers() -> None:
    """Stop answers still waiting from an earlier test (called before each test)."""
    _generation[0] += 1


def answer_next_box(label: str, seen: list[str], *, timeout: float = 30.0) -> None:
    """When the next QMessageBox is shown, record its text in seen and click the button labelled label."""
    deadline = time.monotonic() + timeout
    generation = _generation[0]

    def attempt() -> None:
        if generation != _generation[0]:
            return
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            labels = {b.text().replace("&", ""): b for b in box.buttons()}
            labels[label].click()  # KeyError names a button the box does not have
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)
