"""Writing a pack into its Word template with python-docx: no Jinja, only the template's named styles.

A pack's template (`templates/interview_pack.docx`, `templates/shortlisting.docx`) holds styles,
page set-up and a header and footer, never code: its body is cleared and the pack written with
its Title, Heading, List Bullet, Lead-in and Table Grid styles (Normal where a restyled template
lacks one). The header and footer may hold the markers `[organisation]`, `[logo]` and
`[document]`, filled in here. Every text is cleaned (`viewmodel.clean`) on its way in, and the
finishing touches the job specification gets are made here too: document properties, en-GB in
the style defaults, header rows that repeat, alt text on the logo.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Cm

from roledesigner.documents.templatebuild import HEADER_FILL, _repeat_header, _shade, _widths, set_language
from roledesigner.documents.viewmodel import clean
from roledesigner.documents.word import TemplateError, _adopt_core_properties, _each_part_once

#: Bounds on a template read from a shared drive: real templates are a few hundred kilobytes.
MAX_TEMPLATE_BYTES = 32 * 1024 * 1024
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
MAX_PARTS = 2000
MARKERS = ("[organisation]", "[logo]", "[document]")
_MARKER = re.compile("|".join(re.escape(marker) for marker in MARKERS))
_STORIES = ("header", "first_page_header", "even_page_header", "footer", "first_page_footer", "even_page_footer")
_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


@dataclass(frozen=True)
class Properties:
    """What File > Properties shows, and what a screen reader announces first."""

    title: str
    subject: str
    author: str
    keywords: list[str]
    comments: str


def _bounded(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a package that would unpack to far more than a template needs (a zip bomb), by its
    declared sizes, which Python's zipfile never lets an entry exceed."""
    entries = archive.infolist()
    if len(entries) > MAX_PARTS or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise TemplateError(f"The Word template {path} unpacks to more than a template can hold, so it was not opened.")
    archive.getinfo("word/document.xml")


def open_template(path: Path) -> Any:
    """The template as a python-docx document with an empty body; TemplateError in one sentence.

    A template may come from a shared drive, so it is read once, within a size cap, and its
    package is checked before python-docx unpacks it."""
    if not path.is_file():
        raise TemplateError(f"The Word template {path} does not exist.")
    try:
        with path.open("rb") as file:
            data = file.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise TemplateError(f"The Word template {path} could not be read ({error.strerror or error}).") from error
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"The Word template {path} is larger than 32 MB, too large for a template.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _bounded(path, archive)
        document = Document(io.BytesIO(data))
    except TemplateError:
        raise
    except Exception as error:
        raise TemplateError(f"The Word template {path} is not a Word (.docx) file.") from error
    _adopt_core_properties(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # the last section's page set-up stays
            body.remove(child)
    return document


class Writer:
    """Adds the pack's parts to a document in the template's own styles."""

    def __init__(self, document: Any) -> None:
        self.document = document
        #: Style name to id, looked up once: python-docx searches every style on each look-up by name.
        self._ids = {style.name: style.style_id for style in document.styles}

    def style(self, name: str, fallback: str = "Normal") -> str | None:
        """The id of the named style, else of `fallback`, else None (the document's default)."""
        return self._ids.get(name) or self._ids.get(fallback)

    def heading(self, text: str, level: int) -> None:
        self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def paragraph(self, text: str = "", style: str = "Normal", lead: str = "") -> Any:
        """A paragraph; `lead` is a bold opening ("Question 1. ") before the text."""
        paragraph = self.document.add_paragraph()
        style_id = self.style(style)
        if style_id and style != "Normal":
            paragraph._p.style = style_id
        if lead:
            paragraph.add_run(clean(lead)).bold = True
        if text:
            paragraph.add_run(clean(text))
        return paragraph

    def lead_in(self, text: str) -> None:
        """A line that introduces a list and stays on its page ("A strong answer shows:")."""
        self.paragraph(text, "Lead-in")

    def bullets(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.paragraph(line, "List Bullet")

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        row_height: float | None = None,
        bold_first_column: bool = False,
        total_row: bool = False,
    ) -> Any:
        """A table whose first row is a header row that repeats on every page; no merged cells.

        `total_row`: the last row is a total, in bold."""
        table = self.document.add_table(rows=1 + len(rows), cols=len(headers))
        style_id = self.style("Table Grid", "")
        if style_id:
            table._tbl.tblPr.style = style_id
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].add_run(clean(text)).bold = True
            _shade(cell, HEADER_FILL)
        last = len(rows)
        for number, (row, values) in enumerate(zip(table.rows[1:], rows, strict=True), start=1):
            bold_row = total_row and number == last
            for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                if text:
                    cell.paragraphs[0].add_run(clean(text)).bold = bold_row or (bold_first_column and index == 0)
            if row_height is not None:
                row.height = Cm(row_height)
                row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        _widths(table, list(widths))
        _repeat_header(table)
        self.paragraph()  # Word needs a paragraph between two tables, or it joins them
        return table


def _stories(document: Any) -> Iterator[Any]:
    """Every header and footer the template defines (first-page and even-page ones too)."""
    seen: set[int] = set()
    for section in document.sections:
        for name in (
            "header",
            "first_page_header",
            "even_page_header",
            "footer",
            "first_page_footer",
            "even_page_footer",
        ):
            story = getattr(section, name)
            if story.is_linked_to_previous or id(story.part) in seen:
                continue
            seen.add(id(story.part))
            yield story


def _paragraphs(story: Any) -> Iterator[Any]:
    yield from story.paragraphs
    for table in story.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def fill_markers(document: Any, values: dict[str, str], logo: bytes | None, logo_text: str) -> None:
    """Put the organisation, logo and document name where the template's header and footer ask."""
    for story in _stories(document):
        for paragraph in _paragraphs(story):
            text = paragraph.text
            if not any(marker in text for marker in MARKERS):
                continue
            runs = paragraph.runs
            if not any(marker in run.text for run in runs for marker in MARKERS):  # a marker split over runs
                runs[0].text, runs = text, runs[:1]
                for extra in paragraph.runs[1:]:
                    extra._r.getparent().remove(extra._r)
            for run in runs:
                has_logo = "[logo]" in run.text
                # One pass, so a marker inside a value (a title holding "[organisation]") stays as typed.
                run.text = _MARKER.sub(lambda found: clean(values.get(found.group(0), "")), run.text)
                if has_logo and logo:
                    run.add_picture(io.BytesIO(logo), height=Cm(1.4))
        for picture in story._element.iter(_DOCPR):
            picture.set("descr", logo_text)


def finish(document: Any, properties: Properties) -> bytes:
    """Set what a restyled template cannot lose, and the file's bytes (each part once)."""
    core = document.core_properties
    core.title = clean(properties.title)
    core.subject = clean(properties.subject)
    core.author = clean(properties.author)
    core.keywords = clean(", ".join(properties.keywords))
    core.comments = clean(properties.comments)
    core.language = "en-GB"
    exported = dt.datetime.now(dt.UTC).replace(microsecond=0)
    core.created = exported
    core.modified = exported
    core.last_modified_by = clean(properties.author)
    set_language(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return bytes(_each_part_once(buffer.getvalue()))
