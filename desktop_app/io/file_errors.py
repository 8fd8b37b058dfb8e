"""Operating-system errors on a user's file turned into FileRefused with a plain Vietnamese reason."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from desktop_app.errors import FileRefused


@contextmanager
def refusing(name: str, *, permission: str = "không có quyền đọc tệp.", failed: str = "không đọc được tệp") -> Iterator[None]:
    """Inside the block, a missing file, a refused permission or any other OSError becomes FileRefused."""
    try:
        yield
    except FileNotFoundError as exc:
        raise FileRefused("không tìm thấy tệp.", file=name) from exc
    except PermissionError as exc:
        raise FileRefused(permission, file=name) from exc
    except OSError as exc:
        raise FileRefused(f"{failed} ({exc.strerror or exc}).", file=name) from exc
