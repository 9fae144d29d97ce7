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


def standard_clauses(design: RoleDesign) -> list[tuple[str, str]]:
    """(heading, text) for each standard term, fitted to the post (a joint post's partners)."""
    partners = [p.organisation.strip() for p in design.joint.partners] if design.joint else []
    if partners:
        where = "the premises of " + join_words(partners)
    elif design.footprint_name.strip():
        where = f"other sites across {design.footprint_name.strip()}, including partner organisations' premises"
    else:
        where = "other sites, including partner organisations' premises"
    return [
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
