"""Word and Excel versions of the seeds (merged headings, title rows, split tables, NFD text) import to the
same content as the text files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.services.importing import import_file, import_text
from desktop_app.services.plans import show
from tests.conftest import MINH_TAN, NAM_HONG, new_database
from tests.seed_files import make_docx, make_xlsx


def _content(plan: dict[str, Any]) -> dict[str, Any]:
    items = [
        {k: v for k, v in item.items() if k not in ("id", "uuid", "line")}
        for item in plan["items"]
    ]
    return {
        "commune": plan["commune"], "plan_number": plan["plan_number"], "plan_date": plan["plan_date"],
        "year": plan["year"], "sections": plan["sections"], "items": items,
    }


def _imported(tmp_path: Path, name: str, data: bytes) -> dict[str, Any]:
    path = tmp_path / name
    path.write_bytes(data)
    db = new_database(tmp_path / f"{name}.sqlite3")
    try:
        result = import_file(db, path=path)
        return show(db, plan_id=result.plan_id)["plans"][0]
    finally:
        db.close()


@pytest.mark.parametrize("seed", [NAM_HONG, MINH_TAN], ids=["nam_hong", "minh_tan"])
@pytest.mark.parametrize("maker,name", [(make_docx, "phu_luc.docx"), (make_xlsx, "phu_luc.xlsx")], ids=["docx", "xlsx"])
def test_office_versions_import_to_the_same_content(tmp_path: Path, seed: Path, maker: Any, name: str) -> None:
    expected = _content(_imported(tmp_path, "seed.txt", seed.read_bytes()))
    got = _content(_imported(tmp_path, name, maker(seed)))
    assert got["items"] == expected["items"]
    assert got == expected


def test_format_is_detected_from_content_not_name(tmp_path: Path) -> None:
    expected = _content(_imported(tmp_path, "seed.txt", NAM_HONG.read_bytes()))
    got = _content(_imported(tmp_path, "phu_luc_that_ra_la_word.txt", make_docx(NAM_HONG)))
    assert got == expected


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_text_encodings(tmp_path: Path, encoding: str) -> None:
    expected = _content(_imported(tmp_path, "seed.txt", MINH_TAN.read_bytes()))
    data = MINH_TAN.read_text(encoding="utf-8").encode(encoding)
    assert _content(_imported(tmp_path, f"seed_{encoding}.md", data)) == expected


def test_clipboard_text_uses_the_same_parser(db: Any) -> None:
    result = import_text(db, text=NAM_HONG.read_text(encoding="utf-8"))
    plan = show(db, plan_id=result.plan_id)["plans"][0]
    assert plan["commune"] == "Nam Hồng" and len(plan["items"]) == 55
