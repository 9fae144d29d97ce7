"""The week as a table of days: every protected day marked in words, nothing guessed, for any week."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings

from roledesigner.documents.weektable import FLEXIBLE_TEXT, ORGANISATIONAL_TEXT, PROTECTED_TEXT, WEEKDAYS, week_table
from roledesigner.domain.models import RoleDesign, TimePlan
from roledesigner.domain.timeplan import week
from roledesigner.domain.vocabulary import Weekday
from tests.support.strategies import time_plans


@settings(max_examples=200, deadline=None)
@given(time_plans)
def test_every_protected_day_and_only_those_is_marked_in_words(plan: TimePlan) -> None:
    table = week_table(RoleDesign(title="Any post", time=plan))
    if not week(plan).contracted_hours:
        assert table is None
        return
    assert table is not None
    cells = table.rows[0].cells
    assert len(cells) == len(table.days) and table.days[:5] == [day.value.capitalize() for day in WEEKDAYS]
    marked = {day for day, cell in zip(table.days, cells, strict=True) if cell.protected}
    assert marked == {day.value.capitalize() for day in plan.protected_days}
    for cell in cells:
        assert cell.text == PROTECTED_TEXT if cell.protected else cell.text in (FLEXIBLE_TEXT, ORGANISATIONAL_TEXT)
        assert cell.fill != "FFFFFF" if cell.protected else cell.fill == "FFFFFF"
    if any(cell.text == FLEXIBLE_TEXT for cell in cells):
        assert any(note.startswith(f"{FLEXIBLE_TEXT}: ") for note in table.notes)


def test_an_office_holder_has_no_week_of_days() -> None:
    assert week_table(RoleDesign(title="Chair", time=TimePlan(contracted_days_per_month=Decimal(8)))) is None


def test_the_rest_of_the_system_work_is_said_not_placed() -> None:
    plan = TimePlan(protected_days=[Weekday.TUESDAY])
    plan = plan.model_copy(update={"system_work": plan.system_work.model_copy(update={"amount": 50})})
    table = week_table(RoleDesign(title="Half-time system post", time=plan))
    assert table is not None
    assert [cell.text for cell in table.rows[0].cells] == [
        FLEXIBLE_TEXT, PROTECTED_TEXT, FLEXIBLE_TEXT, FLEXIBLE_TEXT, FLEXIBLE_TEXT,
    ]  # fmt: skip
    assert table.notes == [
        "Flexible: organisational work, and the other 11.25 hours of system work a week on days agreed with the "
        "line manager."
    ]
    assert table.alt_text.startswith("Table of the working week, Monday to Friday: Tuesday protected for system work.")
