"""Names of installations read off the screen when an officer decides to trust a sender: the characters that
hide a difference (bidi controls, zero-width), and letters of other scripts drawn like Latin ones."""

from __future__ import annotations

import unicodedata
from typing import Final

from desktop_app.domain.text import ZERO_WIDTH, unit_key

NAME_CONTROLS: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                                 "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c")
"""Characters refused in the name of an installation: the bidi embeddings, overrides and isolates (which
reorder what is shown) and the zero-width ones (which hide a difference): a name is read off the screen when the
officer decides to trust it."""
_LOOKALIKES: Final = str.maketrans({
    # Cyrillic letters drawn like Latin ones (lower case: the key is folded to lower case first)
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "і": "i", "ї": "i", "ј": "j", "к": "k", "м": "m", "н": "h",
    "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "һ": "h", "ӏ": "l", "ь": "b", "г": "r", "ꙇ": "i",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ω": "w", "μ": "u",
    # Latin letters drawn like others
    "ı": "i", "ȷ": "j", "ð": "đ", "ɗ": "đ", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ʋ": "u",
})
_LOOKALIKE_FROM: Final = frozenset(chr(c) for c in _LOOKALIKES)


def hidden_name_characters(name: str) -> list[str]:
    """The bidi controls and zero-width characters of name, as U+XXXX (none: the name can be shown)."""
    return [f"U+{ord(ch):04X}" for ch in dict.fromkeys(name) if ch in NAME_CONTROLS]


def lookalike_key(name: str) -> str:
    """A name's key with look-alike letters folded together: NFKC (full-width and compatibility forms), then
    Cyrillic and Greek letters drawn like Latin ones mapped to them (marks kept: «Hồng» with a Cyrillic «о»
    gives the key of «Hồng»), then unit_key. Two names with the same key look the same on screen."""
    text = unicodedata.normalize("NFKC", name.translate(ZERO_WIDTH))
    text = unicodedata.normalize("NFD", text).lower().translate(_LOOKALIKES)
    return unit_key(unicodedata.normalize("NFC", text))


def mixes_lookalikes(name: str) -> bool:
    """Whether name mixes Latin letters with Cyrillic or Greek letters drawn like them («Xã Nаm Hồng» with a
    Cyrillic «а»): a name written in one script only is not suspect."""
    letters = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", name)).lower()
    if not any(ch in _LOOKALIKE_FROM and not ch.isascii() and ord(ch) >= 0x370 for ch in letters):
        return False
    return any("a" <= ch <= "z" for ch in letters)
