"""Where each piece of an imported job description went: the link between the source and the design.

The mapping turns every paragraph and table cell into one `Placement` (a field, "unmapped", or a
part of the structure such as a heading or a label), and `assemble` builds the design from the
placements alone. So the review step in the app can show the source beside the mapping, let the
user move a piece, and build the design again, and a test can check that nothing was dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from roledesigner.domain.vocabulary import AllocationUnit, Assessment, CriterionCategory, Requirement, Sector


class Target(StrEnum):
    TITLE = "title"
    GRADE = "grade"
    EMPLOYER = "employer"
    DIRECTORATE = "directorate"
    JOB_REFERENCE = "job_reference"
    LOCATION = "location"
    HOURS = "hours"
    CONTRACT = "contract"
    REPORTS_TO = "reports_to"
    ACCOUNTABLE_TO = "accountable_to"
    PURPOSE = "purpose"
    SYSTEM_CONTEXT = "system_context"
    RESPONSIBILITY = "responsibility"
    SYSTEM_RESPONSIBILITY = "system_responsibility"
    RELATIONSHIP = "relationship"
    CRITERION = "criterion"
    STABILITY = "stability"
    BUDGET = "budget"
    STAFF_MANAGED = "staff_managed"
    DECISIONS = "decisions"
    UNMAPPED = "unmapped"
    #: The structure of the source, read for what it says rather than kept: a heading, a label
    #: beside its value, a tick or a letter in a person specification, the key under a table,
    #: a page number.
    HEADING = "heading"
    LABEL = "label"
    MARKER = "marker"
    KEY = "key"
    PAGE = "page"


#: Targets that hold no text in the design: the structure, read and used.
STRUCTURE = frozenset({Target.HEADING, Target.LABEL, Target.MARKER, Target.KEY, Target.PAGE})
#: Targets a person can move a piece of text to in the review step, in the order offered.
MOVABLE = (
    Target.TITLE,
    Target.GRADE,
    Target.EMPLOYER,
    Target.DIRECTORATE,
    Target.JOB_REFERENCE,
    Target.LOCATION,
    Target.REPORTS_TO,
    Target.ACCOUNTABLE_TO,
    Target.PURPOSE,
    Target.SYSTEM_CONTEXT,
    Target.RESPONSIBILITY,
    Target.SYSTEM_RESPONSIBILITY,
    Target.RELATIONSHIP,
    Target.CRITERION,
    Target.STABILITY,
    Target.BUDGET,
    Target.STAFF_MANAGED,
    Target.DECISIONS,
    Target.UNMAPPED,
)
TARGET_LABELS: dict[Target, str] = {
    Target.TITLE: "Job title",
    Target.GRADE: "Grade or band",
    Target.EMPLOYER: "Employer",
    Target.DIRECTORATE: "Directorate",
    Target.JOB_REFERENCE: "Job reference",
    Target.LOCATION: "Location",
    Target.HOURS: "Hours",
    Target.CONTRACT: "Contract",
    Target.REPORTS_TO: "Reports to",
    Target.ACCOUNTABLE_TO: "Accountable to",
    Target.PURPOSE: "Job purpose",
    Target.SYSTEM_CONTEXT: "System context",
    Target.RESPONSIBILITY: "Organisational responsibility",
    Target.SYSTEM_RESPONSIBILITY: "System responsibility",
    Target.RELATIONSHIP: "Working relationship",
    Target.CRITERION: "Person specification criterion",
    Target.STABILITY: "Job stability",
    Target.BUDGET: "Dimensions: budget",
    Target.STAFF_MANAGED: "Dimensions: staff managed",
    Target.DECISIONS: "Dimensions: decisions made alone",
    Target.UNMAPPED: "Unmapped (kept to place later)",
    Target.HEADING: "Heading (read as structure)",
    Target.LABEL: "Label (read with its value)",
    Target.MARKER: "Tick or letter (read into its criterion)",
    Target.KEY: "Key to letters (read into the criteria)",
    Target.PAGE: "Page number",
}


@dataclass(frozen=True)
class CriterionFacts:
    category: CriterionCategory = CriterionCategory.EXPERIENCE
    requirement: Requirement = Requirement.ESSENTIAL
    assessed_by: tuple[Assessment, ...] = ()


@dataclass(frozen=True)
class SystemTime:
    """Protected time for system work said in a sentence, such as "two days a week are protected"."""

    unit: AllocationUnit
    amount: Decimal


@dataclass(frozen=True)
class Placement:
    target: Target
    #: What goes into the field: the value without its label, the criterion without its tick.
    text: str
    #: The paragraph or cell as the source has it.
    source_text: str
    #: Where it is in the source: "paragraph 12", "table 2, row 3, column 1", "page header".
    source: str
    #: The heading it stood under in the source ("" before the first one).
    heading: str = ""
    criterion: CriterionFacts | None = None
    sector: Sector | None = None
    system_time: SystemTime | None = None
    #: Why the mapping chose this target, for the review step ("a 'Reports to' line").
    reason: str = ""
    notes: tuple[str, ...] = field(default=())

    def moved(self, target: Target) -> Placement:
        """The same piece of text sent somewhere else by the user; kept whole when it goes to unmapped."""
        text = self.source_text if target in (Target.UNMAPPED, *STRUCTURE) else self.text or self.source_text
        return replace(self, target=target, text=text, reason="moved in the review step")
