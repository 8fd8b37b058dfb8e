"""Two installations exchange data packages in both directions: same content afterwards, conflicts reported
with both values kept, different fields merged, deletions against edits, a second import changes nothing."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from db.engine import Database
from desktop_app.services import editing
from desktop_app.services.exchange import (
    PackageGap,
    UnknownSender,
    export_package,
    import_package,
    import_packages,
)
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.structure import delete_item
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
    yield a, b, plan
    a.close()
    b.close()


def _item(db: Database, number: str) -> int:
    con = sqlite3.connect(db.path)
    try:
        return con.execute("SELECT id FROM items WHERE number = ?", (number,)).fetchone()[0]
    finally:
        con.close()


def _edit(db: Database, number: str, **changes: str) -> None:
    detail = editing.item_detail(db, item_id=_item(db, number))
    editing.update_item(db, new=detail.__class__(**{**detail.__dict__, **changes}))


def test_a_full_package_gives_the_other_side_the_same_content(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    assert content(a) == content(b)
    con = sqlite3.connect(b.path)
    assert con.execute("SELECT latest_value, result FROM items WHERE number = '2.1'").fetchone()[0] == "40"


def test_edits_on_each_side_travel_both_ways(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, plan = pair
    _edit(a, "1.1", note="Ghi chú của xã")
    record_progress(b, item_id=_item(b, "2.2"), period="2026-Q1", value=Decimal(65), unit="Các doanh nghiệp viễn thông")
    to_b = send(a, b, tmp_path, "a_to_b.cdsx")
    to_a = send(b, a, tmp_path, "b_to_a.cdsx")
    assert to_b.counts["conflict"] == to_a.counts["conflict"] == 0
    assert to_b.counts["updated"] >= 1 and to_a.counts["new"] >= 1
    assert content(a) == content(b)


def test_the_same_field_changed_on_both_sides_is_a_conflict_and_both_values_stay(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    _edit(a, "2.3", text="Văn bản sửa ở xã")
    _edit(b, "2.3", text="Văn bản sửa ở đơn vị")
    outcome = send(a, b, tmp_path, "a_to_b.cdsx")
    conflicts = [c for c in outcome.changes if c.conflicts]
    assert outcome.counts["conflict"] == 1 and len(conflicts) == 1
    (conflict,) = conflicts[0].conflicts
    assert (conflict.field, conflict.ours, conflict.theirs) == ("text", "Văn bản sửa ở đơn vị", "Văn bản sửa ở xã")
    con = sqlite3.connect(b.path)
    assert con.execute("SELECT text FROM items WHERE id = ?", (_item(b, "2.3"),)).fetchone()[0] == "Văn bản sửa ở đơn vị"
    kept = [row[0] for row in con.execute("SELECT content FROM record_history WHERE reason = 'not_chosen'")]
    assert any("Văn bản sửa ở xã" in k for k in kept)  # the value not chosen is kept and can be restored
    back = send(b, a, tmp_path, "b_to_a.cdsx", prefer="theirs")  # B's choice on A's record: A's officer decides
    assert [(c.conflicts[0].field, c.detail) for c in back.changes if c.conflicts] == [("text", FOREIGN)]
    assert content(a) == content(b)


def test_the_officer_may_choose_theirs_for_a_conflicting_field(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    _edit(a, "2.3", text="Của xã")
    _edit(b, "2.3", text="Của đơn vị")
    path = tmp_path / "a_to_b.cdsx"
    export_package(a, out=path)
    preview = import_package(b, path=path, dry_run=True)
    (record,) = [c for c in preview.changes if c.conflicts]
    done = import_package(b, path=path, choices={(record.uuid, "text"): "theirs"})
    assert done.counts["conflict"] == 1
    con = sqlite3.connect(b.path)
    assert con.execute("SELECT text FROM items WHERE id = ?", (_item(b, "2.3"),)).fetchone()[0] == "Của xã"
    assert any("Của đơn vị" in row[0] for row in con.execute("SELECT content FROM record_history"))


def test_different_fields_changed_on_both_sides_merge_without_conflict(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    _edit(a, "3.1", text="Nội dung sửa ở xã")
    _edit(b, "3.1", note="Ghi chú ở đơn vị")
    to_b = send(a, b, tmp_path, "a_to_b.cdsx")
    assert to_b.counts["conflict"] == 0
    to_a = send(b, a, tmp_path, "b_to_a.cdsx", prefer="theirs")
    # B's change to A's record is A's officer's to take, and only the field B changed is asked
    assert [[f.field for f in c.conflicts] for c in to_a.changes if c.conflicts] == [["note"]]
    for db in (a, b):
        con = sqlite3.connect(db.path)
        assert con.execute("SELECT text, note FROM items WHERE id = ?", (_item(db, "3.1"),)).fetchone() == (
            "Nội dung sửa ở xã", "Ghi chú ở đơn vị")
    assert content(a) == content(b)


def test_a_deletion_there_removes_an_unchanged_record_here(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    delete_item(a, item_id=_item(a, "3.2"))
    outcome = send(a, b, tmp_path, "a_to_b.cdsx")
    assert any(c.detail.startswith("xoá") for c in outcome.changes)
    con = sqlite3.connect(b.path)
    assert con.execute("SELECT count(*) FROM items WHERE number = '3.2'").fetchone()[0] == 0
    assert content(a) == content(b)


def test_an_edit_made_after_a_deletion_wins_over_it(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    delete_item(a, item_id=_item(a, "3.3"))
    _edit(b, "3.3", note="Đơn vị vẫn đang làm")
    to_b = send(a, b, tmp_path, "a_to_b.cdsx")
    assert any("sau khi bên kia xoá" in c.detail for c in to_b.changes)
    con = sqlite3.connect(b.path)
    assert con.execute("SELECT note FROM items WHERE number = '3.3'").fetchone() == ("Đơn vị vẫn đang làm",)
    send(b, a, tmp_path, "b_to_a.cdsx")  # the edited item comes back to A, with its targets and units
    assert content(a) == content(b)
    for db in (a, b):
        con = sqlite3.connect(db.path)
        item = _item(db, "3.3")
        assert con.execute("SELECT count(*) FROM targets WHERE item_id = ?", (item,)).fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM assignments WHERE item_id = ?", (item,)).fetchone()[0] >= 2
        assert con.execute("SELECT count(*) FROM deadlines WHERE item_id = ?", (item,)).fetchone()[0] == 1


def test_importing_the_same_package_twice_changes_nothing(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    _edit(a, "1.2", note="x")
    path = tmp_path / "a_to_b.cdsx"
    export_package(a, out=path)
    import_package(b, path=path)
    before = content(b)
    again = import_package(b, path=path)
    assert again.counts["new"] == again.counts["updated"] == again.counts["conflict"] == 0
    assert content(b) == before


def test_an_incremental_package_carries_only_what_changed(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    first = export_package(a, out=tmp_path / "full.cdsx", since_last_to="Đơn vị B")
    assert first.since is None
    import_package(b, path=tmp_path / "full.cdsx")
    record_progress(a, item_id=_item(a, "7.1"), period="2026-Q2", value=Decimal(71), unit="Công an xã")
    second = export_package(a, out=tmp_path / "incr.cdsx", since_last_to="Đơn vị B")
    assert second.since is not None
    assert second.counts["progress_reports"] == 1 and second.counts["items"] < 5
    outcome = import_package(b, path=tmp_path / "incr.cdsx")
    assert outcome.counts["new"] == 1
    assert content(a) == content(b)


def test_an_incremental_package_after_one_never_received_is_refused_until_that_one_comes(
        pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # a stick lost on the way: the next incremental package would leave the other side with only part of it
    a, b, _plan = pair
    c = new_database(tmp_path / "c" / "du_lieu.sqlite3")
    try:
        first = export_package(a, out=tmp_path / "lan1.cdsx", since_last_to="Xã C")  # lost
        record_progress(a, item_id=_item(a, "7.1"), period="2026-Q2", value=Decimal(71), unit="Công an xã")
        second = export_package(a, out=tmp_path / "lan2.cdsx", since_last_to="Xã C")
        assert second.since is not None
        before = content(c)
        for dry_run in (True, False):
            with pytest.raises(PackageGap) as refused:
                import_package(c, path=second.path, trust=True, dry_run=dry_run)
            assert "«lan1.cdsx»" in str(refused.value) and "chưa nhận" in str(refused.value)
            assert "gói đầy đủ" in str(refused.value)
        assert content(c) == before
        assert not (c.path.parent / "backups").exists() or not list((c.path.parent / "backups").glob("*truoc-hop-nhat*"))
        import_package(c, path=first.path, trust=True)
        import_package(c, path=second.path, trust=True)  # now it follows on
        assert content(c) == content(a)
        # or the sender sends a full package, which is never refused and fills the gap for the next ones
        full = export_package(a, out=tmp_path / "day_du.cdsx")
        third_office = new_database(tmp_path / "d" / "du_lieu.sqlite3")
        try:
            with pytest.raises(PackageGap):
                import_package(third_office, path=second.path, trust=True)
            import_package(third_office, path=full.path, trust=True)
            record_progress(a, item_id=_item(a, "7.1"), period="2026-Q3", value=Decimal(80), unit="Công an xã")
            third = export_package(a, out=tmp_path / "lan3.cdsx", since_last_to="Xã C")  # follows «lan2»
            import_package(third_office, path=third.path, trust=True)
            assert content(third_office) == content(a)
        finally:
            third_office.close()
    finally:
        c.close()


def test_a_folder_of_packages_is_imported_in_the_order_they_follow_on(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, _b, _plan = pair
    folder = tmp_path / "usb"
    folder.mkdir()
    export_package(a, out=folder / "2_truoc.cdsx", since_last_to="Tỉnh")
    record_progress(a, item_id=_item(a, "7.1"), period="2026-Q2", value=Decimal(71), unit="Công an xã")
    export_package(a, out=folder / "1_sau.cdsx", since_last_to="Tỉnh")  # sorted first by name
    province = new_database(tmp_path / "tinh" / "du_lieu.sqlite3")
    try:
        batch = import_packages(province, paths=sorted(folder.iterdir()), trust=True)
        assert batch.skipped == [] and [o.file for o in batch.imported] == ["2_truoc.cdsx", "1_sau.cdsx"]
        assert content(province) == content(a)
    finally:
        province.close()


def test_reports_of_several_units_for_one_item_and_period_are_separate_records(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    item_a, item_b = _item(a, "2.1"), _item(b, "2.1")
    record_progress(a, item_id=item_a, period="2026-Q2", value=Decimal(50), unit="Các doanh nghiệp viễn thông")
    record_progress(b, item_id=item_b, period="2026-Q2", value=Decimal(55), unit="Thôn, xóm trên địa bàn xã")
    to_b = send(a, b, tmp_path, "a_to_b.cdsx")
    assert to_b.counts["conflict"] == 0
    send(b, a, tmp_path, "b_to_a.cdsx")
    con = sqlite3.connect(a.path)
    assert con.execute("SELECT count(*) FROM progress_reports WHERE item_id = ? AND period_id IN "
                       "(SELECT id FROM periods WHERE label = 'Quý II/2026')", (item_a,)).fetchone()[0] == 2
    assert content(a) == content(b)


def test_an_unknown_sender_needs_the_officers_trust(tmp_path: Path, db: Database) -> None:
    other = new_database(tmp_path / "khac.sqlite3")
    import_file(other, path=NAM_HONG)
    path = tmp_path / "goi.cdsx"
    export_package(other, out=path)
    with pytest.raises(UnknownSender) as refused:
        import_package(db, path=path)
    assert refused.value.fingerprint and "tin cậy" in refused.value.message
    assert content(db)["items"] == {}
    preview = import_package(db, path=path, dry_run=True)
    assert preview.counts["new"] > 50 and content(db)["items"] == {}
    import_package(db, path=path, trust=True)
    import_package(db, path=path)  # remembered
    other.close()


def test_a_target_edited_on_both_sides_stays_one_target(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, b, _plan = pair
    for db, value in ((a, Decimal(75)), (b, Decimal(80))):
        detail = editing.item_detail(db, item_id=_item(db, "2.2"))
        target = detail.targets[0].__class__(**{**detail.targets[0].__dict__, "value": value})
        editing.update_item(db, new=detail.__class__(**{**detail.__dict__, "targets": (target,)}))
    outcome = send(a, b, tmp_path, "a_to_b.cdsx")
    assert [c.conflicts[0].field for c in outcome.changes if c.conflicts] == ["value"]
    send(b, a, tmp_path, "b_to_a.cdsx", prefer="theirs")
    for db in (a, b):
        con = sqlite3.connect(db.path)
        assert con.execute("SELECT value FROM targets WHERE item_id = ?", (_item(db, "2.2"),)).fetchall() == [("80",)]
    assert content(a) == content(b)


def test_what_other_layouts_carry_travels_in_a_package(tmp_path: Path) -> None:
    rows = [["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả (sản phẩm)", "Thời gian hoàn thành",
             "Kinh phí"],
            ["I", "Hạ tầng số", "", "", "", "", ""],
            ["1", "Nâng cấp mạng nội bộ", "Văn phòng HĐND và UBND xã", "Công an xã, Trạm Y tế xã",
             "Mạng LAN đạt chuẩn", "Hằng năm", "50 triệu đồng"]]
    path = tmp_path / "nhiem_vu.txt"
    path.write_text("\n".join("\t".join(r) for r in rows), encoding="utf-8")
    a = new_database(tmp_path / "a" / "du_lieu.sqlite3")
    b = new_database(tmp_path / "b" / "du_lieu.sqlite3")
    try:
        import_file(a, path=path)
        send(a, b, tmp_path)
        assert content(a) == content(b)
        con = sqlite3.connect(b.path)
        try:
            assert con.execute("SELECT output, budget FROM items").fetchone() == ("Mạng LAN đạt chuẩn", "50 triệu đồng")
            assert con.execute("SELECT kind FROM deadlines").fetchone() == ("yearly",)
            assert sorted(con.execute("SELECT u.name, a.role FROM assignments a JOIN units u ON u.id = a.unit_id")) == [
                ("Công an xã", "coordinating"), ("Trạm Y tế xã", "coordinating"),
                ("Văn phòng HĐND và UBND xã", "implementing")]
        finally:
            con.close()
    finally:
        a.close()
        b.close()
