"""The data-package steps of the main window: send a package (scope, then a USB stick or folder), receive one
(checked in the background, the sender's key confirmed, previewed with its conflicts, then merged), the versions
merges kept (to see and restore), and this installation's identity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtWidgets import QDialog, QMainWindow

from desktop_app.domain.file_names import safe_file_name
from desktop_app.services.changes import EVERYTHING
from desktop_app.services.exchange import (
    ExportResult,
    ImportOutcome,
    count_line,
    export_package,
    import_package,
)
from desktop_app.services.identity import installation
from desktop_app.ui import messages
from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.dialogs.exchange_export import PackageExportDialog
from desktop_app.ui.dialogs.exchange_preview import PackagePreviewDialog
from desktop_app.ui.dialogs.identity import IdentityDialog
from desktop_app.ui.operations import Task

PACKAGE_FILTER = QT_TRANSLATE_NOOP("ExchangeFlow", "Data package (*.cdsx);;All files (*)")
FOLDER_KEY = "exchange/folder"
RECORD_COUNTS = ("tombstones", "evidence")  # the other counts of an export are records


class ExchangeFlow(Controller):
    """Exchange → Send data package…, Import data package…, Kept versions…, Province comparison…; Settings →
    This computer's identity…"""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.last_package: ExportResult | None = None
        self.last_import: ImportOutcome | None = None
        self.province_window: QMainWindow | None = None
        self.versions_dialog: QDialog | None = None
        self.send_package_action = self.action(self.tr("&Send data package…"), "Ctrl+Shift+E",
                                               self.export_data_package)
        self.receive_package_action = self.action(self.tr("&Import data package…"), "Ctrl+Shift+I",
                                                  self.import_data_package)
        self.identity_action = self.action(self.tr("This computer's &identity…"), None, self.show_identity)
        self.province_action = self.action(self.tr("&Province comparison…"), None, self.show_province)
        self.versions_action = self.action(self.tr("Kept &versions…"), None, self.show_versions)

    def show_province(self) -> QMainWindow:
        """Exchange → Province comparison…: communes × areas in a window of its own (a double-clicked commune
        opens its plan read-only); the window's data is refreshed when its packages are imported."""
        from desktop_app.ui.widgets.province_view import ProvinceWindow

        existing = self.province_window
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        window = ProvinceWindow(self.db, self.window, open_plans=True)
        window.show()
        self.province_window = window
        return window

    def _exchange_folder(self) -> Path | None:
        value = QSettings().value(FOLDER_KEY)
        return Path(str(value)) if value else None

    # ----- sending ----------------------------------------------------------------------------------------
    def export_data_package(self) -> Task | None:
        """File → Send data package…: the scope, then where to write it (a USB stick is offered first)."""
        from desktop_app.ui.dialogs.exchange_destination import DestinationDialog

        scope = PackageExportDialog(self.db, plan_id=self.current_plan(), parent=self.window)
        if scope.exec() != QDialog.DialogCode.Accepted:
            return None
        name = installation(self.db).name.replace(" ", "_")
        suggested = safe_file_name(f"Goi_du_lieu_{name}_{date.today():%Y%m%d}", ".cdsx", fallback="Goi_du_lieu")
        destination = DestinationDialog(self.window, suggested_name=suggested, last_folder=self._exchange_folder())
        chosen = destination.chosen_path() if destination.exec() == QDialog.DialogCode.Accepted else None
        return self.write_data_package(chosen, **scope.values()) if chosen is not None else None

    def write_data_package(self, path: Path, *, plan_id: int | None = None, unit: str | None = None,
                           since_last_to: str | None = None) -> Task:
        """Write the package in the background, then say what it holds and where it is."""
        QSettings().setValue(FOLDER_KEY, str(path.parent))

        def work() -> ExportResult:
            return export_package(self.db, out=path, plan_id=plan_id, unit=unit, since_last_to=since_last_to)

        return self.run(self.tr("Writing the data package…"), work, self._package_written)

    def _package_written(self, result: ExportResult) -> None:
        self.last_package = result
        records = sum(n for table, n in result.counts.items() if table not in RECORD_COUNTS)
        tr = self.tr
        if result.since is not None:
            scope = tr("the changes since the package sent to «%1» on %2").replace("%1", result.to_name or "").replace(
                "%2", f"{result.since:%d/%m/%Y %H:%M} (UTC)")
        else:
            scope = tr("everything in the chosen scope")
        text = (tr("The data package was written to:") + "\n" + str(result.path) + "\n\n"
                + tr("It holds %1: %2 records, %3 deletions, %4 evidence files.").replace("%1", scope).replace(
                    "%2", str(records)).replace("%3", str(result.counts.get("tombstones", 0))).replace(
                    "%4", str(result.counts.get("evidence", 0)))
                + "\n\n" + tr("SHA-256: %1").replace("%1", result.sha256))
        if result.missing_evidence:
            text += "\n\n" + tr("Warning: %1 evidence files are missing from the evidence folder and were not "
                                "included.").replace("%1", str(result.missing_evidence))
        self.status(tr("Data package written to %1.").replace("%1", str(result.path)))
        messages.inform(self.window, tr("Send data package"), text)

    # ----- receiving --------------------------------------------------------------------------------------
    def import_data_package(self) -> Task | None:
        """File → Import data package…: choose a .cdsx file and import it."""
        folder = self._exchange_folder()
        start = str(folder) if folder is not None else str(Path.home())
        name = messages.open_file(self.window, self.tr("Import data package"), start, self.tr(PACKAGE_FILTER))
        return self.import_data_package_from(Path(name)) if name else None

    def import_data_package_from(self, path: Path) -> Task:
        """Check the package in the background (nothing written), then confirm, preview and merge it."""
        path = Path(path)
        QSettings().setValue(FOLDER_KEY, str(path.parent))

        def work() -> tuple[ImportOutcome, str]:
            outcome = import_package(self.db, path=path, dry_run=True)
            return outcome, "" if outcome.sender_known else outcome.installation_id

        return self.run(self.tr("Checking the data package %1…").replace("%1", path.name), work,
                        lambda result: self.review_package(path, *result))

    def review_package(self, path: Path, outcome: ImportOutcome, sender_id: str = "") -> Task | None:
        """A new sender's key is confirmed first; then the preview; Apply merges in the background."""
        from desktop_app.ui.dialogs.exchange_destination import TrustSenderDialog

        trust = False
        if not outcome.sender_known:
            confirm = TrustSenderDialog(self.window, sender_name=outcome.sender_name, fingerprint=outcome.fingerprint,
                                        installation_id=sender_id)
            if confirm.exec() != QDialog.DialogCode.Accepted:
                self.status(self.tr("The data package was not imported."))
                return None
            trust = True
        preview = PackagePreviewDialog(outcome, self.window)
        if preview.exec() != QDialog.DialogCode.Accepted:
            return None
        choices = preview.choices()

        def work() -> ImportOutcome:
            return import_package(self.db, path=path, trust=trust, choices=choices)

        return self.run(self.tr("Importing the data package %1…").replace("%1", path.name), work,
                        self._package_imported)

    def _package_imported(self, outcome: ImportOutcome) -> None:
        self.last_import = outcome
        tr = self.tr
        text = (tr("Imported the data package «%1» from «%2».").replace("%1", outcome.file).replace(
            "%2", outcome.sender_name) + "\n\n" + count_line(outcome.counts))
        if outcome.counts.get("conflict"):
            text += "\n\n" + tr("For each conflict the version not chosen is kept in the record's history.")
        if outcome.backup is not None:
            text += "\n\n" + tr("The data as it was before is kept in «%1».").replace("%1", str(outcome.backup))
        self.status(count_line(outcome.counts))
        messages.inform(self.window, tr("Import data package"), text)

    # ----- kept versions ----------------------------------------------------------------------------------
    def show_versions(self, item_id: int | None = None) -> QDialog:
        """Exchange → Kept versions…: the versions merges replaced, did not choose or deleted (all of them, or
        one item's), to see and restore; the window is refreshed after each restore."""
        from desktop_app.ui.dialogs.versions import VersionsDialog

        dialog = VersionsDialog(self.db, self.window, item_id=item_id)
        dialog.restored.connect(lambda _history_id: self.ctx.hub.publish(EVERYTHING))
        self.versions_dialog = dialog
        dialog.open()
        return dialog

    # ----- identity ---------------------------------------------------------------------------------------
    def show_identity(self) -> IdentityDialog:
        """Settings → This computer's identity…: name, id, key fingerprint and the trusted senders."""
        dialog = IdentityDialog(self.db, self.window)
        dialog.open()
        return dialog
