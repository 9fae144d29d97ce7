"""Exact numbers for hours, days and shares: Decimal with a bounded number of places.

Floats drift (0.1 + 0.2); a split that should add up to 100 must add up exactly, so every
figure a user types is held as a Decimal with at most four decimal places.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, PlainSerializer

MAX_PLACES = 4


def _bounded_places(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("must be a number")
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        raise ValueError(f"may have at most {MAX_PLACES} decimal places")
    return value


def json_number(value: Decimal) -> int | float:
    """Write a Decimal as a JSON number; safe because values carry at most four places."""
    return int(value) if value == value.to_integral_value() else float(value)


def _between(low: int, high: int, unit: str = "") -> AfterValidator:
    """The bounds, said with their unit ("between 0 and 100 per cent") wherever they are read."""

    def check(value: Decimal) -> Decimal:
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}{' ' + unit if unit else ''}")
        return value

    return AfterValidator(check)


def _above_zero_up_to(high: int, unit: str) -> AfterValidator:
    def check(value: Decimal) -> Decimal:
        if not 0 < value <= high:
            raise ValueError(f"must be more than 0 and at most {high} {unit}")
        return value

    return AfterValidator(check)


Number = Annotated[
    Decimal,
    AfterValidator(_bounded_places),
    PlainSerializer(json_number, return_type=float, when_used="json"),
]
Percent = Annotated[Number, _between(0, 100, "per cent")]
NonNegative = Annotated[Number, _between(0, 10_000)]
WeeklyHours = Annotated[Number, _above_zero_up_to(168, "hours")]
WeeklyDays = Annotated[Number, _above_zero_up_to(7, "days")]
WeeklyPAs = Annotated[Number, _above_zero_up_to(42, "programmed activities")]
MonthlyDays = Annotated[Number, _above_zero_up_to(31, "days a month")]
