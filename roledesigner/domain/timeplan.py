"""Exact arithmetic of a post's week: system work in every unit, derived from the one given.

Fractions, not floats: 37.5 hours at a third is 12.5 hours exactly, and shares that must add
up to the whole do. Rounding happens only when a figure is shown (see `shown`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from roledesigner.domain.models import Allocation, TimePlan
from roledesigner.domain.vocabulary import AllocationUnit

HOURS_PER_PA = Fraction(4)
#: A general practice session: 4 hours 10 minutes, so 9 make 37.5 hours (the BMA model salaried contract).
HOURS_PER_SESSION = Fraction(25, 6)
#: 52 weeks in 12 months: days a month and days a week convert exactly, never through 4.33.
WEEKS_PER_MONTH = Fraction(52, 12)


def standard_day(plan: TimePlan) -> Fraction:
    """The hours of one of the post's working days: its contracted hours over its working days."""
    return Fraction(plan.contracted_hours_per_week) / Fraction(plan.working_days_per_week)


def basis_hours(plan: TimePlan) -> Fraction:
    """Contracted hours a week: from programmed activities for a clinician's job plan, from days
    a month for an office holder (days of the standard length), else the hours themselves."""
    if plan.contracted_programmed_activities is not None:
        return Fraction(plan.contracted_programmed_activities) * HOURS_PER_PA
    if plan.contracted_days_per_month is not None:
        return Fraction(plan.contracted_days_per_month) / WEEKS_PER_MONTH * standard_day(plan)
    return Fraction(plan.contracted_hours_per_week)


def hours_per_day(plan: TimePlan) -> Fraction:
    """An office holder's day is the standard one; otherwise the week's hours over its days."""
    if plan.contracted_days_per_month is not None:
        return standard_day(plan)
    return basis_hours(plan) / Fraction(plan.working_days_per_week)


def days_a_month(plan: TimePlan, hours: Fraction) -> Fraction:
    """Weekly hours as days a month, for an office holder's time commitment."""
    return hours / hours_per_day(plan) * WEEKS_PER_MONTH


def allocation_hours(plan: TimePlan, allocation: Allocation) -> Fraction:
    """Hours a week that an allocation in any unit stands for, in this post."""
    amount = Fraction(allocation.amount)
    match allocation.unit:
        case AllocationUnit.PERCENT:
            return basis_hours(plan) * amount / 100
        case AllocationUnit.HOURS_PER_WEEK:
            return amount
        case AllocationUnit.DAYS_PER_WEEK:
            return hours_per_day(plan) * amount
        case AllocationUnit.PROGRAMMED_ACTIVITIES:
            return amount * HOURS_PER_PA
        case AllocationUnit.SESSIONS:
            return amount * HOURS_PER_SESSION
    raise ValueError(f"unknown unit {allocation.unit}")  # pragma: no cover - the enum is closed


def in_unit(plan: TimePlan, hours: Fraction, unit: AllocationUnit) -> Fraction:
    """Express weekly hours in another unit of this post."""
    match unit:
        case AllocationUnit.PERCENT:
            return hours * 100 / basis_hours(plan)
        case AllocationUnit.HOURS_PER_WEEK:
            return hours
        case AllocationUnit.DAYS_PER_WEEK:
            return hours / hours_per_day(plan)
        case AllocationUnit.PROGRAMMED_ACTIVITIES:
            return hours / HOURS_PER_PA
        case AllocationUnit.SESSIONS:
            return hours / HOURS_PER_SESSION
    raise ValueError(f"unknown unit {unit}")  # pragma: no cover


@dataclass(frozen=True)
class Week:
    """The post's week split into system and organisational work, every figure exact."""

    contracted_hours: Fraction
    working_days: Fraction
    system_hours: Fraction
    system_days: Fraction
    system_percent: Fraction
    system_pas: Fraction
    system_sessions: Fraction
    organisational_hours: Fraction
    organisational_days: Fraction
    organisational_percent: Fraction

    @property
    def over_the_post(self) -> bool:
        return self.system_hours > self.contracted_hours


def week(plan: TimePlan) -> Week:
    hours = basis_hours(plan)
    system = allocation_hours(plan, plan.system_work)
    remainder = hours - system
    return Week(
        contracted_hours=hours,
        working_days=Fraction(plan.working_days_per_week),
        system_hours=system,
        system_days=in_unit(plan, system, AllocationUnit.DAYS_PER_WEEK),
        system_percent=in_unit(plan, system, AllocationUnit.PERCENT),
        system_pas=in_unit(plan, system, AllocationUnit.PROGRAMMED_ACTIVITIES),
        system_sessions=in_unit(plan, system, AllocationUnit.SESSIONS),
        organisational_hours=remainder,
        organisational_days=in_unit(plan, remainder, AllocationUnit.DAYS_PER_WEEK),
        organisational_percent=in_unit(plan, remainder, AllocationUnit.PERCENT),
    )


def shown(value: Fraction, places: int = 2) -> Decimal:
    """A figure for display, rounded half up to `places`; `is_exact` says whether that lost anything."""
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(quantum, rounding=ROUND_HALF_UP).normalize() + Decimal(0)


def is_exact(value: Fraction, places: int = 2) -> bool:
    return Fraction(shown(value, places)) == value


def reexpressed(plan: TimePlan, unit: AllocationUnit) -> tuple[Allocation, bool]:
    """The same system time in another unit, and whether it could be written exactly.

    A figure that cannot be written in four decimal places (10 hours as days is 1.3333…) is
    rounded, and the caller says so: nothing rounds silently.
    """
    hours = allocation_hours(plan, plan.system_work)
    amount = in_unit(plan, hours, unit)
    written = shown(amount, 4)
    return Allocation(unit=unit, amount=written), Fraction(written) == amount
