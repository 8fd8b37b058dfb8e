"""Where things are: the default database in the user's data folder, and bundled resources (source or frozen)."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

APP_DIR_NAME = "ChuyenDoiSoXa"
DB_FILE_NAME = "du_lieu.sqlite3"
SAMPLE_PLAN = ("samples", "nam_hong_phu_luc_1.txt")


def default_db_path() -> Path:
    """The database the GUI and CLI use when no --db is given."""
    return user_data_path(APP_DIR_NAME, appauthor=False) / DB_FILE_NAME


def seal_key_path() -> Path:
    """The secret key this computer account seals its backups with (made on first use)."""
    return user_data_path(APP_DIR_NAME, appauthor=False) / "khoa-niem-phong.key"


def identity_key_path(installation_id: str) -> Path:
    """The private key this installation signs its data packages with (one file per installation id: several
    databases can live on one computer account)."""
    return user_data_path(APP_DIR_NAME, appauthor=False) / "khoa-ky" / f"{installation_id}.key"


def resources_dir() -> Path:
    """The resources folder: inside the PyInstaller bundle when frozen, else beside the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under resources/, whatever the current directory is."""
    return resources_dir().joinpath(*parts)


def sample_plan_path() -> Path:
    """The bundled sample appendix (xã Nam Hồng) offered on first start."""
    return resource_path(*SAMPLE_PLAN)
