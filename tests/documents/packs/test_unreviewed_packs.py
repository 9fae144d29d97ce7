"""A pack exported while its design's review has errors says "Draft: not yet reviewed" on every page (issue 18).

The interview pack and the shortlisting forms in Word (every header), the interview pack's PDF
(the top of every page) and the Excel matrix (each sheet's printed header and a note at its top);
and none of them when the design was reviewed, as before.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from roledesigner.documents.jobs import UNREVIEWED_MARK
from roledesigner.documents.packs.packexport import INTERVIEW, SHORTLISTING, PackJob, export_pack
from roledesigner.documents.packs.shortlistexcel import MARK_ROW
from roledesigner.documents.sample import sample_design
from roledesigner.documents.wordmark import header_text
from roledesigner.library.catalogue import Library
from roledesigner.library.scoring import LoadedScoring, scoring_for
from tests.support.docxread import open_docx
from tests.support.pdftext import pdf_text


@pytest.fixture(scope="module")
def scoring(library: Library) -> LoadedScoring:
    return scoring_for(library)


def _export(tmp_path: Path, library: Library, scoring: LoadedScoring, document: str, fmt: str, marked: bool) -> bytes:
    job = PackJob(tmp_path / "post.roledesign", tmp_path / f"post-{document}.{fmt}", document, fmt, unreviewed=marked)
    result = export_pack(sample_design(library), job, library, scoring)
    assert result.ok, result.message
    return job.target.read_bytes()


def test_the_flag_is_off_unless_asked_for(tmp_path: Path) -> None:
    job = PackJob(tmp_path / "a.roledesign", tmp_path / "a.docx", INTERVIEW, "docx")
    assert job.unreviewed is False
    assert replace(job, unreviewed=True).unreviewed is True


@pytest.mark.parametrize("document", [INTERVIEW, SHORTLISTING])
def test_word_packs_say_so_in_every_header(
    tmp_path: Path, library: Library, scoring: LoadedScoring, document: str
) -> None:
    clean = open_docx(_export(tmp_path, library, scoring, document, "docx", marked=False))
    assert all(UNREVIEWED_MARK not in header_text(section.header._element) for section in clean.sections)
    marked = open_docx(_export(tmp_path, library, scoring, document, "docx", marked=True))
    for section in marked.sections:
        assert header_text(section.header._element).startswith(UNREVIEWED_MARK)
        assert section.header.paragraphs[0].runs[0].bold
        if section.different_first_page_header_footer:
            assert header_text(section.first_page_header._element).startswith(UNREVIEWED_MARK)


def test_the_interview_pdf_says_so_on_every_page(tmp_path: Path, library: Library, scoring: LoadedScoring) -> None:
    clean = pdf_text(_export(tmp_path, library, scoring, INTERVIEW, "pdf", marked=False), tmp_path)
    assert UNREVIEWED_MARK not in clean
    text = pdf_text(_export(tmp_path, library, scoring, INTERVIEW, "pdf", marked=True), tmp_path)
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) > 1
    assert all(UNREVIEWED_MARK in page for page in pages)


def test_the_excel_matrix_says_so_on_every_sheet(tmp_path: Path, library: Library, scoring: LoadedScoring) -> None:
    clean = load_workbook(io.BytesIO(_export(tmp_path, library, scoring, SHORTLISTING, "xlsx", marked=False)))
    for sheet in clean.worksheets:
        assert sheet.cell(MARK_ROW, 1).value is None
        assert UNREVIEWED_MARK not in (sheet.oddHeader.center.text or "")
    workbook = load_workbook(io.BytesIO(_export(tmp_path, library, scoring, SHORTLISTING, "xlsx", marked=True)))
    assert len(workbook.worksheets) > 2
    for sheet in workbook.worksheets:
        assert sheet.oddHeader.center.text == UNREVIEWED_MARK
        note = sheet.cell(MARK_ROW, 1)
        assert note.value == UNREVIEWED_MARK and note.font.bold
        # Above the table and within the rows frozen at the top, so it is seen while scrolling.
        assert sheet.freeze_panes is None or int("".join(filter(str.isdigit, sheet.freeze_panes))) > MARK_ROW
