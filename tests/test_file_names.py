"""File names from user text are valid on Windows."""

from __future__ import annotations

import unicodedata

import pytest

from desktop_app.domain.file_names import MAX_LENGTH, safe_file_name


@pytest.mark.parametrize(("text", "expected"), [
    ("Báo cáo Quý III/2026 - xã Nam Hồng", "Báo cáo Quý III-2026 - xã Nam Hồng.pdf"),
    ('a<b>c:d"e|f?g*h', "abcdefgh.pdf"),
    ("CON", "bao_cao_CON.pdf"),
    ("com1.txt", "bao_cao_com1.txt.pdf"),
    ("tên. . ", "tên.pdf"),
    ("", "bao_cao.pdf"),
    ("\x00\x1f", "bao_cao.pdf"),
])
def test_safe_names(text: str, expected: str) -> None:
    assert safe_file_name(text, ".pdf") == expected


def test_long_names_are_cut_and_nfc() -> None:
    name = safe_file_name(unicodedata.normalize("NFD", "Hồng " * 100), ".xlsx")
    assert len(name) <= MAX_LENGTH and name.endswith(".xlsx") and unicodedata.is_normalized("NFC", name)
