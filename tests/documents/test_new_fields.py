"""What the job specification says of the fields the design gained: the joint post's two legal steps."""

from __future__ import annotations

import pytest

from roledesigner.documents.wording import (
    ARRANGEMENT_EMPLOYS_NOBODY,
    ARRANGEMENT_SENTENCES,
    STAFFING_SENTENCES,
    joint_sentences,
)
from roledesigner.domain.vocabulary import PartnershipArrangement, StaffingRoute
from tests.support.designs import GOOD, joint_design


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
