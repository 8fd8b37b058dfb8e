"""The Vietnamese translation is complete, covers every UI string, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "vi.ts"
QM = ROOT / "resources" / "translations" / "vi.qm"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    if not Path(found).exists():
        pytest.skip(f"pyside6-{name} not installed")
    return found


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg.find("translation")  # type: ignore[misc]
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }


def test_every_message_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) >= 30
    untranslated = [src for (ctx, src), tr in messages.items()
                    if tr is None or not (tr.text or "").strip() or tr.get("type") in ("unfinished", "vanished", "obsolete")]
    assert untranslated == []


def test_ts_covers_every_string_in_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    ui_files = sorted(str(p) for p in (ROOT / "desktop_app" / "ui").rglob("*.py"))
    subprocess.run([_tool("lupdate"), *ui_files, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(TS)), "run scripts/translations.sh and translate the new strings"


def test_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    out = tmp_path / "vi.qm"
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run scripts/translations.sh to rebuild vi.qm"
