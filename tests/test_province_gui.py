"""The province view driven through its widgets (pytest-qt, offscreen): rows and colours, sorting by an area,
filtering by name and light, double-click, the indicators tab, the read-only plan window, the model tester."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from db.engine import Database
from desktop_app.domain.areas import LIGHT_FILLS
from desktop_app.services.importing import import_file
from desktop_app.services.progress import item_by_number, record_progress
from desktop_app.ui.models.province import ALL_GREEN, FIRST_AREA, HAS_RED, PLAN_ID_ROLE
from desktop_app.ui.widgets.province_view import ProvinceView, ProvinceWindow
from tests.conftest import MINH_TAN, NAM_HONG, new_database

INFRA = FIRST_AREA + 1


@pytest.fixture
def view(qtbot: Any, db: Database, tmp_path: Path) -> ProvinceView:
    copy = tmp_path / "minh_chau.txt"
    copy.write_text(MINH_TAN.read_text(encoding="utf-8").replace("Minh Tân", "Minh Châu"), encoding="utf-8")
    nam = import_file(db, path=NAM_HONG).plan_id
    import_file(db, path=MINH_TAN)
    chau = import_file(db, path=copy).plan_id
    for number, value in (("2.1", 80), ("2.2", 75), ("2.3", 100), ("2.4", 100), ("2.5", None)):
        record_progress(db, item_id=item_by_number(db, plan_id=nam, number=number, section="I"), period="2026-Q4",
                        value=None if value is None else Decimal(value), status="done" if value is None else None)
    for number in ("1.1", "1.2"):  # Minh Châu: institutions 2/2 green
        record_progress(db, item_id=item_by_number(db, plan_id=chau, number=number, section="I"),
                        period="2026-Q4", value=Decimal(100))
    widget = ProvinceView(db)
    qtbot.addWidget(widget)
    widget.resize(1300, 400)
    widget.show()
    return widget


def _column(view: ProvinceView, column: int) -> list[str]:
    proxy = view.proxy
    return [proxy.data(proxy.index(r, column)) for r in range(proxy.rowCount())]


def test_rows_and_colours(view: ProvinceView) -> None:
    assert _column(view, 0) == ["Minh Châu", "Minh Tân", "Nam Hồng"]
    assert _column(view, INFRA) == ["0%", "0%", "62,5%"]  # Nam Hồng: 5 of 8
    nam = view.proxy.index(2, INFRA)
    assert view.proxy.data(nam, Qt.ItemDataRole.BackgroundRole).color().name().upper() == "#" + LIGHT_FILLS["yellow"]
    assert "5" in view.proxy.data(nam, Qt.ItemDataRole.ToolTipRole)
    assert view.model.headerData(INFRA, Qt.Orientation.Horizontal) == "Hạ tầng số"
    assert "3" in view.status.text()


def test_sort_by_an_area_column(view: ProvinceView, qtbot: Any) -> None:
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(view, INFRA))
    order = view.table.horizontalHeader().sortIndicatorOrder()
    values = _column(view, INFRA)
    assert view.table.horizontalHeader().sortIndicatorSection() == INFRA
    expected = sorted(values, key=lambda v: float(v.rstrip("%").replace(",", ".")),
                      reverse=order == Qt.SortOrder.DescendingOrder)
    assert values == expected
    view.table.sortByColumn(INFRA, Qt.SortOrder.DescendingOrder)
    assert _column(view, 0)[0] == "Nam Hồng"


def _section_centre(view: ProvinceView, column: int) -> Any:
    from PySide6.QtCore import QPoint

    header = view.table.horizontalHeader()
    return QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)


def test_filter_by_name_and_light(view: ProvinceView, qtbot: Any) -> None:
    qtbot.keyClicks(view.search, "minh")
    assert _column(view, 0) == ["Minh Châu", "Minh Tân"]
    view.search.clear()
    qtbot.keyClicks(view.search, "HONG")  # accents and case ignored
    assert _column(view, 0) == ["Nam Hồng"]
    view.search.clear()
    view.light.setCurrentIndex(view.light.findData(HAS_RED))
    assert len(_column(view, 0)) == 3
    view.light.setCurrentIndex(view.light.findData(ALL_GREEN))
    assert _column(view, 0) == []  # every commune has a red area


def test_double_click_emits_plan_requested(view: ProvinceView, qtbot: Any) -> None:
    index = view.proxy.index(2, 0)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.plan_requested) as blocker:
        # an item view only takes a double click on the index the first press went to
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [view.proxy.data(index, PLAN_ID_ROLE)]


def test_indicators_tab_and_hand_match(view: ProvinceView) -> None:
    model = view.indicators
    assert model.columnCount() == 3 + 3
    texts = [model.row_at(r).text for r in range(model.rowCount())]
    assert any(t.startswith("Phủ sóng 5G") for t in texts)
    before = model.rowCount()
    view.match("Tỷ lệ người dân, doanh nghiệp hài lòng trong việc thực hiện thủ tục hành chính, cung cấp dịch vụ "
               "công: Đạt 95%",
               "Tỉ lệ người dân, doanh nghiệp hài lòng trong việc thực hiện TTHC, cung cấp DVC đạt tối thiểu 95%.")
    assert view.indicators.rowCount() == before  # the Minh Tân pair now also holds Nam Hồng
    row = next(r for r in range(model.rowCount()) if "hài lòng" in model.row_at(r).text)
    assert model.row_at(row).plans == 3
    view.indicator_table.setCurrentIndex(model.index(row, 0))
    view.forget_match()
    row = next(r for r in range(model.rowCount()) if "hài lòng" in model.row_at(r).text)
    assert model.row_at(row).plans == 2


def test_models_pass_the_model_tester(view: ProvinceView, qtmodeltester: Any) -> None:
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)
    qtmodeltester.check(view.indicators)


def test_window_opens_a_plan_read_only(qtbot: Any, db: Database, tmp_path: Path) -> None:
    import_file(db, path=NAM_HONG)
    window = ProvinceWindow(db, open_plans=True)
    qtbot.addWidget(window)
    window.show()
    plan_id = window.view.proxy.data(window.view.proxy.index(0, 0), PLAN_ID_ROLE)
    shown = window.open_plan(plan_id)
    assert "Nam Hồng" in shown.windowTitle()
    assert shown.model.rowCount() == 55 or shown.model.canFetchMore()
    assert shown.table.editTriggers() == shown.table.EditTrigger.NoEditTriggers
    window.grab().save(str(tmp_path / "province.png"))


def test_folder_import_reports_the_skipped_packages(view: ProvinceView, qtbot: Any, tmp_path: Path) -> None:
    pytest.importorskip("desktop_app.services.exchange")
    from tests.qt_helpers import answer_next_box

    folder = tmp_path / "goi"
    folder.mkdir()
    (folder / "hong.cdsx").write_bytes(b"not a zip")
    (folder / "rong.cdsx").write_bytes(b"")
    seen: list[str] = []
    answer_next_box("Đồng ý", seen)
    task = view.import_folder(folder)
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    assert task.last_progress == (2, 2, "")  # the bar went to 2 of 2
    assert view.last_import is not None and view.last_import.total == 2
    assert "0" in seen[0] and "hong.cdsx" in seen[0] and "rong.cdsx" in seen[0]
    assert view.model.rowCount() == 3  # nothing was lost


def test_a_communes_change_log_shows_only_its_plan(view: ProvinceView, qtbot: Any) -> None:
    assert not view.log_button.isEnabled()  # nothing chosen yet
    row = _column(view, 0).index(next(c for c in _column(view, 0) if "Nam Hồng" in c))
    view.table.selectRow(row)
    assert view.log_button.isEnabled()
    dialog = view.show_change_log()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "Nam Hồng" in dialog.windowTitle()
    records = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert any(r.startswith("Kết quả") and "Nam Hồng" not in r for r in records)  # its five results
    assert sum(r.startswith("Kết quả") for r in records) == 5  # not Minh Châu's two
    assert all("Minh" not in r for r in records)


def test_a_folder_large_enough_to_read_ahead(view: ProvinceView, qtbot: Any, tmp_path: Path) -> None:
    """Enough packages for the reader process, started from the background thread of the progress bar."""
    from desktop_app.services.exchange_contents import PREFETCH_FROM
    from tests.exchange_helpers import incremental_packages
    from tests.qt_helpers import answer_next_box

    copy = tmp_path / "minh_khai.txt"
    copy.write_text(MINH_TAN.read_text(encoding="utf-8").replace("Minh Tân", "Minh Khai"), encoding="utf-8")
    commune = new_database(tmp_path / "minh_khai.sqlite3")
    try:
        plan = import_file(commune, path=copy).plan_id
        paths = incremental_packages(commune, plan, tmp_path / "goi", PREFETCH_FROM)
    finally:
        commune.close()
    seen: list[str] = []
    answer_next_box("Đồng ý", seen)
    task = view.import_folder(tmp_path / "goi", trust=True)
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert task.last_progress == (len(paths), len(paths), "")
    assert seen == [f"Đã nhập {len(paths)}/{len(paths)} gói."]  # none skipped
    assert "Minh Khai" in _column(view, 0) and view.model.rowCount() == 4
