"""The shortlisting matrix as Word forms to print and fill in by hand, on A4 landscape.

A page or more for each shortlister (the criteria down the side, a column for each candidate,
ten candidates to a table so that the columns stay wide enough to write in), then a summary to
agree. Written into the style-only `templates/shortlisting.docx` (`wordparts`).
"""

from __future__ import annotations

from pathlib import Path

from roledesigner.documents.packs.rows import lower_first
from roledesigner.documents.packs.shortlisting import Shortlisting
from roledesigner.documents.packs.templatebuild import SHORTLISTING_TEMPLATE, template_path
from roledesigner.documents.packs.wordparts import Properties, Writer, fill_markers, finish, open_template
from roledesigner.documents.wordmark import mark_every_header

#: Centimetres between the margins of A4 landscape with 1.5 cm margins.
PAGE_WIDTH_CM = 26.7
CRITERION_WIDTHS_CM = [3.3, 8.5, 3.1]
CANDIDATES_A_TABLE = 10


def default_template() -> Path:
    return template_path(SHORTLISTING_TEMPLATE)


def _key(writer: Writer, matrix: Shortlisting) -> None:
    writer.heading("Scoring key", 1)
    writer.paragraph(f"The {lower_first(matrix.key.name)}, from {matrix.key_origin}.")
    if matrix.key.description:
        writer.paragraph(" ".join(matrix.key.description.split()))
    rows = [[str(level.score), level.label, " ".join(level.description.split())] for level in matrix.key.levels]
    writer.table(["Score", "Meaning", "What it means"], rows, [2.0, 4.0, 20.7], bold_first_column=True)


def _blocks(count: int) -> list[range]:
    return [range(start, min(start + CANDIDATES_A_TABLE, count)) for start in range(0, count, CANDIDATES_A_TABLE)]


def _sheet(writer: Writer, matrix: Shortlisting, number: int) -> None:
    if number > 1:
        writer.page_break()
    writer.heading(f"Shortlister {number}", 2)
    writer.table(["Detail", "Entry"], [["Shortlister's name", ""], ["Date", ""]], [6.0, 20.7], bold_first_column=True)
    flag = "Meets every essential criterion (yes or no)" if matrix.essentials else "No essential criteria"
    for block in _blocks(matrix.candidates):
        first, last = block[0] + 1, block[-1] + 1
        which = f"Candidates {first} to {last}" if last > first else f"Candidate {first}"
        writer.lead_in(f"{which} (numbered as in the summary):")
        width = (PAGE_WIDTH_CM - sum(CRITERION_WIDTHS_CM)) / len(block)
        headers = ["Area", "Criterion", "Essential or desirable", *(str(index + 1) for index in block)]
        blank = [""] * len(block)
        rows = [[c.area, c.text, c.requirement, *blank] for c in matrix.criteria]
        rows += [["", "Total score", "", *blank], ["", flag, "", *blank]]
        writer.table(headers, rows, [*CRITERION_WIDTHS_CM, *([width] * len(block))])


def _summary(writer: Writer, matrix: Shortlisting) -> None:
    writer.page_break()
    writer.heading("Summary", 1)
    writer.paragraph(
        "Fill this in together once every shortlister has scored every applicant. Where your views on an essential "
        "criterion differ, agree the score before deciding."
    )
    names = [f"Shortlister {n} total" for n in range(1, matrix.shortlisters + 1)]
    headers = ["Candidate", "Reference", *names, "Combined total", "Meets every essential criterion", "Decision"]
    fixed = [2.6, 4.5]
    rest = PAGE_WIDTH_CM - sum(fixed) - 4.0 - 5.0
    widths = [*fixed, *([rest / (len(names) + 1)] * (len(names) + 1)), 4.0, 5.0]
    rows = [[str(index), *([""] * (len(headers) - 1))] for index in range(1, matrix.candidates + 1)]
    writer.table(headers, rows, widths, row_height=1.0, bold_first_column=True)


def render_shortlisting_docx(
    matrix: Shortlisting, template: Path | None = None, logo_png: bytes | None = None, *, mark: str = ""
) -> bytes:
    """The forms as a Word file; `mark` ("Draft: not yet reviewed"), when given, heads every page's header."""
    document = open_template(template or default_template())
    writer = Writer(document)
    writer.heading(matrix.title, 0)
    writer.paragraph(matrix.subtitle, "Subtitle")
    writer.paragraph(f"Version {matrix.version} ({matrix.status.lower()}), {matrix.date}.")
    if matrix.empty:
        writer.paragraph(matrix.empty)
    else:
        writer.heading("How to shortlist", 1)
        for line in matrix.guidance():
            writer.paragraph(line)
        _key(writer, matrix)
        writer.heading("Criteria judged from the application", 1)
        rows = [[c.area, c.text, c.requirement] for c in matrix.criteria]
        writer.table(["Area", "Criterion", "Essential or desirable"], rows, [4.0, 18.2, 4.5])
        writer.page_break()
        writer.heading("Shortlisters' scoring sheets", 1)
        writer.paragraph(f"Score each criterion from the key ({', '.join(map(str, matrix.key.scores))}).")
        for number in range(1, matrix.shortlisters + 1):
            _sheet(writer, matrix, number)
        _summary(writer, matrix)
    writer.done()
    fill_markers(
        document,
        {"[organisation]": matrix.organisation, "[document]": f"{matrix.document_title}, version {matrix.version}"},
        logo_png,
        f"{matrix.organisation} logo" if matrix.organisation else "Organisation logo",
    )
    if mark:
        mark_every_header(document, mark)
    properties = Properties(
        title=matrix.document_title,
        subject="Shortlisting matrix",
        author=matrix.author,
        keywords=["shortlisting", "recruitment", matrix.title],
        comments=f"Version {matrix.version} ({matrix.status.lower()}), {matrix.date}",
    )
    return finish(document, properties)
