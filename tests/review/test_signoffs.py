"""Sign-off review: a joint post called approved needs every partner's approval, and an approval
belongs to the version it was given on."""

from __future__ import annotations

import datetime as dt

import pytest

from roledesigner.domain.findings import Finding
from roledesigner.domain.models import Responsibility, RoleDesign, SignOff
from roledesigner.domain.versions import record_version
from roledesigner.domain.vocabulary import Decision, Status
from roledesigner.library.catalogue import Library
from roledesigner.review import review
from roledesigner.review.signoffs import signoffs
from tests.support.designs import GOOD, joint_design

DAY = dt.date(2026, 5, 3)
BOARD, COUNCIL = (partner.organisation for partner in GOOD)


def approved(organisation: str, version: str = "", when: dt.date | None = DAY) -> SignOff:
    return SignOff(organisation=organisation, name="A Chair", decision=Decision.APPROVED, date=when, version=version)


def joint(status: Status, *records: SignOff) -> RoleDesign:
    return joint_design(*GOOD).model_copy(update={"status": status, "signoffs": list(records)})


def codes(found: list[Finding]) -> list[tuple[str, str]]:
    return [(finding.code, finding.field) for finding in found]


@pytest.mark.parametrize("status", [Status.APPROVED, Status.ADVERTISED])
def test_an_approved_joint_post_with_a_partner_missing_warns_naming_the_partner(
    library: Library, status: Status
) -> None:
    found = signoffs(joint(status, approved(BOARD)), library)
    assert codes(found) == [("signoff.partner_missing", "signoffs")]
    assert COUNCIL in found[0].message and f"marked {status.value}" in found[0].message


def test_a_pending_sign_off_is_no_approval(library: Library) -> None:
    pending = SignOff(organisation=COUNCIL, name="A Chair")
    found = signoffs(joint(Status.APPROVED, approved(BOARD), pending), library)
    assert codes(found) == [("signoff.partner_missing", "signoffs[1].decision")]


def test_a_returned_sign_off_warns_with_the_partners_comment(library: Library) -> None:
    returned = SignOff(organisation=COUNCIL, decision=Decision.RETURNED, comment="Say who holds the budget.")
    found = signoffs(joint(Status.APPROVED, approved(BOARD), returned), library)
    assert codes(found) == [("signoff.returned", "signoffs[1].decision")]
    assert "(Say who holds the budget.)" in found[0].message


def test_every_partner_approved_is_nothing_to_say(library: Library) -> None:
    # Organisation names are matched as people type them, case and spacing aside.
    shouted = approved("  " + COUNCIL.upper().replace(" ", "  "))
    assert signoffs(joint(Status.APPROVED, approved(BOARD), shouted), library) == []


def test_a_later_approval_counts_over_an_earlier_return(library: Library) -> None:
    returned = SignOff(organisation=COUNCIL, decision=Decision.RETURNED)
    assert signoffs(joint(Status.APPROVED, approved(BOARD), returned, approved(COUNCIL)), library) == []


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED_FOR_EVALUATION, Status.EVALUATED])
def test_a_joint_post_not_yet_approved_needs_no_sign_offs(library: Library, status: Status) -> None:
    assert signoffs(joint(status), library) == []


def test_a_post_that_is_not_joint_needs_no_partner_sign_offs(library: Library) -> None:
    assert signoffs(RoleDesign(title="Place lead", status=Status.APPROVED), library) == []


# --- approvals that belong to an earlier version ---------------------------------------------


def recorded_then_changed(library: Library) -> RoleDesign:
    design = record_version(joint(Status.SUBMITTED_FOR_EVALUATION), when=DAY)  # version 1 recorded
    return design.model_copy(
        update={
            "status": Status.APPROVED,
            "signoffs": [approved(BOARD, "1"), approved(COUNCIL, "1")],
            "purpose": "Leads joint commissioning for the place.",
            "responsibilities": [Responsibility(text="Chair the place board")],
        }
    )


def test_content_changed_after_an_approval_names_the_version_it_belongs_to(library: Library) -> None:
    found = signoffs(recorded_then_changed(library), library)
    assert codes(found) == [
        ("signoff.out_of_date", "signoffs[0].version"),
        ("signoff.out_of_date", "signoffs[1].version"),
    ]
    assert found[0].message == (
        f"{BOARD} approved version 1 on 3 May 2026, but the content has changed since (job purpose and "
        "responsibility): the approval belongs to version 1, not to this content. Ask "
        f"{BOARD} to approve the changes, or restore version 1."
    )


def test_only_the_record_changed_after_an_approval_is_no_change(library: Library) -> None:
    design = record_version(joint(Status.SUBMITTED_FOR_EVALUATION), when=DAY)
    design = design.model_copy(
        update={
            "status": Status.ADVERTISED,
            "author": "Ann",
            "signoffs": [approved(BOARD, "1"), approved(COUNCIL, "1")],
        }
    )
    assert signoffs(design, library) == []


def test_an_approval_of_the_draft_being_worked_on_is_taken_as_it_is(library: Library) -> None:
    design = joint(Status.APPROVED, approved(BOARD, "1"), approved(COUNCIL, "1"))
    assert design.version == "1" and design.history == []
    assert signoffs(design, library) == []


def test_an_approval_of_a_version_not_recorded_says_it_cannot_be_checked(library: Library) -> None:
    design = record_version(joint(Status.DRAFT), when=DAY)
    design = design.model_copy(update={"signoffs": [approved(COUNCIL, "7")]})
    found = signoffs(design, library)
    assert codes(found) == [("signoff.version_unknown", "signoffs[0].version")]
    assert "There is no recorded version 7; the recorded version is 1" in found[0].message


def test_the_review_runs_the_sign_off_checks(library: Library) -> None:
    found = review(recorded_then_changed(library), library)
    assert [f.code for f in found].count("signoff.out_of_date") == 2
    assert all(f.message.endswith(".") and not f.message.endswith("..") for f in found)
