"""Editing one item through the service: values saved, validated, refused on a stale version, undone exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from db.engine import Database
from desktop_app.errors import InvalidValue
from desktop_app.services.editing import TargetValue, item_detail, update_item
from desktop_app.services.importing import import_file
from desktop_app.services.items import count, make_query
from desktop_app.services.plans import show
from tests.conftest import NAM_HONG


def _item(db: Database, number: str) -> int:
    plan = show(db)["plans"][0]
    return next(i["id"] for i in plan["items"] if i["number"] == number and i["section"] == "I")


def test_edit_target_deadline_and_units_then_undo(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    item_id = _item(db, "2.2")
    before_json = show(db)
    detail = item_detail(db, item_id=item_id)
    assert detail.targets[0].op == ">=" and detail.targets[0].value == 70
    edited = replace(detail, targets=(replace(detail.targets[0], value=Decimal(75)),), deadline_kind="date",
                     deadline_due=date(2026, 9, 30), deadline_raw="", implementing=("Công an xã", "Tổ số thôn Đoài"))
    old = update_item(db, new=edited)
    now = item_detail(db, item_id=item_id)
    assert now.targets[0].value == 75 and now.deadline_due == date(2026, 9, 30) and now.deadline_raw == "30/09/2026"
    assert now.implementing == ("Công an xã", "Tổ số thôn Đoài") and now.version == detail.version + 1
    plan = make_query(plan_id=show(db)["plans"][0]["id"], today=date(2026, 11, 24), search="to so thon doai")
    assert count(db, plan) == 1  # the search text follows the new unit
    update_item(db, new=replace(old, version=now.version))
    after_json = show(db)
    assert after_json == before_json


@pytest.mark.parametrize(("change", "message"), [
    ({"targets": (TargetValue(">=", Decimal(120), "percent"),)}, "từ 0 đến 100 khi đơn vị là %"),
    ({"targets": (TargetValue(">=", Decimal(4), "count", None),)}, "danh từ được đếm"),
    ({"text": "   "}, "không được để trống"),
    ({"deadline_kind": "date", "deadline_due": None}, "Hãy chọn ngày"),
])
def test_refused_edits_change_nothing(db: Database, change: dict[str, object], message: str) -> None:
    import_file(db, path=NAM_HONG)
    item_id = _item(db, "3.2")
    detail = item_detail(db, item_id=item_id)
    with pytest.raises(InvalidValue, match=message):
        update_item(db, new=replace(detail, **change))  # type: ignore[arg-type]
    assert item_detail(db, item_id=item_id) == detail


def test_stale_version_is_refused(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    item_id = _item(db, "3.3")
    first = item_detail(db, item_id=item_id)
    update_item(db, new=replace(first, note="sửa ở máy A"))
    with pytest.raises(InvalidValue, match="vừa được sửa ở nơi khác"):
        update_item(db, new=replace(first, note="sửa ở máy B"))
    assert item_detail(db, item_id=item_id).note == "sửa ở máy A"


def test_two_copies_of_the_program_on_one_file_do_not_overwrite_each_other(db: Database) -> None:
    from db.engine import open_database

    import_file(db, path=NAM_HONG)
    other = open_database(db.path)  # a second program (its own engine and connections) on the same file
    try:
        item_id = _item(db, "2.4")
        mine, theirs = item_detail(db, item_id=item_id), item_detail(other, item_id=item_id)
        update_item(other, new=replace(theirs, note="lưu ở cửa sổ thứ hai"))
        with pytest.raises(InvalidValue, match="vừa được sửa ở nơi khác"):
            update_item(db, new=replace(mine, note="lưu ở cửa sổ thứ nhất"))
        reloaded = item_detail(db, item_id=item_id)
        assert reloaded.note == "lưu ở cửa sổ thứ hai"
        update_item(db, new=replace(reloaded, note="lưu sau khi tải lại"))
        assert item_detail(other, item_id=item_id).note == "lưu sau khi tải lại"
    finally:
        other.close()
