"""Column roles of appendix tables: the roles an officer confirmed, remembered per header so the next file of the
same layout goes straight through; roles given on the command line; the refusal that asks for them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Setting
from desktop_app.domain.appendix import Layout
from desktop_app.errors import FileRefused, InvalidValue
from desktop_app.messages import Joined, Message

PREFIX = "import_columns:"


class UnsureColumns(FileRefused):
    """The program is not sure what some columns hold: the officer is asked (or the CLI is given --columns)."""

    def __init__(self, code: str | Message, /, *, file: str | None = None, layouts: Sequence[Layout] = (),
                 **args: Any) -> None:
        self.layouts = list(layouts)
        super().__init__(code, file=file, **args)


def _setting_key(header_key: str) -> str:
    return PREFIX + hashlib.sha256(header_key.encode("utf-8")).hexdigest()[:40]


def remembered(db: Database) -> dict[str, list[str]]:
    """Roles confirmed earlier, by header key."""
    with db.reading() as session:
        values = session.scalars(select(Setting.value).where(Setting.key.like(PREFIX + "%"))).all()
    out: dict[str, list[str]] = {}
    for value in values:
        try:
            saved = json.loads(value)
            out[str(saved["key"])] = [str(r) for r in saved["roles"]]
        except (ValueError, KeyError, TypeError):
            continue  # a damaged entry is only a forgotten choice
    return out


def remember(session: Session, layouts: Sequence[Layout]) -> None:
    """Keep the roles of these layouts (in the import's own transaction)."""
    for layout in layouts:
        if not layout.key.strip("|"):
            continue  # a table without header text: nothing to recognise it by next time
        value = json.dumps({"key": layout.key, "header": list(layout.header), "roles": list(layout.roles)},
                           ensure_ascii=False)
        row = session.get(Setting, _setting_key(layout.key))
        if row is None:
            session.add(Setting(key=_setting_key(layout.key), value=value))
        else:
            row.value = value


def parse_specs(specs: str | Sequence[str] | None, widths: Sequence[int]) -> list[list[str]] | None:
    """Roles from --columns texts ("1=number,2=text,…"), one per table or one for every table; InvalidValue with
    the reason when one cannot be read."""
    from desktop_app.io.appendix.columns import ColumnSpecError, parse_column_spec

    if not specs:
        return None
    texts = [specs] if isinstance(specs, str) else list(specs)
    width = max(widths) if widths else 0
    out = []
    for n, text in enumerate(texts):
        try:
            out.append(parse_column_spec(text, widths[n] if len(texts) > 1 and n < len(widths) else width))
        except ColumnSpecError as exc:
            raise InvalidValue("columns.spec_refused", reason=exc.coded) from None
    return out


def describe(layouts: Sequence[Layout]) -> list[dict[str, Any]]:
    """The layouts as `import --show-columns --json` prints them."""
    return [{"header": list(layout.header), "roles": list(layout.roles), "confident": layout.confident}
            for layout in layouts]


def unsure_message(layouts: Sequence[Layout]) -> Message:
    """Why an import needs the roles confirmed: each unsure table's header with the guessed roles."""
    lines: list[Message | str] = [Message("columns.unsure")]
    for n, layout in enumerate(layouts, 1):
        if layout.confident:
            continue
        cells = [Message("columns.unsure_cell", number=i, header=h or Message("columns.blank_header"), role=role)
                 for i, (h, role) in enumerate(zip(layout.header, layout.roles, strict=False), 1)]
        lines.append(Message("columns.unsure_table", number=n, cells=Joined(cells, "; ")))
        lines.append("  --columns \"" + ",".join(f"{i}={r}" for i, r in enumerate(layout.roles, 1) if r != "ignore")
                     + "\"")
    return Joined(lines, "\n")
