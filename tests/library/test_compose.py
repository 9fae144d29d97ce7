"""Composing: a design from a role copies what it should; capabilities never repeat."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.domain.vocabulary import Assessment, Requirement
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import (
    ComposeError,
    add_capability,
    blank_design,
    design_from_role,
    move_capability,
    new_design,
    remove_capability,
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


def test_essential_capabilities_can_be_scored_at_shortlisting(library: Library) -> None:
    """Shortlisting may use only listed criteria, scored on the application (CONVENTIONS)."""
    for role_id in library.roles:
        design = new_design(library, role_id)
        for item in design.capabilities:
            if item.requirement is Requirement.ESSENTIAL:
                assert item.assessed_by == [Assessment.APPLICATION, Assessment.INTERVIEW], (role_id, item.id)
            else:
                assert item.assessed_by == [Assessment.INTERVIEW], (role_id, item.id)


def test_a_capability_added_is_assessed_as_the_same_one_composed_from_a_role(library: Library) -> None:
    """One compose rule: adding a capability (the app's library panel, drop or Add button) and
    `new --from` agree on how it is assessed, essential or desirable."""
    seen = set()
    for role in library.roles.values():
        for composed in design_from_role(role).capabilities:
            added = add_capability(blank_design(), composed.id, composed.requirement)
            assert added.capabilities == [composed], (role.id, composed.id)
            seen.add(composed.requirement)
    assert seen == {Requirement.ESSENTIAL, Requirement.DESIRABLE}, "both kinds were compared"
    essential = add_capability(blank_design(), "empathy").capabilities[0]
    assert essential.assessed_by == [Assessment.APPLICATION, Assessment.INTERVIEW], "essential is the default"
