"""Issuer, commune, plan number and date from the lines above the appendix table.

The lines come as the importer gives them: paragraphs, the cells of the official header block's layout table (one
line per cell, left cell first, or a cell's own lines), rows of an xlsx title (one line per cell)."""

from __future__ import annotations

import time
from datetime import date

import pytest

from desktop_app.domain.plan_title import PlanTitle, commune_from_texts, read_title

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

# What the program read before the issuer was added (commune, number, date, year). The fourth case changed: its
# commune came from the place of issue ("Tân Phú, ngày …"), which is no longer read as the commune.
LEGACY_CASES = [
    (["PHỤ LỤC 1*(Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026 của UBND xã)*"],
     "", "44/KH-UBND", date(2026, 4, 1), 2026),
    (["PHỤ LỤC 1:", "(Kèm theo Kế hoạch số /KH-UBND ngày /4/2026 của UBND xã Minh Tân)"], "Minh Tân", "", None, 2026),
    (["ỦY BAN NHÂN DÂN XÃ NAM HỒNG", MOTTO, "Số: 44/KH-UBND",
      "Nam Hồng, ngày 01 tháng 4 năm 2026"], "Nam Hồng", "44/KH-UBND", date(2026, 4, 1), 2026),
    ([MOTTO, "Số: 12/KH-UBND", "Tân Phú, ngày 03 tháng 02 năm 2026"],
     "", "12/KH-UBND", date(2026, 2, 3), 2026),  # was "Tân Phú", read from the place of issue
    (["(Kèm theo Kế hoạch số 7/KH-UBND ngày 15/3/2026 của xã Tân Phú)"], "Tân Phú", "7/KH-UBND", date(2026, 3, 15), 2026),
    (["Kế hoạch số 44/KH-UBND ngày 31/2/2026"], "", "44/KH-UBND", None, 2026),
    ([], "", "", None, None),
]


@pytest.mark.parametrize(("lines", "commune", "number", "plan_date", "year"), LEGACY_CASES)
def test_read_title(lines: list[str], commune: str, number: str, plan_date: date | None, year: int | None) -> None:
    title = read_title(lines)
    assert (title.commune, title.plan_number, title.plan_date, title.year) == (commune, number, plan_date, year)


# --- the header block ----------------------------------------------------------------------------------------

NQ03_LINES = [
    # the header block: a borderless 2 × 2 table, each cell's paragraphs as lines, left cell first
    "CHÍNH PHỦ", "-------", MOTTO, MOTTO_2, "---------------", "Số: 03/NQ-CP", "Hà Nội, ngày 09 tháng 01 năm 2025",
    # title and body paragraphs: other documents' numbers and dates
    "NGHỊ QUYẾT",
    "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA "
    "BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA",
    "CHÍNH PHỦ",
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công "
    "nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
    "QUYẾT NGHỊ:",
    "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW.",
    "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.",
    "PHỤ LỤC II", "CÁC NHIỆM VỤ CỤ THỂ", "(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)",
]

# (id, lines, commune, plan number, plan date, year, issuer)
HEADER_CASES: list[tuple[str, list[str], str, str, date | None, int | None, str]] = [
    # a commune's plan in Word: the layout table's cells as their paragraphs
    ("commune plan, layout table",
     ["ỦY BAN NHÂN DÂN", "XÃ PHÚ LỘC", MOTTO, MOTTO_2, "Số: 125/KH-UBND", "Phú Lộc, ngày 18 tháng 7 năm 2025",
      "KẾ HOẠCH", "Thực hiện các nhiệm vụ chuyển đổi số trên địa bàn xã năm 2025 - 2026", "PHỤ LỤC",
      "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ", "(Kèm theo Kế hoạch số 125/KH-UBND ngày 18/7/2025 của UBND xã Phú Lộc)"],
     "Phú Lộc", "125/KH-UBND", date(2025, 7, 18), 2025, "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC"),
    ("commune plan, one line per cell",
     ["ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\n-------", f"{MOTTO}\n{MOTTO_2}\n---------------", "Số: 12/KH-UBND",
      "Tân Phú, ngày 03 tháng 02 năm 2026", "PHỤ LỤC 1"],
     "Tân Phú", "12/KH-UBND", date(2026, 2, 3), 2026, "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
    ("commune plan, paragraphs with tabs",
     [f"ỦY BAN NHÂN DÂN\t{MOTTO}", "XÃ TÂN PHÚ\tĐộc lập – Tự do – Hạnh phúc",
      "Số: 12/KH-UBND\tTân Phú, ngày 03 tháng 02 năm 2026"],
     "Tân Phú", "12/KH-UBND", date(2026, 2, 3), 2026, "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
    ("commune plan, header cells joined into one line",
     [f"ỦY BAN NHÂN DÂN XÃ TÂN PHÚ {MOTTO}", "Số: 12/KH-UBND Tân Phú, ngày 03 tháng 02 năm 2026"],
     "Tân Phú", "12/KH-UBND", date(2026, 2, 3), 2026, "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
    ("commune plan, markup and a '*' separator",
     ["**UBND XÃ NAM HỒNG**", "*", f"**{MOTTO}**", f"_{MOTTO_2}_", "___", "Số: 44/KH-UBND",
      "_Nam Hồng, ngày 01 tháng 4 năm 2026_"],
     "Nam Hồng", "44/KH-UBND", date(2026, 4, 1), 2026, "UBND XÃ NAM HỒNG"),
    ("old tone placement, number and day left blank",
     ["UỶ BAN NHÂN DÂN", "XÃ HOÀ BÌNH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số:    /KH-UBND",
      "Hoà Bình, ngày      tháng 5 năm 2026"],
     "Hoà Bình", "", None, 2026, "UỶ BAN NHÂN DÂN XÃ HOÀ BÌNH"),
    ("a ward names its ward",
     ["UBND PHƯỜNG HÒA BÌNH", MOTTO, "Số: 5/KH-UBND", "Hòa Bình, ngày 2 tháng 3 năm 2026"],
     "Hòa Bình", "5/KH-UBND", date(2026, 3, 2), 2026, "UBND PHƯỜNG HÒA BÌNH"),
    ("a township (thị trấn) names its township",
     ["ỦY BAN NHÂN DÂN", "THỊ TRẤN NHO QUAN", MOTTO, "Số: 9/KH-UBND", "Nho Quan, ngày 2 tháng 3 năm 2025"],
     "Nho Quan", "9/KH-UBND", date(2025, 3, 2), 2025, "ỦY BAN NHÂN DÂN THỊ TRẤN NHO QUAN"),
    # bodies above the communes name none, and their place of issue is no commune
    ("a provincial plan",
     ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH", "-------", MOTTO, MOTTO_2, "Số: 88/KH-UBND",
      "Ninh Bình, ngày 15 tháng 3 năm 2025", "KẾ HOẠCH", "Chuyển đổi số tỉnh Ninh Bình năm 2025"],
     "", "88/KH-UBND", date(2025, 3, 15), 2025, "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"),
    ("a provincial department under its province",
     ["UBND TỈNH NINH BÌNH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", MOTTO, "Số: 15/KH-STTTT",
      "Ninh Bình, ngày 20 tháng 01 năm 2025"],
     "", "15/KH-STTTT", date(2025, 1, 20), 2025, "UBND TỈNH NINH BÌNH SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
    ("a district's plan",
     ["UBND HUYỆN GIA VIỄN", MOTTO, "Số: 30/KH-UBND", "Gia Viễn, ngày 5 tháng 5 năm 2025"],
     "", "30/KH-UBND", date(2025, 5, 5), 2025, "UBND HUYỆN GIA VIỄN"),
    ("a town (thị xã) is not a commune",
     ["UBND THỊ XÃ PHÚ THỌ", MOTTO, "Số: 5/KH-UBND", "Phú Thọ, ngày 5 tháng 5 năm 2025"],
     "", "5/KH-UBND", date(2025, 5, 5), 2025, "UBND THỊ XÃ PHÚ THỌ"),
    # Nghị quyết 03/NQ-CP: the Government's header, Hà Nội as the place of issue, other documents cited below
    ("NQ 03/NQ-CP, Phụ lục II with the resolution above it",
     NQ03_LINES, "", "03/NQ-CP", date(2025, 1, 9), 2025, "CHÍNH PHỦ"),
    ("NQ 03/NQ-CP, Phụ lục I on its own",
     ["PHỤ LỤC I", "CÁC CHỈ TIÊU", "(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)"],
     "", "03/NQ-CP", date(2025, 1, 9), 2025, ""),
    ("NQ 03 with the date in figures",
     ["Kèm theo Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ"], "", "03/NQ-CP", date(2025, 1, 9), 2025, ""),
    ("a decree's number with its year",
     ["CHÍNH PHỦ", MOTTO, "Số: 30/2020/NĐ-CP", "Hà Nội, ngày 05 tháng 3 năm 2020"],
     "", "30/2020/NĐ-CP", date(2020, 3, 5), 2020, "CHÍNH PHỦ"),
    # xlsx title rows: one line per cell, merged cells once
    ("xlsx, Gia Phong: number and date left blank",
     ["UBND XÃ GIA PHONG", MOTTO, MOTTO_2, "Kế hoạch số …/KH-UBND", "Gia Phong, ngày … tháng … năm 2025",
      "PHỤ LỤC 1", "MỤC TIÊU TRIỂN KHAI THỰC HIỆN MÔ HÌNH CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN XÃ",
      "(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2025 của UBND xã Gia Phong)"],
     "Gia Phong", "", None, 2025, "UBND XÃ GIA PHONG"),
    ("xlsx, Phú Lộc",
     ["UBND XÃ PHÚ LỘC", MOTTO, MOTTO_2, "Số: 125/KH-UBND", "Phú Lộc, ngày 18 tháng 7 năm 2025", "PHỤ LỤC",
      "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ", "(Kèm theo Kế hoạch số 125/KH-UBND ngày 18/7/2025 của UBND xã Phú Lộc)"],
     "Phú Lộc", "125/KH-UBND", date(2025, 7, 18), 2025, "UBND XÃ PHÚ LỘC"),
    ("xlsx, a cell breaking the 'Kèm theo' line",
     ["PHỤ LỤC 1", "(Kèm theo Kế hoạch", "số 44/KH-UBND ngày 01/4/2026 của UBND xã Tân Phú)"],
     "Tân Phú", "44/KH-UBND", date(2026, 4, 1), 2026, ""),
    # other documents and numbers
    ("a Party committee's plan",
     ["ĐẢNG BỘ HUYỆN GIA VIỄN", "ĐẢNG ỦY XÃ GIA PHONG", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 05-KH/ĐU",
      "Gia Phong, ngày 10 tháng 2 năm 2025"],
     "Gia Phong", "05-KH/ĐU", date(2025, 2, 10), 2025, "ĐẢNG BỘ HUYỆN GIA VIỄN ĐẢNG ỦY XÃ GIA PHONG"),
    ("a steering committee's plan",
     ["BCĐ CHUYỂN ĐỔI SỐ XÃ TÂN LẬP", MOTTO, "Số: 02/KH-BCĐ", "Tân Lập, ngày 3 tháng 3 năm 2025"],
     "Tân Lập", "02/KH-BCĐ", date(2025, 3, 3), 2025, "BCĐ CHUYỂN ĐỔI SỐ XÃ TÂN LẬP"),
    ("'Số' without a colon",
     ["ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", MOTTO, "Số 12/QĐ-UBND", "Tân Phú, ngày 2 tháng 3 năm 2026"],
     "Tân Phú", "12/QĐ-UBND", date(2026, 3, 2), 2026, "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
    ("a decision issuing the plan: the plan's number and date win",
     ["ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", MOTTO, "Số: 12/QĐ-UBND", "Tân Phú, ngày 2 tháng 3 năm 2026", "QUYẾT ĐỊNH",
      "Căn cứ Kế hoạch số 88/KH-UBND ngày 10/01/2026 của UBND tỉnh;",
      "(Kèm theo Kế hoạch số 44/KH-UBND ngày 01/4/2026 của UBND xã)"],
     "Tân Phú", "44/KH-UBND", date(2026, 4, 1), 2026, "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
    ("a blank plan number stays blank rather than take a cited one",
     [MOTTO, "Số:    /KH-UBND", "Tân Phú, ngày 01 tháng 4 năm 2026",
      "Thực hiện Kế hoạch số 88/KH-UBND ngày 10/01/2026 của UBND tỉnh"],
     "", "", date(2026, 4, 1), 2026, ""),
    ("a blank number in the header gives way to the appendix's",
     [MOTTO, "Số: …/KH-UBND", "Tân Phú, ngày … tháng 4 năm 2026",
      "(Kèm theo Kế hoạch số 44/KH-UBND ngày 01/4/2026 của UBND xã Tân Phú)"],
     "Tân Phú", "44/KH-UBND", date(2026, 4, 1), 2026, ""),
    ("a schedule attached to a notice, no header block",
     ["UBND XÃ TÂN LẬP", "LỊCH TRIỂN KHAI CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ QUÝ III - IV NĂM 2025",
      "(Kèm theo Thông báo số 58/TB-UBND ngày 05 tháng 9 năm 2025 của UBND xã Tân Lập)"],
     "Tân Lập", "58/TB-UBND", date(2025, 9, 5), 2025, "UBND XÃ TÂN LẬP"),
    ("citations only: nothing is the plan's",
     ["PHỤ LỤC", "Căn cứ Kế hoạch số 88/KH-UBND ngày 10/01/2026 của UBND tỉnh Ninh Bình;"], "", "", None, None, ""),
    ("a place of issue alone is no commune",
     ["Hà Nội, ngày 09 tháng 01 năm 2025"], "", "", date(2025, 1, 9), 2025, ""),
    ("titles in capitals are no issuer",
     ["PHỤ LỤC 1", "MỤC TIÊU CHUYỂN ĐỔI SỐ", "(Kèm theo Kế hoạch số 3/KH-UBND ngày 2/2/2025 của UBND xã Tân Phú)"],
     "Tân Phú", "3/KH-UBND", date(2025, 2, 2), 2025, ""),
]


@pytest.mark.parametrize(("lines", "commune", "number", "plan_date", "year", "issuer"),
                         [c[1:] for c in HEADER_CASES], ids=[c[0] for c in HEADER_CASES])
def test_header_block(lines: list[str], commune: str, number: str, plan_date: date | None, year: int | None,
                      issuer: str) -> None:
    title = read_title(lines)
    assert (title.commune, title.plan_number, title.plan_date, title.year, title.issuer) == (
        commune, number, plan_date, year, issuer)


def test_title_is_every_line_joined() -> None:
    title = read_title(["ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", "  PHỤ LỤC 1*", "", "(Kèm theo …)"])
    assert title.title == "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ PHỤ LỤC 1 (Kèm theo …)"


def test_plan_title_fields() -> None:
    assert PlanTitle() == PlanTitle("", "", None, None, "", "")
    assert PlanTitle("Nam Hồng", "44/KH-UBND").issuer == ""


def test_long_runs_of_dots_are_read_fast() -> None:
    """Blank dates and numbers are typed as dots; a hostile line of them must not make the regexes backtrack."""
    lines = ["ngày " + "." * 50_000 + " tháng", "Số: " + "…" * 50_000, "(" * 10_000, "Kế hoạch số " + "/" * 20_000]
    started = time.process_time()
    title = read_title(lines)
    assert time.process_time() - started < 2.0
    assert (title.plan_number, title.plan_date) == ("", None)


# --- commune_from_texts ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("texts", "commune"), [
    (["Tỷ lệ … trên địa bàn xã: Đạt 100%", "Kế hoạch Chuyển đổi số xã Nam Hồng năm 2027"], "Nam Hồng"),
    (["dịch vụ công cấp xã Đạt 100%"], ""),
    (["Chuyển đổi số phường Hòa Bình năm 2026"], "Hòa Bình"),
    (["Phối hợp với Thông tấn xã Việt Nam tuyên truyền"], ""),
    (["Hỗ trợ Hợp tác xã Nông nghiệp đưa sản phẩm lên sàn"], ""),
    (["Kết nối trung tâm thị xã Phú Thọ"], ""),
])
def test_commune_from_item_texts(texts: list[str], commune: str) -> None:
    assert commune_from_texts(texts) == commune
