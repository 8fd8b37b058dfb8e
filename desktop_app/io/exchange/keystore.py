"""This installation's private signing key kept in a file of the user's data folder, never in the database (so a
backup of the data holds no key): 32 raw bytes written atomically and readable by the user alone (mode 0o600);
on Windows protected for the user's account with DPAPI (CryptProtectData, through ctypes). A password-protected
copy (PKCS#8 PEM, cryptography's best available encryption) moves the identity to another computer."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.errors import FileRefused, InvalidValue
from desktop_app.io.atomic import atomic_file
from desktop_app.io.exchange import signing

MIN_PASSWORD = 8
MAX_EXPORT_BYTES = 64 * 1024
_DPAPI_DESCRIPTION = "ChuyenDoiSoXa signing key"


def read_key(path: Path) -> bytes | None:
    """The 32 raw bytes of the key in path, or None when there is no such file; InvalidValue when it is there but
    unreadable (damaged, or protected for another Windows account)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InvalidValue("identity.key_file_unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
    if sys.platform == "win32":
        try:
            data = _unprotect(data)
        except OSError as exc:
            raise InvalidValue("identity.key_file_damaged", path=str(path)) from exc
    if len(data) != signing.KEY_BYTES:
        raise InvalidValue("identity.key_file_damaged", path=str(path))
    return data


def write_key(path: Path, key: bytes) -> None:
    """Write key to path (its folder made first), atomically; the file is readable by the user alone."""
    if len(key) != signing.KEY_BYTES:
        raise InvalidValue("identity.key_damaged")
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.parent.chmod(0o700)
    data = _protect(key) if sys.platform == "win32" else key
    with atomic_file(path) as out:  # mkstemp: the temporary file is made with mode 0o600 already
        if sys.platform != "win32":
            os.fchmod(out.fileno(), 0o600)
        out.write(data)


def export_key(key: bytes, password: str) -> bytes:
    """The key as PKCS#8 PEM encrypted with password (at least MIN_PASSWORD characters)."""
    if len(password) < MIN_PASSWORD:
        raise InvalidValue("identity.key_password_short", minimum=MIN_PASSWORD)
    private = Ed25519PrivateKey.from_private_bytes(key)
    return private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.BestAvailableEncryption(password.encode("utf-8")))


def import_key(data: bytes, password: str) -> bytes:
    """The 32 raw bytes of the Ed25519 key in an exported copy; FileRefused when it is not one or the password
    is wrong."""
    if len(data) > MAX_EXPORT_BYTES:
        raise FileRefused("identity.key_export_invalid")
    try:
        private = serialization.load_pem_private_key(data, password=password.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise FileRefused("identity.key_export_invalid") from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise FileRefused("identity.key_export_invalid")
    return private.private_bytes_raw()


# ----- Windows: DPAPI ----------------------------------------------------------------------------------------
# CryptProtectData ties the bytes to the signed-in Windows account: another account, or the file copied to
# another computer, cannot read them. Only reached on Windows (sys.platform == "win32").

def _protect(data: bytes) -> bytes:
    return _dpapi(data, protect=True)


def _unprotect(data: bytes) -> bytes:
    return _dpapi(data, protect=False)


def _dpapi(data: bytes, *, protect: bool) -> bytes:
    if sys.platform != "win32":
        raise OSError("DPAPI is only on Windows")
    import ctypes
    from ctypes import wintypes

    class DataBlob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_char))]

    crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    crypt32.CryptProtectData.argtypes = [ctypes.POINTER(DataBlob), wintypes.LPCWSTR, ctypes.POINTER(DataBlob),
                                         ctypes.c_void_p, ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(DataBlob)]
    crypt32.CryptProtectData.restype = wintypes.BOOL
    crypt32.CryptUnprotectData.argtypes = [ctypes.POINTER(DataBlob), ctypes.c_void_p, ctypes.POINTER(DataBlob),
                                           ctypes.c_void_p, ctypes.c_void_p, wintypes.DWORD,
                                           ctypes.POINTER(DataBlob)]
    crypt32.CryptUnprotectData.restype = wintypes.BOOL
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    kernel32.LocalFree.restype = ctypes.c_void_p

    buffer = ctypes.create_string_buffer(data, len(data))
    blob_in = DataBlob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
    blob_out = DataBlob()
    ui_forbidden = 0x1  # CRYPTPROTECT_UI_FORBIDDEN: never a dialog
    if protect:
        ok = crypt32.CryptProtectData(ctypes.byref(blob_in), _DPAPI_DESCRIPTION, None, None, None, ui_forbidden,
                                      ctypes.byref(blob_out))
    else:
        ok = crypt32.CryptUnprotectData(ctypes.byref(blob_in), None, None, None, None, ui_forbidden,
                                        ctypes.byref(blob_out))
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())
    try:
        return ctypes.string_at(blob_out.pbData, blob_out.cbData)
    finally:
        kernel32.LocalFree(ctypes.cast(blob_out.pbData, ctypes.c_void_p))
