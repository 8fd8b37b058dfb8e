"""`desktop-app --self-test` from source (the frozen build runs the same in tests/test_frozen.py), the failure
path, and a file given alone on the command line being opened in the GUI."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import _file_to_open, main
from desktop_app.services.self_test import run_checks


def test_self_test_passes_and_prints_a_line_per_step(qapp: object, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.paths import identity_key_path

    keys = identity_key_path("x").parent
    before = set(keys.iterdir()) if keys.is_dir() else set()
    assert main(["--self-test"]) == 0
    assert (set(keys.iterdir()) if keys.is_dir() else set()) == before  # its temporary key file is gone
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 9 and all(line.startswith("OK") for line in lines[:8])
    assert "PDF" in lines[3] and "Excel" in lines[4] and "Word" in lines[5] and "cửa sổ chính" in lines[7]
    assert "tiến trình phụ" in lines[6] and "8 gói" in lines[6]  # packages read in the reader process
    assert lines[-1].startswith("ĐẠT: 8/8 bước")


def test_a_failing_step_stops_the_checks(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "tệp"
    not_a_folder.write_text("x")
    steps = list(run_checks(not_a_folder))
    assert len(steps) == 1 and not steps[0].ok and steps[0].detail


def test_a_file_alone_on_the_command_line_is_opened(tmp_path: Path) -> None:
    package = tmp_path / "gói.cdsx"
    package.write_bytes(b"PK")
    assert _file_to_open([str(package)]) == ([], package)
    assert _file_to_open(["--db", str(tmp_path / "x.db"), str(package)]) == (["--db", str(tmp_path / "x.db")], package)
    db = tmp_path / "du_lieu.sqlite3"
    db.write_bytes(b"")
    assert _file_to_open(["--db", str(db)]) == (["--db", str(db)], None)
    assert _file_to_open(["show", "--json"]) == (["show", "--json"], None)
    assert _file_to_open([str(tmp_path / "không có.docx")]) == ([str(tmp_path / "không có.docx")], None)
