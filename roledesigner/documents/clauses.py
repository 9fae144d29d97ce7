"""The standard terms a UK public-sector job description ends with, in our own words.

CONVENTIONS (NHS job descriptions) lists change, mobility, safeguarding, confidentiality and
equality as the usual standard clauses, and inclusive recruitment guidance asks for statements
on reasonable adjustments and flexible working. The library review (finding 14) adds what NHS
descriptions also carry (health and safety, infection prevention and control, records, Freedom
of Information) and what a council's may need (politically restricted posts under the Local
Government and Housing Act 1989). Which set a post gets follows the sector of its employer: a
joint post gets every partner's set, each clause once. Board posts get the Fit and Proper
Person Test, NHS England's leadership competency framework and the Nolan principles; an office
holder (a chair) is not employed, so it gets no clause that binds only employees.

They are written here once, so the Word file, the PDF and the preview say the same; an HR team
whose own template already has its clauses can leave `spec.clauses` out of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from roledesigner.documents.wording import join_words
from roledesigner.domain.hosts import Host, hosts
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Contract

#: Whose standard clauses a post carries: the NHS's or a council's (both for a joint post).
Family = Host


#: For a post that answers to more than one body (a joint post): where loyalties can pull apart.
JOINT_POST_CLAUSE = (
    "Conflicts of interest and answering to two bodies",
    "The postholder answers to each partner for the work done for it, and to both for the work they share. "
    "Where the partners' interests differ, the postholder says so openly, declares any conflict of interest "
    "as each partner's policy requires, and takes the matter to the line managers named above rather than "
    "deciding for one partner alone.",
)

#: For a board member or an office holder: the standards of public life.
CONDUCT_CLAUSE = (
    "Standards of conduct",
    "The postholder follows the seven principles of public life (the Nolan principles): selflessness, "
    "integrity, objectivity, accountability, openness, honesty and leadership. They declare any interest "
    "that could conflict with the role, as the body's register of interests requires.",
)

#: For a board post: NHS England's Fit and Proper Person Test (FPPT), in force from 30 September 2023.
FPPT_CLAUSE = (
    "Fit and Proper Person Test",
    "Where the post holds a seat on the board of an NHS body, such as an integrated care board, the "
    "postholder must meet the Fit and Proper Person Test (FPPT) before appointment. They are assessed against "
    "it every year, and they tell the body at once of anything that may affect their fitness.",
)

#: The six domains of NHS England's leadership competency framework for board members (2024).
LEADERSHIP_DOMAINS = (
    "driving high-quality and sustainable outcomes",
    "setting strategy and delivering long-term transformation",
    "promoting equality and inclusion, and reducing health and workforce inequalities",
    "providing robust governance and assurance",
    "creating a compassionate, just and positive culture",
    "building a trusted relationship with partners and communities",
)
LEADERSHIP_CLAUSE = (
    "Leadership competency framework",
    "Where the post holds a seat on the board of an NHS body, the postholder's appraisal as a board member "
    "uses the six domains of NHS England's leadership competency framework for board members: "
    + "; ".join(LEADERSHIP_DOMAINS)
    + ".",
)

#: Clauses for employees only: an office holder (a chair, a non-executive) is not employed.
_EMPLOYEE_ONLY = {
    "Reasonable adjustments and flexible working",
    "Health and safety",
    "Infection prevention and control",
    "Conduct and interests",
    "Politically restricted posts",
}


@dataclass(frozen=True)
class Clause:
    heading: str
    lines: list[str]


def families(design: RoleDesign) -> set[Family]:
    """Whose clauses the post carries: every partner's for a joint post (both sets until the
    partners are named), else the employer's.

    A post with one employer says its sector through its pay framework (Agenda for Change or
    very senior manager terms for the NHS; the Green Book or a JNC for a council), else through
    the employer's name. An employer the design does not place is taken as the NHS, which
    hosts most of the library's posts.
    """
    found = set(hosts(design))
    return found if found or design.joint is not None else {Family.NHS}


def is_board_post(design: RoleDesign, senior: bool) -> bool:
    """A board post: based on a library role marked senior, or asking for the Fit and Proper Person Test."""
    return senior or any("fit and proper person" in c.text.casefold() for c in design.criteria)


def _records(found: set[Family]) -> Clause:
    if found == {Family.COUNCIL}:
        return Clause(
            "Data protection and records",
            [
                "The postholder handles personal data as the UK General Data Protection Regulation (UK GDPR) and the "
                "Data Protection Act 2018 require. They keep the council's records accurate and secure, and keep or "
                "dispose of them as its retention schedule says."
            ],
        )
    whose = "each partner's" if len(found) > 1 else "the employer's"
    return Clause(
        "Records management",
        [
            "Records the postholder creates or uses at work are public records. They keep them accurate and secure, "
            f"and keep or dispose of them as {whose} records management policy says."
        ],
    )


def _sector_clauses(found: set[Family]) -> list[Clause]:
    if not found:
        return []
    clauses = [
        Clause(
            "Health and safety",
            [
                "The postholder takes reasonable care of their own health and safety and that of others affected by "
                "their work, as the Health and Safety at Work etc. Act 1974 requires. They follow the employer's "
                "health and safety policies and report incidents and hazards."
            ],
        )
    ]
    if Family.NHS in found:
        clauses.append(
            Clause(
                "Infection prevention and control",
                [
                    "The postholder follows the infection prevention and control policies that apply where they "
                    "work, and makes sure the services they lead do the same."
                ],
            )
        )
    clauses.append(_records(found))
    clauses.append(
        Clause(
            "Freedom of Information",
            [
                "As a public authority, the employer is subject to the Freedom of Information Act 2000. "
                "Information held for work, emails and notes included, may have to be released on request, "
                "so the postholder records it accurately and professionally."
            ],
        )
    )
    if len(found) > 1:
        whose = "each partner's code of conduct or standards of business conduct"
    elif Family.COUNCIL in found:
        whose = "the council's code of conduct for employees"
    else:
        whose = "the employer's standards of business conduct"
    clauses.append(
        Clause(
            "Conduct and interests",
            [
                f"The postholder follows {whose}. They declare interests, gifts and hospitality as those rules "
                "require, and never use the post for private gain."
            ],
        )
    )
    if Family.COUNCIL in found:
        clauses.append(
            Clause(
                "Politically restricted posts",
                [
                    "Where this post is politically restricted under the Local Government and Housing Act 1989, the "
                    "postholder may not stand for election, act as an election agent or hold office in a political "
                    "party, nor speak or write in public to win support for a party. Whether a post is restricted "
                    "depends on its duties and seniority: the council confirms it before appointment."
                ],
            )
        )
    return clauses


def _common(design: RoleDesign) -> list[Clause]:
    partners = [p.organisation.strip() for p in design.joint.partners] if design.joint else []
    if partners:
        where = "the premises of " + join_words(partners)
    elif design.footprint_name.strip():
        where = f"other sites across {design.footprint_name.strip()}, including partner organisations' premises"
    else:
        where = "other sites, including partner organisations' premises"
    pairs = [
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
    return [Clause(heading, [text]) for heading, text in pairs]


def clauses_for(design: RoleDesign, *, board: bool = False) -> list[Clause]:
    """Every standard term the post carries, in order: common, its sectors', board, joint; each once."""
    clauses = _common(design) + _sector_clauses(families(design))
    appointment = design.contract is Contract.APPOINTMENT
    if appointment:  # an office holder has no employer: the body that appoints them
        clauses = [Clause(c.heading, [line.replace("the employer", "the body") for line in c.lines]) for c in clauses]
    if board or appointment:
        # The standards of public life bind every board member and office holder; the Fit and Proper
        # Person Test and the leadership competency framework are NHS England's, for NHS boards only.
        # An employee keeps the employer's (or council's) own code beside them.
        nhs_only = (FPPT_CLAUSE, LEADERSHIP_CLAUSE) if Family.NHS in families(design) else ()
        clauses += [Clause(heading, [text]) for heading, text in (CONDUCT_CLAUSE, *nhs_only)]
    if appointment:
        clauses = [clause for clause in clauses if clause.heading not in _EMPLOYEE_ONLY]
    if design.joint is not None and len(design.joint.partners) > 1:
        clauses.append(Clause(*JOINT_POST_CLAUSE[:1], [JOINT_POST_CLAUSE[1]]))
    seen: set[str] = set()
    unique = []
    for clause in clauses:
        if clause.heading not in seen:
            seen.add(clause.heading)
            unique.append(clause)
    return unique


def standard_clauses(design: RoleDesign, *, board: bool = False) -> list[tuple[str, str]]:
    """(heading, text) for each standard term, fitted to the post (see `clauses_for`)."""
    return [(clause.heading, " ".join(clause.lines)) for clause in clauses_for(design, board=board)]
