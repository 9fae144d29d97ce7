"""Recorded versions: numbering, recording, finding, opening and restoring, and damaged history."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from roledesigner.domain.models import HistoryEntry, RoleDesign, SignOff
from roledesigner.domain.versions import (
    VersionError,
    find_version,
    next_version,
    record_version,
    restore_version,
    snapshot,
    unreadable_history,
    version_design,
)
from roledesigner.domain.vocabulary import Decision, Status
from roledesigner.files.designfile import dumps, load_design, save_design

DAY = dt.date(2026, 5, 3)


@pytest.mark.parametrize(
    ("number", "after"),
    [
        ("1", "2"),
        ("1.2", "1.3"),
        ("v9", "v10"),
        ("2.09", "2.10"),
        ("1.9", "1.10"),
        ("3 draft", "4 draft"),
        ("draft", "draft 2"),
        ("", "2"),
        (" 7 ", "8"),
    ],
)
def test_the_version_number_moves_on_at_its_last_figure(number: str, after: str) -> None:
    assert next_version(number) == after


def test_recording_keeps_the_content_and_moves_the_number_on() -> None:
    design = RoleDesign(title="Place lead", purpose="Leads the place.", author="Ann Example", version="1.2")
    recorded = record_version(design, when=DAY, note="Sent to the manager", status=Status.AGREED_WITH_MANAGER)
    entry = recorded.history[-1]
    assert (entry.version, entry.date, entry.author, entry.note) == ("1.2", DAY, "Ann Example", "Sent to the manager")
    assert entry.status is Status.AGREED_WITH_MANAGER and recorded.status is Status.AGREED_WITH_MANAGER
    assert recorded.version == "1.3"
    assert "history" not in entry.design, "a version never holds versions"
    assert version_design(entry) == design.model_copy(update={"status": Status.AGREED_WITH_MANAGER})


def test_each_recording_adds_one_version_and_keeps_the_earlier_ones() -> None:
    design = RoleDesign(title="Place lead")
    once = record_version(design, when=DAY, author="Ann")
    twice = record_version(once.model_copy(update={"purpose": "Changed."}), when=DAY, author="Bo")
    assert [e.version for e in twice.history] == ["1", "2"] and twice.version == "3"
    assert [e.author for e in twice.history] == ["Ann", "Bo"]
    assert version_design(twice.history[0]).purpose == "" and version_design(twice.history[1]).purpose == "Changed."


def test_a_blank_version_number_is_recorded_as_1() -> None:
    recorded = record_version(RoleDesign(title="x", version="  "), when=DAY)
    assert recorded.history[0].version == "1" and recorded.version == "2"


def test_a_number_already_recorded_is_refused_with_its_date() -> None:
    recorded = record_version(RoleDesign(title="x"), when=DAY)
    with pytest.raises(VersionError) as raised:
        record_version(recorded.model_copy(update={"version": "1"}), when=DAY)
    assert str(raised.value) == (
        "Version 1 is already recorded (on 3 May 2026): change the version number before recording this content."
    )


def test_a_missing_version_is_named_with_the_versions_there_are() -> None:
    design = RoleDesign(title="x")
    for _ in range(3):
        design = record_version(design, when=DAY)
    with pytest.raises(VersionError) as raised:
        find_version(design, "7")
    assert str(raised.value) == "There is no recorded version 7; the recorded versions are 1, 2 and 3."
    assert find_version(design, " 2 ").version == "2"


def test_asking_for_a_version_when_none_is_recorded_says_so() -> None:
    with pytest.raises(VersionError) as raised:
        find_version(RoleDesign(title="x"), "1")
    assert str(raised.value) == "There is no recorded version 1: no version has been recorded yet."


def test_a_damaged_version_cannot_be_opened_and_says_why() -> None:
    entry = HistoryEntry(version="2", date=DAY, design={"title": "x", "time": {"contracted_hours_per_week": "lots"}})
    with pytest.raises(VersionError) as raised:
        version_design(entry)
    assert str(raised.value).startswith("Version 2, recorded on 3 May 2026, cannot be opened: it is damaged (")
    assert "time.contracted_hours_per_week must be a number" in str(raised.value)


def test_a_version_from_a_newer_format_is_refused_plainly() -> None:
    entry = HistoryEntry(version="2", date=DAY, design={"schema_version": 99, "title": "x"})
    with pytest.raises(VersionError, match="newer version of Role Designer"):
        version_design(entry)


def test_a_format_2_status_inside_a_version_is_read_as_format_3() -> None:
    entry = HistoryEntry(version="1", date=DAY, design={"schema_version": 2, "title": "x", "status": "final"})
    assert version_design(entry).status is Status.APPROVED


def test_restoring_brings_the_content_back_and_keeps_the_record() -> None:
    first = RoleDesign(title="Place lead", purpose="First purpose.", stability="Permanent.")
    recorded = record_version(first, when=DAY)
    signed = SignOff(organisation="Westtown Council", decision=Decision.APPROVED, version="1")
    later = recorded.model_copy(
        update={"purpose": "Second purpose.", "stability": "", "status": Status.EVALUATED, "signoffs": [signed]}
    )
    restored = restore_version(later, "1")
    assert (restored.purpose, restored.stability) == ("First purpose.", "Permanent.")
    assert restored.history == later.history and restored.signoffs == [signed]
    assert (restored.version, restored.status) == ("2", Status.EVALUATED)


def test_the_snapshot_is_the_whole_content_as_json() -> None:
    design = record_version(RoleDesign(title="x", purpose="y"), when=DAY)
    data = snapshot(design)
    assert "history" not in data and data["purpose"] == "y"
    json.dumps(data)  # plain JSON, ready for the file


# --- damaged history in a file ------------------------------------------------------------------


def test_an_unreadable_history_entry_is_left_out_and_said_and_the_rest_opens(tmp_path: Path) -> None:
    design = record_version(record_version(RoleDesign(title="Place lead"), when=DAY), when=DAY)
    data = json.loads(dumps(design))
    data["history"][0]["date"] = "the third of May"
    data["history"].append("not a version")
    path = tmp_path / "damaged.roledesign"
    path.write_text(json.dumps(data), encoding="utf-8")
    opened = load_design(path)
    assert [entry.version for entry in opened.history] == ["2"]
    assert unreadable_history(opened) == [
        "Recorded version 1 (the 1st in the history) could not be read (date must be a date written as YYYY-MM-DD), "
        "so it was left out.",
        "A recorded version (the 3rd in the history) could not be read (must be a group of named fields), "
        "so it was left out.",
    ]
    assert opened == design.model_copy(update={"history": design.history[1:]}), "what was left out is no part of it"


def test_a_readable_file_has_nothing_to_say_about_its_history(tmp_path: Path) -> None:
    path = tmp_path / "fine.roledesign"
    save_design(record_version(RoleDesign(title="x"), when=DAY), path)
    assert unreadable_history(load_design(path)) == []


def test_five_hundred_versions_save_and_open_unchanged(tmp_path: Path) -> None:
    design = RoleDesign(title="Place lead", purpose="Leads the place.")
    for n in range(500):
        design = record_version(design.model_copy(update={"purpose": f"Leads the place, draft {n}."}), when=DAY)
    path = tmp_path / "long.roledesign"
    save_design(design, path)
    opened = load_design(path)
    assert opened == design and len(opened.history) == 500 and opened.version == "501"
    assert version_design(find_version(opened, "250")).purpose == "Leads the place, draft 249."
