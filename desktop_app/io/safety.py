"""Size limits and hostile-content checks for zip-based files (.docx, .xlsx) before any parser sees them."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath
from typing import Any

from desktop_app.errors import FileRefused
from desktop_app.messages import Message

MB = 1 << 20

MAX_ZIP_BYTES = 100 * MB
"""Largest .docx/.xlsx file accepted as it is on disk."""
MAX_TEXT_BYTES = 20 * MB
"""Largest text file (or clipboard text) accepted."""
MAX_MEMBERS = 2_000
"""Most members a zip may have."""
MAX_MEMBER_BYTES = 100 * MB
"""Largest uncompressed size of one member."""
MAX_TOTAL_BYTES = 300 * MB
"""Largest uncompressed size of all members together."""
MAX_RATIO = 200
"""Largest compression ratio accepted for members over RATIO_MIN_BYTES."""
RATIO_MIN_BYTES = 1 * MB
"""Members up to this uncompressed size are not ratio-checked."""

_CHUNK = 256 * 1024
_OVERLAP = 64
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_DECLARATIONS = [word.encode(enc) for word in ("<!DOCTYPE", "<!ENTITY") for enc in _ENCODINGS]
_DECLARATION_RE = re.compile(b"|".join(re.escape(d) for d in _DECLARATIONS), re.IGNORECASE)
_ENCODING_RE = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_SAFE_ENCODING_RE = re.compile(
    r"utf-?(8|16|32)(-?(le|be))?|(us-)?ascii|iso[-_]?8859-\d{1,2}|latin-?1|(windows|cp)-?12\d\d", re.IGNORECASE
)
# Media and binary parts are not parsed as XML by the readers (SVG images legitimately carry a DOCTYPE).
_BINARY_SUFFIXES = {
    ".png", ".jpg", ".jpeg", ".jpe", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".emz", ".wmz", ".svg",
    ".ico", ".wdp", ".jxr", ".hdp", ".bin", ".odttf", ".ttf", ".otf", ".fntdata", ".mp3", ".mp4", ".wav", ".avi",
    ".wmv", ".mov", ".m4a", ".pdf", ".jfif", ".webp",
}


def _refuse(code: str, name: str, **args: Any) -> FileRefused:
    """A FileRefused for the file `name` (byte counts in the messages are shown in MB)."""
    return FileRefused(code, file=name, **args)


def _check_entry_count(data: bytes, name: str) -> None:
    """Refuse from the end-of-central-directory record alone when it announces too many members."""
    pos = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if pos < 0 or pos + 22 > len(data):
        return
    total = int.from_bytes(data[pos + 10 : pos + 12], "little")
    if total != 0xFFFF and total > MAX_MEMBERS:
        raise _refuse("zip.too_many_members", name, count=total, limit=MAX_MEMBERS)


def _check_member_name(member: str, name: str) -> None:
    """Refuse absolute member names and names that climb out with ".."."""
    path = member.replace("\\", "/")
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path) or ".." in PurePosixPath(path).parts:
        raise _refuse("zip.member_path", name, member=member)


def _check_prolog(head: bytes, member: str, name: str) -> None:
    """Refuse XML in an encoding that could hide a DOCTYPE from the byte scan (EBCDIC, UTF-7, ...)."""
    start = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")
    declared: str | None
    if start.startswith(b"\x4c\x6f\xa7\x94"):  # "<?xm" in EBCDIC
        declared = "EBCDIC"
    else:
        match = _ENCODING_RE.search(head[:512].replace(b"\x00", b""))
        declared = match.group(1).decode("ascii") if match else None
        if declared is None or _SAFE_ENCODING_RE.fullmatch(declared):
            return
    raise _refuse("zip.member_encoding", name, member=member, encoding=declared)


def _scans_for_declarations(member: str) -> bool:
    """Whether the member's content is checked for DOCTYPE/ENTITY (everything but known media/binary parts)."""
    return PurePosixPath(member.lower()).suffix not in _BINARY_SUFFIXES


def _stream_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> int:
    """Decompress one member in chunks, checking its real size and XML declarations; return its real size."""
    member = info.filename
    scan = _scans_for_declarations(member)
    limit = min(info.file_size, MAX_MEMBER_BYTES)
    seen = 0
    tail = b""
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                if seen > limit:
                    raise _refuse("zip.member_larger_than_declared", name, member=member, declared=info.file_size)
                if scan:
                    if seen == len(chunk):
                        _check_prolog(chunk[:1024], member, name)
                    window = tail + chunk
                    if _DECLARATION_RE.search(window):
                        raise _refuse("zip.member_xml_entities", name, member=member)
                    tail = window[-_OVERLAP:]
    except FileRefused:
        raise
    except Exception as exc:  # zlib.error, BadZipFile (bad CRC), EOFError, NotImplementedError, RuntimeError...
        if "CRC" in str(exc):
            detail = Message("zip.detail_crc")
        elif isinstance(exc, NotImplementedError):
            detail = Message("zip.detail_method")
        else:
            detail = Message("zip.detail_data")
        raise _refuse("zip.member_broken", name, member=member, detail=detail) from exc
    if seen != info.file_size:
        raise _refuse("zip.member_size_mismatch", name, member=member, actual=seen, declared=info.file_size)
    return seen


def check_zip(data: bytes, name: str) -> None:
    """Refuse a zip-based file that is broken, too big, a zip bomb, path-traversing or carrying XML entities."""
    if len(data) > MAX_ZIP_BYTES:
        raise _refuse("zip.too_large", name, size=len(data), limit=MAX_ZIP_BYTES)
    _check_entry_count(data, name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception as exc:  # BadZipFile, LargeZipFile, OSError, EOFError, ValueError, struct.error...
        raise _refuse("zip.corrupt", name) from exc
    with zf:
        if len(infos) > MAX_MEMBERS:
            raise _refuse("zip.too_many_members", name, count=len(infos), limit=MAX_MEMBERS)
        if not infos:
            raise _refuse("zip.no_members", name)
        declared_total = 0
        for info in infos:
            _check_member_name(info.orig_filename, name)
            _check_member_name(info.filename, name)
            if info.flag_bits & 0x1:
                raise _refuse("zip.member_encrypted", name, member=info.filename)
            if info.file_size > MAX_MEMBER_BYTES:
                raise _refuse("zip.member_too_large", name, member=info.filename, size=info.file_size,
                              limit=MAX_MEMBER_BYTES)
            declared_total += info.file_size
            if declared_total > MAX_TOTAL_BYTES:
                raise _refuse("zip.total_too_large", name, limit=MAX_TOTAL_BYTES, member=info.filename)
        for info in infos:
            if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                ratio = info.file_size // max(info.compress_size, 1)
                raise _refuse("zip.member_ratio", name, member=info.filename, ratio=ratio, limit=MAX_RATIO)
        for info in infos:
            if not info.is_dir():
                _stream_member(zf, info, name)
