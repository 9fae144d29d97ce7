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
from xml.sax.saxutils import escape as xml_escape

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm

from roledesigner.documents.templatebuild import HEADER_FILL, set_language
from roledesigner.documents.viewmodel import clean
from roledesigner.documents.word import (
    TemplateError,
    _adopt_core_properties,
    _each_part_once,
    check_package,
    read_template,
)

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


def open_template(path: Path) -> Any:
    """The template as a python-docx document with an empty body; TemplateError in one sentence.

    A template may come from a shared drive, so it is read once, within a size cap, and its
    package is checked before python-docx unpacks it."""
    data = read_template(path)  # the job specification's caps and sentences
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(path, archive)
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
    """Adds the pack's parts to a document in the template's own styles.

    The parts are written as WordprocessingML text and parsed once, by `done()`: python-docx
    builds each element through several look-ups, which made a board post's pack three times
    slower than the job specification. Text is cleaned and escaped on its way in.
    """

    def __init__(self, document: Any) -> None:
        self.document = document
        #: Style name to id, looked up once: python-docx searches every style on each look-up by name.
        self._ids = {style.name: style.style_id for style in document.styles}
        self._parts: list[str] = []

    def style(self, name: str, fallback: str = "Normal") -> str | None:
        """The id of the named style, else of `fallback`, else None (the document's default)."""
        return self._ids.get(name) or self._ids.get(fallback)

    def heading(self, text: str, level: int) -> None:
        self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def paragraph(self, text: str = "", style: str = "Normal", lead: str = "") -> None:
        """A paragraph; `lead` is a bold opening ("Question 1. ") before the text."""
        runs = (_run(lead, bold=True) if lead else "") + (_run(text) if text else "")
        self._parts.append(_paragraph(runs, self.style(style) if style != "Normal" else None))

    def lead_in(self, text: str) -> None:
        """A line that introduces a list and stays on its page ("A strong answer shows:")."""
        self.paragraph(text, "Lead-in")

    def bullets(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.paragraph(line, "List Bullet")

    def page_break(self) -> None:
        self._parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        row_height: float | None = None,
        bold_first_column: bool = False,
        total_row: bool = False,
    ) -> None:
        """A table of fixed column widths (cm) whose first row is a header row that repeats on every
        page; rows never split across pages; no merged cells. `total_row`: the last row, in bold."""
        twips = [Cm(width).twips for width in widths]
        style_id = self.style("Table Grid", "")
        parts = [
            "<w:tbl><w:tblPr>",
            f'<w:tblStyle w:val="{_attribute(style_id)}"/>' if style_id else "",
            f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="left"/><w:tblLayout w:type="fixed"/>',
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{width}"/>' for width in twips),
            "</w:tblGrid>",
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
            *(_cell(text, width, bold=True, fill=HEADER_FILL) for text, width in zip(headers, twips, strict=True)),
            "</w:tr>",
        ]
        height = f'<w:trHeight w:val="{Cm(row_height).twips}" w:hRule="atLeast"/>' if row_height else ""
        for number, values in enumerate(rows, start=1):
            bold_row = total_row and number == len(rows)
            parts.append(f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>")
            for index, (text, width) in enumerate(zip(values, twips, strict=True)):
                parts.append(_cell(text, width, bold=bold_row or (bold_first_column and index == 0)))
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self._parts.append("".join(parts))
        self.paragraph()  # Word needs a paragraph between two tables, or it joins them

    def done(self) -> None:
        """Parse what was written, once, and put it in the body before the last section's set-up."""
        if not self._parts:
            return
        body = self.document.element.body
        written = parse_xml(f'<w:body xmlns:w="{_W}">{"".join(self._parts)}</w:body>')
        anchor = body.find(qn("w:sectPr"))
        for child in list(written):
            if anchor is not None:
                anchor.addprevious(child)
            else:
                body.append(child)
        self._parts = []


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_UNSPACED = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _text(value: str) -> str:
    """Clean (`viewmodel.clean`), on one line, and escaped for XML."""
    return xml_escape(clean(value).translate(_UNSPACED))


def _attribute(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


def _run(text: str, *, bold: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{_text(text)}</w:t></w:r>'


def _paragraph(runs: str, style_id: str | None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{_attribute(style_id)}"/></w:pPr>' if style_id else ""
    return f"<w:p>{properties}{runs}</w:p>"


def _cell(text: str, width: int, *, bold: bool = False, fill: str = "") -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    runs = _run(text, bold=bold) if text else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr><w:p>{runs}</w:p></w:tc>'


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
