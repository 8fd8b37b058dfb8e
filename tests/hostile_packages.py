"""Crafted hostile packages, signed and well formed, for the hardening tests and bench/package_attack_bench.py:
large JSON members (listed or not), records whose parsed form is many times their text, deep nesting inside an
audit entry's changes, a NUL in an evidence file name."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

from db.audit import PACKAGE_COLUMNS
from db.exchange.check import expected_columns
from desktop_app.io.exchange import signing
from desktop_app.io.exchange.rules import FORMAT, FORMAT_VERSION, MANIFEST, SIGNATURE

KEY = bytes(range(7, 39))
SENDER_ID = "6f1c2a9e-0000-4000-8000-00000000beef"
SENDER_NAME = "UBND xã Lạ"


def table_json(table: str, rows: list[list[object]]) -> bytes:
    return json.dumps({"columns": expected_columns(table), "rows": rows}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def audit_json(rows: list[list[object]]) -> bytes:
    return json.dumps({"columns": list(PACKAGE_COLUMNS), "rows": rows}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def costly_json(size: int) -> bytes:
    """About size bytes of JSON whose parsed form is large for its text: rows of distinct two-letter strings."""
    row = "[" + ",".join(f'"{chr(0x61 + i % 26)}{chr(0x61 + i // 26 % 26)}"' for i in range(200)) + "]"
    count = max(1, size // (len(row) + 1))
    return ('{"columns":["x"],"rows":[' + ",".join([row] * count) + "]}").encode("ascii")


def write_signed(path: Path, members: dict[str, bytes], *, key: bytes = KEY, name: str = SENDER_NAME,
                 installation_id: str = SENDER_ID, extra: dict[str, bytes] | None = None,
                 compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A signed package of members (listed in the manifest) and extra ones (not listed)."""
    manifest = {"program_version": "9.9", "format": FORMAT, "format_version": FORMAT_VERSION,
                "installation": {"id": installation_id, "name": name,
                                 "public_key": base64.b64encode(signing.public_key_of(key)).decode()},
                "commune": "Lạ", "created_at": "2026-05-04T09:30:00", "counts": {},
                "members": {n: {"size": len(c), "sha256": hashlib.sha256(c).hexdigest()} for n, c in members.items()}}
    data = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
    with zipfile.ZipFile(path, "w", compression) as zf:
        zf.writestr(MANIFEST, data)
        zf.writestr(SIGNATURE, signing.sign(key, data))
        for member_name, content in [*members.items(), *(extra or {}).items()]:
            zf.writestr(member_name, content)
    return path


def deep_changes(depth: int = 5_000) -> str:
    return "[" * depth + "]" * depth


def audit_row(changes: str) -> list[object]:
    values = {"uuid": "0" * 32, "action": "update", "table_name": "items", "at": "2026-05-04T09:30:00",
              "changes": changes}
    return [values.get(column) for column in PACKAGE_COLUMNS]


def names(count: int) -> Iterator[str]:
    yield from (f"records/extra_{n:03d}.json" for n in range(count))
