"""Make text taken from a library file safe to show in a warning.

Warnings go to terminals, log files and the app's message boxes. A hostile or damaged file could
otherwise recolour or clear a terminal, retitle its window, or reorder what a reader sees (with
bidirectional controls), so every character that is not plainly visible is shown as an escape
(`\\u001b`, `\\u202e`) instead, and anything quoted from a file is cut short.
"""

from __future__ import annotations

import unicodedata

#: Unicode categories that draw nothing by themselves: controls, formatting (bidirectional marks,
#: zero-width characters), line and paragraph separators, surrogates, private use, unassigned.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
#: The longest piece of a file a warning quotes.
QUOTE_LIMIT = 80


def _escape(char: str) -> str:
    """`\\u001b`, the form the command line's own filter (cli/terminal.py) writes too."""
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str) -> str:
    """The text with every hidden character written as an escape; ordinary text is unchanged."""
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(_escape(char) if unicodedata.category(char) in _HIDDEN else char for char in text)


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value from a file, made visible and cut to `limit` characters with an ellipsis."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return visible(text)
