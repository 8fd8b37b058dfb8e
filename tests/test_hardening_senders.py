"""Issue #15 item 9: senders' names are compared as they look (NFKC, Cyrillic and Greek look-alikes folded) and
names that hide characters or mix scripts are refused; each trusted sender may change only the records it
created (or that were made here) and the progress reports of its own units: anything else from it is a
conflict for the officer, nothing overwritten without the officer's choice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.engine import Database
from desktop_app.domain.text import hidden_name_characters, lookalike_key, mixes_lookalikes
from desktop_app.errors import InvalidValue
from desktop_app.io.exchange.package import PackageRefused
from desktop_app.services.exchange import import_package
from desktop_app.services.identity import set_installation_name, trusted_senders
from desktop_app.services.importing import import_file
from tests.conftest import NAM_HONG, new_database
from tests.exchange_helpers import send
from tests.hostile_packages import write_signed

NAME = "UBND Xã Nam Hồng"
CYRILLIC_A = "UBND Xã N\u0430m Hồng"
REVERSED = "UBND Xã Nam \u202eHồng"


# ----- the domain: look-alike keys ---------------------------------------------------------------------------
def test_a_cyrillic_letter_or_a_full_width_form_gives_the_key_of_the_latin_name() -> None:
    assert lookalike_key(CYRILLIC_A) == lookalike_key(NAME)
    assert lookalike_key("UBND Xã Ｎａｍ Hồng") == lookalike_key(NAME)
    assert lookalike_key("UBND Xã Nam H\u043e\u0302\u0300ng") == lookalike_key(NAME)  # Cyrillic «о» + marks
    assert lookalike_key("UBND Xã Nam Hồng") != lookalike_key("UBND Xã Nam Hưng")


def test_hidden_and_mixed_characters_are_seen() -> None:
    assert hidden_name_characters(REVERSED) == ["U+202E"]
    assert hidden_name_characters("Nam\u200bHồng\u2066") == ["U+200B", "U+2066"]
    assert hidden_name_characters(NAME) == []
    assert mixes_lookalikes(CYRILLIC_A) and not mixes_lookalikes(NAME)
    assert not mixes_lookalikes("Москва")  # one script only: not suspect


# ----- names of senders --------------------------------------------------------------------------------------
def _trusted_nam_hong(tmp_path: Path) -> tuple[Database, Database]:
    here = new_database(tmp_path / "here" / "du_lieu.sqlite3")
    office = new_database(tmp_path / "office" / "du_lieu.sqlite3")
    import_file(office, path=NAM_HONG)
    set_installation_name(office, name=NAME)
    send(office, here, tmp_path, "that.cdsx")
    return here, office


def _unchanged(db: Database) -> tuple[object, ...]:
    con = sqlite3.connect(db.path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("peers", "received_packages", "items", "audit_log"))
    finally:
        con.close()


@pytest.mark.parametrize(("name", "code"), [
    (CYRILLIC_A, "identity.name_mixed_scripts"),
    (REVERSED, "identity.name_hidden_characters"),
    ("UBND Xã Nam\u200b Hồng", "identity.name_hidden_characters"),
    ("UBND Xã Ｎａｍ Hồng", "identity.name_lookalike"),
    ("ubnd xã nam hồng", "identity.name_taken"),
])
def test_a_name_passing_for_a_trusted_one_is_refused_and_nothing_changes(tmp_path: Path, name: str,
                                                                         code: str) -> None:
    here, office = _trusted_nam_hong(tmp_path)
    before = _unchanged(here)
    forged = write_signed(tmp_path / "forged.cdsx", {}, name=name)
    with pytest.raises(PackageRefused) as refused:
        import_package(here, path=forged, trust=True)
    assert refused.value.code == code
    assert _unchanged(here) == before
    assert [p.name for p in trusted_senders(here)] == [NAME]
    here.close()
    office.close()


def test_a_stranger_with_a_hidden_character_is_refused_even_when_nobody_is_trusted(tmp_path: Path) -> None:
    here = new_database(tmp_path / "du_lieu.sqlite3")
    with pytest.raises(PackageRefused) as refused:
        import_package(here, path=write_signed(tmp_path / "p.cdsx", {}, name=REVERSED), dry_run=True)
    assert refused.value.code == "identity.name_hidden_characters"
    here.close()


def test_this_installation_cannot_be_given_a_hidden_or_mixed_name(tmp_path: Path) -> None:
    db = new_database(tmp_path / "du_lieu.sqlite3")
    for name in (REVERSED, CYRILLIC_A, "Nam\ufeffHồng"):
        with pytest.raises(InvalidValue):
            set_installation_name(db, name=name)
    assert set_installation_name(db, name=NAME).name == NAME
    db.close()
