"""The installation's private key lives in a key file of the user's data folder, never in the database nor in a
backup: made with mode 0o600, moved out of an older database when it is opened, missing on another computer
(the identity is there, packages cannot be signed: a clear coded error) until it is brought over with
identity export-key / import-key."""

from __future__ import annotations

import base64
import sqlite3
import stat
import sys
import uuid
from pathlib import Path

import pytest

from db.engine import Database, open_database
from db.models import Setting
from desktop_app.cli import main
from desktop_app.errors import FileRefused, InvalidValue, NotFound
from desktop_app.io.atomic import TEMP_PREFIX
from desktop_app.io.exchange import signing
from desktop_app.services import backups, identity
from desktop_app.services.audit import check_integrity
from desktop_app.services.importing import import_file
from desktop_app.services.officer import CLI, start_session
from tests.conftest import MINH_TAN, NAM_HONG, new_database
from tests.exchange_helpers import send

PASSWORD = "mật khẩu chuyển máy"


def _settings(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT key, value FROM settings"))
    finally:
        con.close()


def _holds(path: Path, key: bytes) -> bool:
    """Whether a file holds the key, raw or in base64."""
    data = path.read_bytes()
    return key in data or base64.b64encode(key) in data


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _other_computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Another computer account: a data folder of its own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "may-moi"))


def test_the_key_is_in_a_file_readable_by_the_user_alone_never_in_the_database_nor_a_backup(
        db: Database, tmp_path: Path) -> None:
    me = identity.installation(db)
    key = identity.private_key(db)
    path = identity.key_path(me.id)
    assert path.read_bytes() == key and signing.public_key_of(key) == me.public_key
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert identity.LEGACY_PRIVATE_KEY not in _settings(db.path)
    assert _settings(db.path)[identity.PUBLIC_KEY] == base64.b64encode(me.public_key).decode()
    assert not [p.name for p in path.parent.iterdir() if p.name.startswith(TEMP_PREFIX)]  # no temporary file
    db.close()
    assert not _holds(db.path, key)
    (tmp_path / "usb").mkdir()
    copy = backups.backup_now(db.path, tmp_path / "usb")
    assert not _holds(copy, key) and identity.LEGACY_PRIVATE_KEY not in _settings(copy)


def test_several_databases_keep_their_own_keys(tmp_path: Path) -> None:
    first, second = new_database(tmp_path / "a.sqlite3"), new_database(tmp_path / "b.sqlite3")
    try:
        one, two = identity.installation(first), identity.installation(second)
        assert one.id != two.id and identity.key_path(one.id) != identity.key_path(two.id)
        assert signing.public_key_of(identity.private_key(first)) == one.public_key
        assert signing.public_key_of(identity.private_key(second)) == two.public_key
    finally:
        first.close()
        second.close()


def test_signing_still_works(tmp_path: Path) -> None:
    commune, district = new_database(tmp_path / "xa.sqlite3"), new_database(tmp_path / "huyen.sqlite3")
    try:
        import_file(commune, path=NAM_HONG)
        outcome = send(commune, district, tmp_path)
        assert outcome.fingerprint == identity.installation(commune).fingerprint
    finally:
        commune.close()
        district.close()


def _old_database(db: Database, own_id: str | None = None, key: bytes | None = None) -> tuple[str, bytes]:
    """The settings as an older version left them: the id and the private key in the settings table."""
    key, own_id = key or signing.new_private_key(), own_id or str(uuid.uuid4())
    with db.transaction() as session:
        session.merge(Setting(key=identity.ID_KEY, value=own_id))
        session.merge(Setting(key=identity.LEGACY_PRIVATE_KEY, value=base64.b64encode(key).decode()))
    return own_id, key


def test_an_older_databases_key_moves_to_the_file_when_it_is_opened(db: Database) -> None:
    import_file(db, path=MINH_TAN)
    own_id, key = _old_database(db)
    path = identity.key_path(own_id)
    assert not path.exists()
    db.close()
    opened = start_session(open_database(db.path), origin=CLI)
    try:
        assert not _holds(db.path, key)  # the file itself, while the data is open
        assert path.read_bytes() == key
        if sys.platform != "win32":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
        settings = _settings(db.path)
        assert identity.LEGACY_PRIVATE_KEY not in settings
        assert settings[identity.PUBLIC_KEY] == base64.b64encode(signing.public_key_of(key)).decode()
        me = identity.installation(opened)
        assert me.id == own_id and me.public_key == signing.public_key_of(key)
        assert identity.private_key(opened) == key
        con = sqlite3.connect(db.path)
        everything = " ".join(str(r) for r in con.execute("SELECT * FROM audit_log"))
        con.close()
        assert base64.b64encode(key).decode() not in everything  # the deletion is not in the change log
        assert check_integrity(opened).intact
    finally:
        opened.close()
    assert not _holds(db.path, key)
    again = start_session(open_database(db.path), origin=CLI)  # once moved, nothing more to do
    try:
        assert identity.private_key(again) == key
    finally:
        again.close()


def test_an_older_database_restored_here_again_finds_its_key_on_file(db: Database) -> None:
    own_id, key = _old_database(db)
    identity.keep_key_out_of_database(db)
    _old_database(db, own_id, key)  # an old backup of the same data, restored: the key is in its settings again
    identity.keep_key_out_of_database(db)
    assert identity.LEGACY_PRIVATE_KEY not in _settings(db.path)
    assert identity.key_path(own_id).read_bytes() == key


def test_an_older_database_whose_key_differs_from_the_file_is_left_unchanged(db: Database) -> None:
    own_id, _ = _old_database(db)
    path = identity.key_path(own_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(signing.new_private_key())
    before = _settings(db.path)
    with pytest.raises(InvalidValue) as caught:
        identity.keep_key_out_of_database(db)
    assert caught.value.code == "identity.key_file_other"
    assert _settings(db.path) == before


def test_on_another_computer_the_identity_is_there_but_packages_cannot_be_signed_until_the_key_is_brought(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import_file(db, path=NAM_HONG)
    me = identity.installation(db)
    db.close()
    base = ["--db", str(db.path)]
    code, _, err = _run(capsys, *base, "identity", "export-key", str(tmp_path / "khoa.pem"))
    assert code == 2 and "CDS_KEY_PASSWORD" in err and not (tmp_path / "khoa.pem").exists()
    monkeypatch.setenv("CDS_KEY_PASSWORD", "ngắn")
    code, _, err = _run(capsys, *base, "identity", "export-key", str(tmp_path / "khoa.pem"))
    assert code == 2 and "ít nhất 8 ký tự" in err
    monkeypatch.setenv("CDS_KEY_PASSWORD", PASSWORD)
    code, out, err = _run(capsys, *base, "identity", "export-key", str(tmp_path / "khoa.pem"))
    assert code == 0, err
    exported = (tmp_path / "khoa.pem").read_bytes()
    assert exported.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")

    _other_computer(monkeypatch, tmp_path)
    code, out, _ = _run(capsys, *base, "identity", "--json")
    assert code == 0 and me.fingerprint in out  # the identity travelled with the data
    code, _, err = _run(capsys, *base, "export-package", str(tmp_path / "goi.cdsx"))
    assert code == 2 and "identity import-key" in err and me.fingerprint in err
    assert not (tmp_path / "goi.cdsx").exists()
    opened = open_database(db.path)
    try:
        with pytest.raises(NotFound) as caught:
            identity.private_key(opened)
        assert caught.value.code == "identity.key_missing"
    finally:
        opened.close()

    monkeypatch.setenv("CDS_KEY_PASSWORD", "mật khẩu sai hẳn")
    code, _, err = _run(capsys, *base, "identity", "import-key", str(tmp_path / "khoa.pem"))
    assert code == 2 and "mật khẩu không đúng" in err
    monkeypatch.setenv("CDS_KEY_PASSWORD", PASSWORD)
    code, out, err = _run(capsys, *base, "identity", "import-key", str(tmp_path / "khoa.pem"))
    assert code == 0 and me.fingerprint in out, err
    code, _, err = _run(capsys, *base, "export-package", str(tmp_path / "goi.cdsx"))
    assert code == 0, err
    path = identity.key_path(me.id)
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_key_of_another_installation_or_not_a_key_is_refused(db: Database, tmp_path: Path) -> None:
    from desktop_app.io.exchange import keystore

    me = identity.installation(db)
    other = tmp_path / "khac.pem"
    other.write_bytes(keystore.export_key(signing.new_private_key(), PASSWORD))
    with pytest.raises(FileRefused) as caught:
        identity.import_key(db, file=other, password=PASSWORD)
    assert caught.value.code == "identity.key_export_other"
    junk = tmp_path / "rac.pem"
    junk.write_bytes(b"not a key")
    with pytest.raises(FileRefused) as caught:
        identity.import_key(db, file=junk, password=PASSWORD)
    assert caught.value.code == "identity.key_export_invalid"
    assert signing.public_key_of(identity.private_key(db)) == me.public_key  # the own key untouched


def test_with_sign_in_required_only_an_administrator_exports_or_imports_the_key(db: Database, tmp_path: Path) -> None:
    from desktop_app.errors import NotAllowed
    from desktop_app.services import account_admin, accounts

    account_admin.setup_first_admin(db, login="admin", full_name="Nguyễn Văn Quản", password="mật-khẩu-dài-1")
    accounts.sign_out(db)
    out = tmp_path / "khoa.pem"
    with pytest.raises(NotAllowed):
        identity.export_key(db, out=out, password=PASSWORD)
    assert not out.exists()
    accounts.sign_in(db, login="admin", password="mật-khẩu-dài-1")
    identity.export_key(db, out=out, password=PASSWORD)
    accounts.sign_out(db)
    with pytest.raises(NotAllowed):
        identity.import_key(db, file=out, password=PASSWORD)
