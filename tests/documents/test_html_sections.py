"""The preview and the PDF show what the Word file shows: the draft mark, imported text not yet
placed, the dimensions and the document control table."""

from __future__ import annotations

from pathlib import Path

from roledesigner.documents.html import render_html
from roledesigner.documents.pdf import render_pdf
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.domain.models import SignOff
from roledesigner.domain.vocabulary import Decision, Status
from roledesigner.library.catalogue import Library
from tests.support.pdftext import pdf_text


def test_the_html_carries_every_section_the_word_file_has(library: Library) -> None:
    design = sample_design(library).model_copy(
        update={"signoffs": [SignOff(organisation="Westtown Council", name="A. Patel", decision=Decision.APPROVED)]}
    )
    view = build_view(design, library)
    page = render_html(view, week_picture=False)
    assert '<p class="draft">Draft</p>' in page
    assert view.unmapped_note in page and "The postholder may be asked to take on other duties" in page
    assert "Dimensions" in page and "A pooled mental health budget of £4.2 million" in page
    assert "Document control" in page and "Westtown Council" in page and "A. Patel" in page


def test_an_approved_design_has_no_draft_mark(library: Library) -> None:
    design = sample_design(library).model_copy(update={"status": Status.APPROVED})
    assert 'class="draft"' not in render_html(build_view(design, library), week_picture=False)


def test_the_pdf_says_draft_and_shows_the_imported_text(library: Library, tmp_path: Path) -> None:
    text = pdf_text(render_pdf(build_view(sample_design(library), library), week_png=None), tmp_path)
    assert "Draft" in text and "other duties of a similar level" in " ".join(text.split())
    assert "Document control" in text


def test_the_settings_can_turn_the_draft_mark_off_for_an_export(library: Library, tmp_path: Path) -> None:
    from roledesigner.documents.export import export_design
    from roledesigner.documents.jobs import ExportJob
    from tests.support.docxread import open_docx

    headers = {}
    for show in (True, False):
        target = tmp_path / f"spec-{show}.docx"
        result = export_design(sample_design(library), ExportJob(target, target, "docx", show_draft=show), library)
        assert result.ok, result.message
        document = open_docx(target.read_bytes())
        headers[show] = " ".join(p.text for section in document.sections for p in section.header.paragraphs)
    assert "Draft" in headers[True] and "Draft" not in headers[False]
