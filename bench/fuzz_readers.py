"""Run the reader fuzzing properties of tests/test_reader_fuzz.py, tests/test_package_fuzz.py and
tests/test_form_fuzz.py longer than the test suite does.

    .venv/bin/python bench/fuzz_readers.py --examples 20000 [--kinds txt md clipboard docx xlsx package records form]
        [--full-every 8] [--random]

Kinds: the appendix readers (txt md clipboard docx xlsx); package: the package reader (read_package) on mutated,
re-zipped and random packages; records: import_package of a real package whose records break the domain rules,
re-signed by its sender; form: the reporting-form reader (read_form, apply_form one case in 8).

Prints per kind: cases, seconds, cases/s, outcome counts (imported / read / applied / refused), the refusals by
error class and the process's peak memory. A failure (another exception, a case over 5 s, a refusal that changed
the database, peak memory over 500 MB) stops with hypothesis' shrunk example.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_HOME = tempfile.mkdtemp(prefix="fuzz-readers-home-")  # never touch the real user's settings or backups
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

from tests import test_form_fuzz, test_package_fuzz  # noqa: E402
from tests.memory import peak_rss_mb  # noqa: E402
from tests.test_reader_fuzz import FULL_EVERY, KINDS, run_property  # noqa: E402

MEMORY_LIMIT_MB = 500
OTHER_KINDS = ("package", "records", "form")


def run_kind(kind: str, folder: Path, *, examples: int, full_every: int, derandomize: bool) -> Any:
    """One kind's property for `examples` cases; the harness, with cases, outcomes and errors (Counters)."""
    if kind == "package":
        return test_package_fuzz.run_property(folder, examples=examples, derandomize=derandomize)
    if kind == "records":
        return test_package_fuzz.run_records_property(folder, examples=examples, derandomize=derandomize)
    if kind == "form":
        return test_form_fuzz.run_property(folder, examples=examples, derandomize=derandomize)
    return run_property(kind, folder, examples=examples, full_every=full_every, derandomize=derandomize)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=10_000, help="cases per reader (default 10000)")
    parser.add_argument("--kinds", nargs="+", choices=[*KINDS, *OTHER_KINDS], default=[*KINDS, *OTHER_KINDS])
    parser.add_argument("--full-every", type=int, default=FULL_EVERY,
                        help=f"one case in N runs the whole database import (default {FULL_EVERY}; 1 = all)")
    parser.add_argument("--random", action="store_true", help="a new random seed instead of the deterministic one")
    args = parser.parse_args(argv)
    total = 0
    for kind in args.kinds:
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{kind}-") as tmp:
            start = time.monotonic()
            harness = run_kind(kind, Path(tmp), examples=args.examples, full_every=args.full_every,
                               derandomize=not args.random)
            elapsed = time.monotonic() - start
        total += harness.cases
        counts = ", ".join(f"{k} {v}" for k, v in sorted(harness.outcomes.items()))
        errors = ", ".join(f"{k} {v}" for k, v in sorted(harness.errors.items()))
        print(f"{kind:9} {harness.cases:7} cases {elapsed:7.1f} s {harness.cases / elapsed:7.0f} cases/s  "
              f"{counts}  [{errors}]  peak {peak_rss_mb():.0f} MB", flush=True)
        if peak_rss_mb() > MEMORY_LIMIT_MB:
            print(f"{kind}: peak memory {peak_rss_mb():.0f} MB, over {MEMORY_LIMIT_MB} MB", file=sys.stderr)
            return 1
    print(f"all kinds: {total} cases, no exception other than the program's own errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
