"""The package reader fuzzed with hypothesis, 2,000 cases per property: valid packages with bytes flipped, cut or
inserted; re-zipped with members changed, added, removed or renamed (hostile names among them), manifests
mutated and re-signed, random zips and random bytes; and JSON members of random text read with read_json.

The only outcomes allowed are a Package (whose every member then reads back) or PackageRefused, each within
5 s, the process's memory growing by less than 500 MB."""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.io.exchange import signing
from desktop_app.io.exchange.package import (
    MANIFEST,
    SIGNATURE,
    PackageRefused,
    read_package,
    write_package,
)
from tests.memory import peak_growth_mb, reset_peak
from tests.test_package import KEY, base_manifest, zip_bytes
from tests.test_reader_fuzz import OPS, mutate, time_guard

EXAMPLES = 2000
TIME_LIMIT = 5.0
MEMORY_LIMIT_MB = 500
HOSTILE_NAMES = ["../evil", "/etc/passwd", "C:/Windows/x", "C:x", "a\\b", "records/", "a//b", "./a", "",
                 "records/items.json", MANIFEST, SIGNATURE, "a\x01b", "x" * 300, "evidence/" + "0" * 64, "é/ñ",
                 "records/../manifest.json", "\u202etxt.exe", "CON", "a:b"]
name_strategy = st.one_of(st.sampled_from(HOSTILE_NAMES), st.text(min_size=0, max_size=20))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


@functools.cache
def seed() -> bytes:
    """A valid package with records and an evidence file."""
    with tempfile.TemporaryDirectory() as tmp:
        evidence = Path(tmp) / "ev.pdf"
        evidence.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
        path = Path(tmp) / "seed.cdsx"
        items = json.dumps({"columns": ["uuid", "title"], "rows": [["a", "Tỷ lệ hồ sơ"], ["b", "Đạt 70%"]]},
                           ensure_ascii=False).encode("utf-8")
        write_package(path, manifest=base_manifest(), private_key=KEY,
                      members={"records/items.json": items, "records/tombstones.json": b'{"rows": []}',
                               "evidence/" + "ab" * 32: evidence})
        return path.read_bytes()


@functools.cache
def seed_members() -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(seed())) as zf:
        return tuple((name, zf.read(name)) for name in zf.namelist())


def _set_path(manifest: dict[str, Any], path: list[str], value: Any) -> None:
    node: Any = manifest
    for key in path[:-1]:
        if not isinstance(node, dict) or not isinstance(node.get(key), dict):
            return
        node = node[key]
    if isinstance(node, dict):
        node[path[-1]] = value


MANIFEST_PATHS = [["format"], ["format_version"], ["installation"], ["installation", "id"],
                  ["installation", "name"], ["installation", "public_key"], ["created_at"], ["members"],
                  ["members", "records/items.json"], ["members", "records/items.json", "size"],
                  ["members", "records/items.json", "sha256"], ["members", "../evil"], ["counts"]]


@st.composite
def rezipped(draw: st.DrawFn) -> bytes:
    """The seed's members re-zipped with some changed, added, removed, renamed; the manifest sometimes
    mutated as JSON and re-signed (so the checks after the signature are reached)."""
    members = [list(m) for m in seed_members()]
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["change", "add", "remove", "rename", "manifest", "duplicate"]))
        index = draw(st.integers(0, len(members) - 1)) if members else 0
        if action == "change" and members:
            members[index][1] = mutate(members[index][1], draw(OPS))
        elif action == "add":
            members.append([draw(name_strategy), draw(st.binary(max_size=64))])
        elif action == "remove" and members:
            members.pop(index)
        elif action == "rename" and members:
            members[index][0] = draw(name_strategy)
        elif action == "duplicate" and members:
            members.append(list(members[index]))
        elif action == "manifest":
            found = [m for m in members if m[0] == MANIFEST]
            if found:
                manifest = json.loads(seed_members()[0][1])
                _set_path(manifest, draw(st.sampled_from(MANIFEST_PATHS)), draw(json_values))
                found[0][1] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
                for m in members:
                    if m[0] == SIGNATURE:
                        m[1] = signing.sign(KEY, found[0][1])
    safe = [(name.replace("\x00", "\x01"), content) for name, content in members]
    compression = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    return zip_bytes(safe, compression)  # type: ignore[arg-type]


random_zips = st.lists(st.tuples(name_strategy, st.binary(max_size=100)), max_size=6).map(
    lambda entries: zip_bytes([(n.replace("\x00", "\x01"), c) for n, c in entries]))
packages = st.one_of(st.builds(lambda ops: mutate(seed(), ops), OPS), rezipped(), random_zips,
                     st.binary(max_size=400))


class Harness:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "dot_bien.cdsx"
        self.outcomes: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.cases = 0
        self.start_rss = reset_peak()

    def case(self, data: bytes) -> None:
        self.cases += 1
        self.path.write_bytes(data)
        try:
            with time_guard(TIME_LIMIT):
                package = read_package(self.path)
                for name in package.members:
                    if name.endswith(".json"):
                        package.read_json(name)
                    else:
                        assert len(package.read(name)) == package.size_of(name)
        except PackageRefused as err:
            assert err.message and err.file == self.path.name
            self.outcomes["refused"] += 1
            self.errors[type(err).__name__] += 1
        else:
            self.outcomes["read"] += 1

    def check_memory(self) -> None:
        used = peak_growth_mb(self.start_rss)
        assert used < MEMORY_LIMIT_MB, f"the cases used {used:.0f} MB"


SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def run_property(folder: Path, examples: int = EXAMPLES, derandomize: bool = True) -> Harness:
    """Run the package reader's property for `examples` cases; returns the harness with its outcome counts."""
    seed()
    harness = Harness(folder)

    @settings(SETTINGS, max_examples=examples, derandomize=derandomize)
    @given(packages)
    def prop(data: bytes) -> None:
        harness.case(data)

    prop()
    harness.check_memory()
    return harness


@pytest.mark.slow  # 2,000 cases: -m "not slow" leaves it out
def test_the_package_reader_gives_a_package_or_its_own_refusal(tmp_path: Path) -> None:
    harness = run_property(tmp_path)
    assert sum(harness.outcomes.values()) >= EXAMPLES
    assert harness.outcomes["refused"] > EXAMPLES // 2 and harness.outcomes["read"] > 0, harness.outcomes


json_texts = st.one_of(
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8")),
    st.builds(lambda ops: mutate(b'{"columns": ["uuid"], "rows": [["a", 1.5, null, true, "\\u00e9"]]}', ops), OPS),
    st.sampled_from([b"NaN", b"[Infinity]", b"[" * 70 + b"]" * 70, b"[" * 3000, b"1e400", b"9" * 5000,
                     b'{"a":1,"a":2}', b"\xef\xbb\xbf{}", b'"\\ud800"', b"", b" "]),
    st.binary(max_size=64),
)


@pytest.mark.slow  # 2,000 cases
def test_read_json_gives_a_value_or_its_own_refusal(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    key_members = dict(seed_members())

    @SETTINGS
    @given(json_texts)
    def prop(text: bytes) -> None:
        members = {"records/items.json": text}
        manifest = {**json.loads(key_members[MANIFEST]),
                    "members": {"records/items.json": {"size": len(text),
                                                       "sha256": hashlib.sha256(text).hexdigest()}}}
        manifest_data = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        harness.case(zip_bytes([(MANIFEST, manifest_data), (SIGNATURE, signing.sign(KEY, manifest_data)),
                                *members.items()]))

    prop()
    harness.check_memory()
    assert harness.outcomes["refused"] > 0 and harness.outcomes["read"] > 0, harness.outcomes


# --------------------------------------------------------------------------- records breaking the domain rules
# A real package (NAM_HONG and a progress report, exported by a commune) with one record value changed per case
# so that it breaks a rule of the domain, re-signed by the sender's own key (what a sender editing their own
# package can do). import_package (trust=True) into a new database either imports or refuses with the program's
# own AppError, its message not empty, the receiving database's dump and bytes unchanged after a refusal.

REPORTS = "records/progress_reports.json"
EVIDENCE = "records/evidence_files.json"
REPORT_COLUMNS = ["value", "numerator", "denominator", "status", "narrative", "evidence", "document_number",
                  "document_date", "reported_at", "reported_by", "uuid", "item_id", "unit_id", "period_id",
                  "rev", "base", "changed_at"]
BAD_VALUES: list[Any] = [
    -5, "-5", "-0.001", -1e-9, 150, "150", "100.0000001", "1e999999", "9E+999999999", "9" * 200, 10**30, 1e308,
    "1" * 41, "0", 0, "NaN", "Infinity", "-0", "0.0000001", "1e-999999999", "72,5", " 40 ", "40%", True, None, "",
    [], {}, [1, 2], {"a": 1}, "x\x00y", "ghi chú\x1b[2J", "a\x9bb", "\x1b]0;pwned\x07", "\u202e", "x" * 5000,
    "1800-01-01", "1899-12-31", "2101-01-01", "0001-01-01", "9999-12-31 00:00:00", "1899-12-31T23:59:59",
    "2026-02-30", "2026-13-01", "not-a-uuid-at-all", "00000000-0000-0000-0000-000000000000", "{uuid}",
    "done", "Hoàn thành", "quarter", "percent",
]
EVIDENCE_NAMES = ["CON.txt", "nul.txt", "COM1.pdf", "a:b.pdf", "C:minh_chung.pdf", "..\\..\\boot.ini", "a\\b.pdf",
                  "x\x00.pdf", "a/b.pdf", "..", "", "tệp.", "tệp ", "\x1b[2J.pdf", "x" * 300 + ".pdf"]
bad_values = st.one_of(st.sampled_from(BAD_VALUES), st.integers(-10**40, 10**40),
                       st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30))
BAD_NUMBERS = ["-5", "-0.001", "150", "100.0000001", "1e999999", "9E+999999999", "9" * 200, "1" * 41, "1e30",
               "-1e13", "1000000000000", "0", "0.0", "-0", "0.0000001", "1e-999999999", "NaN", "inf", "sNaN",
               "72,5", "40%", " 40 ", "", "abc", "1_000"]
BAD_TEXTS = ["xong\x00", "ghi chú\x1b[2J", "a\x9bb", "\x1b]0;pwned\x07", "\u202etxt", "a\x7fb", "x" * 5000,
             "\r\n", "\ud7ff", ""]
BAD_DATES = ["1800-01-01", "1899-12-31", "2101-01-01", "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01",
             "26-01-01", "2026-1-1", "", "hôm qua"]
BAD_MOMENTS = [f"{d} 00:00:00" for d in BAD_DATES] + ["9999-12-31 23:59:59.999999", "2026-05-04T25:00:00"]
# the values breaking a rule of the column, by the column's name (text typed as the column's JSON type, so that
# the rule is reached rather than the type check before it)
TYPED_BAD = {"value": BAD_NUMBERS, "numerator": BAD_NUMBERS, "denominator": BAD_NUMBERS, "budget": BAD_NUMBERS,
             "narrative": BAD_TEXTS, "evidence": BAD_TEXTS, "document_number": BAD_TEXTS, "status": BAD_TEXTS
             + ["done", "Hoàn thành", "blocked", "DONE"], "reported_by": BAD_TEXTS, "name": BAD_TEXTS,
             "title": BAD_TEXTS, "text": BAD_TEXTS, "document_date": BAD_DATES, "plan_date": BAD_DATES,
             "start": BAD_DATES, "end": BAD_DATES, "due": BAD_DATES, "reported_at": BAD_MOMENTS,
             "changed_at": BAD_MOMENTS, "imported_at": BAD_MOMENTS, "year": [1800, 2101, 0, -1, 10**20]}


class RecordsHarness:
    """The exported package's members parsed once, the sender's key, and a template receiving database copied
    for every case."""

    def __init__(self, folder: Path) -> None:
        from desktop_app.services import identity
        from desktop_app.services.exchange import export_package
        from desktop_app.services.importing import import_file
        from desktop_app.services.progress import item_by_number, record_progress
        from tests.conftest import NAM_HONG, new_database

        self.folder = folder
        sender = new_database(folder / "gui" / "du_lieu.sqlite3")
        try:
            plan = import_file(sender, path=NAM_HONG).plan_id
            record_progress(sender, item_id=item_by_number(sender, plan_id=plan, number="2.1"), period="2026-Q1",
                            value=Decimal(40), narrative="Đã triển khai")
            export_package(sender, out=folder / "goc.cdsx")
            self.key = identity.private_key(sender)
        finally:
            sender.close()
        with zipfile.ZipFile(folder / "goc.cdsx") as zf:
            members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
        self.manifest = json.loads(members.pop(MANIFEST))
        members.pop(SIGNATURE)
        self.members = members
        self.records = {n: json.loads(d) for n, d in members.items() if n.startswith("records/")}
        self.with_rows = sorted(n for n, d in self.records.items() if d.get("rows"))
        self.uuids = {n: [str(r[0]) for r in d["rows"]] for n, d in self.records.items() if d.get("rows")}
        self.cases = 0
        self.outcomes: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.start_rss = reset_peak()

    def package(self, edited: dict[str, Any]) -> bytes:
        """The package with the edited record members, its manifest made to match and signed again."""
        members = dict(self.members)
        manifest = json.loads(json.dumps(self.manifest))
        for name, data in edited.items():
            members[name] = json.dumps(data, ensure_ascii=False).encode("utf-8")
            table = name.removeprefix("records/").removesuffix(".json")
            if table in manifest["counts"] and isinstance(data.get("rows"), list):
                manifest["counts"][table] = len(data["rows"])
        manifest["members"] = {n: {"size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                               for n, d in members.items()}
        signed = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return zip_bytes([(MANIFEST, signed), (SIGNATURE, signing.sign(self.key, signed)), *members.items()])

    def case(self, edited: dict[str, Any]) -> None:
        from db.engine import open_database
        from desktop_app.errors import AppError
        from desktop_app.services.exchange import import_package
        from desktop_app.services.workspace import Workspace
        from tests.conftest import new_database

        self.cases += 1
        path = self.folder / "goi.cdsx"
        path.write_bytes(self.package(edited))
        db_path = self.folder / f"nhan_{self.cases}" / "du_lieu.sqlite3"
        new_database(db_path).close()  # closed: the file alone holds the database, its bytes to compare
        before, before_bytes = _dump(db_path), _pages(db_path)
        db = Workspace.on(open_database(db_path))
        try:
            try:
                with time_guard(TIME_LIMIT):
                    import_package(db, path=path, trust=True, backup=False)
            except AppError as err:
                assert err.message and err.full_message().strip(), err
                self.outcomes["refused"] += 1
                self.errors[type(err).__name__] += 1
                db.close()
                assert _dump(db_path) == before, "a refused package changed the database"
                assert _pages(db_path) == before_bytes, "a refused package changed the database file"
            else:
                self.outcomes["imported"] += 1
        finally:
            db.close()
            shutil.rmtree(db_path.parent, ignore_errors=True)

    def check_memory(self) -> None:
        used = peak_growth_mb(self.start_rss)
        assert used < MEMORY_LIMIT_MB, f"the cases used {used:.0f} MB"


def _pages(path: Path) -> bytes:
    """The database file after its 100-byte header (whose change counter and journal-mode bytes change when
    the file is only read in WAL mode)."""
    return path.read_bytes()[100:]


def _dump(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


@st.composite
def broken_records(draw: st.DrawFn, h: RecordsHarness) -> dict[str, Any]:
    """The record members to change: one value set to a value breaking a domain rule (mostly in the progress
    report, whose rules are the richest), a report's denominator 0, another table's UUID in a reference, or an
    evidence file row with a hostile name."""
    choice = draw(st.integers(0, 9))
    if choice == 9:  # an evidence file of the report, with a hostile name
        report = h.records[REPORTS]["rows"][0]
        data = copy.deepcopy(h.records[EVIDENCE])
        row = {"uuid": "0b7e4f1c-7d0a-4c53-9a57-3f1f9d0c2a11", "rev": report[1], "base": report[2],
               "changed_at": report[3], "report_id": report[0], "sha256": "0" * 64, "size": 1,
               "file_name": draw(st.one_of(st.sampled_from(EVIDENCE_NAMES), st.text(max_size=12)))}
        data["rows"].append([row[c] for c in data["columns"]])
        return {EVIDENCE: data}
    if choice <= 5:
        name = REPORTS  # half the time a number: the rules of record (bounds, percent, fraction) reached
        column = draw(st.sampled_from(REPORT_COLUMNS[:3] if draw(st.booleans()) else REPORT_COLUMNS))
    else:
        name = draw(st.sampled_from(h.with_rows))
        column = draw(st.sampled_from(h.records[name]["columns"]))
    data = copy.deepcopy(h.records[name])
    row = data["rows"][draw(st.integers(0, len(data["rows"]) - 1))]
    if choice == 8:  # a UUID: of another table's record, or not a UUID
        other = draw(st.sampled_from(sorted(h.uuids)))
        value: Any = draw(st.sampled_from(h.uuids[other]))
    elif column in TYPED_BAD and draw(st.integers(0, 3)):
        value = draw(st.sampled_from(TYPED_BAD[column]))
    else:
        value = draw(bad_values)
    if value == "{uuid}":
        value = draw(st.sampled_from(h.uuids["records/units.json"]))
    row[data["columns"].index(column)] = value
    if name == REPORTS and choice == 0:  # a fraction: numerator, denominator (0 among them), no value
        columns = data["columns"]
        row[columns.index("value")] = None
        row[columns.index("numerator")] = draw(st.sampled_from(["1", "45", "0", 1, "-1", "1e30"]))
        row[columns.index("denominator")] = draw(st.sampled_from(["0", 0, "0.0", "-0", "1e-30", "50", None]))
    return {name: data}


def run_records_property(folder: Path, examples: int = EXAMPLES, derandomize: bool = True) -> RecordsHarness:
    """Run the property of packages whose records break the domain rules for `examples` cases."""
    h = RecordsHarness(folder)

    @settings(SETTINGS, max_examples=examples, derandomize=derandomize)
    @given(broken_records(h))
    def prop(edited: dict[str, Any]) -> None:
        h.case(edited)

    prop()
    h.check_memory()
    return h


@pytest.mark.slow  # 2,000 cases: -m "not slow" leaves it out
def test_a_package_whose_record_breaks_a_domain_rule_imports_or_is_refused_leaving_the_database(
        tmp_path: Path) -> None:
    h = run_records_property(tmp_path)
    assert h.cases >= EXAMPLES
    assert h.outcomes["refused"] > EXAMPLES // 2 and h.outcomes["imported"] > 0, h.outcomes
