"""The tree on the left: plans → sections → groups, built from services.browse.plan_tree."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop_app.services.browse import PlanNode

NODE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Selection:
    """What a tree node stands for: a plan, or one of its sections or groups."""

    plan_id: int
    section_id: int | None = None
    group_id: int | None = None


def _item(text: str, selection: Selection, tooltip: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setToolTip(tooltip)
    item.setData(selection, NODE_ROLE)
    return item


def build_tree_model(plans: list[PlanNode], model: QStandardItemModel) -> None:
    """Fill model with one top-level row per plan."""
    model.clear()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("PlanTree", "Plans")])
    for plan in plans:
        number = plan.plan_number or QCoreApplication.translate("PlanTree", "no number")
        title = QCoreApplication.translate("PlanTree", "Commune {commune} — {year} ({number})").format(
            commune=plan.commune or "?", year=plan.year or "?", number=number
        )
        plan_item = _item(title, Selection(plan.id), QCoreApplication.translate("PlanTree", "{n} indicators and tasks").format(n=plan.items))
        for section in plan.sections:
            text = f"{section.numeral}. {section.title}".strip()
            section_item = _item(text, Selection(plan.id, section.id), section.title)
            for group in section.groups:
                group_text = f"{group.number}. {group.title}"
                section_item.appendRow(_item(group_text, Selection(plan.id, section.id, group.id), group.title))
            plan_item.appendRow(section_item)
        model.appendRow(plan_item)
