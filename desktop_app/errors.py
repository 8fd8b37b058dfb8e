"""Typed errors with a coded message (desktop_app.messages) and the file and place they concern; the UI and CLI
decide how to show them, in the language chosen (Vietnamese unless the GUI was switched to English)."""

from __future__ import annotations

from typing import Any

from desktop_app.messages import Message

RESERVED = frozenset({"file", "place"})
"""Keyword arguments an error takes for itself: no message argument may have these names."""


class AppError(Exception):
    """An error the user can understand: a message by its code and arguments, optionally the file and place it
    concerns. `raise InvalidValue("progress.value_negative")`, `raise NotFound("plan.not_found", plan_id=3)`.

    code: the message's code in resources/translations/messages.json, or a Message (a nested or composed one,
    or a Verbatim text already translated); args: the arguments of its template. file: the file's name (a
    messages.Named for what stands in for a file: the clipboard); place: a Message (or, for data, a str) saying
    where in the file."""

    def __init__(self, code: str | Message, /, *, file: str | None = None, place: Message | str | None = None,
                 **args: Any) -> None:
        if isinstance(code, Message):
            if args:
                raise TypeError("arguments go into the Message, not beside it")
            self.coded = code
        else:
            self.coded = Message(code, **args)
        self.file = file
        self.place = place
        super().__init__(self.coded.code)

    @property
    def code(self) -> str:
        """The message's code ("" for a composed or verbatim message)."""
        return self.coded.code

    @property
    def params(self) -> dict[str, Any]:
        """The message's arguments (named params: Exception.args is the exception's own)."""
        return self.coded.args

    @property
    def message(self) -> str:
        """The message alone, in the current language."""
        return self.coded.render()

    def full_message(self, language: str | None = None) -> str:
        """The message with the file name and place prefixed when known, in language (the current one)."""
        where = []
        if self.file:
            where.append(Message("error.in_file", name=self.file).render(language))
        if self.place:
            where.append(self.place.render(language) if isinstance(self.place, Message) else self.place)
        prefix = ", ".join(where)
        text = self.coded.render(language)
        return f"{prefix}: {text}" if prefix else text

    def __str__(self) -> str:
        return self.full_message()

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its attributes, whatever the subclass's own keyword arguments (a pickled error).
        return _rebuild, (type(self), self.__dict__)


def _rebuild(cls: type[AppError], state: dict[str, Any]) -> AppError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error.coded.code)
    return error


class FileRefused(AppError):
    """A file that cannot be imported (broken, hostile, empty, or without an appendix table)."""


class DuplicateImport(AppError):
    """The same file (same SHA-256) was already imported."""

    def __init__(self, code: str | Message, /, *, file: str | None = None, existing_plan_id: int,
                 **args: Any) -> None:
        self.existing_plan_id = existing_plan_id
        super().__init__(code, file=file, **args)


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


class DatabaseBusy(AppError):
    """Another copy of the program held the database's write lock for longer than the busy timeout; nothing was
    written (the window tries again a few times before saying so)."""


class DatabaseUnwritable(AppError):
    """The database cannot be written: the disk is full, the file or its folder is read-only, or the disk
    failed; nothing was written."""


class DatabaseMissing(AppError):
    """The database file is gone or was replaced by another file (deleted while the program ran, or missing at
    start while backups of it exist); nothing is written and no empty file is made in its place."""
