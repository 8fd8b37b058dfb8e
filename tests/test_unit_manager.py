"""The unit manager: list, rename and merge units through the services and the real dialog, and undo exactly."""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from db.engine import Database
from db.models import Assignment, Unit, UnitAlias
from desktop_app.domain.text import collation_key, sort_key, unit_key
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services import items, plans, progress, units
from desktop_app.services.importing import import_file
from desktop_app.ui.dialogs.unit_manager import (
    COL_ALIASES,
    COL_ITEMS,
    COL_NAME,
    COL_REPORTS,
    ID_ROLE,
    UnitManagerDialog,
)
from tests.conftest import MINH_TAN, NAM_HONG

KINH_TE = "Phòng Kinh tế"
VHXH = "Phòng Văn hóa - Xã hội"
NEW_NAME = "Phòng Kinh tế - Nông nghiệp"


def _ids(db: Database) -> dict[str, int]:
    return {u.name: u.id for u in units.list_units(db)}


def _info(db: Database, name: str) -> units.UnitInfo:
    return next(u for u in units.list_units(db) if u.name == name)


def _state(db: Database) -> tuple[Any, Any]:
    return plans.show(db), plans.units(db)


def _raw_units(db: Database) -> list[tuple[Any, ...]]:
    """Every unit, alias and assignment row as stored (ids, uuids, keys, orders), for exact comparisons."""
    with db.reading() as session:
        unit_rows = [(u.id, u.uuid, u.name, u.key, u.sort_name, u.named_by_user, u.created_at)
                     for u in session.query(Unit).order_by(Unit.id)]
        alias_rows = [(a.id, a.uuid, a.unit_id, a.spelling, a.key, a.seen)
                      for a in session.query(UnitAlias).order_by(UnitAlias.id)]
        assignment_rows = [(a.id, a.uuid, a.item_id, a.unit_id, a.role, a.order, a.created_at)
                           for a in session.query(Assignment).order_by(Assignment.id)]
    return [*unit_rows, *alias_rows, *assignment_rows]


def _search(db: Database, text: str, plan_id: int = 1) -> int:
    return items.count(db, items.make_query(search=text, plan_id=plan_id, today=date(2026, 1, 1)))


def _item(db: Database, number: str, plan_index: int = 0) -> dict[str, Any]:
    return next(i for i in plans.show(db)["plans"][plan_index]["items"] if i["number"] == number)


@pytest.fixture
def nam_hong(db: Database) -> Database:
    import_file(db, path=NAM_HONG)
    return db


# ----- services ------------------------------------------------------------------------------------------------
def test_list_units_in_vietnamese_order_with_spellings_and_counts(nam_hong: Database) -> None:
    listed = units.list_units(nam_hong)
    names = [u.name for u in listed]
    assert names == sorted(names, key=sort_key)
    assert len(names) == len(set(names)) == 13
    vhxh = _info(nam_hong, VHXH)
    assert "Phòng Văn hoá - Xã hội" in vhxh.aliases and VHXH not in vhxh.aliases
    assert (_info(nam_hong, KINH_TE).items, _info(nam_hong, KINH_TE).reports) == (2, 0)
    # the same distinct-item counts as the CLI's listing
    assert {u.name: u.items for u in listed} == {u["name"]: u["items"] for u in plans.units(nam_hong)["units"]}


def test_rename_keeps_old_name_as_alias_and_undo_restores_everything(nam_hong: Database) -> None:
    db = nam_hong
    before, raw_before = _state(db), _raw_units(db)
    unit_id = _ids(db)[KINH_TE]
    assert _search(db, "nong nghiep") == 0

    undo = units.rename_unit(db, unit_id=unit_id, name=f"  {NEW_NAME} \u200b")
    assert undo.new_name == NEW_NAME and undo.old_name == KINH_TE
    info = _info(db, NEW_NAME)
    assert info.id == unit_id and info.aliases == [KINH_TE] and info.items == 2
    with db.reading() as session:
        unit = session.get(Unit, unit_id)
        assert unit is not None
        assert (unit.key, unit.sort_name, unit.named_by_user) == (unit_key(NEW_NAME), collation_key(NEW_NAME), True)
    assert _item(db, "6.1")["monitoring_units"] == [NEW_NAME]
    assert _search(db, "nong nghiep") == 2  # the items' search text follows the new name

    units.undo_rename(db, undo=undo)
    assert _state(db) == before
    assert _raw_units(db) == raw_before
    assert _search(db, "nong nghiep") == 0


def test_rename_adds_the_old_name_as_an_alias_only_when_missing_and_undo_removes_it(nam_hong: Database) -> None:
    db = nam_hong
    raw_before = _raw_units(db)
    first = units.rename_unit(db, unit_id=_ids(db)[KINH_TE], name=NEW_NAME)
    assert first.added_alias_id is None  # the import had recorded "Phòng Kinh tế" as a spelling already
    second = units.rename_unit(db, unit_id=first.unit_id, name="Phòng Kinh tế xã")
    assert second.added_alias_id is not None
    assert _info(db, "Phòng Kinh tế xã").aliases == [KINH_TE, NEW_NAME]
    units.undo_rename(db, undo=second)
    assert _info(db, NEW_NAME).aliases == [KINH_TE]
    units.undo_rename(db, undo=first)
    assert _raw_units(db) == raw_before


def test_renamed_unit_keeps_its_name_and_catches_the_old_spelling_on_import(nam_hong: Database) -> None:
    db = nam_hong
    units.rename_unit(db, unit_id=_ids(db)[KINH_TE], name=NEW_NAME)
    import_file(db, path=NAM_HONG, again=True)
    import_file(db, path=MINH_TAN)
    names = [u.name for u in units.list_units(db)]
    assert KINH_TE not in names and NEW_NAME in names
    assert not any(unit_key(name) == unit_key(KINH_TE) for name in names)
    # 6.1 and 6.2 of both Nam Hồng copies, and Minh Tân's three items (one spelled "Phòng kinh tế")
    assert _info(db, NEW_NAME).items == 2 + 2 + 3
    assert "Phòng kinh tế" in _info(db, NEW_NAME).aliases


@pytest.mark.parametrize("name", ["", "   ", "\u200b\n"])
def test_rename_to_nothing_is_refused(nam_hong: Database, name: str) -> None:
    before = _raw_units(nam_hong)
    with pytest.raises(InvalidValue, match="trống"):
        units.rename_unit(nam_hong, unit_id=_ids(nam_hong)[KINH_TE], name=name)
    assert _raw_units(nam_hong) == before


@pytest.mark.parametrize("name", [VHXH, "phòng văn hoá–xã hội", "Công an xã"])
def test_rename_to_another_units_name_suggests_merging(nam_hong: Database, name: str) -> None:
    before = _raw_units(nam_hong)
    with pytest.raises(InvalidValue, match="gộp") as refused:
        units.rename_unit(nam_hong, unit_id=_ids(nam_hong)[KINH_TE], name=name)
    assert "đơn vị khác" in refused.value.message
    assert _raw_units(nam_hong) == before


def test_rename_to_another_units_former_spelling_is_refused(nam_hong: Database) -> None:
    db = nam_hong
    ids = _ids(db)
    units.merge_units(db, source_id=ids[KINH_TE], target_id=ids[VHXH])
    with pytest.raises(InvalidValue, match=VHXH):
        units.rename_unit(db, unit_id=ids["Công an xã"], name=KINH_TE)


def test_rename_refuses_unknown_unit_and_unchanged_name(nam_hong: Database) -> None:
    with pytest.raises(NotFound):
        units.rename_unit(nam_hong, unit_id=9999, name="Phòng mới")
    with pytest.raises(InvalidValue):
        units.rename_unit(nam_hong, unit_id=_ids(nam_hong)[KINH_TE], name=KINH_TE)
    # a respelling of its own name is allowed: same key, new shown name
    undo = units.rename_unit(nam_hong, unit_id=_ids(nam_hong)[KINH_TE], name="Phòng kinh tế")
    assert _info(nam_hong, "Phòng kinh tế").aliases == [KINH_TE]
    units.undo_rename(nam_hong, undo=undo)


def test_merge_moves_everything_and_undo_redo_are_exact(nam_hong: Database) -> None:
    db = nam_hong
    ids = _ids(db)
    before, raw_before = _state(db), _raw_units(db)
    old_vhxh = _info(db, VHXH)
    assert _search(db, "phong kinh te") == 2

    undo = units.merge_units(db, source_id=ids[KINH_TE], target_id=ids[VHXH])
    merged = _info(db, VHXH)
    assert merged.id == ids[VHXH]
    assert merged.items == old_vhxh.items + 2
    assert merged.aliases == [*old_vhxh.aliases, KINH_TE]
    assert KINH_TE not in _ids(db)
    assert _item(db, "6.1")["monitoring_units"] == [VHXH] and _item(db, "6.2")["monitoring_units"] == [VHXH]
    shown = plans.show(db)
    assert KINH_TE not in str(shown)
    assert sum(i["monitoring_units"] == [VHXH] for i in shown["plans"][0]["items"]) == old_vhxh.items + 2
    assert _search(db, "phong kinh te") == 0
    assert items.count(db, items.make_query(plan_id=1, today=date(2026, 1, 1), unit_id=ids[VHXH])) == merged.items
    after, raw_after = _state(db), _raw_units(db)

    units.undo_merge(db, undo=undo)
    assert _state(db) == before  # ids, uuids, names, aliases, seen counts, items' units: nothing excluded
    assert _raw_units(db) == raw_before
    assert _search(db, "phong kinh te") == 2

    again = units.merge_units(db, source_id=ids[KINH_TE], target_id=ids[VHXH])
    assert _state(db) == after and _raw_units(db) == raw_after
    assert units.undo_merge(db, undo=again) == ids[KINH_TE]
    assert _raw_units(db) == raw_before


def test_merge_drops_duplicate_assignments_and_undo_puts_them_back(nam_hong: Database) -> None:
    db = nam_hong
    ids = _ids(db)
    police, office = "Công an xã", "Văn phòng HĐND &UBND xã"
    both = [i["number"] for i in plans.show(db)["plans"][0]["items"]
            if police in i["monitoring_units"] and office in i["monitoring_units"]]
    assert len(both) == 3
    raw_before, before = _raw_units(db), _state(db)
    counts = (_info(db, police).items, _info(db, office).items)

    undo = units.merge_units(db, source_id=ids[police], target_id=ids[office])
    assert len(undo.dropped_assignments) == 3
    assert _info(db, office).items == counts[0] + counts[1] - 3
    for number in both:
        assert _item(db, number)["monitoring_units"] == [office]

    units.undo_merge(db, undo=undo)
    assert _raw_units(db) == raw_before and _state(db) == before


def test_merge_moves_progress_reports_and_refuses_colliding_ones(nam_hong: Database) -> None:
    db = nam_hong
    ids = _ids(db)
    item_61 = _item(db, "6.1")["id"]
    progress.record_progress(db, item_id=item_61, period="Quý I/2026", unit=KINH_TE, value=Decimal("35"))
    assert _info(db, KINH_TE).reports == 1
    before = (_state(db), progress.list_progress(db, plan_id=1))

    undo = units.merge_units(db, source_id=ids[KINH_TE], target_id=ids[VHXH])
    assert undo.moved_reports and _info(db, VHXH).reports == 1
    assert [r["unit"] for r in progress.list_progress(db, plan_id=1)] == [VHXH]
    units.undo_merge(db, undo=undo)
    assert (_state(db), progress.list_progress(db, plan_id=1)) == before

    progress.record_progress(db, item_id=item_61, period="Quý I/2026", unit=VHXH, value=Decimal("40"))
    raw = _raw_units(db)
    with pytest.raises(InvalidValue) as refused:
        units.merge_units(db, source_id=ids[KINH_TE], target_id=ids[VHXH])
    assert "6.1" in refused.value.message and "Quý I/2026" in refused.value.message
    assert _raw_units(db) == raw and len(progress.list_progress(db, plan_id=1)) == 2


def test_merge_refuses_itself_and_unknown_units(nam_hong: Database) -> None:
    ids = _ids(nam_hong)
    with pytest.raises(InvalidValue):
        units.merge_units(nam_hong, source_id=ids[KINH_TE], target_id=ids[KINH_TE])
    with pytest.raises(NotFound):
        units.merge_units(nam_hong, source_id=9999, target_id=ids[KINH_TE])


def test_reimporting_the_old_spelling_lands_on_the_merged_unit(nam_hong: Database) -> None:
    db = nam_hong
    ids = _ids(db)
    units.merge_units(db, source_id=ids[KINH_TE], target_id=ids[VHXH])
    import_file(db, path=NAM_HONG, again=True)
    import_file(db, path=MINH_TAN)
    names = _ids(db)
    assert KINH_TE not in names and names[VHXH] == ids[VHXH]
    copy = next(p for p in plans.show(db)["plans"] if p["source_name"] == NAM_HONG.name and p["id"] != 1)
    assert sum(i["monitoring_units"] == [VHXH] for i in copy["items"]) == 25 + 2
    assert all(KINH_TE not in i["monitoring_units"] + i["implementing_units"]
               for p in plans.show(db)["plans"] for i in p["items"])
    assert _info(db, VHXH).aliases.count(KINH_TE) == 1


# ----- GUI ---------------------------------------------------------------------------------------------------
def _answer_input(value: str, seen: list[str], *, accept: bool = True, timeout: float = 10.0) -> None:
    """When the next QInputDialog is shown, record its label, set value (text or list choice) and press OK."""
    deadline = time.monotonic() + timeout

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QInputDialog) and box.isVisible():
            seen.append(box.labelText())
            if box.comboBoxItems():
                seen.extend(box.comboBoxItems())
            box.setTextValue(value)
            box.accept() if accept else box.reject()
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


def _close_next_box(seen: list[str], *, timeout: float = 10.0) -> None:
    """When the next QMessageBox is shown, record its text and press its only button."""
    deadline = time.monotonic() + timeout

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            box.buttons()[0].click()
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def dialog(qtbot: Any, nam_hong: Database, stack: QUndoStack) -> UnitManagerDialog:
    dlg = UnitManagerDialog(nam_hong, stack)
    qtbot.addWidget(dlg)
    with qtbot.waitExposed(dlg, timeout=20000):  # a context manager: it waits on leaving the block
        dlg.show()
    return dlg


def _column(dlg: UnitManagerDialog, column: int) -> list[Any]:
    return [dlg.model.index(r, column).data() for r in range(dlg.model.rowCount())]


def _select(dlg: UnitManagerDialog, *names: str) -> None:
    dlg.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for name in names:
        row = _column(dlg, COL_NAME).index(name)
        dlg.table.selectionModel().select(dlg.model.index(row, 0), flags)


def test_model_passes_qtmodeltester(qtmodeltester: Any, dialog: UnitManagerDialog) -> None:
    qtmodeltester.check(dialog.model)
    dialog.model.set_search("van hoa")
    qtmodeltester.check(dialog.model)


def test_table_shows_units_in_order_and_search_filters_without_accents(qtbot: Any, dialog: UnitManagerDialog) -> None:
    names = _column(dialog, COL_NAME)
    assert names == [u.name for u in units.list_units(dialog.db)]
    row = names.index(VHXH)
    assert "Phòng Văn hoá - Xã hội" in dialog.model.index(row, COL_ALIASES).data()
    assert dialog.model.index(row, COL_ITEMS).data() == 25 and dialog.model.index(row, COL_REPORTS).data() == 0
    assert dialog.model.index(row, COL_NAME).data(ID_ROLE) == _ids(dialog.db)[VHXH]
    qtbot.keyClicks(dialog.search, "kinh te")
    assert _column(dialog, COL_NAME) == [KINH_TE]
    dialog.search.clear()
    dialog.search.setText("Văn hoá- Xã")  # typed with old-style tones: found all the same
    assert _column(dialog, COL_NAME) == [VHXH]
    dialog.search.clear()
    assert len(_column(dialog, COL_NAME)) == 13


def test_rename_through_the_undo_stack(qtbot: Any, dialog: UnitManagerDialog, stack: QUndoStack) -> None:
    db = dialog.db
    before = _state(db)
    _select(dialog, KINH_TE)
    assert dialog.rename_action.isEnabled()
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        assert dialog.rename_selected(NEW_NAME)
    assert stack.count() == 1 and stack.text(0) == f"Đổi tên đơn vị «{KINH_TE}» thành «{NEW_NAME}»"
    assert NEW_NAME in _column(dialog, COL_NAME) and KINH_TE not in _column(dialog, COL_NAME)
    assert [u.name for u in dialog.selected_units()] == [NEW_NAME]
    row = _column(dialog, COL_NAME).index(NEW_NAME)
    assert dialog.model.index(row, COL_ALIASES).data() == KINH_TE
    renamed = _state(db)

    with qtbot.waitSignal(dialog.changed, timeout=20000):
        stack.undo()
    assert _state(db) == before and KINH_TE in _column(dialog, COL_NAME)
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        dialog.redo_button.click()
    assert _state(db) == renamed and NEW_NAME in _column(dialog, COL_NAME)
    dialog.undo_button.click()
    assert _state(db) == before


def test_f2_asks_for_the_name_in_a_real_input_dialog(qtbot: Any, dialog: UnitManagerDialog, stack: QUndoStack) -> None:
    _select(dialog, KINH_TE)
    dialog.table.setFocus()
    dialog.activateWindow()
    asked: list[str] = []
    _answer_input(NEW_NAME, asked)
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: stack.count() == 1, timeout=20000)
    assert KINH_TE in asked[0]
    assert NEW_NAME in _column(dialog, COL_NAME)
    # cancelling the prompt changes nothing
    _answer_input("Phòng khác", asked, accept=False)
    dialog.rename_action.trigger()
    assert stack.count() == 1 and "Phòng khác" not in _column(dialog, COL_NAME)


def test_refused_rename_is_shown_and_not_pushed(qtbot: Any, dialog: UnitManagerDialog, stack: QUndoStack) -> None:
    before = _state(dialog.db)
    _select(dialog, KINH_TE)
    seen: list[str] = []
    _close_next_box(seen)
    assert not dialog.rename_selected("Công an xã")
    assert "gộp" in seen[0]
    _close_next_box(seen)
    assert not dialog.rename_selected("   ")
    assert "trống" in seen[1]
    assert stack.count() == 0 and _state(dialog.db) == before
    assert not dialog.rename_selected(KINH_TE)  # unchanged: nothing to do, nothing asked
    assert stack.count() == 0 and len(seen) == 2


def test_merge_two_selected_rows_through_the_stack(qtbot: Any, dialog: UnitManagerDialog, stack: QUndoStack) -> None:
    db = dialog.db
    before = _state(db)
    _select(dialog, KINH_TE, VHXH)
    assert dialog.merge_action.isEnabled() and not dialog.rename_action.isEnabled()
    asked: list[str] = []
    _answer_input(VHXH, asked)
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        dialog.merge_button.click()
    assert asked[1:] == [VHXH, KINH_TE]  # the unit with more items offered first
    assert stack.text(0) == f"Gộp đơn vị «{KINH_TE}» vào «{VHXH}»"
    assert KINH_TE not in _column(dialog, COL_NAME)
    row = _column(dialog, COL_NAME).index(VHXH)
    assert KINH_TE in dialog.model.index(row, COL_ALIASES).data()
    assert dialog.model.index(row, COL_ITEMS).data() == 27
    assert [u.name for u in dialog.selected_units()] == [VHXH]
    merged = _state(db)

    stack.undo()
    assert _state(db) == before and KINH_TE in _column(dialog, COL_NAME)
    stack.redo()
    assert _state(db) == merged
    stack.undo()
    assert _state(db) == before


def test_merge_one_row_into_a_unit_chosen_from_the_list(qtbot: Any, dialog: UnitManagerDialog, stack: QUndoStack) -> None:
    _select(dialog, KINH_TE)
    asked: list[str] = []
    _answer_input(VHXH, asked)
    dialog.merge_action.trigger()
    assert KINH_TE in asked[0] and KINH_TE not in asked[1:] and VHXH in asked[1:]
    assert stack.count() == 1 and KINH_TE not in _column(dialog, COL_NAME)
    assert _item(dialog.db, "6.1")["monitoring_units"] == [VHXH]


def test_refused_merge_is_shown_and_not_pushed(qtbot: Any, dialog: UnitManagerDialog, stack: QUndoStack) -> None:
    db = dialog.db
    item_61 = _item(db, "6.1")["id"]
    for unit in (KINH_TE, VHXH):
        progress.record_progress(db, item_id=item_61, period="Quý II/2026", unit=unit, value=Decimal("50"))
    dialog.reload()
    ids = _ids(db)
    seen: list[str] = []
    _close_next_box(seen)
    assert not dialog.merge_into(ids[KINH_TE], ids[VHXH])
    assert "6.1" in seen[0] and "Quý II/2026" in seen[0]
    assert stack.count() == 0 and KINH_TE in _column(dialog, COL_NAME)


def test_undo_from_outside_reloads_the_open_dialog(qtbot: Any, dialog: UnitManagerDialog, stack: QUndoStack) -> None:
    ids = _ids(dialog.db)
    assert dialog.merge_into(ids[KINH_TE], ids[VHXH])
    assert dialog.rename(ids[VHXH], "Phòng Văn hóa, Khoa học và Thông tin")
    assert stack.count() == 2
    with qtbot.waitSignal(dialog.changed, timeout=20000):
        stack.setIndex(0)  # e.g. the main window's Edit menu, twice
    names = _column(dialog, COL_NAME)
    assert KINH_TE in names and VHXH in names
    assert _info(dialog.db, VHXH).items == 25
