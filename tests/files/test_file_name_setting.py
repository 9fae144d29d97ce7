"""The export file-name pattern's check (files/settingscheck.py): the names documents/filenames.py fills in."""

from __future__ import annotations

import pytest

from roledesigner.documents.filenames import DEFAULT_PATTERN
from roledesigner.files.settingscheck import FILE_NAME_PLACEHOLDERS, check_file_name


@pytest.mark.parametrize(
    "pattern", [DEFAULT_PATTERN, "{Title}", "{reference} {status}", "Job description", "{title} (v{version})"]
)
def test_patterns_with_known_names_are_fine(pattern: str) -> None:
    assert check_file_name(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "start"),
    [
        ("", "Enter a pattern for export file names"),
        ("   ", "Enter a pattern for export file names"),
        ("{name}", "The file name pattern uses {name}, which is not one of"),
        ("{ title }", "The file name pattern uses { title }"),
        ("{title.__class__}", "The file name pattern uses {title.__class__}"),
        ("{title", "The file name pattern has a brace that does not enclose a name"),
        ("title}", "The file name pattern has a brace that does not enclose a name"),
    ],
)
def test_other_patterns_are_refused_in_one_sentence(pattern: str, start: str) -> None:
    problem = check_file_name(pattern)
    assert problem is not None and problem.startswith(start)
    assert problem.count(". ") == 0 and problem.endswith(".")


def test_every_name_the_check_knows_is_filled_in_by_the_file_namer() -> None:
    from roledesigner.documents.filenames import export_file_name
    from roledesigner.library.compose import blank_design

    design = blank_design().model_copy(update={"title": "T", "job_reference": "R1"})
    for name in FILE_NAME_PLACEHOLDERS:
        assert "{" not in export_file_name(design, ".docx", "Org", f"x {{{name}}}"), name
