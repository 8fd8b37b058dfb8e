"""The removable drives (USB sticks, memory cards) mounted now, offered as destinations for data packages."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DRIVE_REMOVABLE = 2
SEM_FAILCRITICALERRORS = 0x0001
_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")
# sdb1 → sdb, mmcblk0p1 → mmcblk0, nvme0n1p2 → nvme0n1: the disk a partition belongs to.
_PARTITION = re.compile(r"^((?:mmcblk|nvme\d+n|loop)\d+)p\d+$|^([a-z]+)\d+$")


@dataclass(frozen=True)
class Drive:
    """A mounted removable drive: where it is, its name and its space in bytes."""

    path: Path
    label: str
    free_bytes: int
    total_bytes: int


def _unescape(field: str) -> str:
    r"""A /proc/mounts field with its octal escapes (\040 for a space) decoded."""
    return _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def disk_of(partition: str) -> str:
    """The disk's kernel name for a partition's (sdb1 → sdb); a whole disk's name unchanged."""
    match = _PARTITION.match(partition)
    if not match:
        return partition
    return match.group(1) or match.group(2)


def mount_roots(user: str) -> tuple[str, ...]:
    """The folders under which desktops mount removable media, most specific first."""
    return (f"/media/{user}/", f"/run/media/{user}/", "/media/", "/mnt/")


def parse_mounts(text: str, *, is_removable: Callable[[str], bool], roots: tuple[str, ...]) -> list[tuple[Path, str]]:
    """(mount point, label) of each /proc/mounts line whose /dev device is removable (asked with the disk's
    kernel name, e.g. "sdb") and whose mount point lies under one of roots; the label is the folder's name."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3 or not fields[0].startswith("/dev/"):
            continue
        device, mount_point = _unescape(fields[0]), _unescape(fields[1])
        if not any(mount_point.startswith(root) and len(mount_point) > len(root) for root in roots):
            continue
        if mount_point in found or not is_removable(disk_of(Path(device).name)):
            continue
        found[mount_point] = Path(mount_point).name
    return [(Path(point), label) for point, label in found.items()]


def sys_block_removable(disk: str, sys_block: Path = Path("/sys/block")) -> bool:
    """Whether the kernel marks the disk removable, or it hangs off a USB bus (USB hard disks say 0)."""
    try:
        if (sys_block / disk / "removable").read_text(encoding="ascii").strip() == "1":
            return True
        return "/usb" in str((sys_block / disk).resolve())
    except OSError:
        return False


def _with_space(places: list[tuple[Path, str]]) -> list[Drive]:
    drives = []
    for path, label in places:
        try:
            usage = shutil.disk_usage(path)
        except OSError:
            continue  # a card reader without a card, a stick pulled out meanwhile
        drives.append(Drive(path, label, usage.free, usage.total))
    return drives


def _linux() -> list[Drive]:
    text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        user = ""
    roots = mount_roots(user) if user else ("/media/", "/mnt/")
    return _with_space(parse_mounts(text, is_removable=sys_block_removable, roots=roots))


def volumes(folder: Path, root_device: int) -> list[tuple[Path, str]]:
    """macOS: the volumes in /Volumes other than the start-up disk (a link to /, on the root's device)."""
    places = []
    for entry in sorted(folder.iterdir()):
        try:
            if entry.name.startswith(".") or not entry.is_dir() or os.stat(entry).st_dev == root_device:
                continue
        except OSError:
            continue
        places.append((entry, entry.name))
    return places


def _macos() -> list[Drive]:
    return _with_space(volumes(Path("/Volumes"), os.stat("/").st_dev))


def _windows() -> list[Drive]:
    if sys.platform != "win32":  # never the case (called on Windows only); lets the type checker know windll
        return []
    import ctypes

    kernel32 = ctypes.windll.kernel32
    old_mode = kernel32.SetErrorMode(SEM_FAILCRITICALERRORS)  # no "insert a disk" box for an empty card reader
    try:
        mask = kernel32.GetLogicalDrives()
        places = []
        for index in range(26):
            if not mask & (1 << index):
                continue
            root = f"{chr(ord('A') + index)}:\\"
            if kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) != DRIVE_REMOVABLE:
                continue
            name = ctypes.create_unicode_buffer(261)
            if not kernel32.GetVolumeInformationW(ctypes.c_wchar_p(root), name, 261, None, None, None, None, 0):
                continue  # no medium in the drive
            places.append((Path(root), name.value or f"USB ({root[:2]})"))
    finally:
        kernel32.SetErrorMode(old_mode)
    return _with_space(places)


def removable_drives() -> list[Drive]:
    """The removable drives mounted now; [] when there are none or they cannot be listed (never raises)."""
    try:
        if sys.platform == "win32":
            return _windows()
        if sys.platform == "darwin":
            return _macos()
        if sys.platform.startswith("linux"):
            return _linux()
    except Exception:  # a listing of conveniences: any failure simply offers no drive
        return []
    return []
