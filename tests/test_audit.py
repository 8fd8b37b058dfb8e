"""The audit trail: every change to plans, items, targets, deadlines, units, assignments and progress is
recorded in the same transaction with who, when, which record, old → new and the source; it travels in data
packages; the views filter it by person, date, record and item."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from db.engine import Database, open_database, os_user_name
from desktop_app.errors import InvalidValue
from desktop_app.services import editing
from desktop_app.services.audit import HERE, audit_entries, people, places
from desktop_app.services.importing import import_file
from desktop_app.services.officer import (
    GUI,
    officer_name,
    set_officer_name,
    start_session,
)
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.structure import delete_item
from tests.conftest import NAM_HONG, new_database
from tests.exchange_helpers import send


def _count(db: Database) -> int:
    con = sqlite3.connect(db.path)
    try:
        return con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def officer_db(db: Database) -> tuple[Database, int]:
    start_session(db, origin=GUI)
    set_officer_name(db, "Nguyễn Thị Hoa")
    return db, import_file(db, path=NAM_HONG).plan_id


def test_an_item_edit_names_the_officer_the_source_and_old_and_new_values(officer_db) -> None:  # type: ignore[no-untyped-def]
    db, plan = officer_db
    item_id = item_by_number(db, plan_id=plan, number="2.1")
    detail = editing.item_detail(db, item_id=item_id)
    editing.update_item(db, new=replace(detail, text="Phủ sóng 5G toàn xã", note="ghi chú mới"))
    newest = audit_entries(db, item_id=item_id)[0]
    assert (newest.who, newest.source, newest.installation, newest.action) == ("Nguyễn Thị Hoa", GUI, HERE, "Sửa")
    assert newest.record_kind == "Chỉ tiêu/nhiệm vụ" and newest.record.startswith("2.1 Phủ sóng 5G toàn xã")
    changes = {c.field: (c.old, c.new) for c in newest.changes}
    assert changes["Nội dung"] == (detail.text, "Phủ sóng 5G toàn xã")
    assert changes["Ghi chú"] == (detail.note, "ghi chú mới")
    assert set(changes) == {"Nội dung", "Ghi chú"}  # only what changed


def test_an_import_names_its_file_and_a_report_its_value(officer_db) -> None:  # type: ignore[no-untyped-def]
    db, plan = officer_db
    first = audit_entries(db, record="2.1")
    assert {e.source for e in first} == {f"Nhập tệp «{NAM_HONG.name}»"}
    assert {e.record_kind for e in first} >= {"Chỉ tiêu/nhiệm vụ", "Phân công", "Thời hạn"}
    item_id = item_by_number(db, plan_id=plan, number="2.1")
    record_progress(db, item_id=item_id, period="2026-Q1", value=Decimal("40.5"))
    record_progress(db, item_id=item_id, period="2026-Q1", value=Decimal("60"))
    changed, added = audit_entries(db, item_id=item_id)[:2]
    assert changed.action == "Sửa" and added.action == "Thêm"
    assert ("Giá trị", "40,5", "60") in [(c.field, c.old, c.new) for c in changed.changes]
    assert added.record.endswith("Quý I/2026")  # no unit: no trailing separator
    assert all(c.old or c.new for c in added.changes)  # empty fields are not listed
    assert ("Giá trị", "", "40,5") in [(c.field, c.old, c.new) for c in added.changes]


def test_a_deletion_keeps_the_old_values_and_a_rollback_leaves_no_entry(officer_db) -> None:  # type: ignore[no-untyped-def]
    db, plan = officer_db
    item_id = item_by_number(db, plan_id=plan, number="2.1")
    detail = editing.item_detail(db, item_id=item_id)
    before = _count(db)
    with pytest.raises(InvalidValue):  # refused in the middle of its transaction: nothing of it stays
        editing.update_item(db, new=replace(detail, text="sửa dở", version=detail.version + 99))
    assert _count(db) == before
    delete_item(db, item_id=item_id)
    deleted = [e for e in audit_entries(db, record="2.1") if e.action == "Xoá"]
    item_entry = next(e for e in deleted if e.record_kind == "Chỉ tiêu/nhiệm vụ")
    assert ("Nội dung", detail.text, "") in [(c.field, c.old, c.new) for c in item_entry.changes]
    assert {e.record_kind for e in deleted} >= {"Chỉ tiêu/nhiệm vụ", "Thời hạn", "Phân công"}  # cascades too


def test_filters_by_person_and_date(officer_db) -> None:  # type: ignore[no-untyped-def]
    db, plan = officer_db
    item_id = item_by_number(db, plan_id=plan, number="2.1")
    set_officer_name(db, "Trần Văn Nam")
    record_progress(db, item_id=item_id, period="2026-Q1", value=Decimal(40))
    # the computer's user set the first officer name (settings are audited too)
    assert [p for p in people(db) if p != os_user_name()] == ["Nguyễn Thị Hoa", "Trần Văn Nam"]
    nam = audit_entries(db, who="Trần Văn Nam")
    assert len(nam) == 1 and nam[0].record_kind == "Kết quả"
    today = date.today()
    assert len(audit_entries(db, since=today, until=today)) == _count(db)
    assert audit_entries(db, since=today + timedelta(days=1)) == []
    assert audit_entries(db, until=today - timedelta(days=1)) == []


def test_the_officer_name_is_kept_per_computer_user_and_checked(db: Database) -> None:
    assert officer_name(db)  # the operating system's user name until one is set
    with pytest.raises(InvalidValue):
        set_officer_name(db, "   ")
    set_officer_name(db, "  Lê   Thu  ")
    again = start_session(open_database(db.path), origin=GUI)
    try:
        assert again.actor == "Lê Thu"
    finally:
        again.close()


def test_the_audit_travels_in_packages_once(tmp_path: Path) -> None:
    a = new_database(tmp_path / "a" / "du_lieu.sqlite3")
    b = new_database(tmp_path / "b" / "du_lieu.sqlite3")
    try:
        start_session(a, origin=GUI)
        set_officer_name(a, "Cán bộ xã A")
        set_officer_name(b, "Cán bộ huyện B")
        plan = import_file(a, path=NAM_HONG).plan_id
        record_progress(a, item_id=item_by_number(a, plan_id=plan, number="2.1"), period="2026-Q1",
                        value=Decimal(40))
        send(a, b, tmp_path, "lan1.cdsx")
        received = [e for e in audit_entries(b, who="Cán bộ xã A") if e.record_kind == "Kết quả"]
        assert len(received) == 1 and received[0].installation != HERE
        assert received[0].source == GUI  # the sender's own source
        summaries = [e for e in audit_entries(b, who="Cán bộ huyện B") if e.action == "Nhập hàng loạt"]
        assert summaries and all("lan1.cdsx" in e.source for e in summaries)
        from desktop_app.services.identity import installation

        a_name = installation(a).name
        assert places(b) == [HERE, a_name]
        assert {e.who for e in audit_entries(b, made_at=a_name)} == {"Cán bộ xã A"}
        # settings changed here (the officer's name, this installation's identity) are named by the computer's user
        assert {e.who for e in audit_entries(b, made_at=HERE)} - {os_user_name()} == {"Cán bộ huyện B"}
        count = _count(b)
        send(a, b, tmp_path, "lan2.cdsx")  # the same entries again: kept once
        assert _count(b) == count
        # B's own edit goes back to A with B's officer
        b_item = item_by_number(b, plan_id=1, number="2.1")
        record_progress(b, item_id=b_item, period="2026-Q1", value=Decimal(55))
        send(b, a, tmp_path, "ve_a.cdsx", prefer="theirs")  # a change of A's report: A's officer takes it
        from_b = [e for e in audit_entries(a, who="Cán bộ huyện B") if e.action == "Sửa"]
        assert any(("Giá trị", "40", "55") in [(c.field, c.old, c.new) for c in e.changes] for e in from_b)
        here = [e for e in audit_entries(a, who="Cán bộ xã A") if e.action == "Sửa" and e.record_kind == "Kết quả"]
        assert here and "ve_a.cdsx" in here[0].source  # A's own entry of taking the change names the package
    finally:
        a.close()
        b.close()
