"""This installation's identity (id, name, Ed25519 key pair, kept in the settings table so it travels with the
database's backups) and the senders whose keys the officer trusted."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import platform
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from db.engine import Database
from db.exchange.models import Peer
from db.models import Plan, Setting, utcnow
from desktop_app.domain.text import clean, hidden_name_characters, lookalike_key, mixes_lookalikes, sort_key, unit_key
from desktop_app.errors import InvalidValue
from desktop_app.io.exchange import signing
from desktop_app.io.exchange.package import PackageRefused
from desktop_app.services import permissions

ID_KEY = "installation.id"
NAME_KEY = "installation.name"
PRIVATE_KEY = "installation.private_key"
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


_OWN = "own_identity"  # session.info: (id, private key, public key), read once a session


def _own_keys(session: Session) -> tuple[str, bytes, bytes] | None:
    """(id, private key, public key) as stored, or None before the first start created them; kept for the
    session once found (they never change: a province's folder import asks for every package)."""
    if _OWN in session.info:
        return session.info[_OWN]
    own_id, key_text = _setting(session, ID_KEY), _setting(session, PRIVATE_KEY)
    if not own_id or not key_text:
        return None
    try:
        key = base64.b64decode(key_text, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(key) != signing.KEY_BYTES:
        return None
    session.info[_OWN] = (own_id, key, signing.public_key_of(key))
    return session.info[_OWN]


def _default_name(session: Session) -> str:
    commune = clean(session.query(Plan.commune).order_by(Plan.id).limit(1).scalar() or "")
    if commune:
        if commune.lower().startswith(_COMMUNE_PREFIXES):
            return f"UBND {commune}"[:MAX_NAME]
        return f"UBND xã {commune}"[:MAX_NAME]
    return clean(platform.node())[:MAX_NAME] or UNNAMED


def _ensure(db: Database) -> None:
    """Create the id and the key pair once. Nothing is read before the inserts, so the transaction takes the
    write lock first; a second copy of the program creating them at the same moment inserts nothing."""
    with db.transaction() as session:
        for key, value in ((ID_KEY, str(uuid.uuid4())), (PRIVATE_KEY, _b64(signing.new_private_key()))):
            session.execute(insert(Setting).values(key=key, value=value).on_conflict_do_nothing())


def installation(db: Database) -> Installation:
    """This installation's id, name and public key (the id and key pair are created on the first call)."""
    for attempt in range(2):
        with db.reading() as session:
            own = _own_keys(session)
            if own is not None:
                name = clean(_setting(session, NAME_KEY)) or _default_name(session)
                return Installation(own[0], name, own[2], signing.fingerprint(own[2]))
        if attempt == 0:
            _ensure(db)
    raise InvalidValue("identity.key_damaged")


def private_key(db: Database) -> bytes:
    """This installation's private signing key (32 raw bytes), created on first use."""
    installation(db)
    with db.reading() as session:
        own = _own_keys(session)
    assert own is not None
    return own[1]


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
    if own is not None and (installation_id == own[0] or public_key == own[2]):
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
