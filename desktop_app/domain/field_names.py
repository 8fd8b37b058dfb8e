"""The Vietnamese names of the stored fields and of their coded values, as the officer reads them in the kept
versions, the audit trail and the package preview."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from desktop_app.domain.appendix import KIND_NAMES, AssignmentRole
from desktop_app.domain.deadlines import DeadlineKind
from desktop_app.domain.periods import PeriodKind
from desktop_app.domain.progress import STATUS_NAMES
from desktop_app.domain.targets import TargetOp

FIELD_LABELS = {
    "text": "Nội dung", "note": "Ghi chú", "value": "Giá trị", "numerator": "Tử số", "denominator": "Mẫu số",
    "status": "Trạng thái", "narrative": "Kết quả thực hiện", "evidence": "Minh chứng", "title": "Tiêu đề",
    "name": "Tên", "raw": "Nguyên văn", "due": "Hạn", "label": "Tên kỳ", "commune": "Xã",
    "plan_number": "Số kế hoạch", "plan_date": "Ngày kế hoạch", "year": "Năm", "number": "Số thứ tự",
    "numeral": "Số thứ tự", "order": "Vị trí", "kind": "Loại", "role": "Vai trò", "unit": "Đơn vị tính",
    "unit_id": "Đơn vị", "subject": "Đối tượng", "start": "Từ ngày", "end": "Đến ngày",
    "document_number": "Số văn bản", "document_date": "Ngày văn bản", "reported_at": "Ngày báo cáo",
    "reported_by": "Người báo cáo", "file_name": "Tên tệp", "section_id": "Phần", "group_id": "Nhóm",
    "period_id": "Kỳ báo cáo", "item_id": "Chỉ tiêu/nhiệm vụ", "plan_id": "Kế hoạch", "report_id": "Kết quả",
    "number_raw": "Số thứ tự (nguyên văn)", "source_line": "Dòng trong tệp phụ lục", "op": "Phép so sánh",
    "unit_kind": "Loại đơn vị tính", "key": "Khoá tên", "named_by_user": "Tên do người dùng đặt",
    "source_name": "Tệp nguồn", "source_sha256": "SHA-256 tệp nguồn",
    "imported_at": "Ngày nhập", "period_kind": "Loại kỳ báo cáo", "period_basis": "Cách tính kỳ",
    "basis": "Cách tính kỳ", "sha256": "SHA-256", "size": "Kích thước (byte)", "issuer": "Cơ quan ban hành",
    "explanation": "Giải thích, cách tính", "unit_of_measure": "Đơn vị tính của chỉ tiêu",
    "target_text": "Chỉ tiêu (nguyên văn)", "output": "Sản phẩm", "budget": "Kinh phí",
    "login": "Tên đăng nhập", "full_name": "Họ và tên", "active": "Đang dùng", "failed_sign_ins": "Số lần đăng nhập sai",
    "wait_seconds": "Thời gian chờ (giây)",
}
# "kind" is the column of items, deadlines and periods: one table names the three vocabularies.
CODES: dict[str, Mapping[Any, str]] = {
    "kind": {**KIND_NAMES, DeadlineKind.DATE: "ngày",
             PeriodKind.MONTH: "tháng", PeriodKind.QUARTER: "quý", PeriodKind.HALF: "6 tháng", PeriodKind.YEAR: "năm",
             DeadlineKind.ONGOING: "thường xuyên", DeadlineKind.YEARLY: "hằng năm", DeadlineKind.OTHER: "khác"},
    "role": {AssignmentRole.MONITORING: "theo dõi", AssignmentRole.IMPLEMENTING: "thực hiện",
             AssignmentRole.COORDINATING: "phối hợp"},
    "status": STATUS_NAMES,
    "named_by_user": {0: "không", 1: "có"},
    "op": {TargetOp.AT_LEAST: "≥", TargetOp.AT_MOST: "≤", TargetOp.ABOVE: ">", TargetOp.BELOW: "<",
           TargetOp.REACH: "="},
}
DATES = {"plan_date", "due", "start", "end", "document_date"}
MOMENTS = {"reported_at", "imported_at"}  # stored in UTC
NUMBERS = {"value", "numerator", "denominator"}


def local_time(moment: datetime) -> datetime:
    """A moment stored in UTC (without a zone) as the computer's local wall time."""
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def shown_value(column: str, value: Any) -> str:
    """A stored value (not empty, not a reference) as the officer reads it: coded values named, decimal comma,
    dates as dd/mm/yyyy."""
    if column in CODES:
        return str(CODES[column].get(value, value))
    text = str(value)
    if column in NUMBERS:
        return text.replace(".", ",")
    if column in DATES | MOMENTS:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        return f"{moment:%d/%m/%Y}" if column in DATES else f"{local_time(moment):%d/%m/%Y %H:%M}"
    return text
