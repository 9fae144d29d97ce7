"""Comparing designs: fields added, removed and changed; lists matched item by item, so a moved item
reads as moved; different roles said, not refused; and the round trip record, change, compare,
restore, undo, for any design."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledesigner.domain.compare import (
    ChangeKind,
    FieldChange,
    compare_designs,
    content_changes,
    describe,
    field_name,
)
from roledesigner.domain.edits import Edit
from roledesigner.domain.models import (
    CapabilityRequirement,
    Criterion,
    JointArrangement,
    Partner,
    Responsibility,
    RoleDesign,
)
from roledesigner.domain.versions import find_version, record_version, restore_version, version_design
from roledesigner.domain.vocabulary import Footprint, Requirement, Sector, Status
from tests.support.strategies import designs, filled

DAY = dt.date(2026, 5, 3)
DUTIES = [
    "Lead joint planning of mental health services across the place",
    "Build mental health into the population health plan",
    "Join up physical and mental health care in neighbourhood teams",
    "Agree with partners how shared duties are funded",
    "Involve people with lived experience in designing services",
]


def with_duties(*texts: str, **fields: object) -> RoleDesign:
    return RoleDesign(title="Mental health lead", responsibilities=[Responsibility(text=t) for t in texts], **fields)  # type: ignore[arg-type]


def kinds(changes: list[FieldChange]) -> list[tuple[str, str]]:
    return [(change.kind.value, change.path) for change in changes]


def test_the_same_design_has_no_changes() -> None:
    design = with_duties(*DUTIES)
    assert compare_designs(design, design).changes == []


def test_plain_fields_are_added_removed_and_changed() -> None:
    old = RoleDesign(title="Lead", purpose="Leads.", footprint=Footprint.PLACE)
    new = RoleDesign(title="Lead", stability="Permanent.", footprint=Footprint.SYSTEM)
    assert kinds(compare_designs(old, new).changes) == [
        ("changed", "footprint"),
        ("removed", "purpose"),
        ("added", "stability"),
    ]


def test_a_moved_responsibility_reads_as_one_move_not_two_changes() -> None:
    old = with_duties(*DUTIES)
    new = with_duties(*DUTIES[1:4], DUTIES[0], DUTIES[4])
    changes = compare_designs(old, new).changes
    assert kinds(changes) == [("moved", "responsibilities[3]")]
    assert changes[0].old_path == "responsibilities[0]"
    assert describe(changes[0]) == f"Moved responsibility 1 to place 4: “{DUTIES[0]}”."


def test_a_reworded_responsibility_is_changed_where_it_now_stands() -> None:
    old = with_duties(*DUTIES)
    reworded = DUTIES[2].replace("Join up", "Bring together")
    new = with_duties(reworded, *DUTIES[:2], *DUTIES[3:])
    changes = compare_designs(old, new).changes
    assert kinds(changes) == [("moved", "responsibilities[0]"), ("changed", "responsibilities[0].text")]
    assert changes[1].old == DUTIES[2] and changes[1].new == reworded
    assert changes[1].old_path == "responsibilities[2].text"


def test_added_and_removed_items_do_not_make_the_others_move() -> None:
    old = with_duties(*DUTIES)
    new = with_duties("Chair the place partnership board", *DUTIES[:2], *DUTIES[3:])
    assert kinds(compare_designs(old, new).changes) == [
        ("removed", "responsibilities[2]"),
        ("added", "responsibilities[0]"),
    ]


def test_unlike_text_is_a_removal_and_an_addition_not_a_change() -> None:
    old = with_duties("Lead joint planning of mental health services")
    new = with_duties("Chair the council's scrutiny committee")
    assert kinds(compare_designs(old, new).changes) == [
        ("removed", "responsibilities[0]"),
        ("added", "responsibilities[0]"),
    ]


def test_capabilities_are_matched_by_id_and_partners_by_organisation() -> None:
    council = Partner(
        organisation="Westtown Council",
        sector=Sector.LOCAL_AUTHORITY,
        funding_percent=Decimal(40),
        time_percent=Decimal(40),
    )
    board = Partner(
        organisation="North Shire ICB",
        sector=Sector.ICB,
        host=True,
        funding_percent=Decimal(60),
        time_percent=Decimal(60),
    )
    old = RoleDesign(
        title="Lead",
        capabilities=[CapabilityRequirement(id="systems_thinking"), CapabilityRequirement(id="co_production")],
        joint=JointArrangement(partners=[board, council]),
    )
    new = RoleDesign(
        title="Lead",
        capabilities=[
            CapabilityRequirement(id="co_production"),
            CapabilityRequirement(id="systems_thinking", requirement=Requirement.DESIRABLE),
        ],
        joint=JointArrangement(partners=[board, council.model_copy(update={"funding_percent": Decimal(45)})]),
    )
    changes = compare_designs(old, new).changes
    assert kinds(changes) == [
        ("moved", "capabilities[1]"),
        ("changed", "capabilities[1].requirement"),
        ("changed", "joint.partners[1].funding_percent"),
    ]
    assert describe(changes[0], {"systems_thinking": "Systems thinking"}.get) == (  # type: ignore[arg-type]
        "Moved capability 1 to place 2: “Systems thinking”."
    )
    assert field_name(changes[2].path) == "joint post, partner 2, funding percent"


def test_criteria_are_matched_by_their_wording() -> None:
    old = RoleDesign(title="x", criteria=[Criterion(text="Experience of pooled budgets"), Criterion(text="A degree")])
    new = RoleDesign(
        title="x",
        criteria=[Criterion(text="A degree or equivalent experience"), Criterion(text="Experience of pooled budgets")],
    )
    # Two items swapped places: one of them moved (either reads true); the reworded one is changed.
    assert kinds(compare_designs(old, new).changes) == [("changed", "criteria[0].text"), ("moved", "criteria[1]")]


def test_different_roles_are_said_not_refused() -> None:
    old = with_duties(*DUTIES, based_on="joint_mental_health_lead")
    new = with_duties(*DUTIES, based_on="place_director")
    comparison = compare_designs(old, new)
    assert comparison.different_roles == (
        "The two designs are of different roles: the old one is based on the emerging role 'joint_mental_health_lead' "
        "and the new one on the emerging role 'place_director'."
    )
    assert kinds(comparison.changes) == [("changed", "based_on")]
    # The same emerging role retitled is still that post; with no emerging role, the title is all there is.
    assert compare_designs(old, old.model_copy(update={"title": "Director of place"})).different_roles == ""
    own = old.model_copy(update={"based_on": None})
    retitled = compare_designs(own, own.model_copy(update={"title": "Director of place"}))
    assert "different titles" in retitled.different_roles
    assert compare_designs(own, own.model_copy(update={"title": "  mental HEALTH lead "})).different_roles == ""


def test_the_record_is_compared_but_is_not_content() -> None:
    old = RoleDesign(title="x")
    new = old.model_copy(update={"status": Status.APPROVED, "version": "2", "author": "Ann"})
    assert {c.path for c in compare_designs(old, new).changes} == {"status", "version", "author"}
    assert content_changes(old, new) == []


def test_json_form_names_the_kind_the_field_and_the_values() -> None:
    old, new = RoleDesign(title="x", purpose="Old."), RoleDesign(title="x", purpose="New.")
    assert compare_designs(old, new).as_dict() == {
        "different_roles": "",
        "changes": [{"kind": "changed", "field": "purpose", "old": "Old.", "new": "New."}],
    }


def test_a_long_change_is_described_around_the_words_that_differ() -> None:
    words = " ".join(f"word{n}" for n in range(40))
    change = compare_designs(
        RoleDesign(title="x", purpose=words), RoleDesign(title="x", purpose=words.replace("word20", "WORD"))
    ).changes[0]
    assert (
        describe(change)
        == "Changed job purpose: “… word17 word18 word19 word20 word21 word22 word23 …” became “… word17 word18 word19 WORD word21 word22 word23 …”."
    )


# --- properties ---------------------------------------------------------------------------------

PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTIES
@given(designs)
def test_a_design_compared_with_itself_has_no_changes(design: RoleDesign) -> None:
    assert compare_designs(design, design).changes == []


@PROPERTIES
@given(designs, designs)
def test_no_changes_means_the_same_content(old: RoleDesign, new: RoleDesign) -> None:
    changes = compare_designs(old, new).changes
    same = old.model_dump(mode="json", exclude={"history"}) == new.model_dump(mode="json", exclude={"history"})
    assert (changes == []) == same


@PROPERTIES
@given(st.lists(filled, min_size=1, max_size=8, unique=True), st.randoms(use_true_random=False))
def test_a_shuffled_list_only_moves(texts: list[str], shuffler: object) -> None:
    shuffled = list(texts)
    shuffler.shuffle(shuffled)  # type: ignore[attr-defined]
    old = with_duties(*texts)
    changes = compare_designs(old, with_duties(*shuffled)).changes
    assert {change.kind for change in changes} <= {ChangeKind.MOVED}
    assert (changes == []) == (texts == shuffled)
    for change in changes:
        assert change.old == change.new and old.responsibilities[int(change.old_path[17:-1])].text == change.new["text"]


@PROPERTIES
@given(designs, designs)
def test_record_change_compare_restore_undo(first: RoleDesign, other: RoleDesign) -> None:
    recorded = record_version(first, when=DAY, note="first")
    number = recorded.history[-1].version
    # A change: the other design's content, the record carried on.
    changed = other.model_copy(
        update={name: getattr(recorded, name) for name in ("history", "version", "status", "signoffs")}
    )
    stored = version_design(find_version(changed, number))
    assert stored == first.model_copy(update={"version": number})
    against_version = compare_designs(stored, changed)
    assert (against_version.changes == []) == (
        stored.model_dump(exclude={"history"}) == changed.model_dump(exclude={"history"})
    )
    restored = restore_version(changed, number)
    assert content_changes(stored, restored) == []
    assert restored.history == changed.history and restored.version == changed.version
    step = Edit("Restore version", changed, restored)
    assert step.revert() == changed and step.apply() == restored
