"""A full sample design that fills every section: for checking templates and for documentation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from roledesigner.domain.models import (
    Criterion,
    Development,
    Dimensions,
    JointArrangement,
    Partner,
    Relationship,
    RoleDesign,
    UnmappedBlock,
)
from roledesigner.domain.vocabulary import (
    Assessment,
    CriterionCategory,
    PartnershipArrangement,
    Requirement,
    Sector,
    StaffingRoute,
    Terms,
    Weekday,
)
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import design_from_role

SAMPLE_ROLE = "joint_mental_health_lead"


def sample_design(library: Library) -> RoleDesign:
    """A joint NHS and council post with every part filled, as an ICS lead might write it."""
    role = library.roles.get(SAMPLE_ROLE) or next(iter(library.roles.values()), None)
    base = design_from_role(role) if role else RoleDesign(title="Sample role")
    time = base.time.model_copy(update={"protected_days": [Weekday.TUESDAY, Weekday.THURSDAY]})
    return base.model_copy(
        update={
            "employer": "North Shire Integrated Care Board",
            "footprint_name": "Westtown place",
            "grade": "Agenda for Change band 8d",
            "location": "Westtown Civic Centre and North Shire House",
            "reports_to": ["Place director, North Shire Integrated Care Board"],
            "accountable_to": [
                "Chief executive, North Shire Integrated Care Board",
                "Chief executive, Westtown Council",
            ],
            "appraisal_lead": "Place director, North Shire Integrated Care Board, with input from the council",
            "system_context": "Westtown is one of four places in the North Shire integrated care system.",
            "criteria": [
                Criterion(
                    category=CriterionCategory.QUALIFICATIONS,
                    text="Professional registration in a health or care profession, or equivalent experience.",
                    requirement=Requirement.DESIRABLE,
                    assessed_by=[Assessment.APPLICATION],
                ),
                Criterion(
                    category=CriterionCategory.KNOWLEDGE,
                    text="Knowledge of the duties to work in partnership in the NHS Act 2006 and the Care Act 2014.",
                    assessed_by=[Assessment.APPLICATION, Assessment.INTERVIEW],
                ),
            ],
            "relationships": [
                Relationship(name="Westtown Council director of adult social services", sector=Sector.LOCAL_AUTHORITY),
                Relationship(name="Westtown primary care network clinical directors", sector=Sector.PRIMARY_CARE),
            ],
            "time": time,
            "joint": JointArrangement(
                partners=[
                    Partner(
                        organisation="North Shire Integrated Care Board",
                        sector=Sector.ICB,
                        host=True,
                        funding_percent=Decimal(60),
                        time_percent=Decimal(60),
                        line_manager="Place director",
                        terms=Terms.AGENDA_FOR_CHANGE,
                    ),
                    Partner(
                        organisation="Westtown Council",
                        sector=Sector.LOCAL_AUTHORITY,
                        funding_percent=Decimal(40),
                        time_percent=Decimal(40),
                        line_manager="Director of adult social services",
                        terms=Terms.NJC_GREEN_BOOK,
                        honorary_contract=True,
                    ),
                ],
                agreement=PartnershipArrangement.SECTION_75,
                staffing_route=StaffingRoute.SECONDMENT_HONORARY_CONTRACT,
                governance_notes="Decisions are reported to the integrated care board and to the council's cabinet.",
            ),
            "development": Development(
                learning_hours_per_month=Decimal(4),
                coaching=True,
                peer_network=True,
                programmes=["System leadership programme"],
            ),
            "stability": "This is a permanent post. If the partnership ends, the post returns to the host employer.",
            "author": "Role Designer",
            "updated": dt.date(2026, 11, 22),
            "dimensions": Dimensions(
                budget="A pooled mental health budget of £4.2 million",
                staff_managed="12 staff across both partners",
                decisions="Commissions services of up to £250,000 within the agreed plan",
            ),
            # Text an import could not place: the sample fills every section a document can have.
            "unmapped": [
                UnmappedBlock(
                    text="The postholder may be asked to take on other duties of a similar level.",
                    heading="Other duties",
                    source="table 2, row 3",
                )
            ],
        }
    )
