"""Every reader (TSV text, Markdown, pasted text, .docx, .xlsx) fuzzed with hypothesis, 2,000 cases each:
mutated valid files (byte flips, inserts, deletes, duplicated ranges, cuts; for .docx/.xlsx also the XML members
inside a still-valid zip) and random tables of Vietnamese/Unicode/control-character cells rendered to each format.

The only outcomes allowed are a successful import or the program's own AppError, within 5 s each, the process under
500 MB, and the database unchanged after a refusal. Every case runs the real reader path on a real file
(read_file_bytes → read_document → parse_appendix); one case in FULL_EVERY of them runs the whole
import (`import_text` for pasted text) into a real SQLite database — one per test function — with `import_file(db, path=…, again=True)`,
checking a fingerprint of the database before and after a refusal (and a full `iterdump` every DUMP_EVERY refusals).
`bench/fuzz_readers.py --examples N` runs the same properties longer.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import signal
import sqlite3
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.engine import Database, open_database
from desktop_app.errors import AppError
from desktop_app.io.appendix.detect import read_clipboard_text
from desktop_app.io.appendix.parser import parse_appendix
from desktop_app.services.importing import import_file, import_text, parse_file
from tests.memory import peak_growth_mb, reset_peak

DATA = Path(__file__).parent / "data"
EXAMPLES = 2000
FULL_EVERY = 8  # one file case in 8 goes through the whole import into the database
DUMP_EVERY = 25  # one full-import refusal in 25 also compares a hash of the whole database dump
TIME_LIMIT = 5.0
MEMORY_LIMIT_MB = 500
KINDS = ("txt", "md", "clipboard", "docx", "xlsx")

HEADER = ["Stt", "Chỉ tiêu/nhiệm vụ", "Đơn vị chủ trì theo dõi", "Đơn vị triển khai", "Thời gian hoàn thành", "Ghi chú"]
WORDS = ["I", "II", "IV", "1", "1.", "2.10", "4.1,", "", " ", "Tỷ lệ", "Đạt tối thiểu 70%", "0,75", "04 lớp",
         "Phần đầu 80%", "Thường xuyên", "Quý III/2026", "Tháng 13/2026", "30/2/2026", "Công an xã;",
         "Phòng Văn hoá – Xã hội", "HĐND&UBND", "Stt", "Chỉ tiêu/nhiệm vụ", "(1)", "(2)", "\n", "|", "\t", '"',
         "xã Nam Hồng", "Kế hoạch số 44/KH-UBND ngày 01 tháng 4 năm 2026", "≥", "<", "100% nhiệm vụ", "đối với",
         "\x00", "\x0b", "\u200b", "\ufeff", "\u202e", "e\u0301\u0301\u0301", "𝔘𝔫𝔦", "9" * 40, "-0", "1e308", "NaN",
         "<w:t>", "&amp;", "]]>", "**đậm**", "<br>", "\\|", "Tháng 12/2026; Quý IV/2026", "Công an xã\nThôn 1"]
INTERESTING = [b"<", b">", b'"', b"&", b"\x00", b"\t", b"\n", b"\r\n", b"|", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3",
               b"PK\x03\x04", b"999999999", b"-1", b"<w:tbl>", b"</w:tc>", b'<row r="1048577">', b'r="XFD1"',
               b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&#0;", b"&#xD800;", b"\\|", b"| --- |", b"\t\t\t\t\t"]

cell = st.one_of(st.sampled_from(WORDS), st.text(max_size=30),
                 st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join))
row = st.lists(cell, max_size=8)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """Random title lines and a random table, often with the real header row and real seed rows in it."""
    rows = draw(st.lists(row, max_size=12))
    if draw(st.booleans()):
        rows.insert(draw(st.integers(0, len(rows))), list(HEADER))
    if draw(st.booleans()):
        seed = seed_table()
        start = draw(st.integers(0, len(seed) - 1))
        rows[draw(st.integers(0, len(rows))):0] = [list(r) for r in seed[start:start + draw(st.integers(1, 6))]]
    return draw(st.lists(cell, max_size=3)), rows


# --------------------------------------------------------------------------- seeds


@functools.cache
def seed_lines() -> tuple[str, ...]:
    """The title, header and first rows of a real appendix (small, so that cases stay fast)."""
    return tuple((DATA / "nam_hong_phu_luc_1.txt").read_text(encoding="utf-8").splitlines()[:14])


@functools.cache
def seed_table() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split("\t")) for line in seed_lines() if "\t" in line)


def render_txt(titles: list[str], rows: list[list[str]]) -> str:
    return "\n".join(titles + ["\t".join(r) for r in rows]) + "\n"


def render_md(titles: list[str], rows: list[list[str]]) -> str:
    lines = list(titles) + [""]
    for n, r in enumerate(rows):
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in r) + " |")
        if n == 0:
            lines.append("|" + "---|" * max(len(r), 1))
    return "\n".join(lines) + "\n"


def xml_text(text: str) -> str:
    """text escaped for XML, without the characters XML cannot hold (a real writer cannot store them either)."""
    legal = "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                    or c > "\uffff")
    return escape(legal)


@functools.cache
def _seed_file(kind: str) -> bytes:
    from tests.seed_files import make_docx, make_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.txt"
        path.write_text("\n".join(seed_lines()) + "\n", encoding="utf-8")
        if kind == "docx":
            return make_docx(path)
        return make_xlsx(path)


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def build(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression, compresslevel=1) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    return buf.getvalue()


EMPTY_STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')


@functools.cache
def seed_docx() -> dict[str, bytes]:
    """python-docx's file with its 800 kB of style definitions emptied (nothing the reader needs), so cases stay fast."""
    members = zip_members(_seed_file("docx"))
    return {k: EMPTY_STYLES if k in ("word/styles.xml", "word/stylesWithEffects.xml") else v
            for k, v in members.items()}


@functools.cache
def seed_xlsx() -> dict[str, bytes]:
    return zip_members(_seed_file("xlsx"))


@functools.cache
def seeds(kind: str) -> tuple[bytes, ...]:
    """Valid files of a kind: the seed appendix, plus the odd shapes the older fuzz tests started from."""
    text = "\n".join(seed_lines()) + "\n"
    if kind == "txt":
        return (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), b"\xff\xfe" + text.encode("utf-16-le"),
                text.encode("utf-16-be"), text.replace("\n", "\r\n").encode("utf-8"),
                "Tiêu đề\nStt\t\"Chỉ tiêu\nhai dòng\"\tGhi chú\n1\ta\tb\n\n2\tc\td\n".encode(),
                b"\xff\xfe" + "Stt\tA\n1\tB\n".encode("utf-16-le"))
    if kind == "md":
        titles = [line for line in seed_lines() if "\t" not in line]
        return (render_md(titles, [list(r) for r in seed_table()]).encode("utf-8"),
                "\ufeffTiêu đề\n\n| Stt | A \\| B |\n|---|:-:|\n| 1 | x<br>y |\n".encode("utf-8"))
    if kind == "docx":
        from tests.test_bad_input import valid_docx

        return (build(seed_docx()), build(seed_docx(), zipfile.ZIP_STORED), valid_docx())
    from tests.test_bad_input import valid_xlsx

    return (build(seed_xlsx()), build(seed_xlsx(), zipfile.ZIP_STORED), valid_xlsx())


# --------------------------------------------------------------------------- mutations


OP = st.tuples(st.sampled_from(["flip", "set", "insert", "delete", "duplicate", "cut"]),
               st.floats(min_value=0, max_value=1, exclude_max=True), st.integers(1, 64),
               st.binary(min_size=1, max_size=8) | st.sampled_from(INTERESTING))
OPS = st.lists(OP, min_size=1, max_size=8)


def mutate(data: bytes, ops: list[tuple[str, float, int, bytes]]) -> bytes:
    """data with byte ranges flipped, overwritten, inserted, deleted, duplicated or cut off."""
    out = bytearray(data)
    for op, where, length, value in ops:
        at = int(where * len(out))
        if op == "flip" and out:
            at = min(at, len(out) - 1)
            for i in range(at, min(at + length, len(out))):
                out[i] ^= value[(i - at) % len(value)] or 1
        elif op == "set" and out:
            out[at:at + len(value)] = value
        elif op == "insert":
            out[at:at] = value
        elif op == "delete":
            del out[at:at + length]
        elif op == "duplicate":
            out[at:at] = out[at:at + length] * (1 + value[0] % 4)
        elif op == "cut":
            del out[at:]
    return bytes(out)


@st.composite
def text_files(draw: st.DrawFn, kind: str) -> bytes:
    if draw(st.integers(0, 2)):  # two thirds mutated seed files
        return mutate(draw(st.sampled_from(seeds(kind))), draw(OPS))
    titles, rows = draw(tables())
    text = (render_txt if kind == "txt" else render_md)(titles, rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
    return text.encode(encoding, errors="surrogatepass")


@st.composite
def clipboard_texts(draw: st.DrawFn) -> str:
    choice = draw(st.integers(0, 2))
    if choice == 0:
        data = mutate(draw(st.sampled_from(seeds("txt")[:1] + seeds("md")[:1])), draw(OPS))
        return data.decode("utf-8", errors="replace")
    if choice == 1:  # the shape of the older pasted-text fuzz test: the header then random rows
        body = draw(st.lists(st.lists(cell, max_size=7).map("\t".join), max_size=15).map("\n".join))
        return "\t".join(HEADER) + "\n" + body
    titles, rows = draw(tables())
    return draw(st.sampled_from([render_txt, render_md]))(titles, rows)


def docx_xml(titles: list[str], rows: list[list[str]], merges: list[int]) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{xml_text(t)}</w:t></w:r></w:p>" for t in titles)
    trs = []
    for n, r in enumerate(rows):
        span = merges[n % len(merges)] if merges else 1
        tcs = "".join(
            (f"<w:tc><w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr>" if i == 1 and span > 1 else "<w:tc>")
            + "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{xml_text(p)}</w:t></w:r></w:p>" for p in c.split("\n"))
            + "</w:tc>"
            for i, c in enumerate(r)
        )
        trs.append(f"<w:tr>{tcs or '<w:tc><w:p/></w:tc>'}</w:tr>")
    table = f"<w:tbl>{''.join(trs)}</w:tbl>" if trs else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{ns}"><w:body>'
            f"{body}{table}<w:p/></w:body></w:document>").encode()


def column(n: int) -> str:
    name = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        name = chr(65 + rem) + name
    return name


def sheet_xml(titles: list[str], rows: list[list[str]], numbers: bool, merges: list[int]) -> bytes:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    out, merged = [], []
    for r, cells in enumerate([[t] for t in titles] + rows, start=1):
        cs = []
        for c, value in enumerate(cells):
            ref = f"{column(c)}{r}"
            if numbers and value.strip().lstrip("-").replace(".", "", 1).isdigit() and len(value) < 30:
                cs.append(f'<c r="{ref}"><v>{value.strip()}</v></c>')
            else:
                cs.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{xml_text(value)}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cs)}</row>')
        span = merges[r % len(merges)] if merges else 1
        if span > 1:
            merged.append(f'<mergeCell ref="B{r}:{column(span)}{r}"/>')
    merge_xml = f'<mergeCells count="{len(merged)}">{"".join(merged)}</mergeCells>' if merged else ""
    return (f'<worksheet xmlns="{ns}"><sheetData>{"".join(out)}</sheetData>{merge_xml}</worksheet>').encode()


@st.composite
def office_files(draw: st.DrawFn, kind: str) -> bytes:
    members = dict(seed_docx() if kind == "docx" else seed_xlsx())
    choice = draw(st.integers(0, 2))
    if choice == 0:  # the raw zip bytes mutated
        return mutate(draw(st.sampled_from(seeds(kind))), draw(OPS))
    if choice == 1:  # one XML member mutated inside a valid zip
        small = sorted(name for name, content in members.items() if len(content) < 20_000)
        member = draw(st.sampled_from(small))
        members[member] = mutate(members[member], draw(OPS))
        if draw(st.booleans()):  # sometimes a second one
            other = draw(st.sampled_from(small))
            members[other] = mutate(members[other], draw(OPS))
        return build(members)
    titles, rows = draw(tables())  # a random table written as the document / the appendix sheet
    merges = draw(st.lists(st.integers(1, 8), max_size=4))
    if kind == "docx":
        members["word/document.xml"] = docx_xml(titles, rows, merges)
    else:
        members["xl/worksheets/sheet2.xml"] = sheet_xml(titles, rows, draw(st.booleans()), merges)
    return build(members)


# --------------------------------------------------------------------------- the harness


TABLES = ("plans", "items", "units", "sections", "groups", "assignments", "deadlines", "targets")


@contextlib.contextmanager
def time_guard(seconds: float) -> Iterator[None]:
    """Turn a hang into a failure (SIGALRM in the main thread), then check the time taken."""
    use_alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")

    def _hang(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer after {seconds * 2:.0f} s")

    old = signal.signal(signal.SIGALRM, _hang) if use_alarm else None
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, seconds * 2)
    start = time.process_time()
    try:
        yield
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    elapsed = time.process_time() - start
    assert elapsed < seconds, f"took {elapsed:.1f} s"


class Harness:
    """One database and a scratch folder for one reader's property; counts the outcomes."""

    def __init__(self, kind: str, folder: Path, full_every: int = FULL_EVERY) -> None:
        self.kind = kind
        self.folder = folder
        self.db_path = folder / "fuzz.sqlite3"
        self.db: Database = open_database(self.db_path)
        self.full_every = full_every
        self.cases = 0
        self.start_rss = reset_peak()
        self.full_refusals = 0
        self.outcomes: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.suffix = {"txt": ".txt", "md": ".md", "docx": ".docx", "xlsx": ".xlsx"}.get(kind, ".txt")

    def close(self) -> None:
        self.db.close()

    def fingerprint(self) -> tuple[int, ...]:
        con = sqlite3.connect(self.db_path)
        try:
            return tuple(v for t in TABLES for v in con.execute(f'SELECT count(*), coalesce(max(id), 0) FROM "{t}"').fetchone())
        finally:
            con.close()

    def dump_hash(self) -> str:
        con = sqlite3.connect(self.db_path)
        try:
            return hashlib.sha256("\n".join(con.iterdump()).encode("utf-8")).hexdigest()
        finally:
            con.close()

    def _run(self, full: bool, call_full: Callable[[], object], call_read: Callable[[], object]) -> None:
        self.cases += 1
        if not full:
            try:
                with time_guard(TIME_LIMIT):
                    call_read()
            except AppError as err:
                assert err.message, err
                self.outcomes["refused"] += 1
                self.errors[type(err).__name__] += 1
            else:
                self.outcomes["read"] += 1
            return
        before = self.fingerprint()
        dump = self.dump_hash() if self.full_refusals % DUMP_EVERY == 0 else None
        try:
            with time_guard(TIME_LIMIT):
                call_full()
        except AppError as err:
            assert err.message, err
            self.outcomes["refused"] += 1
            self.errors[type(err).__name__] += 1
            self.full_refusals += 1
            assert self.fingerprint() == before, "a refused import changed the database"
            if dump is not None:
                assert self.dump_hash() == dump, "a refused import changed the database"
        else:
            self.outcomes["imported"] += 1
            assert self.fingerprint()[0] == before[0] + 1, "an import did not add exactly one plan"

    def file_case(self, data: bytes) -> None:
        path = self.folder / f"dot_bien{self.suffix}"
        path.write_bytes(data)
        full = self.cases % self.full_every == 0
        self._run(full, lambda: import_file(self.db, path=path, again=True), lambda: parse_file(path))

    def text_case(self, text: str) -> None:
        full = self.cases % self.full_every == 0
        self._run(full, lambda: import_text(self.db, text=text), lambda: parse_appendix(read_clipboard_text(text)))

    def check_memory(self) -> None:
        used = peak_growth_mb(self.start_rss)
        assert used < MEMORY_LIMIT_MB, f"the cases used {used:.0f} MB"


def strategy(kind: str) -> st.SearchStrategy:
    if kind in ("txt", "md"):
        return text_files(kind)
    if kind == "clipboard":
        return clipboard_texts()
    return office_files(kind)


def run_property(kind: str, folder: Path, examples: int = EXAMPLES, full_every: int = FULL_EVERY,
                 derandomize: bool = True) -> Harness:
    """Run one reader's property for `examples` cases; returns the harness with its outcome counts."""
    for warm in ("txt", "md", "docx", "xlsx") if kind == "clipboard" else (kind,):
        seeds(warm)  # build the seed files before hypothesis starts (they import other test modules)
    seed_table()
    harness = Harness(kind, folder, full_every=full_every)
    case = harness.text_case if kind == "clipboard" else harness.file_case

    @settings(max_examples=examples, deadline=None, derandomize=derandomize, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
    @given(strategy(kind))
    def prop(value: bytes | str) -> None:
        case(value)  # type: ignore[arg-type]

    try:
        prop()
        harness.check_memory()
    finally:
        harness.close()
    return harness


@pytest.mark.slow  # 2,000 cases per reader: -m "not slow" leaves them out
@pytest.mark.parametrize("kind", KINDS)
def test_reader_gives_an_import_or_its_own_error(kind: str, tmp_path: Path) -> None:
    harness = run_property(kind, tmp_path)
    assert harness.cases >= EXAMPLES
    assert harness.outcomes["refused"] > 0
    assert harness.outcomes["imported"] + harness.outcomes["read"] > 0


def test_a_huge_jump_in_numbering_is_named_by_its_ends_not_listed(tmp_path: Path) -> None:
    """Found by the fuzzing: Stt 1.1 then 1.9999999999 used to list every missing number (a hang)."""
    from desktop_app.io.appendix.detect import read_document
    from desktop_app.io.appendix.parser import parse_appendix

    rows = ["Stt\tChỉ tiêu/nhiệm vụ\tĐơn vị chủ trì theo dõi\tĐơn vị triển khai\tThời gian hoàn thành\tGhi chú",
            "I\tChỉ tiêu\t\t\t\t", "1\tNhóm\t\t\t\t", "1.1\tTỷ lệ A: đạt 100%\tCông an xã\tCông an xã\tNăm 2026\t",
            "1.9999999999\tTỷ lệ B: đạt 100%\tCông an xã\tCông an xã\tNăm 2026\t",
            "1.10000000002\tTỷ lệ C: đạt 100%\tCông an xã\tCông an xã\tNăm 2026\t"]
    path = tmp_path / "nhay_coc.txt"
    path.write_text("\n".join(rows), encoding="utf-8")
    parsed = parse_appendix(read_document(path.read_bytes(), path.name))
    from desktop_app.domain.appendix_checks import check_appendix

    gaps = [w.message for w in check_appendix(parsed) if w.code == "numbering_gap"]
    assert any("thiếu 9999999997 số (từ 1.2 đến 1.9999999998)" in g for g in gaps)
    assert any("thiếu 1.10000000000, 1.10000000001" in g for g in gaps)
