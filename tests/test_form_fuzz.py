"""The reporting-form reader fuzzed with hypothesis, 2,000 cases (the approach of test_reader_fuzz.py): valid forms
made by the program, blank and filled, then mutated — input cells set to random strings, numbers, booleans,
errors, formulas and shared-string indexes; fixed cells and the hidden sheet's cells changed; sheets renamed,
removed or unhidden; one XML member's bytes mutated inside a valid zip; the zip bytes themselves garbled or cut.

The only outcomes allowed are a successful read (`services.forms.read_form`, the real path from the file on disk)
or the program's own AppError, within 5 s each, and the database unchanged after a refusal. One case in FULL_EVERY
also applies what was read (`apply_form`), checking a fingerprint of the database before and after a refusal (and
a hash of the whole dump every DUMP_EVERY refusals).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.engine import Database, open_database
from desktop_app.errors import AppError
from desktop_app.io.forms.sheet import FORM_SHEET, HIDDEN_SHEET
from desktop_app.services.forms import apply_form, make_form, read_form
from desktop_app.services.importing import import_file
from tests.conftest import NAM_HONG
from tests.test_reader_fuzz import (
    OPS,
    WORDS,
    build,
    mutate,
    time_guard,
    xml_text,
    zip_members,
)

EXAMPLES = 2000
FULL_EVERY = 8
DUMP_EVERY = 10
TIME_LIMIT = 5.0
UNIT = "Văn phòng HĐND &UBND xã"  # six rows of every kind (percent, number, status), and an "&" to escape
FORM_XML, HIDDEN_XML, WORKBOOK_XML = "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml"
TABLES = ("progress_reports", "periods", "items", "units", "plans")
TYPED = ["Hoàn thành", "hoan thanh", "Đang thực hiện", "Vướng mắc", "done", "72,5", "72.5", "45/50", "1.234,5",
         "khoảng 70", "100%", "-5", "1e3", "1e999", "NaN", "0,0000001", " ", "=1+1", "#N/A", "9" * 30]
_CELL_RE = re.compile(rb'<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>.*?</c>)', re.DOTALL)

text_values = st.one_of(st.sampled_from(TYPED + WORDS), st.text(max_size=40))
number_values = st.one_of(st.integers(-10**20, 10**20).map(str), st.floats().map(repr),
                          st.sampled_from(["1e999", "-0", "0.725", "1E-30", "abc", "", "1" * 400]))


def cell_xml(ref: str, kind: str, value: str) -> bytes:
    """One <c> element of the given kind."""
    if kind == "text":
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xml_text(value)}</t></is></c>'.encode()
    if kind == "number":
        return f'<c r="{ref}" s="{len(value) % 8}"><v>{xml_text(value)}</v></c>'.encode()
    if kind == "shared":
        return f'<c r="{ref}" t="s"><v>{len(value) * 7 - 3}</v></c>'.encode()
    if kind == "bool":
        return f'<c r="{ref}" t="b"><v>{len(value) % 3}</v></c>'.encode()
    if kind == "error":
        return f'<c r="{ref}" t="e"><v>#DIV/0!</v></c>'.encode()
    if kind == "formula":
        return f'<c r="{ref}"><f>{xml_text(value)}</f><v>2</v></c>'.encode()
    return f'<c r="{ref}" t="d"><v>{xml_text(value)}</v></c>'.encode()


def set_cells(xml: bytes, edits: list[tuple[str, bytes]]) -> bytes:
    """xml with the named cells replaced (cells not in the sheet are left alone)."""
    wanted = dict(edits)
    return _CELL_RE.sub(lambda m: wanted.get(m.group(1).decode(), m.group(0)), xml)


def refs(xml: bytes) -> list[str]:
    return [m.group(1).decode() for m in _CELL_RE.finditer(xml)]


CELL_KINDS = st.sampled_from(["text", "number", "shared", "bool", "error", "formula", "date"])


class Harness:
    """One database holding the plan the seed forms were made for; counts the outcomes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db_path = folder / "fuzz.sqlite3"
        self.db: Database = open_database(self.db_path)
        self.plan_id = import_file(self.db, path=NAM_HONG).plan_id
        blank = make_form(self.db, plan_id=self.plan_id, unit=UNIT, period="2026-Q3", out=folder / "trong.xlsx").path
        wb = openpyxl.load_workbook(blank)
        ws = wb[FORM_SHEET]
        for r in range(10, ws.max_row + 1):
            for c, value in ((7, 55), (8, 11), (9, 20), (10, "Đang thực hiện"), (11, "Đã làm"), (12, "CV số 1")):
                if not ws.cell(r, c).protection.locked:
                    ws.cell(r, c).value = value
        wb.save(folder / "da_dien.xlsx")
        self.seeds = (blank.read_bytes(), (folder / "da_dien.xlsx").read_bytes())
        self.members = tuple(zip_members(s) for s in self.seeds)
        form = self.members[0][FORM_XML]
        self.inputs = [r for r in refs(form) if r[0] in "GHIJKL" and int(r[1:]) >= 10]
        self.fixed = [r for r in refs(form) if r not in self.inputs]
        self.hidden = refs(self.members[0][HIDDEN_XML])
        self.cases = self.full_refusals = 0
        self.outcomes: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()

    def fingerprint(self) -> tuple[int, ...]:
        con = sqlite3.connect(self.db_path)
        try:
            return tuple(v for t in TABLES for v in con.execute(f'SELECT count(*), coalesce(max(id), 0), '
                                                                f'coalesce(max(version), 0) FROM "{t}"').fetchone())
        finally:
            con.close()

    def dump_hash(self) -> str:
        con = sqlite3.connect(self.db_path)
        try:
            return hashlib.sha256("\n".join(con.iterdump()).encode("utf-8")).hexdigest()
        finally:
            con.close()

    def case(self, data: bytes) -> None:
        self.cases += 1
        path = self.folder / "dot_bien.xlsx"
        path.write_bytes(data)
        full = self.cases % FULL_EVERY == 0
        before = self.fingerprint()
        dump = self.dump_hash() if full and self.full_refusals % DUMP_EVERY == 0 else None
        try:
            with time_guard(TIME_LIMIT):
                preview = read_form(self.db, path=path)
                if full:
                    apply_form(self.db, preview=preview)
        except AppError as err:
            assert err.message, err
            self.outcomes["refused"] += 1
            self.errors[type(err).__name__] += 1
            assert self.fingerprint() == before, "a refused form changed the database"
            if dump is not None:
                self.full_refusals += 1
                assert self.dump_hash() == dump, "a refused form changed the database"
            elif full:
                self.full_refusals += 1
        else:
            self.outcomes["applied" if full else "read"] += 1
            if not full:
                assert self.fingerprint() == before, "reading a form changed the database"


SHEET_NAMES = (FORM_SHEET, HIDDEN_SHEET)


@st.composite
def forms(draw: st.DrawFn, h: Harness) -> bytes:
    which = draw(st.integers(0, 1))
    members = dict(h.members[which])
    choice = draw(st.integers(0, 6))
    if choice == 0:  # the zip bytes garbled or cut
        return mutate(h.seeds[which], draw(OPS))
    if choice in (1, 2):  # input cells: random strings, numbers, booleans, errors, formulas
        members[FORM_XML] = set_cells(members[FORM_XML], _pick(draw, h.inputs))
    elif choice == 3:  # fixed cells of the form sheet
        members[FORM_XML] = set_cells(members[FORM_XML], _pick(draw, h.fixed))
    elif choice == 4:  # the hidden sheet's identities, rows and digests
        members[HIDDEN_XML] = set_cells(members[HIDDEN_XML], _pick(draw, h.hidden))
    elif choice == 5:  # sheets renamed, removed, shown or swapped
        how = draw(st.integers(0, 4))
        book = members[WORKBOOK_XML]
        if how == 0:
            old = draw(st.sampled_from(SHEET_NAMES)).encode()
            book = book.replace(xml_text(old.decode()).encode(), xml_text(draw(text_values)[:31]).encode(), 1)
        elif how == 1:
            del members[draw(st.sampled_from([FORM_XML, HIDDEN_XML]))]
        elif how == 2:
            book = book.replace(b' state="veryHidden"', b"")
        elif how == 3:
            book = re.sub(rb"<sheet [^>]*/>", b"", book, count=1)
        else:
            a, b = (xml_text(n).encode() for n in SHEET_NAMES)
            book = book.replace(a, b"\x00").replace(b, a).replace(b"\x00", b)
        members[WORKBOOK_XML] = book
    else:  # one XML member's bytes mutated inside a valid zip
        member = draw(st.sampled_from(sorted(members)))
        members[member] = mutate(members[member], draw(OPS))
    if choice == 2:  # sometimes a fixed cell too
        members[FORM_XML] = set_cells(members[FORM_XML], _pick(draw, h.fixed)[:1])
    return build(members)


def _pick(draw: st.DrawFn, choices: list[str]) -> list[tuple[str, bytes]]:
    out = []
    for _ in range(draw(st.integers(1, 6))):
        ref = draw(st.sampled_from(choices))
        kind = draw(CELL_KINDS)
        out.append((ref, cell_xml(ref, kind, draw(number_values if kind == "number" else text_values))))
    return out


def run_property(folder: Path, examples: int = EXAMPLES, derandomize: bool = True) -> Harness:
    """Run the form reader's property for `examples` cases; returns the harness with its outcome counts."""
    h = Harness(folder)

    @settings(max_examples=examples, deadline=None, derandomize=derandomize, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
    @given(forms(h))
    def prop(data: bytes) -> None:
        h.case(data)

    try:
        prop()
    finally:
        h.db.close()
    return h


@pytest.mark.slow  # 2,000 cases: -m "not slow" leaves it out
def test_form_reader_gives_a_preview_or_its_own_error(tmp_path: Path) -> None:
    h = run_property(tmp_path)
    assert h.cases >= EXAMPLES
    assert h.outcomes["refused"] > 0 and h.outcomes["read"] > 0 and h.outcomes["applied"] > 0
    assert {"FileRefused", "InvalidValue"} <= set(h.errors), h.errors
