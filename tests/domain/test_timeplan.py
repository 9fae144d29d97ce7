"""Exact time arithmetic: every unit derived from the one given, with no float drift."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roledesigner.domain.models import Allocation, RoleDesign, TimePlan
from roledesigner.domain.timeplan import allocation_hours, in_unit, is_exact, shown, week
from roledesigner.domain.timerules import Suggestion, time_findings
from roledesigner.domain.vocabulary import AllocationUnit as Unit
from tests.support.strategies import allocations, time_plans

D = Decimal

CASES = [
    # contracted hours, days, PAs, unit, amount -> hours, days, percent, PAs
    ("37.5", "5", None, Unit.PERCENT, "50", "18.75", "2.5", "50", "4.6875"),
    ("37.5", "5", None, Unit.DAYS_PER_WEEK, "2", "15", "2", "40", "3.75"),
    ("37.5", "5", None, Unit.HOURS_PER_WEEK, "7.5", "7.5", "1", "20", "1.875"),
    ("37.5", "5", "10", Unit.PROGRAMMED_ACTIVITIES, "2", "8", "1", "20", "2"),
    ("22.5", "3", None, Unit.PERCENT, "100", "22.5", "3", "100", "5.625"),  # a 0.6 full-time post
    ("37.5", "5", None, Unit.PERCENT, "0", "0", "0", "0", "0"),
]


@pytest.mark.parametrize(("hours", "days", "pas", "unit", "amount", "sys_h", "sys_d", "sys_p", "sys_pa"), CASES)
def test_derived_figures(
    hours: str, days: str, pas: str | None, unit: Unit, amount: str, sys_h: str, sys_d: str, sys_p: str, sys_pa: str
) -> None:
    plan = TimePlan(
        contracted_hours_per_week=D(hours),
        working_days_per_week=D(days),
        contracted_programmed_activities=D(pas) if pas else None,
        system_work=Allocation(unit=unit, amount=D(amount)),
    )
    w = week(plan)
    assert (w.system_hours, w.system_days, w.system_percent, w.system_pas) == (
        Fraction(sys_h), Fraction(sys_d), Fraction(sys_p), Fraction(sys_pa),
    )  # fmt: skip
    assert w.system_hours + w.organisational_hours == w.contracted_hours
    assert w.system_percent + w.organisational_percent == 100


def test_a_third_is_exact_inside_and_rounded_only_for_display() -> None:
    plan = TimePlan(contracted_hours_per_week=D(40), system_work=Allocation(unit=Unit.HOURS_PER_WEEK, amount=D(1)))
    percent = week(plan).system_percent
    assert percent == Fraction(5, 2)
    days = week(plan).system_days
    assert days == Fraction(1, 8)
    third = Fraction(1, 3)
    assert shown(third) == D("0.33") and not is_exact(third)
    assert shown(Fraction(100)) == D(100) and is_exact(Fraction(100))


@given(time_plans, allocations(), st.sampled_from(Unit))
def test_converting_to_any_unit_and_back_is_exact(plan: TimePlan, allocation: Allocation, unit: Unit) -> None:
    hours = allocation_hours(plan, allocation)
    assert in_unit(plan, hours, allocation.unit) == Fraction(allocation.amount)
    there = in_unit(plan, hours, unit)
    # Expressed in any unit, the figure stands for exactly the same hours (model_construct: exact
    # fractions need not fit the four-decimal limit of what a user types).
    assert allocation_hours(plan, Allocation.model_construct(unit=unit, amount=there)) == hours  # type: ignore[arg-type]


def test_changing_the_unit_keeps_the_time_and_says_when_it_rounds() -> None:
    from roledesigner.domain.timeplan import reexpressed

    half = TimePlan(system_work=Allocation(unit=Unit.PERCENT, amount=D(50)))
    assert reexpressed(half, Unit.DAYS_PER_WEEK) == (Allocation(unit=Unit.DAYS_PER_WEEK, amount=D("2.5")), True)
    assert reexpressed(half, Unit.PROGRAMMED_ACTIVITIES) == (
        Allocation(unit=Unit.PROGRAMMED_ACTIVITIES, amount=D("4.6875")),
        True,
    )
    ten_hours = TimePlan(system_work=Allocation(unit=Unit.HOURS_PER_WEEK, amount=D(10)))
    allocation, exact = reexpressed(ten_hours, Unit.DAYS_PER_WEEK)
    assert (allocation.amount, exact) == (D("1.3333"), False)


@pytest.mark.parametrize(
    ("unit", "amount", "said"),
    [
        (Unit.PERCENT, "100", "(100 per cent of the post)"),
        (Unit.DAYS_PER_WEEK, "2.5", "(2.5 days a week)"),
        (Unit.HOURS_PER_WEEK, "20", "(20 hours a week)"),
        (Unit.PROGRAMMED_ACTIVITIES, "5", "(5 programmed activities a week)"),
    ],
)
def test_the_suggestion_is_given_in_the_apps_own_words(unit: Unit, amount: str, said: str) -> None:
    plan = TimePlan(
        contracted_hours_per_week=D("40"),
        contracted_programmed_activities=D("10"),
        system_work=Allocation(unit=Unit.HOURS_PER_WEEK, amount=D("1")),
    )
    suggestion = Suggestion("Lead", Allocation(unit=unit, amount=D(amount)), "Half the week.")
    (finding,) = time_findings(RoleDesign(title="x", time=plan), suggestion)
    assert said in finding.message
    assert "percent" not in finding.message and "_" not in finding.message


@pytest.mark.parametrize(
    ("amount", "days", "said"),
    [
        (
            "20",
            ["monday", "tuesday", "wednesday"],
            "The post has 3 protected days a week, but its system time comes to 1 day.",
        ),
        ("60", ["monday"], "The post has 1 protected day a week, but its system time comes to 3 days."),
    ],
)
def test_protected_days_that_do_not_match_are_said_plainly(amount: str, days: list[str], said: str) -> None:
    plan = TimePlan(system_work=Allocation(unit=Unit.PERCENT, amount=D(amount)), protected_days=days)  # type: ignore[arg-type]
    (finding,) = time_findings(RoleDesign(title="x", time=plan))
    assert finding.message.startswith(said)
