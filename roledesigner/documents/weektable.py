"""The week as a table: the days as columns, the protected days marked in words and by shading.

The Word file draws the week with this table (native, so the house template restyles it and a
screen reader reads it cell by cell, and no Qt is needed to export Word); the HTML shows the
same table above the PDF's picture. Which other days hold the rest of the system work is not
known, so the table says so rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from roledesigner.documents.wording import days, hours_of, join_words
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.timeplan import hours_per_day, week
from roledesigner.domain.vocabulary import Weekday

#: A protected day's shading (light NHS blue: dark text on it passes 4.5:1) and an ordinary day's.
PROTECTED_FILL = "D6E6F5"
ORDINARY_FILL = "FFFFFF"
PROTECTED_TEXT = "System work (protected)"
#: A day that may hold the rest of the system work: which days do is agreed, not known here.
FLEXIBLE_TEXT = "Flexible"
ORGANISATIONAL_TEXT = "Organisational work"
WEEKDAYS = [Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY]


@dataclass(frozen=True)
class DayCell:
    text: str
    protected: bool
    #: Six hex digits: the Word template's `cellbg`, the HTML's `bgcolor`.
    fill: str


@dataclass(frozen=True)
class WeekRow:
    #: What the row stands for ("This post"); the default templates leave it out, as there is one row.
    label: str
    cells: list[DayCell]


@dataclass(frozen=True)
class WeekTable:
    days: list[str]
    rows: list[WeekRow]
    #: What the table cannot show: where the rest of the system work falls, or the days worked.
    notes: list[str]
    alt_text: str


def _name(day: Weekday) -> str:
    return day.value.capitalize()


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def week_table(design: RoleDesign) -> WeekTable | None:
    """The week by day; None for an office holder (days a month) or a post with no hours."""
    plan = design.time
    w = week(plan)
    if plan.contracted_days_per_month is not None or not w.contracted_hours:
        return None
    protected = [day for day in Weekday if day in set(plan.protected_days)]
    shown = list(WEEKDAYS)
    if plan.working_days_per_week > 5 or any(day not in WEEKDAYS for day in protected):
        shown = list(Weekday)
    system = min(w.system_hours, w.contracted_hours)
    on_protected = min(system, len(protected) * hours_per_day(plan))
    rest = system - on_protected
    ordinary = ORGANISATIONAL_TEXT if rest <= 0 else FLEXIBLE_TEXT
    cells = [
        DayCell(PROTECTED_TEXT, True, PROTECTED_FILL) if day in protected else DayCell(ordinary, False, ORDINARY_FILL)
        for day in shown
    ]
    hours = hours_of(plan)
    notes = []
    if rest > 0:
        amount, other = hours(rest), "other " if protected else ""
        if amount.startswith("about "):  # "the about 16.7 hours" would not read
            amount = f"the {other}system work ({amount} a week)"
        else:
            amount = f"the {other}{amount} of system work a week"
        notes.append(f"{FLEXIBLE_TEXT}: organisational work, and {amount} on days agreed with the line manager.")
    if plan.working_days_per_week < len(WEEKDAYS):
        notes.append(
            f"The post works {days(Fraction(plan.working_days_per_week))} a week; "
            "the days are agreed with the line manager."
        )
    alt = (
        f"Table of the working week, {_name(shown[0])} to {_name(shown[-1])}: "
        + (
            f"{join_words([_name(day) for day in protected])} protected for system work. "
            if protected
            else "no day is protected for system work. "
        )
        + _capitalised(
            f"{hours(system)} of system work and {hours(w.contracted_hours - system)} of organisational work"
        )
        + " a week."
    )
    return WeekTable([_name(day) for day in shown], [WeekRow("This post", cells)], notes, alt)
