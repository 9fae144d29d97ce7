"""Older file formats brought up to date: pure functions on the JSON object, before validation."""

from __future__ import annotations

from typing import Any

from roledesigner.domain.vocabulary import Status

#: Format 2's statuses, read as the lifecycle's steps (DESIGN.md).
FORMAT_2_STATUS = {"in_review": Status.SUBMITTED_FOR_EVALUATION.value, "final": Status.APPROVED.value}

#: Format 2's single `agreement` mixed a joint post's two legal steps. These of its values name a
#: staffing route, so they move to `staffing_route`; `section_75` and `other` name a partnership
#: arrangement and stay in `agreement`, which now holds that step alone.
FORMAT_2_STAFFING = {
    "section_113": "section_113",
    "secondment": "secondment_honorary_contract",
    "joint_employment": "joint_employment",
}


def migrate_status(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 to 3: the new lists are optional; only the status's old values change name."""
    status = data.get("status")
    if isinstance(status, str) and status in FORMAT_2_STATUS:
        return {**data, "status": FORMAT_2_STATUS[status]}
    return data


def split_agreement(joint: Any) -> Any:
    """A joint arrangement whose `agreement` names a staffing route, with it filed as one.

    The design model calls this on every joint arrangement it reads, so a value from format 2
    lands in the right step wherever it comes from: a file, a recovery copy, a recorded version
    or a caller still using the old values (a choice list offering them sets the route chosen).
    """
    if not isinstance(joint, dict):
        return joint
    old = joint.get("agreement")
    if not isinstance(old, str) or old not in FORMAT_2_STAFFING:
        return joint
    return {**joint, "agreement": None, "staffing_route": FORMAT_2_STAFFING[old]}


def migrate_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 to 3: statuses map onto the lifecycle; a joint post's one agreement becomes two steps."""
    data = migrate_status(data)
    if isinstance(data.get("joint"), dict):
        data = {**data, "joint": split_agreement(data["joint"])}
    return data
