"""Reporting forms from the window: make a unit's form through MakeFormDialog, fill it with openpyxl as the unit
officer would in Excel, read it through FormFlow, check the FormPreviewDialog, apply, and read it again."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from db.engine import Database
from desktop_app.errors import FileRefused
from desktop_app.io.forms.sheet import FORM_SHEET
from desktop_app.services.importing import import_file
from desktop_app.services.progress import list_progress
from desktop_app.ui.controllers.base import Context
from desktop_app.ui.controllers.forms import FormFlow
from desktop_app.ui.dialogs.forms import FormPreviewDialog, MakeFormDialog
from desktop_app.ui.operations import ChangeHub, Operations
from tests.conftest import NAM_HONG
from tests.qt_helpers import answer_next_box

UNIT = "Văn phòng HĐND &UBND xã"


class Recording(Operations):
    """The window's runner, with its error display writing into a list instead of a message box."""

    def __init__(self, parent: QMainWindow, hub: ChangeHub, errors: list[BaseException]) -> None:
        super().__init__(parent, hub)
        self.errors = errors

    def show_error(self, exc: BaseException) -> None:
        self.errors.append(exc)


class Host(QMainWindow):
    """A window holding only the forms controller, with the context a main window gives it."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.errors: list[BaseException] = []
        self.refreshed = 0
        hub = ChangeHub(self)
        hub.changed.connect(self._changed)
        self.flow = FormFlow(Context(db, self, Recording(self, hub, self.errors), hub, browser=None))  # type: ignore[arg-type]

    def _changed(self, _changes: object) -> None:
        self.refreshed += 1


@pytest.fixture
def plan(db: Database) -> int:
    return import_file(db, path=NAM_HONG).plan_id


@pytest.fixture
def host(qtbot: Any, db: Database) -> Host:
    win = Host(db)
    qtbot.addWidget(win)
    win.show()
    return win


def on_next_preview(act: Callable[[FormPreviewDialog], None], seen: list[FormPreviewDialog]) -> None:
    """When the next FormPreviewDialog opens, record it and act on it (click Apply or Cancel)."""
    deadline = time.monotonic() + 15

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, FormPreviewDialog) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def test_make_fill_read_apply_and_read_again(qtbot: Any, host: Host, db: Database, plan: int, tmp_path: Path) -> None:
    dialog = MakeFormDialog(db, plan_id=plan, today=date(2026, 8, 10))
    qtbot.addWidget(dialog)
    units = [dialog.unit.itemText(i) for i in range(dialog.unit.count())]
    assert UNIT in units and "Công an xã" not in units  # only units implementing items of the plan
    assert dialog.period.currentText() == "Quý III/2026" and dialog.period.count() == 4
    dialog.unit.setCurrentIndex(dialog.unit.findText(UNIT))
    assert dialog.name.text() == "Bieu_mau_Văn phòng HĐND &UBND xã_Quý III-2026.xlsx"
    dialog.folder.setText(str(tmp_path))
    request = dialog.request()
    assert request.path == tmp_path / "Bieu_mau_Văn phòng HĐND &UBND xã_Quý III-2026.xlsx"
    seen: list[str] = []
    answer_next_box("Đồng ý", seen)
    host.flow.make_unit_form_for(request)
    qtbot.waitUntil(lambda: host.flow.last_form is not None and bool(seen), timeout=20000)
    assert host.flow.last_form == request.path and "6" in seen[0] and not host.errors

    # the unit officer fills the yellow cells in Excel
    wb = openpyxl.load_workbook(request.path)
    ws = wb[FORM_SHEET]
    typed = {"G": "72,5", "J": "Hoàn thành", "K": "Đã triển khai eCabinet"}
    filled = []
    for r in range(10, ws.max_row + 1):
        column = "J" if not ws[f"J{r}"].protection.locked else "G"
        if ws[f"G{r}"].protection.locked or ws[f"D{r}"].value and "%" in ws[f"D{r}"].value:
            ws[f"{column}{r}"] = typed[column]
            ws[f"K{r}"] = typed["K"]
            filled.append(ws[f"B{r}"].value)
    wb.save(request.path)

    previews: list[FormPreviewDialog] = []
    on_next_preview(lambda d: d.apply.click(), previews)
    host.flow.read_unit_form_from(request.path)
    qtbot.waitUntil(lambda: host.flow.last_applied is not None, timeout=20000)
    shown = previews[0]
    assert UNIT in shown.header.text() and "Quý III/2026 (2026-Q3)" in shown.header.text()
    assert shown.table.rowCount() == len(shown.preview.changes) >= 2 * len(filled)
    kinds = {shown.table.item(r, 5).text() for r in range(shown.table.rowCount())}
    assert kinds == {"mới"} and "Giá trị mới:" in shown.counts.text()
    assert host.flow.last_applied.written == len(filled) and host.refreshed == 1
    reports = [r for r in list_progress(db, plan_id=plan) if r["unit"] == UNIT]
    assert len(reports) == len(filled) and all(r["narrative"] == "Đã triển khai eCabinet" for r in reports)
    assert {r["value"] for r in reports if r["status"] is None} == {72.5}

    # the same form read again: everything unchanged, Apply disabled
    applied = host.flow.last_applied
    on_next_preview(lambda d: d.cancel.click(), previews)
    host.flow.read_unit_form_from(request.path)
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=20000)
    again = previews[1]
    assert not again.apply.isEnabled()
    assert {again.table.item(r, 5).text() for r in range(again.table.rowCount())} == {"không đổi"}
    qtbot.wait(50)
    assert host.flow.last_applied is applied and not host.errors


def test_an_edited_form_is_refused_with_its_message(qtbot: Any, host: Host, db: Database, plan: int,
                                                    tmp_path: Path) -> None:
    dialog = MakeFormDialog(db, plan_id=plan, today=date(2026, 8, 10))
    qtbot.addWidget(dialog)
    dialog.unit.setCurrentIndex(dialog.unit.findText(UNIT))
    dialog.folder.setText(str(tmp_path))
    request = dialog.request()
    answer_next_box("Đồng ý", [])
    host.flow.make_unit_form_for(request)
    qtbot.waitUntil(lambda: host.flow.last_form is not None, timeout=20000)
    wb = openpyxl.load_workbook(request.path)
    wb[FORM_SHEET]["C10"] = "Nội dung đã sửa"
    wb.save(request.path)
    host.flow.read_unit_form_from(request.path)
    qtbot.waitUntil(lambda: bool(host.errors), timeout=20000)
    assert isinstance(host.errors[0], FileRefused) and "Ô C10 đã bị sửa" in host.errors[0].full_message()
