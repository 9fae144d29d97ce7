"""The job identification block: title, grade, reporting lines, directorate, base, reference,
hours, contract and employer, from a two-column table, `Label: value` lines, or the lines of a
numbered "1. Job identification" section; and the page headers and footers, which often carry
the employer's name and the job reference.
"""

from __future__ import annotations

from roledesigner.importing.blocks import Paragraph, Table
from roledesigner.importing.headings import LabelKey, Phrasebook
from roledesigner.importing.placements import Placement, Target

LABEL_TARGETS: dict[LabelKey, Target] = {
    "title": Target.TITLE,
    "grade": Target.GRADE,
    "reports_to": Target.REPORTS_TO,
    "accountable_to": Target.ACCOUNTABLE_TO,
    "directorate": Target.DIRECTORATE,
    "location": Target.LOCATION,
    "job_reference": Target.JOB_REFERENCE,
    "hours": Target.HOURS,
    "contract": Target.CONTRACT,
    "employer": Target.EMPLOYER,
}


def label_line(paragraph: Paragraph, book: Phrasebook, heading: str) -> Placement | None:
    """A `Label: value` line with a label the vocabulary knows, as its value's placement."""
    found = book.label_line(paragraph.text)
    if found is None:
        return None
    key, label, value = found
    return Placement(
        LABEL_TARGETS[key], value, paragraph.original, paragraph.source, heading, reason=f"a '{label}' line"
    )


def _label_pairs(table: Table, book: Phrasebook) -> int:
    pairs = 0
    for row in table.rows:
        cells = [cell for cell in row if cell.line and not cell.continued]
        for index, cell in enumerate(cells[:-1]):
            if book.label(cell.line.rstrip(":")) is not None and book.section(cells[index + 1].line) is None:
                pairs += 1
    return pairs


def is_details_table(table: Table, book: Phrasebook, under_details: bool = False) -> bool:
    """Most rows hold a known label beside a value: at least two such pairs, or one when the table
    is a single row (`Job title | Care Navigator`, as a PDF reader often makes of a typed line) or
    sits under a job details heading."""
    pairs = _label_pairs(table, book)
    least = 1 if under_details or len(table.rows) == 1 else 2
    return pairs >= least and pairs * 2 >= len(table.rows)


def read_details_table(table: Table, book: Phrasebook, heading: str) -> list[Placement]:
    """Each label cell and the value beside it; any other cell is kept unmapped."""
    placed: list[Placement] = []
    for row_index, row in enumerate(table.rows):
        cells = [cell for cell in row if cell.line and not cell.continued]
        skip = False
        for index, cell in enumerate(cells):
            if skip:
                skip = False
                continue
            where = table.where(row_index, cell)
            key = book.label(cell.line.rstrip(":"))
            if key is not None and index + 1 < len(cells):
                value = cells[index + 1]
                placed.append(
                    Placement(Target.LABEL, "", cell.line, where, heading, reason="a label of the job details")
                )
                placed.append(
                    Placement(
                        LABEL_TARGETS[key],
                        value.text.replace("\n", "; ") if key in ("reports_to", "accountable_to") else value.line,
                        value.line,
                        table.where(row_index, value),
                        heading,
                        reason=f"beside '{cell.line}' in the job details",
                    )
                )
                skip = True
            else:
                placed.append(Placement(Target.UNMAPPED, cell.line, cell.line, where, heading))
    return placed


def page_part(paragraph: Paragraph, book: Phrasebook) -> Placement:
    """A line of a page header or footer: a job detail, the employer, a page number, or kept."""
    heading = "Page header" if paragraph.part == "header" else "Page footer"
    found = label_line(paragraph, book, heading)
    if found is not None:
        return found
    text = paragraph.original
    if book.is_page_furniture(text):
        return Placement(Target.PAGE, "", text, paragraph.source, heading, reason="a page number")
    if book.names_organisation(text) and len(text.split()) <= 10:
        return Placement(Target.EMPLOYER, text, text, paragraph.source, heading, reason="an organisation's name")
    return Placement(Target.UNMAPPED, text, text, paragraph.source, heading)
