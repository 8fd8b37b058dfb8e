"""The Qt binding itself: PySide6 6.12.0 (Linux wheels, Python 3.11) drops one reference to None on every call of
a Qt method that returns nothing, so a long session ends in CPython's "none_dealloc" abort. pyproject.toml
keeps that release out; this test fails on any release with the same fault."""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QWidget

CALLS = 2000


def test_calls_returning_nothing_keep_none_alive(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    item = QStandardItem("x")
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.setEnabled(True)
        widget.setToolTip("x")
        item.setText("x")
    gc.collect()
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, f"{lost} references to None lost in {3 * CALLS} calls"
