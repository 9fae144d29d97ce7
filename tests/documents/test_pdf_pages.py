"""Page breaks in a PDF laid out by Qt (documents/pdf.py): a heading stays with the table under it."""

from __future__ import annotations

import io

from pypdf import PdfReader

from roledesigner.documents.pdf import render_html_pdf

FILLER = "A line of body text that fills the page, long enough to wrap once at the width of A4."


def _pages(html: str) -> list[str]:
    data = render_html_pdf(html, title="Pages", author="Tests", footer=lambda page, pages: f"Page {page} of {pages}")
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def _page_with(pages: list[str], text: str) -> int:
    return next(number for number, page in enumerate(pages) if text in page)


def test_a_heading_goes_with_a_table_moved_to_the_next_page() -> None:
    """Wherever the heading falls, it is on the page of the table's first row, and no page has the heading alone."""
    row = "<br>".join(f"Entry line {line}" for line in range(10))
    for lines in range(30, 90, 3):
        html = (
            "<html><body>"
            + "".join(f"<p>{FILLER}</p>" for _ in range(lines))
            + "<h2>Heading over the table</h2>"
            + '<table width="100%" border="1" cellspacing="0" cellpadding="5">'
            + "<thead><tr><th>Column</th></tr></thead>"
            + f"<tbody><tr><td>First row {row}</td></tr><tr><td>Second row</td></tr></tbody></table>"
            + "<p>After the table.</p></body></html>"
        )
        pages = _pages(html)
        heading = _page_with(pages, "Heading over the table")
        assert heading == _page_with(pages, "First row"), lines
        assert "Entry line 9" in pages[heading], lines  # the row whole on that page
