"""Joint-post shares and the time and joint rules, each shown to fire and to stay silent."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from roledesigner.domain.errors import describe
from roledesigner.domain.findings import Severity
from roledesigner.domain.joint import shares
from roledesigner.domain.models import Allocation, JointArrangement, RoleDesign, TimePlan
from roledesigner.domain.timeplan import week
from roledesigner.domain.timerules import Suggestion, joint_findings, time_findings
from roledesigner.domain.vocabulary import AllocationUnit as Unit
from roledesigner.domain.vocabulary import Footprint
from roledesigner.library.catalogue import Library
from tests.support.designs import GOOD, joint_design, partner
from tests.support.strategies import designs, time_plans

D = Decimal


def codes(findings: list) -> list[str]:  # type: ignore[type-arg]
    return [f.code for f in findings]


def test_partner_shares_are_exact() -> None:
    design = joint_design(*GOOD)
    assert design.joint is not None
    first, second = shares(design.joint, design.time)
    assert (first.hours, first.system_hours, first.funding_share) == (Fraction(45, 2), Fraction(45, 4), Fraction(3, 5))
    assert (second.hours, second.system_hours) == (Fraction(15), Fraction(15, 2))


@given(time_plans, st.lists(st.integers(0, 10_000), min_size=1, max_size=6))
def test_partner_shares_always_add_up_to_the_whole(plan: TimePlan, weights: list[int]) -> None:
    """Split 100 per cent into partners at two decimal places; the parts always sum to the post exactly."""
    total = sum(weights) or 1
    cents = [w * 10_000 // total for w in weights]
    cents[0] += 10_000 - sum(cents)
    partners = [partner(f"P{i}", str(D(c) / 100), str(D(c) / 100), host=i == 0) for i, c in enumerate(cents)]
    joint = JointArrangement(partners=partners)
    parts = shares(joint, plan)
    w = week(plan)
    assert sum(p.hours for p in parts) == w.contracted_hours
    assert sum(p.system_hours for p in parts) == w.system_hours
    assert sum(p.funding_share for p in parts) == 1
    found = codes(joint_findings(RoleDesign(title="x", joint=joint)))
    assert "joint.funding_total" not in found and "joint.time_total" not in found


# --- time rules ------------------------------------------------------------------------------


def time_design(unit: Unit, amount: str, footprint: Footprint | None = Footprint.SYSTEM, **plan: object) -> RoleDesign:
    return RoleDesign(
        title="Lead",
        footprint=footprint,
        time=TimePlan(system_work=Allocation(unit=unit, amount=D(amount)), **plan),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("footprint", [Footprint.SYSTEM, Footprint.PLACE, Footprint.NEIGHBOURHOOD])
def test_no_system_time_is_an_error_for_a_system_post(footprint: Footprint) -> None:
    (finding,) = time_findings(time_design(Unit.PERCENT, "0", footprint))
    assert (finding.code, finding.severity, finding.field) == (
        "time.no_system_time",
        Severity.ERROR,
        "time.system_work.amount",
    )
    assert "actual time and days" in finding.message


def test_no_system_time_is_fine_for_an_organisational_post() -> None:
    assert time_findings(time_design(Unit.PERCENT, "0", Footprint.ORGANISATION)) == []
    assert time_findings(time_design(Unit.PERCENT, "10", Footprint.SYSTEM)) == []


SUGGESTION = Suggestion(
    "Place chief executive", Allocation(unit=Unit.PERCENT, amount=D(50)), "Partnership work now needs about half."
)


def test_below_the_suggestion_warns_with_the_reason() -> None:
    (finding,) = time_findings(time_design(Unit.DAYS_PER_WEEK, "1"), SUGGESTION)
    assert finding.code == "time.below_suggestion" and finding.severity is Severity.WARNING
    assert "7.5 hours a week is below the 18.75 hours suggested for Place chief executive" in finding.message
    assert "about half" in finding.message


def test_meeting_the_suggestion_in_another_unit_is_silent() -> None:
    assert time_findings(time_design(Unit.DAYS_PER_WEEK, "2.5"), SUGGESTION) == []
    assert time_findings(time_design(Unit.HOURS_PER_WEEK, "20"), SUGGESTION) == []


def test_system_time_over_the_post_is_an_error() -> None:
    (finding,) = time_findings(time_design(Unit.HOURS_PER_WEEK, "40"))
    assert finding.code == "time.over_the_post" and finding.severity is Severity.ERROR
    assert "40 hours a week is more than the post's 37.5 hours" in finding.message
    assert time_findings(time_design(Unit.HOURS_PER_WEEK, "37.5")) == []


@pytest.mark.parametrize(
    ("amount", "days", "fires"),
    [
        ("50", ["tuesday", "thursday"], False),  # 2.5 days: two or three protected days fit
        ("50", ["tuesday", "wednesday", "thursday"], False),
        ("50", ["tuesday"], True),
        ("20", ["monday", "tuesday"], True),  # 1 day of system time, two days protected
        ("20", ["monday"], False),
        ("50", [], False),
    ],
)
def test_protected_days_must_match_the_allocation(amount: str, days: list[str], fires: bool) -> None:
    findings = time_findings(time_design(Unit.PERCENT, amount, protected_days=days))
    assert codes(findings) == (["time.protected_days_mismatch"] if fires else [])
    if fires:
        assert findings[0].field == "time.protected_days"


# --- joint rules -----------------------------------------------------------------------------


def test_a_sound_joint_post_has_no_findings() -> None:
    assert joint_findings(joint_design(*GOOD)) == []
    assert joint_findings(RoleDesign(title="Not joint")) == []


def test_splits_that_do_not_add_up() -> None:
    design = joint_design(partner("A", "60", "50", host=True), partner("B", "30", "40"))
    findings = joint_findings(design)
    assert codes(findings) == ["joint.funding_total", "joint.time_total"]
    assert findings[0].message.startswith("Funding shares add up to 90 per cent, not 100 per cent.")
    assert findings[1].field == "joint.partners[*].time_percent"


def test_thirds_written_as_33_3_do_not_round_into_a_whole() -> None:
    design = joint_design(*(partner(n, "33.3", "33.3", host=n == "A") for n in "ABC"))
    findings = joint_findings(design)
    assert codes(findings) == ["joint.funding_total", "joint.time_total"]
    assert "99.9 per cent" in findings[0].message and "33.34" in findings[0].message
    exact = joint_design(
        partner("A", "33.34", "33.34", host=True), partner("B", "33.33", "33.33"), partner("C", "33.33", "33.33")
    )
    assert joint_findings(exact) == []


@pytest.mark.parametrize(("hosts", "fires"), [((False, False), True), ((True, True), True), ((True, False), False)])
def test_exactly_one_host(hosts: tuple[bool, bool], fires: bool) -> None:
    design = joint_design(partner("A", "50", "50", host=hosts[0]), partner("B", "50", "50", host=hosts[1]))
    assert ("joint.host_count" in codes(joint_findings(design))) is fires


def test_a_partner_with_no_line_manager_warns_at_that_partner() -> None:
    design = joint_design(GOOD[0], partner("Westtown Council", "40", "40", manager="  "))
    (finding,) = joint_findings(design)
    assert (finding.code, finding.severity, finding.field) == (
        "joint.no_line_manager", Severity.WARNING, "joint.partners[1].line_manager",
    )  # fmt: skip


def test_no_legal_basis_warns() -> None:
    assert codes(joint_findings(joint_design(*GOOD, agreement=None, staffing_route=None))) == ["joint.no_legal_basis"]


def test_one_partner_is_not_a_joint_post() -> None:
    assert codes(joint_findings(joint_design(partner("A", "100", "100", host=True)))) == ["joint.too_few_partners"]


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        ({"contracted_hours_per_week": "-5"}, "contracted_hours_per_week must be more than 0 and at most 168"),
        ({"contracted_hours_per_week": "0"}, "contracted_hours_per_week must be more than 0 and at most 168"),
        ({"contracted_hours_per_week": "200"}, "contracted_hours_per_week must be more than 0 and at most 168"),
        ({"contracted_hours_per_week": "NaN"}, "contracted_hours_per_week must be a number"),
        ({"contracted_hours_per_week": "lots"}, "contracted_hours_per_week must be a number"),
        ({"working_days_per_week": "8"}, "working_days_per_week must be more than 0 and at most 7"),
        (
            {"system_work": {"unit": "percent", "amount": "150"}},
            "amount must be between 0 and 100 per cent of the post",
        ),
        ({"system_work": {"unit": "days_per_week", "amount": "-1"}}, "amount must be between 0 and 7 days a week"),
        ({"system_work": {"unit": "hours_per_week", "amount": "12.12345"}}, "amount may have at most 4 decimal places"),
    ],
)
def test_bad_numbers_get_a_plain_message_naming_the_field(plan: dict[str, object], expected: str) -> None:
    with pytest.raises(ValidationError) as caught:
        RoleDesign.model_validate({"title": "x", "time": plan})
    assert expected in describe(caught.value)


def test_a_percentage_over_100_names_the_partner_field() -> None:
    with pytest.raises(ValidationError) as caught:
        RoleDesign.model_validate(
            {
                "title": "x",
                "joint": {
                    "partners": [{"organisation": "A", "sector": "icb", "funding_percent": 101, "time_percent": 50}]
                },
            }
        )
    assert describe(caught.value) == "joint.partners[0].funding_percent must be between 0 and 100 per cent"


def test_a_design_from_a_joint_role_starts_joint_and_is_asked_for_its_partners(library: Library) -> None:
    from roledesigner.library.compose import new_design
    from roledesigner.review import review

    joint_roles = [role_id for role_id, role in library.roles.items() if role.joint]
    assert len(joint_roles) == 6, "the six joint NHS and council areas in SCIE 2021"
    for role_id in joint_roles:
        design = new_design(library, role_id)
        assert design.joint is not None and design.joint.partners == []
        assert "joint.too_few_partners" in [f.code for f in review(design, library)]
    assert new_design(library, "system_finance_lead").joint is None


def test_a_joint_role_design_without_its_arrangement_is_warned(library: Library) -> None:
    from roledesigner.library.compose import new_design
    from roledesigner.review import review

    design = new_design(library, "joint_mental_health_lead").model_copy(update={"joint": None})
    found = [f for f in review(design, library) if f.code == "joint.arrangement_missing"]
    assert len(found) == 1 and found[0].severity is Severity.WARNING and found[0].field == "joint"
    assert "'Joint NHS and council mental health lead'" in found[0].message
    not_joint = new_design(library, "system_finance_lead")
    assert "joint.arrangement_missing" not in [f.code for f in review(not_joint, library)]


@given(designs)
def test_the_editors_totals_agree_with_the_review(design: RoleDesign) -> None:
    """splits_complete (the editor's red or plain totals line) is true exactly when the review has
    no complaint about the funding or time totals."""
    from roledesigner.domain.joint import splits_complete

    totals = {f.code for f in joint_findings(design)} & {"joint.funding_total", "joint.time_total"}
    assert splits_complete(design.joint) == (not totals)


def test_a_refused_value_is_quoted_short() -> None:
    """A 200 KB footprint is named by its start, not repeated whole in the sentence."""
    with pytest.raises(ValidationError) as caught:
        RoleDesign.model_validate({"title": "x", "footprint": "z" * 200_000})
    message = describe(caught.value)
    assert message.startswith("footprint must be one of") and len(message) < 200
    assert "'zzzz" in message and "…" in message
