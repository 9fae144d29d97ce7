"""Person specifications as users write them in whole documents: an E/D column headed
"Essential (E) / Desirable (D)" with category rows left blank across, and Essential and
Desirable columns holding one-word criteria. Every cell is a criterion, read into one, or kept."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from docx import Document

from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement
from roledesigner.importing.assemble import assemble
from roledesigner.importing.docxreader import read_docx
from roledesigner.importing.importer import ImportResult, import_document
from roledesigner.importing.placements import Target
from tests.importing.checks import unaccounted

CARE_ACT = "Knowledge of the Care Act 2014 and safeguarding law"
JOINT = "Experience of leading joint commissioning with the NHS"
LEADING_TEAMS = "Experience of leading teams across health and social care"
TEAMS_TEXT = "Has led a team that included council and NHS staff."


def _document(rows: list[list[str]], after: list[tuple[str, str]] = ()) -> bytes:  # type: ignore[assignment]
    document = Document()
    document.add_heading("Commissioning Manager", 0)
    document.add_paragraph("Job title: Commissioning Manager")
    document.add_heading("Person specification", 1)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for text, style in after:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _import(data: bytes) -> ImportResult:
    return import_document(read_docx(Path("spec.docx"), data))


def e_d_column() -> bytes:
    return _document(
        [
            ["Requirements", "Essential (E) / Desirable (D)", "Assessment Method"],
            ["Knowledge", "", ""],
            [CARE_ACT, "E", "AF/I"],
            [JOINT, "D", "I"],
        ],
        after=[(LEADING_TEAMS, "Heading 2"), (TEAMS_TEXT, "Normal")],
    )


def test_an_e_d_column_under_a_long_header_keeps_both_criteria() -> None:
    data = e_d_column()
    result = _import(data)
    found = [(c.text, c.category, c.requirement, c.assessed_by) for c in result.design.criteria]
    assert found == [
        (CARE_ACT, CriterionCategory.KNOWLEDGE, Requirement.ESSENTIAL, [Assessment.APPLICATION, Assessment.INTERVIEW]),
        (JOINT, CriterionCategory.KNOWLEDGE, Requirement.DESIRABLE, [Assessment.INTERVIEW]),
    ]
    assert unaccounted(result, data) == []


def test_a_long_heading_that_starts_with_a_category_word_is_kept() -> None:
    data = e_d_column()
    result = _import(data)
    kept = [u.text for u in result.design.unmapped]
    assert LEADING_TEAMS in kept
    assert TEAMS_TEXT in kept
    assert not any(p.target is Target.HEADING and p.source_text == LEADING_TEAMS for p in result.placements)


def test_a_criterion_that_starts_with_a_category_word_is_not_a_category() -> None:
    data = _document(
        [
            ["Category", "Criteria", "E/D"],
            ["Experience", "Leading a team", "E"],
            ["Knowledge of the Mental Capacity Act", "Applying it in practice", "D"],
        ]
    )
    result = _import(data)
    assert [c.text for c in result.design.criteria] == ["Leading a team", "Applying it in practice"]
    assert "Knowledge of the Mental Capacity Act" in [u.text for u in result.design.unmapped]
    assert unaccounted(result, data) == []


def one_word_columns() -> bytes:
    return _document(
        [
            ["", "Essential Criteria", "Desirable Criteria", "Method of Assessment"],
            ["Education / Qualifications", "Degree", "Masters", "Application form"],
            ["Experience", "Budgets", "", "Interview / References"],
            ["Skills", "", "", "Interview"],
        ]
    )


def test_essential_and_desirable_columns_of_one_word_criteria() -> None:
    data = one_word_columns()
    result = _import(data)
    found = [(c.text, c.category, c.requirement, c.assessed_by) for c in result.design.criteria]
    assert found == [
        ("Degree", CriterionCategory.QUALIFICATIONS, Requirement.ESSENTIAL, [Assessment.APPLICATION]),
        ("Masters", CriterionCategory.QUALIFICATIONS, Requirement.DESIRABLE, [Assessment.APPLICATION]),
        ("Budgets", CriterionCategory.EXPERIENCE, Requirement.ESSENTIAL, [Assessment.INTERVIEW, Assessment.REFERENCES]),
    ]
    # The last row names a method and no criterion: the method is kept, not read into nothing.
    assert "Interview" in [u.text for u in result.design.unmapped]
    assert unaccounted(result, data) == []


def test_the_check_notices_a_sentence_read_as_structure() -> None:
    """A criterion taken for a header cell, as an earlier import did, is lost: the check must say so."""
    data = e_d_column()
    result = _import(data)
    placements = [
        replace(p, target=Target.LABEL, text="") if p.source_text == CARE_ACT else p for p in result.placements
    ]
    misread = replace(result, placements=placements, design=assemble(placements))
    assert unaccounted(misread, data) == [CARE_ACT, "AF/I"]  # and the letters read into no criterion


def test_tick_columns_headed_with_the_letters_e_and_d() -> None:
    data = _document([["Criteria", "E", "D"], ["Degree in nursing", "✓", ""], ["Masters degree", "", "✓"]])
    found = [(c.text, c.requirement) for c in _import(data).design.criteria]
    assert found == [("Degree in nursing", Requirement.ESSENTIAL), ("Masters degree", Requirement.DESIRABLE)]


def test_a_criteria_column_beside_essential_and_desirable_columns_holding_the_criteria() -> None:
    data = _document(
        [
            ["Criteria", "Essential", "Desirable", "Notes"],
            ["Qualifications", "Degree in social work", "Masters degree", "Copies at interview"],
            ["Approach to risk", "Positive risk taking", "", ""],
        ]
    )
    result = _import(data)
    found = [(c.category, c.text, c.requirement) for c in result.design.criteria]
    assert found == [
        (CriterionCategory.QUALIFICATIONS, "Degree in social work", Requirement.ESSENTIAL),
        (CriterionCategory.QUALIFICATIONS, "Masters degree", Requirement.DESIRABLE),
        (CriterionCategory.OTHER, "Positive risk taking", Requirement.ESSENTIAL),
    ]
    kept = [u.text for u in result.design.unmapped]
    assert kept == ["Notes", "Copies at interview", "Approach to risk"]
    assert unaccounted(result, data) == []
