"""Crash safety: kill a worker at random moments and check that nothing committed is lost or half-written.

The worker (``--worker DB JOURNAL``) runs, in a loop, the operations that write the database or a file:
imports of the sample plan, progress reports (record_progress), item text edits and new implementing units
(editing.update_item), unit merges (units.merge_units), package merges (a second installation beside it
records a result and sends an incremental package, which the worker merges; when the package before it was
cut off, the worker is refused and merges a full package instead) and backups (backup_now to the
«backups» folder and to a "USB" folder, daily_backup). Before each operation it appends a ``begin`` line to
JOURNAL and, once the operation is committed, a ``done`` line (JSON, flushed and fsynced) saying what is now
guaranteed on disk.

The driver starts the worker, waits until it is ready, sleeps 0.05–1.0 s, kills it with SIGKILL and checks the
files with plain sqlite3:

* ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` finds nothing;
* every plan holds all the items of its file (no half import), and every journaled import is there;
* every journaled report value and item text is the one in the database, or that of an operation a kill cut
  off after it (a ``begin`` without its ``done``: it may have committed or not);
* a merged package is entirely there (the value of every report it carried, later packages overriding
  earlier ones; a package counts as merged when its receipt is recorded) and one cut off entirely there or
  absent;
* a merged unit is gone, its spellings point to the unit kept and its items are assigned to that unit;
* every journaled on-demand backup exists and passes ``PRAGMA quick_check``, and so does every file in the
  backup folders under a final name (only ``*.tmp`` names may be left half-written).

The database starts again from a fresh copy of the seed every 25 kills, so it stays small.

Run: .venv/bin/python bench/crash_test.py --kills 200 [--seed N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EPOCH = 25  # kills per fresh copy of the seed database
USB = "usb"  # the on-demand backup destination beside the database
TEST_UNIT = "Tổ thử nghiệm"
PACKAGE_UNIT = "Công an xã"  # the other installation reports for it (the worker's own reports have no unit)
LEFTOVER_SUFFIXES = (".tmp", ".tmp-journal", ".tmp-wal", ".tmp-shm")


# ----------------------------------------------------------------------------------------------- worker


class Journal:
    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, kind: str, **entry: object) -> None:
        line = json.dumps({"kind": kind, **entry}, ensure_ascii=False) + "\n"
        os.write(self._fd, line.encode("utf-8"))
        os.fsync(self._fd)


def worker(db_path: Path, journal_path: Path, seed: int) -> None:
    from dataclasses import replace
    from datetime import datetime
    from decimal import Decimal

    from db.engine import open_database
    from desktop_app.errors import AppError
    from desktop_app.paths import sample_plan_path
    from desktop_app.services.backups import backup_now, daily_backup
    from desktop_app.services.editing import item_detail, update_item
    from desktop_app.services.exchange import PackageGap, export_package, import_package
    from desktop_app.services.importing import import_file
    from desktop_app.services.progress import list_periods, record_progress
    from desktop_app.services.units import merge_units

    rng = random.Random(seed)
    db = open_database(db_path)
    journal = Journal(journal_path)
    usb = db_path.parent / USB

    def query_at(path: Path, sql: str, *args: object) -> list[tuple]:
        con = sqlite3.connect(path, timeout=10)
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()

    def query(sql: str, *args: object) -> list[tuple]:
        return query_at(db_path, sql, *args)

    def valued_items() -> list[int]:
        # items with a measurable target (a value is what they are judged by); ≤ 100 fits a percentage too
        return [r[0] for r in query("SELECT DISTINCT item_id FROM targets")]

    def import_op() -> None:
        journal.write("begin", op="import")
        result = import_file(db, path=sample_plan_path(), again=True)
        journal.write("done", op="import", plan=result.plan_id, items=result.items)
        list_periods(db, plan_id=result.plan_id)

    def record_op() -> None:
        item = rng.choice(valued_items())
        plan = query("SELECT plan_id FROM items WHERE id = ?", item)[0][0]
        period = rng.choice(list_periods(db, plan_id=plan)).id
        value = str(rng.randint(0, 100))
        journal.write("begin", op="record", item=item, period=period, value=value)
        record_progress(db, item_id=item, period=period, value=Decimal(value), narrative="crash test")
        journal.write("done", op="record", item=item, period=period, value=value)

    def edit_op() -> None:
        item = rng.choice(query("SELECT id FROM items"))[0]
        detail = item_detail(db, item_id=item)
        base = detail.text.split(" [sửa ")[0]
        text = f"{base} [sửa {seed}-{rng.randrange(10**9)}]"
        journal.write("begin", op="edit", item=item, text=text)
        update_item(db, new=replace(detail, text=text))
        journal.write("done", op="edit", item=item, text=text)

    def unit_op() -> None:
        item = rng.choice(query("SELECT id FROM items"))[0]
        detail = item_detail(db, item_id=item)
        name = f"{TEST_UNIT} {seed}-{rng.randrange(10**9)}"
        journal.write("begin", op="unit", item=item, name=name)
        update_item(db, new=replace(detail, implementing=(*detail.implementing, name)))
        journal.write("done", op="unit", item=item, name=name)

    def merge_op() -> None:
        units = query("SELECT id, uuid, name FROM units WHERE name LIKE ? ORDER BY id", f"{TEST_UNIT}%")
        if len(units) < 2:
            return unit_op()
        (gone_id, gone_uuid, gone_name), (kept_id, kept_uuid, _kept_name) = rng.sample(units, 2)
        items = [r[0] for r in query("SELECT DISTINCT item_id FROM assignments WHERE unit_id = ?", gone_id)]
        spellings = [r[0] for r in query("SELECT spelling FROM unit_aliases WHERE unit_id = ?", gone_id)]
        entry = {"op": "merge", "kept": kept_uuid, "gone": gone_uuid, "names": [gone_name, *spellings],
                 "items": items}
        journal.write("begin", **entry)
        merge_units(db, source_id=gone_id, target_id=kept_id)
        journal.write("done", **entry)
        return None

    other: list = []  # another installation on this computer, whose packages the worker merges

    def package_op() -> None:
        if not other:
            other.append(open_database(db_path.parent / "noi_khac.sqlite3"))
            if not query_at(other[0].path, "SELECT id FROM plans"):
                import_file(other[0], path=sample_plan_path(), again=True)
        source = other[0]
        item = rng.choice(query_at(source.path, "SELECT DISTINCT item_id FROM targets"))[0]
        plan = query_at(source.path, "SELECT plan_id FROM items WHERE id = ?", item)[0][0]
        period = rng.choice(list_periods(source, plan_id=plan)).id
        value = str(rng.randint(0, 100))
        made = record_progress(source, item_id=item, period=period, unit=PACKAGE_UNIT, value=Decimal(value))
        report = query_at(source.path, "SELECT uuid FROM progress_reports WHERE id = ?", made["id"])[0][0]
        for since_last_to in ("xa", None):
            sent = export_package(source, out=db_path.parent / f"goi-{seed}-{rng.randrange(10**9)}.cdsx",
                                  since_last_to=since_last_to)
            entry = {"op": "package", "sha": sent.sha256, "path": str(sent.path), "report": report, "value": value}
            journal.write("begin", **entry)
            try:
                import_package(db, path=sent.path, trust=True)
            except PackageGap as gap:  # the package before it was cut off by a kill: as the officer is told,
                journal.write("refused", op="package", why=str(gap)[:200])  # a full package fills the gap
                continue
            journal.write("done", **entry)
            return

    def backup_op() -> None:
        how = rng.choice(("folder", "usb", "daily"))
        journal.write("begin", op="backup", how=how)
        if how == "daily":
            made = daily_backup(db_path, now=datetime.now())
        else:
            if how == "usb":
                usb.mkdir(exist_ok=True)
            made = backup_now(db_path, usb if how == "usb" else None)
        journal.write("done", op="backup", how=how, path=str(made) if made else None)

    ops = [(import_op, 1), (record_op, 8), (edit_op, 4), (unit_op, 3), (merge_op, 2), (package_op, 2),
           (backup_op, 2)]
    choices, weights = zip(*ops, strict=True)
    print("ready", flush=True)
    while True:
        op = rng.choices(choices, weights)[0]
        try:
            op()
        except AppError as exc:  # a refusal is not a crash; it commits nothing
            journal.write("refused", op=op.__name__, why=str(exc)[:200])


# ----------------------------------------------------------------------------------------------- driver


@dataclass
class Outcome:
    clean: int = 0
    unclean: int = 0
    problems: list[str] = field(default_factory=list)
    ops: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.clean + self.unclean


def make_seed(folder: Path) -> tuple[Path, int]:
    """A database holding the sample plan (with its periods); returns it and the sample's item count."""
    from db.engine import open_database
    from desktop_app.paths import sample_plan_path
    from desktop_app.services.importing import import_file
    from desktop_app.services.progress import list_periods

    path = folder / "seed.sqlite3"
    db = open_database(path)
    try:
        result = import_file(db, path=sample_plan_path(), again=True)
        list_periods(db, plan_id=result.plan_id)
    finally:
        db.close()
    shutil.rmtree(folder / "backups", ignore_errors=True)  # the pre-import copy of the empty database
    return path, result.items


def fresh_copy(seed: Path, work: Path) -> Path:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    target = work / "crash.sqlite3"
    src, dest = sqlite3.connect(seed), sqlite3.connect(target)
    try:
        src.backup(dest)
        dest.execute("PRAGMA journal_mode=WAL")
    finally:
        src.close()
        dest.close()
    return target


def read_journal(path: Path) -> list[dict]:
    if not path.exists():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:  # only the very last line can be torn (killed inside os.write)
            entries.append({"kind": "torn"})
    return entries


def quick_check_file(path: Path) -> str:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return str(exc)
    return "ok" if rows == ["ok"] else "; ".join(rows[:3])


def carried_reports(entry: dict) -> dict[str, str | None]:
    """The progress reports a journaled package carried: uuid → value."""
    with zipfile.ZipFile(entry["path"]) as z:
        table = json.loads(z.read("records/progress_reports.json"))
    uuid, value = table["columns"].index("uuid"), table["columns"].index("value")
    return {row[uuid]: row[value] for row in table["rows"]}


def check(db_path: Path, journal_path: Path, items_per_plan: int) -> list[str]:
    """What is wrong with the files after a kill (empty: clean)."""
    from desktop_app.services.backups import SEAL_BROKEN, SEAL_SUFFIX, seal_state

    problems: list[str] = []
    entries = read_journal(journal_path)
    real = [e for e in entries if e["kind"] != "torn"]
    # operations a kill cut off: a "begin" not followed by its "done" (the worker does one operation at a time;
    # the next worker's lines may follow). Each may have committed or not.
    cut = [e for i, e in enumerate(real) if e["kind"] == "begin"
           and (i + 1 == len(real) or real[i + 1]["kind"] not in ("done", "refused"))]
    done = [e for e in real if e["kind"] == "done"]

    con = sqlite3.connect(db_path, timeout=10)  # read-write: replays the WAL as the program would
    try:
        integrity = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            return [f"integrity_check: {'; '.join(integrity[:3])}"]
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"foreign_key_check: {fk[:3]}")

        counts = dict(con.execute(
            "SELECT p.id, count(i.id) FROM plans p LEFT JOIN items i ON i.plan_id = p.id GROUP BY p.id"))
        for plan, n in counts.items():
            if n != items_per_plan:
                problems.append(f"plan {plan} holds {n} items, not {items_per_plan} (half import)")

        def recorded(sha: str) -> bool:
            return con.execute("SELECT 1 FROM received_packages WHERE sha256 = ?", (sha,)).fetchone() is not None

        def unit_exists(uuid: str) -> bool:
            return con.execute("SELECT 1 FROM units WHERE uuid = ?", (uuid,)).fetchone() is not None

        def value_of(report: str) -> str | None:
            row = con.execute("SELECT value FROM progress_reports WHERE uuid = ?", (report,)).fetchone()
            return None if row is None or row[0] is None else str(row[0])

        # what may be in the database: the last journaled value, or one of those cut off after it
        texts: dict[int, set[str]] = {}
        values: dict[tuple[int, int], set[str]] = {}
        merged: dict[str, str] = {}  # uuid of a merged unit → uuid of the unit it went into
        received: dict[str, str | None] = {}  # uuid of a report that came in a package → its value then
        unmerged: list[dict] = []  # packages cut off before their merge committed
        cut_ids = {id(e) for e in cut}
        for e in real:
            op, finished = e.get("op"), e["kind"] == "done"
            if not finished and id(e) not in cut_ids:
                continue
            if op == "import" and finished:
                if counts.get(e["plan"]) != e["items"]:
                    problems.append(f"import of plan {e['plan']} lost: {counts.get(e['plan'])} items")
            elif op == "record":
                key = (e["item"], e["period"])
                if finished:
                    values[key] = {e["value"]}
                elif key in values:
                    values[key].add(e["value"])
            elif op == "edit":
                if finished:
                    texts[e["item"]] = {e["text"]}
                elif e["item"] in texts:
                    texts[e["item"]].add(e["text"])
            elif op == "merge" and (finished or not unit_exists(e["gone"])):
                merged[e["gone"]] = e["kept"]
            elif op == "package":
                if recorded(e["sha"]):
                    # every report it carried; a change the other side made just before a kill travels in
                    # its next package, not under its own journal line
                    received.update(carried_reports(e))
                elif finished:
                    problems.append(f"merged package {e['sha'][:12]} is not recorded")
                else:  # cut off before its commit
                    unmerged.append(e)
        for e in unmerged:  # none of it may be there, unless a later package brought it
            for report in carried_reports(e):
                if report not in received and value_of(report) is not None:
                    problems.append(f"half merge: package not recorded, its new report {report} is there")

        def final(uuid: str) -> str:
            while uuid in merged:
                uuid = merged[uuid]
            return uuid

        for (item, period), ok in values.items():
            row = con.execute("SELECT value FROM progress_reports WHERE item_id = ? AND period_id = ? "
                              "AND unit_id IS NULL", (item, period)).fetchone()
            if row is None or str(row[0]) not in ok:
                problems.append(f"report of item {item} period {period}: {row and row[0]!r}, journal {sorted(ok)}")
        for report, value in received.items():
            if value_of(report) != value:
                problems.append(f"report {report} of a merged package: {value_of(report)!r}, package {value!r}")
        for item, ok in texts.items():
            row = con.execute("SELECT text FROM items WHERE id = ?", (item,)).fetchone()
            if row is None or row[0] not in ok:
                problems.append(f"edit of item {item} lost: {row and row[0]!r}, journal {sorted(ok)}")

        def unit_of(spelling: str) -> tuple[int, str] | None:
            return con.execute(
                "SELECT u.id, u.uuid FROM units u WHERE u.name = ? UNION "
                "SELECT u.id, u.uuid FROM units u JOIN unit_aliases a ON a.unit_id = u.id WHERE a.spelling = ?",
                (spelling, spelling)).fetchone()

        def assigned(item: int, unit_id: int) -> bool:
            return con.execute("SELECT 1 FROM assignments WHERE item_id = ? AND unit_id = ?",
                               (item, unit_id)).fetchone() is not None

        for e in done:
            if e["op"] == "unit":
                unit = unit_of(e["name"])
                if unit is None or not assigned(e["item"], unit[0]):
                    problems.append(f"unit {e['name']!r} of item {e['item']} lost")
            elif e["op"] == "merge":
                if con.execute("SELECT 1 FROM units WHERE uuid = ?", (e["gone"],)).fetchone():
                    problems.append(f"merged unit {e['names'][0]!r} still there")
                kept = con.execute("SELECT id FROM units WHERE uuid = ?", (final(e["kept"]),)).fetchone()
                if kept is None:
                    problems.append(f"unit kept by the merge of {e['names'][0]!r} is gone")
                    continue
                for name in e["names"]:
                    unit = unit_of(name)
                    if unit is None or unit[0] != kept[0]:
                        problems.append(f"spelling {name!r} of a merged unit does not lead to the unit kept")
                for item in e["items"]:
                    if not assigned(item, kept[0]):
                        problems.append(f"item {item} lost its unit in the merge of {e['names'][0]!r}")
    finally:
        con.close()

    for e in done:
        if e["op"] == "backup" and e["path"] and e["how"] != "daily":  # daily copies may be pruned later
            path = Path(e["path"])
            if not path.is_file():
                problems.append(f"backup {path.name} missing")
    for folder in (db_path.parent / "backups", db_path.parent / USB):
        if not folder.is_dir():
            continue
        for file in sorted(folder.iterdir()):
            if file.name.endswith(LEFTOVER_SUFFIXES):
                continue
            if file.name.endswith(SEAL_SUFFIX):  # a seal: it must still match its backup when both are there
                backup = file.with_name(file.name.removesuffix(SEAL_SUFFIX))
                if backup.is_file() and seal_state(backup) == SEAL_BROKEN:
                    problems.append(f"backup {folder.name}/{backup.name} does not match its seal")
                continue
            verdict = quick_check_file(file)
            if verdict != "ok":
                problems.append(f"backup {folder.name}/{file.name} under its final name is damaged: {verdict}")
    return problems


def run(kills: int, seed: int | None = None, *, folder: Path | None = None,
        delay: tuple[float, float] = (0.05, 1.0), echo: bool = True) -> Outcome:
    """Kill the worker `kills` times and check the files after each kill."""
    rng = random.Random(seed)
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="crash-test-")) if folder is None else folder
    outcome = Outcome()
    try:
        seed_db, items = make_seed(folder / "seed")
        work = folder / "work"
        db_path = journal = work / "crash.sqlite3"
        for n in range(kills):
            if n % EPOCH == 0:
                db_path = fresh_copy(seed_db, work)
                journal = work / "journal.jsonl"
            worker_seed = rng.randrange(10**6)
            proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--worker", str(db_path), str(journal),
                 "--seed", str(worker_seed)],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT),
            )
            assert proc.stdout is not None
            ready = proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(*delay))
            alive = proc.poll() is None
            if alive:
                os.kill(proc.pid, signal.SIGKILL)
            _out, err = proc.communicate()
            problems = check(db_path, journal, items)
            if not ready or not alive:
                problems.insert(0, f"worker ended by itself (code {proc.returncode}): {err.strip()[-600:]}")
            if problems:
                outcome.unclean += 1
                outcome.problems.append(f"kill {n + 1}: " + " | ".join(problems[:5]))
                if echo:
                    print(outcome.problems[-1], flush=True)
            else:
                outcome.clean += 1
            if n % EPOCH == EPOCH - 1 or n == kills - 1:
                for e in read_journal(journal):
                    if e["kind"] in ("done", "refused"):
                        key = e["op"] if e["kind"] == "done" else "refused"
                        outcome.ops[key] = outcome.ops.get(key, 0) + 1
            if echo and (n + 1) % 10 == 0:
                print(f"  {n + 1} kills: clean {outcome.clean}/{outcome.total}", flush=True)
    finally:
        if own:
            shutil.rmtree(folder, ignore_errors=True)
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--worker", nargs=2, metavar=("DB", "JOURNAL"))
    args = parser.parse_args(argv)
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]), args.seed or 0)
        return 0
    started = time.perf_counter()
    outcome = run(args.kills, args.seed)
    print("operations committed before the kills: "
          + ", ".join(f"{k} {v}" for k, v in sorted(outcome.ops.items())))
    print(f"clean {outcome.clean}/{outcome.total}  ({time.perf_counter() - started:.0f} s)")
    return 0 if outcome.unclean == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
