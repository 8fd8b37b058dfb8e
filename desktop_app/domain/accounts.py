"""The roles of an account of the optional sign-in (accounts.role); its password rules: domain.passwords."""

from __future__ import annotations

from enum import StrEnum


class AccountRole(StrEnum):
    """An administrator edits the plan, the units, merges and restores; a unit officer records progress for
    their own unit's items."""

    ADMIN = "admin"
    UNIT_OFFICER = "unit_officer"
