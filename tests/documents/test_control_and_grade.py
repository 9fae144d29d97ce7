"""What the job specification says of pay, grading and dimensions, read back from the view and from Word."""

from __future__ import annotations

import datetime as dt

import pytest
from docx.oxml.ns import qn

from roledesigner.cli.textreport import design_text
from roledesigner.documents.filenames import export_file_name
from roledesigner.documents.viewmodel import Section, build_view
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import Dimensions, RoleDesign, SignOff, UnmappedBlock
from roledesigner.domain.vocabulary import Decision, Status, Terms, label
from roledesigner.files.settings import Settings
from roledesigner.library.catalogue import Library
from tests.support.designs import GOOD, joint_design
from tests.support.docxread import independent_text, open_docx

SCHEMES = {
    Terms.AGENDA_FOR_CHANGE: "Subject to job evaluation under Agenda for Change, through the NHS Job Evaluation Scheme",
    Terms.VSM: "Subject to job evaluation under the very senior manager (VSM) pay framework",
    Terms.NJC_GREEN_BOOK: (
        "Subject to job evaluation under the National Joint Council (NJC) job evaluation scheme (Green Book)"
    ),
    Terms.JNC_CHIEF_OFFICERS: "Subject to job evaluation under the Joint Negotiating Committee (JNC) for Chief Officers",
    Terms.JNC_CHIEF_EXECUTIVES: "Subject to job evaluation under the Joint Negotiating Committee (JNC) for Chief Executives",
}


def rows(design: RoleDesign, library: Library) -> dict[str, str]:
    return {row.label: row.value for row in build_view(design, library).details}


def flat(data: bytes) -> str:
    return " ".join(independent_text(data).split())


@pytest.mark.parametrize(("terms", "said"), list(SCHEMES.items()))
def test_an_ungraded_post_names_the_scheme_that_will_grade_it(terms: Terms, said: str, library: Library) -> None:
    design = RoleDesign(title="Director of integration", terms=terms)
    assert rows(design, library)["Grade"] == said
    assert said in flat(render_docx(build_view(design, library)))
    assert said in " ".join(design_text(design, library).split())


@pytest.mark.parametrize("terms", [None, Terms.OTHER])
def test_with_no_framework_named_the_grade_waits_for_evaluation_alone(terms: Terms | None, library: Library) -> None:
    found = rows(RoleDesign(title="Director of integration", terms=terms), library)
    assert found["Grade"] == "Subject to job evaluation"
    assert "Pay and conditions" not in found


def test_a_grade_given_is_shown_as_written(library: Library) -> None:
    found = rows(RoleDesign(title="Director", grade="Band 9", terms=Terms.AGENDA_FOR_CHANGE), library)
    assert found["Grade"] == "Band 9"
    assert found["Pay and conditions"] == "Agenda for Change"


def test_a_joint_post_is_graded_by_its_host_partners_scheme(library: Library) -> None:
    design = joint_design(*GOOD)
    assert design.joint is not None
    partners = [
        p.model_copy(update={"terms": Terms.VSM if p.host else Terms.NJC_GREEN_BOOK}) for p in design.joint.partners
    ]
    joint = design.joint.model_copy(update={"partners": partners})
    design = design.model_copy(update={"grade": "", "terms": Terms.AGENDA_FOR_CHANGE, "joint": joint})
    assert rows(design, library)["Grade"] == SCHEMES[Terms.VSM]


def test_the_dimensions_are_shown_when_filled_and_left_out_when_not(library: Library) -> None:
    empty = build_view(RoleDesign(title="Director"), library)
    assert not empty.has("dimensions") and empty.dimensions == []
    design = RoleDesign(
        title="Director",
        dimensions=Dimensions(budget="£12 million a year", staff_managed="", decisions="Commissions services to £1m"),
    )
    view = build_view(design, library)
    assert view.has("dimensions")
    assert [(row.label, row.value) for row in view.dimensions] == [
        ("Budget", "£12 million a year"),
        ("Decisions made alone", "Commissions services to £1m"),
    ]
    document = open_docx(render_docx(view))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Dimensions" in headings
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Dimension")
    assert [[c.text for c in row.cells] for row in table.rows[1:]] == [
        ["Budget", "£12 million a year"],
        ["Decisions made alone", "Commissions services to £1m"],
    ]
    assert "Staff managed" not in flat(render_docx(view))
    assert "Budget: £12 million a year" in design_text(design, library)


# --- document control, sign-offs, the draft mark and file names (issue 16) ----------------------


def header_text(data: bytes) -> str:
    document = open_docx(data)
    return " ".join(" ".join(p.text for p in s.header.paragraphs) for s in document.sections)


def signed_design() -> RoleDesign:
    return RoleDesign(
        title="Place director",
        version="2.1",
        author="Sam Patel",
        updated=dt.date(2026, 11, 22),
        signoffs=[
            SignOff(
                organisation="North Shire ICB",
                name="Jo Bloggs",
                role="Chief people officer",
                decision=Decision.APPROVED,
                date=dt.date(2026, 11, 20),
                version="2.1",
                comment="Agreed at the people committee.",
            ),
            SignOff(organisation="Westtown Council"),
        ],
    )


def test_the_document_ends_with_its_control_table_and_sign_offs(library: Library) -> None:
    view = build_view(signed_design(), library)
    assert view.sections[-1].key == "control" and view.sections[-1].heading == "Document control"
    assert [(row.label, row.value) for row in view.control] == [
        ("Version", "2.1"),
        ("Status", "Draft"),
        ("Date", "22 November 2026"),
        ("Author", "Sam Patel"),
    ]
    document = open_docx(render_docx(view))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Document control"
    tables = {t.rows[0].cells[0].text: t for t in document.tables}
    signoffs = [[c.text for c in row.cells] for row in tables["Organisation"].rows]
    assert signoffs == [
        ["Organisation", "Signed off by", "Decision", "Comment"],
        [
            "North Shire ICB",
            "Jo Bloggs, Chief people officer",
            "Approved, 20 November 2026 (version 2.1)",
            "Agreed at the people committee.",
        ],
        ["Westtown Council", "Not named", "Pending", ""],
    ]
    control = next(t for t in document.tables if [c.text for c in t.rows[1].cells] == ["Version", "2.1"])
    assert [c.text for c in control.rows[-1].cells] == ["Author", "Sam Patel"]
    assert "Sign-off by each organisation" not in flat(render_docx(build_view(RoleDesign(title="A"), library)))


@pytest.mark.parametrize(
    ("status", "show", "mark"),
    [
        (Status.DRAFT, True, "Draft"),
        (Status.SUBMITTED_FOR_EVALUATION, True, "Draft"),
        (Status.EVALUATED, True, "Draft"),
        (Status.APPROVED, True, ""),
        (Status.ADVERTISED, True, ""),
        (Status.DRAFT, False, ""),
    ],
)
def test_the_header_says_draft_until_the_post_is_approved(
    status: Status, show: bool, mark: str, library: Library
) -> None:
    view = build_view(RoleDesign(title="Place director", status=status), library, show_draft=show)
    assert view.draft_mark == mark
    data = render_docx(view)
    assert ("Draft" in header_text(data)) is bool(mark)
    assert open_docx(data).core_properties.content_status == (mark or label(status))


def test_the_draft_mark_and_file_name_are_settings_with_the_agreed_defaults() -> None:
    assert Settings().show_draft_mark is True
    assert Settings().file_name == "{organisation} {title} v{version}"
    assert Settings.model_validate({"show_draft_mark": False}).show_draft_mark is False


def test_an_export_is_named_by_the_pattern(library: Library) -> None:
    design = RoleDesign(title="Place director", version="2", employer="Westtown Council", job_reference="WT/104")
    assert export_file_name(design, ".docx", "North Shire ICB") == "North Shire ICB Place director v2.docx"
    assert export_file_name(design, "pdf") == "Westtown Council Place director v2.pdf"
    assert (
        export_file_name(design, ".docx", pattern="{reference} {title} ({status})")
        == "WT 104 Place director (Draft).docx"
    )
    assert export_file_name(RoleDesign(title="Lead"), ".docx") == "Lead v1.docx"


@pytest.mark.parametrize(
    "title",
    ['Director: health/care <"joint"> | a*b?', "CON", "...", "\x00\x07", "x" * 300, "Lead {title.__class__}"],
)
def test_every_export_name_is_one_a_file_system_accepts(title: str) -> None:
    name = export_file_name(RoleDesign(title=title), ".docx", pattern="{title}")
    stem = name.removesuffix(".docx")
    assert len(name) <= 90
    assert not set('<>:"/\\|?*') & set(name) and all(ord(c) >= 32 for c in name)
    assert stem and stem == stem.strip(" .") and stem.upper() != "CON"
    assert "class '" not in name


def test_a_pattern_cannot_reach_into_python() -> None:
    """Only whole known names are filled in: anything else in braces stays as it was written."""
    name = export_file_name(RoleDesign(title="Lead"), ".docx", pattern="{title.__class__} {version!r:>9} {nope}")
    assert name == "{title.__class__} {version!r 9} {nope}.docx"


# --- imported text not yet placed (issue 14) ----------------------------------------------------


def imported_design() -> RoleDesign:
    return RoleDesign(
        title="Place director",
        unmapped=[
            UnmappedBlock(text="Drives  a pool car\nbetween sites.", heading="Other duties", source="table 2, row 3"),
            UnmappedBlock(text="Holds the keys to the archive."),
        ],
    )


def test_imported_text_not_yet_placed_comes_first_and_marked(library: Library) -> None:
    view = build_view(imported_design(), library)
    assert view.sections[0] == Section("unmapped", "Imported text not yet placed")
    assert [(u.text, u.heading, u.source) for u in view.unmapped] == [
        ("Drives a pool car between sites.", "Other duties", "table 2, row 3"),
        ("Holds the keys to the archive.", "", ""),
    ]
    assert view.unmapped_note.startswith("This text came from the imported job description")
    document = open_docx(render_docx(view))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    first = paragraphs.index(("Heading 1", "Imported text not yet placed"))
    assert paragraphs[first + 1] == ("Lead-in", view.unmapped_note)
    marked = [text for style, text in paragraphs if style == "Imported text"]
    assert marked == ["Drives a pool car between sites.", "Holds the keys to the archive."]
    assert ("Lead-in", "Other duties · table 2, row 3") in paragraphs
    assert first < paragraphs.index(("Heading 1", "Job details"))
    left = document.styles["Imported text"].element.pPr.find(qn("w:pBdr")).find(qn("w:left"))
    assert left.get(qn("w:color")) == "DA291C"


def test_a_design_with_nothing_left_over_has_no_such_section(library: Library) -> None:
    view = build_view(RoleDesign(title="Place director"), library)
    assert not view.has("unmapped") and view.unmapped_note == ""
    assert "Imported text not yet placed" not in flat(render_docx(view))
