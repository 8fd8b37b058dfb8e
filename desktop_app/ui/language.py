"""The language of the window: Vietnamese (the translation in resources/translations) or the English source
strings, chosen in Settings and kept in QSettings; the messages of errors follow."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.messages import LANGUAGES
from desktop_app.messages import set_language as messages_language
from desktop_app.paths import resource_path

_translator: QTranslator | None = None


def set_language(app: QApplication, language: str) -> None:
    """Show the UI in Vietnamese ("vi", the default) or in the English source strings ("en"); the messages of
    errors follow (desktop_app.messages)."""
    global _translator
    messages_language(language if language in LANGUAGES else "vi")
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if language == "vi":
        translator = QTranslator(app)
        if translator.load(str(resource_path("translations", "vi.qm"))):
            app.installTranslator(translator)
            _translator = translator
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def saved_language() -> str:
    """The language chosen in Settings (Vietnamese unless English was chosen)."""
    value = str(QSettings().value("ui/language", "vi"))
    return value if value in LANGUAGES else "vi"
