"""Checks on what a job specification says: clarity, framework coverage, the person specification.

Each check is a small function from a design (and the library) to findings. The reasons quote
the research: SCIE (2021) on what stops system roles working, and UK inclusive-recruitment
practice (CONVENTIONS.md) on person specifications.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from roledesigner.domain.findings import SCIE_2018, SCIE_2021, Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.timerules import SYSTEM_FOOTPRINTS
from roledesigner.domain.vocabulary import Requirement, ResponsibilityKind
from roledesigner.library.catalogue import Library
from roledesigner.review.managers import managers
from roledesigner.review.phrasing import clip

Check = Callable[[RoleDesign, Library], list[Finding]]

MAX_ESSENTIALS = 12
#: How messages cite the research: by name, since many readers will not know the acronym SCIE.
_NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)"
_YEARS = re.compile(
    rf"\b{_NUMBER}\s*\+?\s*(?:or more\s+)?years?['’]?\s+(?:of\s+)?(?:[\w-]+\s+){{0,4}}?experience", re.I
)
_DEGREE = re.compile(r"\b(degree|graduate|bachelor['’]?s|master['’]?s|MSc|MBA|PhD|doctorate)\b", re.I)
#: A route in by experience instead of the degree: "or equivalent experience", "or equivalent
#: professional experience", "or experience at an equivalent level". This is the recommended
#: wording, so a degree asked for this way is not a finding.
_EXPERIENCE_ROUTE = re.compile(
    r"\b(?:equivalent|comparable)\b(?:[\s,]+[\w'’-]+){0,4}?[\s,]+experience\b"
    r"|\bexperience\b(?:[\s,]+[\w'’-]+){0,4}?[\s,]+(?:equivalent|comparable)\b",
    re.I,
)


def clarity(design: RoleDesign, library: Library) -> list[Finding]:
    found: list[Finding] = []
    if not design.purpose.strip():
        found.append(
            Finding(
                "clarity.no_purpose",
                Severity.ERROR,
                "The job purpose is empty. Leaders say system roles work when their purpose and responsibilities "
                f"are set out clearly ({SCIE_2021}). Say in one or two sentences what the post is for.",
                "purpose",
            )
        )
    if design.footprint is None:
        found.append(
            Finding(
                "clarity.no_footprint",
                Severity.WARNING,
                "The footprint is not set. Say whether the post works at system, place or neighbourhood level, "
                f"or for one organisation: unclear levels are a barrier to system working ({SCIE_2021}).",
                "footprint",
            )
        )
    system_work = [r for r in design.responsibilities if r.kind is ResponsibilityKind.SYSTEM]
    footprint = design.footprint
    if footprint is not None and footprint in SYSTEM_FOOTPRINTS and not system_work:
        found.append(
            Finding(
                "clarity.title_only",
                Severity.ERROR,
                f"This is a {footprint.value} post with no system responsibilities: a new job title alone "
                "is not a system role. Add the work the post does across organisations, and mark it as system work "
                f"({SCIE_2021}).",
                "responsibilities",
            )
        )
    if not design.stability.strip():
        found.append(
            Finding(
                "clarity.no_stability",
                Severity.WARNING,
                "Nothing is said about job stability. Uncertainty about stability and career pathways puts "
                f"candidates off system roles ({SCIE_2021}): say how secure the post is and what happens if "
                "structures change.",
                "stability",
            )
        )
    found += _job_details(design)
    found += managers(design)
    return found


def _job_details(design: RoleDesign) -> list[Finding]:
    """The job identification a candidate and an evaluation panel look for first (CONVENTIONS)."""
    no_employer = not design.employer.strip() and design.joint is None  # a joint post names its partners
    no_base = not design.location.strip()
    if no_employer and no_base:
        message = (
            "The job details do not say the employer or where the post is based. Candidates look for both first, "
            "and a job evaluation panel needs to know which employer's scheme grades the post."
        )
    elif no_employer:
        message = (
            "The job details do not say the employer. A job evaluation panel needs to know which employer's "
            "scheme grades the post, and candidates look for it first."
        )
    elif no_base:
        message = "The job details do not say where the post is based. Candidates look for it first."
    else:
        return []
    return [Finding("clarity.job_details", Severity.WARNING, message, "employer" if no_employer else "location")]


def coverage(design: RoleDesign, library: Library) -> list[Finding]:
    """A capability in every Systems Leadership Framework domain; suggest some for a missing one."""
    chosen = {item.id for item in design.capabilities}
    covered = {library.capabilities[i].domain for i in chosen if i in library.capabilities}
    found = []
    for domain_id, domain in library.capability_domains.items():
        if domain_id in covered:
            continue
        suggestions = [c.name for c in library.capabilities.values() if c.domain == domain_id and c.id not in chosen][
            :3
        ]
        tip = f" The library suggests: {'; '.join(suggestions)}." if suggestions else ""
        found.append(
            Finding(
                "coverage.missing_domain",
                Severity.WARNING,
                f"No capability covers '{domain.name}'. Effective system leadership relies on capabilities grouped "
                f"under the four domains of the Systems Leadership Framework ({SCIE_2018}).{tip}",
                "capabilities",
            )
        )
    return found


def person_specification(design: RoleDesign, library: Library) -> list[Finding]:
    found: list[Finding] = []
    for index, item in enumerate(design.capabilities):
        capability = library.capabilities.get(item.id)
        if capability is None:
            found.append(
                Finding(
                    "spec.unknown_capability",
                    Severity.WARNING,
                    f"The capability '{item.id}' is not in the library, so the document cannot describe it. "
                    "Remove it or add it to your library.",
                    f"capabilities[{index}].id",
                )
            )
        if not item.assessed_by:
            name = capability.name if capability else item.id
            found.append(_not_assessed(f"'{name}'", f"capabilities[{index}].assessed_by"))
    for index, criterion in enumerate(design.criteria):
        if not criterion.assessed_by:
            found.append(_not_assessed(f"'{clip(criterion.text, 60)}'", f"criteria[{index}].assessed_by"))
        years = _YEARS.search(criterion.text)
        if years:
            found.append(
                Finding(
                    "spec.years_of_experience",
                    Severity.WARNING,
                    f"'{years.group(0)}' asks for a length of service. Years of experience "
                    "exclude people by age and career breaks, not by ability: describe the experience needed instead.",
                    f"criteria[{index}].text",
                )
            )
        if (
            criterion.requirement is Requirement.ESSENTIAL
            and _DEGREE.search(criterion.text)
            and not _EXPERIENCE_ROUTE.search(criterion.text)
        ):
            found.append(
                Finding(
                    "spec.degree_essential",
                    Severity.INFO,
                    "A degree is essential here, with no other way in. If experience at the same level would do, "
                    'add "or equivalent experience", so that people without a degree can still apply.',
                    f"criteria[{index}].requirement",
                )
            )
    essentials = sum(1 for c in design.capabilities if c.requirement is Requirement.ESSENTIAL)
    essentials += sum(1 for c in design.criteria if c.requirement is Requirement.ESSENTIAL)
    if essentials > MAX_ESSENTIALS:
        found.append(
            Finding(
                "spec.too_many_essentials",
                Severity.WARNING,
                f"There are {essentials} essential criteria. Fewer essentials widen the field of candidates; keep to "
                f"{MAX_ESSENTIALS} or fewer and make the rest desirable.",
                "capabilities",
            )
        )
    return found


def _not_assessed(what: str, field: str) -> Finding:
    return Finding(
        "spec.not_assessed",
        Severity.WARNING,
        f"{what} has no way of being assessed. Say whether it is judged from the application, interview, "
        "a test, a presentation or references.",
        field,
    )
