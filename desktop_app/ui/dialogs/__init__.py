"""Dialogs and windows opened from the controllers."""
