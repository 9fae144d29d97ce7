"""What a PDF laid out by Qt lacks for a screen reader and a long read: its language, its title
shown by the viewer, and its headings as bookmarks. Qt-free: pypdf, after Qt has written the file.

Qt's PDF writer sets the title but not the catalogue's `/Lang`, and writes no outline. Here the
finished PDF gets an incremental update (read with pypdf) with `/Lang`, `/ViewerPreferences
/DisplayDocTitle true` and an outline of the headings (a heading of a deeper level is a bookmark
under the one before it), each pointing at the page its first line was laid out on. The headings
are read from Qt's laid-out document, whose objects are passed in and only their methods called,
as in `pagegeometry`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

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
    """The PDF with its language, its title shown by the viewer, and bookmarks for `headings`.

    Written as an incremental update: the catalogue again with the new entries, the outline's
    objects, and a cross-reference section for them, after Qt's file unchanged. Copying the
    whole file object by object (pypdf's writer) took a tenth of the interview pack's export.
    """
    reader = PdfReader(io.BytesIO(data))
    root_ref = reader.trailer.raw_get("/Root")
    trailer_in: Any = reader.trailer
    catalogue = DictionaryObject(trailer_in["/Root"].get_object())
    pages = _page_refs(reader)
    size = int(trailer_in["/Size"])
    objects: dict[int, Any] = {}
    catalogue[NameObject("/Lang")] = TextStringObject(language)
    catalogue[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
    marks = [heading for heading in headings if heading.level <= DEEPEST]
    if marks:
        outline = size
        items = list(range(size + 1, size + 1 + len(marks)))
        objects.update(_outline(marks, outline, items, pages))
        catalogue[NameObject("/Outlines")] = IndirectObject(outline, 0, None)
        catalogue[NameObject("/PageMode")] = NameObject("/UseOutlines")
        size = items[-1] + 1
    objects[root_ref.idnum] = catalogue
    out = io.BytesIO()
    out.write(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode())
        objects[number].write_to_stream(out)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n")
    for first, run in _runs(sorted(offsets)):
        out.write(f"{first} {len(run)}\n".encode())
        out.writelines(f"{offsets[number]:010d} 00000 n \n".encode() for number in run)
    trailer = DictionaryObject(
        {
            NameObject("/Size"): NumberObject(size),
            NameObject("/Root"): root_ref,
            NameObject("/Prev"): NumberObject(_last_xref(data)),
        }
    )
    for key in ("/Info", "/ID"):
        if key in reader.trailer:
            trailer[NameObject(key)] = reader.trailer.raw_get(key)
    out.write(b"trailer\n")
    trailer.write_to_stream(out)
    out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _page_refs(reader: PdfReader) -> list[Any]:
    """The pages' object references, in order, read from the page tree without reading the pages."""
    found: list[Any] = []

    def walk(node: Any) -> None:
        for kid in node["/Kids"]:
            child = kid.get_object()
            if child.get("/Type") == "/Pages":
                walk(child)
            else:
                found.append(kid)

    trailer: Any = reader.trailer
    walk(trailer["/Root"]["/Pages"])
    return found


def _outline(marks: list[PdfHeading], outline: int, items: list[int], pages: list[Any]) -> dict[int, Any]:
    """The outline's objects by number: a heading of a deeper level is a bookmark under the one before it."""
    children: dict[int, list[int]] = {outline: []}
    parent_of: dict[int, int] = {}
    parents: list[tuple[int, int]] = []  # the open bookmarks (level, object), shallowest first
    for heading, number in zip(marks, items, strict=True):
        while parents and parents[-1][0] >= heading.level:
            parents.pop()
        parent = parents[-1][1] if parents else outline
        parent_of[number] = parent
        children[parent].append(number)
        children[number] = []
        parents.append((heading.level, number))

    def ref(number: int) -> IndirectObject:
        return IndirectObject(number, 0, None)

    def descendants(number: int) -> int:
        return sum(1 + descendants(child) for child in children[number])

    objects: dict[int, Any] = {}
    for number, kids in children.items():
        entry = DictionaryObject()
        if kids:
            entry[NameObject("/First")] = ref(kids[0])
            entry[NameObject("/Last")] = ref(kids[-1])
            entry[NameObject("/Count")] = NumberObject(descendants(number))  # open: all shown
        objects[number] = entry
    objects[outline][NameObject("/Type")] = NameObject("/Outlines")
    for heading, number in zip(marks, items, strict=True):
        entry = objects[number]
        siblings = children[parent_of[number]]
        place = siblings.index(number)
        entry[NameObject("/Title")] = TextStringObject(heading.text)
        entry[NameObject("/Parent")] = ref(parent_of[number])
        if place:
            entry[NameObject("/Prev")] = ref(siblings[place - 1])
        if place + 1 < len(siblings):
            entry[NameObject("/Next")] = ref(siblings[place + 1])
        page = pages[min(heading.page, len(pages) - 1)]
        entry[NameObject("/Dest")] = ArrayObject([page, NameObject("/Fit")])
    return objects


def _runs(numbers: list[int]) -> list[tuple[int, list[int]]]:
    """Sorted object numbers as runs of consecutive ones, each a subsection of the cross-reference table."""
    runs: list[tuple[int, list[int]]] = []
    for number in numbers:
        if runs and runs[-1][1][-1] + 1 == number:
            runs[-1][1].append(number)
        else:
            runs.append((number, [number]))
    return runs


def _last_xref(data: bytes) -> int:
    """Where the file's last cross-reference section starts (its `startxref`)."""
    tail = data[data.rindex(b"startxref") + len(b"startxref") :]
    return int(tail.split()[0])
