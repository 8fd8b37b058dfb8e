"""Lint and type checks as tests, so that CI (pytest through scripts/setup.sh test) enforces them: ruff
(pyflakes, import order, bugbear, pyupgrade: [tool.ruff] in pyproject.toml) over the code, the tests and the
benchmarks, and mypy ([tool.mypy]: domain, services, io and db). Both come with the `test` extra.

The `# type: ignore` comments are counted too: the issue asks for fewer than 40 in desktop_app and db."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINTED = ("desktop_app", "db", "tests", "bench")
IGNORE_RE = re.compile(r"#\s*type:\s*ignore")
MOST_IGNORES = 6
"""The issue asked for fewer than 40 `# type: ignore` in desktop_app and db (there were 141); six are left, and
the count only goes down."""
MOST_IGNORES_OUTSIDE_UI = 2
"""Outside desktop_app/ui: the two left in xlsx_reader._merged_ranges (its sheet stays untyped until the refusal
raised there is rewritten). A new one is a type to fix, not to silence."""


def _cache(request: pytest.FixtureRequest, tmp_path: Path, name: str) -> Path:
    """A cache folder kept between runs (inside .pytest_cache, which git ignores), else a fresh one."""
    cache = getattr(request.config, "cache", None)
    return Path(cache.mkdir(name)) if cache is not None else tmp_path / name


def _run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """python -m module args, from the project's root (where pyproject.toml configures it)."""
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{module} is not installed: install the test extra (pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900, check=False)


def test_ruff_finds_nothing(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    done = _run("ruff", "check", "--cache-dir", str(_cache(request, tmp_path, "ruff")), "--output-format", "concise",
                *LINTED)
    assert done.returncode == 0, f"ruff check {' '.join(LINTED)}:\n{done.stdout}{done.stderr}"


def test_mypy_finds_nothing(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    done = _run("mypy", "--cache-dir", str(_cache(request, tmp_path, "mypy")))
    assert done.returncode == 0, f"mypy (packages of [tool.mypy] in pyproject.toml):\n{done.stdout}{done.stderr}"


def _ignores(folder: str) -> dict[str, int]:
    """`# type: ignore` comments per file under folder (relative path → count), files without any left out."""
    counts = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        n = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if IGNORE_RE.search(line))
        if n:
            counts[path.relative_to(ROOT).as_posix()] = n
    return counts


def _listed(counts: dict[str, int]) -> str:
    return "\n".join(f"  {n:3}  {name}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))


def test_fewer_than_40_type_ignores() -> None:
    counts = _ignores("desktop_app") | _ignores("db")
    total = sum(counts.values())
    ui = sum(n for name, n in counts.items() if name.startswith("desktop_app/ui/"))
    assert total <= MOST_IGNORES, f"{total} `# type: ignore` in desktop_app and db ({ui} in desktop_app/ui):\n" \
                                  f"{_listed(counts)}"


def test_no_new_type_ignores_outside_ui() -> None:
    counts = {name: n for name, n in (_ignores("desktop_app") | _ignores("db")).items()
              if not name.startswith("desktop_app/ui/")}
    assert sum(counts.values()) <= MOST_IGNORES_OUTSIDE_UI, \
        f"{sum(counts.values())} `# type: ignore` outside desktop_app/ui (at most {MOST_IGNORES_OUTSIDE_UI}):\n" \
        f"{_listed(counts)}"
