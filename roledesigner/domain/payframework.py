"""Which pay framework, and so which job evaluation scheme, grades a post: one answer for review and documents."""

from __future__ import annotations

from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Contract, Terms

#: The scheme each pay framework grades a post by, as the document's grade row and the review
#: name it ("Subject to job evaluation under ..."); acronyms spelled out, as the documents are read
#: by candidates.
EVALUATION_SCHEMES: dict[Terms, str] = {
    Terms.AGENDA_FOR_CHANGE: "Agenda for Change, through the NHS Job Evaluation Scheme",
    Terms.VSM: "the very senior manager (VSM) pay framework",
    Terms.NJC_GREEN_BOOK: "the National Joint Council (NJC) job evaluation scheme (Green Book)",
    Terms.JNC_CHIEF_OFFICERS: "the Joint Negotiating Committee (JNC) for Chief Officers",
    Terms.JNC_CHIEF_EXECUTIVES: "the Joint Negotiating Committee (JNC) for Chief Executives",
}


def pay_framework(design: RoleDesign) -> Terms | None:
    """The host partner's framework for a joint post, else the design's own; None when none is named.

    `other` names nothing a panel can use, so it counts as none. An appointment is not graded at
    all (its remuneration is set for the office), so it has none either.
    """
    if design.contract is Contract.APPOINTMENT:
        return None
    joint = design.joint
    host = next((p for p in joint.partners if p.host), None) if joint else None
    if host is not None and host.terms is not Terms.OTHER:
        return host.terms
    return design.terms if design.terms is not Terms.OTHER else None
