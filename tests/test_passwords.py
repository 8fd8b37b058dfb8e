"""Password hashing and rules (desktop_app.domain.passwords): the stored format, verification, refusals."""

from __future__ import annotations

import base64
import time
import unicodedata

import pytest

from desktop_app.domain.passwords import (
    MIN_LENGTH,
    PasswordRuleError,
    check_password,
    hash_password,
    needs_rehash,
    verify_password,
)


def test_the_stored_hash_names_scrypt_its_costs_salt_and_hash() -> None:
    stored = hash_password("mật khẩu tốt 2026")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2 ** 14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32


def test_each_hash_has_its_own_salt() -> None:
    assert hash_password("cùng một mật khẩu") != hash_password("cùng một mật khẩu")


def test_the_right_password_verifies_and_a_wrong_one_does_not() -> None:
    stored = hash_password("CôngAn@2026")
    assert verify_password("CôngAn@2026", stored)
    assert not verify_password("côngan@2026", stored)  # case matters
    assert not verify_password("CôngAn@2026 ", stored)
    assert not verify_password("", stored)


def test_a_password_typed_decomposed_matches_the_composed_one() -> None:
    # Vietnamese keyboards (Unikey, macOS) may send "ộ" as o + two combining marks.
    stored = hash_password("Độc lập 2026")
    assert verify_password(unicodedata.normalize("NFD", "Độc lập 2026"), stored)


@pytest.mark.parametrize("stored", [
    "", "plain text", "scrypt$16384$8$1$@@@$@@@", "bcrypt$x$y", "scrypt$16384$8$1$c2FsdA==",
    "scrypt$99999999999$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",  # a crafted cost must not eat the memory
    "scrypt$3$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaA==",  # n not a power of two
])
def test_a_malformed_stored_hash_never_verifies_and_never_raises(stored: str) -> None:
    assert verify_password("anything at all", stored) is False


def test_an_older_cheaper_hash_still_verifies_and_asks_to_be_redone() -> None:
    old = hash_password("mật khẩu cũ 123", n=2 ** 12)
    assert verify_password("mật khẩu cũ 123", old)
    assert needs_rehash(old) and not needs_rehash(hash_password("mật khẩu mới 123"))


@pytest.mark.parametrize(("password", "words"), [
    ("1234567", f"ít nhất {MIN_LENGTH} ký tự"),
    ("", f"ít nhất {MIN_LENGTH} ký tự"),
    ("        ", "dấu cách"),
    ("x" * 300, "dài quá"),
    ("lan.congan", "trùng với tên đăng nhập"),
    ("LAN.CONGAN", "trùng với tên đăng nhập"),
])
def test_weak_passwords_are_refused_with_a_vietnamese_reason(password: str, words: str) -> None:
    with pytest.raises(PasswordRuleError, match=words):
        check_password(password, login="lan.congan")


def test_eight_characters_including_vietnamese_letters_are_enough() -> None:
    check_password("mậtkhẩu1", login="lan")
    check_password(unicodedata.normalize("NFD", "mậtkhẩu1"), login="lan")  # counted as letters, not marks


def test_one_hash_takes_a_noticeable_but_short_time() -> None:
    start = time.process_time()
    hash_password("đo thời gian băm")
    took = time.process_time() - start
    assert 0.005 < took < 2.0
