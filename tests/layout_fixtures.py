"""Real appendix layouts beyond the seeds, built as Word, Excel and tab-separated files, each with what a correct
import gives (EXPECTED). Written from the import specification, not from the importer.

Sources of the texts (stored public copies; rows not found verbatim are written in the same style and say so):

- Nghị quyết 03/NQ-CP ngày 09/01/2025 của Chính phủ (Chương trình hành động thực hiện Nghị quyết 57-NQ/TW):
  header block ("CHÍNH PHỦ" | "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc",
  "Số: 03/NQ-CP" | "Hà Nội, ngày 09 tháng 01 năm 2025"), title and the "Căn cứ …" / "Điều 1 …" paragraphs from
  https://thuvienphapluat.vn/van-ban/Linh-vuc-khac/Nghi-quyet-03-NQ-CP-2025-dot-pha-phat-trien-khoa-hoc-cong-nghe-doi-moi-sang-tao-639586.aspx
  (and its English page …/Resolution-03-NQ-CP-2025-…/643335/tieng-anh.aspx).
  "35 chỉ tiêu đến năm 2030 … Bộ Khoa học và Công nghệ … cơ quan chủ trì theo dõi, đánh giá với 27 trên tổng số 35
  chỉ tiêu": https://dxcenter.org.vn/viet-nam-tren-duong-dua-ky-nguyen-so-kinh-te-so-bai-2
  Phụ lục I rows 1-3 ("Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo" … "Đạt mức tiên tiến", "Xếp hạng
  năng lực cạnh tranh số" … "≤ 3 Đông Nam Á; ≤ 50 Thế giới") and Phụ lục II tasks 1-5 ("Xây dựng, trình Thủ tướng
  Chính phủ ban hành và tổ chức triển khai chương trình tuyên truyền thường xuyên, sâu rộng về nội dung Nghị quyết
  57-NQ/TW", "… trên truyền hình, phát thanh và mạng xã hội", "… phong trào học tập trên các nền tảng số" with
  "Các bộ, ngành, địa phương", "… trách nhiệm người đứng đầu …", "… Đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển
  đổi số …" with Bộ Nội vụ) as quoted from NQ 03 in a public NQ57 dashboard brief (GitHub, file found by the string
  "≤ 3 Đông Nam Á"). The remaining indicator values follow Nghị quyết 57-NQ/TW's targets for 2030/2045 (kinh tế số
  ≥ 30% / ≥ 50% GDP, R&D 2% GDP, TFP, HDI > 0,7, doanh nghiệp đổi mới sáng tạo > 40%); sub-rows 11.1-11.10 and
  section II of Phụ lục II are written in the same style.
- Xã Gia Phong (Gia Viễn, Ninh Bình), "Phụ lục 1: Mục tiêu triển khai thực hiện mô hình chuyển đổi số trên địa bàn
  xã": columns "STT | Tên chỉ tiêu | Giải thích chỉ tiêu | Đơn vị tính | Chỉ tiêu cụ thể", sections
  "I Đào tạo, chuyển đổi nhận thức (02 chỉ tiêu)", "II Hạ tầng số (05 chỉ tiêu)" and the first three indicators
  verbatim from
  http://giaphong.giavien.ninhbinh.gov.vn/thu-tuc-hanh-chinh/phu-luc-1-muc-tieu-trien-khai-thuc-hien-mo-hinh-chuyen-doi-so-tren-dia-ban-xa-kem-theo-ke-hoach--266546
  The other indicators are in the same style.
- "hoàn thành cung cấp dịch vụ công trực tuyến cấp xã trước 15/8/2025" (Thông báo 408/TB-VPCP ngày 8/8/2025):
  https://cafef.vn/kiem-tra-chan-chinh-cham-dut-tinh-trang-co-giay-to-hoan-thanh-cung-cap-dich-vu-cong-truc-tuyen-cap-xa-truoc-15-8-2025-188250811105953239.chn
  Commune header blocks as in https://xatinhtra.sontinh.quangngai.gov.vn/page/Article/News/detail/67d14d9f10e9464b9f042acb
  ("ỦY BAN NHÂN DÂN XÃ TỊNH TRÀ | CỘNG HÒA …", "Số: /KH-UBND | Tịnh Trà, ngày 26 tháng 4 năm 2024").
  The commune task plan (xã Phú Lộc) and the schedule with an unusual header (xã Tân Lập) are written in the style
  of those plans; their communes are examples.

`python -m tests.layout_fixtures OUT_DIR` writes every fixture file into OUT_DIR and prints its tables.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from openpyxl.styles import Alignment, Font

# ---------------------------------------------------------------------------------------------------------------
# What a correct import gives
# ---------------------------------------------------------------------------------------------------------------

ANY = None  # a field left as None in an expectation is not checked


@dataclass(frozen=True)
class Target:
    """One target as `show` gives it; unit_kind None: not checked."""

    op: str
    value: float
    unit_kind: str | None = None


@dataclass(frozen=True)
class ExpectedItem:
    """One item of the plan, in document order. None: not checked; "" / []: must be empty."""

    number: str  # as normalised (trailing "." and ")" are ignored when compared: "a)" == "a")
    section: str
    group: str | None
    text: str  # compared with whitespace collapsed (a cell's paragraphs may be joined by a space or a newline)
    targets: list[Target] | None = None
    deadline_kind: str | None = None
    due: str | None = None  # ISO date; checked when deadline_kind or due is given
    deadline_raw: str | None = None
    implementing: list[str] | None = None
    monitoring: list[str] | None = None
    coordinating: list[str] | None = None
    explanation: str | None = None
    unit_of_measure: str | None = None
    target_text: str | None = None
    output: str | None = None
    budget_parts: tuple[str, ...] | None = None  # each must appear in item["budget"]
    note: str | None = None


@dataclass(frozen=True)
class Expected:
    """The whole plan a correct import gives."""

    commune: str | None
    plan_number: str | None
    plan_date: str | None
    issuer: tuple[str, ...] | None  # any of these spellings; None: not checked
    year: int | None
    sections: list[tuple[str, str | tuple[str, ...]]]  # numeral, title (or acceptable titles)
    groups: dict[str, list[tuple[str, str]]]  # section numeral -> [(number, title)]
    items: list[ExpectedItem]
    roles: list[str] | None  # the roles `--show-columns` gives the appendix table's columns
    confident: bool = True
    columns: str | None = None  # what an officer passes with --columns when the program is not confident
    units_present: tuple[str, ...] = ()  # names that must be in the unit registry
    units_absent: tuple[str, ...] = ("ngành", "Ngành", "Thể thao và Du lịch", "địa phương", "ban", "Ban")
    plan_date_checked: bool = True


@dataclass(frozen=True)
class Layout:
    """One fixture file: its name, how to build its bytes, and what a correct import gives."""

    id: str
    filename: str
    build: Callable[[], bytes]
    expected: Expected
    exercises: str = ""


# ---------------------------------------------------------------------------------------------------------------
# Word and Excel helpers
# ---------------------------------------------------------------------------------------------------------------


def _no_borders(table: Table) -> None:
    """A layout table (the header block) has no borders, as in every official document."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _grid(table: Table) -> None:
    table.style = "Table Grid"


def _set_lines(cell, lines: list[str], *, bold: bool = False, italic: bool = False) -> None:  # noqa: ANN001
    """Cell text as separate paragraphs (as typed in Word with Enter)."""
    cell.text = ""
    first = cell.paragraphs[0]
    for n, line in enumerate(lines):
        para = first if n == 0 else cell.add_paragraph()
        run = para.add_run(line)
        run.bold = bold
        run.italic = italic


def _header_block(document, left: list[str], right: list[str], number: str, place_date: str) -> None:  # noqa: ANN001
    """The official header block: a borderless 2 × 2 table (issuer | national motto; number | place and date)."""
    table = document.add_table(rows=2, cols=2)
    _no_borders(table)
    _set_lines(table.cell(0, 0), left, bold=True)
    _set_lines(table.cell(0, 1), right, bold=True)
    _set_lines(table.cell(1, 0), [number])
    _set_lines(table.cell(1, 1), [place_date], italic=True)


def _docx_bytes(document) -> bytes:  # noqa: ANN001
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx_bytes(wb: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _excel_number(raw: str) -> object:
    """A Stt as an officer's Excel keeps it: 1 → int, 11.1 → float, 11.10 stays text (typed with a leading ')."""
    if raw.isdigit():
        return int(raw)
    if raw.count(".") == 1 and all(p.isdigit() for p in raw.split(".")) and not raw.endswith("0"):
        return float(raw)
    return raw


# ---------------------------------------------------------------------------------------------------------------
# (1) NQ 03/NQ-CP Phụ lục I — indicators
# ---------------------------------------------------------------------------------------------------------------

NQ03_KEM_THEO = "(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)"
PL1_HEADER = ["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"]
BKHCN, BTTTT, BKHDT, BTC = ("Bộ Khoa học và Công nghệ", "Bộ Thông tin và Truyền thông", "Bộ Kế hoạch và Đầu tư",
                             "Bộ Tài chính")
VPCP, BNV, BCA = "Văn phòng Chính phủ", "Bộ Nội vụ", "Bộ Công an"

P = "percent"
# ("S", numeral, title) | ("G", number, title) | (number, text, unit, result, monitoring cell, targets, monitoring units)
PL1_ROWS: list[tuple] = [
    ("S", "I", "Đến năm 2030"),
    ("1", "Tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo", "",
     "Đạt mức tiên tiến ở nhiều lĩnh vực quan trọng, thuộc nhóm dẫn đầu trong các nước có thu nhập trung bình cao",
     BKHCN, [], [BKHCN]),
    ("2", "Trình độ, năng lực công nghệ, đổi mới sáng tạo của doanh nghiệp", "",
     "Đạt mức trên trung bình của thế giới", BKHCN, [], [BKHCN]),
    ("3", "Xếp hạng năng lực cạnh tranh số và chỉ số phát triển Chính phủ điện tử", "Thứ hạng",
     "≤ 3 Đông Nam Á; ≤ 50 Thế giới", BTTTT, [Target("<=", 3), Target("<=", 50)], [BTTTT]),
    ("4", "Xếp hạng về nghiên cứu và phát triển trí tuệ nhân tạo", "Thứ hạng", "≤ 3 Đông Nam Á", BKHCN,
     [Target("<=", 3)], [BKHCN]),
    ("5", "Số tổ chức, doanh nghiệp công nghệ hàng đầu thế giới đặt trụ sở, đầu tư nghiên cứu, sản xuất tại Việt Nam",
     "Tổ chức, doanh nghiệp", "≥ 03", BKHDT, [Target(">=", 3)], [BKHDT]),
    ("6", "Tỷ trọng kinh tế số", "% GDP", "≥ 30", BTTTT, [Target(">=", 30)], [BTTTT]),
    ("7", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "%", "> 80", VPCP,
     [Target(">", 80, P)], [VPCP]),
    ("8", "Chỉ số phát triển con người (HDI)", "Chỉ số", "> 0,7", BKHDT, [Target(">", 0.7)], [BKHDT]),
    ("9", "Kinh phí chi cho nghiên cứu phát triển (R&D)", "% GDP", "2", BKHCN, [Target("=", 2)], [BKHCN]),
    ("10", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "%", "> 40", BKHCN, [Target(">", 40, P)], [BKHCN]),
    ("G", "11", "Phát triển Chính phủ số, chính quyền số"),
    ("11.1", "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện", "%", "100%",
     VPCP, [Target("=", 100, P)], [VPCP]),
    ("11.2", "Tỷ lệ hồ sơ thủ tục hành chính được xử lý hoàn toàn trực tuyến", "%", "≥ 80", VPCP,
     [Target(">=", 80, P)], [VPCP]),
    ("11.3", "Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "%", "40 - 50", BTTTT,
     [Target(">=", 40, P), Target("<=", 50, P)], [BTTTT]),
    ("11.4", "Tỷ lệ cắt giảm thời gian giải quyết thủ tục hành chính so với quy định", "%", "20% - 50%", VPCP,
     [Target(">=", 20, P), Target("<=", 50, P)], [VPCP]),
    ("11.5", "Tỷ lệ bộ, ngành, địa phương có nền tảng phân tích, xử lý dữ liệu tổng hợp ứng dụng trí tuệ nhân tạo",
     "%", "100", BTTTT, [Target("=", 100, P)], [BTTTT]),
    ("11.6", "Tỷ lệ cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành được kết nối, chia sẻ", "%", "100", BCA,
     [Target("=", 100, P)], [BCA]),
    ("11.7", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)",
     "%", "100", VPCP, [Target("=", 100, P)], [VPCP]),
    ("11.8", "Tỷ lệ chế độ báo cáo được tích hợp vào Hệ thống thông tin báo cáo quốc gia", "%", "100", VPCP,
     [Target("=", 100, P)], [VPCP]),
    ("11.9", "Tỷ lệ cán bộ, công chức, viên chức được bồi dưỡng kỹ năng số", "%", "100", BNV,
     [Target("=", 100, P)], [BNV]),
    ("11.10", "Tỷ lệ thủ tục hành chính có yêu cầu nghĩa vụ tài chính được thanh toán trực tuyến", "%", "≥ 90",
     "Bộ Tài chính, Ngân hàng Nhà nước Việt Nam", [Target(">=", 90, P)], [BTC, "Ngân hàng Nhà nước Việt Nam"]),
    ("12", "Đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế", "%", "≥ 55", BKHDT,
     [Target(">=", 55, P)], [BKHDT]),
    ("13", "Tỷ trọng xuất khẩu sản phẩm công nghệ cao trong tổng giá trị hàng hóa xuất khẩu", "%", "≥ 50",
     "Bộ Công Thương", [Target(">=", 50, P)], ["Bộ Công Thương"]),
    ("S", "II", "Đến năm 2045"),
    ("1", "Tỷ trọng kinh tế số", "% GDP", "≥ 50", BTTTT, [Target(">=", 50)], [BTTTT]),
    ("2", "Số doanh nghiệp công nghệ số ngang tầm các nước tiên tiến", "Doanh nghiệp", "≥ 10", BTTTT,
     [Target(">=", 10)], [BTTTT]),
    ("3", "Xếp hạng về đổi mới sáng tạo và chuyển đổi số", "Thứ hạng", "≤ 30 Thế giới", BKHCN, [Target("<=", 30)],
     [BKHCN]),
]


def _pl1_expected() -> Expected:
    items: list[ExpectedItem] = []
    section, group = "", None
    due = {"I": "2030-12-31", "II": "2045-12-31"}
    sections: list[tuple[str, str]] = []
    groups: dict[str, list[tuple[str, str]]] = {}
    for row in PL1_ROWS:
        if row[0] == "S":
            section, group = row[1], None
            sections.append((row[1], row[2]))
            groups[row[1]] = []
            continue
        if row[0] == "G":
            group = row[1]
            groups[section].append((row[1], row[2]))
            continue
        number, text, unit, result, _cell, targets, monitoring = row
        in_group = group if group and number.startswith(group + ".") else None
        items.append(ExpectedItem(
            number=number, section=section, group=in_group, text=text, targets=targets, due=due[section],
            implementing=[], monitoring=monitoring, coordinating=[], explanation="", unit_of_measure=unit,
            target_text=result, output="", budget_parts=(), note="",
        ))
    return Expected(
        commune="", plan_number="03/NQ-CP", plan_date="2025-01-09", issuer=None, year=2025,
        sections=sections, groups=groups, items=items,
        roles=["number", "text", "unit_of_measure", "target", "monitoring"],
        units_present=(BTC, "Ngân hàng Nhà nước Việt Nam", "Bộ Công Thương"),
    )


PL1_EXPECTED = _pl1_expected()
PL1_TITLES = ["PHỤ LỤC I", "CÁC CHỈ TIÊU", NQ03_KEM_THEO]


def nq03_pl1_docx() -> bytes:
    """Phụ lục I as published: title paragraphs, one 5-column table, section rows merged across, group row 11 with
    its sub-rows 11.1-11.10."""
    document = Document()
    for line in PL1_TITLES:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=5)
    _grid(table)
    for cell, text in zip(table.rows[0].cells, PL1_HEADER, strict=False):
        _set_lines(cell, [text], bold=True)
    for row in PL1_ROWS:
        cells = table.add_row().cells
        if row[0] == "S":
            _set_lines(cells[0], [row[1]], bold=True)
            _set_lines(cells[1].merge(cells[4]), [row[2]], bold=True)
        elif row[0] == "G":
            _set_lines(cells[0], [row[1]], bold=True)
            _set_lines(cells[1], [row[2]], bold=True)
        else:
            for cell, text in zip(cells, row[:5], strict=False):
                cell.text = text
    return _docx_bytes(document)


def nq03_pl1_xlsx() -> bytes:
    """Phụ lục I typed into Excel: merged title rows, numbers as numbers (11.10 kept as text), "100%" as the number 1
    formatted "0%", "2" as a number."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục I"
    r = 1
    for line in PL1_TITLES:
        ws.cell(row=r, column=1, value=line).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
        r += 1
    r += 1
    for c, text in enumerate(PL1_HEADER, start=1):
        ws.cell(row=r, column=c, value=text).font = Font(bold=True)
    for row in PL1_ROWS:
        r += 1
        if row[0] in ("S", "G"):
            ws.cell(row=r, column=1, value=_excel_number(row[1]))
            ws.cell(row=r, column=2, value=row[2]).font = Font(bold=True)
            if row[0] == "S":
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
            continue
        number, text, unit, result, monitoring = row[:5]
        ws.cell(row=r, column=1, value=_excel_number(number))
        ws.cell(row=r, column=2, value=text)
        ws.cell(row=r, column=3, value=unit or None)
        if result == "100%":
            cell = ws.cell(row=r, column=4, value=1)
            cell.number_format = "0%"
        elif result.isdigit():
            ws.cell(row=r, column=4, value=int(result))
        else:
            ws.cell(row=r, column=4, value=result)
        ws.cell(row=r, column=5, value=monitoring)
    ws.column_dimensions["B"].width = 70
    return _xlsx_bytes(wb)


# ---------------------------------------------------------------------------------------------------------------
# (2) NQ 03/NQ-CP Phụ lục II — tasks, with the official header block
# ---------------------------------------------------------------------------------------------------------------

PL2_HEADER = ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả (sản phẩm)",
              "Thời gian hoàn thành"]
SECTION_I = ("Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ, quyết liệt lãnh "
             "đạo, chỉ đạo, tạo xung lực mới, khí thế mới trong toàn xã hội về phát triển khoa học, công nghệ, đổi "
             "mới sáng tạo và chuyển đổi số")
SECTION_II = ("Khẩn trương, quyết liệt hoàn thiện thể chế; xóa bỏ mọi tư tưởng, quan niệm, rào cản đang cản trở sự "
              "phát triển; đưa thể chế thành một lợi thế cạnh tranh trong phát triển khoa học, công nghệ, đổi mới sáng "
              "tạo và chuyển đổi số")
BVH = "Bộ Văn hóa, Thể thao và Du lịch"
CAC_BO = "Các bộ, ngành, địa phương"
Y25, ONGOING = ("date", "2025-12-31"), ("ongoing", None)
Q2_25, Y26 = ("date", "2025-06-30"), ("date", "2026-12-31")
YEARLY = ("yearly", "2025-12-31")

# (number, text lines, lead cell, lead units, coordinating cell, coordinating units, output, deadline, (kind, due))
PL2_ROWS: list[tuple] = [
    ("S", "I", SECTION_I, ""),
    ("1", ["Xây dựng, trình Thủ tướng Chính phủ ban hành và tổ chức triển khai chương trình tuyên truyền thường xuyên, "
           "sâu rộng về nội dung Nghị quyết số 57-NQ/TW"],
     BTTTT, [BTTTT], f"{BVH}, {BKHCN}", [BVH, BKHCN],
     "Chương trình tuyên truyền được Thủ tướng Chính phủ ban hành", "Quý II/2025", Q2_25),
    ("2", ["Xây dựng chương trình chuyên biệt về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên truyền "
           "hình, phát thanh và mạng xã hội"],
     "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam",
     ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"], BTTTT, [BTTTT],
     "Chương trình chuyên biệt được phát sóng định kỳ", "Hằng năm", YEARLY),
    ("3", ["Xây dựng chương trình, kế hoạch phát động phong trào học tập trên các nền tảng số"],
     CAC_BO, [CAC_BO], "Bộ Giáo dục và Đào tạo", ["Bộ Giáo dục và Đào tạo"],
     "Kế hoạch của các bộ, ngành, địa phương", "Nhiệm vụ thường xuyên", ONGOING),
    ("4", ["Xây dựng văn bản quy định trách nhiệm người đứng đầu các cơ quan nhà nước trong việc trực tiếp phụ trách, "
           "chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"],
     BNV, [BNV], f"{BKHCN}, {BTTTT}", [BKHCN, BTTTT], "Văn bản được ban hành", "Quý II/2025", Q2_25),
    ("5", ["Xây dựng, ban hành Đề án đánh giá mức độ hoàn thành nhiệm vụ chuyển đổi số của cơ quan nhà nước, gắn với "
           "kết quả thi đua, khen thưởng"],
     BNV, [BNV], BTTTT, [BTTTT], "Đề án được phê duyệt", "2025", Y25),
    ("6", ["Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia (10/10)"],
     BTTTT, [BTTTT], CAC_BO, [CAC_BO], "Các hoạt động hưởng ứng được tổ chức", "Hằng năm", YEARLY),
    ("7", ["Đẩy mạnh truyền thông về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số:",
           "- Xây dựng chuyên trang, chuyên mục trên báo điện tử;",
           "- Tổ chức diễn đàn, tọa đàm:",
           "+ Diễn đàn quốc gia về phát triển doanh nghiệp công nghệ số;",
           "+ Tọa đàm chuyên đề tại các địa phương."],
     BTTTT, [BTTTT], f"{BKHCN}, Hội Nhà báo Việt Nam", [BKHCN, "Hội Nhà báo Việt Nam"],
     "Chuyên trang, chuyên mục, diễn đàn", "2025 - 2026", Y26),
    ("8", ["Bổ sung nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số vào chương trình công tác "
           "năm của các bộ, ngành, địa phương theo Nghị quyết 57-NQ/TW"],
     CAC_BO, [CAC_BO], VPCP, [VPCP], "Chương trình công tác được bổ sung", "Hằng năm", YEARLY),
    ("9", ["Đưa nội dung khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số vào chương trình bồi dưỡng cán bộ, công "
           "chức, viên chức"],
     BNV, [BNV], "Học viện Chính trị quốc gia Hồ Chí Minh, Bộ Giáo dục và Đào tạo",
     ["Học viện Chính trị quốc gia Hồ Chí Minh", "Bộ Giáo dục và Đào tạo"],
     "Chương trình bồi dưỡng được cập nhật", "2025 - 2026", Y26),
    ("10", ["Phát động phong trào thi đua đổi mới sáng tạo và chuyển đổi số trong toàn quốc"],
     BNV, [BNV], CAC_BO, [CAC_BO], "Phong trào thi đua được phát động", "Quý II/2025", Q2_25),
    ("11", ["Biểu dương, khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phát triển khoa học, công nghệ, đổi "
            "mới sáng tạo và chuyển đổi số"],
     BNV, [BNV], BKHCN, [BKHCN], "Quyết định khen thưởng", "Hằng năm", YEARLY),
    ("12", ["Xây dựng bộ chỉ số đánh giá mức độ chuyển đổi số của các bộ, ngành, địa phương giai đoạn 2025-2030"],
     BTTTT, [BTTTT], CAC_BO, [CAC_BO], "Bộ chỉ số được ban hành", "Quý II/2025", Q2_25),
    ("13", ["Công bố kết quả đánh giá, xếp hạng mức độ chuyển đổi số của các bộ, ngành, địa phương"],
     BTTTT, [BTTTT], VPCP, [VPCP], "Báo cáo kết quả xếp hạng", "Hằng năm", YEARLY),
    ("S", "II", SECTION_II, "Năm 2025"),  # a stray text left in the section row's deadline cell
    ("14", ["Xây dựng Luật Khoa học, công nghệ và đổi mới sáng tạo (thay thế Luật Khoa học và Công nghệ năm 2013)"],
     BKHCN, [BKHCN], "Các bộ, cơ quan ngang bộ", ["Các bộ, cơ quan ngang bộ"], "Luật được Quốc hội thông qua",
     "2025", Y25),
    ("15", ["Xây dựng Luật Công nghiệp công nghệ số"],
     BTTTT, [BTTTT], f"Bộ Tư pháp, {BKHCN}", ["Bộ Tư pháp", BKHCN], "Luật được Quốc hội thông qua", "Quý II/2025",
     Q2_25),
    ("16", ["Sửa đổi cơ chế cho phép doanh nghiệp trích lập quỹ phát triển khoa học và công nghệ với tỷ lệ 1% – 3% "
            "doanh thu tính thuế"],
     BTC, [BTC], BKHCN, [BKHCN], "Nghị định được ban hành", "2025 - 2026", Y26),
    ("17", ["Xây dựng cơ chế thử nghiệm có kiểm soát đối với sản phẩm, dịch vụ, mô hình kinh doanh mới ứng dụng công "
            "nghệ số"],
     "Bộ Tài chính, Bộ Công Thương", [BTC, "Bộ Công Thương"], "Ngân hàng Nhà nước Việt Nam",
     ["Ngân hàng Nhà nước Việt Nam"], "Nghị định được ban hành", "2025", Y25),
    ("18", ["Sửa đổi quy định về thuê dịch vụ công nghệ thông tin sử dụng ngân sách nhà nước"],
     BTC, [BTC], BTTTT, [BTTTT], "Nghị định sửa đổi", "Quý II/2025", Q2_25),
    ("19", ["Hoàn thiện quy định về quyền sở hữu, quyền sử dụng kết quả nghiên cứu sử dụng ngân sách nhà nước"],
     BKHCN, [BKHCN], "Bộ Tư pháp", ["Bộ Tư pháp"], "Nghị định được ban hành", "2025", Y25),
    ("20", ["Rà soát, sửa đổi các văn bản quy phạm pháp luật có rào cản đối với phát triển khoa học, công nghệ, đổi mới "
            "sáng tạo và chuyển đổi số"],
     CAC_BO, [CAC_BO], "Bộ Tư pháp", ["Bộ Tư pháp"], "Báo cáo rà soát", "Nhiệm vụ thường xuyên", ONGOING),
]
# items whose text has figures that are not targets
PL2_NO_TARGETS = {"6", "8", "12", "16"}


def _pl2_expected() -> Expected:
    items: list[ExpectedItem] = []
    section = ""
    sections: list[tuple[str, str]] = []
    for row in PL2_ROWS:
        if row[0] == "S":
            section = row[1]
            sections.append((row[1], row[2]))
            continue
        number, lines, _lead, lead_units, _coord, coord_units, output, deadline, (kind, due) = row
        items.append(ExpectedItem(
            number=number, section=section, group=None, text=" ".join(lines),
            targets=[] if number in PL2_NO_TARGETS else None, deadline_kind=kind, due=due, deadline_raw=deadline,
            implementing=lead_units, monitoring=[], coordinating=coord_units, explanation="", unit_of_measure="",
            target_text="", output=output, budget_parts=(), note="",
        ))
    return Expected(
        commune="", plan_number="03/NQ-CP", plan_date="2025-01-09", issuer=("CHÍNH PHỦ",), year=2025,
        sections=sections, groups={"I": [], "II": []}, items=items,
        roles=["number", "text", "lead", "coordinating", "output", "deadline"],
        units_present=(BVH, CAC_BO, BTC, "Bộ Công Thương", "Đài Tiếng nói Việt Nam"),
    )


PL2_EXPECTED = _pl2_expected()


def nq03_pl2_docx() -> bytes:
    """The resolution as one Word file: header block (borderless 2 × 2 table), title and body paragraphs with other
    dates, then Phụ lục II: numbering runs on from section I into II (14), bullets "- " and "+ " as paragraphs inside
    a task's cell, a stray text in section II's deadline cell."""
    document = Document()
    _header_block(document, ["CHÍNH PHỦ", "-------"],
                  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"],
                  "Số: 03/NQ-CP", "Hà Nội, ngày 09 tháng 01 năm 2025")
    for line in [
        "NGHỊ QUYẾT",
        "BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22 THÁNG 12 NĂM 2024 CỦA "
        "BỘ CHÍNH TRỊ VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ QUỐC GIA",
        "CHÍNH PHỦ",
        "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, "
        "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;",
        "QUYẾT NGHỊ:",
        "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện Nghị quyết số "
        "57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng "
        "tạo và chuyển đổi số quốc gia.",
        "Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.",
    ]:
        document.add_paragraph(line)
    document.add_page_break()
    for line in ["PHỤ LỤC II", "CÁC NHIỆM VỤ CỤ THỂ", NQ03_KEM_THEO]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=6)
    _grid(table)
    for cell, text in zip(table.rows[0].cells, PL2_HEADER, strict=False):
        _set_lines(cell, [text], bold=True)
    for row in PL2_ROWS:
        cells = table.add_row().cells
        if row[0] == "S":
            _set_lines(cells[0], [row[1]], bold=True)
            if row[3]:
                _set_lines(cells[1].merge(cells[4]), [row[2]], bold=True)
                _set_lines(cells[5], [row[3]])
            else:
                _set_lines(cells[1].merge(cells[5]), [row[2]], bold=True)
            continue
        number, lines, lead, _lu, coord, _cu, output, deadline, _d = row
        _set_lines(cells[0], [number])
        _set_lines(cells[1], lines)
        _set_lines(cells[2], [lead])
        _set_lines(cells[3], [coord])
        _set_lines(cells[4], [output])
        _set_lines(cells[5], [deadline])
    return _docx_bytes(document)


# ---------------------------------------------------------------------------------------------------------------
# (3) Xã Gia Phong — indicator table with explanation, unit of measure and target columns
# ---------------------------------------------------------------------------------------------------------------

GP_HEADER = ["STT", "Tên chỉ tiêu", "Giải thích chỉ tiêu", "Đơn vị tính", "Chỉ tiêu cụ thể"]
GP_TOP = [  # the header block and titles as an officer lays them out above the table (5 columns wide)
    ["UBND XÃ GIA PHONG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", ""],
    ["", "", "Độc lập - Tự do - Hạnh phúc", "", ""],
    ["Kế hoạch số …/KH-UBND", "", "Gia Phong, ngày … tháng … năm 2025", "", ""],
    ["", "", "", "", ""],
    ["PHỤ LỤC 1", "", "", "", ""],
    ["MỤC TIÊU TRIỂN KHAI THỰC HIỆN MÔ HÌNH CHUYỂN ĐỔI SỐ TRÊN ĐỊA BÀN XÃ", "", "", "", ""],
    ["(Kèm theo Kế hoạch số …/KH-UBND ngày … tháng … năm 2025 của UBND xã Gia Phong)", "", "", "", ""],
]
# ("S", numeral, title) | (number, name, explanation, unit, target, expected targets)
GP_ROWS: list[tuple] = [
    # verbatim from the Gia Phong page (address in the module docstring):
    ("S", "I", "Đào tạo, chuyển đổi nhận thức (02 chỉ tiêu)"),
    ("1", "Tỷ lệ cán bộ, công chức được đào tạo, tập huấn, bồi dưỡng nâng cao nhận thức, kỹ năng số đáp ứng yêu cầu "
          "chỉ đạo, triển khai chuyển đổi số tại xã",
     "Số cán bộ, công chức tại xã được bồi dưỡng, tập huấn, nâng cao nhận thức, phổ cập kỹ năng số cơ bản; được trang "
     "bị kiến thức, kỹ năng khai thác, sử dụng các ứng dụng phục vụ hoạt động chuyển đổi số tại xã/tổng số cán bộ, "
     "công chức hiện có của xã", "%", "100", [Target("=", 100, P)]),
    ("2", "Tỷ lệ người dân trưởng thành, các doanh nghiệp, đơn vị, tổ chức được thông tin, tuyên truyền, phổ biến, tiếp "
          "cận các dịch vụ, công nghệ số và nắm bắt các hoạt động chuyển đổi số trên địa bàn",
     "Số người dân ở độ tuổi trưởng thành, các doanh nghiệp, đơn vị, tổ chức trên địa bàn xã được thông tin, tuyên "
     "truyền dưới mọi hình thức để nắm bắt, đồng thuận với các hoạt động chuyển đổi số của đơn vị/tổng số người dân, "
     "doanh nghiệp, đơn vị, tổ chức trên địa bàn xã", "%", "100", [Target("=", 100, P)]),
    ("S", "II", "Hạ tầng số (05 chỉ tiêu)"),
    ("1", "Tỷ lệ cán bộ, công chức được trang bị máy vi tính, các thiết bị phụ trợ cần thiết để đảm bảo để xử lý các "
          "công việc trên môi trường mạng",
     "Số cán bộ, công chức tại xã được trang bị máy vi tính; cán bộ, công chức làm việc tại các vị trí chuyên môn cần "
     "thiết phải bố trí các thiết bị phụ trợ, như: Máy in, máy Scan, bộ nhớ ngoài (USB)… được đáp ứng để đảm bảo thực "
     "hiện, xử lý các công việc trên môi trường mạng/tổng số cán bộ, công chức của xã", "%", "100",
     [Target("=", 100, P)]),
    # the same style from here on:
    ("2", "Tỷ lệ cơ quan, đơn vị trên địa bàn xã có mạng nội bộ (LAN) kết nối Internet băng thông rộng",
     "Số cơ quan, đơn vị có mạng LAN kết nối Internet băng thông rộng/tổng số cơ quan, đơn vị trên địa bàn xã", "%",
     "100", [Target("=", 100, P)]),
    ("3", "Tỷ lệ thôn, xóm được phủ sóng mạng di động 4G/5G",
     "Số thôn, xóm được phủ sóng di động 4G/5G/tổng số thôn, xóm của xã", "%", "100", [Target("=", 100, P)]),
    ("4", "Hệ thống truyền thanh thông minh ứng dụng công nghệ thông tin - viễn thông được đầu tư, vận hành",
     "Hệ thống truyền thanh cấp xã ứng dụng công nghệ thông tin - viễn thông hoạt động ổn định", "Hệ thống", "01",
     [Target("=", 1)]),
    ("5", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang",
     "Số hộ gia đình có kết nối Internet cáp quang/tổng số hộ gia đình trên địa bàn xã", "%", "≥ 80",
     [Target(">=", 80, P)]),
    ("S", "III", "Chính quyền số (04 chỉ tiêu)"),
    ("1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
     "Số hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình/tổng số hồ sơ thủ tục hành chính "
     "tiếp nhận tại xã", "%", "≥ 80", [Target(">=", 80, P)]),
    ("2", "Tỷ lệ văn bản đi, đến được xử lý trên môi trường mạng (trừ văn bản mật)",
     "Số văn bản đi, đến được xử lý trên Hệ thống quản lý văn bản và điều hành/tổng số văn bản đi, đến của xã", "%",
     "100", [Target("=", 100, P)]),
    ("3", "Tỷ lệ hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng",
     "Số hồ sơ công việc được lập, xử lý trên môi trường mạng/tổng số hồ sơ công việc của xã", "%", "90",
     [Target("=", 90, P)]),
    ("4", "Tỷ lệ cán bộ, công chức được cấp và sử dụng chữ ký số",
     "Số cán bộ, công chức được cấp chứng thư chữ ký số và sử dụng thường xuyên/tổng số cán bộ, công chức của xã", "%",
     "100", [Target("=", 100, P)]),
    ("S", "IV", "Kinh tế số và xã hội số (03 chỉ tiêu)"),
    ("1", "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán tại ngân hàng hoặc tổ chức được phép khác",
     "Số người dân từ 15 tuổi trở lên có tài khoản thanh toán/tổng số người dân từ 15 tuổi trở lên của xã", "%", "80",
     [Target("=", 80, P)]),
    ("2", "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2 được kích hoạt",
     "Số người dân trưởng thành có tài khoản VNeID mức độ 2 được kích hoạt/tổng số người dân trưởng thành của xã", "%",
     "≥ 90", [Target(">=", 90, P)]),
    ("3", "Số sản phẩm OCOP của xã được đưa lên sàn thương mại điện tử",
     "Số sản phẩm OCOP đạt từ 3 sao trở lên có gian hàng trên sàn thương mại điện tử", "Sản phẩm", "05",
     [Target("=", 5)]),
]


def _gp_expected() -> Expected:
    items: list[ExpectedItem] = []
    sections: list[tuple[str, tuple[str, str]]] = []
    section = ""
    for row in GP_ROWS:
        if row[0] == "S":
            section = row[1]
            short = row[2].split(" (")[0]
            sections.append((row[1], (row[2], short)))  # with or without the count "(05 chỉ tiêu)"
            continue
        number, name, explanation, unit, target, targets = row
        items.append(ExpectedItem(
            number=number, section=section, group=None, text=name, targets=targets, explanation=explanation,
            unit_of_measure=unit, target_text=target, implementing=[], monitoring=[], coordinating=[], output="",
            budget_parts=(), note="",
        ))
    return Expected(
        commune="Gia Phong", plan_number="", plan_date=None, issuer=("UBND XÃ GIA PHONG",), year=2025,
        sections=sections, groups={s[0]: [] for s in sections}, items=items,  # type: ignore[misc]
        roles=["number", "text", "explanation", "unit_of_measure", "target"],
    )


GP_EXPECTED = _gp_expected()


def _gp_grid() -> tuple[list[list[object]], int]:
    """Every sheet row of the Gia Phong appendix (values as typed in Excel) and the header row's index."""
    grid: list[list[object]] = [list(r) for r in GP_TOP]
    header_at = len(grid)
    grid.append(list(GP_HEADER))
    for row in GP_ROWS:
        if row[0] == "S":
            grid.append([row[1], row[2], "", "", ""])
            continue
        number, name, explanation, unit, target, _t = row
        value: object = int(target) if target.isdigit() and not target.startswith("0") else target
        grid.append([int(number), name, explanation, unit, value])
    return grid, header_at


def gia_phong_xlsx() -> bytes:
    """The Gia Phong appendix in Excel: header block in merged cells, section rows merged across, targets as
    numbers where they are plain numbers ("05", "01" as text)."""
    grid, header_at = _gp_grid()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PL1"
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            if value != "":
                ws.cell(row=r, column=c, value=value)
    merges = ["A1:B1", "C1:E1", "C2:E2", "A3:B3", "C3:E3", "A5:E5", "A6:E6", "A7:E7"]
    for rng in merges:
        ws.merge_cells(rng)
    for c in range(1, 6):
        ws.cell(row=header_at + 1, column=c).font = Font(bold=True)
    for r, row in enumerate(grid, start=1):
        if r > header_at + 1 and isinstance(row[0], str) and row[0]:
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)
    ws.column_dimensions["B"].width = 50
    ws.column_dimensions["C"].width = 60
    return _xlsx_bytes(wb)


def gia_phong_tsv() -> bytes:
    """The same sheet copied from Excel and saved as tab-separated text (merged cells give the value then tabs)."""
    grid, _ = _gp_grid()
    lines = ["\t".join("" if v is None else str(v) for v in row) for row in grid]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------------------------
# (4) A commune's task plan: output, lead, coordinating, period, budget and its source, lettered sub-items,
#     a column-number row and a header merged over two rows
# ---------------------------------------------------------------------------------------------------------------

TP_TOP = ["STT", "Nội dung nhiệm vụ", "Sản phẩm đầu ra", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
          "Kinh phí", "", "Ghi chú"]
TP_SUB = ["", "", "", "", "", "", "Dự toán (triệu đồng)", "Nguồn kinh phí", ""]
TP_NUMBERS = [f"({n})" for n in range(1, 10)]
VP = "Văn phòng HĐND và UBND xã"
VHXH = "Phòng Văn hóa - Xã hội"
CAX = "Công an xã"
PKT = "Phòng Kinh tế"
# ("S", numeral, title) | ("G", number, title) |
# (number, text, output, lead, coord cell, coord units, period, amount, source, note, (kind, due))
TP_ROWS: list[tuple] = [
    ("S", "I", "Phát triển hạ tầng số và nền tảng số"),
    ("G", "1", "Nâng cấp hạ tầng công nghệ thông tin phục vụ chính quyền số cấp xã"),
    ("a)", "Mua sắm, thay thế máy vi tính cho bộ phận Một cửa", "05 bộ máy vi tính được lắp đặt, sử dụng", VP,
     PKT, [PKT], "Quý II và Quý III/2026", "150", "Ngân sách xã", "", ("date", "2026-09-30")),
    ("b)", "Lắp đặt hệ thống camera giám sát tại trụ sở Đảng ủy, HĐND, UBND xã", "Hệ thống camera hoạt động ổn định",
     CAX, VP, [VP], "Quý IV/2025", "80", "Ngân sách xã, nguồn xã hội hóa", "", ("date", "2025-12-31")),
    ("2", "Hoàn thành cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ điều kiện",
     "Danh mục dịch vụ công trực tuyến toàn trình được công bố", VP, VHXH, [VHXH], "Trước ngày 15/8/2025", "",
     "Lồng ghép trong kinh phí thường xuyên", "Theo Thông báo số 408/TB-VPCP", ("date", "2025-08-15")),
    ("3", "Duy trì, vận hành hệ thống truyền thanh thông minh ứng dụng công nghệ thông tin - viễn thông",
     "Hệ thống truyền thanh hoạt động thường xuyên", VHXH, "Các thôn, xóm", ["Các thôn, xóm"], "Thường xuyên",
     "20/năm", "Ngân sách xã", "", ("ongoing", None)),
    ("S", "II", "Phát triển nhân lực số, xã hội số và kinh tế số"),
    ("4", "Tập huấn kỹ năng số cho cán bộ, công chức và thành viên Tổ công nghệ số cộng đồng",
     "02 lớp tập huấn được tổ chức", VHXH, "Tổ công nghệ số cộng đồng, Đoàn Thanh niên xã",
     ["Tổ công nghệ số cộng đồng", "Đoàn Thanh niên xã"], "Quý III/2025", "30", "Ngân sách xã", "",
     ("date", "2025-09-30")),
    ("5", "Hướng dẫn người dân kích hoạt tài khoản định danh điện tử, sử dụng dịch vụ công trực tuyến và thanh toán "
          "không dùng tiền mặt",
     "Người dân được hướng dẫn tại bộ phận Một cửa và tại thôn, xóm", CAX,
     "Tổ công nghệ số cộng đồng, Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã",
     ["Tổ công nghệ số cộng đồng", "Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"], "Quý II và Quý III/2026", "",
     "Lồng ghép trong kinh phí thường xuyên", "Lồng ghép với Đề án 06", ("date", "2026-09-30")),
    ("6", "Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia", "Các hoạt động hưởng ứng được tổ chức", VHXH,
     "Các phòng, ban, ngành, đoàn thể xã", ["Các phòng, ban, ngành, đoàn thể xã"], "Hằng năm", "10", "Ngân sách xã",
     "", ("yearly", "2025-12-31")),
    ("G", "7", "Hỗ trợ phát triển kinh tế số"),
    ("a)", "Hỗ trợ hợp tác xã, hộ sản xuất đưa sản phẩm OCOP lên sàn thương mại điện tử",
     "Sản phẩm OCOP có gian hàng trên sàn thương mại điện tử", PKT, "Các hợp tác xã, hộ kinh doanh trên địa bàn",
     ["Các hợp tác xã, hộ kinh doanh trên địa bàn"], "Năm 2026", "15", "Ngân sách xã, Chương trình OCOP", "",
     ("date", "2026-12-31")),
    ("b)", "Phổ biến thanh toán không dùng tiền mặt tại chợ, cửa hàng trên địa bàn",
     "Các điểm kinh doanh có mã QR thanh toán", PKT, "Các ngân hàng thương mại trên địa bàn",
     ["Các ngân hàng thương mại trên địa bàn"], "Tháng 12/2025", "", "Nguồn xã hội hóa", "", ("date", "2025-12-31")),
]
TP_TITLES = ["KẾ HOẠCH", "Thực hiện các nhiệm vụ chuyển đổi số trên địa bàn xã năm 2025 - 2026", "",
             "PHỤ LỤC", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ",
             "(Kèm theo Kế hoạch số 125/KH-UBND ngày 18/7/2025 của UBND xã Phú Lộc)"]


def _tp_expected() -> Expected:
    items: list[ExpectedItem] = []
    sections: list[tuple[str, str]] = []
    groups: dict[str, list[tuple[str, str]]] = {}
    section, group = "", None
    for row in TP_ROWS:
        if row[0] == "S":
            section, group = row[1], None
            sections.append((row[1], row[2]))
            groups[section] = []
            continue
        if row[0] == "G":
            group = row[1]
            groups[section].append((row[1], row[2]))
            continue
        number, text, output, lead, _c, coord, period, amount, source, note, (kind, due) = row
        lettered = number.endswith(")")
        if not lettered:
            group = None
        items.append(ExpectedItem(
            number=number, section=section, group=group if lettered else None, text=text,
            targets=[] if number in ("a)", "2", "3") and section == "I" else None, deadline_kind=kind, due=due,
            deadline_raw=period, implementing=[lead], monitoring=[], coordinating=coord, explanation="",
            unit_of_measure="", target_text="", output=output,
            budget_parts=tuple(p for p in (amount, source) if p), note=note,
        ))
    return Expected(
        commune="Phú Lộc", plan_number="125/KH-UBND", plan_date="2025-07-18",
        issuer=("ỦY BAN NHÂN DÂN XÃ PHÚ LỘC", "UBND XÃ PHÚ LỘC"), year=2025,
        sections=sections, groups=groups, items=items,
        roles=["number", "text", "output", "lead", "coordinating", "deadline", "budget", "budget", "note"],
        units_present=("Các phòng, ban, ngành, đoàn thể xã", "Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"),
        units_absent=("ngành", "ban", "Ngân sách xã", "nguồn xã hội hóa", "đoàn thể xã", "hộ kinh doanh trên địa bàn"),
    )


TP_EXPECTED = _tp_expected()


def _tp_cells(row: tuple) -> list[str]:
    number, text, output, lead, coord, _cu, period, amount, source, note, _d = row
    return [number, text, output, lead, coord, period, amount, source, note]


def commune_tasks_docx() -> bytes:
    """A commune's task plan in Word: header block, title paragraphs, a header over two rows with real vertical
    merges (STT … Thời gian thực hiện, Ghi chú) and a horizontal merge ("Kinh phí" over its two columns), the row of
    column numbers (1) … (9), section rows merged across, parent rows heading lettered sub-items a), b)."""
    document = Document()
    _header_block(document, ["ỦY BAN NHÂN DÂN", "XÃ PHÚ LỘC"],
                  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                  "Số: 125/KH-UBND", "Phú Lộc, ngày 18 tháng 7 năm 2025")
    for line in TP_TITLES:
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=9)
    _grid(table)
    for c in range(9):
        if c in (6, 7):
            continue
        merged = table.cell(0, c).merge(table.cell(1, c))
        _set_lines(merged, [TP_TOP[c]], bold=True)
    _set_lines(table.cell(0, 6).merge(table.cell(0, 7)), ["Kinh phí"], bold=True)
    _set_lines(table.cell(1, 6), [TP_SUB[6]], bold=True)
    _set_lines(table.cell(1, 7), [TP_SUB[7]], bold=True)
    for c, text in enumerate(TP_NUMBERS):
        _set_lines(table.cell(2, c), [text], italic=True)
    for row in TP_ROWS:
        cells = table.add_row().cells
        if row[0] == "S":
            _set_lines(cells[0], [row[1]], bold=True)
            _set_lines(cells[1].merge(cells[8]), [row[2]], bold=True)
        elif row[0] == "G":
            _set_lines(cells[0], [row[1]], bold=True)
            _set_lines(cells[1], [row[2]], bold=True)
        else:
            for cell, text in zip(cells, _tp_cells(row), strict=False):
                _set_lines(cell, [text])
    return _docx_bytes(document)


def commune_tasks_xlsx() -> bytes:
    """The same plan in Excel: the two header rows merged (vertically for single columns, "Kinh phí" across two),
    the column-number row, amounts as numbers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws["A1"] = "UBND XÃ PHÚ LỘC"
    ws.merge_cells("A1:C1")
    ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("D1:I1")
    ws["D2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells("D2:I2")
    ws["A3"] = "Số: 125/KH-UBND"
    ws.merge_cells("A3:C3")
    ws["D3"] = "Phú Lộc, ngày 18 tháng 7 năm 2025"
    ws.merge_cells("D3:I3")
    r = 4
    for line in TP_TITLES[3:]:
        r += 1
        ws.cell(row=r, column=1, value=line)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
    top, sub = r + 2, r + 3
    for c in range(1, 10):
        if c in (7, 8):
            ws.cell(row=sub, column=c, value=TP_SUB[c - 1]).font = Font(bold=True)
            continue
        ws.cell(row=top, column=c, value=TP_TOP[c - 1]).font = Font(bold=True)
        ws.merge_cells(start_row=top, start_column=c, end_row=sub, end_column=c)
    ws.cell(row=top, column=7, value="Kinh phí").font = Font(bold=True)
    ws.merge_cells(start_row=top, start_column=7, end_row=top, end_column=8)
    r = sub + 1
    for c, text in enumerate(TP_NUMBERS, start=1):
        ws.cell(row=r, column=c, value=text)
    for row in TP_ROWS:
        r += 1
        if row[0] in ("S", "G"):
            ws.cell(row=r, column=1, value=_excel_number(row[1]))
            ws.cell(row=r, column=2, value=row[2]).font = Font(bold=True)
            if row[0] == "S":
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=9)
            continue
        for c, text in enumerate(_tp_cells(row), start=1):
            value: object = int(text) if c in (1, 7) and text.isdigit() else text
            if value != "":
                ws.cell(row=r, column=c, value=value)
    return _xlsx_bytes(wb)


# ---------------------------------------------------------------------------------------------------------------
# (5) An unusual header: a number column and a text column, but nothing the program can be sure of
# ---------------------------------------------------------------------------------------------------------------

ODD_HEADER = ["Số TT", "Nội dung công việc", "Bộ phận", "Mốc", "Ý kiến"]
ODD_COLUMNS = "1=number,2=text,3=implementing,4=deadline,5=note"
# (number, text, unit cell, units, milestone, (kind, due), opinion)
ODD_ROWS: list[tuple] = [
    ("1", "Rà soát danh mục thủ tục hành chính cung cấp trực tuyến toàn trình", "Bộ phận Một cửa",
     ["Bộ phận Một cửa"], "15/9/2025", ("date", "2025-09-15"), "Đã thống nhất"),
    ("2", "Cập nhật dữ liệu dân cư, đất đai lên hệ thống dùng chung", "Công an xã, Phòng Kinh tế",
     [CAX, PKT], "30/9/2025", ("date", "2025-09-30"), ""),
    ("3", "Kiểm tra an toàn thông tin các máy trạm", VP, [VP], "Tháng 10/2025", ("date", "2025-10-31"), ""),
    ("4", "Báo cáo kết quả chuyển đổi số quý III", VHXH, [VHXH], "Trước ngày 05/10/2025", ("date", "2025-10-05"),
     "Gửi bản điện tử"),
    ("5", "Tổ chức hội nghị sơ kết chuyển đổi số 9 tháng", VP, [VP], "Quý IV/2025", ("date", "2025-12-31"), ""),
    ("6", "Cập nhật tin, bài trên trang thông tin điện tử của xã", VHXH, [VHXH], "Thường xuyên", ("ongoing", None),
     ""),
    ("7", "Hướng dẫn người dân kích hoạt tài khoản định danh điện tử mức độ 2", CAX, [CAX], "31/12/2025",
     ("date", "2025-12-31"), ""),
    ("8", "Số hóa sổ hộ tịch lưu trữ tại xã", VHXH, [VHXH], "Quý II và Quý III/2026", ("date", "2026-09-30"), ""),
]
ODD_TITLES = ["UBND XÃ TÂN LẬP", "LỊCH TRIỂN KHAI CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ QUÝ III - IV NĂM 2025",
              "(Kèm theo Thông báo số 58/TB-UBND ngày 05 tháng 9 năm 2025 của UBND xã Tân Lập)"]

ODD_EXPECTED = Expected(
    commune=None, plan_number=None, plan_date=None, issuer=None, year=None, plan_date_checked=False,
    sections=[], groups={},
    items=[ExpectedItem(number=n, section=ANY, group=None, text=t,  # type: ignore[arg-type]  # no section rows
                        deadline_kind=k, due=d, deadline_raw=m, implementing=u, monitoring=[], coordinating=[],
                        note=o, explanation="", output="", budget_parts=())
           for n, t, _c, u, m, (k, d), o in ODD_ROWS],
    roles=None, confident=False, columns=ODD_COLUMNS,
    units_present=("Bộ phận Một cửa", CAX, PKT),
)


def odd_header_docx() -> bytes:
    """A schedule in Word with a header the program should not be sure of."""
    document = Document()
    for line in ODD_TITLES:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=5)
    _grid(table)
    for cell, text in zip(table.rows[0].cells, ODD_HEADER, strict=False):
        _set_lines(cell, [text], bold=True)
    for n, t, c, _u, m, _d, o in ODD_ROWS:
        for cell, text in zip(table.add_row().cells, [n, t, c, m, o], strict=False):
            _set_lines(cell, [text])
    return _docx_bytes(document)


def odd_header_tsv() -> bytes:
    """The same schedule as tab-separated text."""
    lines = [*ODD_TITLES, "", "\t".join(ODD_HEADER)]
    lines += ["\t".join([n, t, c, m, o]) for n, t, c, _u, m, _d, o in ODD_ROWS]
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------------------------------------------
# The table the tests run over
# ---------------------------------------------------------------------------------------------------------------

LAYOUTS: list[Layout] = [
    Layout("nq03-pl1-docx", "nq03_phu_luc_I.docx", nq03_pl1_docx, PL1_EXPECTED,
           "indicators: Đơn vị = unit of measure, Kết quả = target, monitoring units; sections 'Đến năm 2030/2045' "
           "as deadlines; group 11 with 11.1-11.10; ranges, ≤ with subjects, ≥ 03, > 0,7; numbering restarts in II"),
    Layout("nq03-pl1-xlsx", "nq03_phu_luc_I.xlsx", nq03_pl1_xlsx, PL1_EXPECTED,
           "the same in Excel: 100% as 1 with format 0%, 11.1 as a number, 11.10 as text"),
    Layout("nq03-pl2-docx", "nq03_phu_luc_II.docx", nq03_pl2_docx, PL2_EXPECTED,
           "tasks: lead/coordinating/output/deadline columns; header block; numbering 14 runs on into II; "
           "Hằng năm, Nhiệm vụ thường xuyên, 2025 - 2026, 2025, Quý II/2025; bullets in cells; units with commas"),
    Layout("gia-phong-xlsx", "gia_phong_phu_luc_1.xlsx", gia_phong_xlsx, GP_EXPECTED,
           "explanation / unit of measure / target columns; section titles with counts; header block in cells"),
    Layout("gia-phong-tsv", "gia_phong_phu_luc_1.txt", gia_phong_tsv, GP_EXPECTED,
           "the same sheet as tab-separated text"),
    Layout("commune-tasks-docx", "phu_loc_nhiem_vu.docx", commune_tasks_docx, TP_EXPECTED,
           "two-row merged header, column numbers row, output, budget + source, lettered sub-items a) b)"),
    Layout("commune-tasks-xlsx", "phu_loc_nhiem_vu.xlsx", commune_tasks_xlsx, TP_EXPECTED,
           "the same plan in Excel with merged header cells"),
    Layout("odd-header-docx", "lich_trien_khai.docx", odd_header_docx, ODD_EXPECTED,
           "header the program must not be sure of; imported with --columns"),
    Layout("odd-header-tsv", "lich_trien_khai.txt", odd_header_tsv, ODD_EXPECTED,
           "the same as tab-separated text"),
]


def _print_file(path: Path) -> None:
    """Open a written fixture with python-docx / openpyxl and print its tables, to check them by eye."""
    print(f"===== {path.name}")
    if path.suffix == ".docx":
        document = Document(str(path))
        for p in document.paragraphs[:14]:
            if p.text.strip():
                print(f"  ¶ {p.text}")
        for n, table in enumerate(document.tables):
            print(f"  -- table {n}: {len(table.rows)} rows × {len(table.columns)} columns")
            for row in table.rows:
                print("  | " + " | ".join(c.text.replace("\n", " ⏎ ")[:38] for c in row.cells))
    elif path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            print(f"  -- sheet {ws.title}: merged {sorted(str(m) for m in ws.merged_cells.ranges)[:12]}")
            for row in ws.iter_rows():
                values = [f"{c.value!r}{'[' + c.number_format + ']' if c.number_format != 'General' else ''}"
                          for c in row if c.value is not None]
                if values:
                    print("  | " + " | ".join(v[:40] for v in values))
    else:
        print(path.read_text(encoding="utf-8"))


def write_all(folder: Path) -> list[Path]:
    """Write every fixture file into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for layout in LAYOUTS:
        path = folder / layout.filename
        path.write_bytes(layout.build())
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "layout_fixtures_out")):
        _print_file(written)
