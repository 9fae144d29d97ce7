"""Checks that the recruitment pack can be made from the design: questions to ask, criteria to shortlist on.

The interview pack takes each capability's questions from the library, and the shortlisting
matrix takes only the criteria judged from the application (docs/recruitment.md). A capability
assessed at interview with no questions, or a person specification with nothing to shortlist on,
is found here, while the design is being written, not when a recruiter opens an empty pack.
"""

from __future__ import annotations

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Assessment
from roledesigner.library.catalogue import Library

#: The methods an interview pack covers.
_AT_INTERVIEW = (Assessment.INTERVIEW, Assessment.PRESENTATION)


def recruitment(design: RoleDesign, library: Library) -> list[Finding]:
    found: list[Finding] = []
    for index, item in enumerate(design.capabilities):
        if not any(method in item.assessed_by for method in _AT_INTERVIEW):
            continue
        capability = library.capabilities.get(item.id)
        if capability is not None and capability.interview_questions:
            continue
        if capability is None:
            message = (
                f"The capability '{item.id}' is assessed at interview but is not in the library, so the interview "
                "pack leaves it out. Add it to your library with its questions."
            )
        else:
            message = (
                f"'{capability.name}' is assessed at interview, but the library has no interview questions for it, "
                "so the interview pack can offer only general ones. Add questions to the library entry."
            )
        found.append(Finding("recruitment.no_questions", Severity.WARNING, message, f"capabilities[{index}].id"))
    rows = [item.assessed_by for item in design.capabilities if item.id in library.capabilities]
    rows += [criterion.assessed_by for criterion in design.criteria]
    if rows and not any(Assessment.APPLICATION in methods for methods in rows):
        found.append(
            Finding(
                "recruitment.nothing_from_application",
                Severity.WARNING,
                "No criterion in the person specification is judged from the application, so shortlisters have "
                "nothing to score and the shortlisting matrix is empty. Shortlisting may use only the listed "
                "criteria: mark those an application form can show as assessed by application.",
                "capabilities[0].assessed_by" if design.capabilities else "criteria[0].assessed_by",
            )
        )
    return found
