"""The command-line contract of data packages: export-package (full and --since-last-to), import-package
(--dry-run, --trust, --json; exit 0 when imported, 2 when refused, the counts printed) and identity."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.conftest import NAM_HONG


def _count(db_path: Path, table: str) -> int:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out)


def test_packages_travel_between_two_installations_by_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xa, phong = tmp_path / "xa.sqlite3", tmp_path / "phong.sqlite3"
    assert main(["--db", str(xa), "import", str(NAM_HONG)]) == 0
    capsys.readouterr()
    assert main(["--db", str(xa), "identity", "--name", "UBND xã Nam Hồng", "--json"]) == 0
    sender = _json(capsys)
    assert sender["name"] == "UBND xã Nam Hồng" and len(sender["fingerprint"]) > 10

    full = tmp_path / "usb" / "lan1.cdsx"
    full.parent.mkdir()
    assert main(["--db", str(xa), "export-package", str(full), "--since-last-to", "Phòng VH-XH", "--json"]) == 0
    written = _json(capsys)
    assert written["since"] is None and written["to"] == "Phòng VH-XH" and written["counts"]["items"] > 50

    # an unknown sender is refused until the officer confirms its key
    assert main(["--db", str(phong), "import-package", str(full)]) == 2
    err = capsys.readouterr().err
    assert "--trust" in err and sender["fingerprint"] in err
    assert _count(phong, "plans") == 0

    assert main(["--db", str(phong), "import-package", str(full), "--trust", "--dry-run", "--json"]) == 0
    preview = _json(capsys)
    assert preview["dry_run"] and preview["counts"]["new"] > 50 and preview["sender"] == "UBND xã Nam Hồng"
    assert _count(phong, "plans") == 0  # a dry run writes nothing

    assert main(["--db", str(phong), "import-package", str(full), "--trust"]) == 0
    out = capsys.readouterr().out
    assert "Đã nhập gói lan1.cdsx" in out and "Mới:" in out
    assert _count(phong, "plans") == 1
    capsys.readouterr()
    assert main(["--db", str(phong), "import-package", str(full), "--json"]) == 0  # known now; twice: a no-op
    again = _json(capsys)
    assert again["counts"]["new"] == 0 and again["counts"]["updated"] == 0 and again["sender_known"]

    # an incremental package after one that never arrived is refused with what to do
    lost, second = tmp_path / "usb" / "lan2.cdsx", tmp_path / "usb" / "lan3.cdsx"
    assert main(["--db", str(xa), "record", "--plan", "1", "--item", "2.1", "--period", "2026-Q2", "--value", "55"]) == 0
    assert main(["--db", str(xa), "export-package", str(lost), "--since-last-to", "Phòng VH-XH"]) == 0
    assert main(["--db", str(xa), "record", "--plan", "1", "--item", "2.1", "--period", "2026-Q3", "--value", "60"]) == 0
    capsys.readouterr()
    assert main(["--db", str(xa), "export-package", str(second), "--since-last-to", "Phòng VH-XH", "--json"]) == 0
    assert _json(capsys)["since"] is not None
    assert main(["--db", str(phong), "import-package", str(second)]) == 2
    err = capsys.readouterr().err
    assert "«lan2.cdsx»" in err and "gói đầy đủ" in err
    assert main(["--db", str(phong), "import-package", str(lost)]) == 0
    assert main(["--db", str(phong), "import-package", str(second)]) == 0
    assert _count(phong, "progress_reports") == _count(xa, "progress_reports")


def test_a_damaged_package_is_refused_with_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xa, phong = tmp_path / "xa.sqlite3", tmp_path / "phong.sqlite3"
    assert main(["--db", str(xa), "import", str(NAM_HONG)]) == 0
    package = tmp_path / "goi.cdsx"
    assert main(["--db", str(xa), "export-package", str(package)]) == 0
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    package.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["--db", str(phong), "import-package", str(package), "--trust"]) == 2
    assert "goi.cdsx" in capsys.readouterr().err
    assert _count(phong, "plans") == 0
