"""Designs that tests in several folders build on: a full one, and joint arrangements."""

from __future__ import annotations

from decimal import Decimal
from decimal import Decimal as D

from roledesigner.domain.models import (
    Allocation,
    Development,
    JointArrangement,
    Partner,
    Relationship,
    RoleDesign,
    TimePlan,
)
from roledesigner.domain.vocabulary import AllocationUnit as Unit
from roledesigner.domain.vocabulary import Footprint, PartnershipArrangement, Sector, StaffingRoute, Terms
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design

ORGANISATION = "North Shire Integrated Care Board"


def full_design(library: Library) -> RoleDesign:
    """A design that fills every section, joint partners included."""
    design = new_design(library, "joint_mental_health_lead")
    return design.model_copy(
        update={
            "system_context": "North Shire has two places and one integrated care board (ICB).\n\nBudgets are pooled.",
            "stability": "The post is permanent.",
            "relationships": [Relationship(name="Director of Public Health", sector=Sector.LOCAL_AUTHORITY)],
            "development": Development(learning_hours_per_month=Decimal(8), coaching=True),
            "joint": JointArrangement(
                agreement=PartnershipArrangement.SECTION_75,
                staffing_route=StaffingRoute.SECTION_113,
                partners=[
                    Partner(
                        organisation=ORGANISATION,
                        sector=Sector.ICB,
                        host=True,
                        funding_percent=Decimal(60),
                        time_percent=Decimal(50),
                        terms=Terms.AGENDA_FOR_CHANGE,
                    ),
                    Partner(
                        organisation="North Shire Council",
                        sector=Sector.LOCAL_AUTHORITY,
                        funding_percent=Decimal(40),
                        time_percent=Decimal(50),
                        terms=Terms.NJC_GREEN_BOOK,
                        honorary_contract=True,
                    ),
                ],
            ),
        }
    )


def partner(name: str, funding: str, time: str, host: bool = False, manager: str = "A manager") -> Partner:
    return Partner(
        organisation=name,
        sector="icb" if host else "local_authority",  # type: ignore[arg-type]
        host=host,
        funding_percent=D(funding),
        time_percent=D(time),
        line_manager=manager,
    )


def joint_design(
    *partners: Partner,
    agreement: PartnershipArrangement | None = PartnershipArrangement.SECTION_75,
    staffing_route: StaffingRoute | None = StaffingRoute.JOINT_EMPLOYMENT,
) -> RoleDesign:
    """A joint post with both legal steps stated unless a test leaves one out."""
    return RoleDesign(
        title="Joint lead",
        footprint=Footprint.PLACE,
        time=TimePlan(system_work=Allocation(unit=Unit.PERCENT, amount=D(50))),
        joint=JointArrangement(partners=list(partners), agreement=agreement, staffing_route=staffing_route),
    )


GOOD = (partner("North Shire ICB", "60", "60", host=True), partner("Westtown Council", "40", "40"))
