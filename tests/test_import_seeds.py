"""The two real seed appendices import exactly: hierarchy, numbers, deadlines, targets, units, warnings."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.services.importing import import_file
from desktop_app.services.plans import show, units
from tests.conftest import MINH_TAN, NAM_HONG

D12, D11, D9, D6 = "2026-12-31", "2026-11-30", "2026-09-30", "2026-06-30"
ONGOING, OTHER = "ongoing", "other"

# number: (deadline due date, or "ongoing"/"other"; targets as "op value unit[@subject]")
NAM_HONG_I: dict[str, tuple[str, list[str]]] = {
    "1.1": (ONGOING, ["= 100 %"]),
    "1.2": (OTHER, ["= 100 %"]),
    "2.1": (D12, ["> 70 %"]),
    "2.2": (D12, [">= 70 %"]),
    "2.3": (ONGOING, ["= 100 %"]),
    "2.4": (D12, ["= 100 %"]),
    "2.5": (D9, []),
    "2.6": ("2026-04-30", []),
    "2.7": (D9, []),
    "2.8": (D12, []),
    "3.1": (D11, ["= 100 %"]),
    "3.2": (D11, [">= 90 %"]),
    "3.3": (D11, [">= 30 %"]),
    "3.4": (D11, ["= 100 %"]),
    "3.5": (D11, ["= 100 %"]),
    "3.6": (ONGOING, ["= 100 %"]),
    "3.7": (ONGOING, ["= 100 %@giáo viên", ">= 65 %@học sinh"]),
    "4.1": (ONGOING, [">= 95 %"]),
    "4.2": (D12, [">= 60 %"]),
    "4.3": (ONGOING, [">= 95 %"]),
    "4.4": (D12, [">= 75 %"]),
    "4.5": (D12, [">= 50 %"]),
    "5.1": (D12, [">= 0.70 index"]),
    "5.2": (D12, ["= 100 %"]),
    "5.3": (D12, ["= 100 %"]),
    "5.4": (D12, [">= 80 %"]),
    "5.5": (D12, ["= 100 %"]),
    "5.6": (D12, [">= 90 %"]),
    "5.7": (D12, [">= 95 %"]),
    "5.8": (D12, ["= 100 %"]),
    "5.9": (D12, [">= 80 %"]),
    "5.10": (D12, [">= 60 %"]),
    "5.11": (D12, ["= 83 %"]),
    "5.12": (D12, ["= 95 %"]),
    "5.13": (D12, [">= 80 %"]),
    "5.14": (D12, ["= 100 %"]),
    "5.15": (D12, ["= 100 %"]),
    "6.1": (D12, [">= 40 %"]),
    "6.2": (D12, ["= 80 %"]),
    "7.1": (D11, [">= 70 %"]),
    "7.2": (D11, [">= 30 %"]),
    "7.3": (D12, [">= 40 %"]),
    "7.4": (D12, [">= 82 %"]),
    "7.5": (D6, ["= 100 %"]),
    "8.1": (ONGOING, ["= 100 %"]),
    "8.2": (ONGOING, ["= 100 %"]),
    "8.3": (ONGOING, ["= 100 %"]),
}
NAM_HONG_II = {"1": D12, "2": ONGOING, "3": OTHER, "4": OTHER, "5": ONGOING, "6": D6, "7": ONGOING, "8": ONGOING}

MINH_TAN_ITEMS: list[tuple[str, str, list[str]]] = [
    ("1.1", ONGOING, ["= 100 %"]),
    ("1.2", D9, ["= 100 %"]),
    ("2.1", D12, ["> 70 %"]),
    ("2.2", D12, [">= 70 %"]),
    ("2.3", D12, ["= 100 %"]),
    ("3.1", D11, [">= 100 %"]),
    ("3.2", D11, [">= 90 %"]),
    ("3.3", D11, [">= 30 %"]),
    ("3.4", D11, ["= 100 %"]),
    ("3.5", D12, ["= 100 %"]),
    ("3.6", ONGOING, ["= 100 %"]),
    ("3.7", D12, ["= 80 %"]),
    ("4.1", ONGOING, ["= 100 %"]),
    ("", ONGOING, ["= 100 %"]),
    ("", D12, [">= 40 %"]),
    ("5.1", ONGOING, ["= 100 %", "= 100 %"]),
    ("5.2", ONGOING, ["= 100 %"]),
    ("5.3", ONGOING, []),
    ("6.1", D12, ["= 100 %"]),
    ("6.2", D12, []),
    ("6.2", D12, ["= 100 %"]),
    ("6.4", D12, ["= 100 %"]),
    ("6.5", D12, ["= 100 %"]),
    ("6.6", D12, ["= 100 %"]),
    ("6.7", D12, ["= 100 %"]),
    ("6.8", D11, [">= 83 %"]),
    ("6.9", D11, ["= 100 %"]),
    ("6.10", D12, [">= 60 %"]),
    ("6.11", "2026-10-31", ["= 100 %"]),
    ("6.12", D12, ["= 83 %"]),
    ("6.13", D12, [">= 95 %"]),
    ("6.14", D12, ["= 100 %"]),
    ("6.15", "2025-12-31", [">= 80 %"]),
    ("7.1", D11, ["> 80 %"]),
    ("7.2", D11, [">= 30 %"]),
    ("7.3", "2026-10-31", ["= 80 %"]),
    ("8.1", D11, [">= 70 %"]),
    ("8.2", D11, ["= 100 %"]),
    ("8.3", D11, [">= 90 %"]),
    ("8.4", D12, ["= 80 %"]),
]


def _deadline(item: dict[str, Any]) -> str:
    d = item["deadline"]
    return d["due"] if d["kind"] == "date" else d["kind"]


def _target(t: dict[str, Any]) -> str:
    unit = {"percent": "%", "index": "index", "none": "none"}.get(t["unit_kind"], t["unit"])
    value = t["value"]
    text = f"{t['op']} {value:.2f} {unit}" if t["unit_kind"] == "index" else f"{t['op']} {value:g} {unit}"
    return text + (f"@{t['subject']}" if t["subject"] and t["subject"] in ("giáo viên", "học sinh") else "")


def _plan(db: Any, path: Any) -> dict[str, Any]:
    result = import_file(db, path=path)
    return show(db, plan_id=result.plan_id)["plans"][0]


def test_nam_hong_header_and_hierarchy(db: Any) -> None:
    plan = _plan(db, NAM_HONG)
    assert plan["commune"] == "Nam Hồng"
    assert plan["plan_number"] == "44/KH-UBND"
    assert plan["plan_date"] == "2026-04-01"
    assert [s["numeral"] for s in plan["sections"]] == ["I", "II"]
    assert [g["number"] for g in plan["sections"][0]["groups"]] == [str(i) for i in range(1, 9)]
    assert plan["sections"][1]["groups"] == []
    section_i = [i for i in plan["items"] if i["section"] == "I"]
    section_ii = [i for i in plan["items"] if i["section"] == "II"]
    assert len(section_i) == 47 and len(section_ii) == 8
    assert [i["number"] for i in section_i] == list(NAM_HONG_I)
    assert all(i["group"] == i["number"].split(".")[0] for i in section_i)
    assert all(i["group"] is None and i["kind"] == "document" for i in section_ii)
    assert [i["number"] for i in section_ii] == [str(n) for n in range(1, 9)]
    assert plan["sections"][1]["title"].startswith("PHÂN CÔNG CHỦ TRÌ THAM MƯU")


def test_nam_hong_every_deadline_and_target(db: Any) -> None:
    plan = _plan(db, NAM_HONG)
    got = {i["number"]: (_deadline(i), [_target(t) for t in i["targets"]]) for i in plan["items"] if i["section"] == "I"}
    assert got == NAM_HONG_I
    got_ii = {i["number"]: _deadline(i) for i in plan["items"] if i["section"] == "II"}
    assert got_ii == NAM_HONG_II
    by_number = {i["number"]: i for i in plan["items"] if i["section"] == "I"}
    assert by_number["1.2"]["deadline"]["raw"] == "Theo lộ trình yêu cầu cụ thể của từng nhiệm vụ"
    assert [t["value"] for t in by_number["5.1"]["targets"]] == [0.7]
    assert [t["subject"] for t in by_number["3.7"]["targets"]] == ["giáo viên", "học sinh"]
    assert by_number["4.1"]["number_raw"] == "4.1,"
    kinds = {i["number"]: i["kind"] for i in plan["items"] if i["section"] == "I"}
    assert {n for n, k in kinds.items() if k == "task"} == {"2.5", "2.6", "2.7", "2.8"}


def test_nam_hong_units_are_merged_by_spelling(db: Any) -> None:
    plan = _plan(db, NAM_HONG)
    by_number = {i["number"]: i for i in plan["items"] if i["section"] == "I"}
    assert by_number["7.2"]["monitoring_units"] == ["Phòng Văn hóa - Xã hội"]
    assert by_number["4.5"]["implementing_units"][0] == "Phòng Văn hóa - Xã hội"
    assert by_number["4.1"]["monitoring_units"] == by_number["2.6"]["monitoring_units"]
    assert by_number["8.1"]["monitoring_units"] == ["Công an xã", by_number["4.1"]["monitoring_units"][0]]
    assert by_number["1.1"]["implementing_units"] == ["Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã"]
    doc7 = [i for i in plan["items"] if i["section"] == "II" and i["number"] == "7"][0]
    assert doc7["monitoring_units"] == ["Công an xã"]
    registry = {u["name"]: u for u in units(db)["units"]}
    culture = registry["Phòng Văn hóa - Xã hội"]
    assert set(culture["aliases"]) == {"Phòng Văn hoá - Xã hội", "Phòng Văn hoá- Xã hội"}
    names = [u["name"] for u in units(db)["units"]]
    assert len([n for n in names if "HĐND" in n]) == 1
    merged = [w for w in plan["warnings"] if "Đã gộp" in w]
    assert any("Phòng Văn hoá- Xã hội" in w for w in merged)


def test_nam_hong_has_no_numbering_warnings(db: Any) -> None:
    plan = _plan(db, NAM_HONG)
    joined = "\n".join(plan["warnings"])
    assert "trùng" not in joined and "nhảy cóc" not in joined and "không có số thứ tự" not in joined
    assert "không có giá trị mục tiêu" not in joined


def test_minh_tan_hierarchy_targets_deadlines(db: Any) -> None:
    plan = _plan(db, MINH_TAN)
    assert plan["commune"] == "Minh Tân"
    assert plan["plan_number"] == "" and plan["plan_date"] is None
    assert [s["numeral"] for s in plan["sections"]] == ["I"]
    assert [g["number"] for g in plan["sections"][0]["groups"]] == [str(i) for i in range(1, 9)]
    assert len(plan["items"]) == 40
    got = [(i["number"], _deadline(i), [_target(t) for t in i["targets"]]) for i in plan["items"]]
    assert got == MINH_TAN_ITEMS
    unnumbered = [i for i in plan["items"] if i["number"] == ""]
    assert [i["group"] for i in unnumbered] == ["4", "4"]
    assert unnumbered[0]["text"].startswith("100% các hệ thống thông tin")


def test_minh_tan_warnings_name_their_rows(db: Any) -> None:
    plan = _plan(db, MINH_TAN)
    warnings = plan["warnings"]

    def having(*words: str) -> list[str]:
        return [w for w in warnings if all(word in w for word in words)]

    assert len(having("6.2", "trùng")) == 1
    assert len(having("thiếu 6.3")) == 1
    assert len(having("không có số thứ tự", "nhóm 4")) == 2
    assert len(having("6.15", "12/2025", "trước năm")) == 1
    no_target = having("không có giá trị mục tiêu")
    assert len(no_target) == 2 and any("Stt 5.3" in w for w in no_target) and any("Stt 6.2" in w for w in no_target)
    assert having("số kế hoạch") and having("ngày ban hành")
    assert all(w.startswith("Dòng ") for w in having("Stt"))


def test_minh_tan_unit_spellings(db: Any) -> None:
    _plan(db, MINH_TAN)
    registry = {u["name"]: u for u in units(db)["units"]}
    culture = registry["Phòng Văn hoá - Xã hội"]
    assert {"Phòng Văn hoá – Xã hội", "Phòng Văn hoá -Xã hội", "Phòng Văn hoá-Xã hội"} <= set(culture["aliases"])
    assert "Phòng Kinh tế" in registry or "Phòng kinh tế" in registry
    assert not ({"Phòng Kinh tế", "Phòng kinh tế"} <= set(registry))


@pytest.mark.parametrize("path", [NAM_HONG, MINH_TAN])
def test_strings_are_stored_nfc_and_trimmed(db: Any, path: Any) -> None:
    import unicodedata

    plan = _plan(db, path)
    for item in plan["items"]:
        for value in (item["text"], item["note"], *item["monitoring_units"], *item["implementing_units"]):
            assert unicodedata.is_normalized("NFC", value)
            assert value == value.strip() and "  " not in value
