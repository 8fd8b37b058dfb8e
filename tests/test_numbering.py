"""Tests for item-number normalisation, classification and ordering."""

from __future__ import annotations

import pytest

from desktop_app.domain.numbering import (
    is_roman,
    natural_key,
    normalise_number,
    number_kind,
    parent_and_index,
    roman_to_int,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4.1,", "4.1"),
        ("1.1.", "1.1"),
        ("I.", "I"),
        ("II.", "II"),
        ("4.", "4"),
        (" 2.10 ", "2.10"),
        ("", ""),
        (None, ""),
        ("   ", ""),
        ("1.1 .", "1.1"),
        ("4,1", "4.1"),
        ("4,1.", "4.1"),
        ("(3)", "3"),
        ("3)", "3"),
        ("5.10;", "5.10"),
        ("1. 2", "1.2"),
        ("1.2.3.", "1.2.3"),
        ("ii.", "ii"),
        ("a)", "a"),
    ],
)
def test_normalise_number(raw: str | None, expected: str) -> None:
    assert normalise_number(raw) == expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("I", True),
        ("II", True),
        ("III", True),
        ("IV", True),
        ("V", True),
        ("VIII", True),
        ("IX", True),
        ("X", True),
        ("XIV", True),
        ("ii", True),
        ("iv", True),
        ("I.", True),  # normalised before checking
        ("", False),
        ("IIII", False),
        ("VV", False),
        ("IC", False),
        ("1", False),
        ("1.1", False),
        ("a", False),
        # c/d/m are Vietnamese list letters (a, b, c, d, đ …), never section numerals
        ("c", False),
        ("d", False),
    ],
)
def test_is_roman(s: str, expected: bool) -> None:
    assert is_roman(s) is expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("V", 5), ("VI", 6), ("VIII", 8),
     ("IX", 9), ("X", 10), ("XIV", 14), ("XL", 40), ("iii", 3), ("II.", 2)],
)
def test_roman_to_int(s: str, expected: int) -> None:
    assert roman_to_int(s) == expected


@pytest.mark.parametrize("s", ["", "IIII", "1", "abc"])
def test_roman_to_int_rejects_non_roman(s: str) -> None:
    with pytest.raises(ValueError):
        roman_to_int(s)


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("I", "roman"),
        ("IV", "roman"),
        ("1", "integer"),
        ("4", "integer"),
        ("10", "integer"),
        ("1.1", "dotted"),
        ("5.10", "dotted"),
        ("1.2.3", "dotted"),
        ("", "empty"),
        ("a", "other"),
        ("2a", "other"),
        ("1..2", "other"),
    ],
)
def test_number_kind(s: str, expected: str) -> None:
    assert number_kind(s) == expected


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("2.9", "2.10"),
        ("9", "10"),
        ("1", "1.1"),
        ("1.1", "1.2"),
        ("1.9", "2"),
        ("5.15", "6.1"),
        ("10", ""),
        ("2.10", ""),
        ("I", ""),
        ("a", ""),
        ("4.1,", "4.2"),  # raw forms are normalised first
        ("II", "III"),
        ("IV", "V"),
    ],
)
def test_natural_key_orders_pairs(smaller: str, larger: str) -> None:
    assert natural_key(smaller) < natural_key(larger)


def test_natural_key_sorts_mixed_list_without_type_errors() -> None:
    numbers = ["2.10", "", "10", "2.9", "1.1", "I", "2", "a", "1", "9", "II"]
    ordered = sorted(numbers, key=natural_key)
    arabic = [n for n in ordered if n and n not in {"I", "II", "a"}]
    assert arabic == ["1", "1.1", "2", "2.9", "2.10", "9", "10"]
    assert ordered[-1] == ""
    assert ordered.index("I") < ordered.index("II")


def test_natural_key_equal_for_equivalent_forms() -> None:
    assert natural_key("4.1,") == natural_key("4.1")
    assert natural_key("4,1") == natural_key("4.1")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("4.3", ("4", 3)),
        ("5.10", ("5", 10)),
        ("1.2.3", ("1.2", 3)),
        ("4.1,", ("4", 1)),
        ("4,3", ("4", 3)),
        ("4", None),
        ("4.", None),
        ("I", None),
        ("", None),
        ("a", None),
    ],
)
def test_parent_and_index(number: str, expected: tuple[str, int] | None) -> None:
    assert parent_and_index(number) == expected


def test_dotted_capital_i_is_not_a_roman_numeral() -> None:
    from desktop_app.domain.numbering import is_roman
    from desktop_app.domain.text import number_sort_key

    assert not is_roman("İ") and not is_roman("ⅰ")
    assert number_sort_key("İ")  # sorts as text instead of failing
