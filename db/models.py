"""The ORM schema (SQLAlchemy 2 typed mappings); created only by the Alembic migrations."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    declared_attr,
    mapped_column,
    relationship,
)

from desktop_app.domain.accounts import AccountRole
from desktop_app.domain.appendix import AssignmentRole, ItemKind
from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.periods import PeriodBasis, PeriodKind
from desktop_app.domain.progress import MAX_NUMBER_CHARS, Status
from desktop_app.domain.targets import TargetOp, UnitKind
from desktop_app.errors import InvalidValue

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def one_of(column: str, values: Iterable[str]) -> str:
    """The SQL of a check that column holds one of values (a domain StrEnum): "kind IN ('a', 'b')"."""
    quoted = []
    for value in values:
        assert "'" not in value, value
        quoted.append(f"'{value}'")
    return f"{column} IN ({', '.join(quoted)})"


def utcnow() -> datetime:
    """Now in UTC, stored naive (SQLite has no time zones)."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    """A fresh random (version 4) UUID as text: the stable identity used to merge data between offices. Spelled
    out from the random bytes directly: an import makes hundreds of thousands."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40
    raw[8] = raw[8] & 0x3F | 0x80
    h = raw.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_rev() -> str:
    """A fresh revision name for a row's content (the SQL triggers of db.exchange.schema make the same shape)."""
    return os.urandom(16).hex()


class DecimalText(TypeDecorator[Decimal]):
    """Decimal stored as text so that 0.70 stays exactly 0.70 (SQLite's NUMERIC would go through float)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
        if value is None:
            return None
        number = Decimal(value)
        if len(str(value)) > MAX_NUMBER_CHARS or (number.is_finite() and number and number.adjusted() >= 15):
            # stored by an older program or written into the file by hand: no report, chart or JSON can show it
            raise InvalidValue("db.number_out_of_range", value=str(value)[:40])
        return number


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every model here is mapped to a Table of its own (none to a join or a select): said once for the type
    # checker, which otherwise sees DeclarativeBase's FromClause (no .name, no .insert()).
    __table__: ClassVar[Table]


class Tracked:
    """Columns every row carries: stable UUID, timestamps and a version for optimistic locking."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, index=True)
    """Also set by the revision triggers: an incremental package takes the rows changed since the last one."""
    version: Mapped[int] = mapped_column(Integer, default=1)
    rev: Mapped[str] = mapped_column(String(32), default=new_rev, server_default="")
    """Names the row's content; a trigger gives it a new one on every local change (db.exchange.schema)."""
    base_rev: Mapped[str | None] = mapped_column(String(32))
    """The revision last exchanged with another installation (sent or received); None for a row made here and
    never exchanged. It differs from rev once the row is changed here after an exchange."""

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy's declared_attr protocol
        return {"version_id_col": cls.version}


class Plan(Tracked, Base):
    __tablename__ = "plans"

    commune: Mapped[str] = mapped_column(String(200), default="")
    plan_number: Mapped[str] = mapped_column(String(100), default="")
    plan_date: Mapped[date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    issuer: Mapped[str] = mapped_column(String(300), default="", server_default="")
    """The issuing body as the header block names it ("UBND XÃ GIA PHONG", "CHÍNH PHỦ")."""
    source_name: Mapped[str] = mapped_column(String(500), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="", index=True)
    imported_at: Mapped[datetime | None] = mapped_column(DateTime)
    period_kind: Mapped[str] = mapped_column(String(10), default=PeriodKind.QUARTER.value)
    period_basis: Mapped[str] = mapped_column(String(10), default=PeriodBasis.CALENDAR.value)

    sections: Mapped[list[Section]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Section.order"
    )
    items: Mapped[list[Item]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Item.order"
    )
    warnings: Mapped[list[PlanWarning]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanWarning.order"
    )
    periods: Mapped[list[Period]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Period.start"
    )

    __table_args__ = (
        CheckConstraint(one_of("period_kind", PeriodKind), name="period_kind"),
        CheckConstraint(one_of("period_basis", PeriodBasis), name="period_basis"),
    )


class PlanWarning(Tracked, Base):
    """A warning the import gave for a plan, kept so it can be shown again later."""

    __tablename__ = "plan_warnings"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(Text)
    plan: Mapped[Plan] = relationship(back_populates="warnings")


class Section(Tracked, Base):
    __tablename__ = "sections"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    numeral: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="sections")
    groups: Mapped[list[Group]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="Group.order"
    )
    items: Mapped[list[Item]] = relationship(back_populates="section", order_by="Item.order")


class Group(Tracked, Base):
    __tablename__ = "groups"

    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text, default="")

    section: Mapped[Section] = relationship(back_populates="groups")
    items: Mapped[list[Item]] = relationship(back_populates="group", order_by="Item.order")


class Item(Tracked, Base):
    __tablename__ = "items"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    number_raw: Mapped[str] = mapped_column(String(40), default="")
    number: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    # What an appendix's own columns say beside the text (migration 0008): the indicator's explanation or way of
    # computing it, its unit of measure and target as written, the task's product, its budget and source.
    explanation: Mapped[str] = mapped_column(Text, default="", server_default="")
    unit_of_measure: Mapped[str] = mapped_column(String(100), default="", server_default="")
    target_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    output: Mapped[str] = mapped_column(Text, default="", server_default="")
    budget: Mapped[str] = mapped_column(Text, default="", server_default="")
    source_line: Mapped[int | None] = mapped_column(Integer)
    # Derived columns kept up to date by db.summary so the items table can filter and sort in SQL:
    number_key: Mapped[str] = mapped_column(String(80), default="", index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    unit_sort: Mapped[str] = mapped_column(String(600), default="")
    due_sort: Mapped[str] = mapped_column(String(10), default="")
    result: Mapped[str | None] = mapped_column(String(10))
    latest_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    latest_status: Mapped[str | None] = mapped_column(String(12))
    latest_period: Mapped[str | None] = mapped_column(String(60))
    last_update: Mapped[datetime | None] = mapped_column(DateTime)

    plan: Mapped[Plan] = relationship(back_populates="items")
    section: Mapped[Section] = relationship(back_populates="items")
    group: Mapped[Group | None] = relationship(back_populates="items")
    targets: Mapped[list[Target]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Target.order"
    )
    deadline: Mapped[Deadline | None] = relationship(
        back_populates="item", cascade="all, delete-orphan", uselist=False
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Assignment.order"
    )
    reports: Mapped[list[ProgressReport]] = relationship(back_populates="item", cascade="all, delete-orphan")

    __table_args__ = (
        CheckConstraint(one_of("kind", ItemKind), name="kind"),
        # The items table reads one plan in Stt or unit order and stops after a page: these let SQLite
        # walk the rows in that order instead of sorting every match.
        Index("ix_items_plan_number", "plan_id", "number_key", "order"),
        Index("ix_items_plan_unit", "plan_id", "unit_sort", "number_key"),
        Index("ix_items_plan_due", "plan_id", "due_sort", "number_key"),
    )


class Target(Tracked, Base):
    __tablename__ = "targets"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    order: Mapped[int] = mapped_column(Integer, default=0)
    op: Mapped[str] = mapped_column(String(2))
    value: Mapped[Decimal] = mapped_column(DecimalText)
    unit_kind: Mapped[str] = mapped_column(String(10))
    unit: Mapped[str | None] = mapped_column(String(50))
    subject: Mapped[str | None] = mapped_column(String(200))
    raw: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[Item] = relationship(back_populates="targets")

    __table_args__ = (
        CheckConstraint(one_of("op", TargetOp), name="op"),
        CheckConstraint(one_of("unit_kind", UnitKind), name="unit_kind"),
    )


class Deadline(Tracked, Base):
    __tablename__ = "deadlines"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), unique=True)
    raw: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(10))
    due: Mapped[date | None] = mapped_column(Date, index=True)

    item: Mapped[Item] = relationship(back_populates="deadline")

    __table_args__ = (CheckConstraint(one_of("kind", DeadlineKind), name="kind"),)


class Unit(Tracked, Base):
    __tablename__ = "units"

    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)
    sort_name: Mapped[str] = mapped_column(String(600), default="")
    named_by_user: Mapped[bool] = mapped_column(Boolean, default=False)
    """Set when an officer renames the unit: imports then no longer change the name shown."""

    aliases: Mapped[list[UnitAlias]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitAlias.id"
    )
    assignments: Mapped[list[Assignment]] = relationship(back_populates="unit")


class UnitAlias(Tracked, Base):
    """A spelling of a unit's name as met in files, with how often it was met."""

    __tablename__ = "unit_aliases"

    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    spelling: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), default="", index=True)
    seen: Mapped[int] = mapped_column(Integer, default=0)

    unit: Mapped[Unit] = relationship(back_populates="aliases")

    __table_args__ = (UniqueConstraint("unit_id", "spelling"),)


class Assignment(Tracked, Base):
    __tablename__ = "assignments"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    role: Mapped[str] = mapped_column(String(12))
    order: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[Item] = relationship(back_populates="assignments")
    unit: Mapped[Unit] = relationship(back_populates="assignments")

    __table_args__ = (
        CheckConstraint(one_of("role", AssignmentRole), name="role"),
        UniqueConstraint("item_id", "unit_id", "role"),
    )


class Period(Tracked, Base):
    __tablename__ = "periods"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    basis: Mapped[str] = mapped_column(String(10))
    label: Mapped[str] = mapped_column(String(60))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date] = mapped_column(Date)

    plan: Mapped[Plan] = relationship(back_populates="periods")
    reports: Mapped[list[ProgressReport]] = relationship(back_populates="period", cascade="all, delete-orphan")

    __table_args__ = (
        UniqueConstraint("plan_id", "kind", "basis", "start"),
        CheckConstraint("start <= \"end\"", name="range"),
    )


class ProgressReport(Tracked, Base):
    __tablename__ = "progress_reports"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("periods.id", ondelete="CASCADE"), index=True)
    value: Mapped[Decimal | None] = mapped_column(DecimalText)
    numerator: Mapped[Decimal | None] = mapped_column(DecimalText)
    denominator: Mapped[Decimal | None] = mapped_column(DecimalText)
    status: Mapped[str | None] = mapped_column(String(12))
    narrative: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    document_number: Mapped[str] = mapped_column(String(100), default="")
    """For a document item: the number of the document issued (e.g. "125/QĐ-UBND"), "" when none."""
    document_date: Mapped[date | None] = mapped_column(Date)
    """For a document item: the day the document was issued."""
    reported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    reported_by: Mapped[str] = mapped_column(String(200), default="")

    item: Mapped[Item] = relationship(back_populates="reports")
    unit: Mapped[Unit | None] = relationship()
    period: Mapped[Period] = relationship(back_populates="reports")
    evidence_files: Mapped[list[EvidenceFile]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="EvidenceFile.id"
    )

    __table_args__ = (
        CheckConstraint(f"status IS NULL OR {one_of('status', Status)}", name="status"),
        UniqueConstraint("item_id", "unit_id", "period_id"),
    )


class EvidenceFile(Tracked, Base):
    """A file attached to a progress report as evidence, copied into the managed folder beside the database."""

    __tablename__ = "evidence_files"

    report_id: Mapped[int] = mapped_column(ForeignKey("progress_reports.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(300))
    stored_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)

    report: Mapped[ProgressReport] = relationship(back_populates="evidence_files")


class Setting(Base):
    """One setting kept with the data (report header, recipients …) as text; JSON where it is a list."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """One inserted, changed or deleted row of the audited tables (written by triggers, db/audit_schema.py):
    the fields that changed as JSON {field: [old, new]}; who and the source stamped when it was committed;
    installation is the sender's name for entries received in a data package (NULL: made here)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(32), unique=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    who: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    installation: Mapped[str | None] = mapped_column(Text)
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str | None] = mapped_column(String(36))
    plan_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    item_uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    label: Mapped[str] = mapped_column(Text, default="", server_default="")
    action: Mapped[str] = mapped_column(String(10))
    changes: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    hash: Mapped[str | None] = mapped_column(String(64))
    """SHA-256 of the entry before it and this one's columns, set once at commit (db/audit.py chain); the
    triggers of 0009 refuse every other change and every deletion."""

    __table_args__ = (Index("ix_audit_log_unstamped", "id", sqlite_where=text("who IS NULL")),
                      Index("ix_audit_log_unchained", "id", sqlite_where=text("hash IS NULL")))



class Account(Base):
    """A local account for the optional sign-in: an administrator (edits the plan, units, merges, restores) or
    a unit officer (records progress for their own unit's items). login_key is the login folded for matching
    (NFC, case-insensitive); password_hash is "scrypt$n$r$p$salt_b64$hash_b64" (desktop_app.domain.passwords).
    Kept on this computer only: accounts are not in data packages."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(100))
    login_key: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    """Required for a unit officer; NULL again when the unit is deleted (the account then may record nothing)."""
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Failed sign-ins since the last good one (services.accounts: the growing delay)."""
    wait_until: Mapped[datetime | None] = mapped_column(DateTime)
    """No password is checked before this time (UTC): set after repeated failures."""

    unit: Mapped[Unit | None] = relationship()

    __table_args__ = (CheckConstraint(one_of("role", AccountRole), name="role"),)
