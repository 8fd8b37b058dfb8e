"""Coded messages for the user: services, io and db name a message by its code and arguments
(Message("package.empty")), and the text is looked up here, in Vietnamese or English, only when it is shown.

The texts live in resources/translations/messages.json: {code: {"vi": "...", "en": "..."}}, each a str.format
template over the message's arguments. Besides the usual format specifications, a template may use:

- ``{n:count}``: an integer with the thousands separator of the language (20.000 / 20,000);
- ``{n:size}``: a byte count as "12,5 MB" / "12.5 MB", "2 GB", "340 byte" / "340 bytes";
- ``{n:mb}``: a byte count in whole MB ("101 MB"), or in bytes below 1 MB;
- ``{text:lcfirst}``: the argument with its first letter in lower case (a sentence continued after a colon).

An argument may itself be a Message (rendered in the same language), e.g. a reason inside a refusal, or a
Named str (shown as its message).

The language is Vietnamese unless set_language("en") was called (the GUI does when its English UI is chosen;
the command line never does). Pure Python: no Qt here, so services, io and db can use it.
"""

from __future__ import annotations

import json
import logging
import string
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
CATALOGUE = ("translations", "messages.json")

_language = DEFAULT_LANGUAGE
_log = logging.getLogger(__name__)

_MB, _GB = 1 << 20, 1 << 30


def set_language(language: str) -> None:
    """Render messages in language ("vi" or "en"; anything else means Vietnamese)."""
    global _language
    _language = language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    """The language messages are rendered in when none is given."""
    return _language


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """Every message: code → {language → template}, read once from the resources (empty when the file cannot
    be read: messages then show their codes, and the self-test says so)."""
    from desktop_app.paths import resource_path

    try:
        with resource_path(*CATALOGUE).open(encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        _log.exception("the messages cannot be read from %s", resource_path(*CATALOGUE))
        return {}


def _count(n: int, language: str) -> str:
    text = f"{n:,}"
    return text.replace(",", ".") if language == "vi" else text


def _size(n: int, language: str) -> str:
    for unit, name in ((_GB, "GB"), (_MB, "MB")):
        if n >= unit:
            text = f"{n / unit:.1f} {name}".replace(".0 ", " ")
            return text.replace(".", ",") if language == "vi" else text
    return f"{n} byte" if language == "vi" or n == 1 else f"{n} bytes"


def _mb(n: int, language: str) -> str:
    if n >= _MB:
        return f"{n / _MB:.0f} MB"
    return f"{n} byte" if language == "vi" or n == 1 else f"{n} bytes"


class Named(str):
    """A name that is data (the str itself: kept, compared) but that messages show in their own language: the
    clipboard standing in for a file's name."""

    message: Message

    def __new__(cls, text: str, message: Message) -> Named:
        named = super().__new__(cls, text)
        named.message = message
        return named


class _Formatter(string.Formatter):
    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Named):
            value = value.message
        if isinstance(value, Message):
            value = value.render(self.language)
        if format_spec == "count":
            return _count(value, self.language)
        if format_spec == "size":
            return _size(value, self.language)
        if format_spec == "mb":
            return _mb(value, self.language)
        if format_spec == "lcfirst":
            text = str(value)
            return text[:1].lower() + text[1:]
        return format(value, format_spec)


class Message:
    """A message by its code and arguments, rendered in the current language when shown (str(), render())."""

    __slots__ = ("code", "args")

    def __init__(self, code: str, /, **args: Any) -> None:
        self.code = code
        self.args = args

    def render(self, language: str | None = None) -> str:
        """The text in language (the current one by default); a code missing from the catalogue is shown as is."""
        language = language or _language
        entry = catalogue().get(self.code)
        if entry is None:
            _log.warning("message %r is not in the catalogue", self.code)
            return self.code
        template = entry.get(language) or entry[DEFAULT_LANGUAGE]
        try:
            return _Formatter(language).vformat(template, (), self.args)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            _log.warning("message %r cannot be filled with %r", self.code, self.args, exc_info=True)
            return template

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.args.items())
        return f"{type(self).__name__}({self.code!r}{args})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and type(other) is type(self) \
            and (self.code, self.args) == (other.code, other.args)

    def __hash__(self) -> int:
        return hash((type(self), self.code))


class Verbatim(Message):
    """A text shown as it is in every language: already translated (a Qt tr() text) or data (a system's words)."""

    __slots__ = ()

    def __init__(self, text: str) -> None:
        super().__init__("", text=text)

    def render(self, language: str | None = None) -> str:
        return str(self.args["text"])

    def __repr__(self) -> str:
        return f"Verbatim({self.args['text']!r})"


class Joined(Message):
    """Several parts (messages or plain texts) rendered in the same language and joined by sep."""

    __slots__ = ()

    def __init__(self, parts: Iterable[Message | str], sep: str = "") -> None:
        super().__init__("", parts=tuple(parts), sep=sep)

    def render(self, language: str | None = None) -> str:
        language = language or _language
        return self.args["sep"].join(p.render(language) if isinstance(p, Message) else str(p)
                                     for p in self.args["parts"])

    def __repr__(self) -> str:
        return f"Joined({list(self.args['parts'])!r}, {self.args['sep']!r})"


def text(code: str, language: str | None = None, /, **args: Any) -> str:
    """The text of a message in language (the current one by default)."""
    return Message(code, **args).render(language)
