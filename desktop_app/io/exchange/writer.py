"""Writing a data package (.cdsx): members scanned and hashed, manifest signed, the zip written atomically with
its SHA-256 computed on the way, then read back from the device and compared."""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import os
import stat
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.errors import WriteFailed
from desktop_app.io.atomic import atomic_file
from desktop_app.io.exchange import signing
from desktop_app.io.exchange.rules import (
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_FILE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_MIN_BYTES,
    SIGNATURE,
    unsafe_name_reason,
)
from desktop_app.messages import Message


class _TooLarge(Exception):
    pass


class _HashingSink:
    """An unseekable file for zipfile: it then writes each member once, in order (sizes in a data descriptor
    after the data), so the SHA-256 of what passes here is the SHA-256 of the file."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.digest, self.size = out, hashlib.sha256(), 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > MAX_FILE_BYTES:
            raise _TooLarge
        self.digest.update(data)
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()

    def close(self) -> None:
        """Nothing to do: the caller closes out (zipfile never closes a file object it is given)."""


@dataclass(frozen=True)
class _Member:
    name: str
    content: bytes | Path
    size: int
    sha256: str
    compress_type: int


def _source_failed(package: Path, source: Path, exc: OSError) -> WriteFailed:
    return WriteFailed("write.evidence_unreadable", file=package.name, name=source.name,
                       reason=exc.strerror or str(exc))


def _scan(name: str, content: bytes | Path, package: Path) -> _Member:
    """A member's size and SHA-256, and whether to store it uncompressed: deflating data so redundant that
    the reader would take it for a zip bomb (a blank scanned page as BMP) is not worth the refusal."""
    if not isinstance(content, (bytes, Path)):
        raise ValueError(f"member {name!r} must be bytes or a Path")
    digest, size = hashlib.sha256(), 0
    deflater = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # as zipfile deflates
    compressed = 0
    if isinstance(content, bytes):
        digest.update(content)
        size = len(content)
        if size > RATIO_MIN_BYTES:
            compressed = len(deflater.compress(content)) + len(deflater.flush())
    else:
        try:
            with content.open("rb") as handle:
                for chunk in iter(lambda: handle.read(CHUNK), b""):
                    digest.update(chunk)
                    size += len(chunk)
                    compressed += len(deflater.compress(chunk))
        except OSError as exc:
            raise _source_failed(package, content, exc) from exc
        compressed += len(deflater.flush())
    if size > MAX_MEMBER_BYTES:
        raise WriteFailed("write.member_too_large", file=package.name, name=name, size=size, limit=MAX_MEMBER_BYTES)
    # Half the reader's limit: a margin, whatever zlib's output length does with other chunk boundaries.
    bomb_like = size > RATIO_MIN_BYTES and size > (MAX_RATIO // 2) * max(compressed, 1)
    kind = zipfile.ZIP_STORED if bomb_like else zipfile.ZIP_DEFLATED
    return _Member(name, content, size, digest.hexdigest(), kind)


_Stamp = tuple[int, int, int, int, int, int]
"""A zip member's time: year, month, day, hour, minute, second."""


def _zip_info(name: str, size: int, compress_type: int, stamp: _Stamp) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = compress_type
    info.file_size = size
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _complete_manifest(manifest: dict[str, Any], members: list[_Member], public_key: bytes) -> bytes:
    """manifest.json's exact bytes: the caller's fields, the format, the sender's public key and the members."""
    out = dict(manifest)
    sender = dict(out.get("installation") or {})
    if not (isinstance(sender.get("id"), str) and sender["id"] and isinstance(sender.get("name"), str)
            and sender["name"]):
        raise ValueError("manifest['installation'] needs a non-empty 'id' and 'name'")
    if not isinstance(out.get("created_at"), str):
        raise ValueError("manifest['created_at'] must be a string")
    key_text = base64.b64encode(public_key).decode("ascii")
    if sender.get("public_key", key_text) != key_text:
        raise ValueError("manifest['installation']['public_key'] is not the signing key's")
    sender["public_key"] = key_text
    out["installation"] = sender
    out["format"] = FORMAT
    out.setdefault("format_version", FORMAT_VERSION)
    out["members"] = {m.name: {"size": m.size, "sha256": m.sha256} for m in members}
    data = json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False).encode("utf-8")
    if len(data) > MAX_MANIFEST_BYTES:
        raise WriteFailed("write.too_many_members", count=len(members))
    return data


def _copy_into(zf: zipfile.ZipFile, member: _Member, info: zipfile.ZipInfo, package: Path) -> None:
    """Stream an evidence file into the zip, hashing it again: it must not have changed since it was scanned."""
    assert isinstance(member.content, Path)
    digest = hashlib.sha256()
    try:
        with member.content.open("rb") as source, zf.open(info, "w") as target:
            for chunk in iter(lambda: source.read(CHUNK), b""):
                digest.update(chunk)
                target.write(chunk)
    except OSError as exc:
        if exc.filename is None or Path(exc.filename) != member.content:
            raise  # the destination: atomic_file names the reason (full disk, removed stick)
        raise _source_failed(package, member.content, exc) from exc
    if digest.hexdigest() != member.sha256:
        raise WriteFailed("write.evidence_changed", file=package.name, name=member.content.name)


def _uncached_sha256(path: Path) -> str:
    """The file's SHA-256 as read back from the device (its pages dropped from the cache first where possible)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        if hasattr(os, "posix_fadvise"):
            try:
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass  # a hint only
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _sync_folder(folder: Path) -> None:
    """fsync the folder so the rename itself reaches the stick (POSIX; Windows has no such call)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the file itself was fsynced
    finally:
        os.close(fd)


def write_package(path: Path, *, manifest: dict[str, Any], members: dict[str, bytes | Path],
                  private_key: bytes) -> str:
    """Write a signed package atomically to path, read it back and check it; returns the file's SHA-256."""
    path = Path(path)
    for name in members:
        reason = unsafe_name_reason(name)
        if reason or name in (MANIFEST, SIGNATURE):
            raise ValueError(f"unsafe member name {name!r}: {reason or 'reserved'}")
    if len(members) + 2 > MAX_MEMBERS:
        raise WriteFailed("write.too_many_members", file=path.name, count=len(members))
    scanned = [_scan(name, content, path) for name, content in members.items()]
    if sum(m.size for m in scanned) > MAX_TOTAL_BYTES:
        raise WriteFailed("write.package_data_too_large", file=path.name, limit=MAX_TOTAL_BYTES)
    manifest_bytes = _complete_manifest(manifest, scanned, signing.public_key_of(private_key))
    signature = signing.sign(private_key, manifest_bytes)
    now = time.localtime()
    stamp = (now.tm_year, now.tm_mon, now.tm_mday, now.tm_hour, now.tm_min, now.tm_sec)
    try:
        with atomic_file(path) as out:
            sink = _HashingSink(out)
            with zipfile.ZipFile(sink, "w") as zf:
                zf.writestr(_zip_info(MANIFEST, len(manifest_bytes), zipfile.ZIP_DEFLATED, stamp), manifest_bytes)
                zf.writestr(_zip_info(SIGNATURE, len(signature), zipfile.ZIP_STORED, stamp), signature)
                for member in scanned:
                    info = _zip_info(member.name, member.size, member.compress_type, stamp)
                    if isinstance(member.content, bytes):
                        zf.writestr(info, member.content)
                    else:
                        _copy_into(zf, member, info, path)
    except _TooLarge:
        raise WriteFailed("write.package_too_large", file=path.name, limit=MAX_FILE_BYTES) from None
    written = sink.digest.hexdigest()
    _sync_folder(path.parent)
    try:
        read_back = _uncached_sha256(path)
    except OSError as exc:
        _remove(path)
        why: Message | str | None = Message("write.reason_stick_removed") if exc.errno in (errno.ENOENT, errno.EIO, errno.ENODEV) \
            else exc.strerror
        raise WriteFailed("write.read_back_failed", file=path.name, reason=why) from exc
    if read_back != written:
        _remove(path)
        raise WriteFailed("write.read_back_differs", file=path.name)
    return written


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # the stick is gone: nothing more can be done, the message says so
