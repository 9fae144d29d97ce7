"""What a PDF laid out by Qt lacks for a screen reader and a long read: its language, its title
shown by the viewer, and its headings as bookmarks. Qt-free: pypdf, after Qt has written the file.

Qt's PDF writer sets the title but not the catalogue's `/Lang`, and writes no outline. Here the
finished PDF is copied by pypdf with `/Lang`, `/ViewerPreferences /DisplayDocTitle true` and an
outline of the headings (a heading of a deeper level is a bookmark under the one before it),
each pointing at the page its first line was laid out on. The headings are read from Qt's laid-out
document, whose objects are passed in and only their methods called, as in `pagegeometry`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfWriter
from pypdf.generic import BooleanObject, NameObject, TextStringObject

from roledesigner.documents.pagegeometry import page_of

#: Headings deeper than this are not bookmarks: the outline stays a list of sections and areas.
DEEPEST = 3


@dataclass(frozen=True)
class PdfHeading:
    level: int
    text: str
    #: From 0.
    page: int


def laid_out_headings(document: Any, page_height: float) -> list[PdfHeading]:
    """Each heading (h1 to h6) of a laid-out QTextDocument, with the page its first line is on."""
    layout = document.documentLayout()
    found = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        text = " ".join(block.text().split())
        if level > 0 and text:
            top = layout.blockBoundingRect(block).top()
            text_layout = block.layout()
            if text_layout is not None and text_layout.lineCount() > 0:
                top += text_layout.lineAt(0).y()
            found.append(PdfHeading(level, text, page_of(top, page_height)))
        block = block.next()
    return found


def mark_pdf(data: bytes, headings: list[PdfHeading], language: str) -> bytes:
    """The PDF with its language, its title shown by the viewer, and bookmarks for `headings`."""
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    writer.create_viewer_preferences()[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    parents: list[tuple[int, Any]] = []  # the open bookmarks, shallowest first
    pages = len(writer.pages)
    for heading in headings:
        if heading.level > DEEPEST:
            continue
        while parents and parents[-1][0] >= heading.level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        item = writer.add_outline_item(title=heading.text, page_number=min(heading.page, pages - 1), parent=parent)
        parents.append((heading.level, item))
    if headings:
        writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
