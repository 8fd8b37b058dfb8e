"""The managed evidence folder beside the database: files stored once by SHA-256, written atomically."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from desktop_app.errors import FileRefused
from desktop_app.io.file_errors import refusing

FOLDER = "minh_chung"
MAX_BYTES = 200 * 1024 * 1024


def store(folder: Path, source: Path) -> tuple[str, str, int]:
    """Copy source into folder as <sha256><suffix> (kept if already there); returns (stored name, sha256, size).

    The original is only read, never moved or deleted. The copy goes to a temporary name and is renamed,
    so a full disk or a removed USB stick leaves no half-written file."""
    name = source.name
    with refusing(name, permission="evidence.no_permission", failed="evidence.copy_failed"):
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise FileRefused("evidence.too_large", file=name, size_mb=size // (1024 * 1024))
        digest = hashlib.sha256()
        with source.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        sha256 = digest.hexdigest()
        stored = f"{sha256}{source.suffix.lower()[:10]}"
        target = folder / stored
        if target.exists() and target.stat().st_size == size:
            return stored, sha256, size
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".tam-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return stored, sha256, size
