"""The main window's part for the audit trail: Edit → Change log…, Settings → Officer name…, and the item
panel's "Changes" tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu

from desktop_app.ui.widgets.audit_view import (
    AuditDialog,
    ItemAuditView,
    ask_officer_name,
)


class AuditFlow:
    """Mixed into MainWindow (which provides db, _action and the item tabs)."""

    def _build_audit(self, edit_menu: QMenu, settings_menu: QMenu) -> None:
        window: Any = self
        self.audit_action = window._action(self.tr("Change &log…"), "Ctrl+Shift+L", self.show_audit)  # type: ignore[attr-defined]
        edit_menu.addAction(self.audit_action)
        self.officer_action = window._action(self.tr("&Officer name…"), None, self.edit_officer_name)  # type: ignore[attr-defined]
        settings_menu.addAction(self.officer_action)
        self.item_audit = ItemAuditView(window.db)
        window.item_tabs.addTab(self.item_audit, self.tr("Changes"))  # type: ignore[attr-defined]

    def show_audit(self) -> AuditDialog:
        """Edit → Change log…: every change, filtered by person, dates and record (a window of its own)."""
        window: Any = self
        dialog = AuditDialog(window.db, window)
        dialog.show()
        return dialog

    def edit_officer_name(self) -> bool:
        """Settings → Officer name…: the name recorded with each change made at this computer account."""
        window: Any = self
        return ask_officer_name(window, window.db)

    def _load_history(self, item_id: int | None) -> None:
        """The item panel's history tabs follow the current item."""
        window: Any = self
        window.item_history.load(item_id)
        self.item_audit.load(item_id)
