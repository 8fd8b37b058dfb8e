"""Short Vietnamese names for the records of a data package, for the import preview ("Chỉ tiêu 2.1 Phủ sóng
5G…", "Kết quả 2.1 · Quý III/2026 · Công an xã"), made from the package's own rows."""

from __future__ import annotations

from typing import Any

from db.exchange.check import expected_columns
from desktop_app.services.exchange_merge import TABLE_NAMES

TEXT_LENGTH = 70


def _short(text: Any) -> str:
    text = str(text or "").strip()
    return text if len(text) <= TEXT_LENGTH else text[:TEXT_LENGTH - 1] + "…"


class Labels:
    """Labels records from the package's rows (references followed within the package)."""

    def __init__(self, tables: dict[str, list[list[Any]]]) -> None:
        self.tables = tables
        self._index: dict[str, dict[str, dict[str, Any]]] = {}

    def _row(self, table: str, uuid: Any) -> dict[str, Any] | None:
        if table not in self._index:
            columns = expected_columns(table)
            self._index[table] = {row[0]: dict(zip(columns, row, strict=False)) for row in self.tables.get(table, [])}
        return self._index[table].get(uuid)

    def _item(self, uuid: Any) -> str:
        item = self._row("items", uuid)
        if item is None:
            return "chỉ tiêu"
        return f"{item['number']} {_short(item['text'])}".strip()

    def label(self, table: str, row: list[Any]) -> str:
        """The label of one package row ([uuid, rev, base, changed_at, *content])."""
        r = dict(zip(expected_columns(table), row, strict=False))
        name = TABLE_NAMES[table]
        if table == "units":
            return f"{name}: {r['name']}"
        if table == "plans":
            return f"{name} xã {r['commune']} {r['plan_number']}".strip()
        if table in ("sections", "groups"):
            return f"{name} {r.get('numeral') or r.get('number') or ''} {_short(r['title'])}".strip()
        if table == "items":
            return f"{name} {r['number']} {_short(r['text'])}".strip()
        if table in ("targets", "deadlines"):
            return f"{name} «{_short(r['raw'])}» ({self._item(r['item_id'])})"
        if table == "assignments":
            unit = self._row("units", r["unit_id"])
            return f"{name}: {unit['name'] if unit else 'đơn vị'} ({self._item(r['item_id'])})"
        if table == "periods":
            return f"{name} {r['label']}"
        if table == "progress_reports":
            period = self._row("periods", r["period_id"])
            unit = self._row("units", r["unit_id"]) if r["unit_id"] else None
            parts = [self._item(r["item_id"]), period["label"] if period else "", unit["name"] if unit else ""]
            return f"{name} " + " · ".join(p for p in parts if p)
        return f"{name} «{_short(r.get('file_name'))}»"
