"""Backups: daily once a day, pruning, backup on demand, the restore list, restoring, the integrity check, and
the CLI commands."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db.engine import BACKUP_DIR_NAME, Database, open_database
from desktop_app.cli import main
from desktop_app.errors import AppError, WriteFailed
from desktop_app.services import backups
from desktop_app.services.backups import (
    BEFORE_IMPORT,
    BEFORE_RESTORE,
    DAILY,
    BackupRefused,
    backup_before,
    backup_now,
    daily_backup,
    integrity_ok,
    list_backups,
    newest_good_backup,
    restore,
    restore_and_open,
)
from desktop_app.services.importing import import_file
from tests.conftest import MINH_TAN, NAM_HONG

NOW = datetime(2036, 11, 25, 8, 30)  # after any copy the tests make at the real time (a past NOW met the clock)


def _plans(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM plans").fetchone()[0]
    finally:
        con.close()


def _folder(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def _backup_names(db_path: Path) -> list[str]:
    """The backups in the folder, without the seal beside each (backups.SEAL_SUFFIX)."""
    return sorted(p.name for p in _folder(db_path).iterdir() if not p.name.endswith(backups.SEAL_SUFFIX))


def test_the_daily_backup_is_made_once_a_day(db: Database, db_path: Path) -> None:
    first = daily_backup(db_path, NOW)
    assert first is not None and first.name == f"test.20361125-083000.{DAILY}.sqlite3"
    assert daily_backup(db_path, NOW + timedelta(hours=5)) is None
    second = daily_backup(db_path, NOW + timedelta(days=1))
    assert second is not None and second != first
    assert _backup_names(db_path) == sorted([first.name, second.name])


def test_an_import_is_preceded_by_a_backup_of_the_state_before(db: Database, db_path: Path) -> None:
    import_file(db, path=NAM_HONG)
    import_file(db, path=MINH_TAN)
    made = [b for b in list_backups(db_path) if b.reason == BEFORE_IMPORT]
    # the two copies of today: only the newest is kept, and it holds the first plan only
    assert len(made) == 1 and made[0].plans == 1 and made[0].reason_label == "trước khi nhập"


def test_old_automatic_backups_are_pruned_by_the_policy(db: Database, db_path: Path) -> None:
    for days in range(30):
        backup_before(db_path, BEFORE_IMPORT, NOW - timedelta(days=30 - days))
    upgrade = _folder(db_path) / "test.truoc-nang-cap-0001-20250101-000000.sqlite3"
    upgrade.write_bytes((_folder(db_path) / _backup_names(db_path)[0]).read_bytes())
    daily_backup(db_path, NOW)
    names = _backup_names(db_path)
    # 7 days (today + the 6 before), ISO weeks 47–45 (week 47's Sunday is among the days), 1 month (October)
    assert len(names) == 7 + 2 + 1 + 1, names
    assert upgrade.name in names  # the copies made before an upgrade are never pruned
    assert any(b.reason == "truoc-nang-cap" for b in list_backups(db_path))


def test_backup_now_writes_a_checked_copy_into_a_chosen_folder(db: Database, db_path: Path, tmp_path: Path) -> None:
    import_file(db, path=NAM_HONG)
    usb = tmp_path / "usb"
    usb.mkdir()
    made = backup_now(db_path, usb, NOW)
    assert made == usb / "test.20361125-083000.sqlite3" and _plans(made) == 1
    again = backup_now(db_path, usb, NOW)
    assert again != made and again.exists()
    assert not list(usb.glob("*.tmp"))
    default = backup_now(db_path, None, NOW)
    assert default.parent == _folder(db_path)
    assert any(b.path == default and b.reason_label == "sao lưu thủ công" for b in list_backups(db_path))


def test_backup_now_to_a_missing_folder_is_refused_plainly(db: Database, db_path: Path, tmp_path: Path) -> None:
    gone = tmp_path / "usb-da-rut"
    with pytest.raises(WriteFailed) as caught:
        backup_now(db_path, gone, NOW)
    assert "USB" in caught.value.message and not gone.exists()


def test_the_list_shows_date_size_and_plan_count_newest_first(db: Database, db_path: Path) -> None:
    daily_backup(db_path, NOW - timedelta(days=1))
    import_file(db, path=NAM_HONG)
    later = backup_now(db_path, None, NOW)
    listed = list_backups(db_path)
    assert [b.path for b in listed][0] == later
    daily = [b for b in listed if b.reason == DAILY]
    assert listed[0].plans == 1 and len(daily) == 1 and daily[0].plans == 0
    assert daily[0].when == NOW - timedelta(days=1) and daily[0].reason_label == "hằng ngày"
    assert all(b.size > 0 for b in listed)


def test_restore_round_trip_puts_the_plan_back_and_keeps_the_changed_state(db_path: Path) -> None:
    db = open_database(db_path)
    plan = import_file(db, path=NAM_HONG).plan_id
    saved = backup_now(db_path, None, NOW)
    db.close()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("DELETE FROM plans WHERE id = ?", (plan,))
    con.commit()
    con.close()
    assert _plans(db_path) == 0
    before = restore(db_path, saved, NOW + timedelta(minutes=5))
    assert before is not None and before.name.endswith(f".{BEFORE_RESTORE}.sqlite3") and _plans(before) == 0
    db = open_database(db_path)
    try:
        from desktop_app.services.plans import list_plans

        assert [p.id for p in list_plans(db)] == [plan]
    finally:
        db.close()
    assert integrity_ok(db_path) == (True, "")


def test_a_restore_is_in_the_change_log_of_the_restored_data(db_path: Path) -> None:
    from desktop_app.services.audit import audit_entries
    from desktop_app.services.officer import GUI, set_officer_name

    db = open_database(db_path)
    set_officer_name(db, "Nguyễn Thị Hoa")
    import_file(db, path=NAM_HONG)
    saved = backup_now(db_path, None, NOW)
    import_file(db, path=MINH_TAN)
    db.close()
    db, before = restore_and_open(db_path, saved, origin=GUI, now=NOW + timedelta(minutes=5))
    try:
        newest = audit_entries(db, limit=1)[0]
        assert (newest.who, newest.action, newest.record_kind) == ("Nguyễn Thị Hoa", "Khôi phục", "Dữ liệu")
        assert newest.source == f"Khôi phục bản sao lưu «{saved.name}»"
        assert saved.name in newest.record and str(before) in newest.record
        assert db.actor == "Nguyễn Thị Hoa"  # the new connection records the same officer
        assert audit_entries(db, record=saved.name)[0] == newest
    finally:
        db.close()


def _live_bytes(db_path: Path) -> bytes:
    return db_path.read_bytes()


@pytest.mark.parametrize("kind", ["text", "truncated", "foreign"])
def test_a_file_that_is_not_our_database_is_refused_and_nothing_changes(db: Database, db_path: Path,
                                                                        tmp_path: Path, kind: str) -> None:
    import_file(db, path=NAM_HONG)
    good = backup_now(db_path, tmp_path, NOW)
    db.close()
    bad = tmp_path / "bad.sqlite3"
    if kind == "text":
        bad.write_text("không phải cơ sở dữ liệu\n" * 100, encoding="utf-8")
    elif kind == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    else:
        con = sqlite3.connect(bad)
        con.execute("CREATE TABLE other (x)")
        con.commit()
        con.close()
    before = _live_bytes(db_path)
    folder_before = sorted(p.name for p in _folder(db_path).iterdir())
    with pytest.raises(BackupRefused):
        restore(db_path, bad)
    assert _live_bytes(db_path) == before
    assert sorted(p.name for p in _folder(db_path).iterdir()) == folder_before


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle: middle + 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))


def test_a_damaged_file_fails_the_check_and_the_newest_good_backup_is_found(db_path: Path) -> None:
    db = open_database(db_path)
    import_file(db, path=NAM_HONG)
    good = backup_now(db_path, None, NOW - timedelta(days=1))
    broken_backup = backup_now(db_path, None, NOW)
    db.close()
    _corrupt(broken_backup)
    assert integrity_ok(db_path) == (True, "")
    _corrupt(db_path)
    ok, message = integrity_ok(db_path)
    assert not ok and "bị hỏng" in message
    found = newest_good_backup(db_path)
    assert found is not None and found.path == good
    saved = restore(db_path, found.path, NOW + timedelta(minutes=1))
    assert saved is not None and saved.exists()  # a byte copy of the damaged file, for support
    assert integrity_ok(db_path) == (True, "") and _plans(db_path) == 1


def test_cli_backup_and_restore(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "import", str(NAM_HONG)]) == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    capsys.readouterr()
    assert main(["--db", str(db_path), "backup", str(usb)]) == 0
    made = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert made.parent == usb and made.exists()
    assert main(["--db", str(db_path), "backup"]) == 0
    assert Path(capsys.readouterr().out.strip().splitlines()[-1]).parent == _folder(db_path)
    assert main(["--db", str(db_path), "backup", str(tmp_path / "missing")]) == 2
    assert "USB" in capsys.readouterr().err
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("rác", encoding="utf-8")
    assert main(["--db", str(db_path), "restore", str(bad)]) == 2
    assert main(["--db", str(db_path), "restore", str(made)]) == 0
    out = capsys.readouterr().out
    assert str(made) in out and BEFORE_RESTORE in out
    db = open_database(db_path)
    try:
        from desktop_app.services.audit import audit_entries

        newest = audit_entries(db, limit=1)[0]
        assert newest.action == "Khôi phục" and newest.source == f"Khôi phục bản sao lưu «{made.name}»"
    finally:
        db.close()


def test_errors_are_app_errors() -> None:
    assert issubclass(BackupRefused, AppError) and issubclass(backups.DatabaseDamaged, AppError)


def test_gui_backup_now_and_restore_from_the_list(qtbot: Any, db_path: Path, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer

    from desktop_app.ui.app import make_app
    from desktop_app.ui.main_window import MainWindow
    from tests.qt_helpers import answer_next_box

    make_app()
    db = open_database(db_path)
    import_file(db, path=NAM_HONG)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert "Sao lưu" in menus
    usb = tmp_path / "usb"
    usb.mkdir()
    shown: list[str] = []
    answer_next_box("Đồng ý", shown)
    task = window.backups.back_up_to(usb)
    qtbot.waitUntil(lambda: window.backups.last_backup is not None and bool(shown), timeout=10000)
    assert task is not None and window.backups.last_backup.parent == usb and str(window.backups.last_backup) in shown[0]
    saved = backup_now(db_path, None, NOW)  # a second copy, in the automatic folder, with the plan
    import_file(db, path=MINH_TAN)

    dialog = window.backups.restore_dialog()
    qtbot.addWidget(dialog)
    rows = dialog.table.rowCount()
    assert rows == len(list_backups(db_path)) >= 2
    texts = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(rows)]
    assert ["25/11/2036 08:30:00", texts[0][1], "1", "sao lưu thủ công"] in texts
    row = next(r for r in range(rows) if texts[r][0] == "25/11/2036 08:30:00")
    dialog.table.selectRow(row)
    assert dialog.chosen() == saved

    answers: list[str] = []
    answer_next_box("Có", answers)  # the question: the current data is backed up first
    restored: list[str] = []
    QTimer.singleShot(300, lambda: answer_next_box("Đồng ý", restored))  # then: restored from …
    new_window = window.backups.restore_from(saved)
    assert new_window is not None and new_window is not window
    qtbot.addWidget(new_window)
    assert "«backups»" in answers[0] and restored and "khôi phục" in restored[0]
    from desktop_app.services.plans import list_plans

    assert len(list_plans(new_window.db)) == 1
    assert any(b.reason == BEFORE_RESTORE and b.plans == 2 for b in list_backups(db_path))
    from desktop_app.services.audit import audit_entries

    assert audit_entries(new_window.db, limit=1)[0].action == "Khôi phục"
    new_window.db.close()


def test_start_up_makes_the_daily_backup_and_refuses_a_damaged_file(db_path: Path) -> None:
    from desktop_app.services import identity
    from desktop_app.ui.startup import _load

    db = _load(db_path)
    assert [b.reason for b in list_backups(db_path)] == [DAILY]
    con = sqlite3.connect(db_path)  # the key pair for data packages exists from the first start
    assert con.execute("SELECT count(*) FROM settings WHERE key = ?", (identity.PUBLIC_KEY,)).fetchone()[0] == 1
    con.close()
    import_file(db, path=NAM_HONG)  # its copy is the newer one of the day: it replaces the daily one
    db.close()
    assert [b.reason for b in list_backups(db_path)] == [BEFORE_IMPORT]
    db = _load(db_path)  # the same day: a copy of today exists, no daily one is added
    db.close()
    assert [b.reason for b in list_backups(db_path)] == [BEFORE_IMPORT]
    _corrupt(db_path)
    with pytest.raises(backups.DatabaseDamaged):
        _load(db_path)
