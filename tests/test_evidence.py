"""Evidence files: copied beside the database by SHA-256, the original untouched, undoable with the item."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices

from db.engine import Database
from desktop_app.errors import FileRefused
from desktop_app.services import evidence, structure
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.services.progress import list_progress, record_progress
from desktop_app.ui.widgets.item_history import ItemHistoryView
from tests.conftest import NAM_HONG


def _report(db: Database) -> tuple[int, int]:
    import_file(db, path=NAM_HONG)
    item = next(i for i in show(db)["plans"][0]["items"] if i["number"] == "7.1")
    record_progress(db, item_id=item["id"], period="Quý III/2026", unit="Công an xã", value=Decimal(72))
    return item["id"], list_progress(db, plan_id=show(db)["plans"][0]["id"])[0]["id"]


def test_attach_copies_by_sha256_and_keeps_the_original(db: Database, tmp_path: Path) -> None:
    _, report_id = _report(db)
    scan = tmp_path / "usb" / "Quyết định 12.pdf"
    scan.parent.mkdir()
    scan.write_bytes(b"%PDF-1.4 bien ban" * 1000)
    info = evidence.attach(db, report_id=report_id, path=scan)
    assert info.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert info.path.parent == db.path.parent / "minh_chung" and info.path.read_bytes() == scan.read_bytes()
    assert scan.exists() and info.file_name == "Quyết định 12.pdf"
    again = evidence.attach(db, report_id=report_id, path=scan)
    assert again.path == info.path  # stored once
    assert [e.file_name for e in evidence.files_of(db, report_id=report_id)] == ["Quyết định 12.pdf"] * 2
    assert not list((db.path.parent / "minh_chung").glob(".tam-*"))


def test_missing_file_is_refused(db: Database, tmp_path: Path) -> None:
    _, report_id = _report(db)
    with pytest.raises(FileRefused, match="không tìm thấy tệp"):
        evidence.attach(db, report_id=report_id, path=tmp_path / "mat.jpg")
    assert evidence.files_of(db, report_id=report_id) == []


def test_deleting_the_item_and_undoing_keeps_its_evidence(db: Database, tmp_path: Path) -> None:
    item_id, report_id = _report(db)
    photo = tmp_path / "anh.jpg"
    photo.write_bytes(b"\xff\xd8anh")
    evidence.attach(db, report_id=report_id, path=photo)
    snapshot = structure.delete_item(db, item_id=item_id)
    assert evidence.files_of(db, report_id=report_id) == []
    structure.restore_deleted(db, snapshot=snapshot)
    assert [e.file_name for e in evidence.files_of(db, report_id=report_id)] == ["anh.jpg"]


def test_history_view_attaches_and_opens(qtbot: Any, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    item_id, _ = _report(db)
    view = ItemHistoryView(db)
    qtbot.addWidget(view)
    view.load(item_id)
    photo = tmp_path / "anh hiện trường.png"
    photo.write_bytes(b"\x89PNG anh")
    assert view.attach(photo)
    assert view.files.count() == 1 and view.table.item(0, 6).text() == "1"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    view.open_button.click()
    assert opened and Path(opened[0]).read_bytes() == photo.read_bytes()
