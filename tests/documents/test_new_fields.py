"""What the job specification says of the fields the design gained: the joint post's two legal steps."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.documents.clauses import CONDUCT_CLAUSE, JOINT_POST_CLAUSE, standard_clauses
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import render_docx
from roledesigner.documents.wording import (
    ARRANGEMENT_EMPLOYS_NOBODY,
    ARRANGEMENT_SENTENCES,
    STAFFING_SENTENCES,
    joint_sentences,
    time_sentences,
)
from roledesigner.domain.models import Allocation, RoleDesign, TimePlan
from roledesigner.domain.vocabulary import AllocationUnit, Contract, PartnershipArrangement, StaffingRoute
from roledesigner.library.catalogue import Library
from tests.support.designs import GOOD, joint_design
from tests.support.docxread import independent_text


@pytest.mark.parametrize("arrangement", list(PartnershipArrangement))
@pytest.mark.parametrize("route", list(StaffingRoute))
def test_both_legal_steps_are_said_then_kept_apart(arrangement: PartnershipArrangement, route: StaffingRoute) -> None:
    said = joint_sentences(joint_design(*GOOD, agreement=arrangement, staffing_route=route))
    assert said[-3:] == [ARRANGEMENT_SENTENCES[arrangement], STAFFING_SENTENCES[route], ARRANGEMENT_EMPLOYS_NOBODY]


def test_the_sentences_for_the_two_steps_are_the_ones_agreed() -> None:
    said = joint_sentences(
        joint_design(*GOOD, agreement=PartnershipArrangement.CHILDREN_ACT_S10, staffing_route=StaffingRoute.SECTION_113)
    )
    assert "The council and its partners cooperate and pool budgets under section 10 of the Children Act 2004." in said
    assert (
        "The host employer places the postholder at the other partner's disposal under section 113 of the "
        "Local Government Act 1972." in said
    )
    none = joint_sentences(joint_design(*GOOD, agreement=PartnershipArrangement.NONE, staffing_route=None))
    assert none[-2:] == [
        "The partners do not share functions or money under a formal arrangement.",
        ARRANGEMENT_EMPLOYS_NOBODY,
    ]


def test_neither_step_named_says_nothing_of_them() -> None:
    said = joint_sentences(joint_design(*GOOD, agreement=None, staffing_route=None))
    assert ARRANGEMENT_EMPLOYS_NOBODY not in said


# --- conflicts of interest for a joint post; an office holder's terms --------------------------


def test_a_joint_post_carries_the_clause_on_answering_to_two_bodies() -> None:
    headings = [heading for heading, _ in standard_clauses(joint_design(*GOOD))]
    assert JOINT_POST_CLAUSE[0] in headings
    assert JOINT_POST_CLAUSE[0] not in [heading for heading, _ in standard_clauses(RoleDesign(title="One employer"))]


def appointment(days: str = "8", system_percent: str = "100") -> RoleDesign:
    return RoleDesign(
        title="Independent chair",
        contract=Contract.APPOINTMENT,
        grade="Not used",
        term_of_office="Three years, with one further term possible.",
        remuneration="£60,000 a year.",
        time=TimePlan(
            contracted_days_per_month=Decimal(days),
            system_work=Allocation(unit=AllocationUnit.PERCENT, amount=Decimal(system_percent)),
        ),
    )


def test_an_appointment_is_counted_in_days_a_month_not_hours() -> None:
    assert time_sentences(appointment().time) == [
        "This is a part-time appointment of 8 days a month, all of it for work across the system."
    ]
    assert time_sentences(appointment(system_percent="50").time) == [
        "This is a part-time appointment of 8 days a month, of which 4 days a month (half of the appointment) "
        "are for work across the system."
    ]


def test_an_appointment_has_a_term_and_remuneration_but_no_grade_or_employee_clauses(library: Library) -> None:
    view = build_view(appointment(), library)
    rows = {row.label: row.value for row in view.details}
    assert rows["Time commitment"] == "8 days a month"
    assert rows["Term of office"] == "Three years, with one further term possible."
    assert rows["Remuneration"] == "£60,000 a year."
    assert "Grade" not in rows and "Hours" not in rows
    headings = [group.heading for group in view.clauses]
    assert "Reasonable adjustments and flexible working" not in headings
    assert CONDUCT_CLAUSE[0] in headings
    text = " ".join(independent_text(render_docx(view)).split())
    assert "Nolan principles" in text and "Time commitment" in text and "8 days a month" in text
