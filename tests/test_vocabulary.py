"""One source per vocabulary: the domain's StrEnums. The database's checks, the ORM, the package checker, the
command line's choices and the label tables of the services and the window all agree with them."""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import CheckConstraint, text

from db.engine import Database
from db.exchange.check import ENUMS
from db.models import Base, one_of
from desktop_app.domain.accounts import AccountRole
from desktop_app.domain.appendix import KIND_NAMES, KINDS, AssignmentRole, ItemKind
from desktop_app.domain.assessment import ASSESSMENTS, RESULTS, Assessment, Result
from desktop_app.domain.deadlines import DATED_KINDS, DeadlineKind
from desktop_app.domain.periods import BASES, PeriodBasis, PeriodKind
from desktop_app.domain.periods import KINDS as PERIOD_KINDS
from desktop_app.domain.progress import STATUS_NAMES, STATUSES, Status
from desktop_app.domain.report import KINDS as REPORT_KINDS
from desktop_app.domain.report import ReportKind
from desktop_app.domain.targets import OPS, UNIT_KINDS, TargetOp, UnitKind

# (table, column) → the vocabulary its CHECK constraint and the package checker hold it to.
CHECKED: dict[tuple[str, str], type[StrEnum]] = {
    ("plans", "period_kind"): PeriodKind,
    ("plans", "period_basis"): PeriodBasis,
    ("items", "kind"): ItemKind,
    ("targets", "op"): TargetOp,
    ("targets", "unit_kind"): UnitKind,
    ("deadlines", "kind"): DeadlineKind,
    ("assignments", "role"): AssignmentRole,
    ("progress_reports", "status"): Status,
    ("accounts", "role"): AccountRole,
}
# Coded columns the database does not check (periods were made by the program only), but packages are.
UNCHECKED: dict[tuple[str, str], type[StrEnum]] = {
    ("periods", "kind"): PeriodKind,
    ("periods", "basis"): PeriodBasis,
}
_CHECK_LINE = re.compile(r"CONSTRAINT (ck_\w+) CHECK \((.*)\),?\s*$", re.MULTILINE)
_IN_LIST = re.compile(r"(\w+) IN \(([^)]*)\)")


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def _keys(table: Any) -> list[str]:
    """The keys of a label table: a dict, or a tuple of (value, label) pairs."""
    return list(table) if isinstance(table, dict) else [value for value, _label in table]


def _database_checks(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        ddl = "\n".join(sql for (sql,) in con.execute("SELECT sql FROM sqlite_master WHERE type = 'table'"))
    finally:
        con.close()
    return dict(_CHECK_LINE.findall(ddl))


def test_the_derived_tuples_are_the_enums_in_order_as_plain_strings() -> None:
    for derived, enum in ((STATUSES, Status), (PERIOD_KINDS, PeriodKind), (BASES, PeriodBasis), (KINDS, ItemKind),
                          (OPS, TargetOp), (UNIT_KINDS, UnitKind), (RESULTS, Result), (ASSESSMENTS, Assessment),
                          (REPORT_KINDS, ReportKind)):
        assert list(derived) == _values(enum)
        assert all(type(v) is str for v in derived), enum  # argparse's "invalid choice" message shows repr()
    assert set(DATED_KINDS) == {DeadlineKind.DATE, DeadlineKind.YEARLY}
    assert all(type(v) is str for v in DATED_KINDS)


def test_members_serialise_and_are_stored_as_their_plain_value(db: Database) -> None:
    assert json.dumps({Status.DONE: [PeriodKind.MONTH, TargetOp.AT_LEAST]}) == '{"done": ["month", ">="]}'
    assert f"{ItemKind.TASK}" == str(ItemKind.TASK) == "task"
    with db.reading() as session:
        assert tuple(session.execute(text("SELECT typeof(:v), :v"), {"v": Status.DONE}).one()) == ("text", "done")


def test_the_migrated_database_checks_exactly_the_enums(db_path: Path, db: Database) -> None:
    checks = _database_checks(db_path)
    for (table, column), enum in CHECKED.items():
        sql = checks[f"ck_{table}_{column}"]
        found = dict(_IN_LIST.findall(sql))
        assert re.findall(r"'([^']*)'", found[column]) == _values(enum), (table, column)
    assert {f"ck_{t}_{c}" for t, c in CHECKED} | {"ck_periods_range"} == set(checks)


def test_the_orm_renders_the_same_checks_as_the_migrations(db_path: Path, db: Database) -> None:
    checks = _database_checks(db_path)
    rendered = {c.name: str(c.sqltext) for t in Base.metadata.tables.values() for c in t.constraints
                if isinstance(c, CheckConstraint)}
    assert rendered == checks
    assert rendered["ck_items_kind"] == one_of("kind", ItemKind) == "kind IN ('indicator', 'task', 'document')"
    assert rendered["ck_progress_reports_status"] == f"status IS NULL OR {one_of('status', Status)}"


def test_the_package_checker_allows_exactly_the_enums() -> None:
    expected = {key: enum for key, enum in {**CHECKED, **UNCHECKED}.items() if key[0] != "accounts"}
    assert set(ENUMS) == set(expected)  # accounts stay on this computer: they are never in a package
    for key, enum in expected.items():
        assert ENUMS[key] == frozenset(_values(enum)), key


def _choices(parser: argparse.ArgumentParser, *path: str) -> dict[str, list[str]]:
    """The choices of each option of the (sub)command reached by path."""
    for name in path:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    return {a.option_strings[-1]: list(a.choices) for a in parser._actions if a.choices and a.option_strings}


def test_the_command_line_offers_the_enums() -> None:
    from desktop_app.cli import _parser
    from desktop_app.domain.merge import OURS, THEIRS

    parser = _parser()
    assert _choices(parser, "periods") == {"--kind": _values(PeriodKind), "--basis": _values(PeriodBasis)}
    assert _choices(parser, "progress", "add") == {"--status": _values(Status)}
    for command in ("export-pdf", "export-docx"):
        assert _choices(parser, command) == {"--kind": [ReportKind.PROGRESS, ReportKind.APPENDIX]}
    assert _choices(parser, "import-package") == {"--prefer": [OURS, THEIRS]}
    record = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["record"]
    status = next(a for a in record._actions if "--status" in a.option_strings)
    assert ", ".join(_values(Status)) in (status.help or "")


def test_the_domain_and_service_name_tables_cover_the_enums() -> None:
    from desktop_app.domain import assessment, field_names
    from desktop_app.services.accounts import ROLE_NAMES, ROLES
    from desktop_app.services.items import KIND_LABELS

    assert set(STATUS_NAMES) == set(Status)
    assert set(assessment._STATUS_RESULTS) == set(Status)
    assert set(assessment._STATUS_RESULTS.values()) <= set(Result)
    assert assessment._HIGHER_IS_BETTER | assessment._LOWER_IS_BETTER == set(TargetOp)
    assert set(assessment.LABELS) == set(assessment.COLOURS) == set(Assessment)
    assert set(KIND_NAMES) == set(KIND_LABELS) == set(ItemKind)
    assert set(field_names.CODES["kind"]) == set(ItemKind) | set(DeadlineKind) | set(PeriodKind)
    assert set(field_names.CODES["role"]) == set(AssignmentRole)
    assert set(field_names.CODES["op"]) == set(TargetOp)
    assert field_names.CODES["status"] is STATUS_NAMES
    assert list(ROLES) == _values(AccountRole) and set(ROLE_NAMES) == set(AccountRole)


@pytest.mark.parametrize(("module", "table", "enum"), [
    ("desktop_app.ui.models.progress_grid", "_KINDS", PeriodKind),
    ("desktop_app.ui.models.progress_grid", "_BASES", PeriodBasis),
    ("desktop_app.ui.widgets.filter_bar", "_KINDS", ItemKind),
    ("desktop_app.ui.widgets.item_form", "_KINDS", ItemKind),
    ("desktop_app.ui.widgets.item_form", "_DEADLINE_KINDS", DeadlineKind),
    ("desktop_app.ui.widgets.item_form", "_UNIT_KINDS", UnitKind),
    ("desktop_app.ui.widgets.item_form", "OP_SIGNS", TargetOp),
    ("desktop_app.ui.models.items", "COLOURS", Assessment),
    ("desktop_app.ui.widgets.bar_chart", "_HATCHES", Assessment),
    ("desktop_app.ui.dialogs.accounts", "ROLE_LABELS", AccountRole),
])
def test_the_window_labels_every_value_once(module: str, table: str, enum: type[StrEnum]) -> None:
    import importlib

    keys = _keys(getattr(importlib.import_module(module), table))
    assert sorted(keys) == sorted(_values(enum))  # every value, none twice


def test_the_window_labels_the_services_vocabularies() -> None:
    from db.queries.items import WINDOWS
    from desktop_app.domain.merge import OURS, THEIRS
    from desktop_app.services import exchange_merge, forms
    from desktop_app.ui.dialogs import exchange_preview
    from desktop_app.ui.dialogs import forms as forms_dialog
    from desktop_app.ui.widgets import filter_bar

    assert _keys(filter_bar._WINDOWS) == list(WINDOWS)
    assert set(exchange_preview.KIND_NAMES) == set(exchange_merge.KINDS)
    assert (exchange_preview.OURS, exchange_preview.THEIRS) == (OURS, THEIRS)
    assert set(forms_dialog.KIND_COLOURS) == set(forms.KIND_NAMES) == {forms.NEW, forms.CHANGED, forms.UNCHANGED}
