"""The column-role picker of the import preview: each table's first rows with a role chooser over every column,
pre-filled with the program's guess; the columns it is unsure of are marked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.appendix import Layout

UNSURE = QColor("#fff3bf")  # a pale yellow, readable in grey print and by colour-blind officers (with the ⚠)


def role_labels() -> dict[str, str]:
    """The roles as the officer reads them, in the order the chooser lists them."""
    return {
        "number": QCoreApplication.translate("ColumnRoles", "No. (Stt)"),
        "text": QCoreApplication.translate("ColumnRoles", "Indicator / task text"),
        "explanation": QCoreApplication.translate("ColumnRoles", "Explanation, how computed"),
        "unit_of_measure": QCoreApplication.translate("ColumnRoles", "Unit of measure"),
        "target": QCoreApplication.translate("ColumnRoles", "Target value"),
        "output": QCoreApplication.translate("ColumnRoles", "Product, result"),
        "monitoring": QCoreApplication.translate("ColumnRoles", "Monitoring unit"),
        "lead": QCoreApplication.translate("ColumnRoles", "Lead unit"),
        "coordinating": QCoreApplication.translate("ColumnRoles", "Coordinating units"),
        "implementing": QCoreApplication.translate("ColumnRoles", "Implementing units"),
        "deadline": QCoreApplication.translate("ColumnRoles", "Deadline"),
        "budget": QCoreApplication.translate("ColumnRoles", "Budget, funding source"),
        "note": QCoreApplication.translate("ColumnRoles", "Note"),
        "ignore": QCoreApplication.translate("ColumnRoles", "Ignore"),
    }


class TableRoles(QTableWidget):
    """One table: row 0 the role choosers, row 1 the header as written, then the first body rows."""

    def __init__(self, layout: Layout, sample: Sequence[Sequence[str]], parent: QWidget | None = None) -> None:
        width = max([len(layout.header), *(len(r) for r in sample)])
        super().__init__(2 + len(sample), width, parent)
        self.layout_ = layout
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.horizontalHeader().hide()
        self.setVerticalHeaderLabels([self.tr("Role"), self.tr("Header"),
                                      *[str(n) for n in range(1, len(sample) + 1)]])
        labels = role_labels()
        self.choosers: list[QComboBox] = []
        for column in range(width):
            combo = QComboBox()
            for role, label in labels.items():
                combo.addItem(label, role)
            role = layout.roles[column] if column < len(layout.roles) else "ignore"
            combo.setCurrentIndex(combo.findData(role))
            unsure = column in layout.unsure
            if unsure:
                combo.setStyleSheet(f"QComboBox {{ background: {UNSURE.name()}; }}")
                combo.setToolTip(self.tr("The program is not sure of this column: check its role."))
            combo.setAccessibleName(self.tr("Role of column {n}").format(n=column + 1))
            self.setCellWidget(0, column, combo)
            self.choosers.append(combo)
            header = layout.header[column] if column < len(layout.header) else ""
            item = QTableWidgetItem(("⚠ " if unsure else "") + (header or self.tr("(empty)")))
            item.setFont(self._bold())
            if unsure:
                item.setBackground(QBrush(UNSURE))
            self.setItem(1, column, item)
            for row, cells in enumerate(sample, start=2):
                text = cells[column] if column < len(cells) else ""
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.setItem(row, column, cell)
            self.setColumnWidth(column, 260 if role == "text" else 150)
        self.resizeRowsToContents()

    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def roles(self) -> list[str]:
        """The roles chosen, one per column."""
        return [combo.currentData() for combo in self.choosers]


class ColumnRolesPanel(QWidget):
    """Every table of the file with its role choosers and «Dùng các cột này»; `applied` carries the roles chosen
    by header key."""

    applied = Signal(dict)

    def __init__(self, layouts: Sequence[Layout], samples: Sequence[Sequence[Sequence[str]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        box.addWidget(self.intro)
        self.tables: list[TableRoles] = []
        for n, (layout, sample) in enumerate(zip(layouts, samples, strict=False), 1):
            box.addWidget(QLabel(self.tr("Table {n}:").format(n=n)))
            table = TableRoles(layout, sample)
            self.tables.append(table)
            box.addWidget(table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.apply_button = QPushButton(self.tr("&Use these columns"))
        self.apply_button.setToolTip(self.tr("Read the tables again with these roles; they are remembered for the "
                                             "next file with the same header once you import."))
        self.apply_button.clicked.connect(self.apply)
        buttons.addWidget(self.apply_button)
        box.addLayout(buttons)
        self.set_confident(all(layout.confident for layout in layouts))

    def set_confident(self, confident: bool) -> None:
        """Say whether the roles still need the officer's look."""
        self.intro.setText(self.tr(
            "The program recognised the role of every column. Change one here if it is wrong, then press «Use these "
            "columns».") if confident else self.tr(
            "The program is not sure what some columns hold (marked ⚠). Choose the role of each column — «Ignore» "
            "leaves it out — then press «Use these columns». The choice is remembered for the next file with the "
            "same header."))

    def chosen(self) -> dict[str, list[str]]:
        """The roles chosen, by header key."""
        return {table.layout_.key: table.roles() for table in self.tables}

    def apply(self) -> None:
        """Hand the chosen roles on."""
        self.applied.emit(self.chosen())

    def choose(self, table: int, column: int, role: str) -> None:
        """Set one column's role (as the officer picks it in the chooser)."""
        combo = self.tables[table].choosers[column]
        combo.setCurrentIndex(combo.findData(role))


def first_unsure_role(layouts: Sequence[Layout]) -> tuple[int, int] | None:
    """(table, column) of the first column whose role is a guess, for the keyboard focus."""
    for t, layout in enumerate(layouts):
        if layout.unsure:
            return t, layout.unsure[0]
    return None
