"""Person specifications an HR check would pass: every role's criteria, relationships and support.

Each test answers a point of the library review (`../shared/research/library-review.md`): before
issue 17 a role offered capabilities only, so every specification lacked Qualifications, nearly all
lacked Knowledge, none had Values, and the clinical leads had no registration row.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.compose import new_design
from roledesigner.library.loader import load_library
from roledesigner.review.readability import flesch_reading_ease, long_sentences
from roledesigner.review.structure import person_specification

ROWS = {
    CriterionCategory.QUALIFICATIONS,
    CriterionCategory.KNOWLEDGE,
    CriterionCategory.EXPERIENCE,
    CriterionCategory.SKILLS,
    CriterionCategory.VALUES,
}
NHS_VALUES = (
    "working together for patients",
    "respect and dignity",
    "commitment to quality of care",
    "compassion",
    "improving lives",
    "everyone counts",
)
JOINT_ROLES = [
    "joint_childrens_services_lead",
    "joint_digital_lead",
    "joint_estates_lead",
    "joint_learning_disability_lead",
    "joint_mental_health_lead",
    "joint_workforce_lead",
]
#: The statutes each joint post works under, as its knowledge criteria must name them.
STATUTES = {
    "joint_mental_health_lead": ["Mental Health Act 1983", "section 117", "Care Act 2014"],
    "joint_childrens_services_lead": [
        "Children and Families Act 2014",
        "Working Together to Safeguard Children",
        "section 10 of the Children Act 2004",
    ],
    "joint_learning_disability_lead": ["Care Act 2014", "LeDeR"],
    "joint_digital_lead": ["Data Protection Act 2018", "Caldicott"],
}


def rows(design: RoleDesign, library: Library) -> dict[CriterionCategory, list[str]]:
    """The person specification as a document groups it: capabilities by their category, then criteria."""
    grouped: dict[CriterionCategory, list[str]] = {}
    for item in design.capabilities:
        capability = library.capabilities[item.id]
        grouped.setdefault(capability.category, []).append(capability.criterion)
    for criterion in design.criteria:
        grouped.setdefault(criterion.category, []).append(criterion.text)
    return grouped


def criteria_text(design: RoleDesign, category: CriterionCategory, requirement: Requirement | None = None) -> str:
    return " ".join(c.text for c in design.criteria if c.category is category and requirement in (None, c.requirement))


@pytest.mark.parametrize(
    "role_id", sorted(p.stem for p in (Path(__file__).parents[2] / "role_library/roles").glob("*.yaml"))
)
def test_every_role_composes_the_five_rows_an_hr_check_expects(library: Library, role_id: str) -> None:
    design = new_design(library, role_id)
    assert set(rows(design, library)) >= ROWS, (role_id, sorted(rows(design, library)))


def test_every_role_has_the_nhs_values_and_joint_posts_the_councils_too(library: Library) -> None:
    """With no employer named, as the bundled roles start (tests/library/test_values.py: by host)."""
    for role_id in library.roles:
        design = new_design(library, role_id)
        values = criteria_text(design, CriterionCategory.VALUES, Requirement.ESSENTIAL)
        assert all(value in values for value in NHS_VALUES), role_id
        assert ("[the council]'s values and behaviours" in values) is library.roles[role_id].joint, role_id


@pytest.mark.parametrize("role_id", ["place_clinical_lead", "system_clinical_lead"])
def test_clinical_leads_must_be_registered(library: Library, role_id: str) -> None:
    """Finding 3: the duties require registration, so shortlisting must be able to check it."""
    design = new_design(library, role_id)
    registration = criteria_text(design, CriterionCategory.QUALIFICATIONS, Requirement.ESSENTIAL)
    assert "registration" in registration and "General Medical Council (GMC)" in registration
    assert "licence to practise" in registration
    (row,) = [c for c in design.criteria if "registration" in c.text]
    assert Assessment.APPLICATION in row.assessed_by


def test_technical_posts_get_technical_criteria(library: Library) -> None:
    """Finding 4: the finance lead had no accountancy qualification, the data scientist no analysis or
    data protection, though both are what the posts are for."""
    finance = new_design(library, "system_finance_lead")
    qualification = criteria_text(finance, CriterionCategory.QUALIFICATIONS, Requirement.ESSENTIAL)
    assert "(CCAB)" in qualification and "(CIMA)" in qualification
    data = new_design(library, "system_data_scientist")
    knowledge = criteria_text(data, CriterionCategory.KNOWLEDGE, Requirement.ESSENTIAL)
    for law in ("UK General Data Protection Regulation", "Data Protection Act 2018", "Caldicott"):
        assert law in knowledge
    skills = criteria_text(data, CriterionCategory.SKILLS, Requirement.ESSENTIAL)
    assert "statistical analysis" in skills and "programming" in skills


@pytest.mark.parametrize("role_id", JOINT_ROLES)
def test_joint_posts_name_the_law_they_work_under(library: Library, role_id: str) -> None:
    knowledge = criteria_text(new_design(library, role_id), CriterionCategory.KNOWLEDGE)
    assert "section 75 of the NHS Act 2006" in knowledge and "section 113 of the Local Government Act 1972" in knowledge
    for statute in STATUTES.get(role_id, []):
        assert statute in knowledge, (role_id, statute)


def test_board_posts_carry_the_board_standards(library: Library) -> None:
    board = [role.id for role in library.roles.values() if any("Fit and Proper" in c.text for c in role.criteria)]
    assert set(board) == {
        "accountable_officer",
        "ics_executive_lead",
        "independent_chair",
        "system_assurance_director",
        "system_finance_lead",
        "system_clinical_lead",
    }
    for role_id in board:
        text = " ".join(c.text for c in library.roles[role_id].criteria)
        assert "Nolan principles" in text and "leadership competency framework" in text, role_id
        assert library.roles[role_id].senior, role_id


def test_desirable_criteria_can_be_used_at_shortlisting(library: Library) -> None:
    """Finding 5: desirables were assessed at interview only, so they could not separate applicants."""
    for role_id in library.roles:
        design = new_design(library, role_id)
        desirable = [c.assessed_by for c in design.capabilities if c.requirement is Requirement.DESIRABLE]
        desirable += [c.assessed_by for c in design.criteria if c.requirement is Requirement.DESIRABLE]
        assert desirable, role_id
        assert all(Assessment.APPLICATION in methods for methods in desirable), role_id


def test_criteria_read_as_the_reviews_own_rules_ask(library: Library) -> None:
    """What the review would say of copied text, said of the criteria: no sentence over 25 words,
    no length of service, a degree only with a route in by experience, few enough essentials, and
    the role's copied text as a whole not very hard to read."""
    for role in library.roles.values():
        design = new_design(library, role.id)
        for criterion in role.criteria:
            assert long_sentences(criterion.text) == [], (role.id, criterion.text)
        assert [f.code for f in person_specification(design, library)] == [], role.id
        copied = [design.purpose, *(r.text for r in design.responsibilities), *(c.text for c in design.criteria)]
        score = flesch_reading_ease("\n\n".join(copied))
        assert score is not None and score >= 30, role.id


def test_working_relationships_come_from_the_stakeholders_the_research_names(library: Library) -> None:
    """Finding 13 and improvement A.4: the list started empty for every role."""
    named = re.compile(r"primary care|council|voluntary|NHS|mental health|integrated care board", re.I)
    for role_id in library.roles:
        relationships = new_design(library, role_id).relationships
        assert 4 <= len(relationships) <= 9, role_id
        assert sum(bool(named.search(r.name)) for r in relationships) >= 3, role_id
        assert len({r.name for r in relationships}) == len(relationships), role_id


def test_support_and_development_start_filled_in(library: Library) -> None:
    """Improvement A.5: learning time, coaching, mentoring, peer networks and Leading for System Change."""
    for role in library.roles.values():
        development = new_design(library, role.id).development
        assert development.learning_hours_per_month > 0, role.id
        assert development.coaching and development.mentoring and development.peer_network, role.id
        assert any("Leading for System Change" in p for p in development.programmes), role.id
        assert role.development is not None and "library's suggestion" in role.development.reason, role.id


def test_a_criterion_citing_an_unknown_source_is_reported_by_its_field(tmp_path: Path, library: Library) -> None:
    bundled = Path(__file__).parents[2] / "role_library"
    team = tmp_path / "team" / "roles"
    team.mkdir(parents=True)
    text = (bundled / "roles" / "system_data_scientist.yaml").read_text(encoding="utf-8")
    (team / "system_data_scientist.yaml").write_text(text.replace("[dpa2018, caldicott2020]", "[nowhere]"), "utf-8")
    loaded = load_library([Folder(bundled, "bundled"), Folder(team.parent, "shared")])
    (problem,) = loaded.problems
    assert problem.entry == "system_data_scientist" and re.fullmatch(r"criteria\[\d+\]\.sources\[0\]", problem.field)
    assert "cites the source 'nowhere'" in str(problem)
