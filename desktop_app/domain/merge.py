"""How one record received from another installation meets the same record here: unchanged, changed only
there (take theirs), changed only here (keep ours), changed on both sides in different fields (merged), or in
the same field (a conflict for the officer). Pure rules over revisions and field values."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

UNCHANGED: Final = "unchanged"
THEIRS: Final = "theirs"        # changed only there: their version replaces ours
OURS: Final = "ours"            # changed only here (or theirs is an older version): nothing to do
MERGED: Final = "merged"        # both changed, in different fields: both changes kept
CONFLICT: Final = "conflict"    # both changed the same field to different values

Content = Mapping[str, Any]


@dataclass(frozen=True)
class Side:
    """One side's version of a record: its revision, the revision it was last exchanged at, its content."""

    rev: str
    base: str
    content: Content
    changed_at: str = ""
    """When this side last changed or received the record (ISO text), used only when the history cannot tell."""


@dataclass(frozen=True)
class Decision:
    """What to do with a received record; for MERGED and CONFLICT the content both sides' changes give
    (conflicting fields keep our value until the officer chooses) and the conflicting fields."""

    kind: str
    content: Content | None = None
    conflicts: tuple[str, ...] = ()
    changed: tuple[str, ...] = field(default=())
    """The fields whose value here changes (for the preview)."""


def _diff(a: Content, b: Content, fields: Sequence[str]) -> set[str]:
    return {f for f in fields if a.get(f) != b.get(f)}


def decide(ours: Side, theirs: Side, *, fields: Sequence[str], base_content: Content | None,
           known_revs: frozenset[str] = frozenset()) -> Decision:
    """The decision for theirs against ours. base_content is the content at the revision both started from,
    when known; known_revs are the earlier revisions of this record seen here (a package older than what we
    hold is then recognised and ignored)."""
    if theirs.rev == ours.rev:
        return Decision(UNCHANGED)
    if theirs.rev == ours.base or theirs.rev in known_revs:
        return Decision(OURS)  # we already had their version and changed it since (or hold a newer one)
    differing = _diff(ours.content, theirs.content, fields)
    if not differing:
        return Decision(UNCHANGED)  # the same content reached both sides by different paths
    if theirs.base == ours.rev:  # they changed the version we hold
        return Decision(THEIRS, theirs.content, changed=tuple(f for f in fields if f in differing))
    if ours.rev == ours.base and theirs.base not in known_revs:
        # Ours is unchanged since our last exchange and theirs comes from a version we never saw (it went
        # through a third installation): the newer one wins, so an old package read again changes nothing.
        if theirs.changed_at >= ours.changed_at:
            return Decision(THEIRS, theirs.content, changed=tuple(f for f in fields if f in differing))
        return Decision(OURS)
    if base_content is None:
        return Decision(CONFLICT, dict(ours.content), tuple(f for f in fields if f in differing))
    mine = _diff(base_content, ours.content, fields)
    yours = _diff(base_content, theirs.content, fields)
    clashes = tuple(f for f in fields if f in mine and f in yours and f in differing)
    merged = dict(ours.content)
    for name in yours - set(clashes):
        merged[name] = theirs.content.get(name)
    changed = tuple(f for f in fields if merged.get(f) != ours.content.get(f))
    return Decision(CONFLICT if clashes else MERGED, merged, clashes, changed)


def resolved(decision: Decision, theirs: Content, choices: Mapping[str, str], *, prefer: str = OURS) -> dict[str, Any]:
    """The content after the officer's choices: for each conflicting field "theirs" or "ours" (prefer for
    fields not chosen)."""
    content = dict(decision.content or {})
    for name in decision.conflicts:
        if choices.get(name, prefer) == THEIRS:
            content[name] = theirs.get(name)
    return content


def merged_rev(ours_rev: str, theirs_rev: str, content: Content, fields: Sequence[str]) -> str:
    """The revision of a merge result: the same on both installations when both merge the same two versions
    to the same content, so that they agree afterwards without another round."""
    digest = hashlib.sha256("|".join(sorted((ours_rev, theirs_rev))).encode())
    for name in fields:
        digest.update(b"\x00" + repr(content.get(name)).encode())
    return digest.hexdigest()[:32]
