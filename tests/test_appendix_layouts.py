"""Layouts real files have beyond the seeds: whole-row merged headings, the official header block, a
signature table after the appendix, other column titles, two-row headers, Markdown emphasis."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import openpyxl
from docx import Document

from db.engine import Database
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show, units
from tests.conftest import MINH_TAN, NAM_HONG
from tests.seed_files import make_docx

HEADER = ["Stt", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì theo dõi", "Đơn vị chủ trì triển khai",
          "Thời gian hoàn thành", "Ghi chú"]
BODY = [
    ["I.", "Phân công theo dõi các chỉ tiêu"],
    ["1.", "Về hạ tầng số"],
    ["1.1", "Phủ sóng 5G đạt tối thiểu 70% dân số", "Phòng Văn hóa - Xã hội", "Các doanh nghiệp viễn thông",
     "Tháng 12/2026", ""],
    ["2.", "Về nhân lực số"],
    ["2.1", "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số: Đạt 100%", "Phòng Văn hóa - Xã hội", "Công an xã",
     "Quý III/2026", ""],
]


def _docx(tables: list[list[list[str]]], *, before: list[str] | None = None, merge_headings: bool = True,
          layout: list[list[str]] | None = None, after: list[list[str]] | None = None) -> bytes:
    document = Document()
    if layout:
        t = document.add_table(rows=len(layout), cols=len(layout[0]))
        for r, row in enumerate(layout):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    for line in before or []:
        document.add_paragraph(line)
    for rows in tables:
        t = document.add_table(rows=0, cols=6)
        for row in rows:
            cells = t.add_row().cells
            if len(row) == 2 and merge_headings:  # a heading merged across the whole row, as Word does
                merged = cells[0].merge(cells[5])
                merged.text = f"{row[0]} {row[1]}"
                continue
            for cell, text in zip(cells, row, strict=False):
                cell.text = text
        document.add_paragraph("")
    if after:
        t = document.add_table(rows=len(after), cols=len(after[0]))
        for r, row in enumerate(after):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _import(db: Database, tmp_path: Path, name: str, data: bytes) -> dict[str, Any]:
    path = tmp_path / name
    path.write_bytes(data)
    result = import_file(db, path=path, again=True)
    return show(db, plan_id=result.plan_id)["plans"][0]


def _summary(plan: dict[str, Any]) -> list[tuple[str, str, str | None, str | None]]:
    return [(i["number"], i["section"], i["group"], i["deadline"]["due"]) for i in plan["items"]]


EXPECTED = [("1.1", "I", "1", "2026-12-31"), ("2.1", "I", "2", "2026-09-30")]


def test_headings_merged_across_the_whole_row_docx(db: Database, tmp_path: Path) -> None:
    plan = _import(db, tmp_path, "gop.docx", _docx([[HEADER, *BODY]]))
    assert _summary(plan) == EXPECTED
    assert [g["title"] for g in plan["sections"][0]["groups"]] == ["Về hạ tầng số", "Về nhân lực số"]
    assert not [w for w in plan["warnings"] if "thời hạn" in w]


def test_headings_merged_across_the_whole_row_xlsx(db: Database, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in BODY:
        ws.append(row if len(row) > 2 else [f"{row[0]} {row[1]}"])
        if len(row) == 2:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
    out = io.BytesIO()
    wb.save(out)
    plan = _import(db, tmp_path, "gop.xlsx", out.getvalue())
    assert _summary(plan) == EXPECTED


def test_official_header_block_and_title_paragraphs(db: Database, tmp_path: Path) -> None:
    layout = [["ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"]]
    before = ["PHỤ LỤC 1", "(Kèm theo Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026 của UBND xã)"]
    plan = _import(db, tmp_path, "khoi_dau.docx", _docx([[HEADER, *BODY]], before=before, layout=layout))
    assert (plan["commune"], plan["plan_number"], plan["plan_date"]) == ("Tân Phú", "44/KH-UBND", "2026-04-01")
    assert not [w for w in plan["warnings"] if "để trống" in w]


def test_signature_table_after_the_appendix_is_not_an_item(db: Database, tmp_path: Path) -> None:
    after = [["Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A"]]
    plan = _import(db, tmp_path, "ky.docx", _docx([[HEADER, *BODY[:3]], BODY[3:]], after=after))
    assert _summary(plan) == EXPECTED


def test_other_column_titles(db: Database, tmp_path: Path) -> None:
    header = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú"]
    plan = _import(db, tmp_path, "cot.docx", _docx([[header, *BODY]]))
    assert _summary(plan) == EXPECTED
    # the lead unit carries the task out and reports; the coordinating ones keep a role of their own
    assert plan["items"][1]["monitoring_units"] == []
    assert plan["items"][1]["implementing_units"] == ["Phòng Văn hóa - Xã hội"]
    assert plan["items"][1]["coordinating_units"] == ["Công an xã"]


def test_two_row_header_repeated_at_a_page_break(db: Database, tmp_path: Path) -> None:
    top = ["Stt", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì", "Đơn vị chủ trì", "Thời gian hoàn thành", "Ghi chú"]
    sub = ["", "", "Theo dõi", "Triển khai", "", ""]
    plan = _import(db, tmp_path, "hai_hang.docx", _docx([[top, sub, *BODY[:3]], [top, sub, *BODY[3:]]]))
    assert _summary(plan) == EXPECTED
    assert plan["items"][1]["implementing_units"] == ["Công an xã"]
    assert not [w for w in plan["warnings"] if "Stt Stt" in w]


def test_markdown_emphasis(db: Database, tmp_path: Path) -> None:
    lines = ["| " + " | ".join(f"**{h}**" for h in HEADER) + " |", "|---|---|---|---|---|---|"]
    for row in BODY:
        cells = row if len(row) > 2 else [f"**{row[0]}**", f"**{row[1]}**", "", "", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    lines[4] = lines[4].replace("tối thiểu", "*tối thiểu*")
    plan = _import(db, tmp_path, "dam.md", "\n".join(lines).encode())
    assert _summary(plan) == EXPECTED
    assert plan["sections"][0]["title"] == "Phân công theo dõi các chỉ tiêu"
    assert plan["items"][0]["targets"][0]["op"] == ">="


def test_unit_merges_name_rows_and_count_the_registry(db: Database, tmp_path: Path) -> None:
    import_file(db, path=NAM_HONG)
    rows = [HEADER, *BODY]
    rows[3] = [*rows[3][:2], "Phòng Văn hoá – Xã hội", *rows[3][3:]]
    rows[5] = [*rows[5][:2], "Phòng Văn hoá – Xã hội", *rows[5][3:]]
    text = "\n".join("\t".join(r + [""] * (6 - len(r))) for r in rows)
    plan = _import(db, tmp_path, "mot_cach_viet.txt", text.encode())
    merged = [w for w in plan["warnings"] if w.startswith("Đã gộp")]
    assert len(merged) == 1
    assert "«Phòng Văn hoá – Xã hội» (dòng 4)" in merged[0]
    assert "đã có trong danh sách đơn vị" in merged[0] and merged[0].endswith("thành «Phòng Văn hóa - Xã hội».")


def test_warnings_keep_document_order_in_word_files(db: Database, tmp_path: Path) -> None:
    def numbers(plan: dict[str, Any]) -> list[str]:
        return [m.group(1) for w in plan["warnings"] if (m := re.search(r"\(Stt ([^)]*)\)", w))]

    text_plan = _import(db, tmp_path, "minh_tan.txt", MINH_TAN.read_bytes())
    word_plan = _import(db, tmp_path, "minh_tan.docx", make_docx(MINH_TAN))
    assert numbers(word_plan) == numbers(text_plan) == ["5.3", "6.2", "6.2", "6.4", "6.15"]


def _tsv(rows: list[list[str]]) -> bytes:
    return "\n".join("\t".join(r + [""] * (6 - len(r))) for r in rows).encode()


def test_two_row_header_with_stt_merged_down(db: Database, tmp_path: Path) -> None:
    document = Document()
    t = document.add_table(rows=2, cols=6)
    for c, text in enumerate(["Stt", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì", "", "Thời gian hoàn thành", "Ghi chú"]):
        t.cell(0, c).text = text
    t.cell(1, 2).text, t.cell(1, 3).text = "Theo dõi", "Triển khai"
    for c in (0, 1, 4, 5):
        t.cell(0, c).merge(t.cell(1, c))
    t.cell(0, 2).merge(t.cell(0, 3))
    for row in BODY:
        cells = t.add_row().cells
        for cell, text in zip(cells, row if len(row) > 2 else [*row, *row[1:] * 4], strict=False):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    plan = _import(db, tmp_path, "hai_hang_gop.docx", out.getvalue())
    assert _summary(plan) == EXPECTED
    assert plan["items"][1]["monitoring_units"] == ["Phòng Văn hóa - Xã hội"]
    assert plan["items"][1]["implementing_units"] == ["Công an xã"]


def test_merged_headings_without_a_space_after_the_number(db: Database, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in [["II.PHÂN CÔNG"], ["1.Về hạ tầng số"], BODY[2], ["2- Về nhân lực số"], BODY[4]]:
        ws.append(row)
        if len(row) == 1:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=6)
    out = io.BytesIO()
    wb.save(out)
    plan = _import(db, tmp_path, "sat.xlsx", out.getvalue())
    assert [(i["number"], i["section"], i["group"]) for i in plan["items"]] == [("1.1", "II", "1"), ("2.1", "II", "2")]
    assert [u["name"] for u in units(db)["units"] if "Về" in u["name"]] == []  # no heading became a unit


def test_lead_and_partner_columns_and_columns_of_their_own(db: Database, tmp_path: Path) -> None:
    header = ["Stt", "Nhiệm vụ", "Đơn vị chủ trì thực hiện", "Đơn vị phối hợp thực hiện", "Thời gian thực hiện",
              "Kết quả thực hiện", "Kinh phí", "Ý kiến"]
    rows = [header, ["I", "Nhiệm vụ"], ["1", "Tổ chức 02 hội nghị", "Công an xã", "Trạm Y tế", "Quý III/2026",
                                        "Đã xong", "1000000", "Đồng ý"]]
    text = "\n".join("\t".join(r + [""] * (8 - len(r))) for r in rows).encode()
    path = tmp_path / "cot_la.txt"
    path.write_bytes(text)
    import pytest

    from desktop_app.services.import_columns import UnsureColumns

    with pytest.raises(UnsureColumns, match="Ý kiến"):  # a column the program cannot name: asked, not guessed
        import_file(db, path=path, again=True)
    result = import_file(db, path=path, again=True, columns="1=number,2=text,3=lead,4=coordinating,5=deadline,"
                                                            "6=output,7=budget,8=note")
    item = show(db, plan_id=result.plan_id)["plans"][0]["items"][0]
    assert item["monitoring_units"] == [] and item["implementing_units"] == ["Công an xã"]
    assert item["coordinating_units"] == ["Trạm Y tế"]
    assert (item["output"], item["budget"], item["note"]) == ("Đã xong", "1000000", "Đồng ý")
    assert item["text"] == "Tổ chức 02 hội nghị"
    again = _import(db, tmp_path, "cot_la.txt", text)  # the same header again: the roles are remembered
    assert again["items"][0]["coordinating_units"] == ["Trạm Y tế"]


def test_excel_numeric_stt_1_10(db: Database, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["I", "Chỉ tiêu"])
    ws.append([1, "Về hạ tầng số"])
    for k in range(1, 13):
        ws.append([float(f"1.{k}"), f"Tỷ lệ số {k}: đạt 100%", "Công an xã", "Công an xã", "Tháng 12/2026"])
    out = io.BytesIO()
    wb.save(out)
    plan = _import(db, tmp_path, "so.xlsx", out.getvalue())
    assert [i["number"] for i in plan["items"]] == [f"1.{k}" for k in range(1, 13)]
    joined = "\n".join(plan["warnings"])
    assert "được đọc là 1.10" in joined and "trùng" not in joined and "nhảy cóc" not in joined


def test_item_outside_its_group_and_bare_numbers_in_a_section_without_groups(db: Database, tmp_path: Path) -> None:
    rows = [HEADER, ["I", "Chỉ tiêu"], ["1", "Về hạ tầng số"],
            ["2.1", "Tỷ lệ A: đạt 100%", "Công an xã", "Công an xã", "Tháng 12/2026"],
            ["II", "Văn bản cần xây dựng"],
            ["1", "Kế hoạch A", "Công an xã", "Công an xã", "Tháng 12/2026"],
            ["2", "Quy chế B"],
            ["3", "Quyết định C", "Công an xã", "Công an xã", "Tháng 6/2026"],
            ["(tiếp theo)"]]
    plan = _import(db, tmp_path, "nhom.txt", _tsv(rows))
    assert [(i["number"], i["section"], i["group"]) for i in plan["items"]] == [
        ("2.1", "I", "1"), ("1", "II", None), ("2", "II", None), ("3", "II", None)]
    joined = "\n".join(plan["warnings"])
    assert "2.1 không thuộc nhóm 1" in joined and "bỏ qua hàng «(tiếp theo)»" in joined


def test_sections_written_as_parts_or_letters(db: Database, tmp_path: Path) -> None:
    rows = [HEADER, ["Phần I", "Chỉ tiêu"], ["1.1", "Tỷ lệ A: đạt 100%", "Công an xã", "", "Năm 2026"],
            ["B", "Nhiệm vụ khác"], ["1.1", "Tỷ lệ B: đạt 100%", "Công an xã", "", "Năm 2026"]]
    plan = _import(db, tmp_path, "phan.txt", _tsv(rows))
    assert [s["numeral"] for s in plan["sections"]] == ["I", "B"]
    assert not [w for w in plan["warnings"] if "trùng" in w]


def test_plan_without_a_year(db: Database, tmp_path: Path) -> None:
    import pytest

    from desktop_app.errors import InvalidValue, NotFound
    from desktop_app.services.progress import record_progress

    rows = [HEADER, ["I", "Chỉ tiêu"], ["1.1", "Tỷ lệ A: đạt 100%", "Công an xã", "", "Thường xuyên"]]
    plan = _import(db, tmp_path, "khong_nam.txt", _tsv(rows))
    assert any("năm của kế hoạch" in w for w in plan["warnings"])
    with pytest.raises(NotFound, match="chưa có năm"):
        record_progress(db, item_id=plan["items"][0]["id"], period="Quý I/2026", value=None, status="done")
    nam_hong = import_file(db, path=NAM_HONG).plan_id
    item = next(i for i in show(db, plan_id=nam_hong)["plans"][0]["items"] if i["number"] == "7.1")
    with pytest.raises(InvalidValue, match="hãy nhập giá trị"):
        record_progress(db, item_id=item["id"], period="Quý I/2026", status="done")


def test_lettered_sub_items_sort_under_their_parent_after_an_edit_too(db: Database, tmp_path: Path) -> None:
    from datetime import date

    from desktop_app.services import editing, items

    rows = [HEADER, ["I", "Nhiệm vụ"], ["1", "Nâng cấp hạ tầng"],
            ["a)", "Mua máy tính", "Công an xã", "", "Quý II/2026"], ["b)", "Lắp camera", "Công an xã", "", "Quý III/2026"],
            ["2", "Số hóa hồ sơ", "Công an xã", "", "Tháng 12/2026"], ["3", "Tập huấn kỹ năng số"],
            ["a)", "Cho cán bộ", "Công an xã", "", "Quý I/2026"], ["b)", "Cho người dân", "Công an xã", "", "Quý IV/2026"]]
    plan = _import(db, tmp_path, "chu_cai.txt", _tsv(rows))
    assert [(i["number"], i["group"]) for i in plan["items"]] == [
        ("a", "1"), ("b", "1"), ("2", None), ("a", "3"), ("b", "3")]  # 1 and 3 only head their rows
    assert not [w for w in plan["warnings"] if "trùng" in w or "nhảy cóc" in w]
    query = items.make_query(plan_id=plan["id"], today=date(2026, 1, 1))
    order = [(r.number, r.text) for r in items.page(db, query)]
    assert [n for n, _ in order] == ["a", "b", "2", "a", "b"]
    item = plan["items"][3]["id"]
    detail = editing.item_detail(db, item_id=item)
    editing.update_item(db, new=detail.__class__(**{**detail.__dict__, "text": "Cho cán bộ, công chức"}))
    assert [(r.number, r.text) for r in items.page(db, query)][3] == ("a", "Cho cán bộ, công chức")
