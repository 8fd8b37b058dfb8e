"""Excel reporting forms for a unit without the program: make one for a period, read a filled one back (its
preview shows what it changes; Apply records it in one transaction), both off the UI thread."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from desktop_app.ui import messages
from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.dialogs.forms import FormPreviewDialog, FormRequest, MakeFormDialog
from desktop_app.ui.operations import Task

if TYPE_CHECKING:
    from desktop_app.services import forms


def _forms() -> ModuleType:
    """The forms service, loaded on first use: openpyxl must not slow the window's start."""
    from desktop_app.services import forms

    return forms


class FormFlow(Controller):
    """Exchange → Make a reporting form for a unit…, Read a filled reporting form…"""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.last_form: Path | None = None
        self.last_applied: forms.FormApplied | None = None
        self.make_form_action = self.action(self.tr("&Make a reporting form for a unit…"), None, self.make_unit_form)
        self.read_form_action = self.action(self.tr("&Read a filled reporting form…"), None, self.read_unit_form)

    def make_form_dialog(self) -> MakeFormDialog:
        """The dialog choosing plan, unit, period and file."""
        return MakeFormDialog(self.db, parent=self.window)

    def make_unit_form(self) -> Task | None:
        """File → Make a reporting form for a unit…"""
        dialog = self.make_form_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.make_unit_form_for(dialog.request())

    def make_unit_form_for(self, request: FormRequest) -> Task:
        """Write the chosen form in the background, then say where it is."""
        def done(made: forms.FormMade) -> None:
            self.last_form = made.path
            self.status(self.tr("Form saved: %1").replace("%1", str(made.path)))
            messages.inform(self.window, self.tr("Reporting form"),
                            self.tr("The form for %1 (%2 items) was saved to:\n%3")
                            .replace("%1", made.unit).replace("%2", str(made.rows)).replace("%3", str(made.path)))

        return self.run(self.tr("Writing the form…"),
                        lambda: _forms().make_form(self.db, plan_id=request.plan_id, unit=request.unit,
                                                   period=str(request.period_id), out=request.path), done)

    def read_unit_form(self) -> Task | None:
        """File → Read a filled reporting form…"""
        start = str(QSettings().value("forms/folder", str(Path.home())))
        name = messages.open_file(self.window, self.tr("Read a filled reporting form"), start,
                                  self.tr("Excel form (*.xlsx);;All files (*)"))
        return self.read_unit_form_from(Path(name)) if name else None

    def read_unit_form_from(self, path: Path) -> Task:
        """Read the form in the background, then show what it changes."""
        return self.run(self.tr("Reading %1…").replace("%1", path.name),
                        lambda: _forms().read_form(self.db, path=path), self.show_form_preview)

    def show_form_preview(self, preview: forms.FormPreview) -> Task | None:
        """The preview; on Apply the changes are written in one transaction."""
        dialog = FormPreviewDialog(preview, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or not preview.writes:
            return None

        def done(applied: forms.FormApplied) -> None:
            self.last_applied = applied
            self.status(self.tr("%1 reports recorded from the form of %2.").replace("%1", str(applied.written))
                        .replace("%2", preview.unit_name))

        return self.run(self.tr("Recording the form's results…"),
                        lambda: _forms().apply_form(self.db, preview=preview), done)
