"""Sentences composed once for every output, and the picture of the week."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.documents.weekchart import week_chart
from roledesigner.documents.wording import joint_sentences, learning_sentences, time_sentences
from roledesigner.domain.models import Allocation, Development, RoleDesign, TimePlan
from roledesigner.domain.vocabulary import AllocationUnit as Unit
from tests.support.designs import GOOD, joint_design

D = Decimal


@pytest.mark.parametrize(
    ("plan", "expected"),
    [
        (
            TimePlan(system_work=Allocation(unit=Unit.PERCENT, amount=D(50)), protected_days=["tuesday", "thursday"]),  # type: ignore[list-item]
            [
                "This post includes 2.5 days (18.75 hours) a week of protected time for system work, half of the post.",
                "Tuesdays and Thursdays are kept free of organisational commitments.",
            ],
        ),
        (
            TimePlan(
                contracted_programmed_activities=D(10),
                system_work=Allocation(unit=Unit.PROGRAMMED_ACTIVITIES, amount=D(2)),
            ),
            [
                "This post includes 2 programmed activities (8 hours) a week of protected time for system work, a fifth of the post."
            ],
        ),
        (
            TimePlan(system_work=Allocation(unit=Unit.HOURS_PER_WEEK, amount=D(10))),
            [
                "This post includes 10 hours (about 1.33 days) a week of protected time for system work, about 26.67 per cent of the post."
            ],
        ),
        (
            TimePlan(system_work=Allocation(unit=Unit.DAYS_PER_WEEK, amount=D("0.5"))),
            [
                "This post includes half a day (3.75 hours) a week of protected time for system work, a tenth of the post."
            ],
        ),
        (
            TimePlan(system_work=Allocation(unit=Unit.PERCENT, amount=D(100))),
            ["This is a full-time system role: all 37.5 hours a week are for work across the system."],
        ),
        (TimePlan(), ["This post has no protected time for system work."]),
    ],
)
def test_time_sentences(plan: TimePlan, expected: list[str]) -> None:
    assert time_sentences(plan) == expected


def test_learning_sentences() -> None:
    assert learning_sentences(Development(learning_hours_per_month=D(4), coaching=True, peer_network=True)) == [
        "The postholder has 4 hours a month (48 hours a year) of protected time for learning and development.",
        "Support includes coaching and a peer network of system leaders.",
    ]
    assert learning_sentences(Development()) == []


def test_joint_sentences_say_who_hosts_pays_and_manages() -> None:
    design = joint_design(*GOOD)
    assert joint_sentences(design) == [
        "This is a joint post between North Shire ICB (NHS, host employer) and Westtown Council (local authority).",
        "North Shire ICB employs the postholder, and the post returns to it if the arrangement ends.",
        "Funding is shared: North Shire ICB 60 per cent and Westtown Council 40 per cent.",
        "Time is shared: 22.5 hours a week (60 per cent) for North Shire ICB and 15 hours a week (40 per cent) for Westtown Council.",
        "Line management: A manager for North Shire ICB and A manager for Westtown Council.",
        "The partners share functions and money under a partnership agreement made under section 75 of the NHS Act 2006.",
        "The partners employ the postholder jointly.",
        "A partnership arrangement covers the work and the money; it employs nobody.",
    ]
    assert joint_sentences(RoleDesign(title="Single employer")) == []


def test_the_week_chart_splits_by_partner_with_alt_text() -> None:
    chart = week_chart(joint_design(*GOOD))
    assert [bar.label for bar in chart.bars] == ["The whole post", "North Shire ICB", "Westtown Council"]
    assert [[(s.kind, float(s.hours)) for s in bar.segments] for bar in chart.bars] == [
        [("system", 18.75), ("organisational", 18.75)],
        [("system", 11.25), ("organisational", 11.25)],
        [("system", 7.5), ("organisational", 7.5)],
    ]
    assert chart.alt_text == (
        "Bar chart of the working week: 18.75 hours of system work and 18.75 hours of organisational work, "
        "out of 37.5 hours a week. Split by partner: North Shire ICB, 22.5 hours (11.25 hours system work); "
        "Westtown Council, 15 hours (7.5 hours system work)."
    )


def test_a_full_time_system_post_is_one_segment() -> None:
    chart = week_chart(RoleDesign(title="x", time=TimePlan(system_work=Allocation(unit=Unit.PERCENT, amount=D(100)))))
    assert [s.kind for s in chart.bars[0].segments] == ["system"]


def test_the_picture_renders_offscreen_as_png() -> None:
    from PySide6.QtGui import QImage

    from roledesigner.documents.weekpicture import render_png

    data = render_png(week_chart(joint_design(*GOOD)), width=900)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data)
    assert image.width() == 900
    # The system segment of the first bar is painted in NHS blue.
    assert image.pixelColor(400, 24 + 50 + 10).name() == "#005eb8"


def test_split_totals_sentence() -> None:
    from roledesigner.documents.wording import split_totals_sentence
    from tests.support.designs import partner

    assert split_totals_sentence(None) == "Add the partners, with their shares of funding and time."
    design = joint_design(partner("A", "60", "50", host=True), partner("B", "50", "40"))
    assert split_totals_sentence(design.joint) == (
        "Funding adds up to 110 per cent (10 per cent too much). Time adds up to 90 per cent (10 per cent still to share)."
    )
    assert split_totals_sentence(joint_design(*GOOD).joint).endswith("Time adds up to 100 per cent (complete).")


def test_the_unit_agrees_with_the_number_as_written() -> None:
    from fractions import Fraction

    from roledesigner.documents.wording import days, hours

    assert hours(Fraction(1)) == "1 hour"
    assert hours(Fraction(961, 1000)) == "about 1 hour"
    assert hours(Fraction(3, 2)) == "1.5 hours"
    assert hours(Fraction(94, 100) + Fraction(1, 1000)) == "about 0.9 hours"
    assert days(Fraction(1)) == "1 day"
    assert days(Fraction(9999, 10000)) == "about 1 day"
    assert days(Fraction(1, 2)) == "half a day"
