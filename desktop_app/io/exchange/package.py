"""Data packages (.cdsx): a signed zip of manifest.json, JSON records and evidence files, written atomically
(then read back and hash-checked), and read only after every limit, name, the signature and every member's
SHA-256 have been checked."""

from __future__ import annotations

import base64
import binascii
import errno
import hashlib
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.errors import FileRefused
from desktop_app.io.atomic import atomic_file
from desktop_app.io.exchange import signing
from desktop_app.io.exchange.rules import (
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_CENTRAL_DIRECTORY,
    MAX_FILE_BYTES,
    MAX_JSON_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_RECORDS_BYTES,
    MAX_TOTAL_BYTES,
    RATIO_MIN_BYTES,
    SIGNATURE,
    SUFFIX,
    JsonRefused,
    central_directory,
    parse_json,
    shown,
    unsafe_name_reason,
)
from desktop_app.io.exchange.writer import write_package
from desktop_app.messages import Message

__all__ = ["FORMAT", "FORMAT_VERSION", "MANIFEST", "SIGNATURE", "SUFFIX", "Header", "Package", "PackageRefused",
           "read_package", "write_package"]


NOT_A_PACKAGE = "package.not_a_package"
BAD_SIGNATURE = "package.bad_signature"
# What zipfile and zlib raise on a hostile or broken archive (beyond OSError, handled apart).
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
           RuntimeError, struct.error, OverflowError, KeyError, IndexError)
_SHA256 = re.compile(r"[0-9a-f]{64}")


class PackageRefused(FileRefused):
    """A data package that is not imported: broken, changed, unsigned, hostile or from a newer program."""


def _read_error(exc: OSError) -> Message:
    if isinstance(exc, FileNotFoundError):
        return Message("package.read_not_found")
    if exc.errno == errno.EINVAL:  # zipfile seeking to an offset before the start: a broken directory
        return Message(NOT_A_PACKAGE)
    if isinstance(exc, PermissionError):
        return Message("file.no_read_permission")
    return Message("package.read_failed", reason=exc.strerror or str(exc))


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Inside the block, a removed stick and zipfile's own errors on a broken file become PackageRefused."""
    try:
        yield
    except OSError as exc:
        raise PackageRefused(_read_error(exc), file=path.name) from exc
    except _BROKEN as exc:
        raise PackageRefused(NOT_A_PACKAGE, file=path.name) from exc


@contextmanager
def _opened(path: Path) -> Iterator[tuple[zipfile.ZipFile, BinaryIO, int]]:
    """The zip at path, opened only after its size and its central directory's declared size were checked."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise PackageRefused("package.empty", file=path.name)
        if size > MAX_FILE_BYTES:
            raise PackageRefused("package.file_too_large", file=path.name, size=size, limit=MAX_FILE_BYTES)
        directory = central_directory(handle, size)
        if directory is None:
            raise PackageRefused(NOT_A_PACKAGE, file=path.name)
        entries, directory_bytes = directory
        if entries > MAX_MEMBERS or directory_bytes > MAX_CENTRAL_DIRECTORY:
            raise PackageRefused("package.too_many_declared", file=path.name, count=entries, limit=MAX_MEMBERS)
        handle.seek(0)
        with zipfile.ZipFile(handle) as zf:
            yield zf, handle, size


def _check_entries(path: Path, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """Every member by name, once each of the entries was checked: count, name, kind, encryption, sizes."""

    def refuse(code: str, **args: Any) -> PackageRefused:
        return PackageRefused(code, file=path.name, **args)

    if len(infos) > MAX_MEMBERS:
        raise refuse("package.too_many_members", count=len(infos), limit=MAX_MEMBERS)
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name.endswith("/") or info.external_attr & 0x10:  # 0x10: the MS-DOS directory attribute
            raise refuse("package.folder", name=shown(name))
        # zipfile cuts a name at a NUL byte and on Windows turns "\" into "/": check what the archive says too.
        for candidate in (info.orig_filename, name):
            reason = unsafe_name_reason(candidate)
            if reason:
                raise refuse("package.unsafe_name", name=shown(candidate), reason=reason)
        if name in by_name:
            raise refuse("package.duplicate_name", name=shown(name))
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise refuse("package.special_file", name=shown(name))
        if info.flag_bits & 0x1:
            raise refuse("package.encrypted", name=shown(name))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse("package.compression", name=shown(name))
        if info.file_size > MAX_MEMBER_BYTES:
            raise refuse("package.member_too_large", name=shown(name), size=info.file_size, limit=MAX_MEMBER_BYTES)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refuse("package.total_too_large", limit=MAX_TOTAL_BYTES)
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise refuse("package.ratio", name=shown(name), ratio=ratio)
        by_name[name] = info
    return by_name


SIZE_DIFFERS, HASH_DIFFERS = "package.changed_size", "package.changed_hash"


def _changed(path: Path, name: str, why: str) -> PackageRefused:
    """A member that is not what the manifest says (why: SIZE_DIFFERS or HASH_DIFFERS)."""
    return PackageRefused("package.member_changed", file=path.name, name=shown(name), why=Message(why))


def _stream(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, size: int,
            sink: Callable[[bytes], object]) -> str:
    """Pass the member's bytes to sink, stopping one byte past size (a lying header cannot make us read
    gigabytes); returns their SHA-256. A wrong length, a bad CRC or broken compressed data is refused."""
    digest, count = hashlib.sha256(), 0
    try:
        with zf.open(info) as source:
            while count <= size:
                try:
                    chunk = source.read(min(CHUNK, size + 1 - count))
                except OSError as exc:  # the stick, not the destination: not to be blamed on the writer
                    raise PackageRefused(_read_error(exc), file=path.name) from exc
                if not chunk:
                    break
                count += len(chunk)
                digest.update(chunk)
                sink(chunk)
    except _BROKEN as exc:
        raise PackageRefused("package.member_broken", file=path.name, name=shown(info.filename)) from exc
    if count != size:
        raise _changed(path, info.filename, SIZE_DIFFERS)
    return digest.hexdigest()


def _read_small(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    buffer = bytearray()
    _stream(path, zf, info, info.file_size, buffer.extend)
    return bytes(buffer)


def _check_manifest(path: Path, manifest: Any) -> tuple[str, str, bytes, str, dict[str, dict[str, Any]]]:
    """(installation id, sender name, public key, created_at, members) from a manifest, or PackageRefused."""

    def refuse(code: str, **args: Any) -> PackageRefused:
        return PackageRefused(code, file=path.name, **args)

    if not isinstance(manifest, dict):
        raise refuse("package.manifest_not_object")
    if manifest.get("format") != FORMAT:
        raise refuse("package.manifest_wrong_format")
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:
        raise refuse("package.manifest_no_version")
    if version > FORMAT_VERSION:
        raise refuse("package.newer_format", version=version, supported=FORMAT_VERSION)
    sender = manifest.get("installation")
    if not isinstance(sender, dict) or not all(isinstance(sender.get(k), str) and sender.get(k)
                                               for k in ("id", "name", "public_key")):
        raise refuse("package.manifest_no_sender")
    if len(sender["id"]) > 100 or len(sender["name"]) > 200:
        raise refuse("package.manifest_sender_too_long")
    try:
        public_key = base64.b64decode(sender["public_key"], validate=True)
    except (binascii.Error, ValueError):
        public_key = b""
    if len(public_key) != signing.KEY_BYTES:
        raise refuse("package.manifest_bad_key")
    created_at = manifest.get("created_at")
    if not isinstance(created_at, str) or len(created_at) > 64:
        raise refuse("package.manifest_no_created_at")
    members = manifest.get("members")
    if not isinstance(members, dict):
        raise refuse("package.manifest_no_members")
    return sender["id"], sender["name"], public_key, created_at, members


def _follows(path: Path, manifest: dict[str, Any]) -> dict[str, str] | None:
    """The package an incremental one carries the changes since (scope.after: its sha256, file name and
    created_at), None for a full package; PackageRefused when malformed."""
    scope = manifest.get("scope")
    if scope is None:
        return None
    if not isinstance(scope, dict):
        raise PackageRefused("package.manifest_bad_scope", file=path.name)
    after = scope.get("after")
    if after is None:
        return None
    if (not isinstance(after, dict) or set(after) != {"sha256", "file", "created_at"}
            or not isinstance(after["sha256"], str) or not _SHA256.fullmatch(after["sha256"])
            or not all(isinstance(after[k], str) and len(after[k]) <= 255 for k in ("file", "created_at"))):
        raise PackageRefused("package.manifest_bad_after", file=path.name)
    return dict(after)


def _check_declared(path: Path, members: dict[str, Any]) -> None:
    for name, entry in members.items():
        reason = unsafe_name_reason(name)
        if reason or name in (MANIFEST, SIGNATURE):
            raise PackageRefused("package.manifest_unsafe_name", file=path.name, name=shown(name),
                                 reason=reason or Message("package.reason_reserved"))
        if (not isinstance(entry, dict) or type(entry.get("size")) is not int or entry["size"] < 0
                or not isinstance(entry.get("sha256"), str) or not _SHA256.fullmatch(entry["sha256"])):
            raise PackageRefused("package.manifest_bad_entry", file=path.name, name=shown(name))


@dataclass(frozen=True)
class Header:
    """What a package says of itself once its manifest's signature was verified, before any member is read:
    given to read_package's vet, which may refuse the package (an unknown sender, a member of no known kind)."""

    file: str
    installation_id: str
    sender_name: str
    public_key: bytes
    fingerprint: str
    members: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Package:
    """A package whose signature and every member were checked; members are re-checked when read."""

    path: Path
    sha256: str
    manifest: dict[str, Any]
    public_key: bytes
    fingerprint: str
    installation_id: str
    sender_name: str
    created_at: str
    members: tuple[str, ...]
    follows: dict[str, str] | None = None
    """An incremental package: the package sent before it to the same office, whose changes it does not repeat
    (sha256, file, created_at). None: a full package."""
    kept: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)
    """The JSON members' bytes as checked by read_package (hash verified in the same pass)."""

    def size_of(self, name: str) -> int:
        """The uncompressed size the manifest declares for a member."""
        return int(self._entry(name)["size"])

    def _entry(self, name: str) -> dict[str, Any]:
        entry = self.manifest["members"].get(name) if name in self.members else None
        if entry is None:
            raise PackageRefused("package.no_member", file=self.path.name, name=shown(name))
        return entry

    def _copy(self, name: str, sink: Callable[[bytes], object]) -> None:
        self._copy_many([name], lambda _name: sink)

    def _copy_many(self, names: list[str], sinks: Callable[[str], Callable[[bytes], object]]) -> None:
        entries = [(name, self._entry(name)) for name in names]
        with _reading(self.path), _opened(self.path) as (zf, _handle, _size):
            # The file may have been swapped since read_package: every check again, then the hash.
            infos = _check_entries(self.path, zf.infolist())
            for name, entry in entries:
                info = infos.get(name)
                if info is None:
                    raise PackageRefused("package.missing_member", file=self.path.name, name=shown(name))
                if info.file_size != entry["size"]:
                    raise _changed(self.path, name, SIZE_DIFFERS)
                if _stream(self.path, zf, info, entry["size"], sinks(name)) != entry["sha256"]:
                    raise _changed(self.path, name, HASH_DIFFERS)

    def read(self, name: str) -> bytes:
        """A member's bytes, read again from the file and hash-checked."""
        buffer = bytearray()
        self._copy(name, buffer.extend)
        return bytes(buffer)

    def read_json(self, name: str, *, limit: int = MAX_JSON_BYTES) -> Any:
        """A member parsed as strict JSON (no NaN/Infinity, no duplicate keys, nesting up to 64 levels)."""
        if self.size_of(name) > limit:
            raise PackageRefused("package.member_too_large_to_read", file=self.path.name, name=shown(name),
                                 size=self.size_of(name), limit=limit)
        try:
            return parse_json(self.read(name))
        except JsonRefused as exc:
            raise PackageRefused("package.member_json", file=self.path.name, name=shown(name),
                                 reason=exc.coded) from exc

    def take(self, name: str) -> bytes:
        """A member's bytes as read_package checked them (let go here: a second take reads the file again)."""
        kept = self.kept.pop(name, None)
        return kept if kept is not None else self.read(name)

    def read_json_many(self, names: list[str], *, limit: int = MAX_JSON_BYTES) -> dict[str, Any]:
        """Several members parsed as strict JSON, read in one pass over the file (as read_json each)."""
        for name in names:
            if self.size_of(name) > limit:
                raise PackageRefused("package.member_too_large_to_read", file=self.path.name, name=shown(name),
                                     size=self.size_of(name), limit=limit)
        buffers: dict[str, bytes | bytearray] = {name: self.kept[name] for name in names if name in self.kept}
        growing = {name: bytearray() for name in names if name not in buffers}
        buffers.update(growing)
        if growing:
            self._copy_many(list(growing), lambda name: growing[name].extend)
        parsed = {}
        for name, data in buffers.items():
            try:
                parsed[name] = parse_json(bytes(data))
            except JsonRefused as exc:
                raise PackageRefused("package.member_json", file=self.path.name, name=shown(name),
                                     reason=exc.coded) from exc
        return parsed

    def extract(self, name: str, dest: Path) -> None:
        """Stream a member (an evidence file) to dest, written atomically; nothing is left if its hash differs."""
        with atomic_file(Path(dest)) as out:
            self._copy(name, out.write)


def read_package(path: Path, *, vet: Callable[[Header], object] | None = None) -> Package:
    """The package at path, after every check (size, zip structure, names, manifest, signature, members).
    vet is called with the verified manifest's header before any member is read, so that what it refuses
    (raising) costs no reading; JSON members over MAX_RECORDS_BYTES together are refused unread too."""
    path = Path(path)
    with _reading(path), _opened(path) as (zf, handle, size):
        infos = _check_entries(path, zf.infolist())
        for required, code in ((MANIFEST, "package.no_manifest"), (SIGNATURE, "package.no_signature")):
            if required not in infos:
                raise PackageRefused(code, file=path.name, name=required)
        if infos[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise PackageRefused("package.manifest_too_large", file=path.name, size=infos[MANIFEST].file_size,
                                 limit=MAX_MANIFEST_BYTES)
        if infos[SIGNATURE].file_size != signing.SIGNATURE_BYTES:
            raise PackageRefused(BAD_SIGNATURE, file=path.name)
        manifest_bytes = _read_small(path, zf, infos[MANIFEST])
        try:
            manifest = parse_json(manifest_bytes)
        except JsonRefused as exc:
            raise PackageRefused("package.manifest_json", file=path.name, reason=exc.coded) from exc
        installation_id, sender_name, public_key, created_at, members = _check_manifest(path, manifest)
        if not signing.verify(public_key, _read_small(path, zf, infos[SIGNATURE]), manifest_bytes):
            raise PackageRefused(BAD_SIGNATURE, file=path.name)
        _check_declared(path, members)
        follows = _follows(path, manifest)
        expected = {MANIFEST, SIGNATURE, *members}
        missing = sorted(expected - infos.keys())
        if missing:
            raise PackageRefused("package.missing_declared", file=path.name, name=shown(missing[0]))
        extra = sorted(infos.keys() - expected)
        if extra:
            raise PackageRefused("package.undeclared", file=path.name, name=shown(extra[0]))
        records = sum(entry["size"] for name, entry in members.items() if name.endswith(".json"))
        if records > MAX_RECORDS_BYTES:
            raise PackageRefused("package.records_too_large", file=path.name, size=records, limit=MAX_RECORDS_BYTES)
        if vet is not None:
            vet(Header(path.name, installation_id, sender_name, public_key, signing.fingerprint(public_key), members))
        kept: dict[str, bytes] = {}
        for name, entry in members.items():
            info = infos[name]
            if info.file_size != entry["size"]:
                raise _changed(path, name, SIZE_DIFFERS)
            # JSON members are kept as checked here, so reading them later needs no second pass
            buffer = bytearray() if name.endswith(".json") and entry["size"] <= MAX_JSON_BYTES else None
            sink = buffer.extend if buffer is not None else (lambda _chunk: None)
            if _stream(path, zf, info, entry["size"], sink) != entry["sha256"]:
                raise _changed(path, name, HASH_DIFFERS)
            if buffer is not None:
                kept[name] = bytes(buffer)
        digest = hashlib.sha256()
        handle.seek(0)
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return Package(path=path, sha256=digest.hexdigest(), manifest=manifest, public_key=public_key,
                   fingerprint=signing.fingerprint(public_key), installation_id=installation_id,
                   sender_name=sender_name, created_at=created_at, members=tuple(sorted(members)), follows=follows,
                   kept=kept)


