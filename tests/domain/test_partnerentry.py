"""What filling in a new partner row fills in: the sector its name says, and the time share as its
funding share while both are still 0 (domain/partnerentry.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from roledesigner.domain.edits import set_value
from roledesigner.domain.models import Partner
from roledesigner.domain.partnerentry import (
    NEW_PARTNER,
    SECTOR_WORDS,
    filled_in,
    suggested_sector,
    with_follow_ons,
)
from roledesigner.domain.vocabulary import Sector
from tests.support.designs import joint_design


def new_partner(**fields: object) -> Partner:
    values: dict[str, object] = {
        "organisation": NEW_PARTNER,
        "sector": Sector.OTHER,
        "funding_percent": Decimal(0),
        "time_percent": Decimal(0),
    }
    values.update(fields)
    return Partner.model_validate(values)


def named(before: Partner, name: str) -> Partner:
    return before.model_copy(update={"organisation": name})


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("North Shire ICB", Sector.ICB),
        ("NHS North Shire Integrated Care Board", Sector.ICB),
        ("NHS Somerset ICB", Sector.ICB),
        ("Westshire Hospitals NHS Foundation Trust", Sector.NHS_TRUST),
        ("Eastshire Partnership Foundation Trust", Sector.NHS_TRUST),
        ("Westtown Council", Sector.LOCAL_AUTHORITY),
        ("Westshire County Council", Sector.LOCAL_AUTHORITY),
        ("London Borough of Camden", Sector.LOCAL_AUTHORITY),
        ("westtown borough council", Sector.LOCAL_AUTHORITY),
        ("Westtown Council for Voluntary Service", Sector.VCSE),
        ("Riverside Primary Care Network", Sector.PRIMARY_CARE),
        ("Riverside PCN", Sector.PRIMARY_CARE),
        ("Westtown Wildlife Trust", None),  # a charity: "trust" alone says nothing
        ("Nhsx Councillors' Club", None),  # whole words only
        ("Acme Care Ltd", None),
        ("", None),
    ],
)
def test_the_sector_a_name_says(name: str, sector: Sector | None) -> None:
    assert suggested_sector(name) is sector


def test_naming_a_new_partner_sets_the_sector_its_name_says() -> None:
    assert filled_in(new_partner(), named(new_partner(), "North Shire ICB")).sector is Sector.ICB
    assert filled_in(new_partner(), named(new_partner(), "Westtown Council")).sector is Sector.LOCAL_AUTHORITY


def test_a_sector_already_chosen_or_a_partner_already_named_is_kept() -> None:
    chosen = new_partner(sector=Sector.VCSE)
    assert filled_in(chosen, named(chosen, "Westtown Council")).sector is Sector.VCSE
    acme = new_partner(organisation="Acme")
    assert filled_in(acme, named(acme, "Acme Council")).sector is Sector.OTHER, "a rename is not a first naming"


def test_a_fresh_partners_funding_share_is_its_time_share_too() -> None:
    fresh = new_partner()
    funded = filled_in(fresh, fresh.model_copy(update={"funding_percent": Decimal(60)}))
    assert (funded.funding_percent, funded.time_percent) == (Decimal(60), Decimal(60))


@pytest.mark.parametrize(
    ("funding", "time"),
    [(Decimal(0), Decimal(25)), (Decimal(30), Decimal(0))],  # time given first; time put back to 0 on purpose
)
def test_a_time_share_given_or_set_to_0_on_purpose_is_kept(funding: Decimal, time: Decimal) -> None:
    partner = new_partner(organisation="Westtown Council", funding_percent=funding, time_percent=time)
    after = filled_in(partner, partner.model_copy(update={"funding_percent": Decimal(45)}))
    assert after.time_percent == time


def test_the_design_edit_fills_in_the_row_it_changed_and_nothing_else() -> None:
    other = new_partner()
    before = joint_design(new_partner(), other)
    after = with_follow_ons(before, set_value(before, "joint.partners[0].organisation", "North Shire ICB"))
    assert after.joint is not None
    assert after.joint.partners[0].sector is Sector.ICB
    assert after.joint.partners[1] == other
    funded = with_follow_ons(after, set_value(after, "joint.partners[1].funding_percent", Decimal(40)))
    assert funded.joint is not None and funded.joint.partners[1].time_percent == Decimal(40)


def test_an_edit_elsewhere_is_the_edit_itself() -> None:
    before = joint_design(new_partner(), new_partner())
    edited = set_value(before, "title", "Joint lead")
    assert with_follow_ons(before, edited) is edited


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)


@given(names)
def test_a_name_that_says_no_sector_changes_nothing_but_the_name(name: str) -> None:
    assume(suggested_sector(name) is None)
    before = new_partner()
    after = named(before, name)
    assert filled_in(before, after) == after


@given(names, st.sampled_from([(sector, phrase) for sector, phrases in SECTOR_WORDS for phrase in phrases]))
def test_a_name_holding_a_sectors_words_gets_that_sector_or_a_narrower_one_before_it(
    name: str, words: tuple[Sector, str]
) -> None:
    sector, phrase = words
    assume(suggested_sector(name) is None)
    found = suggested_sector(f"{name} {phrase.title()}")
    order = [each for each, _ in SECTOR_WORDS]
    assert found is not None and order.index(found) <= order.index(sector)


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_any_first_funding_share_is_the_time_share_too(funding: Decimal) -> None:
    fresh = new_partner()
    after = filled_in(fresh, fresh.model_copy(update={"funding_percent": funding}))
    assert after.time_percent == funding
