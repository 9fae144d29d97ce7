"""A mark ("Draft: not yet reviewed") at the top of every page header of a Word file, whatever its template.

The bundled template prints `{{ spec.draft_mark }}` in its header, but a team's own template may
not, and the packs' templates have no Jinja at all: a document exported while its review has
errors must say so on every page however it was styled (issue 18). So after rendering, each
header a page can show (the default one, the first page's when the section has one, the even
pages' when the document has them) that does not already show the mark gets it as its first
paragraph: bold and red, as the bundled template prints it.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from roledesigner.documents.templatebuild import RED

#: The mark's size: the bundled template's, 12 points.
MARK_HALF_POINTS = 24


def header_text(element: Any) -> str:
    """The text of a header part, its paragraphs joined by spaces."""
    paragraphs = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p")))
    return " ".join(" ".join(paragraphs).split())


def _see_rendered_parts(document: Any) -> None:
    """Point python-docx's look-up of parts by link at the parts the links now hold.

    docxtpl renders a header into a new part and relinks it (`rel._target`), but python-docx
    keeps its own map of links to parts, which `section.header` reads: without this, a change
    made through it would go to the unrendered part, which is no longer saved.
    """
    rels = document.part.rels
    for rId, rel in rels.items():
        if not rel.is_external:
            rels._target_parts_by_rId[rId] = rel.target_part  # python-docx has no public way to refresh it


def _headers(document: Any) -> list[Any]:
    """Every header a page of the document can show, made where a page would otherwise show none."""
    _see_rendered_parts(document)
    even_pages = document.settings.odd_and_even_pages_header_footer
    found = []
    for index, section in enumerate(document.sections):
        kinds = [section.header]
        if section.different_first_page_header_footer:
            kinds.append(section.first_page_header)
        if even_pages:
            kinds.append(section.even_page_header)
        for header in kinds:
            if header.is_linked_to_previous:
                if index:
                    continue  # the page shows the previous section's header, which is marked already
                header.is_linked_to_previous = False  # the first section has none: give it one
            found.append(header)
    return found


def _mark_paragraph(mark: str) -> Any:
    paragraph = OxmlElement("w:p")
    paragraph_properties = OxmlElement("w:pPr")
    alignment = OxmlElement("w:jc")
    alignment.set(qn("w:val"), "right")
    paragraph_properties.append(alignment)
    paragraph.append(paragraph_properties)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:b"))
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(RED))
    properties.append(colour)
    for name in ("w:sz", "w:szCs"):
        size = OxmlElement(name)
        size.set(qn("w:val"), str(MARK_HALF_POINTS))
        properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = mark
    run.append(text)
    paragraph.append(run)
    return paragraph


def mark_every_header(document: Any, mark: str) -> None:
    """Put `mark` first in every header of `document` (python-docx) that does not already show it."""
    for header in _headers(document):
        element = header._element  # the header part's w:hdr, rendered by docxtpl or not
        if mark not in header_text(element):
            element.insert(0, _mark_paragraph(mark))
