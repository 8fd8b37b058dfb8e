"""`desktop-app --self-test`: the program checks itself end to end on a temporary database, so a frozen build
that lost a data file, a font, a hidden import or a Qt plug-in is caught before an officer meets it."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_app.messages import text as message


@dataclass(frozen=True)
class Step:
    """One check: what it did, whether it passed, how long it took, and what it found."""

    name: str
    ok: bool
    seconds: float
    detail: str = ""


def _timed(name: str, work: Callable[[], str]) -> Step:
    start = time.perf_counter()
    try:
        detail = work()
    except Exception as exc:  # noqa: BLE001 - every failure is reported as the step's result
        return Step(name, False, time.perf_counter() - start, f"{type(exc).__name__}: {exc}")
    return Step(name, True, time.perf_counter() - start, detail)


def run_checks(folder: Path, extra: list[tuple[str, Callable[[Any], str]]] | None = None) -> Iterator[Step]:
    """Run every step in folder (stop at the first failure); extra steps get the open database."""
    from db.engine import open_database
    from desktop_app.paths import sample_plan_path

    state: dict[str, Any] = {}

    def open_db() -> str:
        state["db"] = open_database(folder / "self_test.sqlite3")
        from sqlalchemy import text

        with state["db"].reading() as session:
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        from desktop_app.messages import CATALOGUE, catalogue

        if not catalogue():
            raise RuntimeError(f"resources/{'/'.join(CATALOGUE)} cannot be read")
        return f"lược đồ {revision}"

    def import_sample() -> str:
        from desktop_app.services.importing import import_file

        result = import_file(state["db"], path=sample_plan_path())
        state["plan"] = result.plan_id
        if result.items < 50:
            raise RuntimeError(message("selftest.sample_short", items=result.items))
        return f"{result.items} chỉ tiêu/nhiệm vụ, xã {result.commune}"

    def record() -> str:
        from desktop_app.services.progress import (
            first_implementer,
            item_by_number,
            record_progress,
        )

        item = item_by_number(state["db"], plan_id=state["plan"], number="2.1")
        report = record_progress(state["db"], item_id=item, period="2026-Q3", value=Decimal("72.5"),
                                 unit=first_implementer(state["db"], item_id=item))
        return f"2.1 = {report['value']} ({report['period']})"

    def pdf() -> str:
        import pypdfium2 as pdfium

        from desktop_app.services.report_export import export_report

        out = folder / "bao_cao.pdf"
        done = export_report(state["db"], fmt="pdf", out=out, plan_id=state["plan"], period="2026-Q3",
                             today=date(2026, 11, 24))
        document = pdfium.PdfDocument(str(out))
        try:
            text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        finally:
            document.close()
        for wanted in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phòng Văn hóa - Xã hội", "72,5%"):
            if wanted not in text.replace("\r\n", " ").replace("\n", " ") and wanted not in text:
                raise RuntimeError(message("selftest.not_in_pdf", wanted=wanted))
        return f"{done.pages} trang, {out.stat().st_size // 1024} KB"

    def xlsx() -> str:
        import openpyxl

        from desktop_app.services.report_export import export_report

        out = folder / "bao_cao.xlsx"
        export_report(state["db"], fmt="xlsx", out=out, plan_id=state["plan"], today=date(2026, 11, 24))
        book = openpyxl.load_workbook(out, read_only=True)
        try:
            values = [v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row]
        finally:
            book.close()
        if 72.5 not in values or not any(isinstance(v, str) and "Phòng Văn hóa - Xã hội" in v for v in values):
            raise RuntimeError(message("selftest.not_in_xlsx"))
        return f"{len(book.sheetnames)} trang tính"

    def docx() -> str:
        from docx import Document

        from desktop_app.services.report_export import export_report

        out = folder / "bao_cao.docx"
        export_report(state["db"], fmt="docx", out=out, plan_id=state["plan"], period="2026-Q3",
                      today=date(2026, 11, 24))
        document = Document(str(out))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        if not any("72,5%" in c for c in cells):
            raise RuntimeError(message("selftest.not_in_docx"))
        return f"{len(document.tables)} bảng"

    def package_reader() -> str:
        import shutil

        from desktop_app.services.exchange import export_package
        from desktop_app.services.exchange_contents import PREFETCH_FROM, prefetched

        first = folder / "goi_00.cdsx"
        export_package(state["db"], out=first)
        paths = [first]
        for n in range(1, PREFETCH_FROM):  # enough packages for a province's folder import to read ahead
            paths.append(folder / f"goi_{n:02d}.cdsx")
            shutil.copyfile(first, paths[-1])
        read = [got for _path, got in prefetched(paths)]
        sample = read[0]
        if sample is None or any(got is None for got in read):
            raise RuntimeError(message("selftest.reader_short", read=sum(g is not None for g in read), total=len(read)))
        return f"{len(read)} gói, {sum(len(rows) for rows in sample[1].tables.values())} bản ghi mỗi gói"

    steps: list[tuple[str, Callable[[], str]]] = [
        ("Mở cơ sở dữ liệu tạm và nâng cấp lược đồ", open_db),
        ("Nhập kế hoạch mẫu", import_sample),
        ("Ghi một kết quả thực hiện", record),
        ("Xuất và đọc lại báo cáo PDF", pdf),
        ("Xuất và đọc lại bảng Excel", xlsx),
        ("Xuất và đọc lại báo cáo Word", docx),
        ("Ghi gói dữ liệu và đọc lại trong tiến trình phụ", package_reader),
    ]
    def on_db(check: Callable[[Any], str]) -> Callable[[], str]:
        return lambda: check(state["db"])

    steps += [(name, on_db(check)) for name, check in extra or []]
    try:
        for name, work in steps:
            step = _timed(name, work)
            yield step
            if not step.ok:
                return
    finally:
        if "db" in state:
            from desktop_app.services.identity import discard_key

            discard_key(state["db"])  # the temporary database's signing key goes with it
            state["db"].close()


def self_test(print_line: Callable[[str], None], extra: list[tuple[str, Callable[[Any], str]]] | None = None) -> bool:
    """Run the checks in a temporary folder, printing one line per step; True when all passed."""
    with tempfile.TemporaryDirectory(prefix="cds-self-test-") as tmp:
        steps = list(_print(run_checks(Path(tmp), extra), print_line))
    ok = bool(steps) and all(s.ok for s in steps)
    total = sum(s.seconds for s in steps)
    print_line(f"{'ĐẠT' if ok else 'KHÔNG ĐẠT'}: {sum(s.ok for s in steps)}/{len(steps)} bước, {total:.2f} s")
    return ok


def _print(steps: Iterator[Step], print_line: Callable[[str], None]) -> Iterator[Step]:
    for step in steps:
        mark = "OK  " if step.ok else "LỖI "
        print_line(f"{mark} {step.seconds:6.2f} s  {step.name}" + (f" — {step.detail}" if step.detail else ""))
        yield step
