"""Issue #15 item 9: senders' names are compared as they look (NFKC, Cyrillic and Greek look-alikes folded) and
names that hide characters or mix scripts are refused; each trusted sender may change only the records it
created and the progress reports of its own units: anything else from it (a record made here, or first received
from another office) is a conflict for the officer, nothing overwritten without the officer's choice."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database
from desktop_app.domain.names import hidden_name_characters, lookalike_key, mixes_lookalikes
from desktop_app.errors import InvalidValue
from desktop_app.io.exchange.package import PackageRefused
from desktop_app.services import editing
from desktop_app.services.exchange import export_package, import_package
from desktop_app.services.exchange_merge import DELETION, FOREIGN
from desktop_app.services.identity import set_installation_name, trusted_senders
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.services.structure import delete_item
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.exchange_preview import PackagePreviewDialog
from tests.conftest import MINH_TAN, NAM_HONG, new_database
from tests.exchange_helpers import content, send
from tests.hostile_packages import write_signed

NAME = "UBND Xã Nam Hồng"
CYRILLIC_A = "UBND Xã N\u0430m Hồng"
REVERSED = "UBND Xã Nam \u202eHồng"


# ----- the domain: look-alike keys ---------------------------------------------------------------------------
def test_a_cyrillic_letter_or_a_full_width_form_gives_the_key_of_the_latin_name() -> None:
    assert lookalike_key(CYRILLIC_A) == lookalike_key(NAME)
    assert lookalike_key("UBND Xã Ｎａｍ Hồng") == lookalike_key(NAME)
    assert lookalike_key("UBND Xã Nam H\u043e\u0302\u0300ng") == lookalike_key(NAME)  # Cyrillic «о» + marks
    assert lookalike_key("UBND Xã Nam Hồng") != lookalike_key("UBND Xã Nam Hưng")


def test_hidden_and_mixed_characters_are_seen() -> None:
    assert hidden_name_characters(REVERSED) == ["U+202E"]
    assert hidden_name_characters("Nam\u200bHồng\u2066") == ["U+200B", "U+2066"]
    assert hidden_name_characters(NAME) == []
    assert mixes_lookalikes(CYRILLIC_A) and not mixes_lookalikes(NAME)
    assert not mixes_lookalikes("Москва")  # one script only: not suspect


# ----- names of senders --------------------------------------------------------------------------------------
def _trusted_nam_hong(tmp_path: Path) -> tuple[Database, Database]:
    here = new_database(tmp_path / "here" / "du_lieu.sqlite3")
    office = new_database(tmp_path / "office" / "du_lieu.sqlite3")
    import_file(office, path=NAM_HONG)
    set_installation_name(office, name=NAME)
    send(office, here, tmp_path, "that.cdsx")
    return here, office


def _unchanged(db: Database) -> tuple[object, ...]:
    con = sqlite3.connect(db.path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("peers", "received_packages", "items", "audit_log"))
    finally:
        con.close()


@pytest.mark.parametrize(("name", "code"), [
    (CYRILLIC_A, "identity.name_mixed_scripts"),
    (REVERSED, "identity.name_hidden_characters"),
    ("UBND Xã Nam\u200b Hồng", "identity.name_hidden_characters"),
    ("UBND Xã Ｎａｍ Hồng", "identity.name_lookalike"),
    ("ubnd xã nam hồng", "identity.name_taken"),
])
def test_a_name_passing_for_a_trusted_one_is_refused_and_nothing_changes(tmp_path: Path, name: str,
                                                                         code: str) -> None:
    here, office = _trusted_nam_hong(tmp_path)
    before = _unchanged(here)
    forged = write_signed(tmp_path / "forged.cdsx", {}, name=name)
    with pytest.raises(PackageRefused) as refused:
        import_package(here, path=forged, trust=True)
    assert refused.value.code == code
    assert _unchanged(here) == before
    assert [p.name for p in trusted_senders(here)] == [NAME]
    here.close()
    office.close()


def test_a_stranger_with_a_hidden_character_is_refused_even_when_nobody_is_trusted(tmp_path: Path) -> None:
    here = new_database(tmp_path / "du_lieu.sqlite3")
    with pytest.raises(PackageRefused) as refused:
        import_package(here, path=write_signed(tmp_path / "p.cdsx", {}, name=REVERSED), dry_run=True)
    assert refused.value.code == "identity.name_hidden_characters"
    here.close()


def test_this_installation_cannot_be_given_a_hidden_or_mixed_name(tmp_path: Path) -> None:
    db = new_database(tmp_path / "du_lieu.sqlite3")
    for name in (REVERSED, CYRILLIC_A, "Nam\ufeffHồng"):
        with pytest.raises(InvalidValue):
            set_installation_name(db, name=name)
    assert set_installation_name(db, name=NAME).name == NAME
    db.close()


# ----- the scope of each sender ------------------------------------------------------------------------------
@pytest.fixture
def offices(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Here (the province, say), office A (which imported Nam Hồng's plan and sent it here and to B) and office B
    (which imported Minh Tân's plan, holds A's records too, and sent its own here first)."""
    here, a, b = (new_database(tmp_path / n / "du_lieu.sqlite3") for n in ("here", "a", "b"))
    set_installation_name(a, name=NAME)
    set_installation_name(b, name="UBND Xã Minh Tân")
    plan = import_file(a, path=NAM_HONG).plan_id
    record_progress(a, item_id=item_by_number(a, plan_id=plan, number="2.1"), period="2026-Q1", value=Decimal(40))
    import_file(b, path=MINH_TAN)
    send(b, here, tmp_path, "b_first.cdsx")
    send(a, here, tmp_path, "a_first.cdsx")
    send(a, b, tmp_path, "a_to_b.cdsx")
    yield here, a, b, plan
    for db in (here, a, b):
        db.close()


def _one(db: Database, sql: str, *args: object) -> object:
    con = sqlite3.connect(db.path)
    try:
        return con.execute(sql, args).fetchone()[0]
    finally:
        con.close()


def _edit(db: Database, number: str, plan_number: str, **changes: str) -> None:
    item = _one(db, "SELECT i.id FROM items i JOIN plans p ON p.id = i.plan_id WHERE i.number = ? AND "
                "p.plan_number = ?", number, plan_number)
    assert isinstance(item, int)
    detail = editing.item_detail(db, item_id=item)
    editing.update_item(db, new=detail.__class__(**{**detail.__dict__, **changes}))


def _plan_number(db: Database, plan: int) -> str:
    number = _one(db, "SELECT plan_number FROM plans WHERE id = ?", plan)
    assert isinstance(number, str)
    return number


def _text(db: Database, uuid: str) -> object:
    return _one(db, "SELECT text FROM items WHERE uuid = ?", uuid)


def test_a_sender_changing_another_offices_records_gives_conflicts_and_overwrites_nothing(
        offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    here, a, b, plan = offices
    number = _plan_number(a, plan)
    _edit(b, "2.3", number, text="Sửa bởi Minh Tân")
    record_progress(b, item_id=item_by_number(b, plan_id=_b_plan(b, number), number="2.1"), period="2026-Q1",
                    value=Decimal(99))
    before = content(here)
    path = tmp_path / "b_again.cdsx"
    export_package(b, out=path)
    outcome = import_package(here, path=path)
    foreign = {c.table: c for c in outcome.conflicts}
    assert {"items", "progress_reports"} <= foreign.keys()
    assert ("text", "Sửa bởi Minh Tân") in [(x.field, x.theirs) for x in foreign["items"].conflicts]
    assert content(here) == before  # nothing overwritten
    assert _one(here, "SELECT count(*) FROM record_history WHERE reason = 'not_chosen' AND content LIKE ?",
                "%Sửa bởi Minh Tân%") == 1  # B's version kept, restorable
    again = import_package(here, path=path)  # the same package again changes nothing
    assert content(here) == before and again.counts["conflict"] == 0


def _b_plan(b: Database, number: str) -> int:
    plan = _one(b, "SELECT id FROM plans WHERE plan_number = ?", number)
    assert isinstance(plan, int)
    return plan


def test_a_sender_changing_records_made_here_gives_conflicts_and_overwrites_nothing(
        offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _here, a, b, plan = offices
    number = _plan_number(a, plan)
    _edit(b, "2.3", number, text="Sửa bởi Minh Tân")  # A's item, made at A: B is not its owner
    record_progress(b, item_id=item_by_number(b, plan_id=_b_plan(b, number), number="2.1"), period="2026-Q1",
                    value=Decimal(99))  # A's report for one of A's units
    before = content(a)
    outcome = send(b, a, tmp_path, "b_to_a.cdsx")
    assert {c.table for c in outcome.conflicts} >= {"items", "progress_reports"}
    assert {c.detail for c in outcome.conflicts} == {FOREIGN}
    after = content(a)
    assert {t: {u: after[t][u] for u in rows} for t, rows in before.items()} == before  # nothing overwritten
    assert any(len(after[t]) > len(before[t]) for t in before)  # B's own records (its plan) arrive as before


def test_the_officer_may_take_the_other_offices_change_field_by_field(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    here, a, b, plan = offices
    number = _plan_number(a, plan)
    _edit(b, "2.3", number, text="Sửa bởi Minh Tân")
    path = tmp_path / "b_again.cdsx"
    export_package(b, out=path)
    preview = import_package(here, path=path, dry_run=True)
    (record,) = [c for c in preview.conflicts if c.table == "items"]
    import_package(here, path=path, choices={(record.uuid, "text"): "theirs"})
    assert _text(here, record.uuid) == "Sửa bởi Minh Tân"


def test_a_senders_own_records_and_its_units_reports_merge_as_before(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    here, a, b, plan = offices
    b_plan = _one(b, "SELECT id FROM plans WHERE plan_number <> ?", _plan_number(a, plan))
    assert isinstance(b_plan, int)
    b_number = _plan_number(b, b_plan)
    b_unit = _one(b, "SELECT u.name FROM units u JOIN assignments s ON s.unit_id = u.id JOIN items i "
                  "ON i.id = s.item_id WHERE i.plan_id = ? ORDER BY u.id", b_plan)
    assert isinstance(b_unit, str)
    # A records a report for one of B's units (B sent its units here first) on A's own item
    send(b, a, tmp_path, "b_to_a.cdsx")
    a_item = item_by_number(a, plan_id=plan, number="2.2")
    record_progress(a, item_id=a_item, period="2026-Q1", value=Decimal(10), unit=b_unit)
    send(a, here, tmp_path, "a_again.cdsx")
    send(a, b, tmp_path, "a_to_b_again.cdsx")
    # B changes its own plan's item, records a new report, and corrects its unit's report that A recorded
    first = _one(b, "SELECT number FROM items WHERE plan_id = ? ORDER BY id", b_plan)
    assert isinstance(first, str)
    _edit(b, first, b_number, note="Ghi chú của Minh Tân")
    b_item = item_by_number(b, plan_id=_b_plan(b, _plan_number(a, plan)), number="2.2")
    record_progress(b, item_id=b_item, period="2026-Q1", value=Decimal(15), unit=b_unit)
    outcome = send(b, here, tmp_path, "b_again.cdsx")
    assert outcome.counts["conflict"] == 0 and outcome.counts["updated"] >= 2
    tables = ("units", "plans", "items", "progress_reports")
    mine = {t: {u: r for u, r in rows.items() if u in content(b, tables)[t]} for t, rows in content(here, tables).items()}
    assert mine == {t: {u: r for u, r in rows.items() if u in content(here, tables)[t]}
                    for t, rows in content(b, tables).items()}
    assert _one(here, "SELECT value FROM progress_reports r JOIN units u ON u.id = r.unit_id WHERE u.name = ?",
                b_unit) == "15"


def test_a_sender_deleting_another_offices_record_is_a_conflict(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    here, a, b, plan = offices
    item = item_by_number(b, plan_id=_b_plan(b, _plan_number(a, plan)), number="3.1")
    uuid = _one(b, "SELECT uuid FROM items WHERE id = ?", item)
    delete_item(b, item_id=item)
    path = tmp_path / "b_deleted.cdsx"
    export_package(b, out=path)
    outcome = import_package(here, path=path)
    assert [c.uuid for c in outcome.conflicts if c.table == "items"] == [uuid]
    assert _one(here, "SELECT count(*) FROM items WHERE uuid = ?", uuid) == 1
    import_package(here, path=path, choices={(str(uuid), DELETION): "theirs"})
    assert _one(here, "SELECT count(*) FROM items WHERE uuid = ?", uuid) == 0


def test_the_preview_shows_another_offices_deletion_and_the_officers_choice_deletes(
        qtbot: Any, offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    here, a, b, plan = offices
    item = item_by_number(b, plan_id=_b_plan(b, _plan_number(a, plan)), number="3.1")
    uuid = _one(b, "SELECT uuid FROM items WHERE id = ?", item)
    delete_item(b, item_id=item)
    path = export_package(b, out=tmp_path / "b_deleted.cdsx").path
    make_app()
    dialog = PackagePreviewDialog(import_package(here, path=path, dry_run=True))
    qtbot.addWidget(dialog)
    fields = [dialog.conflict_table.item(r, 1).text() for r in range(dialog.conflict_table.rowCount())]
    assert {"Deletion (another office's record)", "Xoá (bản ghi của đơn vị khác)"} & set(fields)
    assert _one(here, "SELECT count(*) FROM items WHERE uuid = ?", uuid) == 1  # a preview changes nothing
    assert set(dialog.choices().values()) == {"ours"}
    import_package(here, path=path, choices=dialog.choices())
    assert _one(here, "SELECT count(*) FROM items WHERE uuid = ?", uuid) == 1  # kept: nobody chose to delete
    dialog.all_theirs.click()
    assert dialog.choices()[(str(uuid), DELETION)] == "theirs"


def test_a_trusted_sender_renamed_to_look_like_another_is_refused(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    here, _a, b, _plan = offices
    before = _unchanged(here)
    con = sqlite3.connect(b.path)  # a renamed installation (its own program would refuse a hidden character)
    con.execute("UPDATE settings SET value = ? WHERE key = 'installation.name'", ("UBND Xã Ｎａｍ Hồng",))
    con.commit()
    con.close()
    path = export_package(b, out=tmp_path / "renamed.cdsx").path
    with pytest.raises(PackageRefused) as refused:
        import_package(here, path=path)
    assert refused.value.code == "identity.name_lookalike"
    assert _unchanged(here) == before


def test_records_received_before_their_owners_were_kept_get_them_from_the_change_log(
        offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Migration 0011: a database that received packages before revision 0010 kept no owners; read back from the
    change log, each sender's own records are its own again, and a later change it sends is no conflict."""
    here, a, b, plan = offices
    kept = _origins(here)
    con = sqlite3.connect(here.path)
    con.execute("DELETE FROM record_origins")  # as revision 0010 found it: packages received, no owners
    con.commit()
    con.close()
    _down_and_up(here.path, "0010")
    found = _origins(here)
    assert found.items() <= kept.items()  # never a wrong owner
    tables = ("plans", "sections", "groups", "items", "targets", "deadlines", "assignments", "periods",
              "progress_reports")
    records = {u for t in tables for u in content(here, (t,))[t]}
    assert records and {u for u in kept if u in records} == {u for u in found if u in records}
    record_progress(b, item_id=item_by_number(b, plan_id=_b_plan(b, _plan_number(b, 1)), number="2.1"),
                    period="2026-Q2", value=Decimal(12))
    _edit(b, "2.2", _plan_number(b, 1), note="Minh Tân ghi chú")  # B's own plan's item
    assert send(b, here, tmp_path, "b_after.cdsx").counts["conflict"] == 0


def _origins(db: Database) -> dict[str, str]:
    con = sqlite3.connect(db.path)
    try:
        return dict(con.execute("SELECT uuid, installation_id FROM record_origins"))
    finally:
        con.close()


def _down_and_up(path: Path, revision: str) -> None:
    from alembic import command

    from db.engine import _alembic_config, _migration_engine

    cfg = _alembic_config()
    engine = _migration_engine(path)
    try:
        with engine.connect() as conn, conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()
