"""Job descriptions in the shapes HR teams write them, imported field by field, and nothing lost."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from roledesigner.domain.vocabulary import (
    AllocationUnit,
    Assessment,
    Contract,
    CriterionCategory,
    Requirement,
    ResponsibilityKind,
    Sector,
    Terms,
)
from roledesigner.importing.docxreader import read_docx
from roledesigner.importing.importer import ImportResult, import_document
from roledesigner.importing.placements import Target
from roledesigner.library.catalogue import Library
from tests.importing import samples
from tests.importing.checks import source_pieces, unaccounted

E, D = Requirement.ESSENTIAL, Requirement.DESIRABLE
A, INT, T, P = Assessment.APPLICATION, Assessment.INTERVIEW, Assessment.TEST, Assessment.PRESENTATION


def imported(data: bytes, library: Library | None = None, name: str = "description.docx") -> ImportResult:
    return import_document(read_docx(Path(name), data), library)


def duties(result: ImportResult, kind: ResponsibilityKind) -> list[str]:
    return [r.text for r in result.design.responsibilities if r.kind is kind]


def criteria(result: ImportResult) -> list[tuple[CriterionCategory, str, Requirement, list[Assessment]]]:
    return [(c.category, c.text, c.requirement, c.assessed_by) for c in result.design.criteria]


def unmapped(result: ImportResult) -> list[tuple[str, str]]:
    return [(u.heading, u.text) for u in result.design.unmapped]


# --- 1. heading styles ---------------------------------------------------------------------------


def test_heading_styles_job_details_from_the_table_header_and_footer() -> None:
    design = imported(samples.heading_styles()).design
    assert design.title == "Head of Integrated Care Partnerships"
    assert design.grade == "Agenda for Change band 8c"
    assert design.terms is Terms.AGENDA_FOR_CHANGE  # the grade names its pay framework
    assert design.reports_to == ["Director of Strategy and Partnerships"]
    assert design.accountable_to == ["Chief Executive"]
    assert design.directorate == "Strategy and Partnerships"
    assert design.location == "Riverside House, Northtown"
    assert design.time.contracted_hours_per_week == Decimal("37.5")
    assert design.contract is Contract.PERMANENT
    assert design.employer == "North Shire NHS Foundation Trust"  # from the page header
    assert design.job_reference == "NS-2024-117"  # from the page footer


def test_heading_styles_purpose_duties_and_relationships() -> None:
    result = imported(samples.heading_styles())
    assert result.design.purpose == "\n\n".join(samples.HEADING_STYLES_PURPOSE)
    assert duties(result, ResponsibilityKind.ORGANISATIONAL) == [
        *samples.HEADING_STYLES_LEADERSHIP,
        samples.HEADING_STYLES_DIRECT_NUMBERED,
    ]
    # Under the "Partnership working" sub-heading: system duties.
    assert duties(result, ResponsibilityKind.SYSTEM) == samples.HEADING_STYLES_SYSTEM
    assert [(r.name, r.sector) for r in result.design.relationships] == list(
        zip(
            samples.HEADING_STYLES_RELATIONSHIPS,
            [Sector.ICB, Sector.LOCAL_AUTHORITY, Sector.PRIMARY_CARE, Sector.VCSE],
            strict=True,
        )
    )


def test_heading_styles_person_spec_tick_columns_and_category_bands() -> None:
    result = imported(samples.heading_styles())
    assert criteria(result) == [
        (CriterionCategory.QUALIFICATIONS, samples.HEADING_STYLES_CRITERIA[0][1], E, [A]),
        (CriterionCategory.QUALIFICATIONS, samples.HEADING_STYLES_CRITERIA[1][1], D, [A]),
        (CriterionCategory.EXPERIENCE, samples.HEADING_STYLES_CRITERIA[2][1], E, [A, INT]),
        (CriterionCategory.EXPERIENCE, samples.HEADING_STYLES_CRITERIA[3][1], E, [INT]),
        (CriterionCategory.EXPERIENCE, samples.HEADING_STYLES_CRITERIA[4][1], D, [A]),
        (CriterionCategory.SKILLS, samples.HEADING_STYLES_CRITERIA[5][1], E, [P]),
    ]


def test_heading_styles_keeps_what_has_no_field_under_its_heading() -> None:
    result = imported(samples.heading_styles())
    assert unmapped(result) == [
        ("Main duties and responsibilities", "Leadership"),  # a sub-heading with no system meaning
        ("Confidentiality", samples.HEADING_STYLES_CONFIDENTIALITY),
        ("Page footer", "Review date: April 2026"),
    ]
    dimensions = result.design.dimensions
    assert (dimensions.budget, dimensions.staff_managed) == ("£2.4 million a year.", "twelve.")
    headings = [p.source_text for p in result.placements if p.target is Target.HEADING]
    assert headings == [
        "Job details",
        "Job purpose",
        "Main duties and responsibilities",
        "Partnership working",
        "Working relationships",
        "Dimensions",
        "Person specification",
        "Qualifications",
        "Experience",
        "Skills and abilities",
        "Confidentiality",
    ]


# --- 2. bold capitals, Label: value lines, typed numbers and bullets ------------------------------


def test_bold_capitals_details_from_label_lines_and_the_name_at_the_top() -> None:
    design = imported(samples.bold_capitals()).design
    assert design.employer == "WESTTOWN BOROUGH COUNCIL"
    assert design.title == "Place Director of Integration"
    assert design.grade == "JNC chief officer grade 3"
    assert design.reports_to == ["Chief Executive", "Director of Adult Social Services"]
    assert design.location == "Civic Centre, Westtown"
    assert design.job_reference == "WBC-0456"
    assert design.directorate == "Adult Social Care and Health"
    assert design.purpose == samples.BOLD_CAPS_PURPOSE


def test_bold_capitals_typed_numbers_and_bullets_are_duties_without_their_markers() -> None:
    result = imported(samples.bold_capitals())
    all_duties = [r.text for r in result.design.responsibilities]
    assert all_duties == [*samples.BOLD_CAPS_DUTIES, *samples.BOLD_CAPS_BULLETS]
    assert duties(result, ResponsibilityKind.SYSTEM) == [samples.BOLD_CAPS_DUTIES[2], samples.BOLD_CAPS_BULLETS[0]]
    assert [r.name for r in result.design.relationships] == samples.BOLD_CAPS_RELATIONSHIPS


def test_bold_capitals_e_d_column_merged_first_column_and_letters_read_through_the_key() -> None:
    result = imported(samples.bold_capitals())
    expected = [
        (CriterionCategory.QUALIFICATIONS, samples.BOLD_CAPS_CRITERIA[0][1], E, [A]),
        (CriterionCategory.QUALIFICATIONS, samples.BOLD_CAPS_CRITERIA[1][1], D, [A, INT]),
        (CriterionCategory.EXPERIENCE, samples.BOLD_CAPS_CRITERIA[2][1], E, [A, INT]),
        (CriterionCategory.EXPERIENCE, samples.BOLD_CAPS_CRITERIA[3][1], E, [INT]),
        (CriterionCategory.EXPERIENCE, samples.BOLD_CAPS_CRITERIA[4][1], D, [INT]),
        (CriterionCategory.KNOWLEDGE, samples.BOLD_CAPS_CRITERIA[5][1], E, [INT, T]),
        (CriterionCategory.PERSONAL_QUALITIES, samples.BOLD_CAPS_CRITERIA[6][1], E, [INT]),
    ]
    assert criteria(result) == expected
    keys = [p.source_text for p in result.placements if p.target is Target.KEY]
    assert keys == [samples.BOLD_CAPS_KEY]
    assert unmapped(result) == [("GENERAL", samples.BOLD_CAPS_GENERAL)]


# --- 3. numbered NHS job evaluation sections --------------------------------------------------------


def test_numbered_sections_details_from_label_tab_value_lines() -> None:
    design = imported(samples.numbered_sections()).design
    assert design.title == "System Workforce Lead"
    assert design.grade == "8d"
    assert design.reports_to == ["Chief People Officer"]
    assert design.accountable_to == ["Chief Executive of the integrated care board"]
    assert design.directorate == "People Directorate"
    assert design.location == "Southbridge"
    assert design.job_reference == "ICB-WF-09"
    assert design.contract is Contract.FIXED_TERM
    assert design.time.contracted_hours_per_week == Decimal(30)


def test_numbered_sections_protected_time_duties_numbered_by_their_style_and_kept_sections() -> None:
    result = imported(samples.numbered_sections())
    design = result.design
    assert design.purpose == samples.NUMBERED_PURPOSE
    assert (design.time.system_work.unit, design.time.system_work.amount) == (AllocationUnit.DAYS_PER_WEEK, Decimal(2))
    assert [r.text for r in design.responsibilities] == [*samples.NUMBERED_DUTIES, *samples.NUMBERED_STYLE_DUTIES]
    assert duties(result, ResponsibilityKind.SYSTEM) == samples.NUMBERED_DUTIES[:2]
    assert [r.name for r in design.relationships] == samples.NUMBERED_RELATIONSHIPS
    # The contract's length is more than "fixed term": the line is kept as well.
    assert unmapped(result) == [
        ("Job identification", "Contract: Fixed term for 24 months"),
        ("Dimensions", samples.NUMBERED_DIMENSIONS),  # said in a sentence, not as "Budget: ..."
        ("Organisational chart", samples.NUMBERED_CHART),
    ]


def test_numbered_sections_essential_and_desirable_columns_holding_text() -> None:
    result = imported(samples.numbered_sections())
    assert criteria(result) == [
        (CriterionCategory.QUALIFICATIONS, "Degree or equivalent experience", E, [A]),
        (CriterionCategory.QUALIFICATIONS, "Chartered CIPD membership", D, [A]),
        (CriterionCategory.EXPERIENCE, "Workforce planning across more than one organisation", E, [INT]),
        (CriterionCategory.EXPERIENCE, "Work in primary care", D, [INT]),
        (CriterionCategory.SKILLS, "Analysing workforce data to find risks", E, [T]),
    ]


def test_a_person_specification_written_as_lists_under_headings() -> None:
    document = Document()
    document.add_heading("Person specification", 1)
    document.add_paragraph("Applicants are shortlisted on the essential criteria.")
    document.add_heading("Qualifications", 2)
    document.add_paragraph().add_run("Essential").bold = True
    document.add_paragraph("A degree or equivalent experience", style="List Bullet")
    document.add_paragraph().add_run("Desirable").bold = True
    document.add_paragraph("A management qualification", style="List Bullet")
    document.add_heading("Experience", 2)
    document.add_paragraph("Leading a team across two organisations", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    result = imported(buffer.getvalue())
    assert criteria(result) == [
        (CriterionCategory.QUALIFICATIONS, "A degree or equivalent experience", E, []),
        (CriterionCategory.QUALIFICATIONS, "A management qualification", D, []),
        (CriterionCategory.EXPERIENCE, "Leading a team across two organisations", D, []),
    ]
    assert unmapped(result) == [("Person specification", "Applicants are shortlisted on the essential criteria.")]


# --- nothing lost -----------------------------------------------------------------------------------


@pytest.mark.parametrize("build", [samples.heading_styles, samples.bold_capitals, samples.numbered_sections])
def test_every_piece_of_the_source_is_in_the_design_or_read_as_its_structure(build: object) -> None:
    data = build()  # type: ignore[operator]
    result = imported(data)
    assert source_pieces(data)  # the independent reader found the text
    assert unaccounted(result, data) == []


def test_footnotes_are_kept_under_their_own_heading() -> None:
    data = samples.with_footnote(samples.bold_capitals())
    result = imported(data)
    assert unmapped(result)[-1] == ("Footnotes and endnotes", samples.FOOTNOTE)
    assert samples.FOOTNOTE in source_pieces(data)
    assert unaccounted(result, data) == []


def test_the_check_itself_notices_a_dropped_paragraph() -> None:
    data = samples.heading_styles()
    result = imported(data)
    design = result.design.model_copy(update={"unmapped": result.design.unmapped[1:]})
    dropped = ImportResult(result.source, result.placements, design, None)
    assert unaccounted(dropped, data) == ["Leadership"]
    no_budget = result.design.model_copy(
        update={"dimensions": result.design.dimensions.model_copy(update={"budget": ""})}
    )
    dropped = ImportResult(result.source, result.placements, no_budget, None)
    assert unaccounted(dropped, data) == [samples.HEADING_STYLES_DIMENSIONS]


def test_a_long_document_imports_whole() -> None:
    data = samples.long_document(pages=200)
    result = imported(data)
    assert len(result.design.responsibilities) == 200 * 12
    assert [u.text for u in result.design.unmapped] == [f"Programme area {n + 1}" for n in range(200)]
