"""Two copies of the program on one file: the watch notices the other's commits, and a main window shows them
(keeping its selection), holds back while its item form has an unsaved edit, and lists a province import's plans."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from db.change_watch import ChangeWatch, watch_database
from db.engine import Database, open_database
from desktop_app.services.editing import item_detail, update_item
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.ui.app import make_app
from desktop_app.ui.models.items import COL_NUMBER, ID_ROLE
from tests.conftest import MINH_TAN, NAM_HONG, new_database

WAIT_MS = 20000  # the timer polls every 1.5 s; a condition wait returns as soon as it holds


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second copy of the program on the same file: its own engine and connections."""
    second = open_database(db.path)
    yield second
    second.close()


def _note(db: Database, item_id: int, note: str) -> None:
    update_item(db, new=replace(item_detail(db, item_id=item_id), note=note))


# ----- the watch, without Qt -------------------------------------------------------------------------------
def test_a_commit_elsewhere_is_reported_once(db: Database, other: Database) -> None:
    plan_id = import_file(db, path=NAM_HONG).plan_id
    item_id = item_by_number(db, plan_id=plan_id, number="2.1", section="I")
    watch = watch_database(db)
    try:
        assert [watch.changed() for _ in range(5)] == [False] * 5  # its own polls change nothing
        item_detail(db, item_id=item_id)  # nor does reading through either engine
        item_detail(other, item_id=item_id)
        assert not watch.changed()
        _note(other, item_id, "sửa ở bản thứ hai")
        assert watch.changed()
        assert not watch.changed()
        _note(other, item_id, "lần hai")
        _note(other, item_id, "lần ba")
        assert watch.changed() and not watch.changed()  # several commits between two polls: one report
        _note(db, item_id, "sửa ở chính bản này")  # this process's own engine counts as well
        assert watch.changed() and not watch.changed()
        _note(db, item_id, "đã hiện rồi")
        watch.seen()
        assert not watch.changed()
    finally:
        watch.close()
    _note(other, item_id, "sau khi đóng")
    assert not watch.changed() and watch.closed


def test_the_watch_lets_the_file_go_with_the_database(db_path: Path) -> None:
    first = open_database(db_path)
    watch = watch_database(first)
    first.close()  # e.g. before a backup is restored over the file: no connection may stay open
    assert watch._con is None
    second = open_database(db_path)
    try:
        import_file(second, path=MINH_TAN)
        assert watch.changed()  # taken up again; what happened meanwhile is unknown, so: changed
        assert not watch.changed()
    finally:
        watch.close()
        second.close()


def test_a_poll_takes_microseconds(db: Database, other: Database) -> None:
    import_file(db, path=MINH_TAN)
    with ChangeWatch(db.path) as watch:
        watch.changed()
        count = 2000
        start = time.process_time()
        for _ in range(count):
            watch.changed()
        per_poll = (time.process_time() - start) / count
    print(f"\none poll of PRAGMA data_version: {per_poll * 1e6:.1f} µs")
    assert per_poll < 0.001


# ----- the main window -------------------------------------------------------------------------------------
def _window(qtbot: Any, db: Database) -> Any:
    """A main window on db, shown."""
    from desktop_app.ui.main_window import MainWindow

    make_app()
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def _select(window: Any, number: str) -> int:
    """Choose section I in the tree and its item numbered number in the table."""
    window.browser.tree.setCurrentIndex(window.browser.tree_model.item(0).child(0).index())
    row = next(r for r in range(window.browser.items_model.rowCount())
               if window.browser.items_model.index(r, COL_NUMBER).data() == number)
    window.browser.table.selectRow(row)
    item_id = window.browser.items_model.index(row, 0).data(ID_ROLE)
    assert window.browser.item_form.detail.id == item_id
    return item_id


def _row_text(window: Any, item_id: int) -> str:
    model = window.browser.items_model
    return next(model.row_at(r).text for r in range(model.rowCount()) if model.row_at(r).id == item_id)


def test_the_other_window_shows_an_edit_and_keeps_its_selection(qtbot: Any, db: Database, other: Database) -> None:
    import_file(db, path=NAM_HONG)
    first, second = _window(qtbot, db), _window(qtbot, other)
    item_id = _select(first, "2.3")
    node = first.browser.current_selection()
    _select(second, "2.3")
    first.browser.table.verticalScrollBar().setValue(first.browser.table.verticalScrollBar().maximum())
    scroll = first.browser.table.verticalScrollBar().value()
    assert scroll > 0
    form_edits: list[int] = []
    first.browser.item_form.saved.connect(form_edits.append)

    new_text = "Tỷ lệ hồ sơ được số hóa (sửa ở cửa sổ thứ hai)"
    second.browser.item_form.text.setPlainText(new_text)
    second.browser.item_form.save()  # as when the officer leaves the field

    qtbot.waitUntil(lambda: first.browser.item_form.text.toPlainText() == new_text, timeout=WAIT_MS)
    assert _row_text(first, item_id) == new_text
    assert first.browser.current_selection() == node
    assert first.browser.item_form.detail.id == item_id and first.browser.table.currentIndex().data(ID_ROLE) == item_id
    assert first.browser.table.verticalScrollBar().value() == scroll
    assert form_edits == []  # shown, not saved again
    assert second.browser.item_form.text.toPlainText() == new_text


def test_a_heading_renamed_elsewhere_keeps_the_tree_as_it_was(qtbot: Any, db: Database, other: Database) -> None:
    from desktop_app.services.structure import delete_item, rename_heading

    import_file(db, path=NAM_HONG)
    window = _window(qtbot, db)
    plan = window.browser.tree_model.item(0)
    group = plan.child(0).child(2)
    window.browser.tree.collapse(plan.child(1).index())  # section II closed by the officer
    window.browser.tree.setCurrentIndex(group.index())
    node = window.browser.current_selection()
    window.browser.table.selectRow(1)
    item_id = window.browser.table.currentIndex().data(ID_ROLE)
    gone_id = window.browser.items_model.row_at(2).id
    tree_choices: list[object] = []
    window.browser.tree.selectionModel().currentChanged.connect(lambda *a: tree_choices.append(a))

    rename_heading(other, kind="group", heading_id=node.group_id, title="Nhóm đổi tên ở bản thứ hai")
    delete_item(other, item_id=gone_id)
    qtbot.waitUntil(lambda: "Nhóm đổi tên" in (window.browser.tree.currentIndex().data() or ""), timeout=WAIT_MS)
    assert window.browser.current_selection() == node and tree_choices == []  # the same node, not a new choice
    plan = window.browser.tree_model.item(0)
    assert window.browser.tree.isExpanded(plan.child(0).index()) and not window.browser.tree.isExpanded(plan.child(1).index())
    qtbot.waitUntil(lambda: all(window.browser.items_model.row_at(r).id != gone_id
                                for r in range(window.browser.items_model.rowCount())), timeout=WAIT_MS)
    assert window.browser.item_form.detail.id == item_id == window.browser.table.currentIndex().data(ID_ROLE)

    delete_item(other, item_id=item_id)  # the item shown in the form is deleted elsewhere: the form empties
    qtbot.waitUntil(lambda: window.browser.item_form.detail is None, timeout=WAIT_MS)
    assert not window.browser.item_form.isEnabled() and not window.browser.table.currentIndex().isValid()


def test_own_saves_cause_no_second_refresh(qtbot: Any, db: Database) -> None:
    import_file(db, path=NAM_HONG)
    window = _window(qtbot, db)
    _select(window, "2.2")
    window.browser.item_form.note.setText("ghi chú của chính cửa sổ này")
    window.browser.item_form.save()
    resets: list[int] = []
    window.browser.items_model.modelReset.connect(lambda: resets.append(1))
    window.browser.tree_model.modelReset.connect(lambda: resets.append(2))
    assert window.live_refresh.watcher.poll()  # the file did change ...
    assert resets == []  # ... but nothing shown differs, so nothing is reloaded
    assert window.statusBar().currentMessage() != window.live_refresh.notice()


def test_an_unsaved_edit_is_not_overwritten(qtbot: Any, db: Database, other: Database) -> None:
    import_file(db, path=NAM_HONG)
    window = _window(qtbot, db)
    item_id = _select(window, "2.5")
    before = item_detail(db, item_id=item_id)
    window.browser.item_form.note.setText("đang gõ dở")  # typed, the field still has the focus: not saved
    _note(other, item_id, "sửa ở bản thứ hai")

    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == window.live_refresh.notice(), timeout=WAIT_MS)
    assert "F5" in window.statusBar().currentMessage()
    assert window.browser.item_form.note.text() == "đang gõ dở"
    assert window.browser.item_form.detail == before and window.live_refresh.pending

    window.browser.item_form.note.setText(before.note)  # the officer takes the edit back: the refresh follows
    qtbot.waitUntil(lambda: window.browser.item_form.note.text() == "sửa ở bản thứ hai", timeout=WAIT_MS)
    assert not window.live_refresh.pending
    assert window.statusBar().currentMessage() != window.live_refresh.notice()


def test_f5_saves_a_pending_edit_then_reloads(qtbot: Any, db: Database, other: Database) -> None:
    plan_id = import_file(db, path=NAM_HONG).plan_id
    window = _window(qtbot, db)
    window.live_refresh.watcher.timer.stop()  # only F5 refreshes in this test
    item_id = _select(window, "2.6")
    neighbour = item_by_number(db, plan_id=plan_id, number="2.7", section="I")
    window.browser.item_form.note.setText("gõ rồi bấm F5")
    _note(other, neighbour, "sửa dòng bên cạnh ở bản thứ hai")
    assert window.live_refresh.reload_action.shortcut().toString() == "F5"
    window.live_refresh.reload_action.trigger()
    assert item_detail(db, item_id=item_id).note == "gõ rồi bấm F5"  # the edit was kept
    assert window.browser.item_form.note.text() == "gõ rồi bấm F5" and window.browser.item_form.detail.id == item_id
    model = window.browser.items_model
    assert any(model.row_at(r).note == "sửa dòng bên cạnh ở bản thứ hai" for r in range(model.rowCount()))


def test_progress_entered_elsewhere_reaches_the_grid_and_dashboard(qtbot: Any, db: Database, other: Database) -> None:
    plan_id = import_file(db, path=NAM_HONG).plan_id
    window = _window(qtbot, db)
    window.browser.views.setCurrentWidget(window.browser.progress_grid)
    period = window.browser.progress_grid.current_period()
    assert period is not None
    item_id = item_by_number(db, plan_id=plan_id, number="2.1", section="I")
    grid = window.browser.progress_grid.model
    row = next(r for r in range(grid.rowCount()) if grid.row_at(r).item_id == item_id)
    window.browser.progress_grid.table.setCurrentIndex(grid.index(row, 3))
    record_progress(other, item_id=item_id, period=period.label, unit=grid.row_at(row).unit_name, value=Decimal(80))
    qtbot.waitUntil(lambda: grid.row_at(row).value == Decimal(80), timeout=WAIT_MS)
    assert window.browser.progress_grid.table.currentIndex().row() == row  # the cell chosen stays chosen
    window.browser.views.setCurrentWidget(window.browser.dashboard)
    reported = window.browser.dashboard.data
    record_progress(other, item_id=item_by_number(db, plan_id=plan_id, number="2.2", section="I"),
                    period=period.label, value=Decimal(100))
    qtbot.waitUntil(lambda: window.browser.dashboard.data != reported, timeout=WAIT_MS)


def _commune_package(tmp_path: Path, name: str, source: Path, out: Path) -> None:
    """A package as a commune sends it: its own database (own installation key), its plan, exported."""
    from desktop_app.services.exchange import export_package

    commune_db = new_database(tmp_path / f"{name}.sqlite3")
    try:
        import_file(commune_db, path=source)
        export_package(commune_db, out=out)
    finally:
        commune_db.close()


def test_a_province_folder_import_reaches_the_plan_tree(qtbot: Any, db: Database, tmp_path: Path) -> None:
    pytest.importorskip("desktop_app.services.exchange")
    from desktop_app.ui.widgets.province_view import ProvinceWindow
    from tests.qt_helpers import answer_next_box

    folder = tmp_path / "goi"
    folder.mkdir()
    _commune_package(tmp_path, "nam_hong", NAM_HONG, folder / "nam_hong.cdsx")
    _commune_package(tmp_path, "minh_tan", MINH_TAN, folder / "minh_tan.cdsx")
    window = _window(qtbot, db)
    assert window.browser.tree_model.rowCount() == 0
    province = ProvinceWindow(db, window)
    qtbot.addWidget(province)
    province.show()
    seen: list[str] = []
    answer_next_box("Đồng ý", seen)
    task = province.view.import_folder(folder, trust=True)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: window.browser.tree_model.rowCount() == 2, timeout=WAIT_MS)
    titles = sorted(window.browser.tree_model.item(r).text() for r in range(2))
    assert "Minh Tân" in titles[0] and "Nam Hồng" in titles[1]
    assert window.browser.current_selection() is not None and window.browser.items_model.rowCount() > 0



# ----- the one change hub ----------------------------------------------------------------------------------
def test_a_use_case_run_by_a_controller_publishes_what_it_changed(qtbot: Any, db: Database) -> None:
    window = _window(qtbot, db)
    seen: list[Any] = []
    window.hub.changed.connect(seen.append)
    task = window.imports.import_path(NAM_HONG)
    qtbot.waitUntil(lambda: task not in window.operations.tasks, timeout=WAIT_MS)
    plan_id = show(db)["plans"][0]["id"]
    assert [c.plan_ids for c in seen] == [frozenset({plan_id})] and "items" in seen[0].tables
    assert window.browser.tree_model.rowCount() == 1  # the tree read it again on its own


def test_an_edit_in_the_form_reaches_the_table_and_the_hidden_dashboard_through_the_hub(
        qtbot: Any, db: Database) -> None:
    import_file(db, path=NAM_HONG)
    window = _window(qtbot, db)
    item_id = _select(window, "2.2")
    window.browser.views.setCurrentWidget(window.browser.dashboard)  # the dashboard is read ...
    before = window.browser.dashboard.data
    window.browser.views.setCurrentIndex(0)
    seen: list[Any] = []
    window.hub.changed.connect(seen.append)
    window.browser.item_form.text.setPlainText("Tỷ lệ hồ sơ trực tuyến toàn trình (đã sửa)")
    window.browser.item_form.save()
    assert [c.item_ids for c in seen] == [frozenset({item_id})]
    row = window.browser.table.currentIndex().row()
    assert "(đã sửa)" in window.browser.items_model.row_at(row).text  # the table read it again, same row
    window.browser.views.setCurrentWidget(window.browser.dashboard)  # ... and again when looked at after the edit
    assert window.browser.dashboard.data is not before


def test_the_file_watcher_publishes_on_the_same_hub(qtbot: Any, db: Database, other: Database) -> None:
    import_file(db, path=NAM_HONG)
    window = _window(qtbot, db)
    item_id = _select(window, "2.2")
    seen: list[Any] = []
    window.hub.changed.connect(seen.append)
    _note(other, item_id, "sửa ở máy khác")
    assert window.live_refresh.watcher.poll()
    assert [c.external for c in seen] == [True]
    assert window.browser.item_form.detail.note == "sửa ở máy khác"
