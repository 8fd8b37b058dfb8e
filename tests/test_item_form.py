"""The item form: edit a target and undo it, refusals shown in place, nothing saved by merely tabbing through."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from db.engine import Database
from desktop_app.services.editing import item_detail
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.ui.app import make_app
from desktop_app.ui.widgets.item_form import ItemForm
from tests.conftest import NAM_HONG


def _form(qtbot: Any, db: Database, number: str) -> tuple[ItemForm, QUndoStack, int]:
    make_app()
    import_file(db, path=NAM_HONG)
    item_id = next(i["id"] for i in show(db)["plans"][0]["items"] if i["number"] == number and i["section"] == "I")
    stack = QUndoStack()
    form = ItemForm(db, stack)
    qtbot.addWidget(form)
    form.show()
    form.load(item_id)
    return form, stack, item_id


def test_edit_a_target_and_undo_it(qtbot: Any, db: Database) -> None:
    form, stack, item_id = _form(qtbot, db, "2.2")
    cell = form.targets.item(0, 1)
    assert cell.text() == "70"
    cell.setText("75")  # itemChanged → saved at once
    assert item_detail(db, item_id=item_id).targets[0].value == 75
    assert stack.count() == 1 and stack.undoText() == "Sửa chỉ tiêu 2.2"
    stack.undo()
    detail = item_detail(db, item_id=item_id)
    assert detail.targets[0].value == 70 and detail.targets[0].raw == "đạt tối thiểu 70%"
    assert form.targets.item(0, 1).text() == "70"
    stack.redo()
    assert item_detail(db, item_id=item_id).targets[0].value == 75


def test_refused_value_is_shown_in_place(qtbot: Any, db: Database) -> None:
    form, stack, item_id = _form(qtbot, db, "3.2")
    form.targets.item(0, 1).setText("120")
    assert "Giá trị phải từ 0 đến 100 khi đơn vị là %" in form.error.text()
    assert item_detail(db, item_id=item_id).targets[0].value == 90 and stack.count() == 0


def test_tabbing_through_saves_nothing(qtbot: Any, db: Database) -> None:
    form, stack, item_id = _form(qtbot, db, "2.1")
    before = item_detail(db, item_id=item_id)
    for edit in (form.number, form.note, form.deadline_raw, form.monitoring, form.implementing):
        edit.setFocus()
        edit.editingFinished.emit()
    form.text.editing_finished.emit()
    assert stack.count() == 0 and item_detail(db, item_id=item_id) == before
    assert before.deadline_raw == "Tháng 12/2026"


def test_units_with_completion_and_a_new_name(qtbot: Any, db: Database) -> None:
    form, stack, item_id = _form(qtbot, db, "2.1")
    assert "Công an xã" in form.units_model.stringList()
    form.implementing.setText("Công an xã; Đoàn Thanh niên xã")
    form.implementing.editingFinished.emit()
    assert item_detail(db, item_id=item_id).implementing == ("Công an xã", "Đoàn Thanh niên xã")
    stack.undo()
    assert item_detail(db, item_id=item_id).implementing[0] == "Các doanh nghiệp viễn thông"
    assert form.kind.currentData() == "indicator"
    assert form.targets.cellWidget(0, 0).currentText() == ">"
    assert Qt.ItemDataRole.UserRole  # keep the import used


def test_a_save_over_an_edit_made_elsewhere_is_refused_and_offers_a_reload(qtbot: Any, db: Database) -> None:
    from dataclasses import replace

    from db.engine import open_database
    from desktop_app.services.editing import update_item

    form, stack, item_id = _form(qtbot, db, "2.4")
    other = open_database(db.path)  # a second copy of the program on the same file
    try:
        theirs = item_detail(other, item_id=item_id)
        update_item(other, new=replace(theirs, note="lưu ở máy khác"))
    finally:
        other.close()
    form.note.setText("lưu ở đây")
    form.note.editingFinished.emit()
    assert "vừa được sửa ở nơi khác" in form.error.text()
    assert not form.reload_button.isHidden() and stack.count() == 0
    assert item_detail(db, item_id=item_id).note == "lưu ở máy khác"  # not overwritten
    form.reload_button.click()
    assert form.note.text() == "lưu ở máy khác" and form.error.text() == "" and form.reload_button.isHidden()
    form.note.setText("sửa tiếp sau khi tải lại")
    form.note.editingFinished.emit()
    assert item_detail(db, item_id=item_id).note == "sửa tiếp sau khi tải lại"
