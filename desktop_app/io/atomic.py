"""Write a file so that it is either complete or absent: into a temporary name beside the target, flushed to
the device, then renamed over the target. A full disk or a removed USB stick leaves no half file."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from desktop_app.errors import WriteFailed
from desktop_app.messages import Message

TEMP_PREFIX = ".dang-ghi-"


def _reason(exc: OSError) -> Message:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return Message("write.reason_disk_full")
    if isinstance(exc, PermissionError):
        return Message("write.reason_permission")
    if exc.errno in (errno.ENOENT, errno.EIO, errno.ENODEV, errno.ENXIO) or isinstance(exc, FileNotFoundError):
        return Message("write.reason_gone")
    return Message("write.reason_system", detail=exc.strerror or str(exc))


@contextmanager
def atomic_file(target: Path) -> Iterator[BinaryIO]:
    """Yield a binary file to write; on leaving the block it is flushed, fsynced and renamed to target.
    On any error the temporary file is removed, target keeps its old content, and OSError becomes
    WriteFailed naming the file and the reason."""
    target = Path(target)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise WriteFailed("write.folder_failed", file=target.name, folder=target.parent,
                          reason=_reason(exc)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w+b") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.filename is not None and str(exc.filename) not in (str(temp), str(target)):
            raise  # another file failed (e.g. a writer's own template): a fault, not the output's folder
        raise WriteFailed("write.file_failed", file=target.name, reason=_reason(exc)) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
