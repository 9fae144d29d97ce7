"""Clarity, framework coverage and person-specification checks: each fires, and stays silent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.documents.sample import sample_design
from roledesigner.domain.findings import Severity
from roledesigner.domain.models import (
    CapabilityRequirement,
    Criterion,
    JointArrangement,
    Partner,
    RoleDesign,
)
from roledesigner.domain.vocabulary import Footprint, Requirement, ResponsibilityKind, Sector
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.review.structure import clarity, coverage, person_specification


def codes(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.code for f in findings]


@pytest.fixture
def good(library: Library) -> RoleDesign:
    """The full sample: passes every structural check."""
    return sample_design(library)


def test_the_sample_passes(good: RoleDesign, library: Library) -> None:
    assert clarity(good, library) == []
    assert coverage(good, library) == []
    assert person_specification(good, library) == []


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"purpose": "  "}, "clarity.no_purpose", "purpose"),
        ({"footprint": None}, "clarity.no_footprint", "footprint"),
        ({"stability": ""}, "clarity.no_stability", "stability"),
        ({"appraisal_lead": ""}, "clarity.managers", "appraisal_lead"),
    ],
)
def test_clarity_fires(good: RoleDesign, library: Library, change: dict[str, object], code: str, field: str) -> None:
    findings = clarity(good.model_copy(update=change), library)
    assert codes(findings) == [code]
    assert findings[0].field == field


def test_a_title_alone_is_not_a_system_role(good: RoleDesign, library: Library) -> None:
    organisational = [r.model_copy(update={"kind": ResponsibilityKind.ORGANISATIONAL}) for r in good.responsibilities]
    findings = clarity(good.model_copy(update={"responsibilities": organisational}), library)
    assert codes(findings) == ["clarity.title_only"]
    assert "a new job title alone is not a system role" in findings[0].message
    assert (
        clarity(
            good.model_copy(update={"responsibilities": organisational, "footprint": Footprint.ORGANISATION}), library
        )
        == []
    )


def test_one_line_manager_needs_no_appraisal_lead(library: Library) -> None:
    design = new_design(library, "system_finance_lead").model_copy(
        update={"reports_to": ["Chief executive"], "stability": "Permanent.", "employer": "ICB", "location": "Leeds"}
    )
    assert clarity(design, library) == []
    two = design.model_copy(update={"reports_to": ["Chief executive", "Council director"]})
    assert codes(clarity(two, library)) == ["clarity.managers"]
    assert "no one is named to lead appraisal" in clarity(two, library)[0].message


def test_a_missing_domain_suggests_capabilities(library: Library) -> None:
    design = RoleDesign(
        title="x", capabilities=[CapabilityRequirement(id="empathy"), CapabilityRequirement(id="active_listening")]
    )
    findings = coverage(design, library)
    assert len(findings) == 2  # innovation and improvement; learning and capacity-building
    assert all(f.code == "coverage.missing_domain" and f.field == "capabilities" for f in findings)
    assert "Innovation and improvement" in findings[0].message
    assert "The library suggests:" in findings[0].message


def test_a_missing_domain_reports_a_grouping_not_a_need_for_all_four(library: Library) -> None:
    """Library review F5: SCIE (2018) groups the capabilities under four domains (S000 l.52); the
    message once said effective system leadership "draws on all four domains"."""
    design = RoleDesign(title="x", capabilities=[CapabilityRequirement(id="empathy")])
    for finding in coverage(design, library):
        message = finding.message.casefold()
        assert "draws on all" not in message and "needs all four" not in message and "all four" not in message
        assert "grouped under the four domains" in message


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("At least 5 years' experience of senior leadership.", True),
        ("Ten years of NHS management experience.", True),
        ("3+ years experience in finance.", True),
        ("Experience of leading change across organisations.", False),
        ("A five-year plan for the place.", False),
    ],
)
def test_years_of_experience(text: str, fires: bool, library: Library) -> None:
    design = RoleDesign(title="x", criteria=[Criterion(text=text)])
    assert ("spec.years_of_experience" in codes(person_specification(design, library))) is fires


def test_degree_as_essential_is_information(library: Library) -> None:
    essential = RoleDesign(title="x", criteria=[Criterion(text="A degree in a relevant subject.")])
    (finding,) = person_specification(essential, library)
    assert (finding.code, finding.severity.value, finding.field) == (
        "spec.degree_essential",
        "info",
        "criteria[0].requirement",
    )
    desirable = RoleDesign(
        title="x", criteria=[Criterion(text="A degree in a relevant subject.", requirement=Requirement.DESIRABLE)]
    )
    assert person_specification(desirable, library) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("A master's degree in public health.", True),
        ("Degree or equivalent qualification.", True),  # another qualification is still no way in by experience
        ("Educated to degree level.", True),
        ("Master's degree level or equivalent experience.", False),
        ("Educated to master’s degree level, or equivalent experience.", False),
        ("A degree, or equivalent professional or managerial experience.", False),
        ("A degree or experience at an equivalent level.", False),
        ("A relevant degree or comparable experience in a senior role.", False),
        ("Experience of leading change across organisations.", False),  # no degree asked for
    ],
)
def test_an_essential_degree_with_an_experience_route_is_fine(text: str, fires: bool, library: Library) -> None:
    design = RoleDesign(title="x", criteria=[Criterion(text=text)])
    assert ("spec.degree_essential" in codes(person_specification(design, library))) is fires


def test_every_item_needs_an_assessment(library: Library) -> None:
    design = RoleDesign(
        title="x",
        capabilities=[CapabilityRequirement(id="empathy", assessed_by=[])],
        criteria=[Criterion(text="Registration with a professional body.", assessed_by=[])],
    )
    findings = person_specification(design, library)
    assert codes(findings) == ["spec.not_assessed", "spec.not_assessed"]
    assert [f.field for f in findings] == ["capabilities[0].assessed_by", "criteria[0].assessed_by"]


def test_too_many_essentials(library: Library) -> None:
    ids = list(library.capabilities)[:13]
    design = RoleDesign(title="x", capabilities=[CapabilityRequirement(id=i) for i in ids])
    assert codes(person_specification(design, library)) == ["spec.too_many_essentials"]
    design = RoleDesign(title="x", capabilities=[CapabilityRequirement(id=i) for i in ids[:12]])
    assert person_specification(design, library) == []


def test_an_unknown_capability(library: Library) -> None:
    design = RoleDesign(title="x", capabilities=[CapabilityRequirement(id="telepathy")])
    assert codes(person_specification(design, library)) == ["spec.unknown_capability"]


def test_joint_line_managers_count_towards_several(library: Library) -> None:
    design = sample_design(library).model_copy(update={"appraisal_lead": ""})
    assert design.joint is not None
    single = design.model_copy(
        update={
            "reports_to": [],
            "joint": JointArrangement(
                partners=[
                    Partner(
                        organisation="A",
                        sector=Sector.ICB,
                        host=True,
                        funding_percent=Decimal(50),
                        time_percent=Decimal(50),
                        line_manager="Pat",
                    ),
                    Partner(
                        organisation="B",
                        sector=Sector.LOCAL_AUTHORITY,
                        funding_percent=Decimal(50),
                        time_percent=Decimal(50),
                        line_manager="Pat",
                    ),
                ]
            ),
        }
    )
    assert "clarity.managers" not in codes(clarity(single, library)), "one manager in both partners"
    assert "clarity.managers" in codes(clarity(design, library))


def test_the_employer_and_base_are_asked_for(library: Library) -> None:
    design = new_design(library, "system_finance_lead")
    found = [f for f in clarity(design, library) if f.code == "clarity.job_details"]
    assert [(f.severity, f.field) for f in found] == [(Severity.WARNING, "employer")]
    assert "do not say the employer or where the post is based." in found[0].message
    based = design.model_copy(update={"employer": "North Shire ICB"})
    [only_base] = [f for f in clarity(based, library) if f.code == "clarity.job_details"]
    assert only_base.field == "location"
    assert only_base.message == "The job details do not say where the post is based. Candidates look for it first."
    joint = new_design(library, "joint_digital_lead").model_copy(update={"location": "Westtown"})
    assert "clarity.job_details" not in codes(clarity(joint, library)), "a joint post names its partners instead"
