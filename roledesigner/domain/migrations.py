"""Older file formats brought up to date: pure functions on the JSON object, before validation."""

from __future__ import annotations

from typing import Any

from roledesigner.domain.vocabulary import Status

#: Format 2's statuses, read as the lifecycle's steps (DESIGN.md).
FORMAT_2_STATUS = {"in_review": Status.SUBMITTED_FOR_EVALUATION.value, "final": Status.APPROVED.value}


def migrate_status(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 to 3: the new lists are optional; only the status's old values change name."""
    status = data.get("status")
    if isinstance(status, str) and status in FORMAT_2_STATUS:
        return {**data, "status": FORMAT_2_STATUS[status]}
    return data
