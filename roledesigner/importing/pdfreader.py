"""A PDF job description as paragraphs and tables, best effort, with pypdf (pure Python).

A PDF holds positioned pieces of text, not paragraphs. pypdf hands each piece over with its
position, font and size; the pieces are gathered into lines, lines into paragraphs (a new one at
a wider gap, a change of font size or weight, a bullet or a typed number), and runs of lines
with text in several columns into tables. Sizes and weights give the headings. Lines repeated at
the top or foot of every page are the page header and footer. What this cannot understand still
becomes text: the mapping keeps it, unmapped, never drops it.
"""

from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roledesigner.importing import refusals
from roledesigner.importing.blocks import Block, Cell, Paragraph, Part, SourceDocument, Table, tidy, typed_marker

#: A gap between pieces on a line wider than this many font sizes starts a new column.
_COLUMN_GAP = 1.2
#: A gap between lines taller than this many font sizes starts a new paragraph.
_PARAGRAPH_GAP = 1.55
#: The share of the page's height at the top and foot where headers and footers sit.
_MARGIN = 0.1
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_WIDTH = 0.5  # an average character's width, in font sizes: enough to tell a column gap from a space


@dataclass
class _Piece:
    x: float
    y: float
    text: str
    size: float
    bold: bool


@dataclass
class _Line:
    y: float
    size: float
    bold: bool
    segments: list[tuple[float, str]]
    page: int
    number: int

    @property
    def text(self) -> str:
        return "   ".join(text for _x, text in self.segments)

    @property
    def x(self) -> float:
        return self.segments[0][0]


def _pieces(page: Any) -> list[_Piece]:
    found: list[_Piece] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or not text.strip():
            return
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        scale = math.hypot(tm[1], tm[3]) * math.hypot(cm[1], cm[3]) or 1.0
        name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""
        for number, part in enumerate(text.split("\n")):
            if part.strip():
                found.append(
                    _Piece(
                        x, y - number * size * scale * 1.2, part, abs(size * scale) or 10.0, bool(_BOLD.search(name))
                    )
                )

    page.extract_text(visitor_text=visit)
    return found


def _lines(pieces: list[_Piece], page: int) -> list[_Line]:
    """Pieces at one height make a line; pieces far apart on it are separate columns."""
    rows: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x)):
        if rows and abs(rows[-1][0].y - piece.y) <= 0.4 * max(piece.size, rows[-1][0].size):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda p: p.x)
        segments: list[tuple[float, str]] = []
        end = -1e9
        for piece in row:
            gap = piece.x - end
            if segments and gap < _COLUMN_GAP * piece.size:
                x, text = segments[-1]
                joiner = "" if text.endswith(" ") or gap < 0.15 * piece.size else " "
                segments[-1] = (x, text + joiner + piece.text)
            else:
                segments.append((piece.x, piece.text))
            end = piece.x + len(piece.text) * piece.size * _WIDTH
        sizes: Counter[float] = Counter()
        for piece in row:
            sizes[round(piece.size, 1)] += len(piece.text)
        size = sizes.most_common(1)[0][0]
        bold = all(p.bold for p in row)
        segments = [(x, tidy(text)) for x, text in segments if tidy(text)]
        if segments:
            lines.append(_Line(row[0].y, size, bold, segments, page, len(lines) + 1))
    return lines


@dataclass
class _Builder:
    body_size: float
    #: Sizes larger than the body's, largest first: the first is a heading of level 1, and so on.
    heading_sizes: list[float]
    blocks: list[Block] = field(default_factory=list)
    tables: int = 0

    def level(self, line: _Line) -> int | None:
        if line.size >= 1.8 * self.body_size:
            return 0
        if line.size in self.heading_sizes:
            return 1 + self.heading_sizes.index(line.size)
        return None

    def paragraph(self, lines: list[_Line]) -> Paragraph:
        first = lines[0]
        text = " ".join(line.text for line in lines)
        marker, kind, rest = typed_marker(text)
        letters = [c for c in rest if c.isalpha()]
        return Paragraph(
            text=rest,
            source=f"page {first.page}, line {first.number}",
            heading_level=self.level(first),
            list_kind=kind,
            marker=marker,
            bold=all(line.bold for line in lines),
            caps=len(letters) >= 3 and all(c.isupper() for c in letters),
        )

    def new_paragraph(self, previous: _Line, line: _Line) -> bool:
        gap = previous.y - line.y
        return (
            gap > _PARAGRAPH_GAP * max(line.size, previous.size)
            or abs(line.size - previous.size) > 0.5
            or line.bold != previous.bold
            or bool(typed_marker(line.text)[0])
            or line.x < previous.x - 2  # back from a hanging indent: the next item
        )

    def add_text(self, lines: list[_Line]) -> None:
        group: list[_Line] = []
        for line in lines:
            if group and self.new_paragraph(group[-1], line):
                self.blocks.append(self.paragraph(group))
                group = []
            group.append(line)
        if group:
            self.blocks.append(self.paragraph(group))

    @staticmethod
    def _starts_row(previous: dict[int, list[str]], cells: dict[int, str], is_band: Any) -> bool:
        """A line begins a new row, rather than continuing the cells of the one above, when it
        starts the first column with a capital, or puts text under a tick or a letter, or is a
        band across the table (a category)."""
        if len(cells) == 1 and 0 in cells:
            return bool(cells[0][:1].isupper()) and bool(is_band(cells[0]))
        if 0 in cells and cells[0][:1].isupper():
            return True
        return any(column in previous and _short(previous[column]) for column in cells)

    def add_table(self, lines: list[_Line], book_says_band: Any) -> None:
        starts = sorted({round(x) for line in lines if len(line.segments) > 1 for x, _t in line.segments})
        columns: list[float] = []
        for x in starts:
            if not columns or x - columns[-1] > 12:
                columns.append(x)

        def column_of(x: float) -> int:
            return min(range(len(columns)), key=lambda i: abs(columns[i] - x))

        rows: list[dict[int, list[str]]] = []
        first = lines[0]
        for line in lines:
            cells = {column_of(x): text for x, text in line.segments}
            if not rows or self._starts_row(rows[-1], cells, book_says_band):
                rows.append({c: [t] for c, t in cells.items()})
            else:
                for c, t in cells.items():
                    rows[-1].setdefault(c, []).append(t)
        self.tables += 1
        source = f"page {first.page}, table {self.tables}"
        built: list[tuple[Cell, ...]] = []
        for number, row in enumerate(rows):
            where = f"{source}, row {number + 1}"
            placed: list[Cell] = []
            ordered = sorted(row)
            for index, column in enumerate(ordered):
                span = (ordered[index + 1] if index + 1 < len(ordered) else len(columns)) - column
                span = span if len(ordered) == 1 else 1
                text = " ".join(row[column])
                marker, kind, rest = typed_marker(text)
                paragraph = Paragraph(rest, f"{where}, column {column + 1}", list_kind=kind, marker=marker)
                placed.append(Cell(column, (paragraph,), span))
            built.append(tuple(placed))
        self.blocks.append(Table(tuple(built), source, len(columns)))


def _short(texts: list[str]) -> bool:
    """A tick or a letter (E, D, A/I): never wrapped, so text below it in its column is a new row."""
    return len(" ".join(texts)) <= 3


def _is_tabular(line: _Line) -> bool:
    return len(line.segments) > 1 and not typed_marker(line.segments[0][1] + " x")[0]


def _split(lines: list[_Line], is_band: Any) -> Iterator[tuple[bool, list[_Line]]]:
    """Runs of ordinary lines and of table lines (a line in columns, and what continues its cells).

    A line on its own continues a table when it is close below it (or starts the next page) and
    is not a new sentence at the table's left edge: that is a paragraph after the table.
    """
    run: list[_Line] = []
    tabular = False
    left = 0.0
    for line in lines:
        is_table = _is_tabular(line)
        continues = False
        if tabular and not is_table:
            previous = run[-1]
            close = line.page != previous.page or previous.y - line.y <= _PARAGRAPH_GAP * line.size
            at_left = abs(line.x - left) < 3
            new_sentence = at_left and line.text[:1].isupper() and not is_band(line.text)
            continues = close and not new_sentence
        if is_table or continues:
            if not tabular and run:
                yield False, run
                run = []
            if not tabular:
                left = line.x
            tabular = True
        elif tabular:
            yield True, run
            run, tabular = [], False
        run.append(line)
    if run:
        yield tabular, run


def _furniture(pages: list[list[_Line]], heights: list[float]) -> tuple[set[str], set[str]]:
    """Texts repeated in the top or foot margin of more than one page: the header and footer."""
    top: Counter[str] = Counter()
    foot: Counter[str] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        seen_top = {re.sub(r"\d+", "#", line.text) for line in lines if line.y > height * (1 - _MARGIN)}
        seen_foot = {re.sub(r"\d+", "#", line.text) for line in lines if line.y < height * _MARGIN}
        top.update(seen_top)
        foot.update(seen_foot)
    return {t for t, n in top.items() if n > 1}, {t for t, n in foot.items() if n > 1}


def read_pdf(path: Path, data: bytes) -> SourceDocument:
    """The PDF's text as blocks; ImportRefused for a protected, damaged or scanned file."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd files are not the user's concern
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs restrict printing with an owner password only
            except (DependencyError, NotImplementedError, PdfReadError) as error:
                raise refusals.pdf_password(path) from error
            if not opened:
                raise refusals.pdf_password(path)
        pages = [
            (_lines(_pieces(page), number + 1), float(page.mediabox.height)) for number, page in enumerate(reader.pages)
        ]
    except refusals.ImportRefused:
        raise
    except RecursionError as error:
        raise refusals.pdf_damaged(path, "its structure nests too deeply to read") from error
    except Exception as error:
        raise refusals.pdf_damaged(path, "its contents cannot be read") from error
    if not any(lines for lines, _height in pages):
        if pages and _has_pictures(reader):
            raise refusals.pdf_scanned(path)
        raise refusals.pdf_blank(path) if pages else refusals.no_text(path)
    return _document(path, pages)


def _has_pictures(reader: Any) -> bool:
    """Whether any page draws a picture (an image, or a form that holds one): a scan does, a blank page not."""

    def holds_image(resources: Any, depth: int) -> bool:
        try:
            objects = resources.get_object().get("/XObject") if resources is not None else None
            for item in (objects.get_object() if objects is not None else {}).values():
                found = item.get_object()
                subtype = found.get("/Subtype")
                if subtype == "/Image":
                    return True
                if subtype == "/Form" and depth < 3 and holds_image(found.get("/Resources"), depth + 1):
                    return True
        except Exception:  # noqa: BLE001 - an odd resource dictionary: take it for a picture, the likelier case
            return True
        return False

    return any(holds_image(page.get("/Resources"), 0) for page in reader.pages)


def _document(path: Path, pages: list[tuple[list[_Line], float]]) -> SourceDocument:
    from roledesigner.importing.headings import phrasebook

    book = phrasebook()
    header, footer = _furniture([lines for lines, _h in pages], [h for _l, h in pages])
    document = SourceDocument(path, "pdf", pages=len(pages))
    body: list[_Line] = []
    seen: set[str] = set()
    for lines, height in pages:
        for line in lines:
            shape = re.sub(r"\d+", "#", line.text)
            in_top, in_foot = line.y > height * (1 - _MARGIN), line.y < height * _MARGIN
            if (in_top and shape in header) or (in_foot and shape in footer):
                if line.text not in seen:
                    seen.add(line.text)
                    part: Part = "header" if in_top else "footer"
                    target = document.headers if in_top else document.footers
                    target.append(Paragraph(line.text, f"page {part}", part=part))
                continue
            body.append(line)
    sizes: Counter[float] = Counter()
    for line in body:
        sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    larger = {size for size in sizes if 1.15 * body_size <= size < 1.8 * body_size}
    builder = _Builder(body_size, sorted(larger, reverse=True))

    def is_band(text: str) -> bool:
        return book.category(text) is not None or book.section(text) is not None

    for tabular, run in _split(body, is_band):
        if tabular:
            builder.add_table(run, is_band)
        else:
            builder.add_text(run)
    document.body = builder.blocks
    return document
