"""The column-role picker of the import preview: the guess shown, a role changed, the import, and the layout
remembered for the next file (GUI and CLI)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from db.engine import Database
from desktop_app.cli import main
from desktop_app.services import importing
from desktop_app.services.import_columns import UnsureColumns
from desktop_app.services.plans import show
from desktop_app.ui.app import make_app
from desktop_app.ui.dialogs.import_preview import ImportPreviewDialog

HEADER = ["Số TT", "Nội dung công việc", "Bộ phận", "Mốc", "Ý kiến"]
ROWS = [["I", "Cải cách hành chính", "", "", ""],
        ["1", "Rà soát thủ tục hành chính", "Công an xã", "Quý I/2026", "Đã thống nhất"],
        ["2", "Cập nhật cổng thông tin điện tử xã", "Văn phòng HĐND và UBND xã", "Quý II/2026", ""],
        ["3", "Số hóa hồ sơ một cửa", "Công an xã", "Tháng 9/2026", "Cần thêm máy quét"]]


def _file(tmp_path: Path, name: str, rows: list[list[str]] = ROWS) -> Path:
    path = tmp_path / name
    path.write_text("\n".join("\t".join(r) for r in [HEADER, *rows]), encoding="utf-8")
    return path


def test_the_preview_asks_for_the_roles_then_imports_and_remembers_them(qtbot: Any, db: Database,
                                                                        tmp_path: Path) -> None:
    make_app()
    preview = importing.preview_file(db, path=_file(tmp_path, "lich.txt"))
    assert not preview.confident
    dialog = ImportPreviewDialog(db, preview)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.tabs.currentWidget() is dialog.columns and not ok.isEnabled()
    table = dialog.columns.tables[0]
    assert table.roles()[:3] == ["number", "text", "implementing"]  # the guess, shown
    assert table.item(1, 3).text().startswith("⚠")  # «Mốc»: unsure, marked
    dialog.columns.choose(0, 3, "deadline")
    dialog.columns.choose(0, 4, "note")
    dialog.columns.apply_button.click()
    assert ok.isEnabled() and dialog.tabs.currentIndex() == 0
    assert [i.deadline.due.isoformat() for i in dialog.preview.parsed.items] == ["2026-03-31", "2026-06-30",
                                                                                 "2026-09-30"]
    result = importing.import_preview(db, preview=dialog.preview)
    items = show(db, plan_id=result.plan_id)["plans"][0]["items"]
    assert [(i["number"], i["implementing_units"], i["note"]) for i in items] == [
        ("1", ["Công an xã"], "Đã thống nhất"), ("2", ["Văn phòng HĐND và UBND xã"], ""),
        ("3", ["Công an xã"], "Cần thêm máy quét")]
    # the next file with the same header goes straight through, in the window and on the command line
    again = importing.preview_file(db, path=_file(tmp_path, "lich_2.txt", ROWS[:2]))
    assert again.confident and again.parsed.items[0].deadline.due.isoformat() == "2026-03-31"
    assert importing.import_file(db, path=_file(tmp_path, "lich_3.txt", ROWS[:3])).items == 2


def test_import_is_refused_until_the_roles_are_confirmed(db: Database, tmp_path: Path) -> None:
    preview = importing.preview_file(db, path=_file(tmp_path, "lich.txt"))
    with pytest.raises(UnsureColumns):
        importing.import_preview(db, preview=preview)


def test_cli_lists_the_guess_refuses_then_imports_with_columns(db_path: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, "lich.txt")
    assert main(["--db", str(db_path), "import", str(path), "--show-columns", "--json"]) == 0
    tables = json.loads(capsys.readouterr().out)["tables"]
    assert tables[0]["header"] == HEADER and tables[0]["confident"] is False
    assert tables[0]["roles"][:2] == ["number", "text"] and len(tables[0]["roles"]) == 5
    assert main(["--db", str(db_path), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "«Mốc»" in err and "--columns" in err and "number" in err
    spec = "1=number,2=text,3=implementing,4=deadline,5=note"
    assert main(["--db", str(db_path), "import", str(path), "--columns", spec, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == 3
    assert main(["--db", str(db_path), "import", str(_file(tmp_path, "lich_2.txt", ROWS[:2]))]) == 0  # remembered
    assert main(["--db", str(db_path), "import", str(path), "--again", "--columns", "1=so,2=text"]) == 2
    assert "vai trò «so» không có" in capsys.readouterr().err
