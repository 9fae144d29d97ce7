"""Capability suggestions with the sentence that supports each, and the nearest emerging role."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.domain.vocabulary import AllocationUnit, Contract, Terms
from roledesigner.importing.assemble import assemble
from roledesigner.importing.placements import Placement, Target
from roledesigner.importing.suggestions import suggest
from roledesigner.importing.values import contract, hours, pay_framework, system_time
from roledesigner.library.catalogue import Library


def placements(*texts: tuple[Target, str]) -> list[Placement]:
    return [Placement(target, text, text, f"paragraph {n + 1}") for n, (target, text) in enumerate(texts)]


def test_a_sentence_that_says_what_an_indicator_says_suggests_its_capability(library: Library) -> None:
    placed = placements(
        (Target.TITLE, "Head of Community Services"),
        (Target.RESPONSIBILITY, "Manage the community nursing rota."),
        (
            Target.RESPONSIBILITY,
            "Works informally with leaders in other organisations to agree shared priorities and joint plans.",
        ),
    )
    design = assemble(placed)
    found = suggest(placed, design, library)
    ids = [s.capability_id for s in found.capabilities]
    assert "building_relationships" in ids
    chosen = found.capabilities[ids.index("building_relationships")]
    assert chosen.evidence.source == "paragraph 3"
    assert chosen.evidence.sentence.startswith("Works informally with leaders")
    assert design.capabilities == []  # suggested only: nothing is added


def test_no_suggestion_without_a_sentence_that_supports_it(library: Library) -> None:
    placed = placements((Target.TITLE, "Payroll Officer"), (Target.RESPONSIBILITY, "Process the monthly payroll."))
    assert suggest(placed, assemble(placed), library).capabilities == []


def test_the_nearest_emerging_role_and_why(library: Library) -> None:
    placed = placements(
        (Target.TITLE, "System Workforce Lead"),
        (Target.PURPOSE, "Plans the health and care workforce across the integrated care system."),
    )
    role = suggest(placed, assemble(placed), library).role
    assert role is not None
    assert role.role_id == "workforce_and_people_lead"
    assert "its name shares the title's words (lead, system, workforce)" in role.reason


@pytest.mark.parametrize(
    ("sentence", "unit", "amount"),
    [
        ("Two days a week are protected for system work.", AllocationUnit.DAYS_PER_WEEK, Decimal(2)),
        ("20% of the post is dedicated to partnership work across the system.", AllocationUnit.PERCENT, Decimal(20)),
        ("7.5 hours per week are ring-fenced for ICS leadership across the system.", AllocationUnit.HOURS_PER_WEEK, Decimal("7.5")),
        ("Two programmed activities are protected for system leadership.", AllocationUnit.PROGRAMMED_ACTIVITIES, Decimal(2)),
        ("Two GP sessions a week are protected for PCN and place work.", AllocationUnit.SESSIONS, Decimal(2)),
    ],
)  # fmt: skip
def test_protected_time_said_in_a_sentence(sentence: str, unit: AllocationUnit, amount: Decimal) -> None:
    found = system_time(sentence)
    assert found is not None and (found.unit, found.amount) == (unit, amount)


def test_time_that_is_not_protected_for_system_work_is_not_read_as_such() -> None:
    assert system_time("The post is 37.5 hours a week across the system.") is None
    assert system_time("Two days a week are protected for clinical work.") is None


def test_hours_and_contracts_and_what_is_left_over() -> None:
    assert hours("37.5 hours per week") == (Decimal("37.5"), False)
    assert hours("37.5 hours, Monday to Friday") == (Decimal("37.5"), True)
    assert hours("Full time") == (None, True)
    assert contract("Permanent") == (Contract.PERMANENT, False)
    assert contract("Fixed term for 24 months") == (Contract.FIXED_TERM, True)
    assert contract("Secondment") == (Contract.SECONDMENT, False)
    assert contract("To be agreed") == (None, True)
    assert contract("Office holder, term of office four years") == (Contract.APPOINTMENT, True)


@pytest.mark.parametrize(
    ("grade", "terms"),
    [
        ("Agenda for Change band 8c", Terms.AGENDA_FOR_CHANGE),
        ("JNC chief officer grade 3", Terms.JNC_CHIEF_OFFICERS),
        ("JNC for chief executives", Terms.JNC_CHIEF_EXECUTIVES),
        ("NJC grade 12 (Green Book)", Terms.NJC_GREEN_BOOK),
        ("VSM", Terms.VSM),
        ("8d", None),
    ],
)
def test_the_pay_framework_a_grade_names(grade: str, terms: Terms | None) -> None:
    assert pay_framework(grade) is terms
