"""The review says when the values rows do not fit the host, and when a council's slot is left unfilled."""

from __future__ import annotations

from decimal import Decimal

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import Criterion, JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import CriterionCategory, Sector, Terms
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design, with_host_values
from roledesigner.library.values import NHS_VALUES
from roledesigner.review import review
from roledesigner.review.values import values_rows

HALF = Decimal(50)
COUNCIL = "North Shire Council"


def findings(design: RoleDesign, library: Library) -> list[Finding]:
    return [f for f in review(design, library) if f.code.startswith("values.")]


def council_partners() -> JointArrangement:
    return JointArrangement(
        partners=[
            Partner(
                organisation="North Shire ICB", sector=Sector.ICB, host=True, funding_percent=HALF, time_percent=HALF
            ),
            Partner(organisation=COUNCIL, sector=Sector.LOCAL_AUTHORITY, funding_percent=HALF, time_percent=HALF),
        ]
    )


def test_a_council_host_with_the_nhs_values_only_is_warned(library: Library) -> None:
    """The auditor's case (issue 17 item 2): a council employer on Green Book terms, NHS values only."""
    design = new_design(library, "transformation_programme_lead").model_copy(
        update={"employer": COUNCIL, "terms": Terms.NJC_GREEN_BOOK}
    )
    (finding,) = findings(design, library)
    assert (finding.code, finding.severity) == ("values.host", Severity.WARNING)
    assert finding.message.startswith("The post is hosted by a council, so add the council's own values")
    assert f"{COUNCIL}'s values and behaviours" in finding.message
    assert "remove the NHS Constitution values row" in finding.message
    nhs_row = next(i for i, c in enumerate(design.criteria) if c.text == NHS_VALUES)
    assert finding.field == f"criteria[{nhs_row}].text"
    assert findings(with_host_values(design), library) == [], "the library's fix answers it"


def test_an_nhs_host_with_the_councils_values_only_is_warned(library: Library) -> None:
    council_row = Criterion(category=CriterionCategory.VALUES, text=f"Works in line with {COUNCIL}'s values.")
    design = RoleDesign(title="Analyst", employer="North Shire NHS Foundation Trust", criteria=[council_row])
    (finding,) = values_rows(design, library)
    assert finding.code == "values.host" and finding.field == "criteria[0].text"
    assert finding.message == (
        "The post is hosted by an NHS body, so add a values row for the NHS Constitution values, "
        "which NHS posts are recruited against, and remove the council's values row, since no council "
        "employs the postholder."
    )
    fine = design.model_copy(update={"criteria": [Criterion(category=CriterionCategory.VALUES, text=NHS_VALUES)]})
    assert values_rows(fine, library) == []


def test_a_design_with_no_host_values_row_is_not_asked_for_one(library: Library) -> None:
    """A values row is optional, as the review has it: only Qualifications and Knowledge are asked for."""
    design = RoleDesign(title="Analyst", employer="North Shire NHS Foundation Trust")
    assert values_rows(design, library) == []


def test_a_joint_posts_slot_is_reported_until_the_council_is_named(library: Library) -> None:
    design = new_design(library, "joint_estates_lead")
    (slot,) = findings(design, library)
    assert slot.code == "values.slot" and slot.severity is Severity.WARNING
    assert slot.message.startswith('The values criterion still says "[the council]". Put the council\'s name')
    assert design.criteria[int(slot.field.split("[")[1].split("]")[0])].text.startswith("Works in line with [the")
    named = design.model_copy(update={"joint": council_partners()})
    (still,) = findings(named, library)
    assert f"Put '{COUNCIL}' in its place" in still.message
    assert findings(with_host_values(named), library) == []


def test_a_joint_post_missing_the_councils_values_is_warned(library: Library) -> None:
    design = new_design(library, "joint_digital_lead").model_copy(update={"joint": council_partners()})
    design = design.model_copy(update={"criteria": [c for c in design.criteria if "council" not in c.text]})
    (finding,) = findings(design, library)
    assert finding.code == "values.host"
    assert finding.message.startswith("The post is joint between the NHS and a council, so add the council's own")


def test_an_nhs_host_with_a_councils_values_is_warned(library: Library) -> None:
    design = RoleDesign(
        title="Analyst",
        terms=Terms.AGENDA_FOR_CHANGE,
        criteria=[
            Criterion(category=CriterionCategory.VALUES, text=NHS_VALUES),
            Criterion(category=CriterionCategory.VALUES, text=f"Works in line with {COUNCIL}'s values."),
        ],
    )
    (finding,) = values_rows(design, library)
    assert finding.field == "criteria[1].text" and "since no council employs the postholder" in finding.message


def test_nothing_is_said_when_the_host_is_unknown_or_the_rows_fit(library: Library) -> None:
    assert findings(RoleDesign(title="x"), library) == []
    assert findings(RoleDesign(title="x", employer="Acme Analytics Ltd"), library) == []
    for role in library.roles.values():
        if not role.joint:
            assert findings(new_design(library, role.id), library) == [], role.id
            assert findings(new_design(library, role.id, employer=COUNCIL), library) == [], role.id
