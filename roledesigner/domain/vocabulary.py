"""The closed lists of words a design and the library share, with their plain-English labels.

Kept in one place so the file format, the library, the documents and the app agree on spelling.
"""

from __future__ import annotations

from enum import StrEnum


class Footprint(StrEnum):
    SYSTEM = "system"
    PLACE = "place"
    NEIGHBOURHOOD = "neighbourhood"
    ORGANISATION = "organisation"


class Function(StrEnum):
    """The three sides of the leadership 'triangle' (SCIE 2021)."""

    EXECUTIVE = "executive"
    CLINICAL = "clinical"
    LAY = "lay"


class Sector(StrEnum):
    NHS_TRUST = "nhs_trust"
    ICB = "icb"
    LOCAL_AUTHORITY = "local_authority"
    PRIMARY_CARE = "primary_care"
    VCSE = "vcse"
    INDEPENDENT = "independent"
    OTHER = "other"


class Requirement(StrEnum):
    ESSENTIAL = "essential"
    DESIRABLE = "desirable"


class Assessment(StrEnum):
    APPLICATION = "application"
    INTERVIEW = "interview"
    TEST = "test"
    PRESENTATION = "presentation"
    REFERENCES = "references"


class ResponsibilityKind(StrEnum):
    ORGANISATIONAL = "organisational"
    SYSTEM = "system"


class CriterionCategory(StrEnum):
    QUALIFICATIONS = "qualifications"
    EXPERIENCE = "experience"
    KNOWLEDGE = "knowledge"
    SKILLS = "skills"
    PERSONAL_QUALITIES = "personal_qualities"
    #: The values the post works by: the NHS Constitution's, or the council's own.
    VALUES = "values"
    OTHER = "other"


class Contract(StrEnum):
    PERMANENT = "permanent"
    FIXED_TERM = "fixed_term"
    SECONDMENT = "secondment"
    #: An office holder (a chair or non-executive), appointed for a term: not an employee.
    APPOINTMENT = "appointment"


class AllocationUnit(StrEnum):
    PERCENT = "percent"
    HOURS_PER_WEEK = "hours_per_week"
    DAYS_PER_WEEK = "days_per_week"
    PROGRAMMED_ACTIVITIES = "programmed_activities"
    #: General practice sessions of 4 hours 10 minutes (9 make a full-time week of 37.5 hours).
    SESSIONS = "sessions"


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"


class Terms(StrEnum):
    AGENDA_FOR_CHANGE = "agenda_for_change"
    NJC_GREEN_BOOK = "njc_green_book"
    JNC_CHIEF_OFFICERS = "jnc_chief_officers"
    JNC_CHIEF_EXECUTIVES = "jnc_chief_executives"
    VSM = "vsm"
    OTHER = "other"


class PartnershipArrangement(StrEnum):
    """A joint post's first legal step: how the partners share functions and money. None employs anyone."""

    SECTION_75 = "section_75"
    SECTION_65Z5 = "section_65z5"
    SECTION_65Z6 = "section_65z6"
    CHILDREN_ACT_S10 = "children_act_s10"
    #: Another written agreement between the partners (what format 2's `other` meant).
    OTHER = "other"
    NONE = "none"


class StaffingRoute(StrEnum):
    """A joint post's second legal step: how the postholder comes to work for both partners."""

    SECTION_113 = "section_113"
    SECONDMENT_HONORARY_CONTRACT = "secondment_honorary_contract"
    JOINT_EMPLOYMENT = "joint_employment"
    SINGLE_EMPLOYER = "single_employer"


class LegalBasis(StrEnum):
    """Format 2's single `agreement` field, which mixed the two steps above.

    Kept only so that code not yet moved to the two fields still imports; a design reads these
    values and files them under the right step (`domain.migrations.split_agreement`).
    """

    SECTION_75 = "section_75"
    SECTION_113 = "section_113"
    SECONDMENT = "secondment"
    JOINT_EMPLOYMENT = "joint_employment"
    OTHER = "other"


class Status(StrEnum):
    """The life of a job description, in order (DESIGN.md); format 2's `in_review` and `final`
    are read as `submitted_for_evaluation` and `approved`."""

    DRAFT = "draft"
    AGREED_WITH_MANAGER = "agreed_with_manager"
    SUBMITTED_FOR_EVALUATION = "submitted_for_evaluation"
    EVALUATED = "evaluated"
    APPROVED = "approved"
    ADVERTISED = "advertised"


class Decision(StrEnum):
    """A partner's or manager's answer to a sign-off request."""

    PENDING = "pending"
    APPROVED = "approved"
    RETURNED = "returned"


LABELS: dict[str, str] = {
    "system": "System",
    "place": "Place",
    "neighbourhood": "Neighbourhood",
    "organisation": "Organisation",
    "executive": "Executive",
    "clinical": "Clinical",
    "lay": "Lay",
    "nhs_trust": "NHS trust",
    "icb": "Integrated care board",
    "local_authority": "Local authority",
    "primary_care": "Primary care",
    "vcse": "Voluntary, community and social enterprise",
    "independent": "Independent sector",
    "other": "Other",
    "essential": "Essential",
    "desirable": "Desirable",
    "application": "Application",
    "interview": "Interview",
    "test": "Test or exercise",
    "presentation": "Presentation",
    "references": "References",
    "organisational": "Organisational",
    "qualifications": "Qualifications",
    "experience": "Experience",
    "knowledge": "Knowledge",
    "skills": "Skills",
    "personal_qualities": "Personal qualities",
    "values": "Values",
    "permanent": "Permanent",
    "fixed_term": "Fixed term",
    "secondment": "Secondment",
    "appointment": "Appointment (office holder)",
    "percent": "per cent of the post",
    "hours_per_week": "hours a week",
    "days_per_week": "days a week",
    "programmed_activities": "programmed activities a week",
    "sessions": "sessions a week",
    "agenda_for_change": "Agenda for Change",
    "njc_green_book": "National Joint Council (Green Book)",
    "jnc_chief_officers": "Joint Negotiating Committee for Chief Officers",
    "jnc_chief_executives": "Joint Negotiating Committee for Chief Executives",
    "vsm": "Very senior manager",
    "section_75": "Section 75 partnership agreement (NHS Act 2006)",
    "section_113": "Section 113 agreement (Local Government Act 1972)",
    "section_65z5": "Section 65Z5 joint working or delegation arrangement (NHS Act 2006)",
    "section_65z6": "Section 65Z6 pooled fund (NHS Act 2006)",
    "children_act_s10": "Section 10 pooled budget (Children Act 2004)",
    "none": "No partnership arrangement",
    "secondment_honorary_contract": "Secondment with an honorary contract",
    "joint_employment": "Joint employment",
    "single_employer": "Employed by the host alone",
    "draft": "Draft",
    "agreed_with_manager": "Agreed with the line manager",
    "submitted_for_evaluation": "Submitted for job evaluation",
    "evaluated": "Evaluated",
    "approved": "Approved",
    "advertised": "Advertised",
    "pending": "Pending",
    "returned": "Returned for changes",
}


def label(value: str) -> str:
    """Plain-English label for a vocabulary value; unknown values are shown as they are."""
    return LABELS.get(str(value), str(value).replace("_", " ").capitalize())
