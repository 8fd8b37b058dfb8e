"""Random tables and random text reach the interpreter: the only outcomes are an appendix or FileRefused."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.appendix import ParsedAppendix
from desktop_app.errors import FileRefused
from desktop_app.io.appendix.detect import read_clipboard_text
from desktop_app.io.appendix.parser import parse_appendix
from desktop_app.io.appendix.raw import RawDocument, RawRow, RawTable

HEADER = ["Stt", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì theo dõi", "Đơn vị triển khai", "Thời gian hoàn thành", "Ghi chú"]
WORDS = ["I", "II", "IV", "1", "1.", "2.10", "4.1,", "", " ", "Tỷ lệ", "Đạt tối thiểu 70%", "0,75", "04 lớp",
         "Phần đầu 80%", "Thường xuyên", "Quý III/2026", "Tháng 13/2026", "30/2/2026", "Công an xã;",
         "Phòng Văn hoá – Xã hội", "HĐND&UBND", "Stt", "Chỉ tiêu/nhiệm vụ", "(1)", "(2)", "\n", "|", "\t",
         "xã Nam Hồng", "Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026", "≥", "<", "100% nhiệm vụ", "đối với"]
cell = st.one_of(st.sampled_from(WORDS), st.text(max_size=30),
                 st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join))
row = st.lists(cell, min_size=0, max_size=8)


@st.composite
def documents(draw: st.DrawFn) -> RawDocument:
    tables = []
    for t in range(draw(st.integers(0, 3))):
        rows = draw(st.lists(row, max_size=12))
        if draw(st.booleans()):
            rows.insert(draw(st.integers(0, len(rows))), list(HEADER))
        tables.append(RawTable([RawRow(cells, i + 1, f"bảng {t + 1}, hàng {i + 1}") for i, cells in enumerate(rows)]))
    titles = draw(st.lists(cell, max_size=3))
    return RawDocument(source_name="fuzz.docx", fmt=draw(st.sampled_from(["docx", "xlsx", "tsv", "markdown"])),
                       title_lines=titles, tables=tables)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_interpreter_never_raises_anything_else(doc: RawDocument) -> None:
    try:
        result = parse_appendix(doc)
    except FileRefused as exc:
        assert exc.file == "fuzz.docx" and exc.message
        return
    assert isinstance(result, ParsedAppendix)
    # no item only when the program is unsure of the columns: the officer is then asked to choose them
    assert result.items or not all(layout.confident for layout in result.layouts)
    for item in result.items:
        assert item.kind in ("indicator", "task", "document")
        assert item.number == item.number.strip()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cell, max_size=7).map("\t".join), max_size=15).map("\n".join))
def test_pasted_text_never_raises_anything_else(text: str) -> None:
    try:
        parse_appendix(read_clipboard_text("\t".join(HEADER) + "\n" + text))
    except FileRefused:
        pass
