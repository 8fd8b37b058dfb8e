"""Rules a data package (.cdsx) must meet before anything reads it: limits, safe member names, the zip's
central directory size, and JSON without NaN, duplicate keys or deep nesting."""

from __future__ import annotations

import json
import math
import struct
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any, BinaryIO

from desktop_app.messages import Message

SUFFIX = ".cdsx"
FORMAT = "cdsx"
FORMAT_VERSION = 2
"""2: plans carry an issuer, items their explanation, unit of measure, target text, product and budget (a
format-1 package is read with those empty); coordinating units and yearly deadlines."""
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"

MB = 1 << 20
CHUNK = 1 << 20
"""How much of a member is read or written at once."""
GB = 1 << 30

MAX_FILE_BYTES = 2 * GB
"""Largest package file accepted as it is on disk."""
MAX_MEMBERS = 20_000
"""Most members a package may have (records, evidence files, manifest and signature)."""
MAX_MEMBER_BYTES = 500 * MB
"""Largest uncompressed size of one member."""
MAX_TOTAL_BYTES = 4 * GB
"""Largest uncompressed size of all members together."""
MAX_RATIO = 200
"""Largest compression ratio accepted for members over RATIO_MIN_BYTES (a higher one is a zip bomb)."""
RATIO_MIN_BYTES = 1 * MB
MAX_MANIFEST_BYTES = 5 * MB
MAX_JSON_BYTES = 24 * MB
"""Largest JSON member read_json parses (a commune's largest table is a few MB; parsed JSON takes up to 25
times its text in memory)."""
MAX_RECORDS_BYTES = 64 * MB
"""Largest uncompressed size of all JSON members of a package together, refused before any is read."""
MAX_PARSED_BYTES = 192 * MB
"""Most memory the parsed JSON members of a package may take, as parsed_cost estimates it before parsing: with
the checked rows beside the member being parsed and the text read, a refused or imported package stays within
500 MB (bench/package_attack_bench.py)."""
VALUE_COST = 64
"""Bytes one parsed JSON value may take at most (a short str object and its pointer in a list)."""
MAX_JSON_CONTAINERS = 500_000
"""Most "[" and "{" a JSON text may hold: each list or dict costs about 100 bytes once parsed."""
MAX_JSON_DEPTH = 64
MAX_NAME_CHARS = 255
MAX_CENTRAL_DIRECTORY = 16 * MB
"""20,000 entries with names of 255 bytes need 6 MB; more is a hostile directory, refused before zipfile reads it."""

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


def shown(name: str) -> str:
    """A member name safe to put in a message: control and format characters escaped, at most 80 characters."""
    out = "".join(c if unicodedata.category(c)[0] != "C" else f"\\u{ord(c):04x}" for c in name)
    return out if len(out) <= 80 else out[:77] + "…"


def unsafe_name_reason(name: str) -> Message | None:
    """Why name is not a safe relative POSIX path inside a package, or None when it is."""
    if not isinstance(name, str) or not name:
        return Message("package.reason_empty")
    if len(name) > MAX_NAME_CHARS:
        return Message("package.reason_long", limit=MAX_NAME_CHARS)
    if any(unicodedata.category(c)[0] == "C" for c in name):
        return Message("package.reason_control")
    if "\\" in name:
        return Message("package.reason_backslash")
    if name.startswith("/"):
        return Message("package.reason_absolute")
    if ":" in name:  # a drive letter (C:) or an NTFS alternate data stream (file:stream)
        return Message("package.reason_drive")
    parts = name.split("/")
    if ".." in parts:
        return Message("package.reason_parent")
    if any(part in ("", ".") for part in parts):
        return Message("package.reason_empty_part")
    return None


def central_directory(handle: BinaryIO, size: int) -> tuple[int, int] | None:
    """(entries, bytes) of the zip's central directory as its end record declares them, or None when the file
    has no end record (not a zip). Read here so that a hostile directory is refused before zipfile loads it."""
    tail_len = min(size, 22 + 0xFFFF)
    handle.seek(size - tail_len)
    tail = handle.read(tail_len)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        return None
    _, _, _, _, entries, cd_bytes, cd_offset, _ = struct.unpack("<4s4H2LH", tail[at:at + 22])
    if entries != 0xFFFF and cd_bytes != 0xFFFFFFFF and cd_offset != 0xFFFFFFFF:
        return entries, cd_bytes
    # Zip64: the locator sits just before the end record and points at the Zip64 end record.
    end_at = size - tail_len + at
    if end_at < 20:
        return None
    handle.seek(end_at - 20)
    locator = handle.read(20)
    if len(locator) != 20 or locator[:4] != _ZIP64_LOCATOR:
        return None
    (zip64_at,) = struct.unpack("<Q", locator[8:16])
    if zip64_at > size - 56:
        return None
    handle.seek(zip64_at)
    record = handle.read(56)
    if len(record) != 56 or record[:4] != _ZIP64_EOCD:
        return None
    entries64, cd_bytes64 = struct.unpack("<QQ", record[32:48])
    return entries64, cd_bytes64


class JsonRefused(ValueError):
    """JSON text this program does not accept; coded holds the reason, a phrase that follows the member's name
    ("tệp «x» trong gói có khoá «y» lặp lại")."""

    def __init__(self, code: str, /, **args: Any) -> None:
        self.coded = Message(code, **args)
        super().__init__(code)

    def __str__(self) -> str:
        return self.coded.render()


def _no_constant(value: str) -> Any:
    raise JsonRefused("json.constant", value=value)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonRefused("json.number_too_large", text=text[:20])
    return value


def _first_repeated(keys: Iterable[str]) -> str | None:
    """The first key met a second time, if any."""
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            return key
        seen.add(key)
    return None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    duplicate = _first_repeated(k for k, _ in pairs) if len(result) != len(pairs) else None
    if duplicate is not None:
        raise JsonRefused("json.duplicate_key", key=shown(duplicate))
    return result


def _children(node: dict[str, Any] | list[Any]) -> Iterator[Any]:
    return iter(node.values() if isinstance(node, dict) else node)


_CONTAINERS = {dict, list}


def _depth(value: Any) -> int:
    """Nesting depth of parsed JSON, walked without recursion and with memory for one path only."""
    if not isinstance(value, (dict, list)):
        return 0
    stack, deepest = [_children(value)], 1
    while stack:
        top = stack[-1]
        for child in top:
            if type(child) is list:
                # Shortcuts measured at C speed: a list of plain values (a record), or a list of such lists
                # (a table of records), has nothing inside to walk.
                kinds = set(map(type, child))
                levels = 0
                if not _CONTAINERS & kinds:
                    levels = 1
                elif kinds == {list} and not _CONTAINERS & set(map(type, chain.from_iterable(child))):
                    levels = 2
                if levels:
                    deepest = max(deepest, len(stack) + levels)
                    if deepest > MAX_JSON_DEPTH:
                        return deepest
                    continue
            if isinstance(child, (dict, list)):
                stack.append(_children(child))
                deepest = max(deepest, len(stack))
                if deepest > MAX_JSON_DEPTH:
                    return deepest
                break
        else:
            stack.pop()
    return deepest


def parsed_cost(data: bytes) -> int:
    """An upper estimate of the memory data takes once parsed: its text, plus VALUE_COST for each value (every
    value but the last of a list or an object is followed by a comma; commas inside strings count too)."""
    return len(data) + VALUE_COST * (data.count(b",") + data.count(b"[") + data.count(b"{") + 1)


def parse_json(data: bytes) -> Any:
    """data as strict UTF-8 JSON; JsonRefused for anything else, NaN/Infinity, duplicate keys, depth over 64."""
    containers = data.count(b"[") + data.count(b"{")  # brackets inside strings count too: a bound, cheaply
    if containers > MAX_JSON_CONTAINERS:
        raise JsonRefused("json.too_many_containers", count=containers, limit=MAX_JSON_CONTAINERS)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonRefused("json.not_utf8") from exc
    try:
        value = json.loads(text, parse_constant=_no_constant, parse_float=_finite,
                           object_pairs_hook=_no_duplicates)
    except RecursionError as exc:
        raise JsonRefused("json.too_deep", limit=MAX_JSON_DEPTH) from exc
    except JsonRefused:
        raise
    except json.JSONDecodeError as exc:
        raise JsonRefused("json.invalid", line=exc.lineno, column=exc.colno) from exc
    except ValueError as exc:  # int() of a number with thousands of digits
        raise JsonRefused("json.number_too_long") from exc
    if _depth(value) > MAX_JSON_DEPTH:
        raise JsonRefused("json.too_deep", limit=MAX_JSON_DEPTH)
    return value
