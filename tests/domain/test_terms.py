"""Terms and time that fit the post: job plans, GP sessions, office holders, and a joint post's two legal steps."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from roledesigner.domain.findings import Finding
from roledesigner.domain.models import UNIT_CEILING, Allocation, JointArrangement, Partner, RoleDesign, TimePlan
from roledesigner.domain.timeplan import (
    HOURS_PER_SESSION,
    allocation_hours,
    basis_hours,
    days_a_month,
    in_unit,
    reexpressed,
    week,
)
from roledesigner.domain.timerules import joint_findings
from roledesigner.domain.vocabulary import (
    LABELS,
    AllocationUnit,
    Contract,
    LegalBasis,
    PartnershipArrangement,
    Sector,
    StaffingRoute,
    label,
)

D = Decimal


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_five_programmed_activities_of_a_ten_pa_job_plan_are_exactly_half() -> None:
    plan = TimePlan(
        contracted_programmed_activities=D(10),
        system_work=Allocation(unit=AllocationUnit.PROGRAMMED_ACTIVITIES, amount=D(5)),
    )
    w = week(plan)
    assert (w.contracted_hours, w.system_hours, w.system_percent) == (Fraction(40), Fraction(20), Fraction(50))
    # The wrong output the library review found: the same 5 PAs on the 37.5-hour default.
    default = TimePlan(system_work=plan.system_work)
    assert week(default).system_percent == Fraction(160, 3)


def test_a_gp_session_is_four_hours_ten_minutes_and_nine_make_a_full_week() -> None:
    assert Fraction(4) + Fraction(10, 60) == HOURS_PER_SESSION, "4 hours 10 minutes"
    full = TimePlan(system_work=Allocation(unit=AllocationUnit.SESSIONS, amount=D(9)))
    assert allocation_hours(full, full.system_work) == Fraction(75, 2) == basis_hours(full)
    half = TimePlan(system_work=Allocation(unit=AllocationUnit.SESSIONS, amount=D("4.5")))
    w = week(half)
    assert (w.system_hours, w.system_percent, w.system_sessions, w.system_days) == (
        Fraction(75, 4),
        Fraction(50),
        Fraction(9, 2),
        Fraction(5, 2),
    )
    assert label(AllocationUnit.SESSIONS) == "sessions a week"


def test_sessions_are_re_expressed_exactly_or_said_to_be_rounded() -> None:
    plan = TimePlan(system_work=Allocation(unit=AllocationUnit.HOURS_PER_WEEK, amount=D(10)))
    allocation, exact = reexpressed(plan, AllocationUnit.SESSIONS)
    assert (allocation.amount, exact) == (D("2.4"), True)
    plan = TimePlan(system_work=Allocation(unit=AllocationUnit.HOURS_PER_WEEK, amount=D(1)))
    allocation, exact = reexpressed(plan, AllocationUnit.SESSIONS)
    assert (allocation.amount, exact) == (D("0.24"), True)
    plan = TimePlan(system_work=Allocation(unit=AllocationUnit.DAYS_PER_WEEK, amount=D(1)))
    assert reexpressed(plan, AllocationUnit.SESSIONS) == (
        Allocation(unit=AllocationUnit.SESSIONS, amount=D("1.8")),
        True,
    )


def test_sessions_stay_within_a_week() -> None:
    assert UNIT_CEILING[AllocationUnit.SESSIONS] == 40
    assert allocation_hours(TimePlan(), Allocation(unit=AllocationUnit.SESSIONS, amount=D(40))) <= 168
    with pytest.raises(ValidationError, match="between 0 and 40 sessions a week"):
        Allocation(unit=AllocationUnit.SESSIONS, amount=D(41))


@given(st.decimals(min_value=0, max_value=40, places=2))
def test_sessions_and_hours_convert_both_ways_exactly(amount: Decimal) -> None:
    plan = TimePlan(system_work=Allocation(unit=AllocationUnit.SESSIONS, amount=amount))
    hours = allocation_hours(plan, plan.system_work)
    assert in_unit(plan, hours, AllocationUnit.SESSIONS) == Fraction(amount)


def test_an_office_holders_days_a_month_are_the_post() -> None:
    """A chair's 8 days a month: about 13.85 hours a week of standard 7.5-hour days, all of it system work."""
    plan = TimePlan(contracted_days_per_month=D(8), system_work=Allocation(unit=AllocationUnit.PERCENT, amount=D(100)))
    w = week(plan)
    assert w.contracted_hours == Fraction(8 * 12, 52) * Fraction(15, 2)
    assert w.system_days == Fraction(96, 52)
    assert days_a_month(plan, w.system_hours) == 8
    half = plan.model_copy(update={"system_work": Allocation(unit=AllocationUnit.PERCENT, amount=D(50))})
    assert days_a_month(half, week(half).system_hours) == 4
    as_days = plan.model_copy(update={"system_work": Allocation(unit=AllocationUnit.DAYS_PER_WEEK, amount=D(1))})
    assert week(as_days).system_hours == Fraction(15, 2), "a day is the standard day, not the week over 5"


def test_a_plan_counts_programmed_activities_or_days_a_month_not_both() -> None:
    with pytest.raises(ValidationError, match="cannot count both programmed activities a week and days a month"):
        TimePlan(contracted_programmed_activities=D(10), contracted_days_per_month=D(8))
    with pytest.raises(ValidationError, match="at most 31 days a month"):
        TimePlan(contracted_days_per_month=D(32))


def test_an_appointment_holds_its_term_and_remuneration() -> None:
    design = RoleDesign(
        title="Chair",
        contract=Contract.APPOINTMENT,
        term_of_office="Three years, renewable once.",
        remuneration="Under NHS England's framework.",
    )
    assert label(design.contract) == "Appointment (office holder)"
    assert RoleDesign.model_validate(design.model_dump(mode="json")) == design


def _joint(
    agreement: PartnershipArrangement | None,
    route: StaffingRoute | None,
    council: bool = True,
    honorary: bool = False,
) -> RoleDesign:
    partners = [
        Partner(organisation="North Shire ICB", sector=Sector.ICB, host=True, funding_percent=D(50),
                time_percent=D(50), line_manager="Chief executive"),
        Partner(organisation="Westtown", sector=Sector.LOCAL_AUTHORITY if council else Sector.NHS_TRUST,
                funding_percent=D(50), time_percent=D(50), line_manager="Director", honorary_contract=honorary),
    ]  # fmt: skip
    return RoleDesign(title="Joint lead", joint=JointArrangement(partners=partners, agreement=agreement,
                                                                  staffing_route=route))  # fmt: skip


def test_both_legal_steps_stated_is_sound() -> None:
    for route in StaffingRoute:
        honorary = route is StaffingRoute.SECONDMENT_HONORARY_CONTRACT
        assert joint_findings(_joint(PartnershipArrangement.SECTION_65Z5, route, honorary=honorary)) == [], route
    assert joint_findings(_joint(PartnershipArrangement.NONE, StaffingRoute.SINGLE_EMPLOYER)) == []


def test_each_missing_step_is_named() -> None:
    assert codes(joint_findings(_joint(None, None))) == ["joint.no_legal_basis"]
    (staffing,) = joint_findings(_joint(PartnershipArrangement.SECTION_75, None))
    assert (staffing.code, staffing.field) == ("joint.no_staffing_route", "joint.staffing_route")
    assert "employs nobody" in staffing.message
    (partnership,) = joint_findings(_joint(None, StaffingRoute.JOINT_EMPLOYMENT))
    assert (partnership.code, partnership.field) == ("joint.no_partnership_arrangement", "joint.agreement")


def test_section_113_needs_a_council_and_a_secondment_an_honorary_contract() -> None:
    no_council = _joint(PartnershipArrangement.SECTION_75, StaffingRoute.SECTION_113, council=False)
    assert codes(joint_findings(no_council)) == ["joint.section_113_without_council"]
    no_honorary = _joint(PartnershipArrangement.SECTION_75, StaffingRoute.SECONDMENT_HONORARY_CONTRACT)
    assert codes(joint_findings(no_honorary)) == ["joint.no_honorary_contract"]


@pytest.mark.parametrize(
    ("old", "partnership", "route"),
    [
        ("section_75", PartnershipArrangement.SECTION_75, None),
        ("other", PartnershipArrangement.OTHER, None),
        ("section_113", None, StaffingRoute.SECTION_113),
        ("secondment", None, StaffingRoute.SECONDMENT_HONORARY_CONTRACT),
        ("joint_employment", None, StaffingRoute.JOINT_EMPLOYMENT),
    ],
)
def test_the_one_old_agreement_is_filed_under_its_step(
    old: str, partnership: PartnershipArrangement | None, route: StaffingRoute | None
) -> None:
    """Wherever an old value comes from (a file, a recorded version, code still on the old list)."""
    joint = JointArrangement.model_validate({"agreement": old})
    assert (joint.agreement, joint.staffing_route) == (partnership, route)
    assert JointArrangement(agreement=LegalBasis(old)) == joint  # type: ignore[arg-type]
    assert JointArrangement.model_validate(joint.model_dump(mode="json")) == joint


def test_an_old_staffing_value_chosen_later_sets_the_route() -> None:
    joint = JointArrangement(staffing_route=StaffingRoute.JOINT_EMPLOYMENT)
    changed = JointArrangement.model_validate({**joint.model_dump(), "agreement": "section_113"})
    assert (changed.agreement, changed.staffing_route) == (None, StaffingRoute.SECTION_113)


def test_every_new_value_has_a_plain_label() -> None:
    for value in [*PartnershipArrangement, *StaffingRoute, Contract.APPOINTMENT, AllocationUnit.SESSIONS]:
        assert value.value in LABELS, value
    assert label(StaffingRoute.SECONDMENT_HONORARY_CONTRACT) == "Secondment with an honorary contract"
