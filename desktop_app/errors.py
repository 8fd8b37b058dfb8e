"""Typed errors with a Vietnamese message and the place they concern; the UI and CLI decide how to show them."""

from __future__ import annotations


class AppError(Exception):
    """An error the user can understand: a Vietnamese message, optionally the file and place it concerns."""

    def __init__(self, message: str, *, file: str | None = None, place: str | None = None) -> None:
        self.message = message
        self.file = file
        self.place = place
        super().__init__(self.full_message())

    def full_message(self) -> str:
        """The message with the file name and place prefixed when known."""
        where = []
        if self.file:
            where.append(f"Tệp «{self.file}»")
        if self.place:
            where.append(self.place)
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class FileRefused(AppError):
    """A file that cannot be imported (broken, hostile, empty, or without an appendix table)."""


class DuplicateImport(AppError):
    """The same file (same SHA-256) was already imported."""

    def __init__(self, message: str, *, file: str | None = None, existing_plan_id: int) -> None:
        self.existing_plan_id = existing_plan_id
        super().__init__(message, file=file)


class NotFound(AppError):
    """A record asked for by id does not exist."""


class InvalidValue(AppError):
    """A value given by the user is not acceptable."""


class WriteFailed(AppError):
    """A file could not be written (full disk, removed USB stick, no permission, file open elsewhere); nothing
    half-written is left behind."""


class NotAllowed(AppError):
    """The signed-in account may not do this (sign-in is required and the role or unit does not allow it); the
    message names the account, the action and the reason."""
