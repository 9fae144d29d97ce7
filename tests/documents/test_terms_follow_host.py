"""One rule says whose employer a post works for: the standard terms and the values rows agree."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from roledesigner.documents.clauses import families
from roledesigner.domain.hosts import Host, host_of_name, hosts
from roledesigner.domain.models import JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import Sector, Terms

NAMES = ["North Shire Council", "Westtown NHS Foundation Trust", "North Shire ICB", "Acme Ltd"]
names = st.sampled_from(NAMES)
partners = st.lists(
    st.builds(
        Partner,
        organisation=names,
        sector=st.sampled_from(list(Sector)),
        funding_percent=st.just(Decimal(50)),
        time_percent=st.just(Decimal(50)),
    ),
    max_size=3,
)
designs = st.builds(
    RoleDesign,
    title=st.just("A post"),
    employer=st.sampled_from(["", *NAMES]),
    terms=st.sampled_from(list(Terms)),
    joint=st.none() | st.builds(JointArrangement, partners=partners),
)


@given(designs)
def test_the_standard_terms_follow_the_host_and_take_the_nhs_only_for_an_unplaced_single_employer(
    design: RoleDesign,
) -> None:
    found = hosts(design)
    if found or design.joint is not None:
        assert families(design) == set(found)
    else:
        assert families(design) == {Host.NHS}


def test_names_place_an_employer_and_a_health_word_wins_over_a_council_word() -> None:
    assert host_of_name("Westtown City Council") is Host.COUNCIL
    assert host_of_name("North Shire NHS Foundation Trust") is Host.NHS
    assert host_of_name("County Durham and Darlington NHS Foundation Trust") is Host.NHS
    assert host_of_name("Acme Consulting Ltd") is None
