"""The one view model: everything a job specification shows, section by section, in order.

Built by one function from a design and the library; the Word file, the PDF and the app's
preview are all rendered from it, so they cannot disagree. Empty sections are left out.
Text is cleaned here of characters Word's XML cannot hold, once, for every output: `build_view`
passes every text of the finished view (the design's, the library's and those made from both,
such as the picture's alt text) through `clean`, so no field can be forgotten.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from roledesigner.documents.clauses import clauses_for, is_board_post
from roledesigner.documents.details import (
    UNMAPPED_NOTE,
    Row,
    SignOffView,
    UnmappedView,
    control_rows,
    detail_rows,
    dimension_rows,
    draft_mark,
    long_date,
    signoff_views,
    unmapped_views,
)
from roledesigner.documents.partnerfacts import FactRow, PartnerView, fact_rows, partner_views
from roledesigner.documents.structurechart import Tier, structure_alt_text, structure_tiers
from roledesigner.documents.weekchart import WeekChart, week_chart
from roledesigner.documents.weektable import WeekTable, week_table
from roledesigner.documents.wording import (
    joint_sentences,
    learning_time_sentences,
    support_sentences,
    time_sentences,
)
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.timeplan import week
from roledesigner.domain.vocabulary import CriterionCategory, Requirement, ResponsibilityKind, label
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import senior_post

# Characters XML 1.0 cannot hold: C0 controls other than tab, newline and carriage return,
# lone surrogates, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_ACRONYM = re.compile(r"\b([A-Z][A-Za-z]*[A-Z])s?\b")

#: What the document is: the subtitle under the title, and the start of the title property.
DOCUMENT_KIND = "Job description and person specification"

#: Section keys and headings, in document order: the one place these headings are written.
SECTION_HEADINGS: dict[str, str] = {
    "unmapped": "Imported text not yet placed",
    "details": "Job details",
    "purpose": "Job purpose",
    "structure": "Structure chart",
    "system_context": "System context",
    "responsibilities": "Key responsibilities",
    "dimensions": "Dimensions",
    "time": "Protected time",
    "joint": "Joint arrangement",
    "relationships": "Working relationships",
    "capabilities": "Capabilities",
    "person_spec": "Person specification",
    "development": "Support and development",
    "stability": "Job stability and career pathway",
    # The standard terms close the pack, after the person specification, as recruiters expect them.
    "clauses": "Standard terms",
    "glossary": "Glossary",
    "control": "Document control",
}
RESPONSIBILITY_HEADINGS = {
    ResponsibilityKind.SYSTEM: "System responsibilities",
    ResponsibilityKind.ORGANISATIONAL: "Organisational responsibilities",
}
CATEGORY_ORDER = list(CriterionCategory)


def clean(text: str) -> str:
    """Text Word's XML can hold: control characters removed, line endings made plain.

    Text that needs nothing is returned as the same object, which `cleaned` relies on.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def paragraphs(text: str) -> list[str]:
    """Prose split at blank lines; single line breaks inside a paragraph become spaces."""
    parts = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(clean(text)))
    return [part for part in parts if part]


@dataclass(frozen=True)
class ItemGroup:
    heading: str
    lines: list[str]


@dataclass(frozen=True)
class CapabilityView:
    name: str
    requirement: str
    description: str
    indicators: list[str]


@dataclass(frozen=True)
class DomainView:
    name: str
    description: str
    capabilities: list[CapabilityView]


@dataclass(frozen=True)
class CriterionView:
    category: str
    criterion: str
    requirement: str
    assessed_by: str


@dataclass(frozen=True)
class RelationshipView:
    name: str
    sector: str


@dataclass(frozen=True)
class GlossaryView:
    term: str
    meaning: str


@dataclass(frozen=True)
class Section:
    key: str
    heading: str


@dataclass(frozen=True)
class JobSpecification:
    title: str
    document_title: str
    #: What the document is and, when known, for whom: the organisation, else the design's employer.
    subtitle: str
    organisation: str
    version: str
    status: str
    date: str
    author: str
    keywords: list[str]
    #: Text from an imported job description that no field took yet, and the note that says so.
    unmapped: list[UnmappedView]
    unmapped_note: str
    details: list[Row]
    purpose: list[str]
    #: Where the post sits: tiers from "Accountable to" down to "Manages", and the chart's alt text.
    structure: list[Tier]
    structure_alt_text: str
    system_context: list[str]
    responsibilities: list[ItemGroup]
    #: The facts a job evaluation panel asks for (budget, staff managed, decisions made alone).
    dimensions: list[Row]
    time: list[str]
    learning: list[str]
    week_alt_text: str
    #: The week by day (the Word file's picture of the week), or None for an office holder.
    week_table: WeekTable | None
    joint: list[str]
    partners: list[PartnerView]
    #: The partner table with a column per partner (a row per fact); empty past four partners.
    partner_rows: list[FactRow]
    relationships: list[RelationshipView]
    clauses: list[ItemGroup]
    capability_domains: list[DomainView]
    person_spec: list[CriterionView]
    development: list[str]
    stability: list[str]
    glossary: list[GlossaryView]
    #: Version, status, date and author, and who agreed the post for each organisation.
    control: list[Row]
    signoffs: list[SignOffView]
    sections: list[Section]
    #: "Draft" for the header until the post is approved or advertised; "" when there is none.
    draft_mark: str = ""
    #: The chart itself, for renderers that draw it (not a template field).
    chart: WeekChart | None = field(default=None, compare=False)

    def has(self, key: str) -> bool:
        return any(section.key == key for section in self.sections)


def _date(design: RoleDesign, today: dt.date | None) -> str:
    return long_date(design.updated or today or dt.date.today())


def _capabilities(design: RoleDesign, library: Library) -> list[DomainView]:
    by_domain: dict[str, list[CapabilityView]] = {}
    for item in design.capabilities:
        cap = library.capabilities.get(item.id)
        domain = cap.domain if cap else ""
        view = CapabilityView(
            name=cap.name if cap else item.id.replace("_", " ").capitalize(),
            requirement=label(item.requirement),
            description=cap.description if cap else "",
            indicators=list(cap.indicators) if cap else [],
        )
        by_domain.setdefault(domain, []).append(view)
    order = [*library.capability_domains, ""]
    views = []
    for domain_id in order:
        if domain_id in by_domain:
            found = library.capability_domains.get(domain_id)
            views.append(
                DomainView(
                    name=found.name if found else "Other capabilities",
                    description=found.description if found else "",
                    capabilities=by_domain[domain_id],
                )
            )
    return views


def _methods(methods: Sequence[str]) -> str:
    return ", ".join(label(m) for m in methods) if methods else "Not yet set"


def _person_spec(design: RoleDesign, library: Library) -> list[CriterionView]:
    rows: list[tuple[int, int, CriterionView]] = []
    for item in design.capabilities:
        cap = library.capabilities.get(item.id)
        if cap is None:
            continue
        view = CriterionView(label(cap.category), cap.criterion, label(item.requirement), _methods(item.assessed_by))
        rows.append((CATEGORY_ORDER.index(cap.category), item.requirement is Requirement.DESIRABLE, view))
    for criterion in design.criteria:
        view = CriterionView(
            label(criterion.category),
            criterion.text,
            label(criterion.requirement),
            _methods(criterion.assessed_by),
        )
        rows.append((CATEGORY_ORDER.index(criterion.category), criterion.requirement is Requirement.DESIRABLE, view))
    rows.sort(key=lambda row: (row[0], row[1]))  # stable: the author's order within a group
    return [view for _, _, view in rows]


def _glossary(texts: list[str], library: Library) -> list[GlossaryView]:
    found = {match for text in texts for match in _ACRONYM.findall(text)}
    return [
        GlossaryView(term, entry.meaning)
        for term, entry in sorted(library.glossary.items(), key=lambda item: item[0].casefold())
        if term in found
    ]


def build_view(
    design: RoleDesign,
    library: Library,
    organisation: str = "",
    today: dt.date | None = None,
    *,
    show_draft: bool = True,
) -> JobSpecification:
    date = _date(design, today)
    title = clean(design.title.strip()) or "Untitled role"
    responsibilities = [
        ItemGroup(heading, [r.text for r in design.responsibilities if r.kind is kind])
        for kind, heading in RESPONSIBILITY_HEADINGS.items()
    ]
    responsibilities = [group for group in responsibilities if group.lines]
    relationships = [RelationshipView(r.name, label(r.sector)) for r in design.relationships]
    board = is_board_post(design, senior_post(design, library))
    clauses = [ItemGroup(clause.heading, clause.lines) for clause in clauses_for(design, board=board)]
    structure = structure_tiers(design, title)
    table = week_table(design)
    domains = _capabilities(design, library)
    person_spec = _person_spec(design, library)
    time = time_sentences(design.time)
    learning = learning_time_sentences(design.development)
    joint = joint_sentences(design)
    development = support_sentences(design.development)
    details = detail_rows(design, date)
    dimensions = dimension_rows(design)
    purpose = paragraphs(design.purpose)
    context = paragraphs(design.system_context)
    stability = paragraphs(design.stability)
    texts = [
        title,
        *(row.value for row in details),
        *purpose,
        *(post for tier in structure for post in tier.posts),
        *context,
        *(item for group in responsibilities for item in group.lines),
        *(row.value for row in dimensions),
        *time,
        *(table.notes if table else []),
        *learning,
        *joint,
        *(r.name for r in relationships),
        *(line for clause in clauses for line in clause.lines),
        *(c.name + " " + " ".join(c.indicators) for d in domains for c in d.capabilities),
        *(row.criterion for row in person_spec),
        *development,
        *stability,
    ]
    glossary = _glossary(texts, library)
    unmapped = unmapped_views(design)
    present = {
        "unmapped": bool(unmapped),
        "details": bool(details),
        "purpose": bool(purpose),
        "structure": bool(structure),
        "system_context": bool(context),
        "responsibilities": bool(responsibilities),
        "dimensions": bool(dimensions),
        "time": True,
        "joint": bool(joint),
        "relationships": bool(relationships),
        "clauses": bool(clauses),
        "capabilities": bool(domains),
        "person_spec": bool(person_spec),
        "development": bool(development),
        "stability": bool(stability),
        "glossary": bool(glossary),
        "control": True,
    }
    based_on = library.roles.get(design.based_on or "")
    keywords = ["system leadership", "job description", "person specification"]
    if design.footprint:
        keywords.append(f"{design.footprint.value} footprint")
    if based_on:
        keywords.append(based_on.name)
    employer = clean(organisation.strip()) or clean(design.employer.strip())
    author = clean(design.author.strip()) or clean(organisation.strip()) or "Role Designer"
    w = week(design.time)
    chart = week_chart(design)
    partners = partner_views(design)
    view = JobSpecification(
        title=title,
        document_title=f"{DOCUMENT_KIND}: {title}",
        subtitle=" · ".join(part for part in (DOCUMENT_KIND, employer) if part),
        organisation=clean(organisation.strip()),
        version=clean(design.version.strip()) or "1",
        status=label(design.status),
        date=date,
        author=author,
        keywords=keywords,
        unmapped=unmapped,
        unmapped_note=UNMAPPED_NOTE if unmapped else "",
        details=details,
        purpose=purpose,
        structure=structure,
        structure_alt_text=structure_alt_text(structure, title),
        system_context=context,
        responsibilities=responsibilities,
        dimensions=dimensions,
        time=time,
        learning=learning,
        week_alt_text=chart.alt_text if w.contracted_hours else "",
        week_table=table,
        joint=joint,
        partners=partners,
        partner_rows=fact_rows(partners),
        relationships=relationships,
        clauses=clauses,
        capability_domains=domains,
        person_spec=person_spec,
        development=development,
        stability=stability,
        glossary=glossary,
        control=control_rows(design, date, author),
        signoffs=signoff_views(design),
        draft_mark=draft_mark(design, show_draft),
        sections=[Section(key, heading) for key, heading in SECTION_HEADINGS.items() if present[key]],
        chart=chart,
    )
    return cleaned(view)


_Value = TypeVar("_Value")


@cache
def _text_fields(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def cleaned(value: _Value) -> _Value:
    """The value with `clean` applied to every text inside it (dataclasses, lists and tuples).

    The one way text reaches a document: whatever a field holds, from the design, the library
    or a sentence built from both, is cleaned here. A part with nothing to clean is returned
    as it is, so a large design costs one look at each text.
    """
    result: Any = value
    if isinstance(value, str):
        result = clean(value)
    elif isinstance(value, list | tuple):
        items = [cleaned(item) for item in value]
        if any(new is not old for new, old in zip(items, value, strict=True)):
            result = type(value)(items)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _text_fields(type(value)):
            old = getattr(value, name)
            new = cleaned(old)
            if new is not old:
                changes[name] = new
        if changes:
            result = dataclasses.replace(value, **changes)
    return result  # type: ignore[no-any-return]
