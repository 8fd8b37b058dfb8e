"""Rows of a package written by an older program (format 1, before schema 0008) are read with the columns added
since at their defaults; any other difference of columns is refused."""

from __future__ import annotations

import pytest

from db.exchange.check import checked_rows, expected_columns
from db.exchange.schema import ADDED
from desktop_app.errors import FileRefused

ITEM_UUID, PLAN, SECTION = "11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222", \
    "33333333-3333-4333-8333-333333333333"


def _item_row(columns: list[str]) -> list[object]:
    values = {"uuid": ITEM_UUID, "rev": "ab" * 16, "base": "ab" * 16, "changed_at": "2026-04-01 08:00:00.000000",
              "plan_id": PLAN, "section_id": SECTION, "group_id": None, "order": 0, "number_raw": "1.1",
              "number": "1.1", "kind": "indicator", "text": "Tỷ lệ hồ sơ trực tuyến đạt 80%", "note": "",
              "source_line": 4, "explanation": "Số hồ sơ trực tuyến / tổng số hồ sơ", "unit_of_measure": "%",
              "target_text": "80", "output": "", "budget": ""}
    return [values[c] for c in columns]


def test_a_format_1_package_has_the_new_columns_empty() -> None:
    old = [c for c in expected_columns("items") if c not in ADDED["items"]]
    rows = checked_rows("items", {"columns": old, "rows": [_item_row(old)]}, member="records/items.json")
    got = dict(zip(expected_columns("items"), rows[0], strict=True))
    assert got["text"] == "Tỷ lệ hồ sơ trực tuyến đạt 80%"
    assert [got[c] for c in ADDED["items"]] == ["", "", "", "", ""]


def test_a_format_2_package_keeps_them() -> None:
    columns = expected_columns("items")
    got = dict(zip(columns, checked_rows("items", {"columns": columns, "rows": [_item_row(columns)]},
                                         member="records/items.json")[0], strict=True))
    assert (got["unit_of_measure"], got["target_text"]) == ("%", "80")


def test_other_missing_columns_are_still_refused() -> None:
    columns = [c for c in expected_columns("items") if c not in ("note", "explanation")]
    with pytest.raises(FileRefused, match="các cột không đúng"):
        checked_rows("items", {"columns": columns, "rows": [_item_row(columns)]}, member="records/items.json")
