"""This installation's identity and the trust rules for senders, on a real SQLite file."""

from __future__ import annotations

import platform
import sqlite3
import threading
from pathlib import Path

import pytest

from db.engine import Database, open_database
from desktop_app.errors import InvalidValue
from desktop_app.io.exchange import signing
from desktop_app.io.exchange.package import PackageRefused
from desktop_app.services.identity import (
    Installation,
    forget_sender,
    installation,
    note_received,
    private_key,
    sender_status,
    set_installation_name,
    trust_sender,
    trusted_senders,
)
from desktop_app.services.importing import import_file
from tests.conftest import NAM_HONG

HA_KEY = signing.public_key_of(bytes(range(32)))
OTHER_KEY = signing.public_key_of(bytes(range(1, 33)))
HA_ID = "00000000-0000-4000-8000-0000000000a1"


def settings_rows(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return dict(con.execute("SELECT key, value FROM settings WHERE key LIKE 'installation.%'"))
    finally:
        con.close()


def test_the_first_call_creates_an_id_and_a_key_pair_and_later_calls_return_them(db: Database) -> None:
    assert settings_rows(db.path) == {}
    me = installation(db)
    assert isinstance(me, Installation) and len(me.id) == 36
    assert me.public_key == signing.public_key_of(private_key(db))
    assert me.fingerprint == signing.fingerprint(me.public_key)
    assert len(me.fingerprint.split()) == 10 and all(len(g) == 4 for g in me.fingerprint.split())
    assert installation(db) == me
    assert set(settings_rows(db.path)) == {"installation.id", "installation.public_key"}
    assert me.name == (platform.node() or "Máy chưa đặt tên")


def test_the_default_name_comes_from_the_first_plan_and_can_be_changed(db: Database) -> None:
    import_file(db, path=NAM_HONG)
    assert installation(db).name == "UBND xã Nam Hồng"
    changed = set_installation_name(db, name="  UBND   xã Nam Hồng (máy Văn phòng) ")
    assert changed.name == "UBND xã Nam Hồng (máy Văn phòng)" and installation(db).name == changed.name
    for bad in ("", "   ", "x" * 201):
        with pytest.raises(InvalidValue):
            set_installation_name(db, name=bad)


def test_two_programs_starting_at_once_create_one_key(db_path: Path, db: Database) -> None:
    others = [open_database(db_path) for _ in range(4)]
    results: list[Installation] = []
    barrier = threading.Barrier(len(others))

    def start(database: Database) -> None:
        barrier.wait()
        results.append(installation(database))

    threads = [threading.Thread(target=start, args=(d,)) for d in others]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for d in others:
        d.close()
    assert len(results) == 4 and len({r.public_key for r in results}) == 1 and len({r.id for r in results}) == 1
    assert installation(db) == results[0]


def test_an_unknown_sender_becomes_trusted_once_confirmed(db: Database) -> None:
    installation(db)
    with db.reading() as session:
        status = sender_status(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=HA_KEY)
    assert (status.state, status.name, status.fingerprint) == ("unknown", "UBND xã Hà Lộc", signing.fingerprint(HA_KEY))
    with db.transaction() as session:
        trust_sender(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=HA_KEY)
        note_received(session, installation_id=HA_ID)
    with db.reading() as session:
        assert sender_status(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=HA_KEY).state == "trusted"
    [peer] = trusted_senders(db)
    assert peer.installation_id == HA_ID and peer.fingerprint == signing.fingerprint(HA_KEY)
    assert peer.last_received_at is not None and peer.trusted_at <= peer.last_received_at
    forget_sender(db, installation_id=HA_ID)
    assert trusted_senders(db) == []
    with db.reading() as session:
        assert sender_status(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=HA_KEY).state == "unknown"


def test_the_same_installation_with_another_key_is_refused(db: Database) -> None:
    with db.transaction() as session:
        trust_sender(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=HA_KEY)
    with db.reading() as session, pytest.raises(PackageRefused, match="khác với khoá đã biết.*giả mạo"):
        sender_status(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=OTHER_KEY)
    with db.transaction() as session, pytest.raises(PackageRefused):
        trust_sender(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=OTHER_KEY)
    assert trusted_senders(db)[0].fingerprint == signing.fingerprint(HA_KEY), "the known key is kept"


def test_a_known_name_with_another_key_is_refused_whatever_its_spelling(db: Database) -> None:
    with db.transaction() as session:
        trust_sender(session, installation_id=HA_ID, name="UBND xã Hà Lộc", public_key=HA_KEY)
    for spelling in ("UBND xã Hà Lộc", "ubnd  XÃ hà lộc", "UBND xã Hà Lộc "):
        with db.reading() as session, pytest.raises(PackageRefused, match="đơn vị khác đã dùng tên"):
            sender_status(session, installation_id="another-id", name=spelling, public_key=OTHER_KEY)
    with db.reading() as session:
        assert sender_status(session, installation_id="another-id", name="UBND xã Hà Long",
                             public_key=OTHER_KEY).state == "unknown"


def test_a_package_from_this_installation_itself_is_refused(db: Database) -> None:
    me = installation(db)
    with db.reading() as session:
        with pytest.raises(PackageRefused, match="chính máy này"):
            sender_status(session, installation_id=me.id, name=me.name, public_key=me.public_key)
        with pytest.raises(PackageRefused, match="chính máy này"):  # a copy of the database with a new id
            sender_status(session, installation_id="copied", name="Máy khác", public_key=me.public_key)
