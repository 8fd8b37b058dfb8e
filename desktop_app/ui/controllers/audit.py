"""The audit trail's actions: Edit → Change log… and Settings → Officer name… (the item panel's "Changes" tab
is a pane of the plan browser)."""

from __future__ import annotations

from desktop_app.ui.controllers.base import Context, Controller
from desktop_app.ui.widgets.audit_view import AuditDialog, ask_officer_name


class AuditFlow(Controller):
    """Edit → Change log…, Settings → Officer name…"""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self.audit_action = self.action(self.tr("Change &log…"), "Ctrl+Shift+L", self.show_audit)
        self.officer_action = self.action(self.tr("&Officer name…"), None, self.edit_officer_name)

    def show_audit(self) -> AuditDialog:
        """Edit → Change log…: every change, filtered by person, dates and record (a window of its own)."""
        dialog = AuditDialog(self.db, self.window)
        dialog.show()
        return dialog

    def edit_officer_name(self) -> bool:
        """Settings → Officer name…: the name recorded with each change made at this computer account."""
        return ask_officer_name(self.window, self.db)
