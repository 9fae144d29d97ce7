"""From the blocks of a job description to placements: every paragraph and cell goes somewhere.

The walk keeps the section it is in (set by the last heading the vocabulary knows) and places
each block by what that section is for: job details to their fields, the purpose to the purpose,
duties to responsibilities (system ones when their heading or their words say so), relationships
to relationships, person specification tables to criteria. Whatever has no field (dimensions,
standard clauses, a section the vocabulary does not know, a lead-in sentence) is kept, under its
heading, as unmapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement
from roledesigner.importing.blocks import Paragraph, SourceDocument, Table
from roledesigner.importing.headings import Heading, Phrasebook, heading, phrasebook
from roledesigner.importing.jobdetails import is_details_table, label_line, page_part, read_details_table
from roledesigner.importing.personspec import read_key, read_person_spec
from roledesigner.importing.placements import STRUCTURE, CriterionFacts, Placement, Target
from roledesigner.importing.values import system_time

#: A section a heading starts that the vocabulary does not know: its text is kept unmapped.
UNKNOWN = "unknown"
#: The longest line read as a working relationship (a name, not a sentence about people).
_RELATIONSHIP_WORDS = 15
#: The longest line read as a person specification criterion outside a table.
_CRITERION_WORDS = 40
_PROSE = {"purpose": Target.PURPOSE, "system_context": Target.SYSTEM_CONTEXT, "stability": Target.STABILITY}
#: Sections whose own sub-headings stay inside them.
_DIMENSIONS = {"budget": Target.BUDGET, "staff_managed": Target.STAFF_MANAGED, "decisions": Target.DECISIONS}
_SENTENCES = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
_LABELLED = re.compile(r"^(?P<label>[^:]{2,40}):\s*(?P<value>\S.*)$")
_HOLDS_SUBHEADINGS = frozenset({"responsibilities", "system_responsibilities", "relationships", "person_spec"})


@dataclass
class _Walk:
    book: Phrasebook
    keys: dict[str, dict[str, Assessment]]
    placed: list[Placement] = field(default_factory=list)
    section: str | None = None
    heading: str = ""
    level: int = 0
    subheading_is_system: bool = False
    category: CriterionCategory | None = None
    requirement: Requirement | None = None
    #: Index of an unknown heading's placement, kept unmapped if nothing follows it.
    pending: int | None = None

    # --- placing ---------------------------------------------------------------------------------

    def put(self, placement: Placement) -> None:
        if placement.target not in STRUCTURE:
            self.pending = None
            found = system_time(placement.text or placement.source_text)
            if found is not None:
                placement = replace(placement, system_time=found)
        self.placed.append(placement)

    def keep(self, paragraph: Paragraph, reason: str = "") -> None:
        text = paragraph.original
        self.put(Placement(Target.UNMAPPED, text, text, paragraph.source, self.heading, reason=reason))

    def structure(self, paragraph: Paragraph, target: Target, reason: str) -> None:
        self.placed.append(Placement(target, "", paragraph.original, paragraph.source, self.heading, reason=reason))

    def settle_pending(self) -> None:
        """An unknown heading with nothing under it is kept itself, so its words are not lost."""
        if self.pending is not None:
            item = self.placed[self.pending]
            self.placed[self.pending] = replace(
                item,
                target=Target.UNMAPPED,
                text=item.source_text,
                heading="",
                reason="a heading with nothing under it",
            )
            self.pending = None

    def has(self, target: Target) -> bool:
        return any(p.target is target for p in self.placed)

    # --- headings ----------------------------------------------------------------------------------

    def on_heading(self, found: Heading, paragraph: Paragraph) -> None:
        text = found.text
        if self.section == "person_spec" and self._spec_heading(paragraph):
            return
        if found.level == 0 and found.key is None:
            self.settle_pending()
            target = Target.TITLE if not self.has(Target.TITLE) else Target.UNMAPPED
            self.put(Placement(target, text, paragraph.original, paragraph.source, "", reason="the document's title"))
            self.section, self.heading, self.level = None, "", 0
            return
        if found.key == "system_responsibilities" and self._inside(found, "responsibilities"):
            self.subheading_is_system = True
            self.structure(paragraph, Target.HEADING, "a heading of system duties")
            return
        if found.key is not None:
            self.settle_pending()
            document = found.key == "document"  # "Job description": the details may follow
            self.section = None if document else found.key
            self.heading, self.level = ("", 0) if document else (text, found.level)
            self.subheading_is_system = found.key == "system_responsibilities"
            self.category = self.requirement = None
            self.structure(paragraph, Target.HEADING, "a heading the import knows")
            return
        if self.section is None and not self.heading and self._front_matter(paragraph):
            return
        if self.section in _HOLDS_SUBHEADINGS and self._inside(found, str(self.section)):
            self.subheading_is_system = self.book.says_system_work(text)
            if self.subheading_is_system:
                self.structure(paragraph, Target.HEADING, "a sub-heading of system duties")
            else:
                self.keep(paragraph, "a sub-heading within the section")
            return
        self.settle_pending()
        self.section, self.heading, self.level = UNKNOWN, text, found.level
        self.pending = len(self.placed)
        self.structure(paragraph, Target.HEADING, "a heading the import does not know: its text is kept under it")

    def _inside(self, found: Heading, section: str) -> bool:
        current = self.section or ""
        same_family = current.endswith("responsibilities") if section.endswith("responsibilities") else True
        return bool(current) and same_family and found.level > self.level

    def _front_matter(self, paragraph: Paragraph) -> bool:
        """Before any heading: the employer's name, then the title, as HR teams head a description."""
        text = paragraph.original
        if self.book.names_organisation(text) and not self.has(Target.EMPLOYER):
            self.put(Placement(Target.EMPLOYER, text, text, paragraph.source, "", reason="an organisation's name"))
            return True
        if not self.has(Target.TITLE):
            self.put(Placement(Target.TITLE, text, text, paragraph.source, "", reason="the first heading"))
            return True
        return False

    def _spec_heading(self, paragraph: Paragraph) -> bool:
        """A category or "Essential" / "Desirable" heading inside a person specification written as lists."""
        text = paragraph.line
        words = self.book.vocabulary.criteria
        category = self.book.category(text)
        if category is not None:
            self.category = category
            self.structure(paragraph, Target.HEADING, "a category of the person specification")
            return True
        for phrases, requirement in (
            (words.essential, Requirement.ESSENTIAL),
            (words.desirable, Requirement.DESIRABLE),
        ):
            if self.book.is_one_of(text, phrases):
                self.requirement = requirement
                self.structure(paragraph, Target.HEADING, "essential or desirable criteria follow")
                return True
        return False

    # --- paragraphs --------------------------------------------------------------------------------

    def on_paragraph(self, paragraph: Paragraph) -> None:
        if paragraph.source in self.keys:
            self.structure(paragraph, Target.KEY, "the key to the letters in the person specification")
            return
        section = self.section
        if section in (None, "details"):
            found = label_line(paragraph, self.book, self.heading)
            if found is not None:
                self.put(found)
            elif section is None and self.book.names_organisation(paragraph.line) and not self.has(Target.EMPLOYER):
                text = paragraph.original
                self.put(Placement(Target.EMPLOYER, text, text, paragraph.source, "", reason="an organisation's name"))
            else:
                self.keep(paragraph)
        elif section in _PROSE:
            self._text(paragraph, _PROSE[section], "text of the section")
        elif section in ("responsibilities", "system_responsibilities"):
            if paragraph.list_kind is None and paragraph.line.endswith(":"):
                self.keep(paragraph, "a sentence that leads into a list")
                return
            system = self.subheading_is_system or self.book.says_system_work(paragraph.line)
            target = Target.SYSTEM_RESPONSIBILITY if system else Target.RESPONSIBILITY
            reason = "a duty of system work" if system else "a duty"
            self._text(paragraph, target, reason)
        elif section == "relationships":
            self._relationship(paragraph)
        elif section == "person_spec":
            self._criterion(paragraph)
        elif section == "dimensions":
            self._dimensions(paragraph)
        else:
            self.keep(paragraph, "a section with no field of its own")

    def _text(self, paragraph: Paragraph, target: Target, reason: str) -> None:
        text = paragraph.line
        self.put(Placement(target, text, paragraph.original, paragraph.source, self.heading, reason=reason))

    def _dimensions(self, paragraph: Paragraph) -> None:
        """`Budget: £2.4 million. Staff managed: twelve.`: each labelled sentence to its dimension;
        a paragraph with any sentence that is not one is kept whole."""
        found = []
        for sentence in _SENTENCES.split(paragraph.line):
            pair = _LABELLED.match(sentence)
            key = self.book.dimension(pair["label"]) if pair else None
            if pair is None or key is None:
                self.keep(paragraph, "dimensions the import cannot file under budget, staff or decisions")
                return
            found.append((_DIMENSIONS[key], pair["value"].strip(), pair["label"]))
        for target, value, label in found:
            reason = f"a '{label}' line of the dimensions"
            self.put(Placement(target, value, paragraph.original, paragraph.source, self.heading, reason=reason))

    def _relationship(self, paragraph: Paragraph) -> None:
        text = paragraph.line
        if paragraph.list_kind is None and (len(text.split()) > _RELATIONSHIP_WORDS or text.endswith(":")):
            self.keep(paragraph, "a sentence about relationships rather than a name")
            return
        sector = self.book.sector(text)
        self.put(
            Placement(
                Target.RELATIONSHIP,
                text.rstrip(";,."),
                paragraph.original,
                paragraph.source,
                self.heading,
                sector=sector,
                reason="a working relationship",
            )
        )

    def _criterion(self, paragraph: Paragraph) -> None:
        text = paragraph.line
        grouped = self.category is not None or self.requirement is not None
        if not grouped or len(text.split()) > _CRITERION_WORDS or text.endswith(":"):
            self.keep(paragraph, "a sentence in the person specification that is not a criterion")
            return
        facts = CriterionFacts(self.category or CriterionCategory.OTHER, self.requirement or Requirement.ESSENTIAL, ())
        self.put(
            Placement(
                Target.CRITERION,
                text,
                paragraph.original,
                paragraph.source,
                self.heading,
                criterion=facts,
                reason="a criterion under its heading",
            )
        )

    # --- tables ------------------------------------------------------------------------------------

    def on_table(self, table: Table) -> None:
        key: dict[str, Assessment] = {}
        for found in self.keys.values():
            key.update(found)
        spec = read_person_spec(table, self.book, key, self.heading)
        if spec is not None:
            for placement in spec:
                self.put(placement)
            return
        if is_details_table(table, self.book, under_details=self.section == "details"):
            for placement in read_details_table(table, self.book, self.heading):
                self.put(placement)
            return
        self._cells(table)

    def _cells(self, table: Table) -> None:
        """A table with no shape of its own: each cell by what its section is for, else kept."""
        section = self.section
        for row_index, row in enumerate(table.rows):
            header = row_index == 0 and len(table.rows) > 1 and all(c.bold or len(c.line.split()) <= 4 for c in row)
            for cell in row:
                if not cell.line or cell.continued:
                    continue
                where = table.where(row_index, cell)
                relationship_header = self.book.is_one_of(cell.line, self.book.vocabulary.relationship_headers)
                if section == "relationships" and relationship_header:
                    self.put(Placement(Target.LABEL, "", cell.line, where, self.heading, reason="a column's header"))
                    continue
                if section == "relationships" and header:  # a header in words the vocabulary does not know
                    reason = "a column's header the import does not know"
                    self.put(Placement(Target.UNMAPPED, cell.line, cell.line, where, self.heading, reason=reason))
                    continue
                if section in ("responsibilities", "system_responsibilities", "relationships") and not header:
                    for paragraph in cell.paragraphs:
                        self.on_paragraph(replace(paragraph, source=where))
                    continue
                self.put(Placement(Target.UNMAPPED, cell.line, cell.line, where, self.heading))


def _keys(document: SourceDocument, book: Phrasebook) -> dict[str, dict[str, Assessment]]:
    """Key lines ("Key: A = Application form, I = Interview"), by where they are."""
    found: dict[str, dict[str, Assessment]] = {}
    for block in document.body:
        if isinstance(block, Paragraph) and len(block.line) < 300:
            key = read_key(block.line, book)
            if key:
                found[block.source] = key
    return found


def map_document(document: SourceDocument, book: Phrasebook | None = None) -> list[Placement]:
    """One placement or more for every paragraph and cell of the document, in order."""
    book = book or phrasebook()
    walk = _Walk(book, _keys(document, book))
    for paragraph in document.headers:
        walk.put(page_part(paragraph, book))
    for block in document.body:
        if isinstance(block, Table):
            walk.on_table(block)
            continue
        found = heading(block, book)
        if found is not None:
            walk.on_heading(found, block)
        else:
            walk.on_paragraph(block)
    walk.settle_pending()
    for paragraph in document.footers:
        walk.put(page_part(paragraph, book))
    for paragraph in document.notes:
        text = paragraph.original
        walk.put(Placement(Target.UNMAPPED, text, text, paragraph.source, "Footnotes and endnotes"))
    return walk.placed
