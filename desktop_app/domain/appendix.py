"""The appendix (Phụ lục 1) as read from a file: plain values handed from the importers to the services."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property

from desktop_app.domain.deadlines import Deadline
from desktop_app.domain.targets import Target
from desktop_app.domain.text import search_key


class ItemKind(StrEnum):
    """What an appendix item is (items.kind): an indicator with a target, a task, or a document to issue."""

    INDICATOR = "indicator"
    TASK = "task"
    DOCUMENT = "document"


class AssignmentRole(StrEnum):
    """How a unit is named for an item (assignments.role): it monitors, implements or coordinates it."""

    MONITORING = "monitoring"
    IMPLEMENTING = "implementing"
    COORDINATING = "coordinating"


KINDS: tuple[str, ...] = tuple(k.value for k in ItemKind)
KIND_NAMES: dict[str, str] = {ItemKind.INDICATOR: "chỉ tiêu", ItemKind.TASK: "nhiệm vụ", ItemKind.DOCUMENT: "văn bản"}
"""An item kind as a sentence names it."""


@dataclass(frozen=True)
class ImportWarning:
    """Something in the file the officer should check; names the source row when there is one."""

    code: str
    message: str
    line: int | None = None
    number: str | None = None


@dataclass(frozen=True)
class Layout:
    """A table's columns: the header texts, one role each, and whether the program is sure of them."""

    header: tuple[str, ...]
    roles: tuple[str, ...]
    confident: bool
    unsure: tuple[int, ...] = ()
    """The columns whose role is a guess (shown to the officer first)."""

    @property
    def key(self) -> str:
        """The header's identity: a file with the same header has the same layout."""
        return header_key(self.header)

    def first(self, role: str) -> int | None:
        """The column with role, or None."""
        found = self.columns.get(role)
        return found[0] if found else None

    def every(self, role: str) -> tuple[int, ...]:
        """Every column with role."""
        return self.columns.get(role, ())

    @cached_property
    def columns(self) -> dict[str, tuple[int, ...]]:
        """The columns of each role (asked for every cell of every row)."""
        out: dict[str, list[int]] = {}
        for i, role in enumerate(self.roles):
            out.setdefault(role, []).append(i)
        return {role: tuple(found) for role, found in out.items()}


def header_key(header: Sequence[str]) -> str:
    """Accent-, case- and spacing-insensitive identity of a header row (empty trailing cells dropped)."""
    keys = [search_key(h) for h in header]
    while keys and not keys[-1]:
        keys.pop()
    return "|".join(keys)


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
    position: int = 0
    """How many items come before it in the document (its place in the numbering)."""


@dataclass
class ParsedItem:
    section: int
    group: int | None
    """Index into ParsedAppendix.groups, or None for an item directly under its section."""
    number_raw: str
    number: str
    kind: str
    """An ItemKind."""
    text: str
    note: str
    monitoring: list[str]
    implementing: list[str]
    deadline: Deadline
    targets: list[Target]
    line: int
    place: str
    coordinating: list[str] = field(default_factory=list)
    explanation: str = ""
    unit_of_measure: str = ""
    target_text: str = ""
    """The target column's text as written (the targets are read from it and the unit of measure)."""
    output: str = ""
    budget: str = ""


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
    issuer: str = ""
    layouts: list[Layout] = field(default_factory=list)
    """The column roles of each distinct table header, in document order."""
    sections: list[ParsedSection] = field(default_factory=list)
    groups: list[ParsedGroup] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
