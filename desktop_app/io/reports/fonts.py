"""The serif font of official reports, registered once per process with reportlab.

Times New Roman when the system has it (Windows, the msttcorefonts package, macOS), otherwise the bundled
Liberation Serif 2.1 (metric-compatible, full Vietnamese coverage). Each face is one TrueType file registered
under its own name, and the four faces form a family so that <b> and <i> in Paragraph markup pick the right
file. reportlab's built-in Times-Roman is never used: it has no Vietnamese letters and is not embedded."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desktop_app.messages import text
from desktop_app.paths import resource_path

FACES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class ReportFonts:
    """The registered face names (pass them as fontName) and the family name (for registerFontFamily)."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    source: Path
    """The folder the files came from, for messages and tests."""


@dataclass(frozen=True)
class _Candidate:
    family: str
    folder: Path
    files: tuple[str, str, str, str]  # regular, bold, italic, bold italic


_TNR = "TimesNewRoman"
_TNR_WINDOWS = ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")
_TNR_CORE = ("Times_New_Roman.ttf", "Times_New_Roman_Bold.ttf", "Times_New_Roman_Italic.ttf",
             "Times_New_Roman_Bold_Italic.ttf")
_TNR_MAC = ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
            "Times New Roman Bold Italic.ttf")
LIBERATION = "LiberationSerif"
_LIBERATION_FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                     "LiberationSerif-BoldItalic.ttf")

_lock = threading.Lock()
_registered: dict[bool, ReportFonts] = {}


def _system_candidates() -> list[_Candidate]:
    found: list[_Candidate] = []
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if windir:
        found.append(_Candidate(_TNR, Path(windir) / "Fonts", _TNR_WINDOWS))
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed for one user only (Windows 10 1809+)
        found.append(_Candidate(_TNR, Path(local) / "Microsoft" / "Windows" / "Fonts", _TNR_WINDOWS))
    core = Path("/usr/share/fonts/truetype/msttcorefonts")
    found += [_Candidate(_TNR, core, _TNR_CORE), _Candidate(_TNR, core, _TNR_WINDOWS)]
    for mac in ("/System/Library/Fonts/Supplemental", "/Library/Fonts"):
        found.append(_Candidate(_TNR, Path(mac), _TNR_MAC))
    return found


def _bundled() -> _Candidate:
    folder = resource_path("fonts", _LIBERATION_FILES[0]).parent
    return _Candidate(LIBERATION, folder, _LIBERATION_FILES)


def _face_names(family: str) -> tuple[str, str, str, str]:
    return family, f"{family}-Bold", f"{family}-Italic", f"{family}-BoldItalic"


def _register(candidate: _Candidate) -> ReportFonts | None:
    paths = [candidate.folder / name for name in candidate.files]
    if not all(p.is_file() for p in paths):
        return None
    names = _face_names(candidate.family)
    try:
        fonts = [TTFont(name, str(path)) for name, path in zip(names, paths, strict=False)]
    except (TTFError, OSError, ValueError):
        return None  # unreadable or not a usable TrueType file: try the next candidate
    for font in fonts:
        pdfmetrics.registerFont(font)
    regular, bold, italic, bold_italic = names
    pdfmetrics.registerFontFamily(candidate.family, normal=regular, bold=bold, italic=italic,
                                  boldItalic=bold_italic)
    return ReportFonts(candidate.family, regular, bold, italic, bold_italic, candidate.folder)


def report_fonts(*, prefer_system: bool = True) -> ReportFonts:
    """Register (the first time only) and return the report fonts: Times New Roman from the system when all
    four faces are there and prefer_system, else the bundled Liberation Serif. Thread-safe."""
    with _lock:
        cached = _registered.get(prefer_system)
        if cached is not None:
            return cached
        candidates = _system_candidates() if prefer_system else []
        for candidate in [*candidates, _bundled()]:
            fonts = _register(candidate)
            if fonts is not None:
                _registered[prefer_system] = fonts
                return fonts
    raise FileNotFoundError(text("report.fonts_missing", files=", ".join(_LIBERATION_FILES), folder=_bundled().folder))
