"""The headings and small tables HR teams write that the vocabulary must know: a one-row job
details table, and the many ways of heading the duties and the purpose."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from roledesigner.importing.docxreader import read_docx
from roledesigner.importing.importer import ImportResult, import_document
from tests.importing.checks import unaccounted

DUTIES = [
    "1.\tCoordinate hospital discharges with the council's reablement team.",
    "2.\tKeep the shared care record up to date for every person on the caseload.",
]


def _import(data: bytes) -> ImportResult:
    return import_document(read_docx(Path("description.docx"), data))


def _save(document: Document) -> bytes:  # type: ignore[valid-type]
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_a_job_details_table_of_one_row_gives_the_title() -> None:
    document = Document()
    document.add_heading("Job details", 1)
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Job title"
    table.rows[0].cells[1].text = "Care Navigator"
    document.add_heading("Job purpose", 1)
    document.add_paragraph("Help people leaving hospital get the care they need at home.")
    data = _save(document)
    result = _import(data)
    assert result.design.title == "Care Navigator"
    assert unaccounted(result, data) == []


def test_a_one_row_table_of_a_label_and_a_value_anywhere_gives_the_value() -> None:
    document = Document()
    document.add_paragraph().add_run("CARE NAVIGATOR").bold = True
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Band"
    table.rows[0].cells[1].text = "4"
    data = _save(document)
    assert _import(data).design.grade == "4"


DUTY_HEADINGS = [
    "Principal duties",
    "Principal duties and responsibilities",
    "Duties",
    "Job responsibilities",
    "Role responsibilities",
    "Key areas of responsibility",
    "Description of duties",
    "Specific duties",
    "Core duties",
]


@pytest.mark.parametrize("title", DUTY_HEADINGS)
def test_duties_under_their_heading_in_bold_capitals_with_typed_numbers(title: str) -> None:
    document = Document()
    document.add_paragraph().add_run("CARE NAVIGATOR").bold = True
    document.add_paragraph().add_run(title.upper()).bold = True
    for duty in DUTIES:
        document.add_paragraph(duty)
    data = _save(document)
    result = _import(data)
    assert [r.text for r in result.design.responsibilities] == [duty.split("\t", 1)[1] for duty in DUTIES]
    assert unaccounted(result, data) == []


@pytest.mark.parametrize("title", ["Role purpose", "Job overview", "ROLE PURPOSE"])
def test_the_purpose_under_its_other_names(title: str) -> None:
    document = Document()
    document.add_paragraph().add_run("CARE NAVIGATOR").bold = True
    document.add_paragraph().add_run(title).bold = True
    document.add_paragraph("Help people leaving hospital get the care they need at home.")
    result = _import(_save(document))
    assert result.design.purpose == "Help people leaving hospital get the care they need at home."


def test_a_relationships_table_headed_in_its_own_words_keeps_the_header() -> None:
    document = Document()
    document.add_heading("Working relationships", 1)
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ["Within the trust", "Across the system"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Ward managers", "Northtown Borough Council"], strict=True):
        cell.text = text
    data = _save(document)
    result = _import(data)
    assert [r.name for r in result.design.relationships] == ["Ward managers", "Northtown Borough Council"]
    assert [u.text for u in result.design.unmapped] == ["Within the trust", "Across the system"]
    assert unaccounted(result, data) == []
