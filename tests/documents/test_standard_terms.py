"""The standard terms: chosen by the host's sector, for board posts and office holders, after the person specification."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.documents.clauses import (
    CONDUCT_CLAUSE,
    FPPT_CLAUSE,
    JOINT_POST_CLAUSE,
    LEADERSHIP_CLAUSE,
    LEADERSHIP_DOMAINS,
    Family,
    clauses_for,
    families,
)
from roledesigner.documents.viewmodel import build_view
from roledesigner.domain.models import JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import Sector, Terms
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design

NHS_ONLY = {"Infection prevention and control", "Records management"}
COUNCIL_ONLY = {"Politically restricted posts", "Data protection and records"}
EVERY_HOST = {"Health and safety", "Freedom of Information", "Conduct and interests"}
BOARD = {CONDUCT_CLAUSE[0], FPPT_CLAUSE[0], LEADERSHIP_CLAUSE[0]}
EMPLOYEE_ONLY = {
    "Reasonable adjustments and flexible working",
    "Health and safety",
    "Infection prevention and control",
    "Conduct and interests",
    "Politically restricted posts",
}


def headings(design: RoleDesign, board: bool = False) -> list[str]:
    return [clause.heading for clause in clauses_for(design, board=board)]


def _partner(name: str, sector: Sector, host: bool = False) -> Partner:
    return Partner(organisation=name, sector=sector, host=host, funding_percent=Decimal(50), time_percent=Decimal(50))


@pytest.mark.parametrize(
    ("design", "expected"),
    [
        (RoleDesign(title="A", terms=Terms.AGENDA_FOR_CHANGE), {Family.NHS}),
        (RoleDesign(title="A", terms=Terms.VSM, employer="Westtown Council"), {Family.NHS}),
        (RoleDesign(title="A", terms=Terms.NJC_GREEN_BOOK), {Family.COUNCIL}),
        (RoleDesign(title="A", terms=Terms.JNC_CHIEF_OFFICERS), {Family.COUNCIL}),
        (RoleDesign(title="A", employer="Westtown City Council"), {Family.COUNCIL}),
        (RoleDesign(title="A", employer="North Shire NHS Foundation Trust"), {Family.NHS}),
        (RoleDesign(title="A"), {Family.NHS}),
    ],
)
def test_a_post_with_one_employer_takes_its_sector_from_its_terms_or_its_name(
    design: RoleDesign, expected: set[Family]
) -> None:
    assert families(design) == expected


def test_an_nhs_post_carries_the_nhs_clauses_and_no_council_ones() -> None:
    said = set(headings(RoleDesign(title="NHS post", terms=Terms.AGENDA_FOR_CHANGE)))
    assert said >= NHS_ONLY | EVERY_HOST
    assert not said & COUNCIL_ONLY
    assert not said & BOARD


def test_a_council_post_may_be_politically_restricted_without_the_document_guessing() -> None:
    clauses = clauses_for(RoleDesign(title="Council post", terms=Terms.NJC_GREEN_BOOK))
    said = {clause.heading for clause in clauses}
    assert said >= COUNCIL_ONLY | EVERY_HOST
    assert not said & NHS_ONLY
    restricted = next(c for c in clauses if c.heading == "Politically restricted posts").lines[0]
    assert restricted.startswith(
        "Where this post is politically restricted under the Local Government and Housing Act 1989"
    )
    assert "duties and seniority" in restricted


def test_a_joint_post_gets_both_partners_clauses_each_once() -> None:
    design = RoleDesign(
        title="Joint post",
        joint=JointArrangement(
            partners=[
                _partner("North Shire ICB", Sector.ICB, host=True),
                _partner("Westtown Council", Sector.LOCAL_AUTHORITY),
            ]
        ),
    )
    said = headings(design)
    assert len(said) == len(set(said))
    assert {"Infection prevention and control", "Politically restricted posts", JOINT_POST_CLAUSE[0]} <= set(said)
    records = next(c for c in clauses_for(design) if c.heading == "Records management").lines[0]
    assert "each partner's records management policy" in records
    # Two NHS partners are one set, not two.
    nhs = RoleDesign(
        title="Two trusts",
        joint=JointArrangement(partners=[_partner("A trust", Sector.NHS_TRUST, True), _partner("B ICB", Sector.ICB)]),
    )
    assert "Politically restricted posts" not in headings(nhs) and len(headings(nhs)) == len(set(headings(nhs)))


def test_a_board_employee_gets_fppt_the_leadership_domains_and_nolan_as_well_as_employee_terms(
    library: Library,
) -> None:
    view = build_view(new_design(library, "ics_executive_lead"), library)
    said = {group.heading for group in view.clauses}
    assert said >= BOARD
    assert {"Health and safety", "Reasonable adjustments and flexible working"} <= said
    text = " ".join(line for group in view.clauses for line in group.lines)
    assert "Fit and Proper Person Test (FPPT)" in text and "selflessness" in text
    assert all(domain in text for domain in LEADERSHIP_DOMAINS)


def test_a_council_board_employee_keeps_the_councils_code_and_gets_no_nhs_board_clauses(library: Library) -> None:
    """The Fit and Proper Person Test and the leadership competency framework are NHS England's."""
    design = new_design(library, "place_chief_executive").model_copy(
        update={"joint": None, "terms": Terms.JNC_CHIEF_EXECUTIVES, "employer": "North Shire Council"}
    )
    assert families(design) == {Family.COUNCIL}
    said = headings(design, board=True)
    assert CONDUCT_CLAUSE[0] in said and "Conduct and interests" in said
    assert FPPT_CLAUSE[0] not in said and LEADERSHIP_CLAUSE[0] not in said
    conduct = next(c for c in clauses_for(design, board=True) if c.heading == "Conduct and interests")
    assert "the council's code of conduct for employees" in " ".join(conduct.lines)


def test_an_nhs_board_employee_keeps_the_employers_conduct_rules_beside_nolan(library: Library) -> None:
    said = headings(new_design(library, "ics_executive_lead"), board=True)
    assert {"Conduct and interests", *BOARD} <= set(said)


def test_a_post_that_is_not_on_a_board_gets_no_board_clauses(library: Library) -> None:
    view = build_view(new_design(library, "system_data_scientist"), library)
    assert not {group.heading for group in view.clauses} & BOARD


def test_a_design_asking_for_the_fit_and_proper_person_test_is_a_board_post(library: Library) -> None:
    design = new_design(library, "ics_executive_lead").model_copy(update={"based_on": None})
    assert {group.heading for group in build_view(design, library).clauses} >= BOARD


def test_an_office_holder_keeps_no_employee_clause(library: Library) -> None:
    view = build_view(new_design(library, "independent_chair"), library)
    said = {group.heading for group in view.clauses}
    assert said >= BOARD
    assert not said & EMPLOYEE_ONLY
    assert {"Freedom of Information", "Safeguarding"} <= said


def test_the_standard_terms_come_after_the_person_specification(library: Library) -> None:
    keys = [section.key for section in build_view(new_design(library, "joint_digital_lead"), library).sections]
    assert keys.index("person_spec") < keys.index("clauses")
    assert keys[keys.index("clauses") :] == ["clauses", "glossary", "control"]
