"""The shortlisting matrix's view model: exactly the criteria judged from the application, by area.

Shortlisters may score only the listed criteria, from the applicant's evidence (CONVENTIONS), so
a criterion assessed only at interview, by test, presentation or references is left out. The
criteria keep the person specification's order: area by area, essential before desirable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from roledesigner.documents.packs.rows import PackHead, pack_head, spec_rows
from roledesigner.documents.viewmodel import build_view
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import label
from roledesigner.library.catalogue import Library
from roledesigner.library.scoring import LoadedScoring, ShortlistingKey

DOCUMENT_KIND = "Shortlisting matrix"
DEFAULT_SHORTLISTERS = 2
DEFAULT_CANDIDATES = 10
SHORTLISTERS = (2, 10)
CANDIDATES = (1, 200)
ESSENTIAL, DESIRABLE = label("essential"), label("desirable")
NO_CRITERIA = (
    "No criterion in this person specification is assessed from the application, so there is nothing to "
    "shortlist against. Mark the criteria an application form can show as assessed by application in Role "
    "Designer, then export the matrix again."
)


@dataclass(frozen=True)
class ShortlistCriterion:
    area: str
    text: str
    #: "Essential" or "Desirable".
    requirement: str

    @property
    def essential(self) -> bool:
        return self.requirement == ESSENTIAL


@dataclass(frozen=True)
class CriterionGroup:
    heading: str
    criteria: list[ShortlistCriterion]


@dataclass(frozen=True)
class Shortlisting(PackHead):
    key: ShortlistingKey
    #: Where the key came from, in words ("the bundled library", "your team's library").
    key_origin: str
    groups: list[CriterionGroup]
    shortlisters: int
    candidates: int
    #: The sentence said in place of the matrix when nothing is judged from the application.
    empty: str

    @property
    def criteria(self) -> list[ShortlistCriterion]:
        return [criterion for group in self.groups for criterion in group.criteria]

    @property
    def essentials(self) -> int:
        return sum(1 for criterion in self.criteria if criterion.essential)

    def guidance(self) -> list[str]:
        """How to use the matrix, the same in the workbook and the Word forms."""
        return [
            "Each shortlister scores every criterion for every applicant on their own, from the application alone.",
            "Score only the criteria listed here: they are the ones the person specification says are judged "
            "from the application.",
            "The shortlisters then compare their scores and agree whom to invite to interview.",
            f"An applicant meets every essential criterion when each essential criterion scores {self.key.meets_from} "
            "or more. Under the Disability Confident scheme, a disabled applicant who meets every essential "
            "criterion is guaranteed an interview.",
            "Keep the completed forms with the recruitment file: they record how the shortlist was made.",
        ]

    def key_line(self) -> str:
        """ "0 Not met; 1 Partly met; 2 Fully met. A criterion counts as met at 2." """
        levels = "; ".join(f"{level.score} {level.label}" for level in self.key.levels)
        return f"{levels}. A criterion counts as met at {self.key.meets_from} or more."


def _within(name: str, value: int, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}")
    return value


def build_shortlisting(
    design: RoleDesign,
    library: Library,
    scoring: LoadedScoring,
    organisation: str = "",
    shortlisters: int = DEFAULT_SHORTLISTERS,
    candidates: int = DEFAULT_CANDIDATES,
    today: dt.date | None = None,
) -> Shortlisting:
    view = build_view(design, library, organisation, today)
    groups: list[CriterionGroup] = []
    for row in spec_rows(design, library):
        if not row.from_application:
            continue
        area = label(row.category)
        criterion = ShortlistCriterion(area, row.text, label(row.requirement))
        if groups and groups[-1].heading == area:
            groups[-1].criteria.append(criterion)
        else:
            groups.append(CriterionGroup(area, [criterion]))
    return Shortlisting(
        **pack_head(view, design, DOCUMENT_KIND),
        key=scoring.scoring.shortlisting_key,
        key_origin=scoring.origin("shortlisting_key"),
        groups=groups,
        shortlisters=_within("shortlisters", shortlisters, SHORTLISTERS),
        candidates=_within("candidates", candidates, CANDIDATES),
        empty="" if groups else NO_CRITERIA,
    )
