"""This installation's identity and the senders whose keys the officer trusted. The id, the name and the public
key are in the settings table (they travel with the database's backups); the private key is in a key file of
the user's data folder (desktop_app.io.exchange.keystore), never in the database: whoever holds a backup cannot
sign packages as this commune. A database of an older version still holding the private key has it moved to the
file when it is opened. On another computer the identity is there but packages cannot be signed until the key
is brought over (export_key on the old computer, import_key on the new one)."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import platform
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from db.engine import Database
from db.exchange.models import Peer
from db.models import Plan, Setting, utcnow
from desktop_app.domain.names import hidden_name_characters, lookalike_key, mixes_lookalikes
from desktop_app.domain.text import clean, sort_key, unit_key
from desktop_app.errors import FileRefused, InvalidValue, NotFound
from desktop_app.io.atomic import atomic_file
from desktop_app.io.exchange import keystore, signing
from desktop_app.io.exchange.package import PackageRefused
from desktop_app.services import permissions

ID_KEY = "installation.id"
NAME_KEY = "installation.name"
PUBLIC_KEY = "installation.public_key"
LEGACY_PRIVATE_KEY = "installation.private_key"  # where older versions kept the private key: moved to the key file
MAX_NAME = 200
UNNAMED = "Máy chưa đặt tên"
_COMMUNE_PREFIXES = ("xã ", "phường ", "thị trấn ", "đặc khu ")


@dataclass(frozen=True)
class Installation:
    """Who this installation is, as other offices see it in the packages it signs."""

    id: str
    name: str
    public_key: bytes
    fingerprint: str


@dataclass(frozen=True)
class SenderStatus:
    """Whether a package's sender is already trusted ("trusted") or must be confirmed first ("unknown")."""

    state: str
    name: str
    fingerprint: str


@dataclass(frozen=True)
class PeerInfo:
    """A trusted sender, for the settings dialog."""

    installation_id: str
    name: str
    fingerprint: str
    trusted_at: datetime
    last_received_at: datetime | None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


_OWN = "own_identity"  # session.info: (id, public key), read once a session


def _decode(text: str | None) -> bytes | None:
    if not text:
        return None
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == signing.KEY_BYTES else None


def _own_keys(session: Session) -> tuple[str, bytes] | None:
    """(id, public key) as stored, or None before the first start created them (or while an older version's
    private key is still to be moved out of the database); kept for the session once found (they never change:
    a province's folder import asks for every package)."""
    if _OWN in session.info:
        return session.info[_OWN]
    own_id, public = _setting(session, ID_KEY), _decode(_setting(session, PUBLIC_KEY))
    if not own_id or public is None or _setting(session, LEGACY_PRIVATE_KEY) is not None:
        return None
    session.info[_OWN] = (own_id, public)
    return session.info[_OWN]


def key_path(installation_id: str) -> Path:
    """Where the private key of this installation id is kept on this computer account."""
    from desktop_app.paths import identity_key_path

    try:
        checked = str(uuid.UUID(installation_id))  # never a path taken from the database as it is
    except ValueError as exc:
        raise InvalidValue("identity.key_damaged") from exc
    return identity_key_path(checked)


def _default_name(session: Session) -> str:
    commune = clean(session.query(Plan.commune).order_by(Plan.id).limit(1).scalar() or "")
    if commune:
        if commune.lower().startswith(_COMMUNE_PREFIXES):
            return f"UBND {commune}"[:MAX_NAME]
        return f"UBND xã {commune}"[:MAX_NAME]
    return clean(platform.node())[:MAX_NAME] or UNNAMED


def _ensure(db: Database) -> bool:
    """Create the id and the key pair once, or move an older version's private key out of the database into the
    key file. The id is inserted before anything is read, so the transaction takes the write lock first: a second
    copy of the program doing the same at the same moment waits, then finds everything done. The key file is
    written before the database is changed; an existing file is never replaced by another key. True when an
    older version's key was moved."""
    moved = False
    with db.transaction() as session:
        session.execute(insert(Setting).values(key=ID_KEY, value=str(uuid.uuid4())).on_conflict_do_nothing())
        own_id = _setting(session, ID_KEY) or ""
        path = key_path(own_id)
        legacy_text = _setting(session, LEGACY_PRIVATE_KEY)
        if legacy_text is not None:
            legacy = _decode(legacy_text)
            if legacy is None:
                raise InvalidValue("identity.key_damaged")
            on_file = keystore.read_key(path)
            if on_file is None:
                keystore.write_key(path, legacy)
            elif on_file != legacy:
                raise InvalidValue("identity.key_file_other", path=str(path))
            # secure_delete: the deleted row is overwritten with zeros, not left readable in a free page
            session.execute(text("PRAGMA secure_delete = ON"))
            session.execute(delete(Setting).where(Setting.key == LEGACY_PRIVATE_KEY))
            session.merge(Setting(key=PUBLIC_KEY, value=_b64(signing.public_key_of(legacy))))
            moved = True
        elif _decode(_setting(session, PUBLIC_KEY)) is None:
            key = keystore.read_key(path)  # one written by a start that stopped before its commit: kept
            if key is None:
                key = signing.new_private_key()
                keystore.write_key(path, key)
            session.merge(Setting(key=PUBLIC_KEY, value=_b64(signing.public_key_of(key))))
    if moved:
        _checkpoint(db)
    return moved


def _checkpoint(db: Database) -> None:
    """Copy the write-ahead log into the database file now: until then the file itself still holds the page
    with the old key (best effort: another copy of the program reading keeps it for a while)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except SQLAlchemyError as exc:
        from desktop_app.logs import log_fault

        log_fault(exc, "ghi nhật ký WAL vào tệp dữ liệu")


def discard_key(db: Database) -> None:
    """Delete the key file of a temporary database (the self-test's) that is thrown away: none is left behind
    in the user's data folder."""
    with db.reading() as session:
        own_id = _setting(session, ID_KEY)
    if own_id:
        with contextlib.suppress(OSError, InvalidValue):
            key_path(own_id).unlink(missing_ok=True)


def keep_key_out_of_database(db: Database) -> None:
    """On opening a database: an older version's private key still in its settings is moved to the key file
    (done once; nothing to do afterwards)."""
    with db.reading() as session:
        if _setting(session, LEGACY_PRIVATE_KEY) is None:
            return
    _ensure(db)


def installation(db: Database) -> Installation:
    """This installation's id, name and public key (the id and key pair are created on the first call)."""
    for attempt in range(2):
        with db.reading() as session:
            own = _own_keys(session)
            if own is not None:
                name = clean(_setting(session, NAME_KEY)) or _default_name(session)
                return Installation(own[0], name, own[1], signing.fingerprint(own[1]))
        if attempt == 0:
            _ensure(db)
    raise InvalidValue("identity.key_damaged")


def private_key(db: Database) -> bytes:
    """This installation's private signing key (32 raw bytes) from its key file, created on first use; NotFound
    when the database came from another computer whose key was not brought over (import_key)."""
    me = installation(db)
    path = key_path(me.id)
    key = keystore.read_key(path)
    if key is None:
        raise NotFound("identity.key_missing", path=str(path), fingerprint=me.fingerprint)
    if signing.public_key_of(key) != me.public_key:
        raise InvalidValue("identity.key_file_other", path=str(path))
    return key


def export_key(db: Database, *, out: Path, password: str) -> Path:
    """Write this installation's private key, encrypted with password, to out (to move the identity to another
    computer: import_key there). Administrators only."""
    permissions.require_admin(db, "action.export_identity_key")
    data = keystore.export_key(private_key(db), password)
    with atomic_file(Path(out)) as handle:
        handle.write(data)
    return Path(out)


def import_key(db: Database, *, file: Path, password: str) -> Installation:
    """Keep the private key exported on the old computer (export_key) in this computer's key file, once it is
    found to be this installation's key. Administrators only."""
    permissions.require_admin(db, "action.import_identity_key")
    me = installation(db)
    try:
        with Path(file).open("rb") as handle:
            data = handle.read(keystore.MAX_EXPORT_BYTES + 1)
    except OSError as exc:
        raise FileRefused("identity.key_export_unreadable", path=str(file), detail=exc.strerror or str(exc)) from exc
    key = keystore.import_key(data, password)
    if signing.public_key_of(key) != me.public_key:
        raise FileRefused("identity.key_export_other", fingerprint=signing.fingerprint(signing.public_key_of(key)),
                          own=me.fingerprint)
    keystore.write_key(key_path(me.id), key)
    return me


FORM_KEY_LABEL = b"cds form seal/1"


def form_key(db: Database) -> bytes:
    """The key this installation seals its reporting forms with (32 bytes): an HMAC-SHA-256 of a fixed label
    keyed by the installation's private key, so it never leaves the database and a unit without the program
    cannot reseal a form it edited."""
    return hmac.new(private_key(db), FORM_KEY_LABEL, hashlib.sha256).digest()


def set_installation_name(db: Database, *, name: str) -> Installation:
    """Set the name other offices see on this installation's packages."""
    permissions.require_admin(db, "action.rename_installation")
    cleaned = clean(name)
    if not cleaned:
        raise InvalidValue("unit.name_empty")
    hidden = hidden_name_characters(name)
    if hidden:
        raise InvalidValue("identity.name_hidden_characters", name=cleaned, characters=", ".join(hidden))
    if mixes_lookalikes(cleaned):
        raise InvalidValue("identity.name_mixed_scripts", name=cleaned)
    if len(cleaned) > MAX_NAME:
        raise InvalidValue("identity.name_too_long", limit=MAX_NAME)
    installation(db)
    with db.transaction() as session:
        session.merge(Setting(key=NAME_KEY, value=cleaned))
    return installation(db)


def sender_status(session: Session, *, installation_id: str, name: str, public_key: bytes) -> SenderStatus:
    """Whether a package's sender is trusted or unknown; PackageRefused when its key contradicts what is known
    (another key for the same installation or the same name) or when the package comes from here."""
    fingerprint = signing.fingerprint(public_key)
    own = _own_keys(session)
    if own is not None and (installation_id == own[0] or public_key == own[1]):
        raise PackageRefused("identity.own_package")
    key_text = _b64(public_key)
    peer = session.get(Peer, installation_id)
    if peer is not None and peer.public_key != key_text:
        raise PackageRefused("identity.key_changed", name=clean(name), known=peer.fingerprint,
                             fingerprint=fingerprint)
    check_sender_name(name)  # a trusted sender too: it may have renamed itself since
    # name_key is the look-alike key (unit_key for the peers trusted before it: the same for Latin names)
    rivals = session.query(Peer).filter(Peer.name_key.in_({lookalike_key(name), unit_key(name)}),
                                        Peer.installation_id != installation_id, Peer.public_key != key_text).all()
    if rivals:
        rival = rivals[0]
        if unit_key(rival.name) == unit_key(name):
            raise PackageRefused("identity.name_taken", name=clean(name), known=rival.fingerprint,
                                 fingerprint=fingerprint)
        raise PackageRefused("identity.name_lookalike", name=clean(name), known_name=rival.name,
                             known=rival.fingerprint, fingerprint=fingerprint)
    return SenderStatus("trusted" if peer is not None else "unknown", name, fingerprint)


def check_sender_name(name: str) -> None:
    """PackageRefused when a sender's name hides characters (bidi controls, zero-width ones) or mixes Latin
    letters with Cyrillic or Greek ones drawn like them: the officer trusts a name read off the screen."""
    hidden = hidden_name_characters(name)
    if hidden:
        raise PackageRefused("identity.name_hidden_characters", name=clean(name), characters=", ".join(hidden))
    if mixes_lookalikes(name):
        raise PackageRefused("identity.name_mixed_scripts", name=clean(name))


def trust_sender(session: Session, *, installation_id: str, name: str, public_key: bytes) -> None:
    """Remember a sender's key as trusted (the officer compared its fingerprint); the same rules as
    sender_status apply first."""
    status = sender_status(session, installation_id=installation_id, name=name, public_key=public_key)
    peer = session.get(Peer, installation_id) if status.state == "trusted" else None  # unknown: none stored
    if peer is None:
        peer = Peer(installation_id=installation_id)
        session.add(peer)
    peer.name = clean(name)[:MAX_NAME]
    peer.name_key = lookalike_key(name)[:MAX_NAME]
    peer.public_key = _b64(public_key)
    peer.fingerprint = signing.fingerprint(public_key)
    peer.trusted_at = utcnow()
    session.flush()


def note_received(session: Session, *, installation_id: str) -> None:
    """Record that a package from this sender was imported now."""
    peer = session.get(Peer, installation_id)
    if peer is not None:
        peer.last_received_at = utcnow()


def trusted_senders(db: Database) -> list[PeerInfo]:
    """Every trusted sender, by name in Vietnamese order."""
    with db.reading() as session:
        peers = session.query(Peer).all()
        infos = [PeerInfo(p.installation_id, p.name, p.fingerprint, p.trusted_at, p.last_received_at) for p in peers]
    return sorted(infos, key=lambda info: sort_key(info.name))


def forget_sender(db: Database, *, installation_id: str) -> None:
    """Stop trusting a sender (its next package asks the officer again)."""
    permissions.require_admin(db, "action.untrust_sender")
    with db.transaction() as session:
        peer = session.get(Peer, installation_id)
        if peer is not None:
            session.delete(peer)
