"""Table-driven tests for desktop_app.domain.text (Vietnamese text helpers)."""

from __future__ import annotations

import unicodedata

import pytest

from desktop_app.domain.text import (
    canonical_spelling,
    clean,
    fold_tone_placement,
    is_new_style,
    search_key,
    sort_key,
    split_units,
    unit_key,
)


def nfd(s: str) -> str:
    """Return the decomposed (NFD) form of s, as pasted from some macOS/web sources."""
    return unicodedata.normalize("NFD", s)


def nfc(s: str) -> str:
    """Return the composed (NFC) form of s."""
    return unicodedata.normalize("NFC", s)


# --- clean -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("   ", ""),
        ("Công an xã", "Công an xã"),
        ("  Công  an\txã \n", "Công an xã"),
        ("Công\u00a0an\u2003xã", "Công an xã"),
        ("Công\r\nan\u2028xã", "Công an xã"),
        ("\ufeffCông an\u200b xã\u200b", "Công an xã"),
        ("Văn\u200bphòng", "Vănphòng"),
        (nfd("Phòng Văn hoá"), "Phòng Văn hoá"),
    ],
)
def test_clean(raw: str | None, expected: str) -> None:
    result = clean(raw)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


# --- fold_tone_placement / is_new_style --------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("hoá", "hóa"),
        ("hoà", "hòa"),
        ("hoả", "hỏa"),
        ("hoã", "hõa"),
        ("hoạ", "họa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("tuỳ", "tùy"),
        ("uỷ ban", "ủy ban"),
        ("Văn hoá - Xã hội", "Văn hóa - Xã hội"),
        ("HOÁ", "HÓA"),
        ("Hoà", "Hòa"),
        ("THUỶ", "THỦY"),
        ("hoá, hoà.", "hóa, hòa."),
        # Closed syllables: the tone sits on the second vowel in both styles.
        ("hoán", "hoán"),
        ("toàn", "toàn"),
        ("khoẻo", "khoẻo"),
        ("khuỷu", "khuỷu"),
        ("hoạch", "hoạch"),
        # After q the u belongs to the consonant.
        ("quý", "quý"),
        ("quỳ", "quỳ"),
        ("Quỹ", "Quỹ"),
        # Already new style or untoned: unchanged.
        ("hóa", "hóa"),
        ("thủy", "thủy"),
        ("hoa", "hoa"),
        ("", ""),
        (nfd("hoá"), "hóa"),
        (nfd("Phòng Văn hoá"), "Phòng Văn hóa"),
        (nfd("quý"), "quý"),
    ],
)
def test_fold_tone_placement(raw: str, expected: str) -> None:
    result = fold_tone_placement(raw)
    assert result == nfc(expected)
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Phòng Văn hóa", True),
        ("Phòng Văn hoá", False),
        ("thuỷ lợi", False),
        ("thủy lợi", True),
        ("toàn xã", True),
        ("quý", True),
        (nfd("Phòng Văn hóa"), True),
        (nfd("Phòng Văn hoá"), False),
    ],
)
def test_is_new_style(raw: str, expected: bool) -> None:
    assert is_new_style(raw) is expected


# --- unit_key ----------------------------------------------------------------

SAME_UNIT_GROUPS: list[list[str]] = [
    [
        "Phòng Văn hoá – Xã hội",
        "Phòng Văn hóa-Xã hội",
        "Phòng Văn hóa - Xã hội",
        "Phòng Văn hoá -Xã hội",
        "Phòng Văn hoá- Xã hội",
        "Phòng Văn hóa — Xã hội",
        "Phòng Văn hóa \u2011 Xã hội",
        "phòng văn hoá  -  xã hội;",
        nfd("Phòng Văn hoá – Xã hội"),
        nfd("Phòng Văn hóa - Xã hội"),
    ],
    [
        "Văn phòng HĐND&UBND xã",
        "Văn phòng HĐND & UBND xã",
        "Văn phòng HĐND &UBND xã",
        "Văn phòng HĐND& UBND xã",
        "văn phòng hđnd & ubnd xã.",
    ],
    ["Công an xã;", "Công an xã", " Công an\u00a0xã ", "Công an xã.", "Công an xã,", "CÔNG AN XÃ"],
    ["Phòng kinh tế", "Phòng Kinh tế", "Phòng\tKinh  tế"],
    ["Ủy ban nhân dân xã", "Uỷ ban nhân dân xã", nfd("Uỷ ban nhân dân xã")],
]


@pytest.mark.parametrize("group", SAME_UNIT_GROUPS, ids=lambda g: g[0])
def test_unit_key_equal_within_group(group: list[str]) -> None:
    keys = {unit_key(name) for name in group}
    assert len(keys) == 1, keys


def test_unit_key_distinct_between_groups() -> None:
    keys = [unit_key(group[0]) for group in SAME_UNIT_GROUPS]
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Phòng Văn hóa", "Phòng Văn hòa"),
        ("Văn phòng HĐND- UBND xã", "Văn phòng HĐND & UBND xã"),
        ("Công an xã", "Công an huyện"),
        ("Phòng Kinh tế", "Phòng Kinh tế - Hạ tầng"),
    ],
)
def test_unit_key_different(a: str, b: str) -> None:
    assert unit_key(a) != unit_key(b)


def test_unit_key_value() -> None:
    assert unit_key("Phòng Văn hoá – Xã hội;") == "phòng văn hóa-xã hội"


# --- search_key ----------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Văn hóa", "van hoa"),
        ("Văn hoá", "van hoa"),
        (nfd("Văn hoá"), "van hoa"),
        ("ĐẢNG ỦY", "dang uy"),
        ("Đường  giao\tthông", "duong giao thong"),
        ("Ưu tiên  ", "uu tien"),
        ("", ""),
    ],
)
def test_search_key(raw: str, expected: str) -> None:
    assert search_key(raw) == expected


@pytest.mark.parametrize(
    ("query", "text", "matches"),
    [
        ("van hoa", "Phòng Văn hoá - Xã hội", True),
        ("văn hóa", "Phòng Văn hoá - Xã hội", True),
        ("DANG", "Đảng ủy xã", True),
        ("xa hoi", nfd("Phòng Văn hóa - Xã hội"), True),
        ("kinh te", "Phòng Văn hóa - Xã hội", False),
    ],
)
def test_search_key_substring(query: str, text: str, matches: bool) -> None:
    assert (search_key(query) in search_key(text)) is matches


# --- sort_key ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (
            ["Ư", "U", "Đ", "D", "E", "Ê", "O", "Ơ", "Ô", "A", "Ă", "Â"],
            ["A", "Ă", "Â", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư"],
        ),
        (["mạ", "má", "mã", "mả", "mà", "ma"], ["ma", "mà", "mả", "mã", "má", "mạ"]),
        (["b", "ân", "ăn", "an"], ["an", "ăn", "ân", "b"]),
        (["e", "đa", "da"], ["da", "đa", "e"]),
        (["Đảng", "Công an"], ["Công an", "Đảng"]),
        (["mai", "mạ"], ["mạ", "mai"]),
        (["g", "f", "ê", "e"], ["e", "ê", "f", "g"]),
        (["k", "j", "i"], ["i", "j", "k"]),
        (["x", "w", "v", "ư"], ["ư", "v", "w", "x"]),
        (["z", "y"], ["y", "z"]),
        (["a", "1", "-", " "], [" ", "-", "1", "a"]),
        (["Ba", "ba", "bà"], ["ba", "Ba", "bà"]),
        (["Trường", "trường", "Trưởng"], ["trường", "Trường", "Trưởng"]),
        (["ơn", "ôn", "on", "ở"], ["on", "ôn", "ở", "ơn"]),
    ],
)
def test_sort_key_order(items: list[str], expected: list[str]) -> None:
    assert sorted(items, key=sort_key) == expected
    # NFD input must sort exactly like NFC input.
    assert [nfc(x) for x in sorted((nfd(x) for x in items), key=sort_key)] == expected


@pytest.mark.parametrize(
    "word",
    ["Phòng Văn hóa", "Đảng ủy", "Ưu tiên", "thuỷ lợi", "Ỷ Lan", "ngõ 12"],
)
def test_sort_key_nfd_equals_nfc(word: str) -> None:
    assert sort_key(nfd(word)) == sort_key(nfc(word))


def test_sort_key_letters_before_tones_before_case() -> None:
    assert sort_key("ma") < sort_key("mà") < sort_key("mai")
    assert sort_key("Ma") < sort_key("mà")  # tone outranks case
    assert sort_key("ma") < sort_key("Ma")  # case only breaks ties


# --- split_units ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (None, []),
        ("", []),
        (" ; \n ", []),
        ("Công an xã;", ["Công an xã"]),
        ("Công an xã", ["Công an xã"]),
        (
            "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã",
            ["Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã"],
        ),
        (
            "Văn phòng HĐND & UBND xã; Các phòng, ban, ngành",
            ["Văn phòng HĐND & UBND xã", "Các phòng, ban, ngành"],
        ),
        (
            "Các phòng, ban; các đơn vị liên quan. Trung tâm dịch vụ sự nghiệp công",
            ["Các phòng, ban", "các đơn vị liên quan. Trung tâm dịch vụ sự nghiệp công"],
        ),
        ("Công an xã\nĐảng ủy xã", ["Công an xã", "Đảng ủy xã"]),
        ("Công an xã\r\nĐảng ủy xã\rPhòng Kinh tế", ["Công an xã", "Đảng ủy xã", "Phòng Kinh tế"]),
        ("Công an xã\u2028Đảng ủy xã", ["Công an xã", "Đảng ủy xã"]),
        ("Công an xã.;Đảng ủy xã,\n\n", ["Công an xã", "Đảng ủy xã"]),
        ("  Công\u00a0an  xã ;;  Đảng ủy ", ["Công an xã", "Đảng ủy"]),
        (nfd("Phòng Văn hoá; Công an xã"), ["Phòng Văn hoá", "Công an xã"]),
    ],
)
def test_split_units(cell: str | None, expected: list[str]) -> None:
    assert split_units(cell) == expected


# --- canonical_spelling --------------------------------------------------------

@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        (
            ["Phòng Văn hoá - Xã hội", "Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"],
            "Phòng Văn hóa - Xã hội",
        ),
        (["Phòng Văn hoá - Xã hội", "Phòng Văn hóa - Xã hội"], "Phòng Văn hóa - Xã hội"),
        (["Phòng Văn hóa - Xã hội", "Phòng Văn hoá - Xã hội"], "Phòng Văn hóa - Xã hội"),
        # Frequency beats style.
        (
            ["Phòng Văn hoá - Xã hội", "Phòng Văn hoá - Xã hội", "Phòng Văn hóa - Xã hội"],
            "Phòng Văn hoá - Xã hội",
        ),
        # Same count, same style: first met wins.
        (["Phòng Kinh tế", "Phòng kinh tế"], "Phòng Kinh tế"),
        (["Phòng kinh tế", "Phòng Kinh tế"], "Phòng kinh tế"),
        (["Công an xã"], "Công an xã"),
        # Works on a generator too.
        ((s for s in ["Uỷ ban", "Ủy ban"]), "Ủy ban"),
    ],
)
def test_canonical_spelling(spellings: list[str], expected: str) -> None:
    assert canonical_spelling(spellings) == expected


def test_canonical_spelling_empty() -> None:
    with pytest.raises(ValueError):
        canonical_spelling([])


@pytest.mark.parametrize(("cell", "expected"), [
    ("- Công an xã\n- Trạm Y tế", ["Công an xã", "Trạm Y tế"]),
    ("+ Phòng Kinh tế;\n+ Các thôn, xóm", ["Phòng Kinh tế", "Các thôn, xóm"]),
    ("• Văn phòng HĐND & UBND xã", ["Văn phòng HĐND & UBND xã"]),
    ("Phòng Văn hóa - Xã hội", ["Phòng Văn hóa - Xã hội"]),
    ("-Công an xã", ["-Công an xã"]),
])
def test_split_units_drops_list_bullets(cell: str, expected: list[str]) -> None:
    assert split_units(cell) == expected
