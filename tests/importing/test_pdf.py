"""PDF job descriptions, made from the Word samples by LibreOffice in the test, as HR teams make them."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement, ResponsibilityKind
from roledesigner.importing.importer import ImportResult, import_file
from tests.importing import samples
from tests.importing.checks import accounted, source_pieces

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed to make the PDFs")


def to_pdf(folder: Path, name: str, data: bytes) -> Path:
    source = folder / f"{name}.docx"
    source.write_bytes(data)
    profile = (folder / "profile").as_uri()  # a profile of its own: other tests may run LibreOffice at once
    command = [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(folder), str(source)],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return folder / f"{name}.pdf"


@pytest.fixture(scope="module")
def heading_styles_pdf(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    return import_file(to_pdf(tmp_path_factory.mktemp("pdf"), "heading_styles", samples.heading_styles()))


@pytest.fixture(scope="module")
def bold_capitals_pdf(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    return import_file(to_pdf(tmp_path_factory.mktemp("pdf"), "bold_capitals", samples.bold_capitals()))


@pytest.fixture(scope="module")
def numbered_sections_pdf(tmp_path_factory: pytest.TempPathFactory) -> ImportResult:
    return import_file(to_pdf(tmp_path_factory.mktemp("pdf"), "numbered", samples.numbered_sections()))


def test_numbered_sections_details_from_a_pdf(numbered_sections_pdf: ImportResult) -> None:
    """The PDF reader reads the typed "Job title:<tab>…" line as a table of one row and two columns."""
    design = numbered_sections_pdf.design
    assert design.title == "System Workforce Lead"
    assert design.grade == "8d"
    assert design.reports_to == ["Chief People Officer"]
    assert design.accountable_to == ["Chief Executive of the integrated care board"]
    assert design.directorate == "People Directorate"
    assert design.location == "Southbridge"
    assert design.job_reference == "ICB-WF-09"
    assert design.time.contracted_hours_per_week == Decimal(30)
    assert design.purpose == samples.NUMBERED_PURPOSE
    sentences = [piece for piece in source_pieces(samples.numbered_sections()) if piece.endswith(".")]
    assert [s for s in sentences if not accounted(numbered_sections_pdf, s)] == []


def test_the_job_details_table_and_the_page_header_and_footer(heading_styles_pdf: ImportResult) -> None:
    design = heading_styles_pdf.design
    assert heading_styles_pdf.source.kind == "pdf"
    assert design.title == "Head of Integrated Care Partnerships"
    assert design.grade == "Agenda for Change band 8c"
    assert design.reports_to == ["Director of Strategy and Partnerships"]
    assert design.accountable_to == ["Chief Executive"]
    assert design.directorate == "Strategy and Partnerships"
    assert design.location == "Riverside House, Northtown"
    assert design.time.contracted_hours_per_week == Decimal("37.5")
    assert design.employer == "North Shire NHS Foundation Trust"  # repeated at the top of each page
    assert design.job_reference == "NS-2024-117"  # repeated at the foot of each page


def test_purpose_duties_by_their_headings_and_the_wrapped_lines_joined(heading_styles_pdf: ImportResult) -> None:
    design = heading_styles_pdf.design
    assert design.purpose == "\n\n".join(samples.HEADING_STYLES_PURPOSE)
    system = [r.text for r in design.responsibilities if r.kind is ResponsibilityKind.SYSTEM]
    organisational = [r.text for r in design.responsibilities if r.kind is ResponsibilityKind.ORGANISATIONAL]
    assert organisational == [*samples.HEADING_STYLES_LEADERSHIP, samples.HEADING_STYLES_DIRECT_NUMBERED]
    assert system == samples.HEADING_STYLES_SYSTEM
    assert [r.name for r in design.relationships] == samples.HEADING_STYLES_RELATIONSHIPS


def test_the_person_specification_table_best_effort(heading_styles_pdf: ImportResult) -> None:
    found = [(c.category, c.text, c.requirement, c.assessed_by) for c in heading_styles_pdf.design.criteria]
    expected = [
        (
            CriterionCategory(category.lower().split()[0]),
            text,
            Requirement.ESSENTIAL if essential else Requirement.DESIRABLE,
            [Assessment(word.strip().lower()) for word in assessed.split(",")],
        )
        for category, text, essential, _desirable, assessed in samples.HEADING_STYLES_CRITERIA
    ]
    assert found == expected


def test_every_sentence_of_the_source_is_in_the_design(
    heading_styles_pdf: ImportResult, bold_capitals_pdf: ImportResult
) -> None:
    for result, data in ((heading_styles_pdf, samples.heading_styles()), (bold_capitals_pdf, samples.bold_capitals())):
        sentences = [piece for piece in source_pieces(data) if piece.endswith(".")]
        assert sentences
        assert [s for s in sentences if not accounted(result, s)] == []


def test_the_e_d_column_and_key_letters_from_a_pdf(bold_capitals_pdf: ImportResult) -> None:
    found = [(c.text, c.requirement, c.assessed_by) for c in bold_capitals_pdf.design.criteria]
    assert [text for text, _r, _a in found] == [text for _c, text, _r, _a in samples.BOLD_CAPS_CRITERIA]
    assert [r for _t, r, _a in found] == [
        Requirement.ESSENTIAL if r == "E" else Requirement.DESIRABLE for _c, _t, r, _a in samples.BOLD_CAPS_CRITERIA
    ]
    assert found[5][2] == [Assessment.INTERVIEW, Assessment.TEST]


def test_a_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Many published PDFs restrict printing or copying with an owner password and open freely."""
    from pypdf import PdfReader, PdfWriter

    plain = to_pdf(tmp_path, "bold_capitals", samples.bold_capitals())
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="owner only", algorithm="RC4-128")
    restricted = tmp_path / "restricted.pdf"
    with restricted.open("wb") as stream:
        writer.write(stream)
    assert PdfReader(restricted).is_encrypted
    assert import_file(restricted).design.title == "Place Director of Integration"
