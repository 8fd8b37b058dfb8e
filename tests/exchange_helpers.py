"""Two installations in one test: their databases, a way to compare their content, and a package round."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

from db.engine import Database
from db.exchange.schema import REFERENCES, SYNCED
from desktop_app.services.exchange import ImportOutcome, export_package, import_package
from desktop_app.services.exchange_merge import FOREIGN
from desktop_app.services.progress import item_by_number, record_progress

__all__ = ["FOREIGN", "content", "send"]


def content(db: Database, tables: tuple[str, ...] = tuple(SYNCED)) -> dict[str, dict[str, tuple[Any, ...]]]:
    """Every synced row's content by UUID, references as UUIDs: equal on two installations holding the same."""
    con = sqlite3.connect(db.path)
    try:
        uuids = {t: dict(con.execute(f"SELECT id, uuid FROM {t}")) for t in SYNCED}
        result: dict[str, dict[str, tuple[Any, ...]]] = {}
        for table in tables:
            columns = SYNCED[table]
            rows = con.execute(f"SELECT uuid, {', '.join(chr(34) + c + chr(34) for c in columns)} FROM {table}")
            result[table] = {
                row[0]: tuple(uuids[REFERENCES[c]].get(v) if c in REFERENCES and v is not None else v
                              for c, v in zip(columns, row[1:], strict=False))
                for row in rows
            }
        return result
    finally:
        con.close()


def send(source: Database, target: Database, folder: Path, name: str = "goi.cdsx", *, to: str | None = None,
         **options: Any) -> ImportOutcome:
    """Export everything from source (or what changed since the last package to `to`) and import it into
    target, trusting the sender."""
    path = folder / name
    export_package(source, out=path, since_last_to=to)
    return import_package(target, path=path, trust=True, **options)


def incremental_packages(db: Database, plan: int, folder: Path, count: int) -> list[Path]:
    """A full package to the province, then count - 1 incremental ones, a report recorded before each."""
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        item = item_by_number(db, plan_id=plan, number=f"2.{n % 3 + 1}")
        record_progress(db, item_id=item, period=f"2026-M{n + 1:02d}", value=Decimal(10 + n))
        path = folder / f"goi_{n:02d}.cdsx"
        export_package(db, out=path, since_last_to="Sở Khoa học và Công nghệ")
        paths.append(path)
    return paths
