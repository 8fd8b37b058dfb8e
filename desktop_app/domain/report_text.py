"""The words of a report, generated from its data: title lines, the date line and the body paragraphs.

One place for the text, so the PDF and the Word report say exactly the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.domain.appendix import ItemKind
from desktop_app.domain.assessment import (
    ACHIEVED,
    ASSESSMENTS,
    IN_PROGRESS,
    LABELS,
    NO_DATA,
    NOT_ACHIEVED,
    OVERDUE,
    SURPASSED,
)
from desktop_app.domain.report import APPENDIX, UNIT, ReportData

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_HEADING = "Nơi nhận:"
BLANK = "\u00a0" * 6  # room for the clerk to write the number, day and month by hand


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: heading (bold, not indented) or text (justified, first line indented)."""

    text: str
    heading: bool = False


def document_number() -> str:
    """"Số:      /BC-UBND", the number left blank for the clerk."""
    return f"Số: {BLANK}/BC-UBND"


def date_line(data: ReportData) -> str:
    """"Nam Hồng, ngày      tháng      năm 2026" (italic), day and month left blank."""
    place = data.place or "……"
    return f"{place}, ngày {BLANK} tháng {BLANK} năm {data.as_of.year}"


def title(data: ReportData) -> str:
    """The document type line."""
    return "PHỤ LỤC" if data.kind == APPENDIX else "BÁO CÁO"


def summary_line(data: ReportData) -> str:
    """The line under the title saying what the report is about."""
    year = f" năm {data.year}" if data.year else ""
    commune = f" xã {data.commune}" if data.commune else ""
    if data.kind == APPENDIX:
        return f"Chỉ tiêu, nhiệm vụ Kế hoạch chuyển đổi số{commune}{year}"
    line = f"Kết quả thực hiện Kế hoạch chuyển đổi số{commune}{year}"
    if data.period is not None:
        line += f", {data.period.label}"
    if data.kind == UNIT and data.unit:
        line += f" (đơn vị: {data.unit})"
    return line


def unbroken_period(data: ReportData, text: str) -> str:
    """text with the period label ("Quý III/2026") given no-break spaces, so a title never breaks inside it."""
    if data.period is None:
        return text
    label = data.period.label
    return text.replace(label, label.replace(" ", "\u00a0")).replace(label.upper(),
                                                                      label.upper().replace(" ", "\u00a0"))


def appendix_title(data: ReportData) -> str:
    """The heading above the results table."""
    if data.kind == APPENDIX:
        return summary_line(data).upper()
    period = f" {data.period.label}" if data.period is not None else ""
    return f"PHỤ LỤC KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ{period.upper()}"


def share(part: int, whole: int) -> str:
    """part/whole as "62,5%" (one decimal, decimal comma)."""
    if whole <= 0:
        return "0%"
    value = (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value.normalize():f}".replace(".", ",") + "%"


def _plan_reference(data: ReportData) -> str:
    parts = ["Kế hoạch"]
    if data.plan_number:
        parts.append(f"số {data.plan_number}")
    if data.plan_date:
        parts.append(f"ngày {data.plan_date:%d/%m/%Y}")
    parts.append(f"của UBND xã {data.commune}" if data.commune else "của UBND xã")
    parts.append("về chuyển đổi số" + (f" năm {data.year}" if data.year else ""))
    return " ".join(parts)


def _counts_sentence(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(a, 0)} {LABELS[a].lower()}" for a in ASSESSMENTS)


def body(data: ReportData) -> list[Paragraph]:
    """The body of a progress report (plan-wide or one unit's): opening, results overall and by group, the
    overdue items by name, and where the detail is."""
    items = data.items
    totals = data.totals
    total = len(items)
    kinds = {k: sum(1 for r in items if r.item_kind == k) for k in ItemKind}
    whom = f" của {data.unit}" if data.kind == UNIT and data.unit else ""
    paragraphs = [
        Paragraph(f"Thực hiện {_plan_reference(data)}, UBND xã báo cáo kết quả thực hiện{whom} "
                  f"{data.period_phrase} như sau:".replace("  ", " ")),
        Paragraph("I. KẾT QUẢ THỰC HIỆN", heading=True),
        Paragraph(
            f"Tổng số {total} chỉ tiêu, nhiệm vụ ({kinds[ItemKind.INDICATOR]} chỉ tiêu, "
            f"{kinds[ItemKind.TASK]} nhiệm vụ, {kinds[ItemKind.DOCUMENT]} văn bản cần ban hành). "
            f"Tính đến ngày {data.as_of:%d/%m/%Y}: "
            f"{_counts_sentence(totals)}. Tỷ lệ đạt và vượt: "
            f"{share(totals[ACHIEVED] + totals[SURPASSED], total)}."
        ),
    ]
    if data.groups:
        paragraphs.append(Paragraph("Kết quả theo từng nhóm:"))
        for g in data.groups:
            done = g.counts.get(ACHIEVED, 0) + g.counts.get(SURPASSED, 0)
            late = g.counts.get(NOT_ACHIEVED, 0) + g.counts.get(OVERDUE, 0)
            paragraphs.append(Paragraph(
                f"- {g.number}. {g.title}: {g.total} chỉ tiêu, nhiệm vụ; đạt và vượt {done} "
                f"({share(done, g.total)}), đang thực hiện {g.counts.get(IN_PROGRESS, 0)}, "
                f"không đạt hoặc quá hạn {late}, chưa có số liệu {g.counts.get(NO_DATA, 0)}."
            ))
    paragraphs.append(Paragraph("II. CÁC CHỈ TIÊU, NHIỆM VỤ CHẬM SO VỚI THỜI HẠN", heading=True))
    if data.overdue:
        paragraphs.append(Paragraph(f"Có {len(data.overdue)} chỉ tiêu, nhiệm vụ đã quá thời hạn hoàn thành "
                                    "mà chưa đạt:"))
        for o in data.overdue:
            units = f"; đơn vị thực hiện: {o.units}" if o.units else ""
            paragraphs.append(Paragraph(f"- {o.number} {o.text} (thời hạn: {o.deadline}{units})."))
    else:
        paragraphs.append(Paragraph("Không có chỉ tiêu, nhiệm vụ nào quá thời hạn mà chưa đạt."))
    paragraphs.append(Paragraph(
        "Kết quả chi tiết từng chỉ tiêu, nhiệm vụ tại Phụ lục kèm theo báo cáo này."))
    return paragraphs
