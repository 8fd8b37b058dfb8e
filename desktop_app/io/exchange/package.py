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
    MAX_TOTAL_BYTES,
    RATIO_MIN_BYTES,
    SIGNATURE,
    SUFFIX,
    JsonRefused,
    central_directory,
    count_text,
    parse_json,
    shown,
    size_text,
    unsafe_name_reason,
)
from desktop_app.io.exchange.writer import write_package

__all__ = ["FORMAT", "FORMAT_VERSION", "MANIFEST", "SIGNATURE", "SUFFIX", "Package", "PackageRefused",
           "read_package", "write_package"]


NOT_A_PACKAGE = ("không phải gói dữ liệu .cdsx, hoặc tệp bị hỏng, không đầy đủ (không đọc được cấu trúc nén). "
                 "Hãy chép lại tệp từ máy gửi.")
BAD_SIGNATURE = "chữ ký không hợp lệ: gói đã bị sửa hoặc hỏng. Không nhập gói này; hãy xin đơn vị gửi gửi lại."
# What zipfile and zlib raise on a hostile or broken archive (beyond OSError, handled apart).
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
           RuntimeError, struct.error, OverflowError, KeyError, IndexError)
_SHA256 = re.compile(r"[0-9a-f]{64}")


class PackageRefused(FileRefused):
    """A data package that is not imported: broken, changed, unsigned, hostile or from a newer program."""


def _read_error(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "không tìm thấy tệp (USB đã bị rút?)."
    if exc.errno == errno.EINVAL:  # zipfile seeking to an offset before the start: a broken directory
        return NOT_A_PACKAGE
    if isinstance(exc, PermissionError):
        return "không có quyền đọc tệp."
    return f"không đọc được tệp ({exc.strerror or exc}) (USB đã bị rút?)."


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
            raise PackageRefused("tệp rỗng (0 byte), không phải gói dữ liệu.", file=path.name)
        if size > MAX_FILE_BYTES:
            raise PackageRefused(f"tệp quá lớn ({size_text(size)}; gói dữ liệu tối đa "
                                 f"{size_text(MAX_FILE_BYTES)}).", file=path.name)
        directory = central_directory(handle, size)
        if directory is None:
            raise PackageRefused(NOT_A_PACKAGE, file=path.name)
        entries, directory_bytes = directory
        if entries > MAX_MEMBERS or directory_bytes > MAX_CENTRAL_DIRECTORY:
            raise PackageRefused(f"gói có quá nhiều tệp bên trong (khai báo {count_text(entries)}; tối đa "
                                 f"{count_text(MAX_MEMBERS)}).", file=path.name)
        handle.seek(0)
        with zipfile.ZipFile(handle) as zf:
            yield zf, handle, size


def _check_entries(path: Path, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """Every member by name, once each of the entries was checked: count, name, kind, encryption, sizes."""

    def refuse(message: str) -> PackageRefused:
        return PackageRefused(message, file=path.name)

    if len(infos) > MAX_MEMBERS:
        raise refuse(f"gói có quá nhiều tệp bên trong ({count_text(len(infos))}; tối đa {count_text(MAX_MEMBERS)}).")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if name.endswith("/") or info.external_attr & 0x10:  # 0x10: the MS-DOS directory attribute
            raise refuse(f"gói có thư mục «{shown(name)}»; gói dữ liệu chỉ được chứa tệp.")
        # zipfile cuts a name at a NUL byte and on Windows turns "\" into "/": check what the archive says too.
        for candidate in (info.orig_filename, name):
            reason = unsafe_name_reason(candidate)
            if reason:
                raise refuse(f"tên tệp «{shown(candidate)}» trong gói không an toàn ({reason}); "
                             "có thể là gói độc hại.")
        if name in by_name:
            raise refuse(f"gói có hai tệp cùng tên «{shown(name)}»; có thể là gói độc hại.")
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise refuse(f"«{shown(name)}» trong gói là liên kết (symlink) hoặc tệp đặc biệt; có thể là gói độc hại.")
        if info.flag_bits & 0x1:
            raise refuse(f"tệp «{shown(name)}» trong gói được đặt mật khẩu; gói dữ liệu không dùng mật khẩu.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(f"tệp «{shown(name)}» trong gói dùng kiểu nén không được hỗ trợ.")
        if info.file_size > MAX_MEMBER_BYTES:
            raise refuse(f"tệp «{shown(name)}» trong gói quá lớn ({size_text(info.file_size)}; tối đa "
                         f"{size_text(MAX_MEMBER_BYTES)}).")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refuse(f"tổng dung lượng giải nén của gói quá lớn (tối đa {size_text(MAX_TOTAL_BYTES)}).")
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise refuse(f"tệp «{shown(name)}» trong gói có tỉ lệ nén bất thường ({count_text(ratio)}:1); "
                         "có thể là «bom nén» (tệp độc hại).")
        by_name[name] = info
    return by_name


def _changed(path: Path, name: str, why: str) -> PackageRefused:
    return PackageRefused(f"tệp «{shown(name)}» trong gói đã bị thay đổi ({why}). Không nhập gói này; "
                          "hãy xin đơn vị gửi gửi lại.", file=path.name)


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
        raise PackageRefused(f"tệp «{shown(info.filename)}» trong gói bị hỏng (không giải nén được). "
                             "Hãy chép lại tệp từ máy gửi.", file=path.name) from exc
    if count != size:
        raise _changed(path, info.filename, "kích thước khác với khai báo")
    return digest.hexdigest()


def _read_small(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    buffer = bytearray()
    _stream(path, zf, info, info.file_size, buffer.extend)
    return bytes(buffer)


def _check_manifest(path: Path, manifest: Any) -> tuple[str, str, bytes, str, dict[str, dict[str, Any]]]:
    """(installation id, sender name, public key, created_at, members) from a manifest, or PackageRefused."""

    def refuse(message: str) -> PackageRefused:
        return PackageRefused(message, file=path.name)

    if not isinstance(manifest, dict):
        raise refuse("«manifest.json» không đúng cấu trúc (không phải một đối tượng JSON).")
    if manifest.get("format") != FORMAT:
        raise refuse("không phải gói dữ liệu của chương trình này («manifest.json» không ghi định dạng «cdsx»).")
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:
        raise refuse("«manifest.json» không ghi phiên bản định dạng hợp lệ.")
    if version > FORMAT_VERSION:
        raise refuse(f"gói được tạo bởi phiên bản chương trình mới hơn (định dạng phiên bản {version}; chương "
                     f"trình này đọc được đến phiên bản {FORMAT_VERSION}). Hãy cập nhật chương trình rồi nhập lại.")
    sender = manifest.get("installation")
    if not isinstance(sender, dict) or not all(isinstance(sender.get(k), str) and sender.get(k)
                                               for k in ("id", "name", "public_key")):
        raise refuse("«manifest.json» thiếu thông tin đơn vị gửi (installation: id, name, public_key).")
    if len(sender["id"]) > 100 or len(sender["name"]) > 200:
        raise refuse("«manifest.json» có mã hoặc tên đơn vị gửi quá dài.")
    try:
        public_key = base64.b64decode(sender["public_key"], validate=True)
    except (binascii.Error, ValueError):
        public_key = b""
    if len(public_key) != signing.KEY_BYTES:
        raise refuse("khoá công khai của đơn vị gửi trong «manifest.json» không hợp lệ.")
    created_at = manifest.get("created_at")
    if not isinstance(created_at, str) or len(created_at) > 64:
        raise refuse("«manifest.json» thiếu thời điểm tạo gói (created_at).")
    members = manifest.get("members")
    if not isinstance(members, dict):
        raise refuse("«manifest.json» thiếu danh sách tệp trong gói (members).")
    return sender["id"], sender["name"], public_key, created_at, members


def _follows(path: Path, manifest: dict[str, Any]) -> dict[str, str] | None:
    """The package an incremental one carries the changes since (scope.after: its sha256, file name and
    created_at), None for a full package; PackageRefused when malformed."""
    scope = manifest.get("scope")
    if scope is None:
        return None
    if not isinstance(scope, dict):
        raise PackageRefused("«manifest.json» có phạm vi gói (scope) không đúng cấu trúc.", file=path.name)
    after = scope.get("after")
    if after is None:
        return None
    if (not isinstance(after, dict) or set(after) != {"sha256", "file", "created_at"}
            or not isinstance(after["sha256"], str) or not _SHA256.fullmatch(after["sha256"])
            or not all(isinstance(after[k], str) and len(after[k]) <= 255 for k in ("file", "created_at"))):
        raise PackageRefused("«manifest.json» ghi gói trước (scope.after) không đúng cấu trúc.", file=path.name)
    return dict(after)


def _check_declared(path: Path, members: dict[str, Any]) -> None:
    for name, entry in members.items():
        reason = unsafe_name_reason(name)
        if reason or name in (MANIFEST, SIGNATURE):
            raise PackageRefused(f"«manifest.json» khai báo tên tệp «{shown(name)}» không an toàn "
                                 f"({reason or 'trùng tên tệp của gói'}).", file=path.name)
        if (not isinstance(entry, dict) or type(entry.get("size")) is not int or entry["size"] < 0
                or not isinstance(entry.get("sha256"), str) or not _SHA256.fullmatch(entry["sha256"])):
            raise PackageRefused(f"«manifest.json» khai báo tệp «{shown(name)}» không đúng cấu trúc "
                                 "(size, sha256).", file=path.name)


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
            raise PackageRefused(f"gói không có tệp «{shown(name)}».", file=self.path.name)
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
                    raise PackageRefused(f"thiếu tệp «{shown(name)}» trong gói.", file=self.path.name)
                if info.file_size != entry["size"]:
                    raise _changed(self.path, name, "kích thước khác với khai báo")
                if _stream(self.path, zf, info, entry["size"], sinks(name)) != entry["sha256"]:
                    raise _changed(self.path, name, "mã SHA-256 không khớp")

    def read(self, name: str) -> bytes:
        """A member's bytes, read again from the file and hash-checked."""
        buffer = bytearray()
        self._copy(name, buffer.extend)
        return bytes(buffer)

    def read_json(self, name: str, *, limit: int = MAX_JSON_BYTES) -> Any:
        """A member parsed as strict JSON (no NaN/Infinity, no duplicate keys, nesting up to 64 levels)."""
        if self.size_of(name) > limit:
            raise PackageRefused(f"tệp «{shown(name)}» trong gói quá lớn để đọc ({size_text(self.size_of(name))}; "
                                 f"tối đa {size_text(limit)}).", file=self.path.name)
        try:
            return parse_json(self.read(name))
        except JsonRefused as exc:
            raise PackageRefused(f"tệp «{shown(name)}» trong gói {exc}.", file=self.path.name) from exc

    def read_json_many(self, names: list[str], *, limit: int = MAX_JSON_BYTES) -> dict[str, Any]:
        """Several members parsed as strict JSON, read in one pass over the file (as read_json each)."""
        for name in names:
            if self.size_of(name) > limit:
                raise PackageRefused(f"tệp «{shown(name)}» trong gói quá lớn để đọc "
                                     f"({size_text(self.size_of(name))}; tối đa {size_text(limit)}).",
                                     file=self.path.name)
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
                raise PackageRefused(f"tệp «{shown(name)}» trong gói {exc}.", file=self.path.name) from exc
        return parsed

    def extract(self, name: str, dest: Path) -> None:
        """Stream a member (an evidence file) to dest, written atomically; nothing is left if its hash differs."""
        with atomic_file(Path(dest)) as out:
            self._copy(name, out.write)


def read_package(path: Path) -> Package:
    """The package at path, after every check (size, zip structure, names, manifest, signature, members)."""
    path = Path(path)
    with _reading(path), _opened(path) as (zf, handle, size):
        infos = _check_entries(path, zf.infolist())
        for required, what in ((MANIFEST, "không phải gói dữ liệu của chương trình này"),
                               (SIGNATURE, "gói chưa được ký nên không thể nhập")):
            if required not in infos:
                raise PackageRefused(f"thiếu «{required}»: {what}.", file=path.name)
        if infos[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise PackageRefused(f"«manifest.json» quá lớn ({size_text(infos[MANIFEST].file_size)}; tối đa "
                                 f"{size_text(MAX_MANIFEST_BYTES)}).", file=path.name)
        if infos[SIGNATURE].file_size != signing.SIGNATURE_BYTES:
            raise PackageRefused(BAD_SIGNATURE, file=path.name)
        manifest_bytes = _read_small(path, zf, infos[MANIFEST])
        try:
            manifest = parse_json(manifest_bytes)
        except JsonRefused as exc:
            raise PackageRefused(f"«manifest.json» {exc}.", file=path.name) from exc
        installation_id, sender_name, public_key, created_at, members = _check_manifest(path, manifest)
        if not signing.verify(public_key, _read_small(path, zf, infos[SIGNATURE]), manifest_bytes):
            raise PackageRefused(BAD_SIGNATURE, file=path.name)
        _check_declared(path, members)
        follows = _follows(path, manifest)
        expected = {MANIFEST, SIGNATURE, *members}
        missing = sorted(expected - infos.keys())
        if missing:
            raise PackageRefused(f"thiếu tệp «{shown(missing[0])}» trong gói (đã khai báo trong manifest.json).",
                                 file=path.name)
        extra = sorted(infos.keys() - expected)
        if extra:
            raise PackageRefused(f"gói có tệp lạ «{shown(extra[0])}» không được khai báo trong manifest.json.",
                                 file=path.name)
        kept: dict[str, bytes] = {}
        for name, entry in members.items():
            info = infos[name]
            if info.file_size != entry["size"]:
                raise _changed(path, name, "kích thước khác với khai báo")
            # JSON members are kept as checked here, so reading them later needs no second pass
            buffer = bytearray() if name.endswith(".json") and entry["size"] <= MAX_JSON_BYTES else None
            sink = buffer.extend if buffer is not None else (lambda _chunk: None)
            if _stream(path, zf, info, entry["size"], sink) != entry["sha256"]:
                raise _changed(path, name, "mã SHA-256 không khớp")
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


