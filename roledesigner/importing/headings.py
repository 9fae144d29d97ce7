"""Recognising headings and labels, by the words job descriptions use for them (held as data).

The vocabulary is `role_library/import/headings.yaml`: a team can add its own wording there
without touching code. A paragraph is a heading when Word says so (a heading style or an outline
level), when it is a short paragraph in bold or capitals, or when it is a numbered section title;
the vocabulary then says which part of a design, if any, its section fills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from roledesigner.domain.errors import InputError, describe
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Sector
from roledesigner.files.paths import library_dir
from roledesigner.importing.blocks import Paragraph
from roledesigner.library.yamlfile import YamlFileError, read_yaml

SectionKey = Literal[
    "document",
    "details",
    "purpose",
    "system_context",
    "responsibilities",
    "system_responsibilities",
    "relationships",
    "person_spec",
    "stability",
    "dimensions",
    "kept",
]
DimensionKey = Literal["budget", "staff_managed", "decisions"]
LabelKey = Literal[
    "title",
    "grade",
    "reports_to",
    "accountable_to",
    "directorate",
    "location",
    "job_reference",
    "hours",
    "contract",
    "employer",
]
#: The longest heading, in words, that still matches a phrase it starts with.
_PREFIX_WORDS = 10
#: The longest cell or heading, in words, read as a person specification category by its first
#: words ("Experience and training"); a longer one is a criterion that starts with the word.
_CATEGORY_WORDS = 4
#: The longest paragraph taken for a heading on its look alone (bold or capitals).
_HEADING_WORDS = 12
_HEADING_CHARACTERS = 100
#: Numbering before a heading: "1.", "2.3", "Section 2:", "a)", "iv.". A letter is numbering only
#: with its stop or bracket, so the "E" of "E D" (a header) is a word, not numbering.
_NUMBERING = re.compile(
    r"^\s*(?:section|part|appendix)?\s*(?:\d{1,2}(?:\.\d{1,2})*[.):]?|(?:[a-z]|[ivx]{1,5})[.):])\s+", re.I
)
_PUNCTUATION = re.compile(r"[^\w/ ]+")
_LABEL_LINE = re.compile(r"^(?P<label>[^:\t]{2,60}?)\s*(?::|\t)\s*(?P<value>\S.*)$", re.DOTALL)


class VocabularyError(InputError):
    """The bundled vocabulary cannot be read: the install is damaged."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CriteriaWords(_Model):
    criterion: list[str]
    category: list[str]
    essential: list[str]
    desirable: list[str]
    requirement: list[str]
    assessed: list[str]
    categories: dict[CriterionCategory, list[str]]
    methods: dict[Assessment, list[str]]
    ticks: list[str]


class Vocabulary(_Model):
    sections: dict[SectionKey, list[str]]
    labels: dict[LabelKey, list[str]]
    criteria: CriteriaWords
    system_work: list[str]
    page_furniture: list[str]
    organisations: list[str]
    relationship_headers: list[str]
    sectors: dict[Sector, list[str]]
    dimension_labels: dict[DimensionKey, list[str]]


def normalise(text: str) -> str:
    """Text as the vocabulary is matched: lower case, no numbering, "&" as "and", no punctuation."""
    text = text.casefold().replace("&", " and ").replace("’", "").replace("'", "")
    text = _NUMBERING.sub("", text, count=1)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _table(groups: dict[str, list[str]]) -> dict[str, str]:
    return {normalise(phrase): key for key, phrases in groups.items() for phrase in phrases}


@dataclass(frozen=True)
class Phrasebook:
    """The vocabulary as lookup tables of normalised phrases."""

    vocabulary: Vocabulary
    sections: dict[str, str]
    labels: dict[str, str]
    categories: dict[str, CriterionCategory]
    methods: dict[str, Assessment]
    dimensions: dict[str, str]

    @classmethod
    def build(cls, vocabulary: Vocabulary) -> Phrasebook:
        return cls(
            vocabulary,
            _table({str(key): phrases for key, phrases in vocabulary.sections.items()}),
            _table({str(key): phrases for key, phrases in vocabulary.labels.items()}),
            {normalise(p): key for key, phrases in vocabulary.criteria.categories.items() for p in phrases},
            {normalise(p): key for key, phrases in vocabulary.criteria.methods.items() for p in phrases},
            _table({str(key): phrases for key, phrases in vocabulary.dimension_labels.items()}),
        )

    def _match(self, table: dict[str, str], text: str, prefix: bool) -> str | None:
        words = normalise(text)
        if words in table:
            return table[words]
        if not prefix or len(words.split()) > _PREFIX_WORDS:
            return None
        best = ""
        for phrase in table:
            if len(phrase) > len(best) and words.startswith(phrase + " "):
                best = phrase
        return table[best] if best else None

    def section(self, text: str) -> SectionKey | None:
        return self._match(self.sections, text, prefix=True)  # type: ignore[return-value]

    def label(self, text: str) -> LabelKey | None:
        return self._match(self.labels, text, prefix=False)  # type: ignore[return-value]

    def dimension(self, text: str) -> DimensionKey | None:
        return self._match(self.dimensions, text, prefix=False)  # type: ignore[return-value]

    def category(self, text: str) -> CriterionCategory | None:
        words = normalise(text)
        if words in self.categories:
            return self.categories[words]
        if len(words.split()) > _CATEGORY_WORDS:
            return None  # "Experience of leading teams across health and social care" is a criterion
        for phrase, key in sorted(self.categories.items(), key=lambda item: -len(item[0])):
            if words.startswith(phrase + " "):
                return key
        return None

    def is_one_of(self, text: str, phrases: list[str]) -> bool:
        return normalise(text) in {normalise(p) for p in phrases}

    def says_system_work(self, text: str) -> bool:
        lowered = " ".join(text.casefold().split())
        return any(phrase in lowered for phrase in self.vocabulary.system_work)

    def names_organisation(self, text: str) -> bool:
        words = f" {normalise(text)} "
        return any(f" {normalise(word)} " in words for word in self.vocabulary.organisations)

    def sector(self, text: str) -> Sector:
        """The sector a working relationship names, by the first word list that matches; else other."""
        words = f" {normalise(text)} "
        for sector, phrases in self.vocabulary.sectors.items():
            if any(f" {normalise(phrase)} " in words for phrase in phrases):
                return sector
        return Sector.OTHER

    def is_page_furniture(self, text: str) -> bool:
        words = normalise(re.sub(r"\d+", " ", text))
        return not words or words in {normalise(p) for p in self.vocabulary.page_furniture}

    def label_line(self, text: str) -> tuple[LabelKey, str, str] | None:
        """A `Label: value` (or label, tab, value) line with a known label: (key, label, value)."""
        match = _LABEL_LINE.match(text.strip())
        if match is None:
            return None
        key = self.label(match["label"])
        return (key, match["label"].strip(), " ".join(match["value"].split())) if key else None


@cache
def phrasebook() -> Phrasebook:
    """The bundled vocabulary, read once per process."""
    folder = library_dir()
    path = folder / "import" / "headings.yaml"
    try:
        data = read_yaml(path, folder)
        return Phrasebook.build(Vocabulary.model_validate(data))
    except YamlFileError as error:
        raise VocabularyError(f"{path} cannot be read ({error}); reinstall Role Designer.") from error
    except ValidationError as error:
        raise VocabularyError(f"{path} is not a valid import vocabulary: {describe(error)}.") from error


@dataclass(frozen=True)
class Heading:
    """A paragraph read as a heading: its level (0 a title, 1 a section, 2 and on within one)
    and the part of a design its section fills, if the vocabulary knows it."""

    level: int
    key: SectionKey | None
    text: str


def _looks_like_a_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ";", ",", "!", "?")) or len(text) > _HEADING_CHARACTERS


def heading(paragraph: Paragraph, book: Phrasebook) -> Heading | None:
    """The paragraph as a heading, or None when it is body text, a list item or a `Label: value` line."""
    text = paragraph.line
    key = book.section(text) if len(text.split()) <= _PREFIX_WORDS else None
    if paragraph.heading_level is not None:
        return Heading(paragraph.heading_level, key, text)
    if len(text.split()) > _HEADING_WORDS or _looks_like_a_sentence(text):
        return None
    if ":" in text.rstrip(":") or "\t" in paragraph.text:
        return None  # a label with its value
    typed = paragraph.marker.rstrip(".)").replace("(", "")
    numbered = bool(paragraph.marker) and paragraph.list_kind == "number" and typed[:1].isdigit()
    emphasised = paragraph.bold or paragraph.caps
    if numbered and (emphasised or key is not None):
        return Heading(1 + typed.count("."), key, text)
    if paragraph.list_kind == "number" and not paragraph.marker and paragraph.bold:
        return Heading(1 + paragraph.list_level, key, text)  # "1. Job identification" numbered by Word
    if paragraph.list_kind is not None:
        return None
    if key is not None and (emphasised or text.endswith(":") or len(text.split()) <= 6):
        return Heading(1, key, text)
    if paragraph.caps:
        return Heading(1, key, text)
    if paragraph.bold:
        return Heading(2, key, text)
    return None
