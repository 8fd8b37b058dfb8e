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
from desktop_app.services.plans import show
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
            for cell, text in zip(cells, row):
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
    assert plan["items"][1]["monitoring_units"] == ["Phòng Văn hóa - Xã hội"]
    assert plan["items"][1]["implementing_units"] == ["Công an xã"]


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
