"""The standard terms most UK public-sector job descriptions carry, in our own words.

CONVENTIONS (NHS job descriptions) lists change, mobility, safeguarding, confidentiality and
equality as the usual standard clauses, and inclusive recruitment guidance asks for statements
on reasonable adjustments and flexible working. They are written here once, so the Word file,
the PDF and the preview say the same; an HR team whose own template already has its clauses can
leave `spec.clauses` out of it.
"""

from __future__ import annotations

from roledesigner.documents.wording import join_words
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Contract

#: For a post that answers to more than one body (a joint post): where loyalties can pull apart.
JOINT_POST_CLAUSE = (
    "Conflicts of interest and answering to two bodies",
    "The postholder answers to each partner for the work done for it, and to both for the work they share. "
    "Where the partners' interests differ, the postholder says so openly, declares any conflict of interest "
    "as each partner's policy requires, and takes the matter to the line managers named above rather than "
    "deciding for one partner alone.",
)

#: For an office holder: the standards of public life, which bind appointees as employment binds staff.
CONDUCT_CLAUSE = (
    "Standards of conduct",
    "The office holder follows the seven principles of public life (the Nolan principles): selflessness, "
    "integrity, objectivity, accountability, openness, honesty and leadership. They declare any interest "
    "that could conflict with the role, and as a board member they must meet the Fit and Proper Person "
    "Test (FPPT) before appointment and each year after.",
)

#: Clauses for employees only: an office holder (a chair, a non-executive) is not employed.
_EMPLOYEE_ONLY = {"Reasonable adjustments and flexible working"}


def standard_clauses(design: RoleDesign) -> list[tuple[str, str]]:
    """(heading, text) for each standard term, fitted to the post (a joint post's partners)."""
    partners = [p.organisation.strip() for p in design.joint.partners] if design.joint else []
    if partners:
        where = "the premises of " + join_words(partners)
    elif design.footprint_name.strip():
        where = f"other sites across {design.footprint_name.strip()}, including partner organisations' premises"
    else:
        where = "other sites, including partner organisations' premises"
    clauses = [
        (
            "Changes to this description",
            "This description sets out the post as it is now. As services and partnerships change, it will be "
            "reviewed with the postholder, and any change will be agreed through consultation.",
        ),
        (
            "Where the work is done",
            f"The postholder may be asked to work at {where}, as the work across organisations needs.",
        ),
        (
            "Safeguarding",
            "Everyone who works in health and care shares a duty to protect children and adults at risk from "
            "harm. The postholder follows the employer's safeguarding policies and keeps their training up to date.",
        ),
        (
            "Confidentiality and information",
            "The postholder keeps confidential the personal and sensitive information they see, handles it as data "
            "protection law and the employer's policies require, and shares it with partners only as agreed.",
        ),
        (
            "Equality, diversity and inclusion",
            "The postholder treats everyone with dignity and respect, and helps the employer meet its duties under "
            "the Equality Act 2010, in how services are planned and in how people are recruited and led.",
        ),
        (
            "Reasonable adjustments and flexible working",
            "The employer makes reasonable adjustments for disabled applicants and staff, at every stage of "
            "recruitment and in the post. Requests to work flexibly, such as part time or as a job share, "
            "are welcome and will be considered.",
        ),
    ]
    if design.contract is Contract.APPOINTMENT:
        clauses = [clause for clause in clauses if clause[0] not in _EMPLOYEE_ONLY]
        clauses.append(CONDUCT_CLAUSE)
    if len(partners) > 1:
        clauses.append(JOINT_POST_CLAUSE)
    return clauses
