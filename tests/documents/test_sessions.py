"""General practice sessions (4 hours 10 minutes, 9 to a 37.5-hour week) as a unit beside programmed activities.

Issue 17, item 4: a general practitioner's system time is set in sessions, so the document says
sessions, in hours and minutes, never "about 2.22 days (about 16.7 hours)".
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from roledesigner.documents.html import render_html
from roledesigner.documents.pdf import render_pdf
from roledesigner.documents.preview import preview_view
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import render_docx
from roledesigner.documents.wording import clock_hours, time_sentences
from roledesigner.domain.models import Allocation, RoleDesign, TimePlan
from roledesigner.domain.vocabulary import AllocationUnit
from roledesigner.library.catalogue import Library
from tests.support.docxread import independent_text, open_docx
from tests.support.pdftext import pdf_text

SENTENCE = (
    "This post includes 4 sessions (16 hours 40 minutes) a week of protected time for system work, "
    "about 44.44 per cent of the post."
)
HOURS_ROW = "9 sessions (37.5 hours) a week"


def gp_design(amount: str = "4") -> RoleDesign:
    return RoleDesign(
        title="Clinical lead for primary care",
        time=TimePlan(
            contracted_hours_per_week=Decimal("37.5"),
            system_work=Allocation(unit=AllocationUnit.SESSIONS, amount=Decimal(amount)),
        ),
    )


def _squeezed(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("hours", "said"),
    [
        ("50/3", "16 hours 40 minutes"),
        ("25/6", "4 hours 10 minutes"),
        ("75/2", "37.5 hours"),
        ("1/6", "10 minutes"),
        ("1", "1 hour"),
        ("1/7", "about 0.1 hours"),
    ],
)
def test_hours_are_said_in_hours_and_minutes_when_two_places_cannot_hold_them(hours: str, said: str) -> None:
    assert clock_hours(Fraction(hours)) == said


def test_system_time_in_sessions_is_said_in_sessions_and_in_hours_and_minutes() -> None:
    assert time_sentences(gp_design().time) == [SENTENCE]
    assert time_sentences(gp_design("1").time)[0].startswith("This post includes 1 session (4 hours 10 minutes) a week")


def test_the_hours_row_counts_the_week_in_sessions(library: Library) -> None:
    rows = {row.label: row.value for row in build_view(gp_design(), library).details}
    assert rows["Hours"] == HOURS_ROW


def test_a_post_not_counted_in_sessions_keeps_its_hours_row(library: Library) -> None:
    design = gp_design().model_copy(
        update={"time": TimePlan(system_work=Allocation(unit=AllocationUnit.PERCENT, amount=Decimal(50)))}
    )
    rows = {row.label: row.value for row in build_view(design, library).details}
    assert rows["Hours"] == "37.5 hours a week over 5 days"


def test_word_reads_back_sessions(library: Library) -> None:
    data = render_docx(build_view(gp_design(), library))
    text = _squeezed(independent_text(data))
    assert SENTENCE in text
    assert "days (about" not in text and "2.22 days" not in text
    hours_rows = [
        row.cells[1].text for table in open_docx(data).tables for row in table.rows if row.cells[0].text == "Hours"
    ]
    assert hours_rows == [HOURS_ROW]


def test_pdf_reads_back_sessions(library: Library, tmp_path: Path) -> None:
    text = _squeezed(pdf_text(render_pdf(build_view(gp_design(), library), week_png=None), tmp_path))
    assert SENTENCE in text
    assert HOURS_ROW in text
    assert "2.22 days" not in text


def test_the_preview_says_sessions(library: Library) -> None:
    view, _ = preview_view(gp_design(), library)
    text = _squeezed(html.unescape(re.sub(r"<[^>]+>", " ", render_html(view, week_picture=False))))
    assert SENTENCE in text
    assert HOURS_ROW in text


def test_the_week_is_said_in_hours_and_minutes_too(library: Library) -> None:
    view = build_view(gp_design(), library)
    assert view.week_table is not None
    assert view.week_table.notes == [
        "Flexible: organisational work, and the 16 hours 40 minutes of system work a week on days agreed with "
        "the line manager."
    ]
    assert view.week_table.alt_text.endswith(
        "16 hours 40 minutes of system work and 20 hours 50 minutes of organisational work a week."
    )
    assert "16 hours 40 minutes of system work" in view.week_alt_text


def test_a_rounded_figure_in_the_weeks_note_reads_as_a_sentence(library: Library) -> None:
    """Not "the about 9.4 hours", nor a sentence that starts "about"."""
    plan = TimePlan(system_work=Allocation(unit=AllocationUnit.HOURS_PER_WEEK, amount=Decimal("9.375")))
    table = build_view(RoleDesign(title="Lead", time=plan), library).week_table
    assert table is not None
    assert table.notes == [
        "Flexible: organisational work, and the system work (about 9.4 hours a week) on days agreed with the line manager."
    ]
    assert "protected for system work. About 9.4 hours of system work" in table.alt_text
