"""Start-up stays light: the heavy libraries (report writers, file readers, PDF, Alembic) load only when a
command needs them, not while the main window opens. Measured with `python -X importtime`; see also
bench/startup_bench.py for the time to the first frame."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Import cost of each measured on top of PySide6 and SQLAlchemy (the window needs those anyway): reportlab ~80 ms,
# openpyxl ~80 ms, python-docx ~50 ms, pypdf ~60 ms, pypdfium2 ~15 ms, Alembic ~90 ms (Mako ~30 ms, Pygments).
HEAVY = {"reportlab", "openpyxl", "docx", "pypdfium2", "pypdf", "alembic", "mako", "pygments"}


def _loaded(code: str, tmp_path: Path) -> list[str]:
    """The heavy top-level packages loaded once code has run in a fresh interpreter."""
    probe = code + f"\nimport sys\nprint(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(HEAVY)!r})))"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120, check=True)
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


def test_the_main_window_module_loads_no_heavy_library(tmp_path: Path) -> None:
    assert _loaded("import desktop_app.ui.main_window", tmp_path) == []


def test_opening_an_up_to_date_database_does_not_load_alembic(tmp_path: Path) -> None:
    db = tmp_path / "du_lieu.sqlite3"
    code = f"from db.engine import open_database\nopen_database({str(db)!r}).close()"
    assert "alembic" in _loaded(code, tmp_path)  # a new file: Alembic creates the schema
    assert _loaded(code, tmp_path) == []  # the usual start: nothing to migrate, Alembic stays unloaded


def test_the_start_up_probe_reports_the_first_frame_and_quits(tmp_path: Path) -> None:
    """The hook bench/startup_bench.py times: with CDS_STARTUP_PROBE set the program prints "first-paint <time>"
    once its window is drawn and quits by itself (without asking to load the sample plan)."""
    db = tmp_path / "du_lieu.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "CDS_STARTUP_PROBE": "1"}
    out = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    marker = [line for line in out.stdout.splitlines() if line.startswith("first-paint ")]
    assert len(marker) == 1 and float(marker[0].split()[1]) > 0


def _probe(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "CDS_STARTUP_PROBE": "1"}
    out = subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    return out


def _first_window_modules(out: subprocess.CompletedProcess[str]) -> list[str]:
    lines = [line for line in out.stdout.splitlines() if line.startswith("first-window-modules ")]
    assert len(lines) == 1, out.stdout
    return ast.literal_eval(lines[0].split(" ", 1)[1])


def test_the_path_to_the_first_window_loads_no_database_layer_and_no_file_library(tmp_path: Path) -> None:
    """What the first window waits for, checked in a real start (`python -m desktop_app`): neither SQLAlchemy
    nor a file library (openpyxl, reportlab, docx…) is imported before it exists — they load on the background
    thread while it shows. Once cli._file_to_open built the command table, importing every command group and
    with them db.engine and SQLAlchemy (~0.7 s) before the window; this catches such a path coming back."""
    db = tmp_path / "du_lieu.sqlite3"
    assert _first_window_modules(_probe(tmp_path, "--db", str(db))) == []
    appendix = tmp_path / "phu_luc.txt"  # a double-click on a file: the same light path
    appendix.write_text("PHỤ LỤC 1\n", encoding="utf-8")
    assert _first_window_modules(_probe(tmp_path, "--db", str(db), str(appendix))) == []
    assert _first_window_modules(_probe(tmp_path)) == []  # the default data folder


def test_the_real_start_up_writes_the_program_log(tmp_path: Path) -> None:
    """The fault dialog says the details are in the log: the start-up the officer runs starts the log (a line
    naming the version and the data file), so the faults after it are written there."""
    db = tmp_path / "du_lieu.sqlite3"
    _probe(tmp_path, "--db", str(db))
    logs = list((tmp_path / "data").rglob("chuong_trinh.log"))
    assert len(logs) == 1, logs
    text = logs[0].read_text(encoding="utf-8")
    assert "Mở chương trình" in text and str(db) in text
