"""The versions merges keep (not chosen in a conflict, replaced, deleted by the sender): listed with labels and
the fields that differ, restored reversibly, sent on to the other installation, a deleted record re-created with
the records deleted with it; and the CLI commands versions / restore-version."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database
from desktop_app.cli import main
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.services import editing
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.structure import delete_item
from desktop_app.services.versions import (
    FieldChange,
    KeptVersion,
    kept_versions,
    restore_version,
)
from tests.conftest import NAM_HONG, new_database
from tests.exchange_helpers import FOREIGN, content, send


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Installation A (the commune, which imported the plan) and B (a unit), B holding A's full package."""
    a = new_database(tmp_path / "a" / "du_lieu.sqlite3")
    b = new_database(tmp_path / "b" / "du_lieu.sqlite3")
    plan = import_file(a, path=NAM_HONG).plan_id
    record_progress(a, item_id=item_by_number(a, plan_id=plan, number="2.1"), period="2026-Q1", value=Decimal(40))
    send(a, b, tmp_path, "dau_tien.cdsx")
    yield a, b
    a.close()
    b.close()


def _one(db: Database, sql: str, *args: Any) -> Any:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


def _item(db: Database, number: str) -> int:
    return _one(db, "SELECT id FROM items WHERE number = ?", number)[0]


def _edit(db: Database, number: str, **changes: str) -> None:
    detail = editing.item_detail(db, item_id=_item(db, number))
    editing.update_item(db, new=detail.__class__(**{**detail.__dict__, **changes}))


def _conflict(a: Database, b: Database, tmp_path: Path) -> KeptVersion:
    """Item 2.3's text changed on both sides; B keeps its own: A's text is the version not chosen."""
    _edit(a, "2.3", text="Văn bản sửa ở xã")
    _edit(b, "2.3", text="Văn bản sửa ở đơn vị")
    assert send(a, b, tmp_path, "a_to_b.cdsx").counts["conflict"] == 1
    (kept,) = kept_versions(b)
    return kept


def test_the_version_not_chosen_is_listed_with_labels_and_the_field_that_differs(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    kept = _conflict(a, b, tmp_path)
    assert (kept.table, kept.table_label, kept.reason, kept.reason_label) == (
        "items", "Chỉ tiêu/nhiệm vụ", "not_chosen", "Không được chọn khi xung đột")
    assert kept.record.startswith("2.3 Văn bản sửa ở đơn vị") and "a_to_b.cdsx" in kept.source
    assert kept.exists and kept.restored_at is None and kept.item_id == _item(b, "2.3")
    assert kept.fields == (FieldChange("Nội dung", "Văn bản sửa ở đơn vị", "Văn bản sửa ở xã", "text"),)
    assert [v.id for v in kept_versions(b, item_id=_item(b, "2.3"))] == [kept.id]
    assert kept_versions(b, item_id=_item(b, "2.2")) == [] and kept_versions(b, table="targets") == []
    with pytest.raises(NotFound):
        kept_versions(b, item_id=999999)


def test_restoring_puts_the_kept_value_back_and_keeps_the_one_it_replaced(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    kept = _conflict(a, b, tmp_path)
    rev_before = _one(b, "SELECT rev FROM items WHERE number = '2.3'")[0]
    restore_version(b, history_id=kept.id)
    text, rev = _one(b, "SELECT text, rev FROM items WHERE number = '2.3'")
    assert text == "Văn bản sửa ở xã" and rev != rev_before  # a local edit: a new revision, sent next time
    (undo,) = kept_versions(b)
    assert undo.reason == "replaced_by_restore" and undo.reason_label == "Bị thay khi khôi phục phiên bản"
    assert undo.fields == (FieldChange("Nội dung", "Văn bản sửa ở xã", "Văn bản sửa ở đơn vị", "text"),)
    with pytest.raises(InvalidValue, match="đã được khôi phục"):
        restore_version(b, history_id=kept.id)
    restore_version(b, history_id=undo.id)  # restoring is itself reversible
    assert _one(b, "SELECT text FROM items WHERE number = '2.3'")[0] == "Văn bản sửa ở đơn vị"
    every = kept_versions(b, include_restored=True)
    assert {v.id for v in every if v.restored_at is not None} == {kept.id, undo.id}
    assert len(every) == 3  # the second restore kept the version it replaced too
    with pytest.raises(NotFound):
        restore_version(b, history_id=987654)


def test_a_version_equal_to_the_record_now_is_not_restored(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    kept = _conflict(a, b, tmp_path)
    _edit(b, "2.3", text="Văn bản sửa ở xã")
    assert kept_versions(b)[0].fields == ()
    with pytest.raises(InvalidValue, match="giống hệt"):
        restore_version(b, history_id=kept.id)
    assert kept_versions(b)[0].restored_at is None


def test_a_restored_version_goes_out_in_the_next_package_and_is_taken_there(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    _edit(a, "1.1", note="Ghi chú mới của xã")
    _edit(b, "1.2", note="Ghi chú của đơn vị")
    assert send(a, b, tmp_path, "a_to_b.cdsx").counts["updated"] >= 1
    (replaced,) = [v for v in kept_versions(b) if v.reason == "replaced"]
    assert replaced.record.startswith("1.1") and replaced.fields[0].label == "Ghi chú"
    assert (replaced.fields[0].current, replaced.fields[0].kept) == ("Ghi chú mới của xã", "—")
    restore_version(b, history_id=replaced.id)
    assert _one(b, "SELECT note FROM items WHERE number = '1.1'")[0] == ""
    back = send(b, a, tmp_path, "b_to_a.cdsx", prefer="theirs")  # A's records: A's officer takes B's changes
    assert {c.detail for c in back.changes if c.conflicts} == {FOREIGN}
    assert _one(a, "SELECT note FROM items WHERE number = '1.1'")[0] == ""  # the restore was taken there
    assert _one(a, "SELECT note FROM items WHERE number = '1.2'")[0] == "Ghi chú của đơn vị"
    assert content(a) == content(b)


def test_a_record_deleted_by_a_package_comes_back_with_what_was_deleted_with_it(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    targets_before = _one(b, "SELECT count(*) FROM targets WHERE item_id = ?", _item(b, "2.1"))[0]
    delete_item(a, item_id=_item(a, "2.1"))
    send(a, b, tmp_path, "a_to_b.cdsx")
    assert _one(b, "SELECT count(*) FROM items WHERE number = '2.1'")[0] == 0
    listed = kept_versions(b)
    assert {v.reason for v in listed} == {"deleted"} and not any(v.exists for v in listed)
    (item,) = [v for v in listed if v.table == "items"]
    assert item.record.startswith("2.1 Phủ sóng 5G") and item.reason_label == "Bị xoá theo bên gửi"
    assert ("Nội dung", "—", "Phủ sóng 5G đạt tối thiểu trên 70% dân số") in [
        (f.label, f.current, f.kept) for f in item.fields]
    report = next(v for v in listed if v.table == "progress_reports")
    assert report.table_label == "Kết quả" and report.record.startswith("2.1 Phủ sóng") and "Quý I/2026" in report.record
    assert report.item_id is None  # its item is gone: nothing to open
    target = next(v for v in listed if v.table == "targets")
    with pytest.raises(InvalidValue, match="chỉ tiêu/nhiệm vụ mà bản này thuộc về"):
        restore_version(b, history_id=target.id)  # its item first
    uuid = _one(b, "SELECT uuid FROM record_history WHERE id = ?", item.id)[0]
    assert _one(b, "SELECT count(*) FROM tombstones WHERE uuid = ?", uuid)[0] == 1
    restore_version(b, history_id=item.id)
    restored = _one(b, "SELECT id, uuid, latest_value, search_text FROM items WHERE number = '2.1'")
    assert restored[1] == uuid and restored[2] == "40" and restored[3]  # derived columns refreshed
    assert _one(b, "SELECT count(*) FROM tombstones WHERE uuid = ?", uuid)[0] == 0
    assert _one(b, "SELECT count(*) FROM targets WHERE item_id = ?", restored[0])[0] == targets_before
    assert _one(b, "SELECT count(*) FROM deadlines WHERE item_id = ?", restored[0])[0] == 1
    assert _one(b, "SELECT count(*) FROM assignments WHERE item_id = ?", restored[0])[0] >= 2
    assert _one(b, "SELECT count(*) FROM tombstones")[0] == 0
    assert kept_versions(b) == []  # the records deleted with it were restored with it
    send(b, a, tmp_path, "b_to_a.cdsx")  # and A, which deleted it, gets it back
    assert _one(a, "SELECT count(*) FROM items WHERE number = '2.1'")[0] == 1
    assert content(a) == content(b)


def test_the_cli_lists_and_restores(pair, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    kept = _conflict(a, b, tmp_path)
    db = ["--db", str(b.path)]
    assert main([*db, "versions", "--json", "--item", str(_item(b, "2.3"))]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["id"] == kept.id and listed["reason"] == "not_chosen" and listed["exists"] is True
    assert listed["fields"] == [{"field": "text", "label": "Nội dung", "current": "Văn bản sửa ở đơn vị",
                                 "kept": "Văn bản sửa ở xã"}]
    assert main([*db, "versions"]) == 0
    out = capsys.readouterr().out
    assert f"#{kept.id}" in out and "Không được chọn khi xung đột" in out and "«Văn bản sửa ở xã»" in out
    assert main([*db, "restore-version", str(kept.id)]) == 0
    assert "Đã khôi phục" in capsys.readouterr().out
    assert _one(b, "SELECT text FROM items WHERE number = '2.3'")[0] == "Văn bản sửa ở xã"
    assert main([*db, "restore-version", str(kept.id)]) == 2
    assert "đã được khôi phục" in capsys.readouterr().err
    assert main([*db, "versions", "--all", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_a_version_restored_after_its_conflict_went_back_reaches_the_other_side(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    kept = _conflict(a, b, tmp_path)  # B keeps its text, A's is kept aside
    assert send(b, a, tmp_path, "b_to_a.cdsx", prefer="theirs").counts["conflict"] == 1  # A takes B's text
    assert _one(a, "SELECT text FROM items WHERE number = '2.3'")[0] == "Văn bản sửa ở đơn vị"
    restore_version(b, history_id=kept.id)  # B changes its mind: A's text after all
    outcome = send(b, a, tmp_path, "b_to_a_2.cdsx", to="xa", prefer="theirs")
    assert outcome.counts["conflict"] == 1
    assert _one(a, "SELECT text FROM items WHERE number = '2.3'")[0] == "Văn bản sửa ở xã"
    assert content(a) == content(b)


def test_each_of_several_items_deleted_by_one_package_comes_back_with_its_own_children(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b = pair
    counts = {n: _one(b, "SELECT count(*) FROM targets WHERE item_id = ?", _item(b, n))[0] for n in ("2.2", "2.3")}
    delete_item(a, item_id=_item(a, "2.2"))
    delete_item(a, item_id=_item(a, "2.3"))
    send(a, b, tmp_path, "a_to_b.cdsx")
    items = {v.record[:3]: v for v in kept_versions(b) if v.table == "items"}
    targets = [v for v in kept_versions(b) if v.table == "targets"]
    assert set(items) == {"2.2", "2.3"} and all("(2.2 " in t.record or "(2.3 " in t.record for t in targets)
    restore_version(b, history_id=items["2.3"].id)
    assert _one(b, "SELECT count(*) FROM targets WHERE item_id = ?", _item(b, "2.3"))[0] == counts["2.3"]
    assert _one(b, "SELECT count(*) FROM items WHERE number = '2.2'")[0] == 0
    restore_version(b, history_id=items["2.2"].id)
    assert _one(b, "SELECT count(*) FROM targets WHERE item_id = ?", _item(b, "2.2"))[0] == counts["2.2"]
