"""The appendix (Phụ lục 1) as read from a file: plain values handed from the importers to the services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.deadlines import Deadline
from desktop_app.domain.targets import Target

KINDS = ("indicator", "task", "document")


@dataclass(frozen=True)
class ImportWarning:
    """Something in the file the officer should check; names the source row when there is one."""

    code: str
    message: str
    line: int | None = None
    number: str | None = None


@dataclass
class ParsedSection:
    numeral: str
    title: str
    line: int


@dataclass
class ParsedGroup:
    section: int
    """Index into ParsedAppendix.sections."""
    number: str
    title: str
    line: int


@dataclass
class ParsedItem:
    section: int
    group: int | None
    """Index into ParsedAppendix.groups, or None for an item directly under its section."""
    number_raw: str
    number: str
    kind: str
    text: str
    note: str
    monitoring: list[str]
    implementing: list[str]
    deadline: Deadline
    targets: list[Target]
    line: int
    place: str


@dataclass
class ParsedAppendix:
    """Everything an import writes: plan header fields, the hierarchy in document order, and warnings."""

    source_name: str
    fmt: str
    commune: str = ""
    plan_number: str = ""
    plan_date: date | None = None
    year: int | None = None
    title: str = ""
    sections: list[ParsedSection] = field(default_factory=list)
    groups: list[ParsedGroup] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
