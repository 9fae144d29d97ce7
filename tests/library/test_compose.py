"""Composing: a design from a role copies what it should; capabilities never repeat."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from roledesigner.domain.models import Development
from roledesigner.domain.timeplan import days_a_month, week
from roledesigner.domain.vocabulary import AllocationUnit, Assessment, Contract, Requirement
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import (
    ComposeError,
    add_capability,
    blank_design,
    design_from_role,
    move_capability,
    new_design,
    remove_capability,
    senior_post,
)


def test_a_design_from_a_role_copies_its_content(library: Library) -> None:
    role = library.roles["joint_mental_health_lead"]
    design = design_from_role(role, Decimal("36"))
    assert design.based_on == role.id
    assert design.title == role.name
    assert (design.footprint, design.function) == (role.footprint, role.function)
    assert [(r.text, r.kind) for r in design.responsibilities] == [(r.text, r.kind) for r in role.responsibilities]
    assert [(c.id, c.requirement) for c in design.capabilities] == [(c.id, c.requirement) for c in role.capabilities]
    assert design.time.system_work == role.suggested_system_time.allocation()
    assert design.time.contracted_hours_per_week == Decimal("36")


def test_new_design_refuses_an_unknown_role(library: Library) -> None:
    with pytest.raises(ComposeError, match="no emerging role with the id 'nobody'"):
        new_design(library, "nobody")


def test_add_remove_and_move_without_duplicates() -> None:
    design = add_capability(blank_design(), "empathy")
    design = add_capability(design, "active_listening", Requirement.DESIRABLE)
    design = add_capability(design, "ceding_power", position=0)
    assert [c.id for c in design.capabilities] == ["ceding_power", "empathy", "active_listening"]
    assert design.capabilities[2].requirement is Requirement.DESIRABLE
    with pytest.raises(ComposeError, match="already has the capability 'empathy'"):
        add_capability(design, "empathy")
    moved = move_capability(design, "ceding_power", 99)
    assert [c.id for c in moved.capabilities] == ["empathy", "active_listening", "ceding_power"]
    removed = remove_capability(moved, "empathy")
    assert [c.id for c in removed.capabilities] == ["active_listening", "ceding_power"]
    with pytest.raises(ComposeError):
        remove_capability(removed, "empathy")
    with pytest.raises(ComposeError):
        move_capability(removed, "empathy", 0)
    assert [c.id for c in design.capabilities] == ["ceding_power", "empathy", "active_listening"], "inputs unchanged"


def test_every_criterion_can_be_scored_at_shortlisting(library: Library) -> None:
    """Shortlisting may use only listed criteria, scored on the application (CONVENTIONS); desirable
    ones are what separate applicants who all meet the essentials, so they are read there too.
    Before, desirables were assessed at interview only. A senior post's essentials add a presentation
    and references."""
    for role in library.roles.values():
        design = new_design(library, role.id)
        for item in design.capabilities:
            expected = [Assessment.APPLICATION, Assessment.INTERVIEW]
            if role.senior and item.requirement is Requirement.ESSENTIAL:
                expected += [Assessment.PRESENTATION, Assessment.REFERENCES]
            assert item.assessed_by == expected, (role.id, item.id)
        for criterion in design.criteria:
            assert Assessment.APPLICATION in criterion.assessed_by, (role.id, criterion.text)
    assert any(role.senior for role in library.roles.values()), "some posts are senior"
    assert not all(role.senior for role in library.roles.values()), "and some are not"


def test_senior_posts_offer_a_presentation_and_board_posts_references(library: Library) -> None:
    design = new_design(library, "ics_executive_lead")
    essential = [c for c in design.capabilities if c.requirement is Requirement.ESSENTIAL]
    assert essential and all(Assessment.PRESENTATION in c.assessed_by for c in essential)
    fit_and_proper = [c for c in design.criteria if "Fit and Proper Person Test" in c.text]
    assert [c.assessed_by for c in fit_and_proper] == [[Assessment.APPLICATION, Assessment.REFERENCES]]
    ordinary = new_design(library, "system_data_scientist")
    assert all(Assessment.PRESENTATION not in c.assessed_by for c in ordinary.capabilities)
    assert (senior_post(design, library), senior_post(ordinary, library), senior_post(blank_design(), library)) == (
        True,
        False,
        False,
    )


@pytest.mark.parametrize("role_id", ["place_chief_executive", "ics_executive_lead", "independent_chair"])
def test_every_senior_post_offers_references(library: Library, role_id: str) -> None:
    """Finding 5: "presentation and references offered for senior posts". The place chief executive,
    senior but not asking for the Fit and Proper Person Test, had no row judged by references."""
    design = new_design(library, role_id)
    essential = [c for c in design.capabilities if c.requirement is Requirement.ESSENTIAL]
    assert essential and all(Assessment.REFERENCES in c.assessed_by for c in essential), role_id
    desirable = [c for c in design.capabilities if c.requirement is Requirement.DESIRABLE]
    assert all(Assessment.REFERENCES not in c.assessed_by for c in desirable), "referees confirm the essentials"


def test_references_are_offered_by_every_senior_role_and_no_other(library: Library) -> None:
    senior = {role.id for role in library.roles.values() if role.senior}
    assert "place_chief_executive" in senior and len(senior) == 7
    for role in library.roles.values():
        design = new_design(library, role.id)
        referees = any(Assessment.REFERENCES in c.assessed_by for c in design.capabilities)
        assert referees is role.senior, role.id


def test_a_programmed_activity_role_starts_on_a_ten_pa_job_plan(library: Library) -> None:
    """Five programmed activities are half of a 10-PA (40-hour) job plan, not "about 53.33 per cent"
    of a 37.5-hour week (the library review, finding 2)."""
    design = new_design(library, "technology_adoption_lead")
    assert design.time.system_work.unit is AllocationUnit.PROGRAMMED_ACTIVITIES
    assert design.time.contracted_programmed_activities == 10
    w = week(design.time)
    assert (w.contracted_hours, w.system_hours, w.system_percent) == (Fraction(40), Fraction(20), Fraction(50))
    for role in library.roles.values():
        counted = new_design(library, role.id).time.contracted_programmed_activities
        in_pas = role.suggested_system_time.unit is AllocationUnit.PROGRAMMED_ACTIVITIES
        assert (counted == 10) is in_pas and (counted is None) is not in_pas, role.id


def test_a_sessions_role_starts_on_nine_gp_sessions(library: Library) -> None:
    role = library.roles["place_clinical_lead"]
    gp = role.model_copy(
        update={"suggested_system_time": role.suggested_system_time.model_copy(
            update={"unit": AllocationUnit.SESSIONS, "amount": Decimal("4.5")})}
    )  # fmt: skip
    design = design_from_role(gp, Decimal("37"))
    assert design.time.contracted_hours_per_week == Decimal("37.5"), "9 sessions of 4 hours 10 minutes"
    w = week(design.time)
    assert (w.system_hours, w.system_percent, w.system_sessions) == (Fraction(75, 4), Fraction(50), Fraction(9, 2))


def test_the_independent_chair_is_an_appointment_not_a_full_time_employee(library: Library) -> None:
    """The review's first wrong output: 'Permanent', 37.5 hours a week, full time."""
    design = new_design(library, "independent_chair")
    assert design.contract is Contract.APPOINTMENT
    assert design.time.contracted_days_per_month == 8
    assert "term" in design.term_of_office and "NHS England" in design.remuneration
    w = week(design.time)
    assert w.contracted_hours < Decimal("37.5") / 2, "part time"
    assert days_a_month(design.time, w.system_hours) == 8, "all of the 8 days are system work"
    employees = [r.id for r in library.roles.values() if new_design(library, r.id).contract is not Contract.PERMANENT]
    assert employees == ["independent_chair"]


def test_a_design_from_a_role_copies_its_criteria_relationships_and_support(library: Library) -> None:
    role = library.roles["joint_mental_health_lead"]
    design = design_from_role(role)
    assert [(c.category, c.text, c.requirement) for c in design.criteria] == [
        (c.category, c.text, c.requirement) for c in role.criteria
    ]
    assert [(r.name, r.sector) for r in design.relationships] == [(r.name, r.sector) for r in role.relationships]
    assert role.development is not None
    assert design.development.model_dump() == role.development.model_dump(exclude={"reason"})
    assert design.terms is role.terms


def test_a_role_offering_nothing_new_composes_as_before(library: Library) -> None:
    role = library.roles["system_data_scientist"].model_copy(
        update={"criteria": [], "relationships": [], "development": None, "senior": False, "terms": None}
    )
    design = design_from_role(role)
    assert (design.criteria, design.relationships, design.development) == ([], [], Development())
    assert design.contract is Contract.PERMANENT and design.terms is None


def test_a_capability_added_is_assessed_as_the_same_one_composed_from_a_role(library: Library) -> None:
    """One compose rule: adding a capability (the app's library panel, drop or Add button) and
    `new --from` agree on how it is assessed, essential or desirable."""
    seen = set()
    for role in library.roles.values():
        for composed in design_from_role(role).capabilities:
            added = add_capability(blank_design(), composed.id, composed.requirement)
            if role.senior and composed.requirement is Requirement.ESSENTIAL:
                senior = senior_post(design_from_role(role), library)
                added = add_capability(blank_design(), composed.id, composed.requirement, senior=senior)
            assert added.capabilities == [composed], (role.id, composed.id)
            seen.add(composed.requirement)
    assert seen == {Requirement.ESSENTIAL, Requirement.DESIRABLE}, "both kinds were compared"
    essential = add_capability(blank_design(), "empathy").capabilities[0]
    assert essential.assessed_by == [Assessment.APPLICATION, Assessment.INTERVIEW], "essential is the default"
