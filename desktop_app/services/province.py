"""Use cases of the province view: communes compared by area, indicators matched across plans (by their folded
text or by hand), many packages imported from one folder, and the comparison exported to Excel and PDF."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from db.engine import Database
from db.models import Plan, utcnow
from db.queries.province import (
    delete_indicator_match,
    group_counts,
    indicator_matches,
    item_results,
    plan_heads,
    save_indicator_match,
)
from desktop_app.domain.appendix import ItemKind
from desktop_app.domain.areas import (
    AREA_CODES,
    OTHER,
    AreaCell,
    CommuneRow,
    Comparison,
    IndicatorCell,
    IndicatorRow,
    area_of,
    indicator_key,
)
from desktop_app.domain.assessment import EXCEEDED, MET
from desktop_app.domain.text import clean, sort_key
from desktop_app.errors import InvalidValue, NotFound
from desktop_app.io.atomic import atomic_file
from desktop_app.services import permissions

COMPLETED_RESULTS = frozenset({MET, EXCEEDED})
"""The stored results (items.result) that count an item as completed: its target met or exceeded, or, for a
task without a measurable target, reported done. Everything else (unmet, nothing reported) is not."""
MATCHED_KINDS: tuple[str, ...] = (ItemKind.INDICATOR.value, ItemKind.TASK.value)
"""Items compared across plans; documents to issue are each commune's own."""
PACKAGE_SUFFIX = ".cdsx"


def completed(result: str | None) -> bool:
    """Whether an item with this stored result counts as completed."""
    return result in COMPLETED_RESULTS


def _row_order(row: CommuneRow) -> tuple:
    return sort_key(row.commune), row.year or 0, row.plan_id


def comparison(db: Database, *, year: int | None = None) -> Comparison:
    """Every plan (of the year) as a row: per area its items, completed items, percentage and light, then the
    items outside the eight areas and the whole plan; communes in Vietnamese alphabetical order."""
    with db.reading() as session:
        heads = plan_heads(session, year=year)
        counts = group_counts(session, year=year)
    totals: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for c in counts:
        area = area_of(c.group_title) if c.group_id is not None else None
        cell = totals[c.plan_id][area or OTHER]
        cell[0] += c.count
        if completed(c.result):
            cell[1] += c.count
    rows = []
    for head in heads:
        plan = totals.get(head.plan_id, {})
        cells = {code: AreaCell.of(*plan.get(code, (0, 0))) for code in (*AREA_CODES, OTHER)}
        overall = AreaCell.of(sum(c.items for c in cells.values()), sum(c.completed for c in cells.values()))
        rows.append(CommuneRow(head.plan_id, head.commune, head.year, head.title,
                               tuple(cells[code] for code in AREA_CODES), cells[OTHER], overall))
    return Comparison(year=year, made_at=datetime.now(), rows=tuple(sorted(rows, key=_row_order)))


# --- indicators across plans ------------------------------------------------------------------------------
def _resolve(key: str, matches: dict[str, str]) -> str:
    """Follow hand-made matches to the key they end at (a chain A→B→C ends at C; a loop stops)."""
    seen = {key}
    while key in matches and matches[key] not in seen:
        key = matches[key]
        seen.add(key)
    return key


def matched_indicators(db: Database, *, year: int | None = None, min_plans: int = 2) -> list[IndicatorRow]:
    """Indicators and tasks found in at least min_plans plans, grouped by indicator_key after the hand-made
    matches; the most frequent wording represents each; sorted by area, then text."""
    with db.reading() as session:
        items = item_results(session, kinds=MATCHED_KINDS, year=year)
        matches = indicator_matches(session)
    grouped: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        grouped[_resolve(indicator_key(item.text), matches)].append(item)
    rows = []
    for key, members in grouped.items():
        results: dict[int, str | None] = {}
        texts: dict[int, str] = {}
        cells: dict[int, IndicatorCell] = {}
        for m in members:
            if m.plan_id not in results:  # a plan repeating an indicator: its first row stands
                results[m.plan_id], texts[m.plan_id] = m.result, m.text
                cells[m.plan_id] = IndicatorCell(m.result, m.latest_value, m.latest_status, m.percent)
        if len(results) < min_plans:
            continue
        wording = Counter(texts.values()).most_common(1)[0][0]
        areas = Counter(a for a in (area_of(m.group_title) for m in members) if a)
        rows.append(IndicatorRow(key, wording, areas.most_common(1)[0][0] if areas else None, results, texts,
                                 cells))
    order = {code: i for i, code in enumerate(AREA_CODES)}
    rows.sort(key=lambda r: (order.get(r.area or "", len(order)), sort_key(r.text)))
    return rows


def match_indicator(db: Database, *, text: str, to_text: str) -> None:
    """Remember that the indicator worded text is the one worded to_text (in every plan, from now on)."""
    permissions.require_admin(db, "action.match_items")
    text_key, to_key = indicator_key(clean(text)), indicator_key(clean(to_text))
    if not text_key or not to_key:
        raise InvalidValue("province.choose_both")
    with db.transaction() as session:
        matches = indicator_matches(session)
        target = _resolve(to_key, matches)
        if target == _resolve(text_key, matches):
            return  # already the same indicator
        if target == text_key:
            raise InvalidValue("province.matched_reversed")
        save_indicator_match(session, text_key=text_key, to_key=target, at=utcnow())


def unmatch_indicator(db: Database, *, text: str) -> bool:
    """Forget the hand-made match of the indicator worded text; False when it had none."""
    permissions.require_admin(db, "action.unmatch_items")
    with db.transaction() as session:
        return delete_indicator_match(session, text_key=indicator_key(clean(text)))


def hand_matches(db: Database) -> dict[str, str]:
    """The hand-made matches, indicator key → key it was matched to."""
    with db.reading() as session:
        return indicator_matches(session)


# --- many packages at once --------------------------------------------------------------------------------
@dataclass(frozen=True)
class FolderImport:
    """What a folder import did: the packages imported (file name, outcome), those skipped (name, reason), and
    among the skipped the names of those refused only because their sender is not trusted yet."""

    total: int
    imported: list[tuple[str, Any]]
    skipped: list[tuple[str, str]]
    untrusted: list[str] = field(default_factory=list)


def package_files(folder: Path) -> list[Path]:
    """The data packages in a folder (not its subfolders), sorted by name."""
    try:
        return sorted((p for p in folder.iterdir() if p.suffix.lower() == PACKAGE_SUFFIX and p.is_file()),
                      key=lambda p: p.name.casefold())
    except OSError as exc:
        raise NotFound("province.folder_unreadable", file=str(folder), reason=exc.strerror or str(exc)) from exc


def import_folder(db: Database, *, folder: Path, trust: bool,
                  progress: Callable[[int, int, str], None] | None = None,
                  only: Collection[str] | None = None) -> FolderImport:
    """Import every package of the folder (or only those named) in name order; a package refused is recorded
    as skipped with its reason and the others go on. progress(done, total, file name) is called before each
    file and at the end."""
    from desktop_app.services.exchange import UnknownSender, import_packages

    files = [p for p in package_files(folder) if only is None or p.name in only]
    # one backup and one transaction for the whole folder (a savepoint per package)
    done = import_packages(db, paths=files, trust=trust, progress=progress)
    imported = [(outcome.file, outcome) for outcome in done.imported]
    skipped = [(path.name, exc.full_message()) for path, exc in done.skipped]
    untrusted = [path.name for path, exc in done.skipped if isinstance(exc, UnknownSender)]
    return FolderImport(len(files), imported, skipped, untrusted)


# --- exports and the read-only plan -----------------------------------------------------------------------
def export_comparison_xlsx(db: Database, *, out: Path, year: int | None = None) -> Path:
    """Write the comparison as an Excel workbook (cells coloured by light), with a sheet of the indicators
    matched across the plans; returns out."""
    from desktop_app.io.province.excel import write_comparison_xlsx

    data = comparison(db, year=year)
    indicators = matched_indicators(db, year=year)
    with atomic_file(out) as handle:
        write_comparison_xlsx(data, handle, indicators=indicators)
    return out


def export_comparison_pdf(db: Database, *, out: Path, year: int | None = None) -> Path:
    """Write the comparison as an A4 landscape PDF (cells coloured and lettered by light); returns out."""
    from desktop_app.io.province.pdf import write_comparison_pdf

    data = comparison(db, year=year)
    with atomic_file(out) as handle:
        write_comparison_pdf(data, handle)
    return out


def plan_caption(db: Database, *, plan_id: int) -> str:
    """How a plan is named in a window title: "Xã Nam Hồng — 2026"."""
    with db.reading() as session:
        plan = session.get(Plan, plan_id)
        if plan is None:
            raise NotFound("plan.not_found", plan_id=plan_id)
        name = f"Xã {plan.commune}" if plan.commune else f"Kế hoạch #{plan.id}"
        return f"{name} — {plan.year}" if plan.year else name


def years(db: Database) -> list[int]:
    """The years plans exist for, newest first."""
    with db.reading() as session:
        return sorted({h.year for h in plan_heads(session) if h.year is not None}, reverse=True)
