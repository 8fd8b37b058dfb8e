"""The Windows version resource of ChuyenDoiSoXa.exe (what Explorer shows under Properties → Details).

Loaded by build.spec by file path (not imported as `packaging.version_info`: the name `packaging` belongs to
the library PyInstaller itself uses). Two string tables, Vietnamese (0x042A) and US English (0x0409), both
UTF-16 (code page 1200); Explorer shows the first, Vietnamese. Each table names the product in its language
(ProductName, FileDescription, which Task Manager shows) and in the other one (Comments).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

COMPANY = "UBND xã"
PRODUCT_VI = "Theo dõi Kế hoạch chuyển đổi số cấp xã"
PRODUCT_EN = "Commune Digital Transformation Plan Tracker"
EXE_NAME = "ChuyenDoiSoXa.exe"
COPYRIGHT = "UBND xã"
LANG_VI, LANG_EN, CODEPAGE_UNICODE = 0x042A, 0x0409, 1200


def project_version(pyproject: Path) -> str:
    """The version in pyproject.toml, e.g. "0.1.0"."""
    with pyproject.open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" → (1, 2, 3, 0); a suffix such as "rc1" or ".dev2" is dropped (Windows wants four numbers)."""
    match = re.match(r"\d+(?:\.\d+){0,3}", version.strip())
    if match is None:
        raise ValueError(f"no version number in {version!r}")
    numbers = [int(n) for n in match.group().split(".")]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_info(version: str) -> Any:
    """PyInstaller's VSVersionInfo for the program at this version (build on Windows only: the module needs
    pefile, which PyInstaller installs there)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = version_tuple(version)

    def table(lang: int, product: str, other: str) -> Any:
        return StringTable(f"{lang:04X}{CODEPAGE_UNICODE:04X}", [
            StringStruct("Comments", other),
            StringStruct("CompanyName", COMPANY),
            StringStruct("FileDescription", product),
            StringStruct("FileVersion", version),
            StringStruct("InternalName", "ChuyenDoiSoXa"),
            StringStruct("LegalCopyright", COPYRIGHT),
            StringStruct("OriginalFilename", EXE_NAME),
            StringStruct("ProductName", product),
            StringStruct("ProductVersion", version),
        ])

    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers, mask=0x3F, flags=0x0, OS=0x40004,
                          fileType=0x1, subtype=0x0, date=(0, 0)),
        kids=[
            StringFileInfo([
                table(LANG_VI, PRODUCT_VI, PRODUCT_EN),
                table(LANG_EN, PRODUCT_EN, PRODUCT_VI),
            ]),
            VarFileInfo([VarStruct("Translation", [LANG_VI, CODEPAGE_UNICODE, LANG_EN, CODEPAGE_UNICODE])]),
        ],
    )
