"""Text bound for a spreadsheet cell: the formula-injection guard every export shares, and characters a
spreadsheet file cannot hold.

A plan's texts, unit names and progress narratives come from imported files and from users; a text such as
'=HYPERLINK("http://…")' or '@SUM(…)' must never run as a formula when the export is opened (OWASP "CSV
Injection"). A text is formula-like when, after any leading white space (a plain or non-breaking space, the ideographic
space …), it starts with "=", "+", "-" or "@" or their full-width forms "＝＋－＠" (and the small forms "﹦﹢﹣﹫"),
which spreadsheets in East Asian locales also take for an operator; or when it starts with a tab, a carriage
return, a line feed or a non-breaking space (some spreadsheets drop them before reading the rest).

- CSV has no cell types, so safe_text() puts a single quote before a formula-like text (the OWASP
  recommendation): Excel and LibreOffice then read it as text and show the quote, e.g. "'- Tuyên truyền…".
- Excel (.xlsx) cells are typed: the writer keeps the text exactly as typed in a string cell (never a formula
  cell) and marks it "quote prefix", Excel's own flag that keeps it text when someone edits it later; see
  reports/excel.py. It does not call safe_text().
- PDF and Word documents run no formulas and need no guard.
"""

from __future__ import annotations

import re

OPERATORS = "=+-@＝＋－＠﹦﹢﹣﹫"
"""First characters (after white space) that make a spreadsheet read a cell as a formula."""
SUSPECT_FIRST = "\t\r\n\u00a0"
"""First characters that make a cell suspect whatever follows: tab, CR, LF, non-breaking space."""
FORMULA_STARTS = (*OPERATORS, *SUSPECT_FIRST)
"""Every first character that gets a CSV cell quoted."""
QUOTE = "'"

_ILLEGAL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters XML 1.0 (and so an .xlsx file) cannot hold; openpyxl refuses them."""


def formula_like(value: str) -> bool:
    """True when a spreadsheet could take value for a formula (see the module's docstring)."""
    if not value:
        return False
    if value[0] in SUSPECT_FIRST:
        return True
    first = value.lstrip()[:1]  # every kind of white space, not only " "
    return first != "" and first in OPERATORS


def safe_text(value: str) -> str:
    """value for a CSV cell: formula-like text gets a leading single quote, anything else is unchanged."""
    return QUOTE + value if formula_like(value) else value


def printable(value: str) -> str:
    """value without the control characters a spreadsheet file cannot hold (tab, LF and CR are kept)."""
    return _ILLEGAL_RE.sub("", value) if _ILLEGAL_RE.search(value) else value
