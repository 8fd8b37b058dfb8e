"""File names built from user text that Windows accepts: no reserved names (CON, COM1 …), none of
<>:"/\\|?* or control characters, no trailing dot or space, and at most 200 characters."""

from __future__ import annotations

import re
import unicodedata

MAX_LENGTH = 200
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_file_name(text: str, suffix: str = "", *, fallback: str = "bao_cao") -> str:
    """text made into a file name (NFC, "/" as "-", forbidden characters dropped) with suffix appended."""
    name = unicodedata.normalize("NFC", text).replace("/", "-").replace("\\", "-")
    name = _FORBIDDEN.sub("", name)
    name = " ".join(name.split()).strip(" .")
    if not name or name.split(".")[0].upper() in _RESERVED:
        name = f"{fallback}_{name}" if name else fallback
    name = name[: MAX_LENGTH - len(suffix)].rstrip(" .")
    return name + suffix


def unsafe_file_name(name: str) -> bool:
    """Whether a file name arriving from elsewhere (an evidence file's name in a package) could not be saved
    as it is on Windows or could reach outside its folder: empty, too long, a path separator, a colon, a control
    character, a reserved name (CON, NUL.txt …), a trailing dot or space, or "." / ".."."""
    if not name or len(name) > MAX_LENGTH + 100 or _FORBIDDEN.search(name) or name != name.rstrip(" ."):
        return True
    return name.split(".")[0].strip().upper() in _RESERVED or name in (".", "..")
