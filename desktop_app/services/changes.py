"""What a use case changed: the tables and the plans and items it touched, as one small frozen value.

Every use case that writes tells it, as its result or as its result's `changed`; the UI publishes it on one
channel and each view decides from it whether to read again (the shape of Anki's OpChanges). Reading use
cases change nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PLAN_TABLES = frozenset({"plans", "sections", "groups", "items", "targets", "deadlines", "assignments", "units",
                         "unit_aliases"})
PROGRESS_TABLES = frozenset({"periods", "progress_reports", "evidence_files"})


@dataclass(frozen=True)
class Changes:
    """Tables and plan/item ids touched; external = another copy of the program or window wrote the file,
    so what changed is not known here (every view compares what it shows)."""

    tables: frozenset[str] = frozenset()
    plan_ids: frozenset[int] = frozenset()
    item_ids: frozenset[int] = frozenset()
    external: bool = False

    @classmethod
    def of(cls, tables: Iterable[str], *, plans: Iterable[int | None] = (),
           items: Iterable[int | None] = ()) -> Changes:
        """A value from plain iterables (None ids are left out)."""
        return cls(frozenset(tables), frozenset(p for p in plans if p is not None),
                   frozenset(i for i in items if i is not None))

    def __bool__(self) -> bool:
        return bool(self.tables) or self.external

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.plan_ids | other.plan_ids, self.item_ids | other.item_ids,
                       self.external or other.external)

    def touches(self, tables: Iterable[str]) -> bool:
        """Whether any of tables was written (always for an external change)."""
        return self.external or not self.tables.isdisjoint(tables)

    @property
    def structure(self) -> bool:
        """Plans, sections or groups changed (the tree and its item counts are read again)."""
        return self.touches({"plans", "sections", "groups"})


NOTHING = Changes()
EXTERNAL = Changes(external=True)
EVERYTHING = Changes(PLAN_TABLES | PROGRESS_TABLES | {"audit_log", "settings"})


def changes_of(result: object) -> Changes:
    """The Changes a use case returned: the result itself, its `changed`, or nothing."""
    if isinstance(result, Changes):
        return result
    changed = getattr(result, "changed", None)
    return changed if isinstance(changed, Changes) else NOTHING
