"""File format 3: format-2 statuses and joint agreements map on load, and the new fields round-trip."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from roledesigner.domain.migrations import migrate_2_to_3, migrate_status, split_agreement
from roledesigner.domain.models import (
    SCHEMA_VERSION,
    Acknowledgement,
    Dimensions,
    HistoryEntry,
    JointArrangement,
    RoleDesign,
    SignOff,
    TimePlan,
    UnmappedBlock,
)
from roledesigner.domain.vocabulary import (
    Contract,
    Decision,
    PartnershipArrangement,
    StaffingRoute,
    Status,
    Terms,
)
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


@pytest.mark.parametrize(
    ("old", "agreement", "staffing_route"),
    [
        ("section_75", "section_75", None),
        ("other", "other", None),
        ("section_113", None, "section_113"),
        ("secondment", None, "secondment_honorary_contract"),
        ("joint_employment", None, "joint_employment"),
    ],
)
def test_format_2_agreements_open_as_the_two_legal_steps(
    tmp_path: Path, old: str, agreement: str | None, staffing_route: str | None
) -> None:
    """Format 2's one `agreement` mixed the partnership arrangement and the staffing route."""
    path = tmp_path / "old.roledesign"
    joint = {"partners": [], "agreement": old, "governance_notes": "Kept."}
    path.write_text(json.dumps({"schema_version": 2, "title": "Lead", "joint": joint}), encoding="utf-8")
    design = load_design(path)
    assert design.joint is not None
    assert (design.joint.agreement, design.joint.staffing_route) == (agreement, staffing_route)
    assert design.joint.governance_notes == "Kept."
    saved = json.loads(dumps(design))["joint"]
    assert (saved["agreement"], saved["staffing_route"]) == (agreement, staffing_route), "written as two fields"


def test_the_2_to_3_migration_is_pure_and_leaves_new_values_alone() -> None:
    data = {"schema_version": 2, "title": "x", "status": "final", "joint": {"agreement": "secondment"}}
    migrated = migrate_2_to_3(data)
    assert migrated["status"] == "approved"
    assert migrated["joint"] == {"agreement": None, "staffing_route": "secondment_honorary_contract"}
    assert data["joint"] == {"agreement": "secondment"}, "the input is not changed"
    new = {"schema_version": 2, "title": "x", "joint": {"agreement": "section_65z5", "staffing_route": "section_113"}}
    assert migrate_2_to_3(new) == new
    assert migrate_2_to_3({"title": "x", "joint": None}) == {"title": "x", "joint": None}
    assert split_agreement("not a joint arrangement") == "not a joint arrangement"


def test_the_new_fields_of_format_3_round_trip(tmp_path: Path) -> None:
    design = RoleDesign(
        title="Chair",
        contract=Contract.APPOINTMENT,
        terms=Terms.VSM,
        term_of_office="Three years.",
        remuneration="Under NHS England's framework.",
        time=TimePlan(contracted_days_per_month=Decimal(8)),
        dimensions=Dimensions(budget="£2 million", staff_managed="Four", decisions="Sets the board's agenda."),
        joint=JointArrangement(
            agreement=PartnershipArrangement.SECTION_65Z6, staffing_route=StaffingRoute.SINGLE_EMPLOYER
        ),
    )
    path = tmp_path / "chair.roledesign"
    path.write_text(dumps(design), encoding="utf-8")
    assert load_design(path) == design
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 3


def test_each_recorded_version_is_one_line_of_the_file(tmp_path: Path) -> None:
    earlier = RoleDesign(title='Lead "quoted" — with a marker-like "history-" text')
    design = RoleDesign(
        title=earlier.title,
        history=[
            HistoryEntry(version=str(n), date=dt.date(2026, 11, n), design=earlier.model_dump(mode="json"))
            for n in (1, 2)
        ],
    )
    text = dumps(design)
    entry_lines = [line for line in text.splitlines() if line.startswith('    {"version"')]
    assert len(entry_lines) == 2
    assert json.loads(text) == design.model_dump(mode="json")
    path = tmp_path / "lead.roledesign"
    path.write_text(text, encoding="utf-8")
    assert load_design(path) == design
