"""Output for a terminal: characters that would drive it (escape sequences, controls) shown, not sent.

Designs and library entries come from shared drives, so their text is not trusted to be only
text. Everything the command line prints goes through one filter, `visible`: newlines and tabs
stay; other C0 controls, DEL, C1 controls (U+0080 to U+009F), bidirectional embeddings,
overrides and isolates, and lone surrogates (from file names in no known encoding) become a
visible `\\uXXXX`. In JSON output that is the JSON escape for the same character, so the data
read back is unchanged; in text it shows what was there without obeying it.
"""

from __future__ import annotations

import io
import re
import sys
from typing import TextIO, cast

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str) -> str:
    """`text` with every character that could drive a terminal written as a visible escape."""
    return _UNSAFE.sub(_escape, text)


class VisibleText(io.TextIOBase):
    """A text stream that passes everything written to it through `visible` on its way to `stream`."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        shown = visible(text)
        try:
            self.stream.write(shown)
        except UnicodeEncodeError:  # a console or file in a narrower encoding, such as cp1252 on Windows
            encoding = self.stream.encoding or "ascii"
            self.stream.write(shown.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding


def visible_streams() -> tuple[TextIO | None, TextIO | None]:
    """Filter sys.stdout and sys.stderr through `visible`; returns the streams to put back afterwards."""
    before = (sys.stdout, sys.stderr)
    if sys.stdout is not None:
        sys.stdout = cast(TextIO, VisibleText(sys.stdout))
    if sys.stderr is not None:
        sys.stderr = cast(TextIO, VisibleText(sys.stderr))
    return before


def unfiltered(stream: TextIO) -> TextIO:
    """The stream under the filter, for the command line's own control output (a progress line's return)."""
    return stream.stream if isinstance(stream, VisibleText) else stream
