"""Core edit operations: validated, by field path, and any sequence undone in reverse is the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roledesigner.domain.edits import (
    Edit,
    EditError,
    edit_label,
    get_value,
    insert_item,
    move_item,
    parse_path,
    remove_item,
    set_value,
)
from roledesigner.domain.models import Responsibility, RoleDesign
from tests.support.strategies import designs

TEXT_FIELDS = ["title", "purpose", "system_context", "grade", "stability", "appraisal_lead"]


@st.composite
def edits(draw: st.DrawFn, design: RoleDesign) -> tuple[str, RoleDesign]:
    """One random, valid edit of `design`: (label, the design after it)."""
    kind = draw(st.sampled_from(["text", "insert", "remove", "move", "amount", "kind"]))
    count = len(design.responsibilities)
    if kind == "text":
        field = draw(st.sampled_from(TEXT_FIELDS))
        return edit_label(field), set_value(design, field, draw(st.text(max_size=30)))
    if kind == "insert" or count == 0:
        index = draw(st.integers(0, count))
        item = Responsibility(text=draw(st.text(min_size=1, max_size=20).filter(str.strip)))
        return "Add responsibility", insert_item(design, "responsibilities", index, item)
    if kind == "remove":
        return "Remove responsibility", remove_item(design, "responsibilities", draw(st.integers(0, count - 1)))
    if kind == "move":
        return "Move responsibility", move_item(
            design, "responsibilities", draw(st.integers(0, count - 1)), draw(st.integers(0, count - 1))
        )
    if kind == "kind":
        index = draw(st.integers(0, count - 1))
        return "Edit responsibility", set_value(
            design, f"responsibilities[{index}].kind", draw(st.sampled_from(["system", "organisational"]))
        )
    ceiling = {"percent": 100, "hours_per_week": 168, "days_per_week": 7, "programmed_activities": 42}[
        design.time.system_work.unit.value
    ]
    amount = draw(st.decimals(0, ceiling, places=2))
    return "Edit protected time", set_value(design, "time.system_work.amount", amount)


@settings(max_examples=60, deadline=None)
@given(designs, st.data())
def test_any_sequence_of_edits_undone_in_reverse_gives_the_original(original: RoleDesign, data: st.DataObject) -> None:
    history: list[Edit] = []
    current = original
    for _ in range(data.draw(st.integers(1, 12))):
        label, after = data.draw(edits(current))
        history.append(Edit(label, current, after))
        current = history[-1].apply()
    for edit in reversed(history):
        assert current == edit.after
        current = edit.revert()
    assert current == original


def test_typing_in_one_field_merges_into_one_step() -> None:
    a = RoleDesign(title="x")
    b = set_value(a, "purpose", "L")
    c = set_value(b, "purpose", "Le")
    first, second = Edit("Edit job purpose", a, b, "purpose"), Edit("Edit job purpose", b, c, "purpose")
    merged = first.merged(second)
    assert merged is not None and (merged.before, merged.after) == (a, c)
    other = Edit("Edit grade", c, set_value(c, "grade", "8d"), "grade")
    assert first.merged(other) is None


def test_invalid_values_are_refused_with_the_field() -> None:
    design = RoleDesign(title="x")
    with pytest.raises(EditError) as caught:
        set_value(design, "time.contracted_hours_per_week", "200")
    assert caught.value.field == "time.contracted_hours_per_week"
    assert str(caught.value) == "must be more than 0 and at most 168 hours"
    with pytest.raises(EditError):
        insert_item(design, "responsibilities", 0, {"text": "  "})
    assert get_value(design, "time.system_work.unit").value == "percent"


def test_labels_name_the_field() -> None:
    assert edit_label("purpose") == "Edit job purpose"
    assert edit_label("joint.partners[1].funding_percent") == "Edit joint post"


def test_a_parsed_path_is_the_callers_own_to_change() -> None:
    """Paths are parsed once and remembered; a caller changing its list changes no later answer."""
    parts = parse_path("joint.partners[1].funding_percent")
    assert parts == ["joint", "partners", 1, "funding_percent"]
    parts.clear()
    assert parse_path("joint.partners[1].funding_percent") == ["joint", "partners", 1, "funding_percent"]
    with pytest.raises(ValueError, match="empty field path"):
        parse_path("[]")
