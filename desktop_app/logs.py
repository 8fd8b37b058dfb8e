"""The program's log: a rotating file in the user's data folder, where unexpected faults are written in full
for support (the officer sees a short message; the details are here and can be copied)."""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop_app.paths import default_db_path

LOG_NAME = "chuong_trinh.log"
MAX_BYTES = 1_000_000
KEEP = 5
_logger = logging.getLogger("desktop_app")
_started: Path | None = None


def log_path() -> Path:
    """Where the log is written: nhat_ky/ in the user's data folder."""
    return default_db_path().parent / "nhat_ky" / LOG_NAME


def start_logging(path: Path | None = None) -> Path | None:
    """Send the program's log to a rotating file (1 MB × 5); returns its path, None when it cannot be written
    (the program still runs)."""
    global _started
    path = path or log_path()
    if any(isinstance(h, RotatingFileHandler) for h in _logger.handlers):
        return _started
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _logger.addHandler(handler)
    _logger.setLevel(logging.INFO)
    _started = path
    return path


def started_log() -> Path | None:
    """The log file faults are written to, None until start_logging has opened one."""
    return _started


def log_start(version: str, data: Path) -> None:
    """The first line of a session in the log: which program and which data file."""
    _logger.info("Mở chương trình %s, tệp dữ liệu %s", version, data)


def details(exc: BaseException) -> str:
    """The full traceback of exc as text."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def log_fault(exc: BaseException, where: str = "") -> str:
    """Write an unexpected fault to the log; returns its details."""
    text = details(exc)
    _logger.error("Lỗi không mong đợi%s:\n%s", f" ({where})" if where else "", text)
    return text
