"""Ed25519 signatures for data packages: raw 32-byte keys, 64-byte signatures, a fingerprint to read aloud."""

from __future__ import annotations

import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

KEY_BYTES = 32
SIGNATURE_BYTES = 64
FINGERPRINT_BYTES = 20


def new_private_key() -> bytes:
    """A fresh private key as 32 raw bytes."""
    return Ed25519PrivateKey.generate().private_bytes_raw()


def _private(private: bytes) -> Ed25519PrivateKey:
    if not isinstance(private, bytes) or len(private) != KEY_BYTES:
        raise ValueError("an Ed25519 private key is 32 raw bytes")
    return Ed25519PrivateKey.from_private_bytes(private)


def public_key_of(private: bytes) -> bytes:
    """The 32 raw bytes of the public key belonging to a private key."""
    return _private(private).public_key().public_bytes_raw()


def sign(private: bytes, data: bytes) -> bytes:
    """The 64-byte Ed25519 signature of data."""
    return _private(private).sign(data)


def verify(public: bytes, signature: bytes, data: bytes) -> bool:
    """Whether signature is a valid signature of data by public; False on any bad input, never raises."""
    if not all(isinstance(v, bytes) for v in (public, signature, data)):
        return False
    if len(public) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def fingerprint(public: bytes) -> str:
    """SHA-256 of the raw public key, its first 20 bytes in upper-case hex groups of 4 ("3F2A 9C01 …")."""
    digest = hashlib.sha256(public).hexdigest()[: FINGERPRINT_BYTES * 2].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))
