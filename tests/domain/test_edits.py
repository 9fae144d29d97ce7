"""Core edit operations: validated, by field path, and any sequence undone in reverse is the original."""

from __future__ import annotations

from decimal import Decimal
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from roledesigner.domain.edits import (
    FIELD_NAMES,
    Edit,
    EditError,
    edit_label,
    get_value,
    insert_item,
    move_item,
    parse_path,
    place_unmapped,
    remove_item,
    set_contract,
    set_value,
)
from roledesigner.domain.models import UNIT_CEILING, Responsibility, RoleDesign, TimePlan, UnmappedBlock
from roledesigner.domain.vocabulary import Contract
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
    ceiling = int(UNIT_CEILING[design.time.system_work.unit])
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
    assert edit_label("term_of_office") == "Edit term of office"
    assert edit_label("terms") == "Edit pay framework"
    assert edit_label("joint.agreement") == "Edit partnership arrangement"
    assert edit_label("joint.staffing_route") == "Edit staffing route"
    assert edit_label("time.contracted_days_per_month") == "Edit days a month"
    assert edit_label("time.system_work.amount") == "Edit protected time"
    assert edit_label("dimensions.decisions") == "Edit decisions taken alone"


def _paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field path of a model, into the parts it holds one of (a list's items are named by the list)."""
    found: list[str] = []
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        found.append(path)
        inner = [arg for arg in (field.annotation, *get_args(field.annotation)) if isinstance(arg, type)]
        for part in inner:
            if issubclass(part, BaseModel):
                found.extend(_paths(part, f"{path}."))
    return found


def test_every_field_of_the_design_has_a_plain_name() -> None:
    """Every field a design holds, and every field within its parts, reads in plain words in the
    Edit menu: its own name or its part's, never a file name with underscores."""
    assert set(RoleDesign.model_fields) <= set(FIELD_NAMES), "each field of a design has a name of its own"
    paths = _paths(RoleDesign)
    assert {"time.contracted_days_per_month", "joint.staffing_route", "dimensions.budget"} <= set(paths)
    for path in paths:
        label = edit_label(path)
        assert label.startswith("Edit ") and "_" not in label and "." not in label, (path, label)
    for path in FIELD_NAMES:
        assert path in paths, f"{path} names no field of a design"


def test_a_contract_brings_the_time_basis_that_fits_it() -> None:
    """An office holder has no job plan; a post that is no appointment counts no days a month."""
    clinician = RoleDesign(title="x", time=TimePlan(contracted_programmed_activities=Decimal(10)))
    chair = set_contract(clinician, Contract.APPOINTMENT)
    assert chair.contract is Contract.APPOINTMENT and chair.time.contracted_programmed_activities is None
    chair = set_value(chair, "time.contracted_days_per_month", "3")
    employed = set_contract(chair, Contract.FIXED_TERM)
    assert employed.contract is Contract.FIXED_TERM and employed.time.contracted_days_per_month is None
    assert employed.time == clinician.time.model_copy(update={"contracted_programmed_activities": None})


def test_imported_text_moves_into_the_purpose_or_the_responsibilities() -> None:
    kept = [UnmappedBlock(text="Lead the place's budget.", heading="Key tasks"), UnmappedBlock(text="Be kind.")]
    design = RoleDesign(title="x", purpose="Lead the place.", unmapped=kept)
    purpose = place_unmapped(design, 1, "purpose")
    assert purpose.purpose == "Lead the place.\n\nBe kind." and purpose.unmapped == kept[:1]
    empty = place_unmapped(design.model_copy(update={"purpose": "  "}), 1, "purpose")
    assert empty.purpose == "Be kind."
    duties = place_unmapped(design, 0, "responsibilities")
    assert duties.responsibilities == [Responsibility(text="Lead the place's budget.")]
    assert duties.unmapped == kept[1:] and duties.purpose == design.purpose


def test_a_parsed_path_is_the_callers_own_to_change() -> None:
    """Paths are parsed once and remembered; a caller changing its list changes no later answer."""
    parts = parse_path("joint.partners[1].funding_percent")
    assert parts == ["joint", "partners", 1, "funding_percent"]
    parts.clear()
    assert parse_path("joint.partners[1].funding_percent") == ["joint", "partners", 1, "funding_percent"]
    with pytest.raises(ValueError, match="empty field path"):
        parse_path("[]")
