"""The person specification's rows in the order the job specification prints them, with what packs need.

The packs follow the person specification: area by area (`viewmodel.CATEGORY_ORDER`), essential
before desirable, and otherwise in the author's order, capabilities first, as `build_view` sorts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from roledesigner.documents.viewmodel import CATEGORY_ORDER, JobSpecification, clean
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement, label
from roledesigner.library.catalogue import Library
from roledesigner.library.models import Capability

#: How the packs say who was assessed how: interview packs take these methods.
INTERVIEW_METHODS = (Assessment.INTERVIEW, Assessment.PRESENTATION)


@dataclass(frozen=True)
class SpecRow:
    category: CriterionCategory
    #: The person-specification wording, cleaned of what Word's XML cannot hold.
    text: str
    requirement: Requirement
    methods: tuple[Assessment, ...]
    #: The library entry of a capability row; None for a criterion the design wrote itself.
    capability: Capability | None = None

    @property
    def essential(self) -> bool:
        return self.requirement is Requirement.ESSENTIAL

    @property
    def from_application(self) -> bool:
        return Assessment.APPLICATION in self.methods

    @property
    def at_interview(self) -> bool:
        return any(method in self.methods for method in INTERVIEW_METHODS)

    @property
    def methods_text(self) -> str:
        return ", ".join(label(method) for method in self.methods) or "Not yet set"


def spec_rows(design: RoleDesign, library: Library) -> list[SpecRow]:
    """Every row of the person specification, in its printed order.

    A capability the library does not hold is left out, as the job specification leaves it out
    (the review names it).
    """
    rows: list[SpecRow] = []
    for item in design.capabilities:
        capability = library.capabilities.get(item.id)
        if capability is not None:
            text = clean(capability.criterion)
            rows.append(SpecRow(capability.category, text, item.requirement, tuple(item.assessed_by), capability))
    for criterion in design.criteria:
        text = " ".join(clean(criterion.text).split())
        rows.append(SpecRow(criterion.category, text, criterion.requirement, tuple(criterion.assessed_by)))
    return sorted(rows, key=lambda row: (CATEGORY_ORDER.index(row.category), not row.essential))


@dataclass(frozen=True)
class PackHead:
    """What every pack document says about itself: its title and subtitle, and the design's record
    (version, status, date), so the pack can be matched to the job description it came from."""

    title: str
    document_title: str
    subtitle: str
    organisation: str
    author: str
    version: str
    status: str
    date: str


def pack_head(view: JobSpecification, design: RoleDesign, kind: str) -> dict[str, str]:
    """A pack's head fields (`PackHead`'s), from the job specification's view: "Interview pack · employer"."""
    employer = view.organisation or clean(design.employer.strip())
    return {
        "title": view.title,
        "document_title": f"{kind}: {view.title}",
        "subtitle": " · ".join(part for part in (kind, employer) if part),
        "organisation": view.organisation,
        "author": view.author,
        "version": view.version,
        "status": view.status,
        "date": view.date,
    }


def lower_first(text: str) -> str:
    """ "Gives full attention" -> "gives full attention", to follow other words; "NHS values" stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


_SOURCE_MARK = re.compile(r"\s*\(([a-z0-9_]+(?:\s*[;,]\s*[a-z0-9_]+)*)\)")


def without_source_ids(text: str, library: Library) -> str:
    """Library prose with its bracketed source ids ("(scie2021)") taken out: a panel reads it, not a researcher."""

    def drop(match: re.Match[str]) -> str:
        ids = re.split(r"\s*[;,]\s*", match.group(1))
        return "" if all(source in library.sources for source in ids) else match.group(0)

    return _SOURCE_MARK.sub(drop, text)
