"""Parts of a job specification left as they were added or not filled in at all.

A post with no job title, a partner row still called "New partner" with no shares, a person
specification with no qualifications or no knowledge asked for, and no working relationships:
each would reach the exported document as it is (CONVENTIONS: the usual sections of a job description and the groups
of a person specification).
"""

from __future__ import annotations

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.partnerentry import NEW_PARTNER, is_new_partner
from roledesigner.domain.vocabulary import CriterionCategory
from roledesigner.library.catalogue import Library


def partners(design: RoleDesign, library: Library) -> list[Finding]:
    joint = design.joint
    if joint is None:
        return []
    found: list[Finding] = []
    for index, partner in enumerate(joint.partners):
        nothing = partner.funding_percent == 0 and partner.time_percent == 0
        if is_new_partner(partner.organisation):
            untouched = (
                f"Partner {index + 1} was added but never filled in: it is still called '{NEW_PARTNER}', with no "
                "funding and no time. Name the organisation and give its shares, or remove the row."
                if nothing
                else f"Partner {index + 1} is still called '{NEW_PARTNER}'. Name the organisation: the document "
                "shows this name to candidates and to each partner's board."
            )
            found.append(
                Finding("joint.unnamed_partner", Severity.ERROR, untouched, f"joint.partners[{index}].organisation")
            )
        elif nothing:
            found.append(
                Finding(
                    "joint.partner_gives_nothing",
                    Severity.WARNING,
                    f"'{partner.organisation}' gives no funding and none of the postholder's time. A partner in a "
                    "joint post shares the cost or the time: give its shares, or remove it.",
                    f"joint.partners[{index}].funding_percent",
                )
            )
    return found


def _categories(design: RoleDesign, library: Library) -> set[CriterionCategory]:
    """Every group the person specification fills: its own criteria and its capabilities' (from the library)."""
    groups = {criterion.category for criterion in design.criteria}
    groups |= {library.capabilities[c.id].category for c in design.capabilities if c.id in library.capabilities}
    return groups


#: The finding a person specification with no criterion of a group raises, by the group (the codes
#: below, in full so docs/checks.md's test finds them). The review lists these findings in the
#: groups' order, as the person specification prints them (review/order.py).
MISSING_GROUP_CODES: dict[CriterionCategory, str] = {
    CriterionCategory.QUALIFICATIONS: "spec.no_qualifications",
    CriterionCategory.KNOWLEDGE: "spec.no_knowledge",
}


def title(design: RoleDesign, library: Library) -> list[Finding]:
    if design.title.strip():
        return []
    return [
        Finding(
            "clarity.no_title",
            Severity.ERROR,
            "The post has no job title. Give it the title candidates will search for and see at the top of "
            "the document.",
            "title",
        )
    ]


def person_specification_groups(design: RoleDesign, library: Library) -> list[Finding]:
    groups = _categories(design, library)
    found: list[Finding] = []
    if CriterionCategory.QUALIFICATIONS not in groups:
        found.append(
            Finding(
                "spec.no_qualifications",
                Severity.WARNING,
                "The person specification asks for no qualifications. Add the qualification or professional "
                "registration the post needs, with 'or equivalent experience' where experience would do; if it "
                "needs none, accept this warning and say so.",
                "criteria",
            )
        )
    if CriterionCategory.KNOWLEDGE not in groups:
        found.append(
            Finding(
                "spec.no_knowledge",
                Severity.WARNING,
                "The person specification asks for no knowledge. Say what the postholder must know, such as the "
                "law, the services or the partnership the post works in.",
                "criteria",
            )
        )
    return found


def relationships(design: RoleDesign, library: Library) -> list[Finding]:
    if design.relationships:
        return []
    return [
        Finding(
            "clarity.no_relationships",
            Severity.WARNING,
            "No working relationships are listed. Name the organisations, boards and teams the post works with: "
            "candidates read them to see where the post sits, and a system post works across organisations.",
            "relationships",
        )
    ]


def completeness(design: RoleDesign, library: Library) -> list[Finding]:
    return [
        *title(design, library),
        *partners(design, library),
        *person_specification_groups(design, library),
        *relationships(design, library),
    ]
