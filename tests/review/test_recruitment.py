"""The review's recruitment checks: questions for what is assessed at interview, criteria to shortlist on."""

from __future__ import annotations

from dataclasses import replace

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import CapabilityRequirement, Criterion, RoleDesign
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.review import review
from roledesigner.review.recruitment import recruitment

APPLICATION, INTERVIEW, PRESENTATION = Assessment.APPLICATION, Assessment.INTERVIEW, Assessment.PRESENTATION


def without_questions(library: Library, capability_id: str) -> Library:
    """The library as a team's might be, had its entry lost its questions (the model asks for one)."""
    capabilities = dict(library.capabilities)
    capabilities[capability_id] = capabilities[capability_id].model_copy(update={"interview_questions": []})
    return replace(library, capabilities=capabilities)


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def test_no_fresh_design_from_the_library_has_a_recruitment_finding(library: Library) -> None:
    for role_id in library.roles:
        assert recruitment(new_design(library, role_id), library) == [], role_id


def test_a_capability_at_interview_without_questions_is_named(library: Library) -> None:
    design = new_design(library, "ics_executive_lead")
    item = design.capabilities[2]
    team = without_questions(library, item.id)
    found = recruitment(design, team)
    assert codes(found) == ["recruitment.no_questions"]
    assert found[0].severity is Severity.WARNING and found[0].field == "capabilities[2].id"
    assert f"'{library.capabilities[item.id].name}'" in found[0].message
    assert "recruitment.no_questions" in codes(review(design, team)), "the review runs the check"


def test_presentation_counts_as_interview_and_application_alone_does_not(library: Library) -> None:
    design = new_design(library, "ics_executive_lead")
    item = design.capabilities[0]
    team = without_questions(library, item.id)
    for methods, expected in (([PRESENTATION], 1), ([APPLICATION], 0), ([APPLICATION, INTERVIEW], 1)):
        changed = design.model_copy(
            update={"capabilities": [item.model_copy(update={"assessed_by": methods}), *design.capabilities[1:]]}
        )
        assert codes(recruitment(changed, team)).count("recruitment.no_questions") == expected, methods


def test_a_capability_the_library_lacks_is_named_by_its_id(library: Library) -> None:
    design = RoleDesign(
        title="Lead",
        capabilities=[CapabilityRequirement(id="our_own_capability", assessed_by=[APPLICATION, INTERVIEW])],
    )
    found = [f for f in recruitment(design, library) if f.code == "recruitment.no_questions"]
    assert len(found) == 1 and "'our_own_capability'" in found[0].message and found[0].field == "capabilities[0].id"


def test_nothing_judged_from_the_application_is_a_warning(library: Library) -> None:
    design = new_design(library, "ics_executive_lead")
    interview_only = [item.model_copy(update={"assessed_by": [INTERVIEW]}) for item in design.capabilities]
    own = Criterion(category=CriterionCategory.QUALIFICATIONS, text="A degree or equivalent experience.")
    changed = design.model_copy(update={"capabilities": interview_only, "criteria": [own]})
    found = recruitment(changed, library)
    assert codes(found) == ["recruitment.nothing_from_application"]
    assert found[0].field == "capabilities[0].assessed_by"
    assert "shortlisting matrix is empty" in found[0].message
    # One criterion of the design's own, judged from the application, is enough to shortlist on.
    judged = own.model_copy(update={"assessed_by": [APPLICATION], "requirement": Requirement.DESIRABLE})
    assert recruitment(changed.model_copy(update={"criteria": [judged]}), library) == []


def test_an_empty_person_specification_is_left_to_the_other_checks(library: Library) -> None:
    assert recruitment(RoleDesign(title="Lead"), library) == []
    only_criteria = RoleDesign(title="Lead", criteria=[Criterion(text="Experience of partnerships.")])
    found = recruitment(only_criteria, library)
    assert codes(found) == ["recruitment.nothing_from_application"] and found[0].field == "criteria[0].assessed_by"
