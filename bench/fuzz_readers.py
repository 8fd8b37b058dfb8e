"""Run the reader fuzzing properties of tests/test_reader_fuzz.py longer than the test suite does.

    .venv/bin/python bench/fuzz_readers.py --examples 20000 [--kinds txt md clipboard docx xlsx] [--full-every 8] [--random]

Prints per reader: cases, seconds, cases/s, outcome counts (imported / read / refused) and peak memory. A failure
(another exception, a case over 5 s, a refusal that changed the database, memory over 500 MB) stops with hypothesis'
shrunk example.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
_HOME = tempfile.mkdtemp(prefix="fuzz-readers-home-")  # never touch the real user's settings or backups
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")

from tests.memory import peak_rss_mb  # noqa: E402
from tests.test_reader_fuzz import FULL_EVERY, KINDS, run_property  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=10_000, help="cases per reader (default 10000)")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument("--full-every", type=int, default=FULL_EVERY,
                        help=f"one case in N runs the whole database import (default {FULL_EVERY}; 1 = all)")
    parser.add_argument("--random", action="store_true", help="a new random seed instead of the deterministic one")
    args = parser.parse_args(argv)
    total = 0
    for kind in args.kinds:
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{kind}-") as tmp:
            start = time.monotonic()
            harness = run_property(kind, Path(tmp), examples=args.examples, full_every=args.full_every,
                                   derandomize=not args.random)
            elapsed = time.monotonic() - start
        total += harness.cases
        counts = ", ".join(f"{k} {v}" for k, v in sorted(harness.outcomes.items()))
        errors = ", ".join(f"{k} {v}" for k, v in sorted(harness.errors.items()))
        print(f"{kind:9} {harness.cases:7} cases {elapsed:7.1f} s {harness.cases / elapsed:7.0f} cases/s  "
              f"{counts}  [{errors}]  peak {peak_rss_mb():.0f} MB", flush=True)
    print(f"all readers: {total} cases, no exception other than the program's own errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
