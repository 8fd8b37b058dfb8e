"""Finding removable drives: /proc/mounts parsing, partition → disk names, the sysfs flag, macOS volumes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.io.removable import (
    Drive,
    disk_of,
    mount_roots,
    parse_mounts,
    removable_drives,
    sys_block_removable,
    volumes,
)

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
tmpfs /run/user/1000 tmpfs rw 0 0
/dev/sdb1 /media/can_bo/USB\\040XA\\040NAM\\040HONG vfat rw,nosuid,nodev,uid=1000 0 0
/dev/sdc1 /run/media/can_bo/KINGSTON exfat rw 0 0
/dev/sda1 /media/can_bo/Data ext4 rw 0 0
/dev/mmcblk0p1 /media/can_bo/THE_NHO vfat rw 0 0
/dev/sdd /mnt/whole_disk vfat rw 0 0
/dev/sdb1 /media/can_bo/USB\\040XA\\040NAM\\040HONG vfat rw 0 0
/dev/sde1 /home/can_bo/usb vfat rw 0 0
/dev/sdf1 /media/ vfat rw 0 0
broken line
"""
REMOVABLE = {"sdb", "sdc", "mmcblk0", "sdd", "sde", "sdf"}


@pytest.mark.parametrize(("partition", "disk"), [("sdb1", "sdb"), ("sdb", "sdb"), ("sdab12", "sdab"),
                                                  ("mmcblk0p1", "mmcblk0"), ("nvme0n1p2", "nvme0n1"),
                                                  ("nvme0n1", "nvme0n1"), ("loop3p1", "loop3"), ("dm-0", "dm-0")])
def test_a_partition_is_mapped_to_its_disk(partition: str, disk: str) -> None:
    assert disk_of(partition) == disk


def test_removable_mounts_under_the_media_folders_are_found_with_their_labels() -> None:
    asked: list[str] = []

    def removable(disk: str) -> bool:
        asked.append(disk)
        return disk in REMOVABLE

    found = parse_mounts(MOUNTS, is_removable=removable, roots=mount_roots("can_bo"))
    assert found == [
        (Path("/media/can_bo/USB XA NAM HONG"), "USB XA NAM HONG"),
        (Path("/run/media/can_bo/KINGSTON"), "KINGSTON"),
        (Path("/media/can_bo/THE_NHO"), "THE_NHO"),
        (Path("/mnt/whole_disk"), "whole_disk"),
    ]
    assert "sda" in asked and "nvme0n1" not in asked, "only mounts under the media folders are looked at"


def test_the_sysfs_flag_and_the_usb_bus_mark_a_disk_removable(tmp_path: Path) -> None:
    block = tmp_path / "block"
    devices = tmp_path / "devices" / "pci0000:00" / "0000:00:14.0" / "usb2" / "2-1" / "block" / "sdc"
    devices.mkdir(parents=True)
    (devices / "removable").write_text("0\n")
    block.mkdir()
    (block / "sdc").symlink_to(devices)
    for name, flag in (("sdb", "1\n"), ("sda", "0\n")):
        (block / name).mkdir()
        (block / name / "removable").write_text(flag)
    assert sys_block_removable("sdb", block)
    assert sys_block_removable("sdc", block), "a USB hard disk says 0 but hangs off the USB bus"
    assert not sys_block_removable("sda", block)
    assert not sys_block_removable("sdz", block)


def test_macos_volumes_leave_out_the_start_up_disk_hidden_entries_and_files(tmp_path: Path) -> None:
    (tmp_path / "KINGSTON").mkdir()
    (tmp_path / ".Trashes").mkdir()
    (tmp_path / "note.txt").write_text("x")
    (tmp_path / "Macintosh HD").symlink_to("/")
    root_device = os.stat("/").st_dev
    names = [label for _, label in volumes(tmp_path, root_device)]
    assert "Macintosh HD" not in names and ".Trashes" not in names and "note.txt" not in names
    assert [label for _, label in volumes(tmp_path, -1)] == ["KINGSTON", "Macintosh HD"]


def test_listing_the_drives_of_this_computer_never_raises() -> None:
    drives = removable_drives()
    assert isinstance(drives, list) and all(isinstance(d, Drive) and d.total_bytes >= d.free_bytes >= 0
                                            for d in drives)
