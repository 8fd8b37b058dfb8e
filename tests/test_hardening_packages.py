"""Issue #15, items 1 and 3: a package is judged before it costs memory (the sender's trust and every member's
kind before any member is read, the JSON members capped together and by their parsed cost), and anything that
goes wrong while checking one is a refusal of that package, never a crash; a folder import skips it and goes on.
The figures (peak memory, seconds) are printed by bench/package_attack_bench.py."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.errors import FileRefused
from desktop_app.io.exchange.package import Header, PackageRefused, read_package
from desktop_app.io.exchange.rules import MANIFEST, MAX_PARSED_BYTES, MAX_RECORDS_BYTES, MB, SIGNATURE, parsed_cost
from desktop_app.services import evidence
from desktop_app.services.exchange import UnknownSender, export_package, import_package, import_packages
from desktop_app.services.exchange_contents import read_checked
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.services.progress import list_progress, record_progress
from tests.conftest import NAM_HONG, new_database
from tests.exchange_helpers import incremental_packages
from tests.hostile_packages import (
    audit_json,
    audit_row,
    costly_json,
    deep_changes,
    table_json,
    write_signed,
)


def _dump(db_path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db_path)
    try:
        return [row for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
                for row in con.execute(f'SELECT * FROM "{name}"')]
    finally:
        con.close()


def _with_wrong_hash(path: Path, name: str) -> None:
    """path with member name's bytes changed after signing: reading that member would refuse the package."""
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    members[name] = b"X" + members[name][1:]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)


def test_vet_sees_the_verified_header_before_any_member_is_read(tmp_path: Path) -> None:
    path = write_signed(tmp_path / "p.cdsx", {"records/items.json": table_json("items", [])})
    _with_wrong_hash(path, "records/items.json")
    seen: list[Header] = []

    def vet(header: Header) -> None:
        seen.append(header)
        raise UnknownSender("exchange.unknown_sender", sender=header.sender_name, fingerprint=header.fingerprint,
                            installation_id=header.installation_id)

    with pytest.raises(UnknownSender):  # not the changed member: it was never read
        read_package(path, vet=vet)
    assert seen[0].sender_name == "UBND xã Lạ" and list(seen[0].members) == ["records/items.json"]
    with pytest.raises(PackageRefused, match="records/items.json"):
        read_package(path)


def test_an_unknown_sender_is_refused_before_its_records_are_read(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_signed(tmp_path / "p.cdsx", {"records/items.json": table_json("items", [])})
    _with_wrong_hash(path, "records/items.json")
    before = _dump(db.path)
    with pytest.raises(UnknownSender):
        import_package(db, path=path)
    assert _dump(db.path) == before


def test_a_member_of_no_known_kind_is_refused_unread(tmp_path: Path) -> None:
    path = write_signed(tmp_path / "p.cdsx", {"records/extra.json": b"[1]", "notes.txt": b"x"})
    _with_wrong_hash(path, "records/extra.json")
    with pytest.raises(PackageRefused) as caught:
        read_checked(path)
    assert caught.value.code == "package.unknown_part"


def test_json_members_over_the_total_cap_are_refused_unread(tmp_path: Path) -> None:
    members = {"records/items.json": table_json("items", []), "records/plans.json": table_json("plans", [])}
    path = write_signed(tmp_path / "p.cdsx", members)
    # the manifest (signed) declares more than the cap: refused from the manifest alone
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read(MANIFEST))
        others = {n: zf.read(n) for n in zf.namelist() if n not in (MANIFEST, SIGNATURE)}
    manifest["members"]["records/items.json"]["size"] = MAX_RECORDS_BYTES
    from desktop_app.io.exchange import signing
    from tests.hostile_packages import KEY

    data = json.dumps(manifest).encode()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(MANIFEST, data)
        zf.writestr(SIGNATURE, signing.sign(KEY, data))
        for name, content in others.items():
            zf.writestr(name, content)
    with pytest.raises(PackageRefused) as caught:
        read_package(path)
    assert caught.value.code == "package.records_too_large"


def test_records_costly_once_parsed_are_refused_before_parsing(tmp_path: Path) -> None:
    text = costly_json(12 * MB)
    assert parsed_cost(text) * 2 > MAX_PARSED_BYTES  # two of them: over the budget, under the size cap
    path = write_signed(tmp_path / "p.cdsx", {"records/items.json": text, "records/plans.json": text},
                        compression=zipfile.ZIP_STORED)
    with pytest.raises(PackageRefused) as caught:
        read_checked(path)
    assert caught.value.code == "package.records_too_costly"


def test_the_estimate_bounds_what_parsing_takes() -> None:
    from tests.memory import peak_growth_mb, reset_peak

    text = costly_json(4 * MB)
    start = reset_peak()
    parsed = json.loads(text)
    assert peak_growth_mb(start) * MB <= parsed_cost(text) * 1.2
    del parsed


def test_deep_nesting_in_an_audit_entry_is_a_refusal_even_in_a_dry_run(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_signed(tmp_path / "p.cdsx", {"records/audit.json": audit_json([audit_row(deep_changes())])})
    before = _dump(db.path)
    with pytest.raises(PackageRefused) as caught:
        import_package(db, path=path, dry_run=True)
    assert caught.value.code == "package.check_failed"
    assert "lồng nhau quá sâu" in caught.value.full_message()
    assert _dump(db.path) == before


@pytest.mark.parametrize("count", [3, 9])  # read here, and read ahead by the reader process
def test_a_folder_import_skips_a_crashing_package_and_imports_the_others(tmp_path: Path, count: int) -> None:
    commune = new_database(tmp_path / "xa" / "du_lieu.sqlite3")
    plan = import_file(commune, path=NAM_HONG).plan_id
    paths = incremental_packages(commune, plan, tmp_path / "goi", count)
    commune.close()
    deep = write_signed(tmp_path / "goi" / "sau.cdsx", {"records/audit.json": audit_json([audit_row(deep_changes())])})
    province = new_database(tmp_path / "tinh" / "du_lieu.sqlite3")
    result = import_packages(province, paths=[paths[0], deep, *paths[1:]], trust=True)
    assert [outcome.file for outcome in result.imported] == [p.name for p in paths]
    assert [(p, e.code) for p, e in result.skipped] == [(deep, "package.check_failed")]
    province.close()


def test_a_nul_in_an_evidence_file_name_is_a_refusal(tmp_path: Path) -> None:
    commune = new_database(tmp_path / "xa" / "du_lieu.sqlite3")
    import_file(commune, path=NAM_HONG)
    item = next(i for i in show(commune)["plans"][0]["items"] if i["number"] == "7.1")
    record_progress(commune, item_id=item["id"], period="Quý III/2026", unit="Công an xã", value=Decimal(72))
    report = list_progress(commune, plan_id=show(commune)["plans"][0]["id"])[0]["id"]
    proof = tmp_path / "bien_ban.pdf"
    proof.write_bytes(b"%PDF-1.4 proof")
    evidence.attach(commune, report_id=report, path=proof)
    sent = tmp_path / "goi.cdsx"
    export_package(commune, out=sent)
    commune.close()
    with zipfile.ZipFile(sent) as zf:
        members = {n: zf.read(n) for n in zf.namelist() if n not in (MANIFEST, SIGNATURE)}
    table = json.loads(members["records/evidence_files.json"])
    at = table["columns"].index("file_name")
    for row in table["rows"]:
        row[at] = "bien_ban.p\x00df"
    members["records/evidence_files.json"] = json.dumps(table, ensure_ascii=False).encode("utf-8")
    hostile = write_signed(tmp_path / "nul.cdsx", members)
    assert hashlib.sha256(proof.read_bytes()).hexdigest() in "".join(members)
    province = new_database(tmp_path / "tinh" / "du_lieu.sqlite3")
    before = _dump(province.path)
    with pytest.raises(FileRefused, match="file_name"):  # the record's own check names the column
        import_package(province, path=hostile, trust=True)
    assert _dump(province.path) == before
    result = import_packages(province, paths=[hostile], trust=True)
    assert [p for p, _e in result.skipped] == [hostile] and not result.imported
    province.close()
