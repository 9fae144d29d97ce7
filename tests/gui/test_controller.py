"""The document controller on its own, with no window: every write, undo and redo, merging,
refused values, adding capabilities by the compose rule, and the signals views listen to."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from roledesigner.domain.vocabulary import Assessment, Requirement
from roledesigner.files.settings import Settings
from roledesigner.gui.controller import DocumentController
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import blank_design, design_from_role, new_design, requirement_for


@pytest.fixture
def controller(library: Library) -> DocumentController:
    return DocumentController(library, Settings())


def count(signal: object) -> list[int]:
    """How many times `signal` fired, in a list that grows as it fires."""
    fired: list[int] = []
    signal.connect(lambda *_: fired.append(1))  # type: ignore[attr-defined]
    return fired


def test_typing_in_one_field_is_one_undo_step_named_for_the_field(controller: DocumentController) -> None:
    changed = count(controller.designChanged)
    for end in range(1, len("Place lead") + 1):
        assert controller.set_field("title", "Place lead"[:end]) is None
    assert controller.design.title == "Place lead"
    assert len(changed) == len("Place lead"), "each keystroke is shown"
    stack = controller.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Edit job title"
    assert controller.is_modified
    stack.undo()
    assert controller.design.title == "" and not controller.is_modified
    stack.redo()
    assert controller.design.title == "Place lead"


def test_a_label_names_the_step_and_merge_false_keeps_it_apart(controller: DocumentController) -> None:
    path = "time.contracted_programmed_activities"
    label = "Count the job plan in programmed activities"
    assert controller.set_field(path, Decimal(10), label=label, merge=False) is None
    assert controller.undo_stack.undoText() == "Count the job plan in programmed activities"
    controller.set_field(path, Decimal(8))
    controller.set_field(path, Decimal(9))
    assert controller.undo_stack.count() == 2, "typing after the tick is a step of its own"
    assert controller.undo_stack.undoText() == "Edit protected time"
    controller.set_field(path, None, label="Stop counting in programmed activities", merge=False)
    controller.set_field(path, None, label="Stop counting in programmed activities", merge=False)
    assert controller.undo_stack.count() == 3, "setting the value it already has is no step"
    controller.undo_stack.undo()
    assert controller.design.time.contracted_programmed_activities == Decimal(9)
    controller.undo_stack.undo()
    assert controller.design.time.contracted_programmed_activities == Decimal(10)


def test_a_refused_value_changes_nothing_and_says_why(controller: DocumentController) -> None:
    changed = count(controller.designChanged)
    before = controller.design
    problem = controller.set_field("time.contracted_hours_per_week", "200")
    assert problem == "must be more than 0 and at most 168 hours"
    assert controller.design is before and not changed
    assert controller.undo_stack.count() == 0 and not controller.is_modified


def test_typed_and_put_back_leaves_nothing_to_undo(controller: DocumentController) -> None:
    controller.set_field("grade", "8")
    controller.set_field("grade", "")
    assert controller.design.grade == ""
    assert not controller.undo_stack.canUndo() and not controller.is_modified


def test_a_capability_added_is_assessed_as_new_from_a_role_assesses_it(
    controller: DocumentController, library: Library
) -> None:
    """The one compose rule: adding in the app and `new --from` (design_from_role) agree."""
    role = library.roles["joint_mental_health_lead"]
    composed = design_from_role(role).capabilities
    essential = next(item for item in composed if item.requirement is Requirement.ESSENTIAL)
    assert controller.add_capability(essential.id) is None
    assert controller.design.capabilities == [essential]
    name = library.capabilities[essential.id].name
    assert controller.undo_stack.undoText() == f"Add capability '{name}'"
    other = next(item for item in composed if item.requirement is Requirement.ESSENTIAL and item != essential)
    assert controller.add_capability(other.id, position=0) is None
    assert controller.design.capabilities == [other, essential]


def test_a_capability_added_to_a_senior_post_is_assessed_by_a_presentation_too(
    controller: DocumentController, library: Library
) -> None:
    """A design based on a senior role: an essential added in the app is assessed as `new --from`
    assesses that role's essentials (a presentation too); a role that is not senior keeps to the usual."""
    senior, plain = library.roles["system_finance_lead"], library.roles["joint_mental_health_lead"]
    assert senior.senior and not plain.senior
    taken = {item.id for role in (senior, plain) for item in role.capabilities}
    extra = next(capability_id for capability_id in library.capabilities if capability_id not in taken)
    for role, presentation in ((senior, True), (plain, False)):
        controller.replace(new_design(library, role.id))
        assert controller.add_capability(extra) is None
        added = next(item for item in controller.design.capabilities if item.id == extra)
        assert added == requirement_for(extra, Requirement.ESSENTIAL, role.senior)
        assert (Assessment.PRESENTATION in added.assessed_by) is presentation, role.id


def test_a_capability_already_in_the_role_is_refused_with_its_name(controller: DocumentController) -> None:
    controller.replace(new_design(controller.library, "joint_mental_health_lead"))
    first = controller.design.capabilities[0].id
    before = controller.design
    problem = controller.add_capability(first)
    assert problem == f"'{controller.library.capabilities[first].name}' is already in this role."
    assert controller.design is before and not controller.undo_stack.canUndo()
    assert controller.add_capability("Not an id") == (
        "'Not an id' cannot be added as a capability: id must use only lower-case letters, digits and underscores."
    )


def test_set_library_tells_every_view_and_names_come_from_the_new_library(
    controller: DocumentController, library: Library
) -> None:
    told = count(controller.libraryChanged)
    renamed = dataclasses.replace(
        library,
        capabilities={
            **library.capabilities,
            "empathy": library.capabilities["empathy"].model_copy(update={"name": "Empathy, our way"}),
        },
    )
    controller.set_library(renamed)
    assert told == [1]
    assert controller.capability_name("empathy") == "Empathy, our way"
    assert controller.capability_name("not_in_any_library") == "not_in_any_library"


def test_set_settings_tells_every_view(controller: DocumentController) -> None:
    told = count(controller.settingsChanged)
    chosen = Settings(organisation_name="North Shire ICB")
    controller.set_settings(chosen)
    assert told == [1] and controller.settings is chosen


def test_another_design_is_a_fresh_start_announced_before_the_change(controller: DocumentController) -> None:
    order: list[str] = []
    controller.designReplaced.connect(lambda: order.append("replaced"))
    controller.designChanged.connect(lambda: order.append("changed"))
    controller.set_field("title", "Draft")
    assert order == ["changed"], "an edit is not a replacement"
    order.clear()
    controller.replace(blank_design(), unsaved=True)
    assert order == ["replaced", "changed"]
    assert not controller.undo_stack.canUndo() and controller.is_modified, "a recovered copy has changes to save"
    controller.undo_stack.setClean()
