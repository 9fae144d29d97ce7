"""Sign-off review: a joint post called approved needs every partner's approval, and an approval
belongs to the version it was given on."""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledesigner.domain.findings import Finding
from roledesigner.domain.models import Responsibility, RoleDesign, SignOff
from roledesigner.domain.versions import record_version
from roledesigner.domain.vocabulary import Decision, Status
from roledesigner.files.designfile import load_design, save_design
from roledesigner.library.catalogue import Library
from roledesigner.review import review
from roledesigner.review.signoffs import (
    approvals_out_of_date,
    content_fingerprint,
    decided,
    partners_approval,
    signoffs,
)
from tests.support.designs import GOOD, joint_design
from tests.support.strategies import designs

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
    found = partners_approval(joint(status, approved(BOARD)), library)
    assert codes(found) == [("signoff.partner_missing", "signoffs")]
    assert COUNCIL in found[0].message and f"marked {status.value}" in found[0].message


def test_a_pending_sign_off_is_no_approval(library: Library) -> None:
    pending = SignOff(organisation=COUNCIL, name="A Chair")
    found = partners_approval(joint(Status.APPROVED, approved(BOARD), pending), library)
    assert codes(found) == [("signoff.partner_missing", "signoffs[1].decision")]


def test_a_returned_sign_off_warns_with_the_partners_comment(library: Library) -> None:
    returned = SignOff(organisation=COUNCIL, decision=Decision.RETURNED, comment="Say who holds the budget.")
    found = partners_approval(joint(Status.APPROVED, approved(BOARD), returned), library)
    assert codes(found) == [("signoff.returned", "signoffs[1].decision")]
    assert "(Say who holds the budget.)" in found[0].message


def test_every_partner_approved_is_nothing_to_say(library: Library) -> None:
    # Organisation names are matched as people type them, case and spacing aside.
    shouted = approved("  " + COUNCIL.upper().replace(" ", "  "))
    assert partners_approval(joint(Status.APPROVED, approved(BOARD), shouted), library) == []


def test_a_later_approval_counts_over_an_earlier_return(library: Library) -> None:
    returned = SignOff(organisation=COUNCIL, decision=Decision.RETURNED)
    assert partners_approval(joint(Status.APPROVED, approved(BOARD), returned, approved(COUNCIL)), library) == []


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


def test_by_digest_alone_an_approval_is_still_found_out_of_date_without_comparing_item_by_item(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview of a very large design asks by digest only: naming what changed took seconds."""
    module = sys.modules[approvals_out_of_date.__module__]
    design = recorded_then_changed(library)
    monkeypatch.setattr(module, "content_changes", lambda *_: pytest.fail("compared item by item"))
    found = approvals_out_of_date(design, library, name_changes=False)
    assert [f.code for f in found] == ["signoff.out_of_date"] * 2
    assert "has changed since: the approval belongs to version 1" in found[0].message
    unchanged = record_version(design, when=DAY)
    approvals = [decided(unchanged, s, Decision.APPROVED, DAY) for s in unchanged.signoffs]
    assert (
        approvals_out_of_date(unchanged.model_copy(update={"signoffs": approvals}), library, name_changes=False) == []
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


@pytest.mark.parametrize(("number", "said"), [("1", "the one being worked on"), ("", "names no version")])
def test_an_approval_with_nothing_to_check_against_says_so(library: Library, number: str, said: str) -> None:
    """Written by hand (or before digests were kept): no digest, and no recorded version to compare."""
    design = joint(Status.APPROVED, approved(BOARD, number), approved(COUNCIL, "1"))
    assert design.version == "1" and design.history == []
    found = approvals_out_of_date(design, library)
    assert [f.code for f in found] == ["signoff.version_unknown"] * 2
    assert said in found[0].message and found[0].severity.value == "info"


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


# --- approvals given in the app keep a digest of the content ---------------------------------


def approve_all(design: RoleDesign) -> RoleDesign:
    """Each sign-off approved as the Sign-off tab records it."""
    return design.model_copy(update={"signoffs": [decided(design, s, Decision.APPROVED, DAY) for s in design.signoffs]})


def two_partners(status: Status = Status.APPROVED) -> RoleDesign:
    return joint(status, SignOff(organisation=BOARD), SignOff(organisation=COUNCIL))


def test_an_approval_keeps_the_date_version_and_digest_and_a_return_keeps_no_digest() -> None:
    design = two_partners().model_copy(update={"version": "3"})
    given = decided(design, design.signoffs[0], Decision.APPROVED, DAY)
    assert (given.date, given.version, given.content_fingerprint) == (DAY, "3", content_fingerprint(design))
    assert decided(design, given, Decision.RETURNED, DAY).content_fingerprint == ""
    assert decided(design, given, Decision.PENDING, DAY).content_fingerprint == ""


def test_content_changed_after_an_approval_of_the_draft_names_the_version_and_goes_when_put_back(
    library: Library,
) -> None:
    """The gap: an approval of the unrecorded draft was never checked, so edits after it passed."""
    design = approve_all(two_partners())
    assert approvals_out_of_date(design, library) == []
    edited = design.model_copy(update={"purpose": design.purpose + " And chairs the place board."})
    found = approvals_out_of_date(edited, library)
    assert codes(found) == [
        ("signoff.out_of_date", "signoffs[0].version"),
        ("signoff.out_of_date", "signoffs[1].version"),
    ]
    assert found[0].message == (
        f"{BOARD} approved version 1 on 3 May 2026, but the content has changed since: the approval belongs to "
        f"version 1, not to this content. Ask {BOARD} to approve the changes, or undo them."
    )
    assert approvals_out_of_date(edited.model_copy(update={"purpose": design.purpose}), library) == []


def test_recording_the_approved_version_then_changing_names_what_changed(library: Library) -> None:
    design = record_version(approve_all(two_partners(Status.EVALUATED)), when=DAY)
    assert design.version == "2" and approvals_out_of_date(design, library) == []
    design = design.model_copy(
        update={"status": Status.APPROVED, "responsibilities": [Responsibility(text="Chair the place board")]}
    )
    found = approvals_out_of_date(design, library)
    assert [f.code for f in found] == ["signoff.out_of_date"] * 2
    assert "version 1 on 3 May 2026, but the content has changed since (responsibility)" in found[0].message
    assert found[0].message.endswith("or restore version 1.")


def test_the_record_changing_after_an_approval_is_no_change_of_content(library: Library) -> None:
    design = approve_all(two_partners(Status.EVALUATED))
    later = record_version(design, when=DAY).model_copy(
        update={"status": Status.ADVERTISED, "author": "Ann", "version": "7", "acknowledged": []}
    )
    assert approvals_out_of_date(later, library) == []


def test_an_approval_digest_survives_saving_and_an_old_file_without_one_opens(library: Library, tmp_path: Path) -> None:
    design = approve_all(two_partners())
    path = tmp_path / "joint.roledesign"
    save_design(design, path)
    assert approvals_out_of_date(load_design(path), library) == []
    data = json.loads(path.read_text(encoding="utf-8"))
    for signoff in data["signoffs"]:
        del signoff["content_fingerprint"]  # as the file was written before digests were kept
    path.write_text(json.dumps(data), encoding="utf-8")
    assert [s.content_fingerprint for s in load_design(path).signoffs] == ["", ""]


FOLDER = Path(tempfile.mkdtemp(prefix="roledesign-signoff-"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs, st.text(min_size=1, max_size=30).filter(lambda s: s.strip() == s and s != ""))
def test_any_approval_holds_until_the_content_changes_and_again_when_it_is_put_back(
    library: Library, design: RoleDesign, extra: str
) -> None:
    approved_design = design.model_copy(
        update={"signoffs": [decided(design, SignOff(organisation="A board"), Decision.APPROVED, DAY)]}
    )
    path = FOLDER / "any.roledesign"
    save_design(approved_design, path)
    reopened = load_design(path)
    assert approvals_out_of_date(reopened, library) == []
    changed = reopened.model_copy(update={"purpose": f"{reopened.purpose} {extra}"})
    found = approvals_out_of_date(changed, library)
    assert [f.code for f in found] == ["signoff.out_of_date"]
    assert f"approved version {design.version.strip()}" in found[0].message or not design.version.strip()
    put_back = changed.model_copy(update={"purpose": reopened.purpose})
    assert approvals_out_of_date(put_back, library) == []
    assert content_fingerprint(put_back) == content_fingerprint(design)
