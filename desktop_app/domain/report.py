"""What a report holds, as plain data: the writers (PDF, Word, Excel, CSV) only lay it out.

Built by services.reports from the database; every string is NFC (the writers still normalise what they
draw, because reportlab does no shaping)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from desktop_app.domain.assessment import ASSESSMENTS


class ReportKind(StrEnum):
    """Which report: the results of the whole plan, the plan's appendix (no results), or one unit's results."""

    PROGRESS = "progress"
    APPENDIX = "appendix"
    UNIT = "unit"


PROGRESS, APPENDIX, UNIT = ReportKind.PROGRESS.value, ReportKind.APPENDIX.value, ReportKind.UNIT.value
KINDS: tuple[str, ...] = tuple(k.value for k in ReportKind)
SECTION, GROUP, ITEM = "section", "group", "item"

DEFAULT_RECIPIENTS = (
    "Sở Khoa học và Công nghệ tỉnh;",
    "Thường trực Đảng ủy xã;",
    "Thường trực HĐND xã;",
    "Chủ tịch, các Phó Chủ tịch UBND xã;",
    "Lưu: VT, VHXH.",
)


@dataclass(frozen=True)
class ReportSettings:
    """The parts of an official report the office sets once (Settings): who issues, signs and receives it.
    Blank issuing_body / place mean "from the plan's commune" (UBND XÃ NAM HỒNG, Nam Hồng)."""

    issuing_body: str = ""
    place: str = ""
    signer_on_behalf: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    recipients: tuple[str, ...] = DEFAULT_RECIPIENTS


@dataclass(frozen=True)
class PeriodColumn:
    """A reporting period as a column group of the Excel appendix: "2026-Q3" and "Quý III/2026"."""

    code: str
    label: str
    start: date
    end: date


@dataclass(frozen=True)
class PeriodCell:
    """An item's result in one period: the number (None for a status or nothing), as shown, and the assessment."""

    value: Decimal | None
    text: str
    assessment_label: str


@dataclass(frozen=True)
class ReportRow:
    """One row of the appendix table: a section or group heading (kind SECTION/GROUP: number + text only) or
    an item with its plan columns and, in progress reports, its result."""

    kind: str
    section: str
    number: str
    text: str
    targets: str = ""
    monitoring: str = ""
    implementing: str = ""
    deadline: str = ""
    note: str = ""
    item_kind: str = ""
    value: Decimal | None = None
    value_text: str = ""
    completion: Decimal | None = None
    assessment: str | None = None
    assessment_label: str = ""
    result_note: str = ""
    by_period: tuple[PeriodCell, ...] = ()


@dataclass(frozen=True)
class GroupSummary:
    """How many of one group's items (or a section's own items) have each assessment."""

    number: str
    title: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class FlatRow:
    """One progress report (item × period × unit) for the flat data sheet and the CSV."""

    section: str
    group: str
    number: str
    text: str
    targets: str
    deadline: str
    period_code: str
    period_label: str
    unit: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    status: str
    assessment_label: str
    narrative: str
    evidence: str
    reported_at: datetime | None
    reported_by: str


@dataclass(frozen=True)
class OverdueItem:
    """A late item named in the report body."""

    number: str
    text: str
    deadline: str
    units: str


@dataclass
class ReportData:
    """Everything one report needs. kind: PROGRESS (whole plan), UNIT (one implementing unit's items) or
    APPENDIX (the plan itself, no results)."""

    kind: str
    commune: str
    plan_title: str
    plan_number: str
    plan_date: date | None
    year: int | None
    as_of: date
    settings: ReportSettings = field(default_factory=ReportSettings)
    period: PeriodColumn | None = None
    unit: str = ""
    rows: list[ReportRow] = field(default_factory=list)
    groups: list[GroupSummary] = field(default_factory=list)
    overdue: list[OverdueItem] = field(default_factory=list)
    periods: list[PeriodColumn] = field(default_factory=list)
    flat: list[FlatRow] = field(default_factory=list)

    @property
    def items(self) -> list[ReportRow]:
        """The item rows (no headings)."""
        return [r for r in self.rows if r.kind == ITEM]

    @property
    def totals(self) -> dict[str, int]:
        """Items per assessment over the whole report."""
        counts = dict.fromkeys(ASSESSMENTS, 0)
        for g in self.groups:
            for a, n in g.counts.items():
                counts[a] += n
        return counts

    @property
    def issuing_body(self) -> str:
        """"UBND XÃ NAM HỒNG" unless set otherwise."""
        if self.settings.issuing_body:
            return self.settings.issuing_body
        return f"UBND XÃ {self.commune.upper()}" if self.commune else "ỦY BAN NHÂN DÂN XÃ"

    @property
    def place(self) -> str:
        """The place written before the date: the commune's name unless set otherwise."""
        return self.settings.place or self.commune

    @property
    def period_phrase(self) -> str:
        """"Quý III/2026" or "năm 2026" when the report covers no single period."""
        if self.period is not None:
            return self.period.label
        return f"năm {self.year}" if self.year else ""
