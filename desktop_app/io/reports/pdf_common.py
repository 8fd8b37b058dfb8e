"""What the PDF report's parts share: text made safe for reportlab, and the paragraph styles.

reportlab does no shaping, so every string is NFC-normalised (precomposed Vietnamese letters, which the font
has) before it is drawn; strings going into Paragraph markup are also escaped."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from desktop_app.io.reports.fonts import ReportFonts

# C0 controls other than tab and line feed (and DEL) would reach the PDF as garbage or break the markup parser.
_CONTROLS = {c: None for c in range(32) if c not in (9, 10)} | {127: None, 9: 32}
_SPACES = re.compile(r"[ \t]*\n[ \t]*")


def plain(value: object) -> str:
    """A string to draw as is (canvas, chart, plain table cell): NFC, no control characters."""
    text = unicodedata.normalize("NFC", str(value) if value is not None else "")
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)


def markup(value: object) -> str:
    """A string for Paragraph markup: NFC, &, <, > escaped, line breaks kept as <br/>."""
    return _SPACES.sub("<br/>", escape(plain(value).strip()))


def decimal_text(value: Decimal | None) -> str:
    """92.9 as "92,9", 100.0 as "100"; "" for None."""
    if value is None:
        return ""
    text = format(value.normalize(), "f") if value == value.to_integral() else format(value, "f").rstrip("0")
    return text.replace(".", ",")


@dataclass(frozen=True)
class Styles:
    """All ParagraphStyles of one report, made once and reused by every paragraph."""

    fonts: ReportFonts
    issuing: ParagraphStyle
    number: ParagraphStyle
    national: ParagraphStyle
    motto: ParagraphStyle
    date: ParagraphStyle
    title: ParagraphStyle
    summary: ParagraphStyle
    body: ParagraphStyle
    heading: ParagraphStyle
    recipients_heading: ParagraphStyle
    recipient: ParagraphStyle
    signer: ParagraphStyle
    table_title: ParagraphStyle
    head_cell: ParagraphStyle
    cell: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_bold: ParagraphStyle
    page_number_size: float = 13


def make_styles(fonts: ReportFonts) -> Styles:
    """The styles of an official report (Nghị định 30/2020/NĐ-CP, Phụ lục I) in the given fonts."""

    def style(name: str, font: str, size: float, *, leading: float | None = None, align: int = TA_CENTER,
              **extra: object) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or round(size * 1.2, 1),
                              alignment=align, **extra)

    cell = style("cell", fonts.regular, 11, leading=13, align=TA_LEFT)
    return Styles(
        fonts=fonts,
        issuing=style("issuing", fonts.bold, 13, leading=15.5),
        number=style("number", fonts.regular, 13, leading=16),
        national=style("national", fonts.bold, 12, leading=14.5),
        motto=style("motto", fonts.bold, 13, leading=15.5),
        date=style("date", fonts.italic, 13, leading=16),
        title=style("title", fonts.bold, 14, leading=17),
        summary=style("summary", fonts.bold, 14, leading=17),
        body=style("body", fonts.regular, 14, leading=18, align=TA_JUSTIFY, firstLineIndent=1 * cm,
                   spaceAfter=6),
        heading=style("heading", fonts.bold, 14, leading=18, align=TA_JUSTIFY, spaceBefore=3, spaceAfter=6,
                      keepWithNext=1),
        recipients_heading=style("recipients_heading", fonts.bold_italic, 12, leading=14, align=TA_LEFT),
        recipient=style("recipient", fonts.regular, 11, leading=13, align=TA_LEFT),
        signer=style("signer", fonts.bold, 14, leading=17),
        table_title=style("table_title", fonts.bold, 14, leading=17, spaceAfter=8),
        head_cell=style("head_cell", fonts.bold, 11, leading=13),
        cell=cell,
        cell_centre=style("cell_centre", fonts.regular, 11, leading=13),
        cell_bold=style("cell_bold", fonts.bold, 11, leading=13, align=TA_LEFT),
    )
