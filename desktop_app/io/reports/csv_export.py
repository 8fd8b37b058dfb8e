"""CSV export of a report's flat data (one row per item × period × unit), laid out for a Vietnamese Excel: UTF-8
with a byte-order mark (so Excel detects UTF-8), ";" between fields and CRLF line ends, decimal comma ("72,5"),
dates dd/mm/yyyy and dd/mm/yyyy hh:mm. A text Excel could run as a formula gets a leading single quote
(cell_text.safe_text, the OWASP recommendation).

The flat table's columns and values (FLAT_COLUMNS, flat_values) are defined here and shared with the "Dữ liệu"
sheet of the Excel report."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any, BinaryIO

from desktop_app.domain.report import GROUP, SECTION, ReportData
from desktop_app.io.cell_text import safe_text

FLAT_COLUMNS = ("Mục", "Nhóm", "Stt", "Chỉ tiêu/nhiệm vụ", "Chỉ tiêu kế hoạch", "Thời gian hoàn thành", "Kỳ",
                "Tên kỳ", "Từ ngày", "Đến ngày", "Đơn vị", "Giá trị", "Tử số", "Mẫu số", "Trạng thái", "Đánh giá",
                "Nội dung", "Minh chứng", "Ngày báo cáo", "Người báo cáo")
DATE_COLUMNS = (8, 9)
NUMBER_COLUMNS = (11, 12, 13)
DATETIME_COLUMN = 18
TEXT_COLUMNS = tuple(i for i in range(len(FLAT_COLUMNS))
                     if i not in DATE_COLUMNS + NUMBER_COLUMNS + (DATETIME_COLUMN,))
DELIMITER = ";"


def flat_values(data: ReportData) -> Iterator[tuple[Any, ...]]:
    """The flat rows in FLAT_COLUMNS order: texts ("" for none), the period's start and end dates, Decimals
    (or None) and the report's time. Mục and Nhóm read "I. Phân công…" and "1. Về hạ tầng số"."""
    sections: dict[str, str] = {}
    groups: dict[tuple[str, str], str] = {}
    for r in data.rows:
        if r.kind == SECTION:
            sections[r.section] = f"{r.number}. {r.text}"
        elif r.kind == GROUP:
            groups[(r.section, r.number)] = f"{r.number}. {r.text}"
    spans: dict[str, tuple[date | None, date | None]] = {p.code: (p.start, p.end) for p in data.periods}
    for f in data.flat:
        start, end = spans.get(f.period_code, (None, None))
        group = groups.get((f.section, f.group), f.group) if f.group else ""
        yield (sections.get(f.section, f.section), group, f.number, f.text, f.targets, f.deadline, f.period_code,
               f.period_label, start, end, f.unit, f.value, f.numerator, f.denominator, f.status,
               f.assessment_label, f.narrative, f.evidence, f.reported_at, f.reported_by)


def decimal_text(value: Decimal | None) -> str:
    """72.5 -> "72,5", 100 -> "100" (no exponent, no thousands separator), None -> ""."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def csv_row(values: tuple[Any, ...]) -> list[str]:
    """One flat row as CSV fields."""
    fields = [""] * len(values)
    for i in TEXT_COLUMNS:
        fields[i] = safe_text(values[i] or "")
    for i in DATE_COLUMNS:
        fields[i] = f"{values[i]:%d/%m/%Y}" if values[i] is not None else ""
    for i in NUMBER_COLUMNS:
        fields[i] = decimal_text(values[i])
    moment: datetime | None = values[DATETIME_COLUMN]
    fields[DATETIME_COLUMN] = f"{moment:%d/%m/%Y %H:%M}" if moment is not None else ""
    return fields


def write_csv(data: ReportData, out: BinaryIO) -> None:
    """Write the report's flat data to out as CSV (see the module's docstring)."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    try:
        writer = csv.writer(text, delimiter=DELIMITER)  # lineterminator "\r\n", quotes only where needed
        writer.writerow(FLAT_COLUMNS)
        writer.writerows(csv_row(values) for values in flat_values(data))
        text.flush()
    finally:
        text.detach()  # leave out open: the caller owns it
