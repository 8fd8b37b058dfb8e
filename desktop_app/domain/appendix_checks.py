"""Warnings about a parsed appendix: numbering, missing targets and deadlines, unit spellings, blank header."""

from __future__ import annotations

from collections import defaultdict

from desktop_app.domain.appendix import (
    KIND_NAMES,
    ImportWarning,
    ParsedAppendix,
    ParsedItem,
)
from desktop_app.domain.deadlines import Deadline
from desktop_app.domain.numbering import number_kind
from desktop_app.domain.targets import measurable_targets, target_refusal
from desktop_app.domain.text import canonical_spelling, search_key, unit_key

_NO_DEADLINE = Deadline("", "other", None)


MAX_LISTED_GAP = 20
"""A longer gap in the numbering is named by its ends, not listed number by number."""


def _where(item: ParsedItem) -> str:
    place = item.place[:1].upper() + item.place[1:]
    return f"{place} (Stt {item.number})" if item.number else place


def _last_index(number: str) -> int | None:
    kind = number_kind(number)
    if kind == "integer":
        return int(number)
    if kind == "dotted":
        return int(number.rsplit(".", 1)[1])
    return None


Indexed = list[tuple[int, ImportWarning]]


def _numbering(parsed: ParsedAppendix) -> Indexed:
    warnings: Indexed = []
    seen: dict[tuple[int, str, str], ParsedItem] = {}
    # the last number under each parent: "12" follows "11" even with 11.1 … 11.10 between them
    previous: dict[tuple[int, int | None, str], ParsedItem] = {}
    last_integer = 0  # numbering may run on from one section or group to the next (section II starts at 14)
    anchor = ""  # the last number a lettered row hangs under
    groups = sorted((g.position, n) for n, g in enumerate(parsed.groups) if number_kind(g.number) == "integer")
    next_group = 0
    for index, item in enumerate(parsed.items):
        while next_group < len(groups) and groups[next_group][0] <= index:
            heading = parsed.groups[groups[next_group][1]]  # a numbered heading takes its place in the numbering
            previous[(heading.section, None, "")] = ParsedItem(
                section=heading.section, group=None, number_raw=heading.number, number=heading.number, kind="task",
                text=heading.title, note="", monitoring=[], implementing=[], deadline=_NO_DEADLINE, targets=[],
                line=heading.line, place="")
            last_integer = int(heading.number)
            anchor = heading.number
            next_group += 1
        if not item.number:
            group = parsed.groups[item.group].number if item.group is not None else None
            in_group = f" trong nhóm {group}" if group else ""
            warnings.append((index, ImportWarning(
                "unnumbered",
                f"{_where(item)}: hàng không có số thứ tự{in_group}; đã giữ ở đúng vị trí, "
                f"xếp loại «{KIND_NAMES[item.kind]}».",
                item.line, "")))
            continue
        kind = number_kind(item.number)
        prefix = item.number.rsplit(".", 1)[0] if kind == "dotted" else ""
        context = (item.section, item.group, prefix)
        lettered = kind == "other" and len(item.number) == 1 and item.number.islower()
        # a) b) start again under every numbered row: the same letter under another row is no duplicate
        key = (item.section, anchor, item.number) if lettered else (item.section, "", item.number)
        if kind in ("integer", "dotted"):
            anchor = item.number
        if key in seen:
            first = seen[key]
            warnings.append((index, ImportWarning(
                "duplicate_number",
                f"{_where(item)}: số thứ tự {item.number} trùng với {first.place}.",
                item.line, item.number)))
            previous[context] = item
            continue
        seen[key] = item
        if item.group is not None and kind == "dotted":
            group = parsed.groups[item.group].number
            if group and not item.number.startswith(group + "."):
                warnings.append((index, ImportWarning(
                    "wrong_group", f"{_where(item)}: số thứ tự {item.number} không thuộc nhóm {group} mà nó đứng trong.",
                    item.line, item.number)))
        last = previous.get(context)
        now = _last_index(item.number)
        before = _last_index(last.number) if last else 0
        if last is None and kind == "integer" and now == last_integer + 1:
            before = last_integer
        if now is not None and before is not None and now > before + 1:
            prefix_text = prefix + "." if prefix else ""
            if now - before - 1 <= MAX_LISTED_GAP:
                missing = ", ".join(f"{prefix_text}{i}" for i in range(before + 1, now))
            else:  # a number like 99999999999 must not make a list of billions of numbers
                missing = f"{now - before - 1} số (từ {prefix_text}{before + 1} đến {prefix_text}{now - 1})"
            warnings.append((index, ImportWarning(
                "numbering_gap",
                f"{_where(item)}: số thứ tự nhảy cóc, thiếu {missing}.",
                item.line, item.number)))
        previous[context] = item
        if kind == "integer":
            last_integer = now or 0
    return warnings


def _items(parsed: ParsedAppendix) -> Indexed:
    warnings: Indexed = []
    for index, item in enumerate(parsed.items):
        deadline = item.deadline
        if deadline.due is not None and parsed.year is not None and deadline.due.year < parsed.year:
            warnings.append((index, ImportWarning(
                "deadline_before_year",
                f"{_where(item)}: thời hạn «{deadline.raw}» trước năm của kế hoạch ({parsed.year}).",
                item.line, item.number)))
        if deadline.kind == "other" and not search_key(deadline.raw).startswith("theo"):
            text = f"thời hạn «{deadline.raw}» không đọc được" if deadline.raw else "không có thời hạn"
            warnings.append((index, ImportWarning(
                "unreadable_deadline", f"{_where(item)}: {text}; chỉ lưu nguyên văn, không tính quá hạn.",
                item.line, item.number)))
        for target in item.targets:
            refusal = target_refusal(target.value, target.unit_kind)
            if refusal is not None:
                warnings.append((index, ImportWarning(
                    "unmeasurable_target", f"{_where(item)}: mục tiêu «{target.raw[:80]}» không dùng được "
                                           f"({refusal.render('vi').rstrip('.')}); chỉ giữ nguyên văn trong nội dung, "
                                           "không dùng để đánh giá.", item.line, item.number)))
        if item.kind == "indicator" and not measurable_targets(item.targets):
            warnings.append((index, ImportWarning(
                "no_target", f"{_where(item)}: chỉ tiêu không có giá trị mục tiêu đo được.",
                item.line, item.number)))
    return warnings


def unit_merge_warnings(
    parsed: ParsedAppendix,
    *,
    shown: dict[str, str] | None = None,
    known: dict[str, set[str]] | None = None,
) -> list[ImportWarning]:
    """One warning per unit written several ways, naming where each spelling first stands.

    shown: the name each unit key will be shown as (default: the file's most common spelling);
    known: spellings already in the database for that key (they count as variants too).
    """
    first_place: dict[str, dict[str, str]] = defaultdict(dict)
    met: dict[str, list[str]] = defaultdict(list)
    for item in parsed.items:
        for name in item.monitoring + item.implementing + item.coordinating:
            key = unit_key(name)
            met[key].append(name)
            first_place[key].setdefault(name, item.place)
    warnings: list[ImportWarning] = []
    for key, places in first_place.items():
        earlier = sorted((known or {}).get(key, set()) - set(places))
        if len(places) + len(earlier) < 2:
            continue
        name = (shown or {}).get(key) or canonical_spelling(met[key])
        listed = ", ".join(f"«{spelling}» ({place})" for spelling, place in places.items())
        if earlier:
            listed += ", đã có trong danh sách đơn vị: " + ", ".join(f"«{s}»" for s in earlier)
        warnings.append(ImportWarning("units_merged", f"Đã gộp các cách viết tên đơn vị {listed} thành «{name}»."))
    return warnings


def _header(parsed: ParsedAppendix) -> list[ImportWarning]:
    warnings: list[ImportWarning] = []
    if not parsed.plan_number:
        warnings.append(ImportWarning("blank_plan_number", "Không có số kế hoạch (số …/KH-UBND để trống)."))
    if parsed.plan_date is None:
        warnings.append(ImportWarning("blank_plan_date", "Không có ngày ban hành kế hoạch (ngày để trống)."))
    if parsed.year is None:
        warnings.append(ImportWarning("no_year", "Không xác định được năm của kế hoạch (không có ngày ban hành hay "
                                                 "thời hạn nào có năm); hãy nhập năm để có các kỳ báo cáo."))
    if not parsed.commune:
        warnings.append(ImportWarning("no_commune", "Không tìm thấy tên xã trong tiêu đề hay nội dung."))
    return warnings


def check_appendix(parsed: ParsedAppendix) -> list[ImportWarning]:
    """Every warning for a parsed appendix, header first, then rows in document order, then units."""
    row_warnings = sorted(_numbering(parsed) + _items(parsed), key=lambda pair: pair[0])
    return _header(parsed) + [w for _, w in row_warnings] + unit_merge_warnings(parsed)
