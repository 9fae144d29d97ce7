"""The values rows follow the host (issue 17 item 2: "NHS Constitution values for NHS hosts, a slot
for the council's own"). Before, each role's values rows were fixed in its file, so a council-hosted
design still carried the NHS Constitution's values alone."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.domain.hosts import Host, hosts
from roledesigner.domain.models import JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import CriterionCategory, Sector, Terms
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design, with_host_values
from roledesigner.library.values import COUNCIL_SLOT, NHS_VALUES, council_values

HALF = Decimal(50)
COUNCIL = "North Shire Council"
NAMED = f"Works in line with {COUNCIL}'s values and behaviours."
SLOT = "Works in line with [the council]'s values and behaviours."


def values(design: RoleDesign) -> list[str]:
    """The values rows, less the Nolan principles that board posts carry whoever hosts them."""
    return [c.text for c in design.criteria if c.category is CriterionCategory.VALUES and "Nolan" not in c.text]


def partners(*sectors: Sector) -> JointArrangement:
    names = {Sector.LOCAL_AUTHORITY: COUNCIL, Sector.ICB: "North Shire Integrated Care Board"}
    return JointArrangement(
        partners=[
            Partner(organisation=names.get(s, "A trust"), sector=s, host=not i, funding_percent=HALF, time_percent=HALF)
            for i, s in enumerate(sectors)
        ]
    )


def test_the_library_holds_both_values_rows_for_each_role_to_choose_from(library: Library) -> None:
    for role in library.roles.values():
        texts = [c.text for c in role.criteria if c.category is CriterionCategory.VALUES]
        assert NHS_VALUES in texts and SLOT in texts, role.id


def test_a_post_with_no_host_named_takes_its_roles_sector(library: Library) -> None:
    """Every bundled role that is not joint is first found in an NHS body, so it starts with the NHS values."""
    for role in library.roles.values():
        expected = [NHS_VALUES, SLOT] if role.joint else [NHS_VALUES]
        assert values(new_design(library, role.id)) == expected, role.id


@pytest.mark.parametrize("role_id", ["transformation_programme_lead", "place_chief_executive", "system_finance_lead"])
def test_a_council_employer_gets_its_own_values_named_not_the_nhs_constitution(library: Library, role_id: str) -> None:
    design = new_design(library, role_id, employer=COUNCIL)
    assert design.employer == COUNCIL
    assert values(design) == [NAMED]
    (row,) = [c for c in design.criteria if c.text == NAMED]
    assert row.assessed_by, "judged like any other row"


def test_an_nhs_employer_gets_the_nhs_constitution(library: Library) -> None:
    design = new_design(library, "place_chief_executive", employer="North Shire NHS Foundation Trust")
    assert values(design) == [NHS_VALUES]


def test_a_joint_post_gets_both_and_the_council_row_is_named_once_the_partner_is(library: Library) -> None:
    design = new_design(library, "joint_mental_health_lead")
    assert values(design) == [NHS_VALUES, SLOT]
    named = with_host_values(design.model_copy(update={"joint": partners(Sector.ICB, Sector.LOCAL_AUTHORITY)}))
    assert values(named) == [NHS_VALUES, NAMED]
    nhs_only = with_host_values(design.model_copy(update={"joint": partners(Sector.ICB, Sector.NHS_TRUST)}))
    assert values(nhs_only) == [NHS_VALUES]


def test_a_council_hosted_design_with_nhs_values_only_is_put_right(library: Library) -> None:
    """The auditor's case: employer a council, Green Book terms, the NHS Constitution row alone."""
    design = new_design(library, "transformation_programme_lead").model_copy(
        update={"employer": COUNCIL, "terms": Terms.NJC_GREEN_BOOK}
    )
    assert values(design) == [NHS_VALUES]
    fixed = with_host_values(design)
    assert values(fixed) == [NAMED]
    others = [c for c in design.criteria if c.category is not CriterionCategory.VALUES]
    assert [c for c in fixed.criteria if c.category is not CriterionCategory.VALUES] == others, "the rest kept"


def test_green_book_terms_place_an_unnamed_employer_as_a_council(library: Library) -> None:
    design = new_design(library, "system_data_scientist").model_copy(update={"terms": Terms.NJC_GREEN_BOOK})
    assert values(with_host_values(design)) == [council_values("")]
    assert COUNCIL_SLOT in council_values("")


def test_a_design_that_does_not_say_its_host_is_left_alone(library: Library) -> None:
    design = new_design(library, "system_data_scientist").model_copy(update={"employer": "Acme Analytics Ltd"})
    assert hosts(design) == frozenset()
    assert with_host_values(design) is design


def test_hosts_follow_partners_then_terms_then_the_employers_words() -> None:
    assert hosts(RoleDesign(title="x", joint=JointArrangement())) == {Host.NHS, Host.COUNCIL}
    assert hosts(RoleDesign(title="x", terms=Terms.VSM, employer=COUNCIL)) == {Host.NHS}
    assert hosts(RoleDesign(title="x", employer="Kent County Council")) == {Host.COUNCIL}
    assert hosts(RoleDesign(title="x", employer="North Shire Integrated Care Board")) == {Host.NHS}
