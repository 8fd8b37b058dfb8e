"""The frozen program: packaging/build.sh builds dist/ChuyenDoiSoXa with PyInstaller (build.spec), and the
result is checked for what freezing typically breaks — missing data files, fonts, Qt plug-ins, hidden imports,
libraries reading files beside their own modules — by its own --self-test, by the commands that write every
report format, and by starting its window for a few seconds.

The build takes about 25 s here (the first time also a pip install of PyInstaller), so it runs in the normal
suite (marked `slow`: `-m "not slow"` leaves it out). Linux only: the Windows build is done and self-tested by
.github/workflows/windows.yml with the same build.spec. The version resource for Windows is checked here on
any platform."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# With pytest-xdist (--dist loadgroup), the whole module runs in one worker: the program is built once.
pytestmark = pytest.mark.xdist_group("frozen")
SIZE_LIMIT_MB = 150  # a bare PySide6 window bundles to about 160–177 MB; this one to about 138 MB

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the Linux build; Windows builds in .github/workflows/windows.yml")


def _load_version_info() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("cds_version_info", ROOT / "packaging" / "version_info.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------- the Windows version resource (fast)
def test_version_numbers_come_from_pyproject() -> None:
    vi = _load_version_info()
    assert vi.project_version(ROOT / "pyproject.toml") == __import__("desktop_app").__version__
    assert vi.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert vi.version_tuple("2.10.3.7") == (2, 10, 3, 7)
    assert vi.version_tuple("1.2.0rc1") == (1, 2, 0, 0)
    assert vi.version_tuple("1.3.dev2") == (1, 3, 0, 0)
    assert vi.version_tuple("3") == (3, 0, 0, 0)


def test_windows_version_resource(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller's versioninfo module needs pefile and win32api only to read .exe files: stand-ins let the
    structure be built and checked here; its text form is what PyInstaller itself reads back."""
    pytest.importorskip("PyInstaller", reason="the `build` extra is not installed")
    import PyInstaller.compat

    if not sys.platform.startswith("win"):
        monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
        monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
        monkeypatch.delitem(sys.modules, "PyInstaller.utils.win32.versioninfo", raising=False)
    from PyInstaller.utils.win32 import versioninfo

    vi = _load_version_info()
    version = vi.project_version(ROOT / "pyproject.toml")
    info = vi.version_info(version)
    assert isinstance(info, versioninfo.VSVersionInfo)
    text = str(info)
    again = eval(text, {name: getattr(versioninfo, name) for name in dir(versioninfo)})
    assert str(again) == text
    numbers = vi.version_tuple(version)
    assert f"filevers={numbers}" in text and f"prodvers={numbers}" in text
    for wanted in ("'CompanyName', 'UBND xã'", "'ProductName', 'Theo dõi Kế hoạch chuyển đổi số cấp xã'",
                   "'ProductName', 'Commune Digital Transformation Plan Tracker'",
                   "'OriginalFilename', 'ChuyenDoiSoXa.exe'", f"'ProductVersion', '{version}'",
                   "'042A04B0'", "'040904B0'"):
        assert wanted in text


def test_icons_have_every_size() -> None:
    png = (ROOT / "resources" / "icons" / "app.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 256
    ico = (ROOT / "resources" / "icons" / "app.ico").read_bytes()
    count = int.from_bytes(ico[4:6], "little")
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}  # 0 in the directory entry means 256
    assert sizes == {16, 24, 32, 48, 64, 128, 256}


# ---------------------------------------------------------------- the frozen program (slow)
def _isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for the frozen program: off-screen, and every user folder inside home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "PYTHON"))}
    env.update(
        HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", LC_ALL="C.UTF-8",
    )
    env.update(extra)
    return env


def _run(program: Path, args: list[str], home: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(program), *args], env=_isolated_env(home), capture_output=True, text=True,
                          check=False, encoding="utf-8", errors="replace", timeout=timeout)


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build the program once for this module with packaging/build.sh, into a folder of its own (not dist/: a
    developer's build, or a second test run at the same time, is left alone); the program's folder."""
    out = tmp_path_factory.mktemp("frozen")
    start = time.monotonic()
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh"), "--distpath", str(out / "dist"), "--workpath", str(out / "work")],
        cwd=ROOT, capture_output=True, check=False, text=True, encoding="utf-8", errors="replace", timeout=1500)
    if done.returncode != 0:
        pytest.fail(f"packaging/build.sh failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-6000:]}")
    dist = out / "dist" / "ChuyenDoiSoXa"
    assert (dist / "ChuyenDoiSoXa").is_file() and os.access(dist / "ChuyenDoiSoXa", os.X_OK)
    print(f"\nfrozen build: {time.monotonic() - start:.0f} s, {_size_mb(dist):.0f} MB")
    yield dist
    shutil.rmtree(out, ignore_errors=True)  # 140 MB


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


@pytest.mark.slow
@linux_only
def test_bundle_holds_what_the_program_reads_and_nothing_it_does_not(frozen: Path) -> None:
    internal = frozen / "_internal"  # sys._MEIPASS of the one-folder program
    for wanted in ("resources/fonts/LiberationSerif-Regular.ttf", "resources/fonts/LiberationSerif-Bold.ttf",
                   "resources/fonts/LiberationSerif-Italic.ttf", "resources/fonts/LiberationSerif-BoldItalic.ttf",
                   "resources/fonts/OFL-LiberationSerif.txt", "resources/translations/vi.qm",
                   "resources/translations/messages.json",
                   "resources/icons/app.png", "resources/icons/app.ico", "resources/samples/nam_hong_phu_luc_1.txt",
                   "db/migrations/env.py", "docx/templates/default.docx", "docx/templates/default-footer.xml",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                   "PySide6/Qt/plugins/imageformats/libqico.so"):
        assert (internal / wanted).is_file(), wanted
    migrations = sorted(p.name for p in (ROOT / "db" / "migrations" / "versions").glob("*.py"))
    assert sorted(p.name for p in (internal / "db" / "migrations" / "versions").glob("*.py")) == migrations
    for unwanted in ("PySide6/Qt/translations", "PySide6/Qt/plugins/generic", "PySide6/Qt/plugins/platforms/libqvnc.so",
                     "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/lib/libQt6Network.so.6",
                     "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "pytest", "_pytest",
                     "hypothesis", "pypdf", "libssl.so.3", "libcrypto.so.3"):
        assert not (internal / unwanted).exists(), unwanted
    size = _size_mb(frozen)
    assert size < SIZE_LIMIT_MB, f"the bundle is {size:.0f} MB"


@pytest.mark.slow
@linux_only
def test_every_qt_library_a_kept_file_links_to_is_bundled(frozen: Path) -> None:
    """build.spec leaves out plug-ins and the libraries only they used: nothing kept may miss a Qt library."""
    internal = frozen / "_internal"
    bundled = {p.name for p in internal.rglob("*.so*")}
    missing = []
    for lib in internal.rglob("*.so*"):
        if not lib.is_file():
            continue
        out = subprocess.run(["readelf", "-d", str(lib)], capture_output=True, text=True, check=False).stdout
        for name in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out):
            if name.startswith(("libQt6", "libpyside6", "libshiboken6", "libicu")) and name not in bundled:
                missing.append(f"{lib.relative_to(internal)} → {name}")
    assert not missing


@pytest.mark.slow
@linux_only
def test_frozen_self_test_passes(frozen: Path, tmp_path: Path) -> None:
    done = _run(frozen / "ChuyenDoiSoXa", ["--self-test"], tmp_path)
    print(done.stdout)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines and lines[-1].startswith("ĐẠT: "), done.stdout
    assert not [line for line in lines if line.startswith("LỖI")]
    assert "offscreen" in done.stdout  # the window step ran on Qt's off-screen platform plug-in


@pytest.mark.slow
@linux_only
def test_frozen_commands_write_every_report_format(frozen: Path, tmp_path: Path) -> None:
    """What --self-test does not cover: the Word report (python-docx reads its templates beside its modules),
    CSV, a plan imported from .docx and .xlsx files."""
    from docx import Document

    from tests.seed_files import make_docx, make_xlsx

    db = tmp_path / "x.sqlite3"
    (tmp_path / "a.docx").write_bytes(make_docx(ROOT / "tests" / "data" / "minh_tan_phu_luc_1.txt"))
    (tmp_path / "b.xlsx").write_bytes(make_xlsx(ROOT / "tests" / "data" / "nam_hong_phu_luc_1.txt"))
    steps = [
        ["import", str(tmp_path / "a.docx")],
        ["import", str(tmp_path / "b.xlsx")],
        ["record", "--plan", "2", "--item", "2.1", "--period", "2026-Q3", "--value", "72,5"],
        ["export-docx", "--plan", "2", "--period", "2026-Q3", str(tmp_path / "r.docx")],
        ["export-docx", "--plan", "1", "--kind", "appendix", str(tmp_path / "p.docx")],
        ["export-pdf", "--plan", "1", "--kind", "appendix", str(tmp_path / "p.pdf")],
        ["export-xlsx", "--plan", "2", str(tmp_path / "r.xlsx")],
        ["export-csv", "--plan", "2", str(tmp_path / "r.csv")],
    ]
    for args in steps:
        done = _run(frozen / "ChuyenDoiSoXa", ["--db", str(db), *args], tmp_path)
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
    text = "\n".join(p.text for p in Document(str(tmp_path / "r.docx")).paragraphs)
    assert "Nam Hồng" in text
    assert len(Document(str(tmp_path / "p.docx")).tables) >= 1
    assert (tmp_path / "p.pdf").read_bytes()[:5] == b"%PDF-"
    assert "72,5" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


@pytest.mark.slow
@linux_only
def test_frozen_window_starts_and_stays_up(frozen: Path, tmp_path: Path) -> None:
    db = tmp_path / "gui.sqlite3"
    log = (tmp_path / "gui.log").open("w+", encoding="utf-8", errors="replace")
    process = subprocess.Popen([str(frozen / "ChuyenDoiSoXa"), "--db", str(db)], env=_isolated_env(tmp_path),
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        # up for 5 s at least, and until it has opened its database (a loaded machine can take longer than 5 s
        # to start a frozen Qt program): 60 s only bound a hang
        started = time.monotonic()
        while process.poll() is None and (time.monotonic() < started + 5
                                          or (not db.is_file() and time.monotonic() < started + 60)):
            time.sleep(0.2)
        log.flush()
        output = (tmp_path / "gui.log").read_text(encoding="utf-8", errors="replace")
        assert process.poll() is None, f"the window closed by itself ({process.returncode}):\n{output}"
        assert db.is_file()  # it opened (created and migrated) the database
        assert "Traceback" not in output, output
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        log.close()
