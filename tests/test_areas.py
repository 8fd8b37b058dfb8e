"""The eight areas: group titles of both seed plans and hand cases; indicator keys matching across wordings;
traffic lights and percentages of the comparison."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.domain.areas import (
    AREA_CODES,
    AREA_NAMES,
    GREEN,
    NONE,
    RED,
    YELLOW,
    AreaCell,
    area_of,
    indicator_key,
    light,
)

NAM_HONG_GROUPS = [
    ("Về công tác lãnh đạo, chỉ đạo điều hành; thể chế, chính sách số", "institutions"),
    ("Về phát triển Hạ tầng số", "infrastructure"),
    ("VỀ NHÂN LỰC SỐ", "workforce"),
    ("Về phát triển dữ liệu số", "data"),
    ("Về Chính quyền số", "government"),
    ("Về kinh tế số", "economy"),
    ("Về xã hội số", "society"),
    ("VỀ AN TOÀN THÔNG TIN MẠNG", "security"),
]
MINH_TAN_GROUPS = [
    ("Về công tác lãnh đạo, chỉ đạo điều hành; thể chế, chính sách số", "institutions"),
    ("Về hạ tầng số", "infrastructure"),
    ("Về nhân lực số", "workforce"),
    ("Về phát triển dữ liệu số", "data"),
    ("Về an toàn thông tin mạng", "security"),
    ("Về phát triển chính quyền số", "government"),
    ("Về kinh tế số", "economy"),
    ("Về xã hội số", "society"),
]
HAND_GROUPS = [
    ("Về thể chế số", "institutions"),
    ("Về chuyển đổi số trong lãnh đạo, chỉ đạo", "institutions"),
    ("VE HA TANG SO", "infrastructure"),  # typed without diacritics
    ("Về phát triển hạ tầng số, dữ liệu số", "infrastructure"),  # two areas: the first named wins
    ("Về an toàn, an ninh mạng", "security"),
    ("Về phát triển chính quyền số, chính quyền điện tử", "government"),
    ("Về phát triển kinh tế số", "economy"),
    ("Về phát triển xã hội số", "society"),
    ("Về nhân lực số và nâng cao nhận thức", "workforce"),
    ("Về Chính quyền số", "government"),
    ("Ve Chi\u0301nh quye\u0300n so\u0302\u0301", "government"),  # NFD input
    ("Phân công chủ trì tham mưu xây dựng các văn bản", None),
    ("Nhiệm vụ khác", None),
    ("", None),
    ("Về chuyển đổi số " + "rất dài " * 40 + "hạ tầng số", None),  # an item's text, not a heading
]


@pytest.mark.parametrize(("title", "code"), NAM_HONG_GROUPS + MINH_TAN_GROUPS + HAND_GROUPS)
def test_area_of_group_titles(title: str, code: str | None) -> None:
    assert area_of(title) == code


def test_each_seed_names_the_eight_areas_once() -> None:
    for groups in (NAM_HONG_GROUPS, MINH_TAN_GROUPS):
        assert sorted(area_of(title) or "" for title, _ in groups) == sorted(AREA_CODES)
    assert AREA_NAMES["institutions"] == "Thể chế số"
    assert AREA_NAMES["security"] == "An toàn thông tin mạng"
    assert len(AREA_CODES) == 8


SAME_INDICATOR = [
    # (Nam Hồng's wording, Minh Tân's wording): the trailing target and ỷ/ỉ differ, the indicator is the same
    ("Tỉ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản đạt 100%",
     "Tỉ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản đạt tối thiểu 100%."),
    ("Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến: Đạt tối thiểu 90%.",
     "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến: Đạt tối thiểu 83%"),
    ("Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử: Đạt tối thiểu 95%",
     "Tỉ lệ cấp kết quả giải quyết thủ tục hành chính điện tử đạt 100%."),
    ("Tỷ lệ người dân có Sổ sức khỏe điện tử: Đạt tối thiểu 40%",
     "Tỷ lệ người dân có Sổ sức khoẻ điện tử: Đạt tối thiểu 90%"),  # khỏe / khoẻ
    ("Tỷ lệ doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số: Đạt tối thiểu 40%",
     "Tỉ lệ doanh nghiệp vừa và nhỏ địa phương ứng dụng công nghệ số đạt tối thiểu 30%."),
    ("Phấn đấu 100% thành viên Tổ công nghệ số cộng đồng được tập huấn",
     "100% thành viên Tổ công nghệ số cộng đồng được tập huấn."),
    ("Tỷ lệ A : Đạt tối thiểu 70%", "Tỉ lệ A đạt 80%"),
    ("Tỉ lệ doanh nghiệp sử dụng hợp đồng điện tử đạt trên 80%.", "TỶ LỆ DOANH NGHIỆP  SỬ DỤNG HỢP ĐỒNG ĐIỆN TỬ"),
    ("Tỷ lệ giáo viên được tập huấn: Đạt 100% đối với giáo viên và đạt tối thiểu 65% đối với học sinh.",
     "Tỷ lệ giáo viên được tập huấn"),
    ("Kỹ năng số", "Kĩ năng số"),
]


@pytest.mark.parametrize(("one", "other"), SAME_INDICATOR)
def test_indicator_key_matches_wordings(one: str, other: str) -> None:
    assert indicator_key(one) == indicator_key(other)
    assert indicator_key(one)  # never folded to nothing


DIFFERENT_INDICATOR = [
    ("Tỷ lệ người dân có Sổ sức khỏe điện tử", "Tỷ lệ người dân có tài khoản định danh điện tử"),
    ("Kế hoạch chuyển đổi số năm 2026", "Kế hoạch chuyển đổi số năm 2027"),  # a year is no target
    ("Phủ sóng 5G đạt tối thiểu trên 70% dân số", "Phủ sóng 5G"),  # the target inside the text stays
    ("Tỷ lệ quy trình", "Tỷ lệ quì trình"),  # "uy" is another vowel, not a y/i spelling
]


@pytest.mark.parametrize(("one", "other"), DIFFERENT_INDICATOR)
def test_indicator_key_keeps_different_indicators_apart(one: str, other: str) -> None:
    assert indicator_key(one) != indicator_key(other)


@pytest.mark.parametrize(("text", "key"), [
    ("Tỷ lệ  người dân: Đạt 100%.", "ti le nguoi dan"),
    ("Chỉ số chuyển đổi số cấp xã: Đạt tối thiểu 0.70", "chi so chuyen doi so cap xa"),
    ("Dịch vụ công … thiết bị di động. Đạt 100%", "dich vu cong thiet bi di dong"),
    ("Kế hoạch phát triển hạ tầng số, giai đoạn 2026-2030", "ke hoach phat trien ha tang so giai doan 2026 2030"),
    ("100%", "100"),  # nothing but a target: kept rather than folded to an empty key
])
def test_indicator_key_values(text: str, key: str) -> None:
    assert indicator_key(text) == key


@pytest.mark.parametrize(("percent", "expected"), [
    (None, NONE), (Decimal(0), RED), (Decimal("49.9"), RED), (Decimal(50), YELLOW), (Decimal("79.9"), YELLOW),
    (Decimal(80), GREEN), (Decimal(100), GREEN),
])
def test_light_thresholds(percent: Decimal | None, expected: str) -> None:
    assert light(percent) == expected


def test_area_cell_percent() -> None:
    assert AreaCell.of(0, 0) == AreaCell(0, 0, None, NONE)
    assert AreaCell.of(3, 2) == AreaCell(3, 2, Decimal("66.7"), YELLOW)
    assert AreaCell.of(8, 1).percent == Decimal("12.5")
    assert AreaCell.of(15, 12) == AreaCell(15, 12, Decimal("80.0"), GREEN)
