"""What the import tests check against: the source's text read by an independent reader
(docx2python parses the XML itself), and the text a design holds."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from docx2python import docx2python

from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Assessment
from roledesigner.importing.blocks import Paragraph
from roledesigner.importing.headings import Phrasebook, normalise, phrasebook
from roledesigner.importing.importer import ImportResult
from roledesigner.importing.personspec import methods, read_key
from roledesigner.importing.placements import STRUCTURE, Placement, Target
from roledesigner.importing.values import contract, hours

#: The list markers docx2python writes before numbered and bulleted paragraphs ("1)\t", "--\t").
_LIST_MARKER = re.compile(r"^(?:\(?[0-9a-zA-Z]{1,4}[.)]|(?:foot|end)note\d+\)|--|•|-|\*)\t")


def _flatten(nested: Any) -> Iterator[str]:
    if isinstance(nested, str):
        yield nested
    else:
        for item in nested:
            yield from _flatten(item)


def one_line(text: str) -> str:
    return " ".join(text.split())


def source_pieces(data: bytes) -> list[str]:
    """Every paragraph of the body, the tables, the headers, the footers and the notes, as docx2python reads them."""
    with docx2python(io.BytesIO(data)) as extracted:
        parts = [
            *_flatten(extracted.header),
            *_flatten(extracted.body),
            *_flatten(extracted.footer),
            *_flatten(extracted.footnotes),
            *_flatten(extracted.endnotes),
        ]
    pieces = [one_line(_LIST_MARKER.sub("", part)) for part in parts]
    return list(dict.fromkeys(piece for piece in pieces if piece))


def design_text(design: RoleDesign) -> str:
    """Every piece of text the design holds, one per line, whitespace made single spaces."""
    texts = [
        design.title,
        design.grade,
        design.employer,
        design.directorate,
        design.job_reference,
        design.location,
        *design.reports_to,
        *design.accountable_to,
        *design.purpose.split("\n\n"),
        *design.system_context.split("\n\n"),
        *design.stability.split("\n\n"),
        *(r.text for r in design.responsibilities),
        *(r.name for r in design.relationships),
        *(c.text for c in design.criteria),
        *(u.text for u in design.unmapped),
        # Each dimension is held whole: pieces moved there are joined with "; ", and a piece may
        # itself begin or end with that separator, so splitting it again could not give it back.
        design.dimensions.budget,
        design.dimensions.staff_managed,
        design.dimensions.decisions,
    ]
    return "\n".join(one_line(text) for text in texts if text.strip())


def held_as_value(placement: Placement, design: RoleDesign) -> bool:
    """Hours and the kind of contract are held as values, not text: wholly understood, and equal."""
    if placement.target is Target.HOURS:
        value, left_over = hours(placement.text)
        return not left_over and value == design.time.contracted_hours_per_week
    if placement.target is Target.CONTRACT:
        kind, left_over = contract(placement.text)
        return not left_over and kind is design.contract
    if placement.target in (Target.REPORTS_TO, Target.ACCOUNTABLE_TO):  # "A; B" is two names
        names = design.reports_to if placement.target is Target.REPORTS_TO else design.accountable_to
        return all(one_line(name) in names for name in placement.text.split(";"))
    return False


def _known_heading(text: str, book: Phrasebook, kept_under: set[str]) -> bool:
    words = book.vocabulary.criteria
    return (
        book.section(text) is not None
        or book.category(text) is not None
        or book.is_one_of(text, words.essential + words.desirable)
        or book.says_system_work(text)  # a sub-heading that makes the duties under it system work
        or one_line(text) in kept_under  # an unknown heading: the text under it is kept with it
    )


def _known_label(text: str, book: Phrasebook) -> bool:
    words = book.vocabulary.criteria
    header_words = words.criterion + words.category + words.essential + words.desirable + words.requirement
    return (
        book.label(text.rstrip(":")) is not None
        or book.is_one_of(text, header_words + words.assessed + book.vocabulary.relationship_headers)
        or normalise(text) in book.methods
        or book.category(text) is not None
    )


def _known_marker(text: str, book: Phrasebook, keys: dict[str, Assessment]) -> bool:
    words = book.vocabulary.criteria
    if book.is_one_of(text, words.ticks + words.essential + words.desirable):
        return True
    found, unknown = methods(text, book, keys)
    return bool(found) and not unknown


def known_structure(placement: Placement, result: ImportResult) -> bool:
    """Whether a piece read as structure is one the import knows the words of: a heading in the
    vocabulary (or one whose text is kept with what stood under it), a label, a tick, a letter,
    a method of assessment, the key to the letters, a page number. Anything else read as structure
    would be a piece of the source the design has lost."""
    book = phrasebook()
    text = placement.source_text
    if placement.target is Target.HEADING:
        kept_under = {one_line(u.heading) for u in result.design.unmapped}
        return _known_heading(text, book, kept_under)
    if placement.target is Target.LABEL:
        return _known_label(text, book)
    if placement.target is Target.MARKER:
        row = placement.source.rsplit(", column", 1)[0] + ", column"
        if not any(p.target is Target.CRITERION and p.source.startswith(row) for p in result.placements):
            return False  # a tick or method read into no criterion
        keys: dict[str, Assessment] = {}
        for paragraph in result.source.body:
            found = read_key(paragraph.line, book) if isinstance(paragraph, Paragraph) else None
            keys.update(found or {})
        return _known_marker(text, book, keys)
    if placement.target is Target.KEY:
        return read_key(one_line(text), book) is not None
    if placement.target is Target.PAGE:
        return book.is_page_furniture(text)
    return False


def accounted(result: ImportResult, piece: str) -> bool:
    """Whether one piece of the source is in the design: as it is, or read as structure whose words
    the import knows (a heading, a label, a tick or letter, the key to letters, a page number), or
    through the values its placements carry (a `Label: value` line's value, hours, a contract,
    several dimensions)."""
    held = design_text(result.design)
    if piece in held.splitlines() or piece in held:
        return True
    placements = [p for p in result.placements if one_line(p.source_text) == piece]
    if not placements:
        return False
    return all(
        known_structure(p, result)
        if p.target in STRUCTURE
        else one_line(p.text) in held or held_as_value(p, result.design)
        for p in placements
    )


def unaccounted(result: ImportResult, data: bytes) -> list[str]:
    """The source's pieces of text (as docx2python reads them) that are not in the design."""
    return [piece for piece in source_pieces(data) if not accounted(result, piece)]
