"""The person specification as plain text to paste into NHS Jobs or Trac, grouped as they ask.

NHS Jobs keeps essential and desirable qualifications, experience, and skills and knowledge in
separate fields, and Trac users paste criteria in by hand, so the text has those three groups
(personal qualities go with skills and knowledge, as those systems have no field of their own for
them; values, where the person specification has them, and "other" requirements, such as a DBS
check, come last), each with its essential criteria
and then its desirable ones, one criterion to a line. Every criterion is here, however assessed:
applicants see the whole person specification.
"""

from __future__ import annotations

from roledesigner.documents.packs.rows import spec_rows
from roledesigner.documents.viewmodel import clean
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import CriterionCategory, Requirement, label
from roledesigner.library.catalogue import Library

#: The groups NHS Jobs and Trac ask for, in their order, with the person-specification areas in
#: each (by value); any area not named here goes under "Other".
GROUPS: list[tuple[str, frozenset[str]]] = [
    ("Qualifications", frozenset({"qualifications"})),
    ("Experience", frozenset({"experience"})),
    ("Skills and knowledge", frozenset({"knowledge", "skills", "personal_qualities"})),
    ("Values", frozenset({"values"})),
]
OTHER = "Other"
NO_CRITERIA = "This person specification has no criteria yet."


def criteria_text(design: RoleDesign, library: Library) -> str:
    """Paste-ready text: a heading a group, then "Essential:" and "Desirable:" each with its lines."""
    rows = spec_rows(design, library)
    title = clean(design.title.strip()) or "Untitled role"
    lines = [f"Person specification: {' '.join(title.split())}", ""]
    if not rows:
        return "\n".join([*lines, NO_CRITERIA, ""])
    named = frozenset().union(*(areas for _, areas in GROUPS))
    groups = [*GROUPS, (OTHER, frozenset(c.value for c in CriterionCategory) - named)]
    for heading, areas in groups:
        group = [row for row in rows if row.category.value in areas]
        if not group:
            continue
        lines += [heading, ""]
        for requirement in Requirement:
            texts = [row.text for row in group if row.requirement is requirement]
            if texts:
                lines += [f"{label(requirement)}:", *(f"- {text}" for text in texts), ""]
    return "\n".join(lines)
