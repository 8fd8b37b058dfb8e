"""One commune's plan opened from the province view: its items table, read-only (no editing, no dragging)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import items as items_service
from desktop_app.services import province
from desktop_app.ui.models.items import COL_TEXT, ItemsModel

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


class PlanReadOnlyWindow(QMainWindow):
    """The items of one plan as the items table shows them, with a search box; nothing can be changed here."""

    def __init__(self, db: Workspace, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.plan_id = db, plan_id
        self.setWindowTitle(self.tr("%1 (read-only)").replace("%1", province.plan_caption(db, plan_id=plan_id)))
        self.model = ItemsModel(db, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search indicators and tasks…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(False)
        self.table.setAcceptDrops(False)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # a plan has tens of items: rows can follow their wrapped text as the window is resized
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.resize(1200, 700)
        self.reload()

    def reload(self) -> None:
        """Show the plan's items matching the search box."""
        self.model.set_query(items_service.make_query(plan_id=self.plan_id, today=date.today(),
                                                      search=self.search.text()))
        self.statusBar().showMessage(self.tr("%1 indicators and tasks").replace("%1", str(self.model.total)))
