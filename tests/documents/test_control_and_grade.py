"""What the job specification says of pay, grading and dimensions, read back from the view and from Word."""

from __future__ import annotations

import pytest

from roledesigner.cli.textreport import design_text
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import Dimensions, RoleDesign
from roledesigner.domain.vocabulary import Terms
from roledesigner.library.catalogue import Library
from tests.support.designs import GOOD, joint_design
from tests.support.docxread import independent_text, open_docx

SCHEMES = {
    Terms.AGENDA_FOR_CHANGE: "Subject to job evaluation under Agenda for Change, through the NHS Job Evaluation Scheme",
    Terms.VSM: "Subject to job evaluation under the very senior manager pay framework",
    Terms.NJC_GREEN_BOOK: "Subject to job evaluation under the NJC job evaluation scheme (Green Book)",
    Terms.JNC_CHIEF_OFFICERS: "Subject to job evaluation under the JNC for Chief Officers",
    Terms.JNC_CHIEF_EXECUTIVES: "Subject to job evaluation under the JNC for Chief Executives",
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
