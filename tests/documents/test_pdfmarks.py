"""The PDF's language, viewer title and bookmarks, added after Qt has written the file (pdfmarks)."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from roledesigner.documents.pdfmarks import PdfHeading, mark_pdf


def _blank_pdf(pages: int) -> bytes:
    """A PDF of blank pages written as Qt writes one: objects one after another, then a cross-reference table."""
    kids = " ".join(f"{3 + page} 0 R" for page in range(pages))
    bodies = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [ {kids} ] /Count {pages} >>",
        *["<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 595 842 ] >>"] * pages,
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(bodies) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(bodies) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _tree(reader: PdfReader, items: list[Any]) -> list[Any]:
    """The outline as (title, page) pairs, a nested list for the bookmarks under the one before."""
    return [
        _tree(reader, item) if isinstance(item, list) else (item.title, reader.get_destination_page_number(item))
        for item in items
    ]


def test_marks_are_an_update_after_the_file_as_written() -> None:
    original = _blank_pdf(3)
    headings = [
        PdfHeading(1, "Interview pack", 0),
        PdfHeading(2, "About this pack", 0),
        PdfHeading(3, "1. Building relationships", 1),
        PdfHeading(4, "Too deep for a bookmark", 1),
        PdfHeading(3, "2. Gwasanaeth — ŵ ŷ", 2),
        PdfHeading(2, "Consensus record", 7),  # past the last page: the last page
    ]

    marked = mark_pdf(original, headings, "cy")

    assert marked.startswith(original)  # Qt's file unchanged, the marks added after it
    reader = PdfReader(io.BytesIO(marked))
    assert len(reader.pages) == 3
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "cy"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 - a BooleanObject
    assert reader.page_mode == "/UseOutlines"
    assert _tree(reader, reader.outline) == [
        ("Interview pack", 0),
        [
            ("About this pack", 0),
            [("1. Building relationships", 1), ("2. Gwasanaeth — ŵ ŷ", 2)],
            ("Consensus record", 2),
        ],
    ]


def test_no_headings_no_outline() -> None:
    marked = mark_pdf(_blank_pdf(1), [], "en-GB")

    reader = PdfReader(io.BytesIO(marked))
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert "/Outlines" not in root
    assert reader.outline == []
