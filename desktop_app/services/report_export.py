"""Use case: write a report file (PDF, Word, Excel or CSV) for a plan, complete or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from db.engine import Database
from desktop_app.domain.report import APPENDIX, PROGRESS
from desktop_app.errors import InvalidValue
from desktop_app.io.atomic import atomic_file
from desktop_app.services.reports import build_report

FORMATS = ("pdf", "docx", "xlsx", "csv")
SUFFIXES = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "csv": ".csv"}


@dataclass(frozen=True)
class Exported:
    """A report written: where, and how many items (and pages for a PDF) it holds."""

    path: Path
    items: int
    pages: int | None = None


def export_report(db: Database, *, fmt: str, out: Path, plan_id: int, kind: str = PROGRESS,
                  period: str | int | None = None, unit: str | None = None, today: date | None = None,
                  on_progress: Callable[[int, int], None] | None = None) -> Exported:
    """Build the report's data and write it to out through a temporary file renamed when complete.
    Excel and CSV always hold every period's results (period and kind are ignored for them, unit narrows)."""
    if fmt not in FORMATS:
        raise InvalidValue("report.bad_format", fmt=fmt, formats=", ".join(FORMATS))
    out = Path(out)
    if fmt in ("xlsx", "csv"):
        kind, period = PROGRESS, None
    data = build_report(db, plan_id=plan_id, kind=kind, period=period, unit=unit, today=today,
                        with_flat=fmt in ("xlsx", "csv"))
    pages = None
    with atomic_file(out) as handle:
        if fmt == "pdf":
            from desktop_app.io.reports.pdf import write_pdf

            pages = write_pdf(data, handle, on_progress=on_progress)
        elif fmt == "docx":
            from desktop_app.io.reports.word import write_docx

            write_docx(data, handle)
        elif fmt == "xlsx":
            from desktop_app.io.reports.excel import write_xlsx

            write_xlsx(data, handle, on_progress=on_progress)
        else:
            from desktop_app.io.reports.csv_export import write_csv

            write_csv(data, handle)
    return Exported(out, len(data.items), pages)


__all__ = ["APPENDIX", "FORMATS", "PROGRESS", "SUFFIXES", "Exported", "export_report"]
