"""Operating-system errors on a user's file turned into FileRefused with a plain reason."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.errors import FileRefused
from desktop_app.messages import Message


@contextmanager
def refusing(name: str, *, permission: str = "file.no_read_permission", failed: str = "file.read_failed"
             ) -> Iterator[None]:
    """Inside the block, a missing file, a refused permission or any other OSError becomes FileRefused
    (permission: the code of the message for a refused permission; failed: the code of the message for any
    other error, which takes the system's words as {reason})."""
    try:
        yield
    except FileNotFoundError as exc:
        raise FileRefused("file.not_found", file=name) from exc
    except PermissionError as exc:
        raise FileRefused(permission, file=name) from exc
    except OSError as exc:
        raise FileRefused(Message(failed, reason=exc.strerror or str(exc)), file=name) from exc
