"""Time and peak memory of every hardening case (issue #15): each test of the hardening files is run alone in
a fresh child process, which builds its crafted input (a hostile package, a forged form, a locked, full,
read-only or replaced database file, a tampered backup or change log, a bad value …) and checks the refusal.

    .venv/bin/python bench/hardening_bench.py [-k EXPRESSION] [--files tests/test_x.py ...]

Printed per case: the test's own time (pytest's call phase and set-up: building the input and the refusal) and
the child's peak resident memory (its VmHWM as the kernel counts it, pytest, the program and Qt included).
Targets (issue #15): every refusal within 500 MB and 10 s per 100 MB of input (package_attack_bench.py measures
the large packages of item 1 on their own).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ["tests/test_hardening_packages.py", "tests/test_hardening_values.py", "tests/test_hardening_db.py",
         "tests/test_hardening_audit.py", "tests/test_hardening_senders.py", "tests/test_identity_key.py",
         "tests/test_csv_export.py"]
LIMIT_MB = 500


def collect(files: list[str], keyword: str | None) -> list[str]:
    command = [sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:xdist", "-p", "no:cacheprovider",
               *files] + (["-k", keyword] if keyword else [])
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return [line for line in done.stdout.splitlines() if "::" in line]


def run_one(node: str, folder: Path) -> tuple[str, float, float]:
    """(outcome, seconds of the test, peak MB of its process)."""
    report = folder / "case.xml"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                              f"--junitxml={report}", "-o", "junit_duration_report=total", node],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    case = ET.parse(report).getroot().find(".//testcase")
    assert case is not None
    outcome = "failed" if case.find("failure") is not None or case.find("error") is not None else (
        "skipped" if case.find("skipped") is not None else "passed")
    return outcome, float(case.get("time", "0")), usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-k", dest="keyword")
    parser.add_argument("--files", nargs="*", default=FILES)
    args = parser.parse_args(argv)
    nodes = collect(args.files, args.keyword)
    worst_time = worst_peak = 0.0
    failed = 0
    with tempfile.TemporaryDirectory(prefix="hardening-bench-") as tmp:
        for node in nodes:
            outcome, seconds, peak = run_one(node, Path(tmp))
            worst_time, worst_peak = max(worst_time, seconds), max(worst_peak, peak)
            failed += outcome == "failed"
            print(f"{seconds:6.2f} s {peak:6.0f} MB  {outcome:7} {node.split('::', 1)[1][:110]}", flush=True)
    print(f"{len(nodes)} cases: slowest {worst_time:.2f} s, highest peak {worst_peak:.0f} MB "
          f"(target ≤ {LIMIT_MB} MB), {failed} failed")
    return 1 if failed or worst_peak > LIMIT_MB else 0


if __name__ == "__main__":
    raise SystemExit(main())
