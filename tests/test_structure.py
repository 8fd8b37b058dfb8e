"""Plan header, section/group titles and order, adding, deleting (with undo) and moving items."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from db.engine import Database
from desktop_app.errors import InvalidValue
from desktop_app.services import structure
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.services.progress import list_progress, record_progress
from tests.conftest import MINH_TAN, NAM_HONG


def _numbers(db: Database, group: str) -> list[str]:
    return [i["number"] for i in show(db)["plans"][0]["items"] if i["section"] == "I" and i["group"] == group]


def _id(db: Database, number: str) -> int:
    return next(i["id"] for i in show(db)["plans"][0]["items"] if i["number"] == number and i["section"] == "I")


def test_plan_header_edit_and_undo(db: Database) -> None:
    plan_id = import_file(db, path=MINH_TAN).plan_id
    header = structure.plan_header(db, plan_id=plan_id)
    assert header == structure.PlanHeader("Minh Tân", "", None, 2026)
    old = structure.update_plan(db, plan_id=plan_id, header=structure.PlanHeader("Minh Tân", "52/KH-UBND", date(2026, 4, 3), 2026))
    assert show(db)["plans"][0]["plan_number"] == "52/KH-UBND" and show(db)["plans"][0]["plan_date"] == "2026-04-03"
    structure.update_plan(db, plan_id=plan_id, header=old)
    assert structure.plan_header(db, plan_id=plan_id) == header
    with pytest.raises(InvalidValue, match="2000 đến 2100"):
        structure.update_plan(db, plan_id=plan_id, header=structure.PlanHeader("Minh Tân", "", None, 226))


def test_move_items_and_headings(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    texts = {i["number"]: i["text"] for i in show(db)["plans"][0]["items"] if i["section"] == "I"}
    moved = _id(db, "2.2")
    assert structure.move_item(db, item_id=moved, step=-1)
    after = {i["number"]: i["text"] for i in show(db)["plans"][0]["items"] if i["section"] == "I"}
    assert _numbers(db, "2")[:3] == ["2.1", "2.2", "2.3"]  # Stt follows the position
    assert (after["2.1"], after["2.2"]) == (texts["2.2"], texts["2.1"]) and _id(db, "2.1") == moved
    assert not structure.move_item(db, item_id=moved, step=-1)  # already first of its group
    assert structure.move_item(db, item_id=moved, step=1)
    assert {i["number"]: i["text"] for i in show(db)["plans"][0]["items"] if i["section"] == "I"} == texts
    groups = show(db)["plans"][0]["sections"][0]["groups"]
    from db.models import Group
    with db.reading() as session:
        group3 = session.query(Group).filter_by(number="3").one().id
    assert structure.move_heading(db, kind="group", heading_id=group3, step=-1)
    assert [g["number"] for g in show(db)["plans"][0]["sections"][0]["groups"]][:3] == ["1", "3", "2"]
    assert structure.rename_heading(db, kind="group", heading_id=group3, title="Về nhân lực số (sửa)") == groups[2]["title"]
    with pytest.raises(InvalidValue):
        structure.rename_heading(db, kind="group", heading_id=group3, title="  ")


def test_add_then_delete_and_restore_with_reports(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    new_id = structure.add_item(db, after_item_id=_id(db, "2.1"), text="Tỷ lệ thôn có wifi miễn phí")
    assert [i["text"] for i in show(db)["plans"][0]["items"]][3] == "Tỷ lệ thôn có wifi miễn phí"
    target_id = _id(db, "7.1")
    record_progress(db, item_id=target_id, period="Quý III/2026", unit="Công an xã", value=Decimal(71))
    before = show(db)
    reports_before = list_progress(db, plan_id=before["plans"][0]["id"])
    snap = structure.delete_item(db, item_id=target_id)
    assert "7.1" not in _numbers(db, "7") and list_progress(db, plan_id=before["plans"][0]["id"]) == []
    structure.restore_deleted(db, snapshot=snap)
    assert show(db) == before
    assert list_progress(db, plan_id=before["plans"][0]["id"]) == reports_before
    structure.delete_item(db, item_id=new_id)
    assert len(show(db)["plans"][0]["items"]) == 55


def test_move_an_item_several_places_at_once(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    texts = [i["text"] for i in show(db)["plans"][0]["items"] if i["group"] == "2" and i["section"] == "I"]
    moved = _id(db, "2.1")
    assert structure.move_item_to(db, item_id=moved, target_item_id=_id(db, "2.4")) == 3
    after = [i["text"] for i in show(db)["plans"][0]["items"] if i["group"] == "2" and i["section"] == "I"]
    assert after[:4] == [texts[1], texts[2], texts[3], texts[0]] and _numbers(db, "2")[:4] == ["2.1", "2.2", "2.3", "2.4"]
    assert structure.move_item_to(db, item_id=moved, target_item_id=_id(db, "2.1")) == -3
    assert [i["text"] for i in show(db)["plans"][0]["items"] if i["group"] == "2" and i["section"] == "I"] == texts
    assert structure.move_item_to(db, item_id=moved, target_item_id=_id(db, "3.1")) == 0  # other group
