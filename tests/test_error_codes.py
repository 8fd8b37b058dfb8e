"""Error messages are coded: services, io, db (and the domain rules) raise typed errors with a code and
arguments, and the Vietnamese and English texts live in resources/translations/messages.json. Read from the
source (ast): no raise there carries literal message text, every code used is in the catalogue with both
texts, the placeholders of the two texts and of each call agree, and no code is left unused."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app import messages
from desktop_app.errors import AppError, FileRefused, InvalidValue, NotFound
from desktop_app.messages import Joined, Message, Verbatim, catalogue, text

ROOT = Path(__file__).resolve().parent.parent
CHECKED = [ROOT / "desktop_app" / "services", ROOT / "desktop_app" / "io", ROOT / "db", ROOT / "desktop_app" / "domain",
           ROOT / "desktop_app" / "cli"]
"""Where no raise may carry literal message text (db/migrations: Alembic's scripts, for developers)."""
EVERYWHERE = [ROOT / "desktop_app", ROOT / "db"]
"""Where a code counts as used."""
ROOTS_OF_CODED = {"AppError", "JsonRefused"}
"""Classes whose first argument is a message code (with their subclasses, found in the source)."""
OWN_KEYWORDS = {"file", "place", "existing_plan_id", "layouts", "installation_id"}
"""Keyword arguments the error classes take for themselves, not for the message."""
CODE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)+")
VIETNAMESE = re.compile("[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]")


def _files(roots: list[Path]) -> Iterator[tuple[Path, ast.Module]]:
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _coded_classes() -> set[str]:
    """AppError and JsonRefused and every class deriving from them, by name, across desktop_app and db."""
    bases: dict[str, set[str]] = {}
    for _path, tree in _files(EVERYWHERE):
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(filter(None, map(_name, node.bases)))
    coded = set(ROOTS_OF_CODED)
    while True:
        more = {cls for cls, parents in bases.items() if parents & coded} - coded
        if not more:
            return coded
        coded |= more


CODED = _coded_classes()


def _placeholders(template: str) -> set[str]:
    return {field.split(".")[0].split("[")[0] for _lit, field, _spec, _conv in string.Formatter().parse(template)
            if field is not None}


def _module_strings(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" assignments (message constants)."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _calls() -> Iterator[tuple[Path, ast.Module, ast.Call, str]]:
    """Every call of a coded class, Message or text() in the checked folders, with the callee's name."""
    for path, tree in _files(CHECKED):
        ours = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                and node.module == "desktop_app.messages" for alias in node.names if alias.name in ("Message", "text")}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = _name(node.func)
                if name in CODED or name in ours:
                    yield path, tree, node, name


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"


def test_the_source_has_coded_errors() -> None:
    assert {"FileRefused", "PackageRefused", "DatabaseError", "UnsureColumns", "ProgressRuleError"} <= CODED
    assert sum(1 for _ in _calls()) > 300


def test_no_raise_carries_literal_message_text() -> None:
    wrong = []
    for path, tree in _files(CHECKED):
        constants = _module_strings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                texts = [inner.value if isinstance(inner, ast.Constant) else constants.get(inner.id, "")
                         for inner in ast.walk(node.exc) if isinstance(inner, ast.Name)
                         or (isinstance(inner, ast.Constant) and isinstance(inner.value, str))]
                found = next((t for t in texts if VIETNAMESE.search(t)), None)
                if found is not None:
                    wrong.append(f"{_where(path, node)}: {found[:60]!r}")
            if isinstance(node, ast.Call) and _name(node.func) in CODED and node.args:
                first = node.args[0]
                if isinstance(first, (ast.JoinedStr, ast.BinOp)):
                    wrong.append(f"{_where(path, node)}: {_name(node.func)} given a composed text")
                elif isinstance(first, ast.Constant) and not (isinstance(first.value, str)
                                                              and CODE.fullmatch(first.value)):
                    wrong.append(f"{_where(path, node)}: {_name(node.func)}({first.value!r}) is not a code")
                elif isinstance(first, ast.Name) and first.id in constants and not CODE.fullmatch(constants[first.id]):
                    wrong.append(f"{_where(path, node)}: {first.id} = {constants[first.id][:60]!r} is not a code")
    assert not wrong, "literal message text:\n" + "\n".join(wrong)


def _used_codes() -> dict[str, str]:
    """Every string constant of the sources that names a code of the catalogue's areas: code → where."""
    areas = {code.split(".")[0] for code in catalogue()}
    used: dict[str, str] = {}
    for path, tree in _files(EVERYWHERE):
        if "ui" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value) \
                    and node.value.split(".")[0] in areas:
                used.setdefault(node.value, _where(path, node))
    return used


def test_every_code_used_is_in_the_catalogue() -> None:
    missing = [f"{where}: {code}" for code, where in _used_codes().items() if code not in catalogue()]
    for path, _tree, call, name in _calls():
        first = call.args[0] if call.args else None
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value not in catalogue():
            missing.append(f"{_where(path, call)}: {name}({first.value!r})")
    assert not missing, "codes not in messages.json:\n" + "\n".join(sorted(set(missing)))


def test_every_code_of_the_catalogue_is_used() -> None:
    used = set(_used_codes())
    unused = sorted(set(catalogue()) - used)
    assert not unused, "codes no source uses (remove them from messages.json):\n" + "\n".join(unused)


def test_each_message_has_both_texts_with_the_same_placeholders() -> None:
    wrong = []
    for code, texts in catalogue().items():
        if set(texts) != {"vi", "en"} or not all(isinstance(t, str) and t.strip() for t in texts.values()):
            wrong.append(f"{code}: needs a Vietnamese and an English text")
            continue
        if _placeholders(texts["vi"]) != _placeholders(texts["en"]):
            wrong.append(f"{code}: vi {sorted(_placeholders(texts['vi']))} ≠ en {sorted(_placeholders(texts['en']))}")
        if VIETNAMESE.search(texts["en"]):
            wrong.append(f"{code}: the English text has Vietnamese letters")
    assert not wrong, "\n".join(wrong)


class _Any:
    """An argument that formats under any specification: a number for the catalogue's own, a date for strftime."""

    def __format__(self, spec: str) -> str:
        return format(datetime(2026, 8, 15, 9, 30), spec) if "%" in spec else format(1.5, spec)


def test_every_template_renders_in_both_languages() -> None:
    for _code, texts in catalogue().items():
        for language, template in texts.items():
            args = {}
            for _lit, field, spec, _conv in string.Formatter().parse(template):
                if field is not None:
                    args[field] = 12345 if spec in ("count", "size", "mb") else "x" if spec == "lcfirst" else _Any()
            messages._Formatter(language).vformat(template, (), args)  # raises on a malformed template


def test_the_arguments_of_each_call_are_the_placeholders_of_its_message() -> None:
    wrong = []
    for path, _tree, call, name in _calls():
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value in catalogue()):
            continue
        if any(k.arg is None for k in call.keywords):
            continue  # **args: checked where they are built
        given = {k.arg for k in call.keywords} - (OWN_KEYWORDS if name in CODED else set())
        wanted = _placeholders(catalogue()[first.value]["vi"])
        if given != wanted:
            wrong.append(f"{_where(path, call)}: {first.value} takes {sorted(wanted)}, given {sorted(given)}")
    assert not wrong, "\n".join(wrong)


def test_no_placeholder_is_named_like_an_error_s_own_argument() -> None:
    clash = {code: _placeholders(t["vi"]) & OWN_KEYWORDS for code, t in catalogue().items()}
    assert not {code: names for code, names in clash.items() if names}


@pytest.fixture
def english() -> Iterator[None]:
    messages.set_language("en")
    yield
    messages.set_language("vi")


def test_an_error_speaks_vietnamese_unless_english_was_chosen(english: None) -> None:
    error = NotFound("plan.not_found", plan_id=7)
    assert error.message == "There is no plan #7."
    assert error.full_message("vi") == "Không có kế hoạch #7."
    messages.set_language("vi")
    assert str(error) == "Không có kế hoạch #7." and error.code == "plan.not_found" and error.params == {"plan_id": 7}


def test_file_and_place_are_named_in_the_language_of_the_message(english: None) -> None:
    error = InvalidValue("form.not_a_number", file="bieu_mau.xlsx", value="abc",
                         place=Message("form.place", sheet="Biểu mẫu", line=12, column="Giá trị"))
    assert error.full_message() == ('File “bieu_mau.xlsx”, Sheet “Biểu mẫu”, row 12, column “Giá trị”: '
                                    '“abc” is not a number.')
    assert error.full_message("vi") == ("Tệp «bieu_mau.xlsx», Trang «Biểu mẫu», dòng 12, cột «Giá trị»: "
                                        "«abc» không phải là số.")


def test_nested_joined_and_verbatim_messages(english: None) -> None:
    reason = Message("write.reason_disk_full")
    joined = Joined([Message("form.other_cells", count=2), "\n", Verbatim("đã dịch")])
    assert "the disk is full" in Message("write.file_failed", reason=reason).render()
    assert joined.render() == "Other cells are wrong too (2):\nđã dịch"
    assert joined.render("vi") == "Các ô khác cũng sai (2):\nđã dịch"
    assert FileRefused(Verbatim("Đã dịch sẵn.")).message == "Đã dịch sẵn."


def test_numbers_and_sizes_are_written_the_way_each_language_writes_them() -> None:
    args = {"count": 20_000, "limit": 500_000}
    assert text("json.too_many_containers", "vi", **args).endswith("(20.000; tối đa 500.000)")
    assert text("json.too_many_containers", "en", **args).endswith("(20,000; at most 500,000)")
    assert "12,5 MB" in text("package.total_too_large", "vi", limit=int(12.5 * 2 ** 20))
    assert "12.5 MB" in text("package.total_too_large", "en", limit=int(12.5 * 2 ** 20))


def test_an_error_survives_pickling() -> None:
    import pickle

    from desktop_app.errors import DuplicateImport

    error = pickle.loads(pickle.dumps(DuplicateImport("import.duplicate", file="a.docx", existing_plan_id=3,
                                                      plan_id=3)))
    assert error.existing_plan_id == 3 and error.file == "a.docx" and "#3" in error.message


def test_an_unknown_code_is_shown_as_it_is() -> None:
    assert AppError("no.such_code").message == "no.such_code"


def test_the_english_ui_shows_english_errors(qapp: Any) -> None:
    from desktop_app.ui.language import set_language

    set_language(qapp, "en")
    try:
        assert messages.current_language() == "en"
        assert NotFound("plan.not_found", plan_id=2).full_message() == "There is no plan #2."
    finally:
        set_language(qapp, "vi")
    assert messages.current_language() == "vi"
    assert NotFound("plan.not_found", plan_id=2).message == "Không có kế hoạch #2."


def test_the_command_line_speaks_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import main

    code = main(["--db", str(tmp_path / "d.sqlite3"), "import", str(tmp_path / "missing.docx")])
    assert code != 0 and "Tệp «missing.docx»: không tìm thấy tệp." in capsys.readouterr().err


def test_the_clipboard_is_named_in_the_language_of_the_message(english: None) -> None:
    from desktop_app.io.appendix.detect import CLIPBOARD_NAME, read_clipboard_text

    with pytest.raises(FileRefused) as refused:
        read_clipboard_text(" \n")
    assert refused.value.file == CLIPBOARD_NAME  # the name itself is data
    assert refused.value.full_message().startswith("File “Clipboard”: The clipboard is empty")
    assert refused.value.full_message("vi").startswith("Tệp «Khay nhớ tạm (clipboard)»: Khay nhớ tạm rỗng")
