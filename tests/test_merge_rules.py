"""The merge rules for one record met on both sides (desktop_app.domain.merge)."""

from __future__ import annotations

from desktop_app.domain.merge import (
    CONFLICT,
    MERGED,
    OURS,
    THEIRS,
    UNCHANGED,
    Side,
    decide,
    merged_rev,
    resolved,
)

FIELDS = ("value", "narrative", "status")
BASE = {"value": "50", "narrative": "", "status": None}


def side(rev: str, base: str, at: str = "2026-01-01", **changes: object) -> Side:
    return Side(rev, base, {**BASE, **changes}, at)


def test_the_same_revision_is_unchanged() -> None:
    assert decide(side("a", "a"), side("a", "a"), fields=FIELDS, base_content=None).kind == UNCHANGED


def test_changed_only_there_takes_theirs() -> None:
    decision = decide(side("a", "a"), side("b", "a", value="70"), fields=FIELDS, base_content=None)
    assert decision.kind == THEIRS and decision.changed == ("value",)


def test_changed_only_here_keeps_ours() -> None:
    assert decide(side("b", "a", value="70"), side("a", "a"), fields=FIELDS, base_content=BASE).kind == OURS


def test_an_older_version_seen_before_keeps_ours() -> None:
    ours = side("c", "c", value="90")
    older = side("b", "a", value="70")
    assert decide(ours, older, fields=FIELDS, base_content=None, known_revs=frozenset({"b"})).kind == OURS


def test_different_fields_changed_on_both_sides_merge() -> None:
    decision = decide(side("b", "a", value="70"), side("c", "a", narrative="xong"), fields=FIELDS,
                      base_content=BASE)
    assert decision.kind == MERGED
    assert decision.content == {"value": "70", "narrative": "xong", "status": None}
    assert decision.changed == ("narrative",)


def test_the_same_field_changed_differently_is_a_conflict() -> None:
    decision = decide(side("b", "a", value="70", narrative="x"), side("c", "a", value="80"), fields=FIELDS,
                      base_content=BASE)
    assert decision.kind == CONFLICT and decision.conflicts == ("value",)
    assert decision.content == {"value": "70", "narrative": "x", "status": None}  # ours until chosen
    assert resolved(decision, {**BASE, "value": "80"}, {"value": THEIRS})["value"] == "80"
    assert resolved(decision, {**BASE, "value": "80"}, {})["value"] == "70"
    assert resolved(decision, {**BASE, "value": "80"}, {}, prefer=THEIRS)["value"] == "80"


def test_the_same_change_on_both_sides_is_no_conflict() -> None:
    decision = decide(side("b", "a", value="70"), side("c", "a", value="70"), fields=FIELDS, base_content=BASE)
    assert decision.kind == UNCHANGED


def test_without_a_common_base_every_differing_field_is_a_conflict() -> None:
    decision = decide(side("b", "x", value="70"), side("c", "y", narrative="n"), fields=FIELDS, base_content=None)
    assert decision.kind == CONFLICT and decision.conflicts == ("value", "narrative")


def test_unchanged_here_and_an_unseen_base_there_newer_wins() -> None:
    ours = side("b", "b", at="2026-05-01 10:00:00")
    newer = side("c", "z", at="2026-05-02 09:00:00", value="75")
    older = side("d", "z", at="2026-04-30 09:00:00", value="10")
    assert decide(ours, newer, fields=FIELDS, base_content=None).kind == THEIRS
    assert decide(ours, older, fields=FIELDS, base_content=None).kind == OURS


def test_a_merge_gives_the_same_revision_on_both_sides() -> None:
    content = {**BASE, "value": "70", "narrative": "xong"}
    assert merged_rev("b", "c", content, FIELDS) == merged_rev("c", "b", dict(content), FIELDS)
    assert merged_rev("b", "c", content, FIELDS) != merged_rev("b", "c", {**content, "value": "71"}, FIELDS)
