"""The interview pack: every area assessed at interview, with questions, probes, answers and a scale; sheets."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from roledesigner.documents.packs.interview import NO_AREAS, build_interview_pack
from roledesigner.documents.packs.interviewword import default_template, render_interview_docx
from roledesigner.documents.packs.packexport import INTERVIEW, PackJob, export_pack
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import TemplateError
from roledesigner.documents.word import default_template as specification_template
from roledesigner.domain.models import Criterion, RoleDesign
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, label
from roledesigner.library import scoring as scoring_module
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.library.scoring import LoadedScoring, scoring_for
from tests.support.docxread import heading_levels, independent_text, language, merged_cells, open_docx, repeats_header

ORGANISATION = "North Shire Integrated Care Board"


@pytest.fixture(scope="module")
def scoring(library: Library) -> LoadedScoring:
    return scoring_for(library)


def render(design: RoleDesign, library: Library, scoring: LoadedScoring, **options: Any) -> bytes:
    template = options.pop("template", None)
    logo = options.pop("logo", None)
    pack = build_interview_pack(design, library, scoring, ORGANISATION, **options)
    return render_interview_docx(pack, template, logo)


def body(document: Any) -> list[tuple[str, str, list[str]]]:
    """The body in order: ("p", style, [text]) for a paragraph, ("tbl", "", header cells) for a table."""
    found = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = next(p for p in document.paragraphs if p._p is child)
            found.append(("p", paragraph.style.name, [paragraph.text]))
        elif child.tag == qn("w:tbl"):
            table = next(t for t in document.tables if t._tbl is child)
            found.append(("tbl", "", [cell.text for cell in table.rows[0].cells]))
    return found


def areas(document: Any) -> dict[str, list[tuple[str, str, list[str]]]]:
    """Each numbered area heading ("3. Name") and what follows it up to the next heading."""
    found: dict[str, list[tuple[str, str, list[str]]]] = {}
    current: str | None = None
    for kind, style, texts in body(document):
        if kind == "p" and style.startswith("Heading"):
            current = texts[0] if style == "Heading 2" and re.match(r"\d+\. ", texts[0]) else None
            if current:
                found[current] = []
        elif current:
            found[current].append((kind, style, texts))
    return found


def expected_at_interview(design: RoleDesign, library: Library) -> list[str]:
    """The person-specification wording of every row assessed at interview or presentation, in the
    order the job specification prints them (read from its own view model, not the pack's)."""
    view = build_view(design, library)
    methods = (label(Assessment.INTERVIEW), label(Assessment.PRESENTATION))
    return [row.criterion for row in view.person_spec if any(m in row.assessed_by for m in methods)]


def mixed_design(library: Library) -> RoleDesign:
    """Some capabilities at interview, one by presentation, one only from the application; own criteria."""
    design = sample_design(library)
    items = list(design.capabilities)
    items[0] = items[0].model_copy(update={"assessed_by": [Assessment.APPLICATION]})
    items[1] = items[1].model_copy(update={"assessed_by": [Assessment.PRESENTATION]})
    criteria = [
        Criterion(category=CriterionCategory.KNOWLEDGE, text="Knowledge of the Care Act 2014 & its duties."),
        Criterion(
            category=CriterionCategory.OTHER, text="A full driving licence.", assessed_by=[Assessment.APPLICATION]
        ),
    ]
    return design.model_copy(update={"capabilities": items, "criteria": [*design.criteria, *criteria]})


def test_every_area_at_interview_is_there_in_order_with_questions_and_a_score(
    library: Library, scoring: LoadedScoring
) -> None:
    design = mixed_design(library)
    document = open_docx(render(design, library, scoring))
    found = areas(document)
    pack = build_interview_pack(design, library, scoring)
    spec_areas = [
        name for name in found if not any(name.endswith(a.short_name) for s in pack.standards for a in s.areas)
    ]
    expected = expected_at_interview(design, library)
    assert len(spec_areas) == len(expected) >= 10
    for name, criterion in zip(spec_areas, expected, strict=True):
        parts = found[name]
        person_spec = next(
            texts[0] for kind, _, texts in parts if kind == "p" and texts[0].startswith("Person specification: ")
        )
        assert " ".join(criterion.split()) in person_spec, name
        questions = [texts[0] for kind, _, texts in parts if kind == "p" and texts[0].startswith("Question ")]
        assert 2 <= len(questions) <= 3, name
        tables = [texts for kind, _, texts in parts if kind == "tbl"]
        assert tables == [["Score (0 to 4)", "Notes"]], name
        leads = [texts[0] for kind, style, texts in parts if style == "Lead-in"]
        assert leads == ["Questions:", "Follow-up probes:", "A strong answer shows:", "A weak answer:"], name
    # Only what is assessed at interview or presentation: the application-only capability is not there.
    application_only = library.capabilities[design.capabilities[0].id].name
    assert not any(application_only in name for name in found)
    assert not any(name.endswith("A full driving licence.") for name in found)
    presentation = library.capabilities[design.capabilities[1].id].name
    assert any(name.endswith(presentation) for name in found)


def test_the_library_questions_and_indicators_reach_the_panel(library: Library, scoring: LoadedScoring) -> None:
    design = new_design(library, "ics_executive_lead")
    text = " ".join(independent_text(render(design, library, scoring)).split())
    for item in design.capabilities:
        capability = library.capabilities[item.id]
        for question in capability.interview_questions[:3]:
            assert " ".join(question.split()) in text, item.id
        for indicator in capability.indicators:
            assert " ".join(indicator.split()) in text, item.id
        # Derived plainly from the indicators: a weak answer lacks the first, a probe asks for another.
        first = capability.indicators[0]
        assert f"Nothing in the answer shows that the candidate {first[0].lower()}{first[1:]}" in text, item.id
    assert "(scie2021)" not in text and "(timmins2015)" not in text, "source ids are for researchers"


def test_the_rating_scale_is_named_and_anchored(library: Library, scoring: LoadedScoring) -> None:
    document = open_docx(render(sample_design(library), library, scoring))
    scale = scoring.scoring.interview_scale
    table = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Score", "Rating", "What it looks like"]
    )
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [(int(r[0]), r[1]) for r in rows] == [(level.score, level.label) for level in scale.levels]
    assert all(len(r[2].split()) >= 8 for r in rows)
    assert any("five-point interview scale (0 to 4), from the bundled library" in p.text for p in document.paragraphs)


def test_a_sheet_per_panel_member_and_a_consensus_record(library: Library, scoring: LoadedScoring) -> None:
    design = sample_design(library)
    pack = build_interview_pack(design, library, scoring, panel_members=4)
    document = open_docx(render(design, library, scoring, panel_members=4))
    headings = [text for level, text in heading_levels(document) if level == 2]
    assert [h for h in headings if h.startswith("Panel member ")] == [f"Panel member {n}" for n in range(1, 5)]
    sheets = [t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Area", "Score (0 to 4)", "Notes"]]
    assert len(sheets) == 4
    names = [f"{area.number}. {area.short_name}" for area in pack.all_areas]
    for sheet in sheets:
        assert [row.cells[0].text for row in sheet.rows[1:]] == [*names, "Total"]
    consensus = next(t for t in document.tables if t.rows[0].cells[-1].text == "Agreed score")
    assert [c.text for c in consensus.rows[0].cells] == [
        "Area",
        *(f"Panel member {n}" for n in range(1, 5)),
        "Agreed score",
    ]
    assert [row.cells[0].text for row in consensus.rows[1:]] == [*names, "Total"]
    decision = next(t for t in document.tables if t.rows[0].cells[0].text == "Decision")
    assert [row.cells[0].text for row in decision.rows[1:]] == scoring.scoring.interview_guidance.decisions
    signatures = next(t for t in document.tables if t.rows[0].cells[0].text == "Panel member")
    assert [c.text for c in signatures.rows[0].cells] == ["Panel member", "Name", "Role", "Signature", "Date"]
    assert len(signatures.rows) == 5


def _person_spec_line(parts: list[tuple[str, str, list[str]]]) -> str:
    return next((t[0] for kind, _, t in parts if kind == "p" and t[0].startswith("Person specification: ")), "")


def test_a_criterion_that_asks_for_a_standard_is_assessed_through_its_areas(
    library: Library, scoring: LoadedScoring
) -> None:
    standards = {s.id: s for s in scoring.scoring.standards}
    framework, values = standards["nhs_leadership_competency_framework"], standards["nhs_values"]
    design = new_design(library, "independent_chair")  # its criteria ask for the framework and the NHS values
    asks = next(c.text for c in design.criteria if "competency framework" in c.text)
    document = open_docx(render(design, library, scoring))
    found = areas(document)
    names = list(found)
    domains = [n for n in names if any(n.endswith(f". {area.name}") for area in framework.areas)]
    assert len(domains) == 6, "each domain once"
    first = names.index(domains[0])
    assert names[first : first + 6] == domains, "together, in the criterion's place"
    assert all(asks in _person_spec_line(found[name]) for name in domains)
    for area in framework.areas:
        parts = found[next(n for n in names if n.endswith(f". {area.name}"))]
        questions = [t[0] for kind, _, t in parts if t[0].startswith("Question ")]
        assert questions == [f"Question {n}. {q}" for n, q in enumerate(area.interview_questions, start=1)]
    assert [n for n in names if n.endswith(". The NHS values")] != []
    assert not any("NHS Constitution values" in n for n in names), "the values criterion became the values area"
    top = [text for level, text in heading_levels(document) if level == 1]
    assert framework.name not in top and values.name not in top, "not a second time after the person specification"


def test_a_board_or_nhs_post_with_no_such_criterion_gets_the_standards_after(
    library: Library, scoring: LoadedScoring
) -> None:
    standards = {s.id: s for s in scoring.scoring.standards}
    framework, values = standards["nhs_leadership_competency_framework"], standards["nhs_values"]
    chief = RoleDesign(title="Chief executive", employer="North Shire NHS Foundation Trust")
    document = open_docx(render(chief, library, scoring))
    top = [text for level, text in heading_levels(document) if level == 1]
    assert top.index(framework.name) < top.index(values.name) < top.index("Panel member scoring sheets")
    assert [name.split(". ", 1)[1] for name in areas(document)] == [
        *(area.name for area in framework.areas),
        *(area.name for area in values.areas),
    ]
    council = RoleDesign(title="Transformation programme lead", employer="Westtown Council")
    plain = [text for level, text in heading_levels(open_docx(render(council, library, scoring))) if level == 1]
    assert framework.name not in plain and values.name not in plain


def test_the_designs_own_criterion_gets_the_areas_general_questions(library: Library, scoring: LoadedScoring) -> None:
    own = Criterion(category=CriterionCategory.KNOWLEDGE, text="Knowledge of the Care Act 2014 & its duties.")
    design = RoleDesign(title="Care lead", criteria=[own])
    found = areas(open_docx(render(design, library, scoring)))
    assert list(found) == ["1. Knowledge of the Care Act 2014 & its duties."]
    questions = [
        texts[0]
        for kind, _, texts in found["1. Knowledge of the Care Act 2014 & its duties."]
        if texts[0].startswith("Question ")
    ]
    general = scoring.scoring.interview_guidance.criterion_questions[CriterionCategory.KNOWLEDGE]
    assert questions == [f"Question {n}. {q}" for n, q in enumerate(general, start=1)]


def test_a_design_with_nothing_at_interview_says_so_in_a_sentence(library: Library, scoring: LoadedScoring) -> None:
    document = open_docx(render(RoleDesign(title="Blank post"), library, scoring))
    text = [p.text for p in document.paragraphs]
    assert NO_AREAS in text
    assert areas(document) == {}
    assert not any(t.startswith("Panel member") for t in text)
    # No table waits empty: the only table is the rating scale, which has a row for every point.
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 1 + len(scoring.scoring.interview_scale.levels)


def test_accessibility_title_headings_language_tables(library: Library, scoring: LoadedScoring) -> None:
    document = open_docx(render(new_design(library, "independent_chair"), library, scoring))
    levels = heading_levels(document)
    assert [level for level, _ in levels].count(0) == 1 and levels[0] == (
        0,
        "Independent chair of an integrated care system",
    )
    for (before, _), (after, text) in itertools.pairwise(levels):
        assert after <= before + 1, f"'{text}' skips a level"
    assert language(document) == "en-GB"
    properties = document.core_properties
    assert properties.title == "Interview pack: Independent chair of an integrated care system"
    assert properties.language == "en-GB" and properties.subject == "Interview pack"
    assert document.tables and all(repeats_header(table) for table in document.tables)
    assert merged_cells(document) == 0


def test_header_and_footer_name_the_organisation_and_the_pack(library: Library, scoring: LoadedScoring) -> None:
    logo = next((Path(__file__).resolve().parents[2] / "packaging").rglob("*.png")).read_bytes()
    data = render(sample_design(library), library, scoring, logo=logo)
    document = open_docx(data)
    section = document.sections[0]
    header = " ".join(p.text for p in section.header.paragraphs)
    footer = " ".join(p.text for p in section.footer.paragraphs)
    assert ORGANISATION in header and "[" not in header
    assert (
        "Interview pack: Joint NHS and council mental health lead, version 1" in footer and "[document]" not in footer
    )
    alt = [
        p.get("descr")
        for p in section.header._element.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
        )
    ]
    assert alt == [f"{ORGANISATION} logo"]


def test_hostile_text_is_cleaned_and_escaped(library: Library, scoring: LoadedScoring) -> None:
    hostile = "A & B <b>bold</b> {{ x }} \x07\x1b end [organisation]"
    design = RoleDesign(title=hostile, criteria=[Criterion(text=hostile)])
    document = open_docx(render(design, library, scoring))
    assert document.paragraphs[0].text == "A & B <b>bold</b> {{ x }}  end [organisation]"
    assert "1. A & B <b>bold</b> {{ x }} end [organisation]" in areas(document)
    footer = document.sections[0].footer.paragraphs[0].text
    assert "Interview pack: A & B <b>bold</b> {{ x }}  end [organisation], version 1" in footer


def test_a_restyled_template_without_the_packs_styles_still_works(
    library: Library, scoring: LoadedScoring, tmp_path: Path
) -> None:
    bare = tmp_path / "bare.docx"
    Document().save(str(bare))  # python-docx's own: no Lead-in style, no markers
    document = open_docx(render(sample_design(library), library, scoring, template=bare))
    assert any(p.text == "Questions:" for p in document.paragraphs)
    # The job specification's own template (docxtpl tags and all) lends its styles; its tags are cleared.
    spec = open_docx(render(sample_design(library), library, scoring, template=specification_template()))
    assert not any("{{" in p.text or "{%" in p.text for p in spec.paragraphs)


def test_a_template_that_is_not_word_is_refused_in_a_sentence(
    library: Library, scoring: LoadedScoring, tmp_path: Path
) -> None:
    fake = tmp_path / "house.docx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match=r"^The Word template .*house\.docx is not a Word \(\.docx\) file\.$"):
        render(sample_design(library), library, scoring, template=fake)
    with pytest.raises(TemplateError, match=r"does not exist\.$"):
        render(sample_design(library), library, scoring, template=tmp_path / "missing.docx")


def test_a_template_that_would_unpack_to_too_much_is_not_opened(
    library: Library, scoring: LoadedScoring, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/big.bin", b"\0" * (129 * 1024 * 1024))  # a few hundred KB packed
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(TemplateError, match=r"bomb\.docx unpacks to more than a template can hold"):
        render(sample_design(library), library, scoring, template=bomb)


def test_export_writes_the_file_and_a_bad_target_is_one_sentence(
    library: Library, scoring: LoadedScoring, tmp_path: Path
) -> None:
    job = PackJob(tmp_path / "post.roledesign", tmp_path / "post-interview-pack.docx", INTERVIEW, "docx")
    result = export_pack(sample_design(library), job, library, scoring)
    assert result.ok, result.message
    assert open_docx(job.target.read_bytes()).paragraphs[0].text == "Joint NHS and council mental health lead"
    blocked = PackJob(job.source, tmp_path / "no such folder" / "x.docx", INTERVIEW, "docx")
    failed = export_pack(sample_design(library), blocked, library, scoring)
    assert not failed.ok and "x.docx" in failed.message and "\n" not in failed.message
    as_xlsx = export_pack(
        sample_design(library), PackJob(job.source, tmp_path / "x.xlsx", INTERVIEW, "xlsx"), library, scoring
    )
    assert (
        not as_xlsx.ok
        and as_xlsx.message == "The interview pack cannot be exported as xlsx; it is made as docx or pdf."
    )
    assert not (tmp_path / "x.xlsx").exists()


def test_a_broken_install_of_the_scales_is_a_sentence_not_a_fault(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scoring_module, "library_dir", lambda: tmp_path)
    (tmp_path / "scoring.yaml").write_text("interview_scale: broken\n", encoding="utf-8")
    job = PackJob(tmp_path / "post.roledesign", tmp_path / "post.docx", INTERVIEW, "docx")
    result = export_pack(sample_design(library), job, library)
    assert not result.ok and "internal fault" not in result.message
    assert result.message.startswith("Role Designer's scoring scales") and result.message.endswith("reinstall the app.")
    assert not job.target.exists()


def test_the_bundled_template_is_style_only(tmp_path: Path) -> None:
    document = Document(str(default_template()))
    assert [p.text for p in document.paragraphs] == []
    header = document.sections[0].header.paragraphs[0].text
    assert "[organisation]" in header and "[logo]" in header
    assert "[document]" in document.sections[0].footer.paragraphs[0].text
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "Lead-in", "Table Grid"):
        assert name in [style.name for style in document.styles]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_pack_of_every_role(library: Library, scoring: LoadedScoring, tmp_path: Path) -> None:
    roles = ["independent_chair", "joint_mental_health_lead", "system_data_scientist"]
    for role_id in roles:
        (tmp_path / f"{role_id}.docx").write_bytes(render(new_design(library, role_id), library, scoring))
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *(str(tmp_path / f"{r}.docx") for r in roles)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    for role_id in roles:
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "pdf" / f"{role_id}.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Panel consensus record" in " ".join(text.split()), role_id
        assert "Page 1 of" in text and ORGANISATION in text
