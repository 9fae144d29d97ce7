"""Putting the author's words and the library's inside a finding's message, punctuated once.

A quoted sentence brings its own full stop; the message adds another after the closing quote,
and a reader sees `population.".`. `clip` trims a quotation for use inside a message,
`closing_quote` ends a message with one, and `tidy` makes sure every message ends with exactly
one mark, whatever text was put into it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from roledesigner.domain.findings import Finding

__all__ = ["clip", "closing_quote", "tidy"]

#: Punctuation that ends or pauses a quoted sentence; a message adds its own after the quote.
_TRAILING = re.compile(r"[\s.,;:]+$")
#: A final full stop after a mark that already ends the sentence, inside quotes or brackets or not.
_DOUBLED_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)\.$")
_ENDED = re.compile(r"[.!?…][\"'”’)\]]*$")


def clip(text: str, limit: int | None = None) -> str:
    """`text` on one line, cut at a word to `limit` characters with "…", without closing punctuation."""
    flat = " ".join(text.split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rsplit(" ", 1)[0]
        return _TRAILING.sub("", flat) + " …"
    return _TRAILING.sub("", flat)


def closing_quote(text: str, limit: int | None = None) -> str:
    """`text` quoted to end a message: its own question mark or "…" ends it, or else a full stop."""
    quoted = clip(text, limit)
    return f'"{quoted}"' + ("" if _ENDED.search(quoted) else ".")


def tidy(finding: Finding) -> Finding:
    """The finding with its message ending in one mark: no `."` followed by another full stop."""
    message = _DOUBLED_END.sub(r"\1", finding.message.rstrip())
    if message and not _ENDED.search(message):
        message += "."
    return finding if message == finding.message else replace(finding, message=message)
