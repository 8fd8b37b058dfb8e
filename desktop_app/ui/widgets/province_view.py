"""The province view: communes × areas with traffic lights (sort, filter, export), the packages of many
communes imported from one folder with a progress bar, and the indicators matched across plans."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.services import province
from desktop_app.ui import messages
from desktop_app.ui.models.province import (
    ALL,
    ALL_GREEN,
    COL_COMMUNE,
    HAS_RED,
    PLAN_ID_ROLE,
    ComparisonFilter,
    ComparisonModel,
    IndicatorsModel,
)
from desktop_app.ui.operations import Task, run_task
from desktop_app.ui.widgets.audit_view import AuditDialog

if TYPE_CHECKING:
    from desktop_app.services.workspace import Workspace


class MatchDialog(QDialog):
    """Choose an indicator and the indicator (of another plan's wording) it is the same as."""

    def __init__(self, texts: list[str], parent: QWidget | None = None, *, first: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Match indicators by hand"))
        self.text = self._picker(texts, first)
        self.to_text = self._picker(texts, "")
        form = QFormLayout()
        form.addRow(self.tr("Indicator:"), self.text)
        form.addRow(self.tr("Is the same as:"), self.to_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Match"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The two wordings will count as one indicator in every plan, from now on.")))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(760, self.sizeHint().height())

    def _picker(self, texts: list[str], current: str) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(texts)
        completer = QCompleter(texts, combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        combo.setMinimumContentsLength(60)
        combo.setEditText(current)
        return combo


class ProvinceView(QWidget):
    """Communes compared by area, and indicators compared across communes."""

    plan_requested = Signal(int)
    """A plan's id, on double-click of its row: the window opens it read-only."""
    reloaded = Signal()

    def __init__(self, db: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._tasks: list[Task] = []
        self.last_import: province.FolderImport | None = None
        self.model = ComparisonModel(self)
        self.proxy = ComparisonFilter(self)
        self.proxy.setSourceModel(self.model)
        self.indicators = IndicatorsModel(self)

        self.year = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter communes…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.light = QComboBox()
        for code, label in ((ALL, self.tr("All communes")), (HAS_RED, self.tr("With a red area")),
                            (ALL_GREEN, self.tr("All areas green"))):
            self.light.addItem(label, code)
        self.light.currentIndexChanged.connect(lambda: self.proxy.set_light(self.light.currentData()))
        self.import_button = QPushButton(self.tr("Import packages from a folder…"))
        self.import_button.clicked.connect(self.choose_folder)
        self.xlsx_button = QPushButton(self.tr("Export to Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.choose_export("xlsx"))
        self.pdf_button = QPushButton(self.tr("Export to PDF…"))
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        bar = QHBoxLayout()
        for widget in (QLabel(self.tr("Year:")), self.year, self.search, self.light):
            bar.addWidget(widget)
        self.log_button = QPushButton(self.tr("Commune's change &log…"))
        self.log_button.setToolTip(self.tr("Who changed what in the chosen commune's plan, as its packages "
                                           "tell it"))
        self.log_button.clicked.connect(self.show_change_log)
        bar.addStretch(1)
        for widget in (self.log_button, self.import_button, self.xlsx_button, self.pdf_button):
            bar.addWidget(widget)

        self.table = self._table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_COMMUNE, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._open)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.modelReset.connect(self._selection_changed)
        self.log_button.setEnabled(False)
        # header texts ("An toàn thông tin mạng") and percentages both fit: a few hundred rows measure quickly
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.indicator_table = self._table(self.indicators)
        self.indicator_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.indicator_table.setColumnWidth(0, 420)
        self.match_button = QPushButton(self.tr("Match by hand…"))
        self.match_button.clicked.connect(self.match_by_hand)
        self.unmatch_button = QPushButton(self.tr("Forget hand match"))
        self.unmatch_button.clicked.connect(self.forget_match)
        indicator_page = QWidget()
        page_layout = QVBoxLayout(indicator_page)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Indicators found in at least two plans (same wording, or matched by "
                                         "hand).")))
        buttons.addStretch(1)
        buttons.addWidget(self.match_button)
        buttons.addWidget(self.unmatch_button)
        page_layout.addLayout(buttons)
        page_layout.addWidget(self.indicator_table)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Communes"))
        self.tabs.addTab(indicator_page, self.tr("Indicators"))
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self._fill_years()
        self.year.currentIndexChanged.connect(self.reload)
        self.reload()

    def _table(self, model: Any) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(False)  # the lights are the colours
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setDefaultSectionSize(108)
        table.setWordWrap(False)
        return table

    # ----- loading -----------------------------------------------------------------------------------------
    def _fill_years(self) -> None:
        chosen = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for year in province.years(self.db):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(max(self.year.findData(chosen), 0))
        self.year.blockSignals(False)

    def reload(self) -> None:
        """Read the comparison and the matched indicators again."""
        year = self.year.currentData()
        data = province.comparison(self.db, year=year)
        self.model.set_rows(data.rows)
        self.indicators.set_data(province.matched_indicators(self.db, year=year), data.rows)
        self.status.setText(self.tr("%1 communes; %2 indicators matched across plans.")
                            .replace("%1", str(len(data.rows))).replace("%2", str(self.indicators.rowCount())))
        self.reloaded.emit()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.plan_requested.emit(int(self.proxy.data(index, PLAN_ID_ROLE)))

    def _selection_changed(self) -> None:
        self.log_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def chosen_plan(self) -> tuple[int, str] | None:
        """The selected commune's plan id and commune name (None: no row selected)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return (int(self.proxy.data(rows[0], PLAN_ID_ROLE)),
                str(self.proxy.data(rows[0].siblingAtColumn(COL_COMMUNE), Qt.ItemDataRole.DisplayRole)))

    def show_change_log(self) -> AuditDialog | None:
        """The change log of the selected commune's plan (the entries its packages carried), non-modal."""
        chosen = self.chosen_plan()
        if chosen is None:
            return None
        dialog = AuditDialog(self.db, self, plan_id=chosen[0], title=chosen[1])
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_error(self, exc: BaseException) -> None:
        """An AppError in a message box; anything else as a fault with details."""
        if isinstance(exc, AppError):
            messages.warn(self, self.tr("Province comparison"), exc.full_message())
        else:
            messages.report_fault(self, exc)

    # ----- importing a folder of packages ------------------------------------------------------------------
    def choose_folder(self) -> None:
        """Ask for the folder holding the communes' packages, then import them."""
        start = str(QSettings().value("province/folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of the packages"), start)
        if folder:
            QSettings().setValue("province/folder", folder)
            self.import_folder(Path(folder))

    def import_folder(self, folder: Path, *, trust: bool = False, only: list[str] | None = None) -> Task:
        """Import the packages of folder (or only those named) in the background with a progress bar; then show
        what was skipped, and offer to trust the senders not trusted yet."""
        db = self.db

        def done(result: province.FolderImport) -> None:
            self.last_import = result
            self._fill_years()
            self.reload()
            messages.inform(self, self.tr("Import packages"), self.import_summary(result))
            if result.untrusted and not trust and messages.ask(self, self.tr("Import packages"), self.tr(
                    "%1 packages come from communes whose key is not trusted yet (their fingerprints are listed "
                    "above). Trust these senders and import their packages? Answer yes only if you have "
                    "compared the fingerprints with the communes.").replace("%1", str(len(result.untrusted)))):
                self.import_folder(folder, trust=True, only=list(result.untrusted))

        task = run_task(self, self.tr("Importing the packages…"),
                        lambda progress: province.import_folder(db, folder=folder, trust=trust, progress=progress,
                                                                only=only),
                        done, self.show_error, progress=True)
        self._keep(task)
        return task

    def import_summary(self, result: province.FolderImport) -> str:
        """The message after a folder import: how many imported, and each package skipped with its reason."""
        if result.total == 0:
            return self.tr("The folder holds no data package (.cdsx).")
        lines = [self.tr("%1 of %2 packages imported.").replace("%1", str(len(result.imported)))
                 .replace("%2", str(result.total))]
        if result.skipped:
            lines.append(self.tr("Skipped:"))
            lines += [f"• {name}: {reason}" for name, reason in result.skipped]
        return "\n".join(lines)

    # ----- exports -----------------------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        """Ask where to save the comparison as kind ("xlsx" or "pdf"), then write it."""
        folder = str(QSettings().value("province/export", str(Path.home())))
        name = "so_sanh_cac_xa." + kind
        filters = self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the comparison"), str(Path(folder) / name),
                                              filters)
        if path:
            out = Path(path) if Path(path).suffix.lower() == "." + kind else Path(path + "." + kind)
            QSettings().setValue("province/export", str(out.parent))
            self.export(kind, out)

    def export(self, kind: str, out: Path) -> Task:
        """Write the comparison (of the year shown) to out in the background."""
        db, year = self.db, self.year.currentData()
        write = province.export_comparison_xlsx if kind == "xlsx" else province.export_comparison_pdf

        def done(path: Path) -> None:
            self.status.setText(self.tr("Saved %1.").replace("%1", str(path)))

        task = run_task(self, self.tr("Exporting the comparison…"), lambda: write(db, out=out, year=year),
                        done, self.show_error)
        self._keep(task)
        return task

    def _keep(self, task: Task) -> None:
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))

    # ----- matching by hand --------------------------------------------------------------------------------
    def match_by_hand(self) -> None:
        """Choose two wordings of one indicator and remember them as one."""
        texts = sorted({text for row in province.matched_indicators(self.db, min_plans=1)
                        for text in row.texts.values()})
        selected = self.indicator_table.currentIndex()
        first = self.indicators.row_at(selected.row()).text if selected.isValid() else ""
        dialog = MatchDialog(texts, self, first=first)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.match(dialog.text.currentText(), dialog.to_text.currentText())

    def match(self, text: str, to_text: str) -> None:
        """Remember a hand match and show the indicators again."""
        try:
            province.match_indicator(self.db, text=text, to_text=to_text)
        except AppError as exc:
            self.show_error(exc)
            return
        self.reload()

    def forget_match(self) -> None:
        """Forget the hand matches of the selected indicator's wordings."""
        selected = self.indicator_table.currentIndex()
        if not selected.isValid():
            messages.inform(self, self.tr("Forget hand match"), self.tr("Select an indicator first."))
            return
        row = self.indicators.row_at(selected.row())
        forgotten = sum(province.unmatch_indicator(self.db, text=text) for text in set(row.texts.values()))
        if not forgotten:
            messages.inform(self, self.tr("Forget hand match"),
                           self.tr("This indicator was matched by its wording, not by hand."))
            return
        self.reload()


class ProvinceWindow(QMainWindow):
    """The province comparison in its own window. With open_plans, a double-clicked commune's plan opens
    read-only here; otherwise whoever made the window connects view.plan_requested."""

    def __init__(self, db: Workspace, parent: QWidget | None = None, *, open_plans: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Province comparison"))
        self.view = ProvinceView(db, self)
        self.setCentralWidget(self.view)
        self.plan_windows: list[QMainWindow] = []
        if open_plans:
            self.view.plan_requested.connect(self.open_plan)
        self.resize(1280, 720)

    def open_plan(self, plan_id: int) -> QMainWindow:
        """Show one plan read-only in a window of its own."""
        from desktop_app.ui.widgets.plan_readonly import PlanReadOnlyWindow

        window = PlanReadOnlyWindow(self.db, plan_id, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.plan_windows.append(window)
        window.destroyed.connect(lambda: self.plan_windows.remove(window) if window in self.plan_windows else None)
        window.show()
        return window
