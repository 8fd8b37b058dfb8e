"""Acceptance of real appendix layouts (tests/layout_fixtures.py): column roles, targets from their own column,
deadline kinds, units split on commas, the header block, numbering, and the --columns / --show-columns contract.
Written from the import specification, table-driven over the fixtures; each test names the layout it runs on."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx import Document

from db.engine import Database
from desktop_app.cli import main
from desktop_app.errors import FileRefused
from desktop_app.services.importing import import_file
from desktop_app.services.plans import show, units
from tests.conftest import MINH_TAN, NAM_HONG
from tests.layout_fixtures import LAYOUTS, ODD_HEADER, Expected, ExpectedItem, Layout
from tests.test_import_seeds import (
    MINH_TAN_ITEMS,
    NAM_HONG_I,
    NAM_HONG_II,
    _deadline,
    _target,
)

ROLES = {"number", "text", "explanation", "unit_of_measure", "target", "output", "monitoring", "lead", "coordinating",
         "implementing", "deadline", "budget", "note", "ignore"}
NEW_ITEM_FIELDS = ("explanation", "unit_of_measure", "target_text", "output", "budget")
NUMBERING_WORDS = ("nhảy cóc", "trùng", "không có số thứ tự")

CONFIDENT = [layout for layout in LAYOUTS if layout.expected.confident]
UNSURE = [layout for layout in LAYOUTS if not layout.expected.confident]


def _ids(layouts: list[Layout]) -> list[str]:
    return [layout.id for layout in layouts]


def each(layouts: list[Layout] = LAYOUTS):  # type: ignore[no-untyped-def]
    return pytest.mark.parametrize("layout", layouts, ids=_ids(layouts))


# ---------------------------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------------------------


def _norm(text: str | None) -> str:
    """NFC with whitespace collapsed: a cell's paragraphs may come back joined by a newline or a space."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _num(number: str) -> str:
    """"a)" and "a", "1." and "1" are the same Stt."""
    return _norm(number).rstrip(".)")


def _write(tmp_path: Path, layout: Layout) -> Path:
    path = tmp_path / layout.filename
    path.write_bytes(layout.build())
    return path


def _import(db: Database, tmp_path: Path, layout: Layout) -> dict[str, Any]:
    """Import the fixture the way the officer would: as it is, or with --columns when the program is unsure."""
    extra = {"columns": layout.expected.columns} if layout.expected.columns else {}
    result = import_file(db, path=_write(tmp_path, layout), again=True, **extra)
    return show(db, plan_id=result.plan_id)["plans"][0]


def _pairs(layout: Layout, plan: dict[str, Any]) -> list[tuple[ExpectedItem, dict[str, Any]]]:
    """Expected and imported items side by side, matched by section and Stt (the n-th "a)" of a section with the
    n-th), so that one extra or missing row does not hide every other field; a missing item fails here."""
    imported: dict[tuple, list[dict[str, Any]]] = {}
    for item in plan["items"]:
        for key in ((item["section"], _num(item["number"])), (None, _num(item["number"]))):
            imported.setdefault(key, []).append(item)
    pairs, missing, seen = [], [], {}
    for exp in layout.expected.items:
        key = (exp.section, _num(exp.number))
        n = seen.get(key, 0)
        seen[key] = n + 1
        candidates = imported.get(key, [])
        if n < len(candidates):
            pairs.append((exp, candidates[n]))
        else:
            missing.append(_where(exp))
    assert not missing, (
        f"{layout.id}: no imported item for {missing}; imported: {[(i['section'], i['number']) for i in plan['items']]}"
    )
    return pairs


def _where(exp: ExpectedItem) -> str:
    return f"{exp.section or ''}/{exp.number}"


def _target_tuple(t: dict[str, Any], with_kind: bool) -> tuple:
    value = float(t["value"]) if t["value"] is not None else None
    return (t["op"], round(value, 6) if value is not None else None) + ((t["unit_kind"],) if with_kind else ())


def _call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------------------------------------------------
# the fixture files themselves
# ---------------------------------------------------------------------------------------------------------------


@each()
def test_fixture_file_opens_and_holds_every_row(layout: Layout, tmp_path: Path) -> None:
    """The builders make files Word/Excel readers open, with one body row per expected item at least."""
    path = _write(tmp_path, layout)
    if path.suffix == ".docx":
        tables = Document(str(path)).tables
        cells = [c.text for t in tables for r in t.rows for c in r.cells]
    elif path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path)
        cells = [str(c.value) for ws in wb.worksheets for r in ws.iter_rows() for c in r if c.value is not None]
    else:
        cells = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\n", "\t").split("\t")
    joined = {_norm(c) for c in cells}
    for exp in layout.expected.items:
        assert _norm(exp.text) in joined or any(_norm(exp.text) in c for c in joined), (layout.id, exp.text)


# ---------------------------------------------------------------------------------------------------------------
# the plan: header block, sections, groups
# ---------------------------------------------------------------------------------------------------------------


@each()
def test_plan_header_fields(db: Database, tmp_path: Path, layout: Layout) -> None:
    exp: Expected = layout.expected
    plan = _import(db, tmp_path, layout)
    if exp.commune is not None:
        assert plan["commune"] == exp.commune, "a place of issue (Hà Nội) or a ministry is never the commune"
    if exp.plan_number is not None:
        assert plan["plan_number"] == exp.plan_number
    if exp.plan_date_checked:
        assert plan["plan_date"] == exp.plan_date
    if exp.issuer is not None:
        assert _norm(plan["issuer"]) in exp.issuer
    if exp.year is not None:
        assert plan["year"] == exp.year


@each()
def test_sections_and_groups_as_in_the_document(db: Database, tmp_path: Path, layout: Layout) -> None:
    exp = layout.expected
    if not exp.sections:
        pytest.skip("the layout has no section rows")
    plan = _import(db, tmp_path, layout)
    assert [s["numeral"] for s in plan["sections"]] == [n for n, _ in exp.sections]
    for section, (numeral, title) in zip(plan["sections"], exp.sections, strict=False):
        titles = title if isinstance(title, tuple) else (title,)
        assert _norm(section["title"]) in {_norm(t) for t in titles}, numeral
        want = [(g, _norm(t)) for g, t in exp.groups.get(numeral, [])]
        assert [(g["number"], _norm(g["title"])) for g in section["groups"]] == want, numeral


@each()
def test_items_counted_exactly_in_order(db: Database, tmp_path: Path, layout: Layout) -> None:
    """Section rows (also with a count "(05 chỉ tiêu)" or a stray text in a cell), parent rows that only head
    sub-rows, the column-number row and the header rows are not items; every other row is one item."""
    plan = _import(db, tmp_path, layout)
    exp = layout.expected.items
    got = [(_num(i["number"]), i["section"] if exp and exp[0].section is not None else None, i["group"])
           for i in plan["items"]]
    want = [(_num(e.number), e.section, e.group) for e in exp]
    assert got == want
    assert len(plan["items"]) == len(exp)


@each()
def test_item_text_is_only_the_text(db: Database, tmp_path: Path, layout: Layout) -> None:
    """The item's text is its text cell as written (bullets "- " and "+ " included); nothing from the explanation,
    unit of measure, target, output, budget or unit columns is glued into it."""
    plan = _import(db, tmp_path, layout)
    pairs = _pairs(layout, plan)
    assert [_norm(i["text"]) for _, i in pairs] == [_norm(e.text) for e, _ in pairs]
    for exp, item in pairs:
        text = _norm(item["text"])
        others = [exp.explanation, exp.output, exp.target_text, exp.note, *(exp.budget_parts or ()),
                  *(exp.implementing or []), *(exp.coordinating or []), *(exp.monitoring or [])]
        for other in others:
            other = _norm(other)
            if len(other) > 3 and other not in _norm(exp.text):
                assert other not in text, f"{layout.id} {_where(exp)}: «{other}» glued into the text"


# ---------------------------------------------------------------------------------------------------------------
# items: targets, deadlines, the new fields, units
# ---------------------------------------------------------------------------------------------------------------


@each()
def test_targets_from_the_target_column(db: Database, tmp_path: Path, layout: Layout) -> None:
    """`% | 100` is = 100 percent, `40 - 50` two targets, `≤ 3 Đông Nam Á; ≤ 50 Thế giới` two, `≥ 03` is 3, Excel's
    1 formatted 0% is 100 percent; "1% – 3% doanh thu", "57-NQ/TW", "2025-2030", "(10/10)" in a task are not."""
    plan = _import(db, tmp_path, layout)
    got, want = [], []
    for exp, item in _pairs(layout, plan):
        if exp.targets is None:
            continue
        with_kind = any(t.unit_kind is not None for t in exp.targets)
        got.append((_where(exp), [_target_tuple(t, with_kind) for t in item["targets"]]))
        want.append((_where(exp), [(t.op, round(float(t.value), 6)) + ((t.unit_kind,) if with_kind else ())
                                   for t in exp.targets]))
    assert got == want


@each()
def test_deadlines(db: Database, tmp_path: Path, layout: Layout) -> None:
    """Hằng năm: yearly, due 31/12 of the plan's year; Nhiệm vụ thường xuyên / Thường xuyên: ongoing; 2025 - 2026:
    2026-12-31; Quý II và Quý III/2026: 2026-09-30; Trước ngày 15/8/2025: 2025-08-15; rows under "Đến năm 2030"
    without a deadline of their own: 2030-12-31."""
    plan = _import(db, tmp_path, layout)
    got, want = [], []
    for exp, item in _pairs(layout, plan):
        d = item["deadline"]
        if exp.deadline_kind is not None:
            got.append((_where(exp), "kind", d["kind"]))
            want.append((_where(exp), "kind", exp.deadline_kind))
        if exp.deadline_kind is not None or exp.due is not None:
            got.append((_where(exp), "due", d["due"]))
            want.append((_where(exp), "due", exp.due))
        if exp.deadline_raw is not None:
            got.append((_where(exp), "raw", _norm(d["raw"])))
            want.append((_where(exp), "raw", _norm(exp.deadline_raw)))
    assert got == want


@each()
def test_new_item_fields(db: Database, tmp_path: Path, layout: Layout) -> None:
    """explanation, unit_of_measure, target_text (as written), output, budget (amount and source), note: strings,
    "" when the layout has no such column."""
    plan = _import(db, tmp_path, layout)
    pairs = _pairs(layout, plan)
    for _, item in pairs:
        for name in NEW_ITEM_FIELDS:
            assert isinstance(item[name], str), (name, item[name])
    got, want = [], []
    for exp, item in pairs:
        for name in ("explanation", "unit_of_measure", "target_text", "output", "note"):
            value = getattr(exp, name)
            if value is not None:
                got.append((_where(exp), name, _norm(item[name])))
                want.append((_where(exp), name, _norm(value)))
        if exp.budget_parts is not None:
            budget = _norm(item["budget"])
            if not exp.budget_parts:
                got.append((_where(exp), "budget", budget))
                want.append((_where(exp), "budget", ""))
            for part in exp.budget_parts:
                got.append((_where(exp), "budget has", part, _norm(part) in budget))
                want.append((_where(exp), "budget has", part, True))
    assert got == want


@each()
def test_units_by_role(db: Database, tmp_path: Path, layout: Layout) -> None:
    """"Cơ quan chủ trì" (lead) → implementing_units; "Cơ quan chủ trì theo dõi, đánh giá" → monitoring_units;
    "phối hợp" → coordinating_units. Split on commas between units; "Bộ Văn hóa, Thể thao và Du lịch", "Các bộ,
    ngành, địa phương" and "Các phòng, ban, ngành, đoàn thể xã" stay whole."""
    plan = _import(db, tmp_path, layout)
    got, want = [], []
    for exp, item in _pairs(layout, plan):
        for key, value in (("implementing_units", exp.implementing), ("monitoring_units", exp.monitoring),
                           ("coordinating_units", exp.coordinating)):
            if value is not None:
                got.append((_where(exp), key, [_norm(u) for u in item[key]]))
                want.append((_where(exp), key, [_norm(u) for u in value]))
    assert got == want


@each()
def test_unit_registry_has_whole_names_only(db: Database, tmp_path: Path, layout: Layout) -> None:
    """The registry holds exactly the units of the document: no fragment ("ngành", "Thể thao và Du lịch"), no unit
    of measure ("Tổ chức, doanh nghiệp", "%"), no budget source ("Ngân sách xã")."""
    _import(db, tmp_path, layout)
    names = {_norm(u["name"]) for u in units(db)["units"]}
    for absent in layout.expected.units_absent:
        assert _norm(absent) not in names
    for present in layout.expected.units_present:
        assert _norm(present) in names
    items = layout.expected.items
    if all(e.implementing is not None and e.monitoring is not None and e.coordinating is not None for e in items):
        everything = {_norm(u) for e in items
                      for u in (*e.implementing, *e.monitoring, *e.coordinating)}  # type: ignore[misc]
        assert names == everything


@each()
def test_no_numbering_warnings(db: Database, tmp_path: Path, layout: Layout) -> None:
    """Numbering that runs on across sections (14 after 13), restarts in a new section, sub-numbers 11.1 … 11.10
    under a parent row, lettered a), b): nothing is skipped or repeated."""
    plan = _import(db, tmp_path, layout)
    bad = [w for w in plan["warnings"] if any(word in w for word in NUMBERING_WORDS)]
    assert bad == []


@each()
def test_strings_are_nfc_and_trimmed(db: Database, tmp_path: Path, layout: Layout) -> None:
    plan = _import(db, tmp_path, layout)
    for item in plan["items"]:
        values = [item["text"], item["note"], *(item[n] for n in NEW_ITEM_FIELDS), *item["monitoring_units"],
                  *item["implementing_units"], *item["coordinating_units"]]
        for value in values:
            assert unicodedata.is_normalized("NFC", value) and value == value.strip(), repr(value)


# ---------------------------------------------------------------------------------------------------------------
# a layout the program is not sure of: refused unless the officer names the columns
# ---------------------------------------------------------------------------------------------------------------


@each(UNSURE)
def test_unsure_layout_is_refused_without_columns(db: Database, tmp_path: Path, layout: Layout) -> None:
    path = _write(tmp_path, layout)
    with pytest.raises(FileRefused):
        import_file(db, path=path, again=True)
    assert show(db)["plans"] == []
    result = import_file(db, path=path, again=True, columns=layout.expected.columns)
    assert len(show(db, plan_id=result.plan_id)["plans"][0]["items"]) == len(layout.expected.items)


@each(CONFIDENT)
def test_confident_layout_imports_without_columns(db: Database, tmp_path: Path, layout: Layout) -> None:
    result = import_file(db, path=_write(tmp_path, layout), again=True)
    assert len(show(db, plan_id=result.plan_id)["plans"][0]["items"]) == len(layout.expected.items)


# ---------------------------------------------------------------------------------------------------------------
# the command line
# ---------------------------------------------------------------------------------------------------------------


@each()
def test_cli_show_columns(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: Layout) -> None:
    """`import FILE --show-columns --json` prints each table's header, roles and confidence, and imports nothing."""
    path = _write(tmp_path, layout)
    code, out, err = _call(capsys, "--db", str(db_path), "import", str(path), "--show-columns", "--json")
    assert code == 0, err
    tables = json.loads(out)["tables"]
    assert tables, out
    for table in tables:
        assert set(table) >= {"header", "roles", "confident"}
        assert len(table["roles"]) == len(table["header"])
        assert set(table["roles"]) <= ROLES | {None}, table["roles"]
    exp = layout.expected
    if exp.confident:
        assert all(t["confident"] is True for t in tables), tables
        assert any(t["roles"] == exp.roles for t in tables), [t["roles"] for t in tables]
    else:
        unsure = [t for t in tables if t["confident"] is False]
        assert unsure, tables
        assert [_norm(h) for h in unsure[0]["header"]] == ODD_HEADER
        assert unsure[0]["roles"][:2] == ["number", "text"]
    code, out, _ = _call(capsys, "--db", str(db_path), "show", "--json")
    assert code == 0 and json.loads(out)["plans"] == []


@each(UNSURE)
def test_cli_refuses_unsure_layout_then_imports_with_columns(db_path: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             layout: Layout) -> None:
    """Exit 2 with the header and the guessed roles in the message; with --columns the same file imports."""
    path = _write(tmp_path, layout)
    code, out, err = _call(capsys, "--db", str(db_path), "import", str(path))
    assert code == 2
    for title in ODD_HEADER:
        assert title in err, (title, err)
    assert "number" in err and "text" in err, err
    code, out, err = _call(capsys, "--db", str(db_path), "import", str(path), "--columns", layout.expected.columns)
    assert code == 0, err
    code, out, _ = _call(capsys, "--db", str(db_path), "show", "--json")
    plans = json.loads(out)["plans"]
    assert len(plans) == 1 and len(plans[0]["items"]) == len(layout.expected.items)
    assert [_norm(i["text"]) for i in plans[0]["items"]] == [_norm(e.text) for e in layout.expected.items]


# ---------------------------------------------------------------------------------------------------------------
# the seeds still import as before
# ---------------------------------------------------------------------------------------------------------------


def test_the_two_seeds_still_import(db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nam_hong = show(db, plan_id=import_file(db, path=NAM_HONG).plan_id)["plans"][0]
    section_i = {i["number"]: (_deadline(i), [_target(t) for t in i["targets"]])
                 for i in nam_hong["items"] if i["section"] == "I"}
    assert section_i == NAM_HONG_I
    assert {i["number"]: _deadline(i) for i in nam_hong["items"] if i["section"] == "II"} == NAM_HONG_II
    minh_tan = show(db, plan_id=import_file(db, path=MINH_TAN).plan_id)["plans"][0]
    assert [(i["number"], _deadline(i), [_target(t) for t in i["targets"]]) for i in minh_tan["items"]] \
        == MINH_TAN_ITEMS
    for item in nam_hong["items"] + minh_tan["items"]:
        assert all(item[name] == "" for name in NEW_ITEM_FIELDS), item
        assert item["coordinating_units"] == []
    for seed in (NAM_HONG, MINH_TAN):
        code, out, err = _call(capsys, "--db", str(db_path), "import", str(seed), "--show-columns", "--json")
        assert code == 0, err
        tables = json.loads(out)["tables"]
        assert tables and all(t["confident"] for t in tables)
        assert tables[0]["roles"] == ["number", "text", "monitoring", "implementing", "deadline", "note"]
