"""Targets read from their own column ("Chỉ tiêu cụ thể" = "≥ 55") with the unit of measure beside it."""

from __future__ import annotations

import time
import unicodedata
from decimal import Decimal

import pytest

from desktop_app.domain.target_cells import (
    looks_like_measure_unit,
    looks_like_target_value,
    parse_target_cell,
)
from desktop_app.domain.target_text import parse_targets
from desktop_app.domain.targets import Target, format_target


def T(op: str, value: str, kind: str = "none", unit: str | None = None, raw: str = "",
      subject: str | None = None) -> Target:
    return Target(op, Decimal(value), kind, unit, subject, raw)


def P(op: str, value: str, raw: str, subject: str | None = None) -> Target:
    return T(op, value, "percent", "%", raw, subject)


# (value cell, unit-of-measure cell, expected targets)
CELLS: list[tuple[str, str, list[Target]]] = [
    # The unit of measure makes a bare number a percent; a "%" in the value needs no unit.
    ("100", "%", [P("=", "100", "100")]),
    ("100%", "", [P("=", "100", "100%")]),
    ("100 %", "", [P("=", "100", "100 %")]),
    ("70", "Tỷ lệ (%)", [P("=", "70", "70")]),
    ("70", "Tỷ lệ", [P("=", "70", "70")]),
    ("70", "tỉ lệ", [P("=", "70", "70")]),
    ("70", "%", [P("=", "70", "70")]),
    ("80%", "Hộ", [P("=", "80", "80%")]),  # the value's own "%" wins over the column
    # Signs and words give the comparison.
    ("≥ 55", "%", [P(">=", "55", "≥ 55")]),
    (">= 55", "%", [P(">=", "55", ">= 55")]),
    ("≥55%", "", [P(">=", "55", "≥55%")]),
    ("> 0,7", "%", [P(">", "0.7", "> 0,7")]),
    ("≤ 3", "Thứ hạng", [T("<=", "3", raw="≤ 3")]),
    ("< 5", "%", [P("<", "5", "< 5")]),
    ("= 5", "%", [P("=", "5", "= 5")]),
    ("Tối thiểu 70", "%", [P(">=", "70", "Tối thiểu 70")]),
    ("Đạt tối thiểu 70%", "", [P(">=", "70", "Đạt tối thiểu 70%")]),
    ("Đạt 100", "%", [P("=", "100", "Đạt 100")]),
    ("Trên 50%", "", [P(">", "50", "Trên 50%")]),
    ("Dưới 10%", "", [P("<", "10", "Dưới 10%")]),
    ("Không dưới 80%", "", [P(">=", "80", "Không dưới 80%")]),
    ("Không quá 5%", "", [P("<=", "5", "Không quá 5%")]),
    ("Tối đa 5", "%", [P("<=", "5", "Tối đa 5")]),
    ("Ít nhất 3", "Doanh nghiệp", [T(">=", "3", "count", "doanh nghiệp", "Ít nhất 3")]),
    ("Từ 80% trở lên", "", [P(">=", "80", "Từ 80% trở lên")]),
    ("80% trở lên", "", [P(">=", "80", "80% trở lên")]),
    ("5% trở xuống", "", [P("<=", "5", "5% trở xuống")]),
    ("Đạt tối thiểu trên 70%", "", [P(">", "70", "Đạt tối thiểu trên 70%")]),  # strict wins
    ("Phấn đấu 100%", "", [P("=", "100", "Phấn đấu 100%")]),
    # Ranges are two bounds with the same unit kind; their subjects are None.
    ("40 - 50", "Tổ chức", [T(">=", "40", "count", "tổ chức", "40 - 50"),
                            T("<=", "50", "count", "tổ chức", "40 - 50")]),
    ("40 – 50", "Thứ hạng", [T(">=", "40", raw="40 – 50"), T("<=", "50", raw="40 – 50")]),
    ("40-50", "", [T(">=", "40", raw="40-50"), T("<=", "50", raw="40-50")]),
    ("20% - 50%", "", [P(">=", "20", "20% - 50%"), P("<=", "50", "20% - 50%")]),
    ("20 - 50%", "", [P(">=", "20", "20 - 50%"), P("<=", "50", "20 - 50%")]),
    ("20%-50%", "", [P(">=", "20", "20%-50%"), P("<=", "50", "20%-50%")]),
    ("Từ 40 đến 50", "%", [P(">=", "40", "Từ 40 đến 50"), P("<=", "50", "Từ 40 đến 50")]),
    ("Từ 40% đến 50%", "", [P(">=", "40", "Từ 40% đến 50%"), P("<=", "50", "Từ 40% đến 50%")]),
    ("0,5 - 0,75", "", [T(">=", "0.5", "index", None, "0,5 - 0,75"),
                        T("<=", "0.75", "index", None, "0,5 - 0,75")]),
    # Several targets in one cell, each with its subject.
    ("≤ 3 Đông Nam Á; ≤ 50 Thế giới", "Thứ hạng",
     [T("<=", "3", raw="≤ 3 Đông Nam Á", subject="Đông Nam Á"),
      T("<=", "50", raw="≤ 50 Thế giới", subject="Thế giới")]),
    ("≤ 3 Đông Nam Á\n≤ 50 Thế giới", "Thứ hạng",
     [T("<=", "3", raw="≤ 3 Đông Nam Á", subject="Đông Nam Á"),
      T("<=", "50", raw="≤ 50 Thế giới", subject="Thế giới")]),
    ("≤ 3 Đông Nam Á, ≤ 50 Thế giới", "Thứ hạng",
     [T("<=", "3", raw="≤ 3 Đông Nam Á", subject="Đông Nam Á"),
      T("<=", "50", raw="≤ 50 Thế giới", subject="Thế giới")]),
    ("- Đông Nam Á: ≤ 3;\n- Thế giới: ≤ 50.", "Thứ hạng",
     [T("<=", "3", raw="Đông Nam Á: ≤ 3", subject="Đông Nam Á"),
      T("<=", "50", raw="Thế giới: ≤ 50", subject="Thế giới")]),
    ("100% đối với giáo viên; ≥ 65% đối với học sinh", "",
     [P("=", "100", "100% đối với giáo viên", "giáo viên"),
      P(">=", "65", "≥ 65% đối với học sinh", "học sinh")]),
    ("≥ 70%; ≤ 90%", "", [P(">=", "70", "≥ 70%"), P("<=", "90", "≤ 90%")]),
    ("40 - 50 Đông Nam Á; ≤ 10 Thế giới", "Thứ hạng",
     [T(">=", "40", raw="40 - 50 Đông Nam Á", subject="Đông Nam Á"),
      T("<=", "50", raw="40 - 50 Đông Nam Á", subject="Đông Nam Á"),
      T("<=", "10", raw="≤ 10 Thế giới", subject="Thế giới")]),
    ("≥ 3 doanh nghiệp; ≥ 10 hộ", "",
     [T(">=", "3", "count", "doanh nghiệp", "≥ 3 doanh nghiệp", "doanh nghiệp"),
      T(">=", "10", "count", "hộ", "≥ 10 hộ", "hộ")]),
    # Leading zeros and decimal commas/dots.
    ("≥ 03", "Doanh nghiệp", [T(">=", "3", "count", "doanh nghiệp", "≥ 03")]),
    ("05", "", [T("=", "5", raw="05")]),
    ("0,75", "", [T("=", "0.75", "index", None, "0,75")]),
    ("0.75", "", [T("=", "0.75", "index", None, "0.75")]),
    ("≥ 0,70", "Chỉ số", [T(">=", "0.70", "index", None, "≥ 0,70")]),
    ("1.000", "người", [T("=", "1000", "count", "người", "1.000")]),
    ("99,5", "%", [P("=", "99.5", "99,5")]),
    # Unit kinds from the unit of measure.
    ("85", "Chỉ số", [T("=", "85", "index", None, "85")]),
    ("8", "Điểm", [T("=", "8", "index", None, "8")]),
    ("1,2", "Hệ số", [T("=", "1.2", "index", None, "1,2")]),
    ("0,75", "%", [P("=", "0.75", "0,75")]),
    ("12", "Thứ hạng", [T("=", "12", raw="12")]),
    ("12", "Xếp hạng", [T("=", "12", raw="12")]),
    ("12", "Hạng", [T("=", "12", raw="12")]),
    ("500", "Người", [T("=", "500", "count", "người", "500")]),
    ("500", "hộ", [T("=", "500", "count", "hộ", "500")]),
    ("40", "Tổ chức", [T("=", "40", "count", "tổ chức", "40")]),
    ("3", "Hệ thống", [T("=", "3", "count", "hệ thống", "3")]),
    ("3", "Mô hình", [T("=", "3", "count", "mô hình", "3")]),
    ("4", "Lớp", [T("=", "4", "count", "lớp", "4")]),
    ("10.000", "Lượt", [T("=", "10000", "count", "lượt", "10.000")]),
    ("1,5", "triệu lượt", [T("=", "1.5", "count", "triệu lượt", "1,5")]),
    ("100", "Mbps", [T("=", "100", "count", "Mbps", "100")]),
    ("≥ 100", "mbps", [T(">=", "100", "count", "Mbps", "≥ 100")]),
    ("20", "GB", [T("=", "20", "count", "GB", "20")]),
    ("15", "Km", [T("=", "15", "count", "km", "15")]),
    ("≤ 3", "Ngày", [T("<=", "3", "count", "ngày", "≤ 3")]),
    ("2", "Trạm BTS", [T("=", "2", "count", "trạm BTS", "2")]),  # an unknown short noun still counts
    ("100 người", "", [T("=", "100", "count", "người", "100 người")]),
    ("100 (người)", "", [T("=", "100", "count", "người", "100 (người)")]),
    ("≥ 03 doanh nghiệp", "", [T(">=", "3", "count", "doanh nghiệp", "≥ 03 doanh nghiệp")]),
    ("150", "", [T("=", "150", raw="150")]),
    ("100", "", [T("=", "100", raw="100")]),  # no unit: a plain number, not an implied percent
    ("1,5", "", [T("=", "1.5", raw="1,5")]),
    ("0", "%", [P("=", "0", "0")]),
    # Names of agencies in the unit column are not units of measure: the number stays plain.
    ("12", "UBND xã", [T("=", "12", raw="12")]),
    # A year is a target only with a unit or a sign.
    ("2030", "người", [T("=", "2030", "count", "người", "2030")]),
    ("≥ 2000", "", [T(">=", "2000", raw="≥ 2000")]),
    # NFC and NBSP.
    (unicodedata.normalize("NFD", "Tối thiểu 70"), "%", [P(">=", "70", "Tối thiểu 70")]),
    ("≥\u00a055", "%", [P(">=", "55", "≥ 55")]),
    ("70", unicodedata.normalize("NFD", "Tỷ lệ (%)"), [P("=", "70", "70")]),
    ("40", unicodedata.normalize("NFD", "Tổ chức"), [T("=", "40", "count", "tổ chức", "40")]),
    # A whole sentence falls back to parse_targets (with the column's unit when it has none).
    ("Đạt tối thiểu 70% dân số", "", [P(">=", "70", "Đạt tối thiểu 70%")]),
    ("Tỷ lệ hồ sơ đạt 80%", "", [P("=", "80", "đạt 80%")]),
    ("Kết quả triển khai: Đạt 12", "Lớp", [T("=", "12", "count", "lớp", "Đạt 12")]),
    ("Tỷ lệ X: Đạt 100% đối với giáo viên; 65% đối với học sinh", "",
     [P("=", "100", "Tỷ lệ X: Đạt 100% đối với giáo viên", "giáo viên"),
      P("=", "65", "65% đối với học sinh", "học sinh")]),
    ("≥ 70%\nTheo kế hoạch", "", [P(">=", "70", "≥ 70%")]),
    # A short subject after a lone target is kept in raw; the subject itself is None.
    ("≤ 3 Đông Nam Á", "Thứ hạng", [T("<=", "3", raw="≤ 3 Đông Nam Á")]),
]


@pytest.mark.parametrize(("value", "unit", "expected"), CELLS, ids=[f"{v!r}|{u!r}" for v, u, _ in CELLS])
def test_parse_target_cell(value: str, unit: str, expected: list[Target]) -> None:
    got = parse_target_cell(value, unit)
    assert got == expected
    text = unicodedata.normalize("NFC", value).replace("\u00a0", " ")
    assert all(t.raw in text for t in got)  # raw is an exact fragment of the (NFC) value cell


NOT_TARGETS = ["", "   ", "Hoàn thành", "Có", "x", "X", "Theo kế hoạch", "31/12/2026", "12/2026", "Quý IV/2026",
               "2030", "Năm 2030", "2025 - 2030", "2025-2030", "Nghị quyết 57-NQ/TW", "57-NQ/TW",
               "Đang triển khai", "-", "…", "50 - 40", "06.01.2022", "1e3", "5G", "IPv6",
               "Hoàn thành trước 31/12/2026"]


@pytest.mark.parametrize("value", NOT_TARGETS)
@pytest.mark.parametrize("unit", ["", "%"])
def test_not_a_target(value: str, unit: str) -> None:
    assert parse_target_cell(value, unit) == []
    assert looks_like_target_value(value) is False


def test_a_sentence_cell_reads_like_an_item_text() -> None:
    text = "Tỷ lệ X: Đạt 100% đối với giáo viên và đạt tối thiểu 65% đối với học sinh phổ thông."
    assert parse_target_cell(text) == parse_targets(text)
    assert [t.subject for t in parse_target_cell(text)] == ["giáo viên", "học sinh"]


def test_range_formats_as_two_bounds() -> None:
    assert [format_target(t) for t in parse_target_cell("40 - 50", "Tổ chức")] == ["≥ 40 tổ chức", "≤ 50 tổ chức"]
    assert [format_target(t) for t in parse_target_cell("20% - 50%")] == ["≥ 20%", "≤ 50%"]


def test_leading_zero_value_is_the_plain_number() -> None:
    (target,) = parse_target_cell("≥ 03", "Doanh nghiệp")
    assert target.value == Decimal(3) and str(target.value) == "3"


@pytest.mark.parametrize(("value", "expected"), [
    ("100", True), ("100%", True), ("≥ 55", True), ("> 0,7", True), ("40 - 50", True), ("Từ 40 đến 50", True),
    ("Tối thiểu 70", True), ("Không dưới 80%", True), ("Từ 80% trở lên", True), ("≥ 03", True), ("0,75", True),
    ("≤ 3 Đông Nam Á; ≤ 50 Thế giới", True), ("Đạt tối thiểu 70%", True), ("100 người", True),
    ("Đạt tối thiểu 70% dân số", True),  # a value with a short subject still looks like a value
    # Sentences, outputs and names are not target values even when a number is in them.
    ("Tỷ lệ hồ sơ đạt 80%", False), ("Cơ sở dữ liệu được vận hành", False),
    ("Quyết định ban hành quy chế", False), ("Phòng Văn hóa - Xã hội", False),
    ("Hoàn thành 100% hồ sơ trước 31/12/2026", False),
    ("≥ 70%; Theo kế hoạch", False),
])
def test_looks_like_target_value(value: str, expected: bool) -> None:
    assert looks_like_target_value(value) is expected


@pytest.mark.parametrize("unit", [
    "%", "(%)", "Tỷ lệ (%)", "Tỷ lệ", "tỉ lệ %", "Phần trăm", "%/năm", "người", "Người", "hộ", "Hộ gia đình",
    "Tổ chức", "Doanh nghiệp", "Chỉ số", "Điểm", "Hệ số", "Thứ hạng", "Xếp hạng", "Hạng", "Hệ thống", "lượt",
    "Lượt người", "km", "Km", "Mbps", "GB", "Lớp", "Mô hình", "Cơ quan", "Đơn vị", "Xã", "Ngày", "Giờ",
    "Triệu đồng", "Tỷ đồng", "triệu lượt", "Sản phẩm", "Tài khoản", "Hồ sơ", "Thủ tục", "Bộ", "Cái", "Chiếc",
    "Camera", "Doanh nghiệp (DN)", "người/năm", unicodedata.normalize("NFD", "Tổ chức"), "\u00a0hộ ",
])
def test_measure_units(unit: str) -> None:
    assert looks_like_measure_unit(unit) is True


@pytest.mark.parametrize("text", [
    "", " ", "Phòng Văn hóa - Xã hội", "UBND xã", "Bộ Công an", "Công an xã", "Văn phòng HĐND và UBND xã",
    "Bộ Khoa học và Công nghệ", "Các phòng, ban, ngành", "Phòng Kinh tế", "Ban Chỉ đạo", "Trung tâm Phục vụ hành chính công",
    "Hoàn thành", "Có", "x", "100", "≥ 55", "Theo kế hoạch", "Đoàn Thanh niên", "Hội Phụ nữ", "Trường THCS",
    "Sở Khoa học và Công nghệ", "Tháng 12/2026",
])
def test_not_measure_units(text: str) -> None:
    assert looks_like_measure_unit(text) is False


@pytest.mark.parametrize("value", [
    "1-2-" * 25_000, "1 - " * 25_000, "1" * 100_000, "-" * 100_000, "12-34 " * 16_000, "0,1-" * 25_000,
    "≥ 1; " * 20_000, "Đạt 1, " * 15_000, "1%-" * 30_000, "Từ 1 đến " * 10_000, "≥" * 100_000,
])
def test_hostile_cells_stay_fast(value: str) -> None:
    start = time.process_time()
    parse_target_cell(value, "%")
    looks_like_target_value(value)
    assert time.process_time() - start < 5.0  # linear: well under a second; quadratic took 10-100 s
