"""The ORM tables of the exchange between installations (migration 0005): tombstones, the content at the last
exchange, kept versions, trusted senders, packages sent and received, matched UUIDs, hand-made indicator
matches, the origin of received records (0010). Imported with db.models wherever the whole schema is needed
(Alembic's env, the schema test)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, utcnow


class Tombstone(Base):
    """A deleted synced row (written by a trigger), so the deletion travels in data packages."""

    __tablename__ = "tombstones"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    rev: Mapped[str] = mapped_column(String(32))
    """The revision the row had when it was deleted: an edit made after it wins over the deletion."""
    deleted_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class SyncBase(Base):
    """A row's content at its last exchange, saved (by a trigger) on the first local change after it."""

    __tablename__ = "sync_bases"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    rev: Mapped[str] = mapped_column(String(32))
    content: Mapped[str] = mapped_column(Text)


class RecordHistory(Base):
    """A version of a row replaced or not chosen in a merge (restorable), as JSON of its content columns."""

    __tablename__ = "record_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    table_name: Mapped[str] = mapped_column(String(40))
    uuid: Mapped[str] = mapped_column(String(36))
    rev: Mapped[str] = mapped_column(String(32))
    content: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(Text, default="", server_default="")
    restored_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_record_history_uuid", "uuid", "rev"),)


class Peer(Base):
    """Another installation whose signing key the officer trusted."""

    __tablename__ = "peers"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    trusted_at: Mapped[datetime] = mapped_column(DateTime)
    last_received_at: Mapped[datetime | None] = mapped_column(DateTime)


class SentPackage(Base):
    """A data package written for another installation (its time starts the next incremental export)."""

    __tablename__ = "sent_packages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    to_name: Mapped[str] = mapped_column(String(200))
    to_key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    since: Mapped[datetime | None] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    counts: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_sent_packages_to_key", "to_key", "created_at"),)


class ReceivedPackage(Base):
    """A data package imported here."""

    __tablename__ = "received_packages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    installation_id: Mapped[str] = mapped_column(String(36))
    sender_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(300))
    counts: Mapped[str] = mapped_column(Text)


class UuidAlias(Base):
    """Another installation's UUID for a row matched here by its natural key (a unit's name, a period)."""

    __tablename__ = "uuid_aliases"

    their_uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    local_uuid: Mapped[str] = mapped_column(String(36))


class RecordOrigin(Base):
    """The installation a record received in a data package came from first, its owner (migration 0010): a
    sender may change its own records; a record without a row was made here (or received before 0010)."""

    __tablename__ = "record_origins"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    installation_id: Mapped[str] = mapped_column(String(36), index=True)


class IndicatorMatch(Base):
    """An indicator text matched by hand, once, to another plan's wording of the same indicator."""

    __tablename__ = "indicator_matches"

    text_key: Mapped[str] = mapped_column(String(2000), primary_key=True)
    indicator_key: Mapped[str] = mapped_column(String(2000))
    matched_at: Mapped[datetime] = mapped_column(DateTime)
