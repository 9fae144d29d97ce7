"""What `check` prints (issue 18): fields in plain words, never internal paths; accepted warnings
marked with their reason, never left out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from roledesigner.cli.main import main
from roledesigner.cli.textreport import findings_text
from roledesigner.domain.edits import set_value
from roledesigner.domain.findings import Severity
from roledesigner.files.designfile import save_design
from roledesigner.importing.audit import AuditRow
from roledesigner.importing.auditreport import as_text
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.review import review
from roledesigner.review.acknowledgements import accept, reviewed
from tests.review.test_order import INTERNAL_PATH
from tests.review.test_review import bad_design


def test_check_names_fields_in_plain_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Library
) -> None:
    path = tmp_path / "bad.roledesign"
    save_design(bad_design(library), path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    body = out.split("\n", 1)[1]  # the first line names the file, whose name has a dot
    assert "[system time]" in body
    assert "[every partner: host employer]" in body or "[partners]" in body
    assert not INTERNAL_PATH.search(body), INTERNAL_PATH.search(body)


def test_an_accepted_warning_is_printed_marked_and_counted_apart(tmp_path: Path, library: Library) -> None:
    design = set_value(
        new_design(library, "place_clinical_lead"),
        "time.system_work",
        {"unit": "days_per_week", "amount": Decimal(2)},
    )
    findings = review(design, library)
    (below,) = [f for f in findings if f.code == "time.below_suggestion"]
    accepted = accept(design, below, "Two days were agreed with both boards", "Sam Jones", dt.date(2026, 3, 3))
    text = findings_text(tmp_path / "lead.roledesign", review(accepted, library), accepted)
    assert "(1 accepted on purpose)." in text.splitlines()[0]
    lines = text.splitlines()
    flat = " ".join(text.split())
    note = "accepted: Two days were agreed with both boards (Sam Jones, 3 March 2026)"
    shown = flat.index(f"[system time] {' '.join(below.message.split())}") + len(" ".join(below.message.split()))
    assert flat.index(note) == shown + len("[system time] ") + 1, "right under the warning it is about"
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    assert f"{warnings} warnings" in lines[0], "an accepted warning is still counted: never hidden"
    assert "accepted:" not in findings_text(Path("lead.roledesign"), findings, design)


def test_the_audit_lists_accepted_warnings_with_their_reasons(library: Library) -> None:
    """Once importing/audit.py builds a row's findings with `reviewed(...)`, each accepted warning
    carries its note; the report lists it, never hides it, and counts it within the warnings."""
    design = set_value(
        new_design(library, "place_clinical_lead"),
        "time.system_work",
        {"unit": "days_per_week", "amount": Decimal(2)},
    )
    (below,) = [f for f in review(design, library) if f.code == "time.below_suggestion"]
    accepted = accept(design, below, "Agreed with both boards", "Sam", dt.date(2026, 3, 3))
    entries = reviewed(accepted, review(accepted, library))
    row = AuditRow(
        file="lead.roledesign",
        kind="design",
        readable=True,
        title=accepted.title,
        warnings=sum(1 for e in entries if e.finding.severity is Severity.WARNING),
        findings=[entry.as_dict() for entry in entries],
    )
    text = " ".join(as_text([row]).split())
    assert f"{row.warnings} warnings (1 accepted on purpose)" in text
    assert "- Accepted warning: System time of" in text
    assert "(accepted: Agreed with both boards (Sam, 3 March 2026))" in text
