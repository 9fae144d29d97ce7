"""File format 3: format-2 statuses map onto the lifecycle, and the new record lists round-trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from roledesigner.domain.migrations import migrate_status
from roledesigner.domain.models import SCHEMA_VERSION, Acknowledgement, HistoryEntry, RoleDesign, SignOff, UnmappedBlock
from roledesigner.domain.vocabulary import Decision, Status
from roledesigner.files.designfile import dumps, load_design


@pytest.mark.parametrize(
    ("old", "new"),
    [("draft", "draft"), ("in_review", "submitted_for_evaluation"), ("final", "approved")],
)
def test_format_2_statuses_map_onto_the_lifecycle(tmp_path: Path, old: str, new: str) -> None:
    path = tmp_path / "old.roledesign"
    path.write_text(json.dumps({"schema_version": 2, "title": "Lead", "status": old}), encoding="utf-8")
    design = load_design(path)
    assert design.status is Status(new)
    assert design.schema_version == SCHEMA_VERSION == 3


def test_a_format_1_file_opens_with_empty_records(tmp_path: Path) -> None:
    path = tmp_path / "old.roledesign"
    path.write_text(json.dumps({"schema_version": 1, "title": "Lead", "status": "final"}), encoding="utf-8")
    design = load_design(path)
    assert design.status is Status.APPROVED
    assert (design.signoffs, design.history, design.acknowledged, design.unmapped) == ([], [], [], [])


def test_migration_leaves_other_values_alone() -> None:
    data = {"schema_version": 2, "title": "x", "status": "evaluated"}
    assert migrate_status(data) == data
    assert migrate_status({"title": "x"}) == {"title": "x"}


def test_the_records_round_trip(tmp_path: Path) -> None:
    earlier = RoleDesign(title="Lead")
    design = RoleDesign(
        title="Lead",
        status=Status.AGREED_WITH_MANAGER,
        signoffs=[SignOff(organisation="Westtown Council", decision=Decision.APPROVED, date=dt.date(2026, 12, 1))],
        history=[HistoryEntry(version="1", date=dt.date(2026, 11, 30), design=earlier.model_dump(mode="json"))],
        acknowledged=[Acknowledgement(code="time.below_suggestion", reason="Two days were agreed with the board.")],
        unmapped=[UnmappedBlock(text="Car user allowance applies.", heading="Other", source="paragraph 40")],
    )
    path = tmp_path / "lead.roledesign"
    path.write_text(dumps(design), encoding="utf-8")
    assert load_design(path) == design
    assert RoleDesign.model_validate(design.history[0].design) == earlier
