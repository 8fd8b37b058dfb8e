"""Peak memory and time of refusing or importing crafted hostile packages (issue #15, item 1).

    .venv/bin/python bench/package_attack_bench.py [--only NAME ...]

Each case is built in a temporary folder, then imported by a fresh child process (so that its peak, VmHWM, is
its own) into a new database: refused or imported, the figures printed are the file's size, the outcome, the
seconds taken and the child's peak resident memory. Target: within 500 MB and 10 s per 100 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_HOME = tempfile.mkdtemp(prefix="package-attack-home-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

from tests.hostile_packages import (  # noqa: E402
    audit_json,
    audit_row,
    costly_json,
    deep_changes,
    names,
    write_signed,
)

MB = 1 << 20
LISTED = ["records/plans.json", "records/items.json", "records/units.json", "records/progress_reports.json"]

CHILD = r"""
import sys, time, json
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from tests.conftest import new_database
from tests.memory import peak_rss_mb, reset_peak
from desktop_app.errors import AppError
from desktop_app.services.exchange import import_package, import_packages
db = new_database(Path(sys.argv[2]) / "db.sqlite3")
mode = sys.argv[4]
start_mb = reset_peak()
start = time.monotonic()
try:
    if mode == "batch":
        result = import_packages(db, paths=[Path(sys.argv[3])], trust=True)
        outcome = f"imported {len(result.imported)}, skipped " + "; ".join(
            e.full_message()[:90] for _p, e in result.skipped)
    else:
        import_package(db, path=Path(sys.argv[3]), trust=mode == "trust", dry_run=mode == "dry", backup=False)
        outcome = "imported"
except AppError as exc:
    outcome = "refused: " + exc.full_message()[:110]
except BaseException as exc:
    outcome = f"CRASH {type(exc).__name__}: {str(exc)[:80]}"
print(json.dumps({"seconds": time.monotonic() - start, "peak": peak_rss_mb(), "start": start_mb,
                  "outcome": outcome}))
"""


def cases(folder: Path) -> dict[str, tuple[Path, str]]:
    big = costly_json(21 * MB)
    listed = write_signed(folder / "listed.cdsx", dict.fromkeys(LISTED, big), compression=zipfile.ZIP_STORED)
    unlisted = write_signed(folder / "unlisted.cdsx", dict.fromkeys(names(12), costly_json(24 * MB)) | {
        LISTED[1]: big}, compression=zipfile.ZIP_STORED)
    costly = write_signed(folder / "costly.cdsx", dict.fromkeys(LISTED[:3], costly_json(20 * MB)),
                          compression=zipfile.ZIP_STORED)
    budget = write_signed(folder / "budget.cdsx", dict.fromkeys(LISTED, costly_json(4 * MB)),
                          compression=zipfile.ZIP_STORED)
    long_text = b'{"columns":["x"],"rows":[' + b",".join([b'["' + b"x" * 4000 + b'"]'] * 5000) + b"]}"
    one_big = write_signed(folder / "one_big.cdsx", {LISTED[1]: long_text}, compression=zipfile.ZIP_STORED)
    strangers = write_signed(folder / "strangers.cdsx", dict.fromkeys(names(2), costly_json(24 * MB)),
                             compression=zipfile.ZIP_STORED)
    deep = write_signed(folder / "deep.cdsx", {"records/audit.json": audit_json([audit_row(deep_changes())])})
    return {
        "listed JSON, unknown sender": (listed, "unknown"),
        "listed JSON, unknown sender, dry run": (listed, "dry"),
        "listed JSON, trusted": (listed, "trust"),
        "unknown *.json members, trusted": (unlisted, "trust"),
        "unknown *.json members, folder import": (unlisted, "batch"),
        "60 MB of costly rows, trusted": (costly, "trust"),
        "16 MB of costly rows, trusted": (budget, "trust"),
        "16 MB of costly rows, folder import": (budget, "batch"),
        "one 20 MB member of long texts, trusted": (one_big, "trust"),
        "two unknown 24 MB *.json, trusted": (strangers, "trust"),
        "deep audit changes, dry run": (deep, "dry"),
        "deep audit changes, folder import": (deep, "batch"),
    }


def main(argv: list[str] | None = None) -> int:
    import json

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="*", default=None, help="words the case names must contain")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="package-attack-") as tmp:
        folder = Path(tmp)
        for name, (path, mode) in cases(folder).items():
            if args.only and not any(word in name for word in args.only):
                continue
            work = Path(tempfile.mkdtemp(dir=tmp))
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(work), str(path), mode],
                                  capture_output=True, text=True, env=env, check=False)
            if done.returncode != 0 or not done.stdout.strip():
                print(f"{name}: child failed ({done.returncode}): {done.stderr[-400:]}")
                continue
            got = json.loads(done.stdout.strip().splitlines()[-1])
            size = path.stat().st_size / MB
            per100 = got["seconds"] / max(size, 1) * 100
            print(f"{name:42} {size:6.0f} MB  {got['seconds']:6.2f} s ({per100:5.2f} s/100 MB)  "
                  f"peak {got['peak']:6.0f} MB (+{got['peak'] - got['start']:.0f})  {got['outcome']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
