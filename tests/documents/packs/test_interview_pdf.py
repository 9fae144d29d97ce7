"""The interview pack as PDF: read back with poppler, it holds what the Word pack holds, titled and bounded."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from roledesigner.documents.packs import interviewhtml
from roledesigner.documents.packs.interview import HEADINGS, NO_AREAS, InterviewPack, build_interview_pack
from roledesigner.documents.packs.interviewhtml import fit_for_pdf, render_interview_html, render_interview_pdf
from roledesigner.documents.packs.interviewword import render_interview_docx
from roledesigner.documents.packs.packexport import INTERVIEW, PackJob, export_pack
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.domain.models import Criterion, RoleDesign
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, label
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.library.scoring import LoadedScoring, scoring_for
from tests.support.docxread import open_docx
from tests.support.pdftext import pdf_text

ORGANISATION = "North Shire Integrated Care Board"
FOOTER = re.compile(r"Page \d+ of \d+ · Interview pack, version .*")


@pytest.fixture(scope="module")
def scoring(library: Library) -> LoadedScoring:
    return scoring_for(library)


def squeeze(text: str) -> str:
    """Text compared without spacing, as PDF extraction breaks lines where the layout does."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def body_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text squeezed, without the footers, which fall into a paragraph that runs over a page."""
    lines = pdf_text(pdf, tmp_path).splitlines()
    return squeeze("\n".join(line for line in lines if not FOOTER.fullmatch(line.strip())))


def pack_of(design: RoleDesign, library: Library, scoring: LoadedScoring, **options: Any) -> InterviewPack:
    return build_interview_pack(design, library, scoring, ORGANISATION, **options)


def pdfinfo(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def at_interview(design: RoleDesign, library: Library) -> list[str]:
    """The wording of every person-specification row assessed at interview or presentation, from the
    job specification's own view model (not the pack's)."""
    methods = (label(Assessment.INTERVIEW), label(Assessment.PRESENTATION))
    return [
        row.criterion for row in build_view(design, library).person_spec if any(m in row.assessed_by for m in methods)
    ]


def in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        found = text.find(squeeze(part), position)
        if found < 0:
            return False
        position = found + 1
    return True


def mixed_design(library: Library) -> RoleDesign:
    """One capability only from the application, one by presentation, and a criterion of the design's own."""
    design = sample_design(library)
    items = list(design.capabilities)
    items[0] = items[0].model_copy(update={"assessed_by": [Assessment.APPLICATION]})
    items[1] = items[1].model_copy(update={"assessed_by": [Assessment.PRESENTATION]})
    own = Criterion(category=CriterionCategory.KNOWLEDGE, text="Knowledge of the Care Act 2014 & its duties.")
    return design.model_copy(update={"capabilities": items, "criteria": [*design.criteria, own]})


def test_every_area_at_interview_is_in_the_pdf_with_its_questions_and_the_scale(
    library: Library, scoring: LoadedScoring, tmp_path: Path
) -> None:
    design = mixed_design(library)
    pack = pack_of(design, library, scoring)
    text = body_text(render_interview_pdf(pack), tmp_path)
    expected = at_interview(design, library)
    assert len(expected) >= 10 and "Knowledge of the Care Act 2014 & its duties." in expected
    assert in_order(text, expected), "every criterion assessed at interview, in person-specification order"
    for area in pack.all_areas:
        assert in_order(text, [area.heading, *area.questions, *area.probes, *area.strong, *area.weak]), area.name
        assert 2 <= len(area.questions) <= 3
    application_only = library.capabilities[design.capabilities[0].id].name
    assert squeeze(application_only) not in text
    scale = scoring.scoring.interview_scale
    assert squeeze(f"The panel uses the {scale.name[:1].lower()}{scale.name[1:]}, from the bundled library.") in text
    for level in scale.levels:
        assert squeeze(f"{level.score} {level.label} {level.description}") in text
    score = squeeze(f"Score ({scale.lowest} to {scale.highest}) Notes")
    sheets = text.count("Area" + score)  # a sheet's header, again on each page it runs on to
    assert text.count(score) - sheets == len(pack.all_areas), "a box for the score and notes under every area"
    assert sheets >= pack.panel_members


def test_the_pdf_says_what_the_word_pack_says(library: Library, scoring: LoadedScoring, tmp_path: Path) -> None:
    pack = pack_of(new_design(library, "independent_chair"), library, scoring, panel_members=2)
    text = body_text(render_interview_pdf(pack), tmp_path)
    document = open_docx(render_interview_docx(pack))
    said = [p.text for p in document.paragraphs if p.text.strip()]
    said += [cell.text for table in document.tables for row in table.rows for cell in row.cells if cell.text.strip()]
    missing = [line for line in said if squeeze(line) not in text]
    assert not missing
    assert len(said) > 200


def test_title_language_a4_headings_and_footer(library: Library, scoring: LoadedScoring, tmp_path: Path) -> None:
    design = sample_design(library).model_copy(update={"author": "A. Person"})
    pack = pack_of(design, library, scoring)
    pdf = render_interview_pdf(pack)
    info = pdfinfo(pdf, tmp_path)
    assert info["Title"] == pack.document_title == "Interview pack: Joint NHS and council mental health lead"
    assert info["Author"] == "A. Person" and info["Creator"] == "Role Designer"
    assert info["Page size"].startswith("595 x 842")  # A4 in points
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 - a BooleanObject
    # The headings are the bookmarks, nested as the headings are, each at its own page.
    outline: Any = reader.outline
    assert [item.title for item in outline if not isinstance(item, list)] == [pack.title]
    sections = outline[1]
    titles = [item.title for item in sections if not isinstance(item, list)]
    assert titles == [
        HEADINGS["about"],
        HEADINGS["scale"],
        HEADINGS["areas"],
        *(section.name for section in pack.standards),
        HEADINGS["sheets"],
        HEADINGS["consensus"],
    ]
    at = next(n for n, item in enumerate(sections) if not isinstance(item, list) and item.title == HEADINGS["areas"])
    areas = sections[at + 1]  # a bookmark's children follow it
    assert [item.title for item in areas] == [area.heading for area in pack.areas]
    pages = reader.pages
    for item in areas:
        page_number = reader.get_destination_page_number(item)
        assert page_number is not None and squeeze(item.title) in squeeze(pages[page_number].extract_text())
    text = pdf_text(pdf, tmp_path)
    for page in range(1, len(pages) + 1):
        assert squeeze(f"Page {page} of {len(pages)} · Interview pack, version {pack.version}, {pack.date}") in squeeze(
            text
        )


def test_a_design_with_nothing_at_interview_says_so_in_a_sentence(
    library: Library, scoring: LoadedScoring, tmp_path: Path
) -> None:
    pack = pack_of(RoleDesign(title="Blank post"), library, scoring)
    pdf = render_interview_pdf(pack)
    text = squeeze(pdf_text(pdf, tmp_path))
    assert squeeze(NO_AREAS) in text
    assert squeeze(HEADINGS["scale"]) in text
    for absent in (HEADINGS["areas"], HEADINGS["sheets"], HEADINGS["consensus"], "Panel member 1", "Notes"):
        assert squeeze(absent) not in text
    assert pdfinfo(pdf, tmp_path)["Pages"] == "1"


def test_text_from_a_design_is_escaped_and_cleaned(library: Library, scoring: LoadedScoring, tmp_path: Path) -> None:
    hostile = "A & B <b>bold</b> {{ pack.title }} \x07\x1b end"
    pack = pack_of(RoleDesign(title=hostile, criteria=[Criterion(text=hostile)]), library, scoring)
    page = render_interview_html(pack)
    assert "<b>bold</b>" not in page and "A &amp; B &lt;b&gt;bold&lt;/b&gt; {{ pack.title }}  end" in page
    assert "\x07" not in page and "\x1b" not in page
    text = body_text(render_interview_pdf(pack), tmp_path)
    assert squeeze("1. A & B <b>bold</b> {{ pack.title }} end") in text


def test_a_pack_too_long_to_print_is_shortened_and_says_so(library: Library, scoring: LoadedScoring) -> None:
    criteria = [Criterion(text=f"Criterion {n}: " + "evidence of working with partners " * 3) for n in range(300)]
    long_text = "A criterion of great length. " * 20_000  # 580,000 characters
    pack = pack_of(RoleDesign(title="Long post", criteria=[Criterion(text=long_text), *criteria]), library, scoring)
    fitted, notes = fit_for_pdf(pack)
    assert len(fitted.all_areas) == interviewhtml.PDF_AREAS < len(pack.all_areas)
    assert [a.number for a in fitted.all_areas] == list(range(1, interviewhtml.PDF_AREAS + 1))
    assert len(fitted.all_areas[0].criterion) <= interviewhtml.TEXT_CHARACTERS + 1
    assert notes[0] == (
        f"This PDF shows 100 of the {len(pack.all_areas)} areas to assess, to stay a length that can be printed; "
        "the Word export holds them all."
    )
    assert any(note.startswith("This PDF shortens") for note in notes)
    assert fit_for_pdf(pack_of(sample_design(library), library, scoring)) == (
        pack_of(sample_design(library), library, scoring),
        [],
    ), "a real post's pack is whole"


def test_a_pack_of_the_longest_kept_still_renders(library: Library, scoring: LoadedScoring, tmp_path: Path) -> None:
    criteria = [Criterion(text=f"Criterion {n}: " + "x" * 5_000) for n in range(120)]
    pack = pack_of(RoleDesign(title="Long post", criteria=criteria), library, scoring, panel_members=1)
    kept = len(fit_for_pdf(pack)[0].all_areas)
    assert 10 < kept < 120, "long areas: fewer of them, by the characters they take"
    text = body_text(render_interview_pdf(pack), tmp_path)
    assert squeeze(f"This PDF shows {kept} of the 120 areas to assess") in text
    assert squeeze(f"{kept}. Criterion {kept - 1}") in text and squeeze(f"{kept + 1}. Criterion") not in text


def test_export_writes_a_pdf_and_says_the_template_is_not_used(
    library: Library, scoring: LoadedScoring, tmp_path: Path
) -> None:
    template = tmp_path / "house.docx"
    job = PackJob(tmp_path / "post.roledesign", tmp_path / "post-interview-pack.pdf", INTERVIEW, "pdf", template)
    result = export_pack(sample_design(library), job, library, scoring)
    assert result.ok, result.message
    assert job.target.read_bytes().startswith(b"%PDF")
    assert result.warnings == [f"{template} is not used: a template shapes Word files only."]
    assert os.path.getsize(job.target) > 10_000


def test_a_large_panel_is_numbered_in_the_consensus_record(library: Library, scoring: LoadedScoring) -> None:
    """Twelve members' names do not fit across A4: the columns are numbered, and a sentence says whose they are."""
    page = render_interview_html(pack_of(sample_design(library), library, scoring, panel_members=12))
    record = page[page.index(HEADINGS["consensus"]) :]
    assert interviewhtml.NUMBERED_KEY % 12 in record
    assert '<th width="5%" align="left">12</th>' in record and "Panel member 12</th>" not in record
    small = render_interview_html(pack_of(sample_design(library), library, scoring, panel_members=4))
    assert "Panel member 4</th>" in small[small.index(HEADINGS["consensus"]) :]
    assert "numbered columns" not in small
