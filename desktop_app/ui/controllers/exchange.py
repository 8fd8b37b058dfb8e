"""The data-package steps of the main window: send a package (scope, then a USB stick or folder), receive one
(checked in the background, the sender's key confirmed, previewed with its conflicts, then merged), the versions
merges kept (to see and restore), and this installation's identity."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtWidgets import QDialog

from desktop_app.domain.file_names import safe_file_name
from desktop_app.services.exchange import (
    ExportResult,
    ImportOutcome,
    count_line,
    export_package,
    import_package,
)
from desktop_app.services.identity import installation
from desktop_app.ui import messages
from desktop_app.ui.dialogs.exchange_export import PackageExportDialog
from desktop_app.ui.dialogs.exchange_preview import PackagePreviewDialog
from desktop_app.ui.dialogs.identity import IdentityDialog

PACKAGE_FILTER = QT_TRANSLATE_NOOP("ExchangeFlow", "Data package (*.cdsx);;All files (*)")
FOLDER_KEY = "exchange/folder"
RECORD_COUNTS = ("tombstones", "evidence")  # the other counts of an export are records


class ExchangeFlow:
    """Mixed into MainWindow (which provides db, _start, _tasks, show_error, statusBar, refresh)."""

    db: Any
    last_package: ExportResult | None = None
    last_import: ImportOutcome | None = None

    def _build_exchange_menu(self) -> None:
        """The Exchange menu: data packages, unit reporting forms, the province comparison; and the identity
        action (placed in the Settings menu by the window)."""
        window: Any = self
        self.send_package_action = window._action(self.tr("&Send data package…"), "Ctrl+Shift+E",  # type: ignore[attr-defined]
                                                  self.export_data_package)
        self.receive_package_action = window._action(self.tr("&Import data package…"), "Ctrl+Shift+I",  # type: ignore[attr-defined]
                                                     self.import_data_package)
        self.identity_action = window._action(self.tr("This computer's &identity…"), None, self.show_identity)  # type: ignore[attr-defined]
        self.province_action = window._action(self.tr("&Province comparison…"), None,  # type: ignore[attr-defined]
                                              self.show_province)
        self.versions_action = window._action(self.tr("Kept &versions…"), None,  # type: ignore[attr-defined]
                                               lambda: self.show_versions())
        menu = window.menuBar().addMenu(self.tr("E&xchange"))  # type: ignore[attr-defined]
        menu.addAction(self.send_package_action)
        menu.addAction(self.receive_package_action)
        menu.addAction(self.versions_action)
        menu.addSeparator()
        self.make_form_action = window._action(self.tr("&Make a reporting form for a unit…"), None,  # type: ignore[attr-defined]
                                               window.make_unit_form)
        self.read_form_action = window._action(self.tr("&Read a filled reporting form…"), None,  # type: ignore[attr-defined]
                                               window.read_unit_form)
        menu.addAction(self.make_form_action)
        menu.addAction(self.read_form_action)
        menu.addSeparator()
        menu.addAction(self.province_action)
        self.exchange_menu = menu

    def show_province(self) -> Any:
        """Exchange → Province comparison…: communes × areas in a window of its own (a double-clicked commune
        opens its plan read-only); the window's data is refreshed when its packages are imported."""
        from desktop_app.ui.widgets.province_view import ProvinceWindow

        existing = getattr(self, "province_window", None)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        self.province_window = ProvinceWindow(self.db, self, open_plans=True)  # type: ignore[arg-type]
        self.province_window.show()
        return self.province_window

    def _exchange_folder(self) -> Path | None:
        value = QSettings().value(FOLDER_KEY)
        return Path(str(value)) if value else None

    # ----- sending ----------------------------------------------------------------------------------------
    def export_data_package(self) -> Any:
        """File → Send data package…: the scope, then where to write it (a USB stick is offered first)."""
        from desktop_app.ui.dialogs.exchange_destination import DestinationDialog

        selection = self.current_selection() if hasattr(self, "current_selection") else None  # type: ignore[attr-defined]
        scope = PackageExportDialog(self.db, plan_id=selection.plan_id if selection else None, parent=self)  # type: ignore[arg-type]
        if scope.exec() != QDialog.DialogCode.Accepted:
            return None
        name = installation(self.db).name.replace(" ", "_")
        suggested = safe_file_name(f"Goi_du_lieu_{name}_{date.today():%Y%m%d}", ".cdsx", fallback="Goi_du_lieu")
        destination = DestinationDialog(self, suggested_name=suggested, last_folder=self._exchange_folder())
        if destination.exec() != QDialog.DialogCode.Accepted or destination.chosen_path() is None:
            return None
        return self.write_data_package(destination.chosen_path(), **scope.values())  # type: ignore[arg-type]

    def write_data_package(self, path: Path, *, plan_id: int | None = None, unit: str | None = None,
                           since_last_to: str | None = None) -> Any:
        """Write the package in the background, then say what it holds and where it is."""
        QSettings().setValue(FOLDER_KEY, str(path.parent))

        def work() -> ExportResult:
            return export_package(self.db, out=path, plan_id=plan_id, unit=unit, since_last_to=since_last_to)

        return self._start(self.tr("Writing the data package…"), work, self._package_written,  # type: ignore[attr-defined]
                           self.show_error)  # type: ignore[attr-defined]

    def _package_written(self, result: ExportResult) -> None:
        self.last_package = result
        records = sum(n for table, n in result.counts.items() if table not in RECORD_COUNTS)
        tr = self.tr  # type: ignore[attr-defined]
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
        self.statusBar().showMessage(tr("Data package written to %1.").replace("%1", str(result.path)), 10000)  # type: ignore[attr-defined]
        messages.inform(self, tr("Send data package"), text)  # type: ignore[arg-type]

    # ----- receiving --------------------------------------------------------------------------------------
    def import_data_package(self) -> Any:
        """File → Import data package…: choose a .cdsx file and import it."""
        folder = self._exchange_folder()
        start = str(folder) if folder is not None else str(Path.home())
        name = messages.open_file(self, self.tr("Import data package"), start, self.tr(PACKAGE_FILTER))  # type: ignore[arg-type, attr-defined]
        return self.import_data_package_from(Path(name)) if name else None

    def import_data_package_from(self, path: Path) -> Any:
        """Check the package in the background (nothing written), then confirm, preview and merge it."""
        path = Path(path)
        QSettings().setValue(FOLDER_KEY, str(path.parent))

        def work() -> tuple[ImportOutcome, str]:
            outcome = import_package(self.db, path=path, dry_run=True)
            return outcome, "" if outcome.sender_known else outcome.installation_id

        return self._start(self.tr("Checking the data package %1…").replace("%1", path.name), work,  # type: ignore[attr-defined]
                           lambda result: self.review_package(path, *result), self.show_error)  # type: ignore[attr-defined]

    def review_package(self, path: Path, outcome: ImportOutcome, sender_id: str = "") -> Any:
        """A new sender's key is confirmed first; then the preview; Apply merges in the background."""
        from desktop_app.ui.dialogs.exchange_destination import TrustSenderDialog

        trust = False
        if not outcome.sender_known:
            confirm = TrustSenderDialog(self, sender_name=outcome.sender_name, fingerprint=outcome.fingerprint,  # type: ignore[arg-type]
                                        installation_id=sender_id)
            if confirm.exec() != QDialog.DialogCode.Accepted:
                self.statusBar().showMessage(self.tr("The data package was not imported."), 10000)  # type: ignore[attr-defined]
                return None
            trust = True
        preview = PackagePreviewDialog(outcome, self)  # type: ignore[arg-type]
        if preview.exec() != QDialog.DialogCode.Accepted:
            return None
        choices = preview.choices()

        def work() -> ImportOutcome:
            return import_package(self.db, path=path, trust=trust, choices=choices)

        return self._start(self.tr("Importing the data package %1…").replace("%1", path.name), work,  # type: ignore[attr-defined]
                           self._package_imported, self.show_error)  # type: ignore[attr-defined]

    def _package_imported(self, outcome: ImportOutcome) -> None:
        self.last_import = outcome
        self.refresh()  # type: ignore[attr-defined]
        tr = self.tr  # type: ignore[attr-defined]
        text = (tr("Imported the data package «%1» from «%2».").replace("%1", outcome.file).replace(
            "%2", outcome.sender_name) + "\n\n" + count_line(outcome.counts))
        if outcome.counts.get("conflict"):
            text += "\n\n" + tr("For each conflict the version not chosen is kept in the record's history.")
        if outcome.backup is not None:
            text += "\n\n" + tr("The data as it was before is kept in «%1».").replace("%1", str(outcome.backup))
        self.statusBar().showMessage(count_line(outcome.counts), 10000)  # type: ignore[attr-defined]
        messages.inform(self, tr("Import data package"), text)  # type: ignore[arg-type]

    # ----- kept versions ----------------------------------------------------------------------------------
    def show_versions(self, item_id: int | None = None) -> Any:
        """Exchange → Kept versions…: the versions merges replaced, did not choose or deleted (all of them, or
        one item's), to see and restore; the window is refreshed after each restore."""
        from desktop_app.ui.dialogs.versions import VersionsDialog

        dialog = VersionsDialog(self.db, self, item_id=item_id)  # type: ignore[arg-type]
        dialog.restored.connect(lambda _history_id: self.refresh())  # type: ignore[attr-defined]
        self.versions_dialog = dialog
        dialog.open()
        return dialog

    # ----- identity ---------------------------------------------------------------------------------------
    def show_identity(self) -> IdentityDialog:
        """Settings → This computer's identity…: name, id, key fingerprint and the trusted senders."""
        dialog = IdentityDialog(self.db, self)  # type: ignore[arg-type]
        dialog.open()
        return dialog
