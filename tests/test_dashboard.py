"""The dashboard: counts by assessment checked against the domain rules, lists, clicks that filter, the bar chart."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest

from db.engine import Database
from desktop_app.domain.assessment import ASSESSMENTS, assess, evaluate
from desktop_app.domain.targets import Target
from desktop_app.services import items as items_service
from desktop_app.services.dashboard import Dashboard, dashboard, percent
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show
from desktop_app.services.progress import record_progress
from desktop_app.ui.app import make_app
from desktop_app.ui.widgets.bar_chart import FILL, Bar, BarChart
from desktop_app.ui.widgets.dashboard import (
    CountsModel,
    DashboardWidget,
    DeadlineModel,
    format_percent,
)
from tests.conftest import MINH_TAN, NAM_HONG

BEFORE_DECEMBER = date(2026, 11, 24)  # the November deadlines are 6 days away
AFTER_DECEMBER = date(2027, 1, 15)  # every dated deadline of 2026 has passed
# Values reported for Quý III/2026: exceeded, met, short of the target (due in November and in December).
REPORTED = {"2.1": Decimal(90), "2.2": Decimal("70.5"), "3.1": Decimal(50), "4.2": Decimal(30), "5.1": Decimal("0.72")}


@pytest.fixture
def plan(db: Database) -> int:
    """Nam Hồng with some progress, next to Minh Tân (which must never be counted)."""
    plan_id = import_file(db, path=NAM_HONG).plan_id
    import_file(db, path=MINH_TAN)
    ids = {i["number"]: i["id"] for i in show(db, plan_id=plan_id)["plans"][0]["items"]}
    for number, value in REPORTED.items():
        record_progress(db, item_id=ids[number], period="Quý III/2026", unit="Công an xã", value=value)
    return plan_id


def _expected(db: Database, plan_id: int, today: date) -> dict[str, Any]:
    """Assessments computed apart from SQL: the plan as JSON, the reported values, domain evaluate/assess."""
    items = show(db, plan_id=plan_id)["plans"][0]["items"]
    result = {}
    for item in items:
        targets = [Target(t["op"], Decimal(str(t["value"])), t["unit_kind"], t["unit"], t["subject"], t["raw"])
                   for t in item["targets"]]
        value = REPORTED.get(item["number"])
        outcome = evaluate(targets=targets, value=value, status=None) if value is not None else None
        due = date.fromisoformat(item["deadline"]["due"]) if item["deadline"]["due"] else None
        result[item["id"]] = (item, outcome, assess(result=outcome, deadline_kind=item["deadline"]["kind"],
                                                     due=due, today=today))
    return result


@pytest.mark.parametrize("today", [BEFORE_DECEMBER, AFTER_DECEMBER])
def test_totals_match_the_domain_rules(db: Database, plan: int, today: date) -> None:
    expected = _expected(db, plan, today)
    counts = Counter(a for _item, _outcome, a in expected.values())
    board = dashboard(db, plan_id=plan, today=today)
    assert board.total == len(expected) == 55
    assert {t.assessment: t.count for t in board.totals} == {a: counts[a] for a in ASSESSMENTS}
    assert [t.assessment for t in board.totals] == list(ASSESSMENTS)
    assert {t.assessment: t.percent for t in board.totals} == {a: percent(counts[a], 55) for a in ASSESSMENTS}
    assert board.count("exceeded") == 1 and board.count("achieved") == 2  # 2.1; 2.2 and 5.1
    if today == BEFORE_DECEMBER:
        assert board.count("in_progress") == 2  # 3.1 and 4.2: short, not yet due
        assert board.count("overdue") == 5  # April, June and September deadlines without any report
    else:
        assert board.count("not_achieved") == 2
        assert board.count("overdue") == 39 - 5


def test_percent_rounds_half_up_to_one_decimal() -> None:
    assert percent(12, 55) == Decimal("21.8")
    assert percent(1, 8) == Decimal("12.5")
    assert percent(1, 16) == Decimal("6.3")  # 6.25 rounds up
    assert percent(0, 0) == Decimal("0.0")
    assert format_percent(percent(12, 55)) == "21,8%"


@pytest.mark.parametrize("today", [BEFORE_DECEMBER, AFTER_DECEMBER])
def test_group_rows_cover_every_group_and_sum_to_the_total(db: Database, plan: int, today: date) -> None:
    board = dashboard(db, plan_id=plan, today=today)
    expected = _expected(db, plan, today)
    assert [g.number for g in board.groups] == ["1", "2", "3", "4", "5", "6", "7", "8", "II"]
    section_two = board.groups[-1]
    assert section_two.group_id is None and section_two.total == 8 and section_two.filter == {"section_id": section_two.section_id}
    for assessment in ASSESSMENTS:
        assert sum(g.counts[assessment] for g in board.groups) == board.count(assessment)
    assert sum(g.total for g in board.groups) == board.total
    by_group = Counter((item["group"] or item["section"], a) for item, _o, a in expected.values())
    for g in board.groups:
        assert g.total == sum(g.counts.values())
        assert g.counts == {a: by_group[(g.number, a)] for a in ASSESSMENTS}
    # the same numbers the items table shows when asked with the same filter
    for g in board.groups:
        for assessment in ("overdue", "no_data", "achieved"):
            query = items_service.make_query(plan_id=plan, today=today, assessment=assessment, **g.filter)
            assert items_service.count(db, query) == g.counts[assessment]


def test_unit_rows_count_implementing_units_in_vietnamese_order(db: Database, plan: int) -> None:
    board = dashboard(db, plan_id=plan, today=AFTER_DECEMBER)
    expected = _expected(db, plan, AFTER_DECEMBER)
    by_unit: Counter[tuple[str, str]] = Counter()
    for item, _o, a in expected.values():
        for name in item["implementing_units"]:
            by_unit[(name, a)] += 1
    names = [u.name for u in board.units]
    assert set(names) == {name for name, _a in by_unit}
    assert names.index("Các thôn, xóm trên địa bàn xã") < names.index("Phòng Văn hóa - Xã hội") < names.index(
        "Thôn, xóm trên địa bàn xã") < names.index("Văn phòng HĐND &UBND xã")
    assert names[:2] == ["Các doanh nghiệp viễn thông", "Các phòng, ban, ngành, đơn vị trên địa bàn xã"]
    for u in board.units:
        assert u.counts == {a: by_unit[(u.name, a)] for a in ASSESSMENTS}
        assert u.total == sum(u.counts.values())
        assert u.filter["unit_id"] == u.unit_id
    assert next(u for u in board.units if u.name == "Phòng Văn hóa - Xã hội").total == 1  # monitors 25 more


def test_deadline_lists(db: Database, plan: int) -> None:
    board = dashboard(db, plan_id=plan, today=BEFORE_DECEMBER)
    expected = _expected(db, plan, BEFORE_DECEMBER)
    unfinished = {i for i, (_item, outcome, _a) in expected.items() if outcome in (None, "unmet")}

    def due(i: int) -> date | None:
        raw = expected[i][0]["deadline"]["due"]
        return date.fromisoformat(raw) if raw and expected[i][0]["deadline"]["kind"] == "date" else None

    overdue = {i for i in unfinished if due(i) and due(i) < BEFORE_DECEMBER}
    soon = {i for i in unfinished if due(i) and BEFORE_DECEMBER <= due(i) <= BEFORE_DECEMBER + timedelta(days=30)}
    assert {d.id for d in board.overdue} == overdue and board.overdue_total == len(overdue) == 5
    assert {d.id for d in board.due_soon} == soon and board.due_soon_total == len(soon)
    assert "3.1" in [d.number for d in board.due_soon] and "2.1" not in [d.number for d in board.due_soon]
    for listed in (board.overdue, board.due_soon):
        assert [d.due for d in listed] == sorted(d.due for d in listed)
    first = board.overdue[0]
    assert (first.number, first.due, first.monitoring) == ("2.6", date(2026, 4, 30), "Văn phòng HĐND &UBND xã")
    # the items table's windows give the same items
    for window, listed in (("overdue", board.overdue), ("due30", board.due_soon)):
        query = items_service.make_query(plan_id=plan, today=BEFORE_DECEMBER, window=window)
        assert {r.id for r in items_service.page(db, query, limit=500)} == {d.id for d in listed}
    after = dashboard(db, plan_id=plan, today=AFTER_DECEMBER)
    assert after.due_soon == [] and after.overdue_total == after.count("overdue") + after.count("not_achieved")


def test_lists_are_limited_but_totals_are_not(db: Database, plan: int) -> None:
    board = dashboard(db, plan_id=plan, today=AFTER_DECEMBER, list_limit=3)
    assert len(board.overdue) == 3 and board.overdue_total == 36


def test_an_empty_plan_id_gives_zeros(db: Database) -> None:
    board = dashboard(db, plan_id=999, today=AFTER_DECEMBER)
    assert board.total == 0 and board.groups == [] and board.units == [] and board.overdue == []
    assert all(t.percent == 0 for t in board.totals)


# ----- widgets ---------------------------------------------------------------------------------------------------
@pytest.fixture
def widget(qtbot: Any, db: Database, plan: int) -> DashboardWidget:
    make_app()
    w = DashboardWidget(db)
    qtbot.addWidget(w)
    w.resize(1200, 900)
    w.set_plan(plan, BEFORE_DECEMBER)
    with qtbot.waitExposed(w, timeout=20000):  # a context manager: it waits on leaving the block
        w.show()
    return w


def test_totals_show_counts_with_decimal_comma(widget: DashboardWidget) -> None:
    assert widget.total_buttons["overdue"].text() == "Quá hạn: 5 (9,1%)"
    assert widget.total_buttons["exceeded"].text() == "Vượt: 1 (1,8%)"
    assert widget.overdue_button.text().endswith(": 5")
    assert widget.overdue_model.rowCount() == 5 and widget.groups_model.rowCount() == 9


def test_clicking_numbers_emits_filters(qtbot: Any, widget: DashboardWidget) -> None:
    with qtbot.waitSignal(widget.filter_requested) as blocker:
        QTest.mouseClick(widget.total_buttons["overdue"], Qt.MouseButton.LeftButton)
    assert blocker.args == [{"assessment": "overdue"}]
    with qtbot.waitSignal(widget.filter_requested) as blocker:
        widget.all_button.click()
    assert blocker.args == [{}]
    for button, window in ((widget.overdue_button, "overdue"), (widget.due_soon_button, "due30")):
        with qtbot.waitSignal(widget.filter_requested) as blocker:
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [{"window": window}]
    group = widget.data.groups[1]  # area 2
    index = widget.groups_model.index(1, widget.groups_model.column_of("overdue"))
    rect = widget.groups_table.visualRect(index)
    with qtbot.waitSignal(widget.filter_requested) as blocker:
        QTest.mouseClick(widget.groups_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [{"group_id": group.group_id, "assessment": "overdue"}]
    unit = widget.data.units[0]
    index = widget.units_model.index(0, widget.units_model.column_of("no_data"))
    with qtbot.waitSignal(widget.filter_requested) as blocker:
        widget.units_table.clicked.emit(index)
    assert blocker.args == [{**unit.filter, "assessment": "no_data"}]
    # the fields are what services.items.make_query takes
    items_service.make_query(plan_id=1, today=BEFORE_DECEMBER, **blocker.args[0])


def test_clicking_a_bar_segment_filters_by_group_and_assessment(qtbot: Any, widget: DashboardWidget) -> None:
    chart = widget.chart
    group = widget.data.groups[1]
    rect = chart.segment_rect(group.key, "overdue")
    assert rect is not None and rect.width() > 2
    with qtbot.waitSignal(chart.segment_clicked) as raw, qtbot.waitSignal(widget.filter_requested) as blocker:
        QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert raw.args == [group.key, "overdue"]
    assert blocker.args == [{"group_id": group.group_id, "assessment": "overdue"}]
    section = widget.data.groups[-1]
    rect = chart.segment_rect(section.key, "no_data")
    with qtbot.waitSignal(widget.filter_requested) as blocker:
        QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert blocker.args == [{"section_id": section.section_id, "assessment": "no_data"}]
    with qtbot.assertNotEmitted(chart.segment_clicked):
        QTest.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert chart.segment_rect(widget.data.groups[0].key, "exceeded") is None  # nothing reported in area 1


def test_double_clicking_a_listed_item_asks_for_it(qtbot: Any, widget: DashboardWidget) -> None:
    view = widget.overdue_list
    rect = view.visualRect(widget.overdue_model.index(0, 1))
    with qtbot.waitSignal(widget.item_requested) as blocker:
        # an item view only takes a double click on the index the first press went to
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [widget.data.overdue[0].id]


def test_models_pass_the_model_tester(qtmodeltester: Any, widget: DashboardWidget) -> None:
    for model in (widget.groups_model, widget.units_model, widget.overdue_model, widget.due_soon_model):
        assert isinstance(model, (CountsModel, DeadlineModel))
        qtmodeltester.check(model)
    assert widget.groups_model.headerData(2, Qt.Orientation.Horizontal) == "Vượt"
    assert widget.groups_model.index(8, 1).data() == "PHÂN CÔNG CHỦ TRÌ THAM MƯU XÂY DỰNG CÁC VĂN BẢN"
    assert widget.overdue_model.index(0, 2).data() == "30/04/2026"
    widget.set_plan(None)
    for model in (widget.groups_model, widget.units_model, widget.overdue_model):
        qtmodeltester.check(model)
        assert model.rowCount() == 0


def _colours_in(image: QImage) -> Counter[int]:
    return Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))


def test_chart_paints_each_assessment_colour(qtbot: Any) -> None:
    make_app()
    chart = BarChart()
    qtbot.addWidget(chart)
    counts = {"exceeded": 3, "achieved": 4, "in_progress": 2, "not_achieved": 1, "overdue": 5, "no_data": 2}
    chart.set_bars([Bar(1, "1. Về hạ tầng số", counts), Bar(2, "2. Về nhân lực số", {"overdue": 1})])
    hint = chart.sizeHint()
    assert hint.width() > 300 and hint.height() > 2 * chart.BAR_HEIGHT
    chart.resize(640, hint.height())
    image = QImage(chart.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    chart.paint(painter)
    painter.end()
    seen = _colours_in(image)
    for assessment in ASSESSMENTS:
        assert seen[FILL[assessment].rgb()] > 20, assessment
        rect = chart.segment_rect(1, assessment)
        assert rect is not None
        # the segment's own pixels carry its colour (the hatch leaves most of them untouched)
        inside = [image.pixel(int(rect.left()) + dx, int(rect.center().y()) + dy)
                  for dx in range(2, int(rect.width()) - 2) for dy in (-3, -1, 1, 3)]
        assert inside.count(FILL[assessment].rgb()) > len(inside) // 3, assessment
    assert len(set(FILL[a].rgb() for a in ASSESSMENTS)) == len(ASSESSMENTS)
    wider = chart.segment_rect(1, "overdue")
    assert wider is not None and wider.width() == pytest.approx(5 * chart.segment_rect(2, "overdue").width())


def test_chart_of_an_empty_plan_paints_without_error(qtbot: Any) -> None:
    make_app()
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(chart.sizeHint())
    image = QImage(chart.size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    chart.paint(painter)
    painter.end()
    assert chart.segment_at(chart.rect().center().toPointF()) is None


def test_dashboard_type_is_plain_data(db: Database, plan: int) -> None:
    board = dashboard(db, plan_id=plan, today=BEFORE_DECEMBER)
    assert isinstance(board, Dashboard) and board.plan_id == plan and board.today == BEFORE_DECEMBER
