"""The "Chỉ tiêu chung" sheet of the province workbook: three plans in a real database (Nam Hồng, Minh Tân and a
copy named "=Minh Châu", one indicator worded "=…"), progress recorded, the workbook exported and read back."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from db.engine import Database
from desktop_app.domain.areas import GREEN, NONE, AreaCell, CommuneRow, indicator_key
from desktop_app.io.province.excel_indicators import commune_labels
from desktop_app.services import province
from desktop_app.services.importing import import_file
from desktop_app.services.structure import PlanHeader, plan_header, update_plan
from tests.conftest import MINH_TAN, NAM_HONG
from tests.test_province import _record

SHEET = "Chỉ tiêu chung"
GREEN_FILL, RED_FILL, GREY_FILL = "C6EFCE", "FFC7CE", "EDEDED"
E_CONTRACTS = "=Tỉ lệ doanh nghiệp sử dụng hợp đồng điện tử"  # only Minh Tân's appendix has it
FIVE_G = "Phủ sóng 5G"
TRAINING = "Tỉ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản"
SECURITY = "Tỷ lệ hệ thống thông tin, hạ tầng máy chủ"  # no measurable target: a status is its result


@pytest.fixture
def plans(db: Database, tmp_path: Path) -> dict[str, int]:
    """Nam Hồng; Minh Tân with its indicator 7.1 worded "=Tỉ lệ …"; the same copy under the commune "=Minh Châu"."""
    text = MINH_TAN.read_text(encoding="utf-8").replace("| 7.1 | Tỉ lệ", "| 7.1 | =Tỉ lệ")
    tan, chau = tmp_path / "minh_tan.txt", tmp_path / "minh_chau.txt"
    tan.write_text(text, encoding="utf-8")
    chau.write_text(text.replace("Minh Tân", "Minh Châu"), encoding="utf-8")
    ids = {"Nam Hồng": import_file(db, path=NAM_HONG).plan_id, "Minh Tân": import_file(db, path=tan).plan_id,
           "=Minh Châu": import_file(db, path=chau).plan_id}
    header = plan_header(db, plan_id=ids["=Minh Châu"])
    update_plan(db, plan_id=ids["=Minh Châu"], header=PlanHeader("=Minh Châu", header.plan_number,
                                                                  header.plan_date, header.year))
    _record(db, ids["Nam Hồng"], "2.1", value=Decimal(80))  # 5G: exceeded
    _record(db, ids["Nam Hồng"], "3.1", value=Decimal(50))  # training: unmet
    _record(db, ids["Minh Tân"], "2.1", value=Decimal(90))
    _record(db, ids["Minh Tân"], "7.1", value=Decimal("85.5"))
    _record(db, ids["Minh Tân"], "5.3", status="done")
    return ids


def _rows(ws) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    return {r[0].value: r for r in ws.iter_rows(min_row=5)}


def _row(ws, start: str) -> tuple:  # type: ignore[no-untyped-def]
    found = [r for text, r in _rows(ws).items() if text.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def test_service_gives_each_plan_its_value_status_and_light(db: Database, plans: dict[str, int]) -> None:
    by_key = {r.key: r for r in province.matched_indicators(db)}
    five_g = by_key[indicator_key("Phủ sóng 5G đạt tối thiểu trên 70% dân số")]
    nam = five_g.cells[plans["Nam Hồng"]]
    assert (nam.value, nam.percent, nam.light) == (Decimal(80), True, GREEN)
    assert five_g.cells[plans["=Minh Châu"]].value is None and five_g.cells[plans["=Minh Châu"]].light == NONE
    assert set(five_g.cells) == set(five_g.results)  # the older fields are still there for the window
    security = next(r for r in by_key.values() if r.text.startswith(SECURITY))
    done = security.cells[plans["Minh Tân"]]
    assert (done.value, done.status, done.percent, done.light) == (None, "done", False, GREEN)


def test_sheet_headers_follow_the_comparison(db: Database, plans: dict[str, int], tmp_path: Path) -> None:
    out = province.export_comparison_xlsx(db, out=tmp_path / "so_sanh.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["So sánh", "Số chỉ tiêu", SHEET]
    ws = wb[SHEET]
    communes = [r[0].value for r in wb["So sánh"].iter_rows(min_row=5)]
    header = [c.value for c in ws[4]]
    assert header == ["Chỉ tiêu, nhiệm vụ", "Lĩnh vực", "Số kế hoạch có", *communes]
    assert set(communes) == {"Nam Hồng", "Minh Tân", "=Minh Châu"}
    formula_name = ws.cell(row=4, column=4 + communes.index("=Minh Châu"))
    assert formula_name.data_type == "s" and formula_name.quotePrefix
    assert ws["A1"].value.startswith("TỔNG HỢP KẾT QUẢ") and "ít nhất hai kế hoạch" in ws["A2"].value
    assert ws.freeze_panes == "B5" and ws.auto_filter.ref.startswith("A4:")
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$4:$4"
    assert ws.column_dimensions["A"].width >= 40 and ws.column_dimensions["D"].width >= 10


def test_cells_hold_numbers_texts_fills_and_blanks(db: Database, plans: dict[str, int], tmp_path: Path) -> None:
    out = province.export_comparison_xlsx(db, out=tmp_path / "so_sanh.xlsx")
    ws = openpyxl.load_workbook(out)[SHEET]
    column = {c.value: c.column - 1 for c in ws[4]}
    nam, tan, chau = column["Nam Hồng"], column["Minh Tân"], column["=Minh Châu"]

    five_g = _row(ws, FIVE_G)
    assert five_g[1].value == "Hạ tầng số" and five_g[2].value == 3
    assert (five_g[nam].value, five_g[tan].value) == (80, 90)
    assert five_g[nam].number_format == '0.0"%"' and five_g[nam].fill.fgColor.rgb.endswith(GREEN_FILL)
    assert five_g[chau].value == "Chưa báo cáo" and five_g[chau].fill.fgColor.rgb.endswith(GREY_FILL)
    # Nam Hồng words it without the final dot: its own wording travels in the cell's note
    assert "Xanh: Vượt" in five_g[nam].comment.text
    assert "Kế hoạch của xã ghi: Phủ sóng 5G đạt tối thiểu trên 70% dân số" in five_g[nam].comment.text

    training = _row(ws, TRAINING)
    assert training[nam].value == 50 and training[nam].fill.fgColor.rgb.endswith(RED_FILL)

    contracts = _row(ws, E_CONTRACTS)  # an indicator text starting with "=" stays text
    assert contracts[0].data_type == "s" and contracts[0].quotePrefix and contracts[2].value == 2
    assert contracts[tan].value == pytest.approx(85.5) and contracts[tan].number_format == '0.0"%"'
    assert contracts[nam].value is None  # Nam Hồng's plan has no such indicator
    assert contracts[chau].value == "Chưa báo cáo"

    security = _row(ws, SECURITY)
    assert security[tan].value == "Hoàn thành" and security[tan].fill.fgColor.rgb.endswith(GREEN_FILL)
    assert security[nam].value is None

    with zipfile.ZipFile(out) as archive:  # no formula anywhere in the workbook
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 3
        assert not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n) for n in sheets)


def test_year_without_plans_gives_an_empty_table(db: Database, plans: dict[str, int], tmp_path: Path) -> None:
    out = province.export_comparison_xlsx(db, out=tmp_path / "2025.xlsx", year=2025)
    ws = openpyxl.load_workbook(out)[SHEET]
    assert ws.max_row == 4 and [c.value for c in ws[4]] == ["Chỉ tiêu, nhiệm vụ", "Lĩnh vực", "Số kế hoạch có"]


def test_commune_labels_add_the_year_only_to_repeated_names() -> None:
    cell = AreaCell.of(0, 0)
    plans = [CommuneRow(1, "Nam Hồng", 2025, "", (cell,) * 8, cell, cell),
             CommuneRow(2, "Nam Hồng", 2026, "", (cell,) * 8, cell, cell),
             CommuneRow(3, "Minh Tân", 2026, "", (cell,) * 8, cell, cell),
             CommuneRow(4, "", None, "", (cell,) * 8, cell, cell)]
    assert commune_labels(plans) == ["Nam Hồng (2025)", "Nam Hồng (2026)", "Minh Tân", "Kế hoạch #4"]
