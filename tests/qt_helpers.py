"""Driving real message boxes in tests: click a button of the next one that opens, by its label."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_next_box(label: str, seen: list[str], *, timeout: float = 10.0) -> None:
    """When the next QMessageBox is shown, record its text in seen and click the button labelled label."""
    deadline = time.monotonic() + timeout

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            labels = {b.text().replace("&", ""): b for b in box.buttons()}
            labels[label].click()  # KeyError names a button the box does not have
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)
