"""Column roles from header cells and contents (desktop_app/io/appendix/columns.py), table-driven."""

from __future__ import annotations

import pytest

from desktop_app.io.appendix.columns import (
    guess_layout,
    header_role,
    is_header_row,
    parse_column_spec,
    sub_header,
)

SEED = ["Stt", "Chỉ tiêu/nhiệm vụ",
        "Đơn vị chủ trì theo dõi, hướng dẫn, đơn đốc, kiểm tra và tổng hợp kết quả thực hiện",
        "Đơn vị chủ trì tổ chức triển khai và báo cáo kết quả thực hiện", "Thời gian hoàn thành", "Ghi chú"]


@pytest.mark.parametrize(("header", "role", "settled"), [
    ("Stt", "number", True), ("TT", "number", True), ("STT", "number", True), ("Số TT", "number", True),
    ("Số thứ tự", "number", True),
    ("Chỉ tiêu/nhiệm vụ", "text", True), ("Tên chỉ tiêu", "text", True), ("Tên nhiệm vụ", "text", True),
    ("Nội dung", "text", True), ("Chỉ tiêu", "text", True), ("Nội dung công việc", "text", True),
    ("Giải thích chỉ tiêu", "explanation", True), ("Cách tính", "explanation", True),
    ("Đơn vị tính", "unit_of_measure", True), ("ĐVT", "unit_of_measure", True),
    ("Đơn vị", "unit_of_measure", False),
    ("Chỉ tiêu cụ thể", "target", True), ("Chỉ tiêu năm 2026", "target", True), ("Mục tiêu", "target", False),
    ("Kết quả (sản phẩm)", "output", True), ("Sản phẩm đầu ra", "output", True), ("Sản phẩm", "output", True),
    ("Kết quả", "output", False),
    ("Cơ quan chủ trì theo dõi, đánh giá", "monitoring", True), (SEED[2], "monitoring", True),
    ("Cơ quan chủ trì", "lead", True), ("Đơn vị chủ trì", "lead", True),
    ("Cơ quan phối hợp", "coordinating", True), ("Đơn vị phối hợp", "coordinating", True),
    (SEED[3], "implementing", True), ("Đơn vị thực hiện", "implementing", True),
    ("Thời gian hoàn thành", "deadline", True), ("Thời gian thực hiện", "deadline", True),
    ("Tiến độ", "deadline", True), ("Thời hạn", "deadline", True),
    ("Kinh phí", "budget", True), ("Nguồn kinh phí", "budget", True), ("Kinh phí (triệu đồng)", "budget", True),
    ("Ghi chú", "note", True), ("Ý kiến", None, False), ("", None, True),
])
def test_header_roles(header: str, role: str | None, settled: bool) -> None:
    assert header_role(header) == (role, settled)


@pytest.mark.parametrize(("cells", "header"), [
    (SEED, True),
    (["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả (sản phẩm)", "Thời gian hoàn thành"], True),
    (["STT", "Tên chỉ tiêu", "Giải thích chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể"], True),
    (["1.1", "Tỷ lệ hồ sơ xử lý trực tuyến đạt 80%", "Phòng Văn hóa - Xã hội", "", "Tháng 12/2026"], False),
    (["PHỤ LỤC 1", "", ""], False),
    (["Nội dung", "Đơn vị thực hiện", "Thời gian"], True),  # no number column, three roles named
])
def test_header_rows(cells: list[str], header: bool) -> None:
    assert is_header_row(cells) is header


def test_the_seed_layout_is_sure() -> None:
    layout = guess_layout(SEED, [["1.1", "Phủ sóng 5G đạt 70%", "Phòng Văn hóa - Xã hội", "Công an xã",
                                  "Tháng 12/2026", ""]])
    assert layout.roles == ("number", "text", "monitoring", "implementing", "deadline", "note")
    assert layout.confident and layout.unsure == ()


def test_the_contents_decide_ket_qua_and_don_vi() -> None:
    header = ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"]
    body = [["1", "Tỷ lệ doanh nghiệp sử dụng nền tảng số", "%", "≥ 55", "Bộ Khoa học và Công nghệ"],
            ["2", "Số doanh nghiệp công nghệ số", "Doanh nghiệp", "≥ 03", "Bộ Khoa học và Công nghệ"],
            ["3", "Chỉ số đổi mới sáng tạo", "Thứ hạng", "40 - 50", "Bộ Khoa học và Công nghệ"],
            ["4", "Tỷ lệ chi cho nghiên cứu", "%", "> 0,7", "Bộ Tài chính"]]
    layout = guess_layout(header, body)
    assert layout.roles == ("number", "text", "unit_of_measure", "target", "monitoring")
    assert layout.confident
    words = guess_layout(["TT", "Tên nhiệm vụ", "Đơn vị", "Kết quả"],
                         [["1", "Xây dựng cơ sở dữ liệu", "Phòng Văn hóa - Xã hội", "Cơ sở dữ liệu được vận hành"],
                          ["2", "Ban hành quy chế", "Văn phòng HĐND và UBND xã", "Quyết định ban hành quy chế"]])
    assert words.roles == ("number", "text", "implementing", "output")


def test_an_unknown_header_is_not_sure_and_says_which_columns() -> None:
    layout = guess_layout(["Số TT", "Nội dung công việc", "Bộ phận", "Mốc", "Ý kiến"],
                          [["1", "Rà soát thủ tục", "Một cửa", "Quý I", "Đồng ý"],
                           ["2", "Cập nhật cổng thông tin", "Văn phòng", "Quý II", ""]])
    assert layout.roles[:2] == ("number", "text")
    assert not layout.confident and 4 in layout.unsure


def test_a_merged_header_cell_over_two_columns_is_read_once() -> None:
    layout = guess_layout(["Stt", "Nội dung", "Nội dung", "Thời gian hoàn thành"],
                          [["1", "Rà soát", "Rà soát", "Quý I/2026"]])
    assert layout.roles == ("number", "text", "ignore", "deadline") and layout.confident


def test_two_row_headers_and_a_start_date() -> None:
    assert sub_header(["Stt", "Nội dung", "Đơn vị chủ trì", "Đơn vị chủ trì"], ["", "", "Theo dõi", "Triển khai"])
    assert not sub_header(["Stt", "Nội dung", "Đơn vị"], ["1", "Về hạ tầng số", ""])
    layout = guess_layout(["TT", "Nhiệm vụ", "Thời gian bắt đầu", "Thời gian hoàn thành"],
                          [["1", "Rà soát", "Quý I/2026", "Quý II/2026"]])
    assert layout.roles == ("number", "text", "note", "deadline") and layout.confident


@pytest.mark.parametrize(("spec", "width", "roles"), [
    ("1=number,2=text,4=unit_of_measure,5=target", 5, ["number", "text", "ignore", "unit_of_measure", "target"]),
    (" 1 = number , 2=text ", 3, ["number", "text", "ignore"]),
])
def test_column_specs(spec: str, width: int, roles: list[str]) -> None:
    assert parse_column_spec(spec, width) == roles


@pytest.mark.parametrize(("spec", "message"), [
    ("1=number", "cần một cột nội dung"), ("1=number,2=text,9=note", "chỉ có 3 cột"),
    ("1=so,2=text", "vai trò «so» không có"), ("number,2=text", "không đúng dạng"),
    ("1=text,2=text", "chỉ được dùng cho một cột"),
])
def test_column_specs_refused(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_column_spec(spec, 3)
