"""The filter bar above the items table: search, unit, assessment, deadline window and kind."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop_app.domain.appendix import ItemKind
from desktop_app.domain.assessment import ASSESSMENTS, LABELS

_WINDOWS = (
    ("overdue", QT_TRANSLATE_NOOP("FilterBar", "Overdue")),
    ("due7", QT_TRANSLATE_NOOP("FilterBar", "Due within 7 days")),
    ("due30", QT_TRANSLATE_NOOP("FilterBar", "Due within 30 days")),
    ("quarter", QT_TRANSLATE_NOOP("FilterBar", "Due this quarter")),
)
_KINDS: tuple[tuple[str, Any], ...] = (  # every ItemKind
    (ItemKind.INDICATOR, QT_TRANSLATE_NOOP("FilterBar", "Indicators")),
    (ItemKind.TASK, QT_TRANSLATE_NOOP("FilterBar", "Tasks")),
    (ItemKind.DOCUMENT, QT_TRANSLATE_NOOP("FilterBar", "Documents")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FilterBar", text)


class FilterBar(QWidget):
    """Emits changed() whenever any filter changes; fields() gives the values for services.items.make_query."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search text and units (accents optional)…"))
        self.search.setClearButtonEnabled(True)
        self.unit = self._combo(self.tr("All units"), [])
        self.assessment = self._combo(self.tr("All assessments"), [(a, LABELS[a]) for a in ASSESSMENTS])
        self.window = self._combo(self.tr("Any deadline"), [(k, _tr(t)) for k, t in _WINDOWS])
        self.kind = self._combo(self.tr("All kinds"), [(k, _tr(t)) for k, t in _KINDS])
        self.clear = QPushButton(self.tr("Clear filters"))
        layout.addWidget(self.search, 3)
        for widget in (self.unit, self.assessment, self.window, self.kind):
            layout.addWidget(widget, 1)
        layout.addWidget(self.clear)
        self.search.textChanged.connect(self.changed)
        for combo in (self.unit, self.assessment, self.window, self.kind):
            combo.currentIndexChanged.connect(self.changed)
        self.clear.clicked.connect(self.reset)

    def _combo(self, everything: str, choices: list[tuple[Any, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def set_units(self, units: list[tuple[int, str]]) -> None:
        """Offer these (id, name) units, keeping the chosen one when it is still there."""
        chosen = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), None)
        for unit_id, name in units:
            self.unit.addItem(name, unit_id)
        index = self.unit.findData(chosen)
        self.unit.setCurrentIndex(max(index, 0))
        self.unit.blockSignals(False)

    def select(self, *, assessment: str | None = None, window: str | None = None, unit_id: int | None = None) -> None:
        """Set filters from elsewhere (a click on the dashboard); the others are cleared."""
        self.blockSignals(True)
        self.search.clear()
        self.kind.setCurrentIndex(0)
        for combo, value in ((self.assessment, assessment), (self.window, window), (self.unit, unit_id)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.blockSignals(False)
        self.changed.emit()

    def reset(self) -> None:
        """Clear every filter."""
        self.blockSignals(True)
        self.search.clear()
        for combo in (self.unit, self.assessment, self.window, self.kind):
            combo.setCurrentIndex(0)
        self.blockSignals(False)
        self.changed.emit()

    def fields(self) -> dict[str, Any]:
        """The filter values as keyword arguments of services.items.make_query."""
        return {
            "search": self.search.text(),
            "unit_id": self.unit.currentData(),
            "assessment": self.assessment.currentData(),
            "window": self.window.currentData(),
            "kind": self.kind.currentData(),
        }
