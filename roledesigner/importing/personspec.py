"""Person specification tables in the shapes HR teams use, read into criteria.

The shapes: a criteria column with Essential and Desirable tick columns; a criteria column with
an E/D column; an Essential column and a Desirable column each holding criteria; categories as
rows merged across the table (`gridSpan`), as a first column merged down (`vMerge`), or as a
plain first column; "how assessed" as words ("Application, interview"), letters ("A/I", read
through the key under the table when there is one) or a tick column per method. Every cell is
placed: a criterion, the structure it was read as (a header, a tick, a category), or unmapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement
from roledesigner.importing.blocks import Cell, Table
from roledesigner.importing.headings import Phrasebook, normalise
from roledesigner.importing.placements import CriterionFacts, Placement, Target

_KEY_PREFIX = re.compile(r"^\s*(?:key|assessment key|how assessed|key to assessment)\s*[:\-–]?\s*", re.I)
_KEY_PAIR = re.compile(
    r"^(?:\((?P<bracketed>[A-Za-z]{1,3})\)\s*(?:=|-|–|:)?|(?P<letter>[A-Za-z]{1,3})\s*(?:=|-|–|:))\s*(?P<words>\S.*)$"
)
_KEY_PARTS = re.compile(r"[,;]|\s{2,}|\t")
_METHOD_PARTS = re.compile(r"[,/;&+\n]|\band\b|\bor\b", re.I)
#: The longest text a tick cell holds that the vocabulary does not list ("N/A"); longer text in
#: an Essential column is a criterion, however short ("Degree").
_TICK_LENGTH = 3
#: The most words a header cell the vocabulary does not know may have ("Ref", "Notes").
_HEADER_WORDS = 4


def read_key(text: str, book: Phrasebook) -> dict[str, Assessment] | None:
    """The letters a key line under a table explains: "Key: A = Application form, I = Interview"."""
    has_prefix = bool(_KEY_PREFIX.match(text))
    body = _KEY_PREFIX.sub("", text, count=1)
    found: dict[str, Assessment] = {}
    parts = [part.strip() for part in _KEY_PARTS.split(body) if part.strip()]
    for part in parts:
        pair = _KEY_PAIR.match(part)
        if pair is None:
            continue
        method = _method_words(pair["words"], book)
        if method is not None:
            found[(pair["letter"] or pair["bracketed"]).casefold()] = method
    if len(found) >= 2 or (has_prefix and found):
        return found
    return None


def _method_words(words: str, book: Phrasebook) -> Assessment | None:
    plain = normalise(words)
    if plain in book.methods:
        return book.methods[plain]
    first = plain.split(" ", 1)[0] if plain else ""
    return book.methods.get(first) if len(first) > 1 else None


def methods(text: str, book: Phrasebook, key: dict[str, Assessment]) -> tuple[list[Assessment], list[str]]:
    """The methods a "how assessed" cell names, and the parts of it that name none."""
    found: list[Assessment] = []
    unknown: list[str] = []
    for part in _METHOD_PARTS.split(text):
        plain = normalise(part)
        if not plain:
            continue
        method = key.get(plain) if len(plain) <= 3 else None
        method = method or _method_words(plain, book) or (book.methods.get(plain) if len(plain) <= 3 else None)
        if method is None:
            unknown.append(part.strip())
        elif method not in found:
            found.append(method)
    return found, unknown


@dataclass
class _Columns:
    header: int
    criterion: int | None = None
    category: int | None = None
    essential: int | None = None
    desirable: int | None = None
    requirement: int | None = None
    assessed: int | None = None
    by_method: dict[int, Assessment] = field(default_factory=dict)
    #: The Essential and Desirable columns hold criteria, not ticks.
    text_columns: bool = False

    def known(self) -> set[int]:
        named = (self.criterion, self.category, self.essential, self.desirable, self.requirement, self.assessed)
        return {c for c in named if c is not None} | set(self.by_method)


def _header_role(text: str, book: Phrasebook) -> str | None:
    words = book.vocabulary.criteria
    if book.is_one_of(text, words.requirement):
        return "requirement"
    if book.is_one_of(text, words.essential):
        return "essential"
    if book.is_one_of(text, words.desirable):
        return "desirable"
    if book.is_one_of(text, words.assessed):
        return "assessed"
    if book.is_one_of(text, words.category):
        return "category"
    if book.is_one_of(text, words.criterion):
        return "criterion"
    plain = normalise(text)
    if plain in book.methods and len(plain) > 1:
        return "method"
    return None


def _columns(table: Table, book: Phrasebook) -> _Columns | None:
    """The header row among the first three and what each column holds; None if not a person specification.

    A header row names at least two columns and holds no sentence it does not know, so a row of
    the table ("Knowledge of the Care Act 2014 | E | AF/I") is not taken for the header for its "E".
    """
    for index, row in enumerate(table.rows[:3]):
        columns = _Columns(index)
        named = 0
        for cell in row:
            if not cell.line or cell.continued:
                continue
            role = _header_role(cell.line, book)
            if role is None and len(cell.line.split()) > _HEADER_WORDS:
                break
            if role == "method":
                columns.by_method[cell.column] = book.methods[normalise(cell.line)]
            elif role is not None and getattr(columns, role) is None:
                setattr(columns, role, cell.column)
            named += role is not None
        else:
            if named >= 2 and (columns.essential is not None or columns.requirement is not None):
                return _settle(table, columns, book)
    return None


def _texts(table: Table, column: int, start: int) -> list[str]:
    found = []
    for row in range(start, len(table.rows)):
        cell = table.cell_at(row, column)
        if cell is not None and not cell.continued and cell.line and cell.span < table.columns:
            found.append(cell.line)
    return found


def _settle(table: Table, columns: _Columns, book: Phrasebook) -> _Columns:
    """Decide what the header left open from what the columns hold."""
    if columns.essential is not None:
        values = _texts(table, columns.essential, columns.header + 1)
        long = [v for v in values if len(v) > _TICK_LENGTH and not book.is_one_of(v, book.vocabulary.criteria.ticks)]
        columns.text_columns = len(long) * 2 > len(values)
    if columns.text_columns and columns.criterion is not None and columns.category is None:
        # "Criteria | Essential | Desirable" with the criteria in the last two: the first holds categories.
        columns.criterion, columns.category = None, columns.criterion
    if columns.category is not None and columns.criterion is None and not columns.text_columns:
        # "Attributes" may head either: the column holding the long texts is the criteria.
        values = _texts(table, columns.category, columns.header + 1)
        if values and sum(book.category(v) is not None for v in values) * 2 < len(values):
            columns.criterion, columns.category = columns.category, None
    free = [c for c in range(table.columns) if c not in columns.known()]
    if columns.criterion is None and not columns.text_columns:
        for column in free:
            values = _texts(table, column, columns.header + 1)
            if values and not all(book.category(v) is not None for v in values):
                columns.criterion = column
                break
    if columns.category is None:
        for column in [c for c in range(table.columns) if c not in columns.known()]:
            values = _texts(table, column, columns.header + 1)
            if values and all(book.category(v) is not None for v in values):
                columns.category = column
                break
    return columns


def is_person_spec(table: Table, book: Phrasebook) -> bool:
    return _columns(table, book) is not None


@dataclass
class _Reader:
    table: Table
    book: Phrasebook
    key: dict[str, Assessment]
    heading: str
    columns: _Columns
    category: CriterionCategory = CriterionCategory.OTHER
    placed: list[Placement] = field(default_factory=list)

    def place(self, row: int, cell: Cell, target: Target, text: str = "", reason: str = "", **facts: object) -> None:
        source_text = cell.line
        self.placed.append(
            Placement(
                target,
                text if text else (source_text if target is Target.UNMAPPED else ""),
                source_text,
                self.table.where(row, cell),
                self.heading,
                reason=reason,
                **facts,  # type: ignore[arg-type]
            )
        )

    def cell(self, row: int, column: int | None) -> Cell | None:
        return self.table.cell_at(row, column) if column is not None else None

    def read(self) -> list[Placement]:
        for row in range(len(self.table.rows)):
            if row < self.columns.header:
                for cell in self.table.rows[row]:
                    if cell.line and not cell.continued:
                        self.place(row, cell, Target.UNMAPPED)
            elif row == self.columns.header or self._repeats_header(row):
                for cell in self.table.rows[row]:
                    if not cell.line or cell.continued:
                        continue
                    if _header_role(cell.line, self.book) is None:  # "Notes", "Ref": kept, not read
                        self.place(row, cell, Target.UNMAPPED, reason="a header the import does not know")
                    else:
                        self.place(row, cell, Target.LABEL, reason="a header of the person specification")
            else:
                self.row(row)
        return self.placed

    def _repeats_header(self, row: int) -> bool:
        header = [c.line for c in self.table.rows[self.columns.header]]
        return [c.line for c in self.table.rows[row]] == header

    def row(self, row: int) -> None:
        cells = [c for c in self.table.rows[row] if c.line and not c.continued]
        if not cells:
            return
        alone = len(cells) == 1 and cells[0].column == 0
        if alone and (
            cells[0].span > 1 or len(self.table.rows[row]) == 1 or self.book.category(cells[0].line) is not None
        ):
            self.band(row, cells[0])  # merged across, or "Knowledge | |" with the other cells empty
            return
        start = len(self.placed)
        category_cell = self.cell(row, self.columns.category)
        if category_cell is not None and category_cell.line:
            category = self.book.category(category_cell.line)
            if not category_cell.continued:
                if category is not None:
                    self.place(row, category_cell, Target.LABEL, reason="the category of the rows beside it")
                else:
                    self.place(row, category_cell, Target.UNMAPPED, reason="a category the import does not know")
            self.category = category or CriterionCategory.OTHER
        assessed = self.assessed(row)
        texts = self.criteria(row)
        for column in {c.column for c in cells} - self.columns.known():
            cell = self.cell(row, column)
            if cell is not None:
                self.place(row, cell, Target.UNMAPPED, reason="a column the import does not know")
        if not texts:
            self._unread_markers(start)
        for cell, paragraph_text, requirement, note in texts:
            facts = CriterionFacts(self.category, requirement, tuple(assessed))
            notes = (note,) if note else ()
            self.placed.append(
                Placement(
                    Target.CRITERION,
                    paragraph_text,
                    paragraph_text,
                    self.table.where(row, cell),
                    self.heading,
                    criterion=facts,
                    reason="a row of the person specification",
                    notes=notes,
                )
            )
        self._keep_unread(row, cells, start)

    def _keep_unread(self, row: int, cells: list[Cell], start: int) -> None:
        """Any cell of the row no rule placed (a criteria column beside criteria written in the
        Essential and Desirable columns, say) is kept, so nothing is lost."""
        placed = {p.source for p in self.placed[start:]}
        for cell in cells:
            if self.table.where(row, cell) not in placed:
                self.place(row, cell, Target.UNMAPPED, reason="a cell the import could not read")

    def _unread_markers(self, start: int) -> None:
        """A row with no criterion: its methods of assessment were read into nothing, so are kept."""
        for index in range(start, len(self.placed)):
            placement = self.placed[index]
            if placement.target is Target.MARKER:
                self.placed[index] = replace(
                    placement,
                    target=Target.UNMAPPED,
                    text=placement.source_text,
                    reason="a method of assessment with no criterion beside it",
                )

    def band(self, row: int, cell: Cell) -> None:
        category = self.book.category(cell.line)
        if category is not None:
            self.category = category
            self.place(row, cell, Target.HEADING, reason="a category band across the table")
        elif self.book.is_one_of(cell.line, self.book.vocabulary.criteria.essential):
            self.place(row, cell, Target.HEADING, reason="a band across the table")
        else:
            self.place(row, cell, Target.UNMAPPED, reason="a row across the table the import does not know")

    def assessed(self, row: int) -> list[Assessment]:
        found: list[Assessment] = []
        cell = self.cell(row, self.columns.assessed)
        if cell is not None and cell.line:
            found, unknown = methods(cell.text, self.book, self.key)
            if not cell.continued:
                if unknown:
                    self.place(row, cell, Target.UNMAPPED, reason="a method of assessment the import does not know")
                else:
                    self.place(row, cell, Target.MARKER, reason="how the criterion is assessed")
        for column, method in self.columns.by_method.items():
            tick = self.cell(row, column)
            if tick is not None and tick.line and not tick.continued:
                if method not in found:
                    found.append(method)
                self.place(row, tick, Target.MARKER, reason="a tick for a method of assessment")
        return found

    def criteria(self, row: int) -> list[tuple[Cell, str, Requirement, str]]:
        """Each criterion in the row with its requirement and any note on how it was decided."""
        found: list[tuple[Cell, str, Requirement, str]] = []
        essential = self.cell(row, self.columns.essential)
        desirable = self.cell(row, self.columns.desirable)
        if self.columns.text_columns:
            for cell, requirement in ((essential, Requirement.ESSENTIAL), (desirable, Requirement.DESIRABLE)):
                if cell is not None and cell.line and not cell.continued:
                    found += [(cell, p.original, requirement, "") for p in cell.paragraphs]
            return found
        criterion = self.cell(row, self.columns.criterion)
        if criterion is None or not criterion.line or criterion.continued:
            for cell in (essential, desirable, self.cell(row, self.columns.requirement)):
                if cell is not None and cell.line and not cell.continued:
                    self.place(row, cell, Target.UNMAPPED, reason="a tick with no criterion beside it")
            return found
        requirement, note = self.requirement(row, essential, desirable)
        return [(criterion, p.original, requirement, note) for p in criterion.paragraphs]

    def requirement(self, row: int, essential: Cell | None, desirable: Cell | None) -> tuple[Requirement, str]:
        marked = self.cell(row, self.columns.requirement)
        if marked is not None and marked.line:
            if not marked.continued:
                self.place(row, marked, Target.MARKER, reason="essential or desirable")
            if self.book.is_one_of(marked.line, self.book.vocabulary.criteria.desirable):
                return Requirement.DESIRABLE, ""
            if self.book.is_one_of(marked.line, self.book.vocabulary.criteria.essential):
                return Requirement.ESSENTIAL, ""
            return Requirement.ESSENTIAL, f"'{marked.line}' is read as essential: check it"
        ticked_e = essential is not None and bool(essential.line)
        ticked_d = desirable is not None and bool(desirable.line)
        for cell in (essential, desirable):
            if cell is not None and cell.line and not cell.continued:
                self.place(row, cell, Target.MARKER, reason="a tick for essential or desirable")
        if ticked_e and ticked_d:
            return Requirement.ESSENTIAL, "ticked as both essential and desirable: read as essential, check it"
        if ticked_d:
            return Requirement.DESIRABLE, ""
        if not ticked_e and (self.columns.essential is not None or self.columns.requirement is not None):
            return Requirement.ESSENTIAL, "not ticked as essential or desirable: read as essential, check it"
        return Requirement.ESSENTIAL, ""


def read_person_spec(
    table: Table, book: Phrasebook, key: dict[str, Assessment] | None = None, heading: str = ""
) -> list[Placement] | None:
    """Every cell of a person specification table placed, or None if the table is not one."""
    columns = _columns(table, book)
    if columns is None:
        return None
    return _Reader(table, book, key or {}, heading, columns).read()
