"""The province view's services: both seed plans and a renamed copy in one database, progress recorded,
the comparison's percentages and lights, indicators matched across plans (and by hand), the exports read back,
and the folder import when the exchange module is there."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pypdf
import pytest

from db.engine import Database
from desktop_app.domain.areas import (
    AREA_CODES,
    GREEN,
    NONE,
    RED,
    YELLOW,
    AreaCell,
    indicator_key,
)
from desktop_app.errors import InvalidValue
from desktop_app.services import province
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from tests.conftest import MINH_TAN, NAM_HONG, new_database

INFRA, WORKFORCE = AREA_CODES.index("infrastructure"), AREA_CODES.index("workforce")


def _record(db: Database, plan_id: int, number: str, **values: object) -> None:
    item_id = item_by_number(db, plan_id=plan_id, number=number, section="I")
    record_progress(db, item_id=item_id, period="2026-Q4", **values)  # type: ignore[arg-type]


@pytest.fixture
def plans(db: Database, tmp_path: Path) -> dict[str, int]:
    """Nam Hồng, Minh Tân and "Minh Châu" (Minh Tân's text renamed), with some progress in Nam Hồng."""
    copy = tmp_path / "minh_chau.txt"
    copy.write_text(MINH_TAN.read_text(encoding="utf-8").replace("Minh Tân", "Minh Châu"), encoding="utf-8")
    ids = {name: import_file(db, path=path).plan_id
           for name, path in (("Nam Hồng", NAM_HONG), ("Minh Tân", MINH_TAN), ("Minh Châu", copy))}
    nam = ids["Nam Hồng"]
    _record(db, nam, "1.1", value=Decimal(100))  # institutions: 2 of 2 met
    _record(db, nam, "1.2", value=Decimal(100))
    _record(db, nam, "2.1", value=Decimal(80))  # infrastructure: 4 of 8 (exceeded, met, met, done)
    _record(db, nam, "2.2", value=Decimal(70))
    _record(db, nam, "2.3", value=Decimal(100))
    _record(db, nam, "2.6", status="done")
    _record(db, nam, "2.7", status="in_progress")  # reported but not completed
    _record(db, nam, "3.1", value=Decimal(50))  # workforce: unmet
    _record(db, ids["Minh Tân"], "2.1", value=Decimal(90))  # Minh Tân's infrastructure: 1 of 3
    return ids


def test_comparison_rows_percentages_and_lights(db: Database, plans: dict[str, int]) -> None:
    data = province.comparison(db)
    assert [r.commune for r in data.rows] == ["Minh Châu", "Minh Tân", "Nam Hồng"]  # Vietnamese order
    nam = next(r for r in data.rows if r.commune == "Nam Hồng")
    assert nam.plan_id == plans["Nam Hồng"] and nam.year == 2026
    assert [(c.items, c.completed, c.percent, c.light) for c in nam.areas[:3]] == [
        (2, 2, Decimal("100.0"), GREEN), (8, 4, Decimal("50.0"), YELLOW), (7, 0, Decimal("0.0"), RED)]
    assert [c.items for c in nam.areas] == [2, 8, 7, 5, 15, 2, 5, 3]
    assert (nam.other.items, nam.other.completed) == (8, 0)  # section II: documents, no area
    assert (nam.overall.items, nam.overall.completed, nam.overall.percent) == (55, 6, Decimal("10.9"))
    tan = next(r for r in data.rows if r.commune == "Minh Tân")
    assert (tan.areas[INFRA].completed, tan.areas[INFRA].percent, tan.areas[INFRA].light) == (
        1, Decimal("33.3"), RED)
    assert [c.items for c in tan.areas] == [2, 3, 7, 3, 15, 3, 4, 3]  # its fifth group is security
    assert tan.other == AreaCell(0, 0, None, NONE)
    chau = next(r for r in data.rows if r.commune == "Minh Châu")
    assert chau.overall.completed == 0 and chau.overall.items == 40


def test_comparison_by_year(db: Database, plans: dict[str, int]) -> None:
    assert len(province.comparison(db, year=2026).rows) == 3
    assert province.comparison(db, year=2025).rows == ()
    assert province.years(db) == [2026]


def test_completed_is_met_or_exceeded_only() -> None:
    assert province.completed("met") and province.completed("exceeded")
    assert not province.completed("unmet") and not province.completed(None)


def test_matched_indicators_across_the_seeds(db: Database, plans: dict[str, int]) -> None:
    rows = province.matched_indicators(db)
    by_key = {r.key: r for r in rows}
    five_g = by_key[indicator_key("Phủ sóng 5G đạt tối thiểu trên 70% dân số")]
    assert five_g.plans == 3 and five_g.area == "infrastructure"
    assert five_g.results == {plans["Nam Hồng"]: "exceeded", plans["Minh Tân"]: "exceeded", plans["Minh Châu"]: None}
    # "Tỉ lệ … đạt 100%" (Nam Hồng) and "… đạt tối thiểu 100%." (Minh Tân): one indicator
    training = by_key[indicator_key("Tỉ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản")]
    assert training.results[plans["Nam Hồng"]] == "unmet" and training.plans == 3
    assert training.texts[plans["Minh Tân"]].endswith("đạt tối thiểu 100%.")
    assert all(r.plans >= 2 for r in rows)
    assert len(rows) >= 15
    # sorted by area: infrastructure before government
    areas = [r.area for r in rows]
    assert areas.index("infrastructure") < areas.index("government")


def test_hand_match_remembered_and_forgotten(db: Database, plans: dict[str, int]) -> None:
    nam_text = ("Tỷ lệ người dân, doanh nghiệp hài lòng trong việc thực hiện thủ tục hành chính, cung cấp dịch vụ "
                "công: Đạt 95%")
    tan_text = "Tỉ lệ người dân, doanh nghiệp hài lòng trong việc thực hiện TTHC, cung cấp DVC đạt tối thiểu 95%."
    before = {r.key for r in province.matched_indicators(db)}
    assert indicator_key(nam_text) not in before
    assert indicator_key(tan_text) in before  # Minh Tân and its renamed copy share it
    province.match_indicator(db, text=tan_text, to_text=nam_text)
    assert province.hand_matches(db) == {indicator_key(tan_text): indicator_key(nam_text)}
    after = {r.key: r for r in province.matched_indicators(db)}
    merged = after[indicator_key(nam_text)]
    assert merged.plans == 3 and indicator_key(tan_text) not in after
    province.match_indicator(db, text=nam_text, to_text=tan_text)  # the same indicator already: nothing to do
    assert len(province.hand_matches(db)) == 1
    with pytest.raises(InvalidValue):
        province.match_indicator(db, text=nam_text, to_text="  ")
    assert province.unmatch_indicator(db, text=tan_text) is True
    assert province.unmatch_indicator(db, text=tan_text) is False
    assert indicator_key(tan_text) in {r.key for r in province.matched_indicators(db)}


def test_xlsx_export_values_and_fills(db: Database, plans: dict[str, int], tmp_path: Path) -> None:
    out = province.export_comparison_xlsx(db, out=tmp_path / "so_sanh.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["So sánh"]
    header = [c.value for c in ws[4]]
    assert header[:4] == ["Xã", "Năm", "Thể chế số", "Hạ tầng số"] and header[-1] == "Toàn kế hoạch"
    rows = {r[0].value: r for r in ws.iter_rows(min_row=5)}
    assert set(rows) == {"Nam Hồng", "Minh Tân", "Minh Châu"}
    nam = rows["Nam Hồng"]
    assert [c.value for c in nam[:5]] == ["Nam Hồng", 2026, 100, 50, 0]
    assert nam[-1].value == pytest.approx(10.9)
    assert nam[2].fill.fgColor.rgb.endswith("C6EFCE")  # green
    assert nam[3].fill.fgColor.rgb.endswith("FFEB9C")  # yellow
    assert nam[4].fill.fgColor.rgb.endswith("FFC7CE")  # red
    assert nam[2].number_format == '0.0"%"'
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$4:$4"
    counts = wb["Số chỉ tiêu"]
    nam_counts = next(r for r in counts.iter_rows(min_row=5, values_only=True) if r[0] == "Nam Hồng")
    assert nam_counts[2:6] == (2, 2, 8, 4)


def test_pdf_export_text_and_orientation(db: Database, plans: dict[str, int], tmp_path: Path) -> None:
    out = province.export_comparison_pdf(db, out=tmp_path / "so_sanh.pdf")
    reader = pypdf.PdfReader(out)
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = unicodedata.normalize("NFC", page.extract_text())
    for expected in ("TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CHUYỂN ĐỔI SỐ", "Nam Hồng", "Minh Châu",
                     "An toàn", "Hạ tầng số", "100% X", "50% V", "10,9% Đ"):
        assert expected in text, expected


def test_pdf_repeats_header_on_every_page(db: Database, tmp_path: Path) -> None:
    from desktop_app.domain.areas import CommuneRow, Comparison
    from desktop_app.io.province.pdf import write_comparison_pdf

    cell = AreaCell.of(10, 9)
    rows = tuple(CommuneRow(i, f"Xã số {i:03d}", 2026, "", (cell,) * 8, AreaCell.of(0, 0), cell)
                 for i in range(168))
    out = tmp_path / "dai.pdf"
    with out.open("wb") as handle:
        pages = write_comparison_pdf(Comparison(2026, datetime(2026, 12, 15), rows), handle)
    reader = pypdf.PdfReader(out)
    assert pages == len(reader.pages) >= 4
    for page in reader.pages:
        assert "Thể chế số" in unicodedata.normalize("NFC", page.extract_text())


def _commune_package(tmp_path: Path, name: str, source: Path, out: Path) -> None:
    """A package as a commune sends it: its own database (own installation key), its plan, exported."""
    from desktop_app.services.exchange import export_package

    commune_db = new_database(tmp_path / f"{name}.sqlite3")
    try:
        plan_id = import_file(commune_db, path=source).plan_id
        record_progress(commune_db, item_id=item_by_number(commune_db, plan_id=plan_id, number="1.1", section="I"),
                        period="2026-Q4", value=Decimal(100))
        export_package(commune_db, out=out)  # its only plan
    finally:
        commune_db.close()


def test_import_folder_skips_a_bad_package(db: Database, tmp_path: Path) -> None:
    pytest.importorskip("desktop_app.services.exchange")
    folder = tmp_path / "goi"
    folder.mkdir()
    _commune_package(tmp_path, "nam_hong", NAM_HONG, folder / "a_nam_hong.cdsx")
    (folder / "b_hong.cdsx").write_bytes(b"not a zip at all")
    _commune_package(tmp_path, "minh_tan", MINH_TAN, folder / "c_minh_tan.CDSX")
    (folder / "d_notes.txt").write_text("not a package", encoding="utf-8")
    seen: list[tuple[int, int, str]] = []

    untrusted = province.import_folder(db, folder=folder, trust=False)
    assert untrusted.imported == [] and untrusted.untrusted == ["a_nam_hong.cdsx", "c_minh_tan.CDSX"]
    assert province.comparison(db).rows == ()

    done = province.import_folder(db, folder=folder, trust=True, progress=lambda *a: seen.append(a))
    assert done.total == 3 and [name for name, _ in done.imported] == ["a_nam_hong.cdsx", "c_minh_tan.CDSX"]
    assert [name for name, _ in done.skipped] == ["b_hong.cdsx"] and done.untrusted == []
    assert done.skipped[0][1].startswith("Tệp «b_hong.cdsx»")  # the refusal names the file, in Vietnamese
    assert seen == [(0, 3, "a_nam_hong.cdsx"), (1, 3, "b_hong.cdsx"), (2, 3, "c_minh_tan.CDSX"), (3, 3, "")]
    rows = province.comparison(db).rows
    assert [r.commune for r in rows] == ["Minh Tân", "Nam Hồng"]
    assert all(r.areas[0].completed == 1 for r in rows)  # the progress travelled with each package
