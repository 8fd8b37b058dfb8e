"""Commune, plan number and date from the lines above the appendix table."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.plan_title import commune_from_texts, read_title


@pytest.mark.parametrize(("lines", "commune", "number", "plan_date", "year"), [
    (["PHỤ LỤC 1*(Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026 của UBND xã)*"],
     "", "44/KH-UBND", date(2026, 4, 1), 2026),
    (["PHỤ LỤC 1:", "(Kèm theo Kế hoạch số /KH-UBND ngày /4/2026 của UBND xã Minh Tân)"], "Minh Tân", "", None, 2026),
    (["ỦY BAN NHÂN DÂN XÃ NAM HỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 44/KH-UBND",
      "Nam Hồng, ngày 01 tháng 4 năm 2026"], "Nam Hồng", "44/KH-UBND", date(2026, 4, 1), 2026),
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND", "Tân Phú, ngày 03 tháng 02 năm 2026"],
     "Tân Phú", "12/KH-UBND", date(2026, 2, 3), 2026),
    (["(Kèm theo Kế hoạch số 7/KH-UBND ngày 15/3/2026 của xã Tân Phú)"], "Tân Phú", "7/KH-UBND", date(2026, 3, 15), 2026),
    (["Kế hoạch số 44/KH-UBND ngày 31/2/2026"], "", "44/KH-UBND", None, 2026),
    ([], "", "", None, None),
])
def test_read_title(lines: list[str], commune: str, number: str, plan_date: date | None, year: int | None) -> None:
    title = read_title(lines)
    assert (title.commune, title.plan_number, title.plan_date, title.year) == (commune, number, plan_date, year)


def test_commune_from_item_texts() -> None:
    assert commune_from_texts(["Tỷ lệ … trên địa bàn xã: Đạt 100%", "Kế hoạch Chuyển đổi số xã Nam Hồng năm 2027"]) == "Nam Hồng"
    assert commune_from_texts(["dịch vụ công cấp xã Đạt 100%"]) == ""
