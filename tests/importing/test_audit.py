"""The audit: one row per file whatever happens to the file, the same rows on one core or two,
Cancel, and reports Excel shows without running anything."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from roledesigner.domain.vocabulary import Footprint
from roledesigner.files import reading
from roledesigner.importing.audit import CANCELLED, AuditRow, audit_many, audit_one, collect, guess_footprint
from roledesigner.importing.auditreport import as_csv, as_json, as_text
from tests.importing import samples


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, build in (
        ("a.docx", samples.heading_styles),
        ("b.docx", samples.bold_capitals),
        ("c.docx", samples.numbered_sections),
    ):
        (tmp_path / name).write_bytes(build())
    return tmp_path


def test_a_file_that_vanishes_mid_audit_is_a_row_with_its_reason(folder: Path) -> None:
    files, problems = collect([folder])
    assert problems == []

    def progress(done: int, _total: int, _row: AuditRow) -> None:
        if done == 1:
            (folder / "b.docx").unlink()  # gone between the listing and its turn

    rows = audit_many(files, workers=1, progress=progress)
    assert [row.readable for row in rows] == [True, False, True]
    assert rows[1].reason == f"{folder / 'b.docx'} cannot be read: it does not exist."


def test_a_file_locked_by_another_program_is_a_row_with_its_reason(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = reading._open

    def locked(path: Path) -> tuple[int, int]:
        if path.name == "a.docx":
            raise reading.UnreadableFile(path, "another program has it open and locked; close it there and try again")
        return original(path)

    monkeypatch.setattr(reading, "_open", locked)
    files, _ = collect([folder])
    rows = audit_many(files, workers=1)
    assert "another program has it open and locked" in rows[0].reason
    assert all(row.readable for row in rows[1:])


def test_two_processes_give_the_rows_one_gives(folder: Path) -> None:
    files, _ = collect([folder])
    assert audit_many(files, workers=2) == audit_many(files, workers=1)


def test_cancel_starts_no_further_file(folder: Path) -> None:
    files, _ = collect([folder])
    rows = audit_many(files, workers=1, should_stop=lambda: True)
    assert [row.reason for row in rows] == [CANCELLED] * 3


def test_paths_that_are_not_there_are_rows_and_links_to_folders_are_not_followed(tmp_path: Path) -> None:
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "x.docx").write_bytes(samples.bold_capitals())
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    files, problems = collect([tmp_path, tmp_path / "missing"])
    assert files == [inside / "x.docx"]
    assert [row.reason for row in problems] == [f"{tmp_path / 'missing'} does not exist."]


def test_csv_cells_that_look_like_formulas_are_shown_not_run() -> None:
    row = AuditRow("=HYPERLINK(evil).docx", "word", True, title="+SUM(A1:A9)", line_manager="@boss")
    parsed = list(csv.reader(io.StringIO(as_csv([row]))))
    assert parsed[1][0] == "'=HYPERLINK(evil).docx"
    assert "'+SUM(A1:A9)" in parsed[1] and "'@boss" in parsed[1]


def test_json_report_shape() -> None:
    import json

    data = json.loads(as_json([AuditRow("x.docx", "word", False, "x.docx is empty.")]))
    assert data["files"][0]["file"] == "x.docx" and data["files"][0]["findings"] == []
    assert data["summary"]["unreadable"] == 1


@pytest.mark.parametrize(
    ("title", "footprint"),
    [
        ("System Workforce Lead", Footprint.SYSTEM),
        ("ICB Director of Strategy", Footprint.SYSTEM),
        ("Place Director of Integration", Footprint.PLACE),
        ("PCN Clinical Director", Footprint.NEIGHBOURHOOD),
        ("Head of Finance", None),
        ("Systematic reviewer", None),
    ],
)
def test_the_footprint_a_title_names(title: str, footprint: Footprint | None) -> None:
    assert guess_footprint(title) is footprint


@pytest.mark.parametrize(
    ("build", "stable"),
    [
        (samples.heading_styles, True),  # "Contract | Permanent" in its details table
        (samples.numbered_sections, True),  # "Contract: Fixed term for 24 months"
        (samples.bold_capitals, False),  # no contract and no word on stability
    ],
)
def test_the_contract_says_how_stable_the_post_is(tmp_path: Path, build: object, stable: bool) -> None:
    path = tmp_path / "description.docx"
    path.write_bytes(build())  # type: ignore[operator]
    assert audit_one(path).stability is stable


ACCEPTED = {
    "code": "time.no_protected_time",
    "severity": "warning",
    "message": "No protected time for system work.",
    "field": "time",
    "accepted": "accepted: agreed with both boards (Sam Jones, 3 March 2026)",
}


def test_the_csv_lists_the_accepted_warnings_with_their_notes() -> None:
    row = AuditRow("a.docx", "word", True, title="Lead", warnings=1, findings=[ACCEPTED])
    parsed = list(csv.DictReader(io.StringIO(as_csv([row]))))
    assert parsed[0]["Accepted warnings"] == (
        "No protected time for system work. (accepted: agreed with both boards (Sam Jones, 3 March 2026))"
    )


def test_the_text_report_counts_in_words_that_agree() -> None:
    one = as_text([AuditRow("a.docx", "word", True, title="Lead", errors=1, warnings=1, unmapped_blocks=1)])
    assert "Review: 1 error, 1 warning, 0 for information" in one
    assert "Kept unmapped: 1 piece," in one
    assert "1 file: 1 read, 0 could not be read." in one
    two = as_text([AuditRow("a.docx", "word", True, errors=2, unmapped_blocks=2)] * 2)
    assert "Review: 2 errors, 0 warnings" in two and "2 pieces" in two and "2 files: 2 read" in two
