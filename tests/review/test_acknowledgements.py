"""Warnings accepted on purpose (issue 18, item 3), without Qt: which hold, and what brings one back."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from roledesigner.domain.edits import set_value
from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import Acknowledgement, JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import Sector
from roledesigner.files.designfile import dumps, load_design
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.review import review
from roledesigner.review.acknowledgements import (
    NotAcceptable,
    accept,
    accepted_note,
    fingerprint,
    holding,
    open_findings,
    reviewed,
    withdraw,
)

DAY = dt.date(2026, 3, 3)
REASON = "Two days were agreed with both boards"


@pytest.fixture
def design(library: Library) -> RoleDesign:
    """The joint mental health lead with two days where the role suggests more."""
    made = new_design(library, "place_clinical_lead")
    return set_value(made, "time.system_work", {"unit": "days_per_week", "amount": Decimal(1)})


def below(design: RoleDesign, library: Library) -> Finding:
    (finding,) = [f for f in review(design, library) if f.code == "time.below_suggestion"]
    return finding


def test_an_accepted_warning_is_still_reported_and_shows_why(design: RoleDesign, library: Library) -> None:
    finding = below(design, library)
    accepted = accept(design, finding, REASON, "Sam Jones", DAY)
    assert below(accepted, library) == finding, "never hidden: the review still finds it"
    entries = reviewed(accepted, review(accepted, library))
    (entry,) = [e for e in entries if e.finding == finding]
    assert entry.note == "accepted: Two days were agreed with both boards (Sam Jones, 3 March 2026)"
    assert entry.as_dict()["accepted"] == entry.note
    assert finding not in open_findings(entries)
    assert [e.finding for e in entries] == review(accepted, library), "same findings, same order"


def test_a_change_to_the_field_brings_the_warning_back_and_undo_restores_it(
    design: RoleDesign, library: Library
) -> None:
    accepted = accept(design, below(design, library), REASON, "Sam", DAY)
    changed = set_value(accepted, "time.system_work.amount", Decimal("1.5"))
    assert holding(changed, below(changed, library)) is None, "the amount changed: the warning is open again"
    back = set_value(changed, "time.system_work.amount", Decimal(1))
    assert holding(back, below(back, library)) is not None, "the value it was accepted for"
    elsewhere = set_value(accepted, "purpose", "Something else entirely.")
    assert holding(elsewhere, below(elsewhere, library)) is not None, "another field changing is no matter"


def test_an_acceptance_without_a_fingerprint_stands(design: RoleDesign, library: Library) -> None:
    """Format 3 files written before fingerprints were kept: whether the field changed cannot be known."""
    finding = below(design, library)
    old = design.model_copy(
        update={"acknowledged": [Acknowledgement(code=finding.code, field=finding.field, reason=REASON)]}
    )
    changed = set_value(old, "time.system_work.amount", Decimal("1.5"))
    assert holding(changed, below(changed, library)) is not None
    assert accepted_note(old.acknowledged[0]) == f"accepted: {REASON}"


def test_only_warnings_can_be_accepted(design: RoleDesign, library: Library) -> None:
    error = Finding("clarity.no_purpose", Severity.ERROR, "The job purpose is empty.", "purpose")
    with pytest.raises(NotAcceptable, match="An error cannot be accepted"):
        accept(design, error, REASON, "Sam", DAY)
    information = Finding("spec.degree_essential", Severity.INFO, "A degree.", "criteria[0].requirement")
    with pytest.raises(NotAcceptable):
        accept(design, information, REASON, "Sam", DAY)
    hand_made = design.model_copy(
        update={"acknowledged": [Acknowledgement(code=error.code, field=error.field, reason="No.")]}
    )
    assert holding(hand_made, error) is None, "an acceptance of an error in a file counts for nothing"


def test_a_reason_is_needed(design: RoleDesign, library: Library) -> None:
    with pytest.raises(NotAcceptable, match="Say why"):
        accept(design, below(design, library), "   ", "Sam", DAY)


def test_accepting_again_replaces_and_withdrawing_reopens(design: RoleDesign, library: Library) -> None:
    finding = below(design, library)
    once = accept(design, finding, REASON, "Sam", DAY)
    twice = accept(once, finding, "Agreed again", "Pat", DAY)
    assert [a.reason for a in twice.acknowledged] == ["Agreed again"]
    assert withdraw(twice, finding).acknowledged == []
    assert holding(withdraw(twice, finding), finding) is None


def test_acceptances_round_trip_and_old_files_still_open(design: RoleDesign, library: Library, tmp_path: Path) -> None:
    accepted = accept(design, below(design, library), REASON, "Sam", DAY)
    path = tmp_path / "lead.roledesign"
    path.write_text(dumps(accepted), encoding="utf-8")
    assert load_design(path) == accepted
    data = json.loads(dumps(accepted))
    del data["acknowledged"][0]["fingerprint"]  # as format 3 wrote it before
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_design(path).acknowledged[0].fingerprint == ""


def test_fingerprints_follow_the_value_and_every_item_of_a_starred_path(design: RoleDesign) -> None:
    assert fingerprint(design, "purpose") == fingerprint(design.model_copy(), "purpose")
    assert fingerprint(design, "purpose") != fingerprint(set_value(design, "purpose", "Other."), "purpose")
    assert fingerprint(design, "criteria[999].text"), "a path not there has a fingerprint too (of nothing)"
    assert fingerprint(design, "responsibilities[*].text") != fingerprint(
        set_value(design, "responsibilities[0].text", "Changed."), "responsibilities[*].text"
    )


def _one(design: RoleDesign, library: Library, code: str) -> Finding:
    (finding,) = [f for f in review(design, library) if f.code == code]
    return finding


def test_an_accepted_managers_warning_comes_back_when_another_manager_goes_missing(library: Library) -> None:
    """The one managers finding goes to its first missing field but is about every manager."""
    base = new_design(library, "joint_mental_health_lead")
    partners = [
        Partner(
            organisation=name,
            sector=sector,
            host=host,
            funding_percent=Decimal(share),
            time_percent=Decimal(share),
            line_manager=manager,
        )
        for name, sector, host, share, manager in (
            ("North Shire ICB", Sector.ICB, True, 60, "Place director"),
            ("Westtown Council", Sector.LOCAL_AUTHORITY, False, 40, "Director of adult services"),
        )
    ]
    design = base.model_copy(update={"appraisal_lead": "", "joint": JointArrangement(partners=partners)})
    finding = _one(design, library, "clarity.managers")
    accepted = accept(design, finding, "Appraisal is agreed between the two directors", "Sam", DAY)
    assert holding(accepted, _one(accepted, library, "clarity.managers")) is not None
    cleared = set_value(accepted, "joint.partners[1].line_manager", "")
    again = _one(cleared, library, "clarity.managers")
    assert again.field == finding.field, "it still goes to the same first field"
    assert holding(cleared, again) is None, "a manager now missing too: the warning is open again"


def test_no_qualifications_stays_accepted_while_the_groups_stay_the_same(library: Library) -> None:
    made = new_design(library, "system_data_scientist")
    design = made.model_copy(
        update={"criteria": [c for c in made.criteria if c.category.value != "qualifications"], "capabilities": []}
    )
    finding = _one(design, library, "spec.no_qualifications")
    accepted = accept(design, finding, "Experience counts for more than any qualification here", "Sam", DAY)
    edited = set_value(accepted, "criteria[0].text", "Experience of analysing health and care data at scale.")
    assert holding(edited, _one(edited, library, "spec.no_qualifications")) is not None, "another criterion edited"
