"""Data packages (.cdsx): a round trip, and every refusal with a crafted package (signature, changed bytes,
missing/extra/unsafe members, lying sizes, zip bombs, broken files), and writes that fail leaving nothing."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import resource
import signal
import struct
import sys
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest

from desktop_app.errors import FileRefused, WriteFailed
from desktop_app.io.atomic import TEMP_PREFIX
from desktop_app.io.exchange import signing
from desktop_app.io.exchange.package import (
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    SUFFIX,
    Package,
    PackageRefused,
    read_package,
    write_package,
)

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
SENDER = {"id": "6f1c2a9e-0000-4000-8000-000000000001", "name": "UBND xã Nam Hồng"}
ITEMS = json.dumps([{"uuid": "a", "tên": "Tỷ lệ hồ sơ trực tuyến"}], ensure_ascii=False).encode("utf-8")


def base_manifest() -> dict:
    return {"program_version": "1.4.0", "installation": dict(SENDER), "commune": "Nam Hồng",
            "created_at": "2026-05-04T09:30:00", "counts": {"items": 1}}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_bytes(members: dict[str, bytes], key: bytes = KEY, /, **changes: object) -> bytes:
    """A manifest as write_package makes it, for the given members (changes override its fields)."""
    manifest = {**base_manifest(), "format": "cdsx", "format_version": FORMAT_VERSION,
                "members": {n: {"size": len(c), "sha256": sha(c)} for n, c in members.items()}}
    manifest["installation"]["public_key"] = base64.b64encode(signing.public_key_of(key)).decode()
    manifest.update(changes)
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")


def zip_bytes(entries: list[tuple[str | zipfile.ZipInfo, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of the entries in order (duplicate names allowed)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", compression) as zf:
        warnings.simplefilter("ignore")
        for name, content in entries:
            if isinstance(name, str):  # a ZipInfo, so that zipfile takes any name, even an empty one
                name = zipfile.ZipInfo(name, date_time=(2026, 5, 4, 9, 30, 0))
                name.compress_type = compression
            zf.writestr(name, content)
    return buffer.getvalue()


def craft(members: dict[str, bytes], *, key: bytes = KEY, manifest: bytes | None = None,
          signature: bytes | None = None, extra: list[tuple[str | zipfile.ZipInfo, bytes]] | None = None,
          compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A package's bytes: the manifest (signed with key unless a signature is given), then the members."""
    data = manifest if manifest is not None else manifest_bytes(members, key)
    sig = signature if signature is not None else signing.sign(key, data)
    return zip_bytes([(MANIFEST, data), (SIGNATURE, sig), *members.items(), *(extra or [])], compression)


def patch_central(data: bytes, name: str, **fields: int) -> bytes:
    """data with fields (crc, compress_size, file_size) of name's central directory entry overwritten."""
    offsets = {"crc": 16, "compress_size": 20, "file_size": 24}
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack("<H", out[at + 28:at + 30])[0]
        if out[at + 46:at + 46 + name_len] == name.encode():
            for field, value in fields.items():
                out[at + offsets[field]:at + offsets[field] + 4] = struct.pack("<L", value)
            return bytes(out)
        at = out.find(b"PK\x01\x02", at + 4)
    raise AssertionError(f"{name} not in the central directory")


def refused(tmp_path: Path, data: bytes, *words: str) -> PackageRefused:
    path = tmp_path / f"goi{SUFFIX}"
    path.write_bytes(data)
    with pytest.raises(PackageRefused) as caught:
        read_package(path)
    message = caught.value.full_message()
    for word in words:
        assert word in message, message
    assert caught.value.file == path.name
    return caught.value


# --------------------------------------------------------------------------- round trip


def test_a_written_package_reads_back_with_its_sender_members_and_hash(tmp_path: Path) -> None:
    evidence = tmp_path / "biên bản.pdf"
    evidence.write_bytes(os.urandom(300_000))
    target = tmp_path / f"goi{SUFFIX}"
    manifest = base_manifest()
    written = write_package(target, manifest=manifest,
                            members={"records/items.json": ITEMS, "evidence/ab12.pdf": evidence},
                            private_key=KEY)
    assert manifest == base_manifest(), "the caller's manifest is not changed"
    assert written == sha(target.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["biên bản.pdf", target.name]
    package = read_package(target)
    assert isinstance(package, Package) and package.sha256 == written
    assert package.sender_name == "UBND xã Nam Hồng" and package.installation_id == SENDER["id"]
    assert package.public_key == signing.public_key_of(KEY)
    assert package.fingerprint == signing.fingerprint(package.public_key)
    assert package.created_at == "2026-05-04T09:30:00"
    assert package.members == ("evidence/ab12.pdf", "records/items.json")
    assert package.manifest["format"] == "cdsx" and package.manifest["format_version"] == FORMAT_VERSION
    assert package.manifest["members"]["records/items.json"] == {"size": len(ITEMS), "sha256": sha(ITEMS)}
    assert package.manifest["counts"] == {"items": 1}
    assert package.read("records/items.json") == ITEMS
    assert package.read_json("records/items.json")[0]["tên"] == "Tỷ lệ hồ sơ trực tuyến"
    package.extract("evidence/ab12.pdf", tmp_path / "copy.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == evidence.read_bytes()
    with zipfile.ZipFile(target) as zf:
        assert zf.namelist()[:2] == [MANIFEST, SIGNATURE]
        raw = zf.read(MANIFEST)
        assert "Nam Hồng".encode() in raw, "UTF-8, not \\u escapes"
        assert signing.verify(package.public_key, zf.read(SIGNATURE), raw)
    with pytest.raises(PackageRefused, match="không có tệp"):
        package.read("records/other.json")


def test_a_very_redundant_evidence_file_is_stored_so_the_reader_does_not_take_it_for_a_bomb(tmp_path: Path) -> None:
    blank_scan = tmp_path / "trang_trang.bmp"
    blank_scan.write_bytes(b"\xff" * 3_000_000)
    target = tmp_path / "goi.cdsx"
    write_package(target, manifest=base_manifest(), members={"evidence/blank.bmp": blank_scan,
                                                              "records/zeros.json": b"0" * 2_000_000},
                  private_key=KEY)
    assert read_package(target).read("evidence/blank.bmp") == blank_scan.read_bytes()


@pytest.mark.parametrize("name", ["../evil", "/abs", "C:/x", "a\\b", "a//b", "", "x/./y", "a\x00b", MANIFEST])
def test_the_writer_refuses_an_unsafe_member_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        write_package(tmp_path / "goi.cdsx", manifest=base_manifest(), members={name: b"x"}, private_key=KEY)
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- refusals


def test_a_valid_crafted_package_is_accepted(tmp_path: Path) -> None:
    """The crafting helpers make a package the reader accepts, so each refusal below is for its one fault."""
    path = tmp_path / "goi.cdsx"
    path.write_bytes(craft({"records/items.json": ITEMS}))
    assert read_package(path).read("records/items.json") == ITEMS


def test_a_signature_by_another_key_is_refused(tmp_path: Path) -> None:
    data = manifest_bytes({"records/items.json": ITEMS})
    refused(tmp_path, craft({"records/items.json": ITEMS}, manifest=data, signature=signing.sign(OTHER_KEY, data)),
            "chữ ký không hợp lệ")
    refused(tmp_path, craft({"records/items.json": ITEMS}, signature=b"\x00" * 64), "chữ ký không hợp lệ")
    refused(tmp_path, craft({"records/items.json": ITEMS}, signature=b"short"), "chữ ký không hợp lệ")


def test_one_changed_byte_in_a_member_is_refused(tmp_path: Path) -> None:
    data = manifest_bytes({"records/items.json": ITEMS})
    changed = bytearray(ITEMS)
    changed[5] ^= 0x01
    refused(tmp_path, craft({"records/items.json": bytes(changed)}, manifest=data),
            "«records/items.json» trong gói đã bị thay đổi", "SHA-256")


def test_a_changed_manifest_is_refused(tmp_path: Path) -> None:
    original = manifest_bytes({"records/items.json": ITEMS})
    signature = signing.sign(KEY, original)
    changed = original.replace(b'"items": 1', b'"items": 9')
    assert changed != original
    refused(tmp_path, craft({"records/items.json": ITEMS}, manifest=changed, signature=signature),
            "chữ ký không hợp lệ")


def test_a_missing_or_an_extra_member_is_named(tmp_path: Path) -> None:
    data = manifest_bytes({"records/items.json": ITEMS, "records/units.json": b"[]"})
    refused(tmp_path, craft({"records/items.json": ITEMS}, manifest=data), "thiếu tệp «records/units.json»")
    refused(tmp_path, craft({"records/items.json": ITEMS}, extra=[("records/them.json", b"[]")]),
            "tệp lạ «records/them.json»")
    refused(tmp_path, zip_bytes([(MANIFEST, manifest_bytes({}))]), "thiếu «manifest.sig»")
    refused(tmp_path, zip_bytes([("records/items.json", ITEMS)]), "thiếu «manifest.json»")


@pytest.mark.parametrize(("name", "why"), [
    ("../evil", "«..»"), ("records/../../evil", "«..»"), ("/abs", "tuyệt đối"), ("C:/x", "ổ đĩa"),
    ("C:x", "ổ đĩa"), ("a\\b", "«\\»"), ("..\\evil", "«\\»"), ("a//b", "rỗng"), ("./a", "rỗng"),
    ("a\x00b", "điều khiển"), ("a\nb", "điều khiển"), ("a\u202eb", "điều khiển"), ("x" * 300, "dài"),
])
def test_a_path_that_could_escape_the_folder_is_refused(tmp_path: Path, name: str, why: str) -> None:
    # zipfile cannot write a NUL in a name (it cuts the name there): written with a stand-in, then patched.
    data = craft({"records/items.json": ITEMS}, extra=[(name.replace("\x00", "\x01"), b"x")])
    if "\x00" in name:
        data = data.replace(name.replace("\x00", "\x01").encode(), name.encode())
    refused(tmp_path, data, "không an toàn", why)


def test_a_manifest_naming_an_unsafe_path_is_refused(tmp_path: Path) -> None:
    data = manifest_bytes({"../evil": b"x"})
    refused(tmp_path, craft({}, manifest=data), "«../evil» không an toàn")


def test_directories_symlinks_and_duplicates_are_refused(tmp_path: Path) -> None:
    refused(tmp_path, craft({"records/items.json": ITEMS}, extra=[("records/", b"")]), "thư mục «records/»")
    link = zipfile.ZipInfo("records/link.json")
    link.external_attr = (0o120777 << 16)
    refused(tmp_path, craft({"records/items.json": ITEMS}, extra=[(link, b"/etc/passwd")]), "symlink")
    refused(tmp_path, craft({"records/items.json": ITEMS}, extra=[("records/items.json", ITEMS)]),
            "hai tệp cùng tên «records/items.json»")


def test_a_member_larger_than_declared_is_refused(tmp_path: Path) -> None:
    twenty = b"0123456789" * 2
    lying = {"records/items.json": {"size": 10, "sha256": sha(twenty)}}
    refused(tmp_path, craft({"records/items.json": twenty}, manifest=manifest_bytes({}, members=lying)),
            "«records/items.json» trong gói đã bị thay đổi", "kích thước")


def test_a_zip_header_that_lies_about_sizes_is_refused(tmp_path: Path) -> None:
    twenty = b"0123456789" * 2
    valid = craft({"records/items.json": twenty}, compression=zipfile.ZIP_STORED)
    # The directory says 10 bytes while the manifest (signed) says 20.
    refused(tmp_path, patch_central(valid, "records/items.json", file_size=10), "kích thước")
    # The directory says 10 bytes and the manifest agrees, but the CRC is of all 20: broken, not read on.
    lie = manifest_bytes({}, members={"records/items.json": {"size": 10, "sha256": sha(twenty[:10])}})
    refused(tmp_path, patch_central(craft({"records/items.json": twenty}, manifest=lie), "records/items.json",
                                    file_size=10), "bị hỏng")
    # The directory claims 3 GB uncompressed: refused before anything is decompressed.
    refused(tmp_path, patch_central(valid, "records/items.json", file_size=3 << 30), "quá lớn")
    # A member shorter than it claims (data cut off inside the file).
    refused(tmp_path, patch_central(valid, "records/items.json", compress_size=400, file_size=400), "kích thước")


def test_a_huge_compression_ratio_is_refused_as_a_zip_bomb(tmp_path: Path) -> None:
    zeros = b"\x00" * (4 << 20)
    assert len(zlib.compress(zeros)) * 200 < len(zeros)
    refused(tmp_path, craft({"records/items.json": zeros}), "bom nén")


def test_broken_empty_truncated_and_non_zip_files_are_refused(tmp_path: Path) -> None:
    refused(tmp_path, b"", "rỗng")
    refused(tmp_path, "Không phải gói\n".encode(), "không phải gói dữ liệu")
    refused(tmp_path, b"PK\x05\x06" + b"\x00" * 18, "không phải gói dữ liệu")  # an empty zip
    valid = craft({"records/items.json": ITEMS * 50})
    refused(tmp_path, valid[:-30], "không phải gói dữ liệu")
    refused(tmp_path, valid[: len(valid) // 2], "không phải gói dữ liệu")
    middle = bytearray(valid)
    middle[200:260] = b"\x00" * 60  # the middle of the manifest's compressed data
    refused(tmp_path, bytes(middle))
    (tmp_path / "thu_muc.cdsx").mkdir()
    with pytest.raises(PackageRefused, match="không đọc được tệp|không có quyền đọc"):  # Windows: no access
        read_package(tmp_path / "thu_muc.cdsx")
    with pytest.raises(PackageRefused, match="USB đã bị rút"):
        read_package(tmp_path / "da_rut.cdsx")
    assert issubclass(PackageRefused, FileRefused)


def test_a_newer_format_version_asks_to_update_the_program(tmp_path: Path) -> None:
    data = manifest_bytes({}, format_version=FORMAT_VERSION + 1, members={})
    refused(tmp_path, craft({}, manifest=data), "phiên bản chương trình mới hơn")
    refused(tmp_path, craft({}, manifest=manifest_bytes({}, format="apkg")), "không phải gói dữ liệu")
    refused(tmp_path, craft({}, manifest=manifest_bytes({}, format_version="1")), "phiên bản định dạng")


@pytest.mark.parametrize("text", [b"not json", b"[1, 2]", b'{"format": NaN}', b"\xff\xfe{}", b"[" * 5000,
                                  b'{"a": 1, "a": 2}', b'{"format": 1e999}'])
def test_a_manifest_that_is_not_plain_json_is_refused(tmp_path: Path, text: bytes) -> None:
    refused(tmp_path, craft({}, manifest=text), "manifest.json")


def test_a_manifest_without_a_sender_or_with_a_bad_key_is_refused(tmp_path: Path) -> None:
    refused(tmp_path, craft({}, manifest=manifest_bytes({}, installation={"id": "x"})), "đơn vị gửi")
    bad_key = {**SENDER, "public_key": base64.b64encode(b"short").decode()}
    refused(tmp_path, craft({}, manifest=manifest_bytes({}, installation=bad_key)), "khoá công khai")
    refused(tmp_path, craft({}, manifest=manifest_bytes({}, members={"a": {"size": -1, "sha256": "x"}})),
            "không đúng cấu trúc")


def test_the_package_an_incremental_one_follows_is_read_and_a_malformed_one_refused(tmp_path: Path) -> None:
    path = tmp_path / f"goi{SUFFIX}"
    after = {"sha256": "ab" * 32, "file": "lan1.cdsx", "created_at": "2026-05-01T08:00:00"}
    path.write_bytes(craft({}, manifest=manifest_bytes({}, scope={"since": "2026-05-01T08:00:00", "after": after})))
    assert read_package(path).follows == after
    path.write_bytes(craft({}))  # no scope: a full package (as every package before this field)
    assert read_package(path).follows is None
    for bad in ({"sha256": "xyz", "file": "a", "created_at": "b"}, {"sha256": "ab" * 32}, "ab" * 32,
                {"sha256": "ab" * 32, "file": "a" * 300, "created_at": "b"}):
        refused(tmp_path, craft({}, manifest=manifest_bytes({}, scope={"after": bad})), "gói trước")
    refused(tmp_path, craft({}, manifest=manifest_bytes({}, scope=[1])), "scope")


def test_too_many_members_and_a_huge_manifest_are_refused(tmp_path: Path) -> None:
    many = [(f"e/{i}", b"") for i in range(20_001)]
    refused(tmp_path, craft({}, extra=many), "quá nhiều tệp")
    big = manifest_bytes({}, padding=base64.b64encode(os.urandom(5 << 20)).decode())
    refused(tmp_path, craft({}, manifest=big), "«manifest.json» quá lớn")


def test_encrypted_and_unusual_compression_are_refused(tmp_path: Path) -> None:
    valid = craft({"records/items.json": ITEMS})
    flags = bytearray(valid)
    at = flags.find(b"PK\x01\x02")
    flags[at + 8] |= 0x01  # the encryption bit, in the central directory
    refused(tmp_path, bytes(flags), "mật khẩu")
    refused(tmp_path, craft({"records/items.json": ITEMS}, compression=zipfile.ZIP_BZIP2), "kiểu nén")


def test_read_json_refuses_nan_deep_nesting_and_broken_text(tmp_path: Path) -> None:
    members = {"ok.json": b'{"a": [1, 2.5, "x"]}', "nan.json": b"[NaN]", "deep.json": b"[" * 65 + b"]" * 65,
               "very_deep.json": b"[" * 100_000 + b"]" * 100_000, "latin.json": '["Hà"]'.encode("cp1258"),
               "dup.json": b'{"a": 1, "a": 2}', "bigint.json": b"9" * 5000, "inf.json": b"[-Infinity]",
               "many.json": b"[" + b"[]," * 500_000 + b"[]]"}
    path = tmp_path / "goi.cdsx"
    path.write_bytes(craft(members, compression=zipfile.ZIP_STORED))  # deflated, [[],[]…] is a zip bomb
    package = read_package(path)
    assert package.read_json("ok.json") == {"a": [1, 2.5, "x"]}
    for name in members.keys() - {"ok.json"}:
        with pytest.raises(PackageRefused, match=name.replace(".", r"\.")):
            package.read_json(name)
    with pytest.raises(PackageRefused, match="quá lớn"):
        package.read_json("ok.json", limit=5)


def test_a_member_changed_after_the_check_is_refused_when_read_or_extracted(tmp_path: Path) -> None:
    path = tmp_path / "goi.cdsx"
    path.write_bytes(craft({"records/items.json": ITEMS, "evidence/a.pdf": b"%PDF-1.4 original"}))
    package = read_package(path)
    swapped = craft({"records/items.json": ITEMS, "evidence/a.pdf": b"%PDF-1.4 swapped!"},
                    manifest=manifest_bytes({"records/items.json": ITEMS, "evidence/a.pdf": b"%PDF-1.4 original"}))
    path.write_bytes(swapped)
    with pytest.raises(PackageRefused, match="đã bị thay đổi"):
        package.read("evidence/a.pdf")
    (tmp_path / "out").mkdir()
    with pytest.raises(PackageRefused, match="đã bị thay đổi"):
        package.extract("evidence/a.pdf", tmp_path / "out" / "a.pdf")
    assert list((tmp_path / "out").iterdir()) == [], "no half-written evidence file"
    path.unlink()
    with pytest.raises(PackageRefused, match="USB đã bị rút"):
        package.read("records/items.json")


# --------------------------------------------------------------------------- writes that fail


def test_a_folder_gone_missing_gives_write_failed_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(WriteFailed, match="USB"):
        write_package(tmp_path / "rut_ra" / "goi.cdsx", manifest=base_manifest(),
                      members={"records/items.json": ITEMS}, private_key=KEY)
    with pytest.raises(WriteFailed, match="không đọc được tệp minh chứng «mat.pdf»"):
        write_package(tmp_path / "goi.cdsx", manifest=base_manifest(),
                      members={"evidence/x.pdf": tmp_path / "mat.pdf"}, private_key=KEY)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_gives_write_failed_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "chi_doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteFailed, match="không có quyền ghi"):
            write_package(folder / "goi.cdsx", manifest=base_manifest(), members={}, private_key=KEY)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_stick_gives_write_failed_and_leaves_no_half_file(tmp_path: Path) -> None:
    """The file-size limit makes writes past 64 kB fail as on a full stick (EFBIG instead of ENOSPC)."""
    evidence = tmp_path / "anh.jpg"
    evidence.write_bytes(os.urandom(400_000))
    target = tmp_path / "usb"
    target.mkdir()
    (target / "goi.cdsx").write_bytes(b"the previous package")
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    old_limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, old_limit[1]))
    try:
        with pytest.raises(WriteFailed, match="không ghi được tệp"):
            write_package(target / "goi.cdsx", manifest=base_manifest(), members={"evidence/a.jpg": evidence},
                          private_key=KEY)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old_limit)
        signal.signal(signal.SIGXFSZ, old_handler)
    assert [p.name for p in target.iterdir()] == ["goi.cdsx"]
    assert (target / "goi.cdsx").read_bytes() == b"the previous package"
    assert not any(p.name.startswith(TEMP_PREFIX) for p in target.iterdir())
