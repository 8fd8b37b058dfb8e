"""Import speed and memory: generated appendices as tab-separated text, .xlsx and .docx of about 1 MB, 10 MB and
the size limit, imported whole (read, interpret, write a fresh SQLite file), in rows per second, with the peak
memory of the importing process and the ratio to bare reading of the same file.

Run: .venv/bin/python bench/import_bench.py [--sizes 1,10,largest,limit] [--formats tsv,xlsx,docx] [--runs 1]
Each case runs in a fresh process (its peak memory is its own), the program's modules loaded and its database
open before the clock starts: the import is timed from reading the file to the commit. Bare reading: splitting
the text into lines and tabs (tsv), openpyxl read-only iteration (xlsx), python-docx cell texts (docx).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADER = ["Stt", "Chỉ tiêu/nhiệm vụ",
          "Đơn vị chủ trì theo dõi, hướng dẫn, đôn đốc, kiểm tra và tổng hợp kết quả thực hiện",
          "Đơn vị chủ trì tổ chức triển khai và báo cáo kết quả thực hiện", "Thời gian hoàn thành", "Ghi chú"]
UNITS = ["Phòng Văn hóa - Xã hội", "Phòng Văn hoá - Xã hội", "Công an xã", "Văn phòng HĐND & UBND xã",
         "Văn phòng HĐND &UBND xã", "Trung tâm phục vụ hành chính công xã", "Phòng Kinh tế", "Trạm Y tế",
         "Các phòng, ban, ngành, đơn vị, tổ chức hành chính xã", "Các doanh nghiệp viễn thông"]
TEXTS = ["Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến: Đạt tối thiểu {v}%",
         "Tỉ lệ người dân có tài khoản định danh điện tử (VNeID) mức 2: Đạt {v}%",
         "Phấn đấu {v}% hệ thống thông tin được bảo đảm an toàn theo cấp độ",
         "Triển khai số hóa tài liệu lưu trữ tại bộ phận một cửa",
         "Chỉ số chuyển đổi số cấp xã: Đạt tối thiểu 0,{v}"]
DEADLINES = ["Tháng 12/2026", "Quý III/2026", "Thường xuyên", "Tháng 6/2026", "30/9/2026", "Hằng năm"]
TITLE = "PHỤ LỤC 1 (Kèm theo Kế hoạch số 12/KH-UBND ngày 02 tháng 3 năm 2026 của UBND xã Thử Nghiệm)"
LIMITS = {"tsv": 20, "xlsx": 50, "docx": 50}
"""The size limits in MB (text: safety.MAX_TEXT_BYTES; Office files: importing.MAX_FILE_BYTES)."""
MEMBER_CAP = 100 << 20
"""safety.MAX_MEMBER_BYTES: the uncompressed sheet or document XML an Office file may have."""
SHEET_CELLS = 1_000_000
"""xlsx_reader.MAX_SHEET_CELLS."""


def per_row(fmt: str) -> tuple[float, float]:
    """(file bytes, uncompressed main-member bytes) per item row, measured on 2,000 generated rows."""
    import zipfile

    data = MAKERS[fmt](rows(2000))
    member = len(data)
    if fmt != "tsv":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            member = max(info.file_size for info in zf.infolist())
    return len(data) / 2000, member / 2000


def items_for(fmt: str, size: str) -> int:
    """How many items make a file of size MB; «largest»: the largest file each format's limits accept (for
    Office files the uncompressed XML and the cell count bind long before the file size); «limit»: the file
    size limit itself (refused when another limit binds first)."""
    file_bytes, member_bytes = per_row(fmt)
    if size == "limit":
        return int(LIMITS[fmt] * (1 << 20) / file_bytes * 0.98)
    if size == "largest":
        caps = [LIMITS[fmt] * (1 << 20) / file_bytes]
        if fmt != "tsv":
            caps.append(MEMBER_CAP / member_bytes)
        if fmt == "xlsx":
            caps.append(SHEET_CELLS / len(HEADER) - 10)
        return int(min(caps) * 0.97)
    return int(float(size) * (1 << 20) / file_bytes)


def rows(n_items: int, seed: int = 7) -> list[list[str]]:
    """Section I, groups of 100 items, realistic texts, units and deadlines."""
    rnd = random.Random(seed)
    out = [["I", "Phân công phụ trách theo dõi, đôn đốc, kiểm tra thực hiện các chỉ tiêu", "", "", "", ""]]
    group = 0
    for i in range(n_items):
        if i % 100 == 0:
            group += 1
            out.append([str(group), f"Về lĩnh vực số {group}", "", "", "", ""])
        out.append([f"{group}.{i % 100 + 1}", rnd.choice(TEXTS).format(v=rnd.randint(50, 99)),
                    rnd.choice(UNITS[:6]), "; ".join(rnd.sample(UNITS, 2)), rnd.choice(DEADLINES), ""])
    return out


def make_tsv(body: list[list[str]]) -> bytes:
    return "\n".join([TITLE, "\t".join(HEADER), *("\t".join(r) for r in body)]).encode("utf-8")


def make_xlsx(body: list[list[str]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Phụ lục 1")
    ws.append([TITLE])
    ws.append(HEADER)
    for row in body:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def make_docx(body: list[list[str]]) -> bytes:
    """A Word table written as XML directly: python-docx needs minutes to add 100,000 rows one by one."""
    from xml.sax.saxutils import escape

    from docx import Document

    document = Document()
    document.add_paragraph(TITLE)
    out = io.BytesIO()
    document.save(out)
    import zipfile

    cell = "<w:tc><w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>"
    table = ["<w:tbl><w:tblGrid>" + "<w:gridCol/>" * len(HEADER) + "</w:tblGrid>"]
    for row in [HEADER, *body]:
        table.append("<w:tr>" + "".join(cell.format(escape(c)) for c in row) + "</w:tr>")
    table.append("</w:tbl>")
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    result = io.BytesIO()
    with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                at = text.rindex("<w:sectPr")
                data = (text[:at] + "".join(table) + text[at:]).encode("utf-8")
            target.writestr(info, data)
    return result.getvalue()


MAKERS = {"tsv": make_tsv, "xlsx": make_xlsx, "docx": make_docx}


def bare(fmt: str, data: bytes) -> None:
    """Reading the file with nothing interpreted."""
    if fmt == "tsv":
        for line in data.decode("utf-8").split("\n"):
            line.split("\t")
    elif fmt == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        for ws in wb.worksheets:
            for _ in ws.iter_rows(values_only=True):
                pass
        wb.close()
    else:
        from docx import Document

        for table in Document(io.BytesIO(data)).tables:
            for row in table.rows:
                for c in row.cells:
                    c.text  # noqa: B018 - the read is what is timed


def _peak_mb() -> float:
    """This process's peak resident memory: VmHWM belongs to the process image (ru_maxrss keeps the high-water
    mark of the bench process this one was forked from)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, fmt: str, path: str) -> None:
    """One measurement in this process: prints seconds, peak MB and the outcome as JSON."""
    outcome = "ok"
    if mode == "bare":
        data = Path(path).read_bytes()
        start = time.perf_counter()
        bare(fmt, data)
    else:
        # the program is started and its database open (as when the officer imports): the import is timed, from
        # reading the file to the commit
        from db.engine import open_database
        from desktop_app.errors import AppError
        from desktop_app.io.appendix import detect  # noqa: F401 - loaded on the first import
        from desktop_app.io.appendix import parser as appendix_parser  # noqa: F401
        from desktop_app.services.importing import import_file

        db = open_database(Path(path).with_suffix(".sqlite3"))
        start = time.perf_counter()
        try:
            outcome = f"{import_file(db, path=Path(path)).items} items"
        except AppError as exc:
            outcome = "refused: " + exc.message[:90]
        finally:
            db.close()
    seconds = time.perf_counter() - start
    peak = _peak_mb()
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome}))


def measure(mode: str, fmt: str, path: Path, runs: int) -> dict[str, object]:
    best: dict[str, object] | None = None
    for _ in range(runs):
        Path(path).with_suffix(".sqlite3").unlink(missing_ok=True)
        out = subprocess.run([sys.executable, __file__, "--child", mode, fmt, str(path)], capture_output=True,
                             text=True, check=True, cwd=ROOT)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if best is None or result["seconds"] < best["seconds"]:  # type: ignore[operator]
            best = result
    assert best is not None
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,largest,limit",
                        help="file sizes in MB, «largest» (the largest file accepted) or «limit» (the size limit)")
    parser.add_argument("--formats", default="tsv,xlsx,docx")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FORMAT", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"{'format':<6} {'size':>8} {'rows':>8} {'import s':>9} {'rows/s':>9} {'peak MB':>8} {'bare s':>7} "
          f"{'ratio':>6}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats.split(","):
            for size in args.sizes.split(","):
                if size == "limit" and fmt != "tsv":
                    continue  # the XML and cell limits refuse far smaller Office files (see the 10 MB line)
                n = items_for(fmt, size)
                data = MAKERS[fmt](rows(n))
                path = Path(tmp) / f"phu_luc_{size}.{'txt' if fmt == 'tsv' else fmt}"
                path.write_bytes(data)
                full = measure("import", fmt, path, args.runs)
                plain = measure("bare", fmt, path, args.runs)
                item_rows = n + n // 100 + 1
                print(f"{fmt:<6} {len(data) / 1e6:>6.1f}MB {item_rows:>8,} {full['seconds']:>9.2f} "
                      f"{item_rows / full['seconds']:>9,.0f} {full['peak_mb']:>8.0f} {plain['seconds']:>7.2f} "
                      f"{full['seconds'] / plain['seconds']:>6.1f}  {full['outcome']}", flush=True)


if __name__ == "__main__":
    main()
