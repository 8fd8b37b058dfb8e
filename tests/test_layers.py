"""The boundaries between the layers, read from the code's own imports (ast): what each floor may import, raw
sqlite3 only in db/, the UI not on the database layer at all, and folders that show the design."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "desktop_app"


def _modules(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


def _imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import in the file, those for type hints too."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def _offences(folder: Path, forbidden: tuple[str, ...]) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{line} imports {module}"
            for path in _modules(folder) for line, module in _imports(path)
            if module == forbidden or any(module == f or module.startswith(f + ".") for f in forbidden)]


@pytest.mark.parametrize(("folder", "forbidden"), [
    ("desktop_app/domain", ("PySide6", "sqlalchemy", "sqlite3", "db", "desktop_app.io", "desktop_app.services",
                            "desktop_app.ui", "desktop_app.cli")),
    ("desktop_app/io", ("PySide6", "sqlalchemy", "sqlite3", "db", "desktop_app.services", "desktop_app.ui",
                        "desktop_app.cli")),
    ("desktop_app/services", ("PySide6", "sqlite3", "desktop_app.ui", "desktop_app.cli")),
    ("db", ("PySide6", "desktop_app.io", "desktop_app.services", "desktop_app.ui", "desktop_app.cli")),
    ("desktop_app/cli", ("PySide6",)),
])
def test_each_layer_imports_only_what_lies_below_it(folder: str, forbidden: tuple[str, ...]) -> None:
    assert _offences(ROOT / folder, forbidden) == []


def test_the_ui_imports_nothing_from_the_database_layer() -> None:
    """It holds a Workspace (services), even in its type hints."""
    assert _offences(APP / "ui", ("db", "sqlalchemy", "sqlite3")) == []


def test_raw_sqlite3_is_used_in_db_only() -> None:
    outside = [path for path in _modules(APP) if any(m == "sqlite3" for _, m in _imports(path))]
    assert outside == []


def test_the_folders_show_the_design() -> None:
    loose_io = [p.name for p in (APP / "io").glob("*.py")]
    loose_ui = [p.name for p in (APP / "ui").glob("*.py")]
    assert len(loose_io) <= 8, loose_io
    assert len(loose_ui) <= 12, loose_ui
    for package in ("io/appendix", "io/reports", "io/exchange", "io/forms", "io/province", "ui/controllers",
                    "ui/dialogs", "ui/models", "ui/widgets", "cli"):
        assert (APP / package / "__init__.py").is_file(), package
    for package in ("queries", "exchange"):
        assert (ROOT / "db" / package / "__init__.py").is_file(), package


def test_the_main_window_only_assembles() -> None:
    source = (APP / "ui" / "main_window.py").read_text(encoding="utf-8")
    window = next(node for node in ast.parse(source).body
                  if isinstance(node, ast.ClassDef) and node.name == "MainWindow")
    assert [ast.unparse(base) for base in window.bases] == ["QMainWindow"]
    assert len(source.splitlines()) < 250
    assert "db: Any" not in source
