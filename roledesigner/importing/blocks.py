"""The neutral model both readers produce: a job description as paragraphs and tables, in order.

The Word reader and the PDF reader each turn their file into a `SourceDocument`, so headings,
job details, the person specification and the mapping to a design are written once for both.
Every block says where it came from ("paragraph 12", "table 2, row 3, column 1"), so what an
import could not place can be found again in the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

ListKind = Literal["bullet", "number"]
Part = Literal["body", "header", "footer", "note"]

#: A number typed at the start of a paragraph: "1.", "1)", "2.3.", "(a)", "a)", "iv." followed by
#: a tab or spaces, or "2.3" followed by a capital letter (so "37.5 hours" is not a number typed as
#: a list marker). The number is kept as the marker; the text after it is the paragraph's.
_TYPED_NUMBER = re.compile(
    r"^\s*(?P<marker>\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)]"
    r"|\d{1,2}(?:\.\d{1,2})+(?=\s+[A-Z(]))(?:\t|\s+)(?P<rest>\S.*)$",
    re.DOTALL,
)
#: A bullet typed at the start: "•", "·", "-", "–", "▪", "■", "○", "o", "*", "", "✓".
_TYPED_BULLET = re.compile(r"^\s*(?P<marker>[•·▪■□○◦●‣⁃\-–—*\uf0b7\uf0a7]|o(?=\t))\s*(?P<rest>\S.*)$", re.DOTALL)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def tidy(text: str) -> str:
    """One line of text as a person reads it: runs of spaces and tabs made one space."""
    return " ".join(_SPACES.sub(" ", text).split())


def typed_marker(text: str) -> tuple[str, ListKind | None, str]:
    """A number or bullet typed by hand at the start: (marker, kind, the rest), or ("", None, text)."""
    bullet = _TYPED_BULLET.match(text)
    if bullet:
        return bullet["marker"], "bullet", bullet["rest"]
    number = _TYPED_NUMBER.match(text)
    if number:
        return number["marker"], "number", number["rest"]
    return "", None, text


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its text (any typed number or bullet taken off into `marker`) and its look."""

    text: str
    source: str
    style: str = ""
    #: 0 for a title, 1 to 9 for Word's heading levels (a heading style or an outline level).
    heading_level: int | None = None
    #: From Word's numbering (the paragraph's or its style's), a list style, or a typed marker.
    list_kind: ListKind | None = None
    list_level: int = 0
    marker: str = ""
    bold: bool = False
    caps: bool = False
    part: Part = "body"

    @property
    def line(self) -> str:
        """The text on one line, tabs made spaces."""
        return tidy(self.text)

    @property
    def original(self) -> str:
        """The text as the source shows it, with any typed number or bullet."""
        return tidy(f"{self.marker} {self.text}") if self.marker else self.line


@dataclass(frozen=True)
class Cell:
    """One cell of a table's grid, merges resolved.

    A cell merged across columns (`gridSpan`) appears once, at its first column, with `span`; a
    cell merged down rows (`vMerge`) appears in each row it covers, the later ones `continued`
    (their text is the first one's, not new text).
    """

    column: int
    paragraphs: tuple[Paragraph, ...]
    span: int = 1
    continued: bool = False

    @property
    def text(self) -> str:
        return "\n".join(p.line for p in self.paragraphs)

    @property
    def line(self) -> str:
        return tidy(" ".join(p.original for p in self.paragraphs))

    @property
    def bold(self) -> bool:
        return bool(self.paragraphs) and all(p.bold for p in self.paragraphs)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Cell, ...], ...]
    #: "table 2": rows and columns are counted from 1 after it.
    source: str
    columns: int

    def cell_at(self, row: int, column: int) -> Cell | None:
        """The cell covering grid `column` of `row`, if any."""
        for cell in self.rows[row]:
            if cell.column <= column < cell.column + cell.span:
                return cell
        return None

    def where(self, row: int, cell: Cell) -> str:
        return f"{self.source}, row {row + 1}, column {cell.column + 1}"


Block = Paragraph | Table


@dataclass
class SourceDocument:
    path: Path
    kind: Literal["docx", "pdf"]
    body: list[Block] = field(default_factory=list)
    headers: list[Paragraph] = field(default_factory=list)
    footers: list[Paragraph] = field(default_factory=list)
    #: Footnotes and endnotes, in order.
    notes: list[Paragraph] = field(default_factory=list)
    pages: int | None = None

    def all_text(self) -> list[str]:
        """Every piece of text, once, in order: what nothing of the import may lose."""
        texts = [p.original for p in [*self.headers, *self.footers, *self.notes]]
        for block in self.body:
            if isinstance(block, Paragraph):
                texts.append(block.original)
            else:
                texts += [cell.line for row in block.rows for cell in row if not cell.continued]
        return [text for text in texts if text]

    @property
    def characters(self) -> int:
        return sum(len(text) for text in self.all_text())
