"""Passwords of the local accounts: scrypt hashing (standard library), constant-time checking, and the rules
a new password must meet. Stored as "scrypt$n$r$p$salt_b64$hash_b64" so the costs can be raised later."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import unicodedata

from desktop_app.errors import AppError

SCHEME = "scrypt"
N, R, P = 2 ** 14, 8, 1  # about 16 MiB and a few tens of milliseconds per hash on an office PC
SALT_BYTES = 16
HASH_BYTES = 32
MIN_LENGTH = 8
MAX_LENGTH = 256
# Bounds on the costs read back from a stored hash: a crafted row must not make a check eat the memory.
MAX_N, MAX_R, MAX_P = 2 ** 20, 32, 16
MAX_MEMORY = 256 * 1024 * 1024


class PasswordRuleError(AppError, ValueError):
    """A new password that does not meet the rules; the message says why."""


def _normalised(password: str) -> str:
    # Vietnamese keyboards may send "ộ" composed or as o + marks: the same password either way.
    return unicodedata.normalize("NFC", password)


def check_password(password: str, *, login: str = "") -> None:
    """Refuse a password shorter than MIN_LENGTH characters, made of spaces only, too long, or equal to the
    login (PasswordRuleError with the reason)."""
    password = _normalised(password)
    if len(password) < MIN_LENGTH:
        raise PasswordRuleError("password.too_short", limit=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        raise PasswordRuleError("password.too_long", limit=MAX_LENGTH)
    if not password.strip():
        raise PasswordRuleError("password.spaces_only")
    if login and password.casefold() == _normalised(login).strip().casefold():
        raise PasswordRuleError("password.is_login")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(_normalised(password).encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=MAX_MEMORY, dklen=HASH_BYTES)


def hash_password(password: str, *, n: int = N, r: int = R, p: int = P) -> str:
    """The text to store for password, with a fresh random salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, n, r, p)
    return "$".join((SCHEME, str(n), str(r), str(p), base64.b64encode(salt).decode("ascii"),
                     base64.b64encode(digest).decode("ascii")))


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """(n, r, p, salt, hash) of a stored text, or None when it is not a hash this program can check."""
    parts = (stored or "").split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    if not (1 < n <= MAX_N and n & (n - 1) == 0 and 0 < r <= MAX_R and 0 < p <= MAX_P):
        return None
    if not salt or len(digest) != HASH_BYTES:
        return None
    return n, r, p, salt, digest


def verify_password(password: str, stored: str) -> bool:
    """Whether password is the one stored (compared in constant time); False for a malformed stored text."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    try:
        candidate = _scrypt(password, salt, n, r, p)
    except (ValueError, MemoryError):  # costs OpenSSL refuses on this machine
        return False
    return hmac.compare_digest(candidate, digest)


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash uses other costs than today's (redone at the next successful sign-in)."""
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != (N, R, P)


def dummy_check(password: str) -> None:
    """Spend the time of one check, so that an unknown login takes as long to refuse as a wrong password."""
    _scrypt(password, b"\0" * SALT_BYTES, N, R, P)
