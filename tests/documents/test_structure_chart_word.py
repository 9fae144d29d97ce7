"""The structure chart in the Word file: its whole alt text, and a page break that leaves no page half empty."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from roledesigner.documents.templatetables import STRUCTURE_CAPTION
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import MAX_PROPERTY, render_docx
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from tests.support.designs import joint_design, partner
from tests.support.docxread import open_docx


def _many_relationships() -> RoleDesign:
    """A joint post with four partners, each with its own line manager, and long reporting lines."""
    partners = [
        partner("North Shire Integrated Care Board", "25", "25", host=True, manager="Director of Strategy"),
        partner("Westtown Metropolitan Borough Council", "25", "25", manager="Director of Adult Social Services"),
        partner("Easttown City Council", "25", "25", manager="Director of Public Health and Wellbeing"),
        partner("North Shire Mental Health NHS Foundation Trust", "25", "25", manager="Chief Operating Officer"),
    ]
    return joint_design(*partners).model_copy(
        update={
            "title": "Joint NHS and council mental health lead",
            "reports_to": ["Director of Place, North Shire Integrated Care Board"],
            "accountable_to": ["Integrated Care Board chief executive", "Health and Wellbeing Board"],
        }
    )


def _chart(document: Any) -> Any:
    for properties in document.element.body.iter(qn("w:tblPr")):
        caption = properties.find(qn("w:tblCaption"))
        if caption is not None and caption.get(qn("w:val")) == STRUCTURE_CAPTION:
            return properties.getparent()
    raise AssertionError("no structure chart in the document")


def test_the_charts_alt_text_is_whole_however_long(library: Library) -> None:
    view = build_view(_many_relationships(), library)
    assert len(view.structure_alt_text) > MAX_PROPERTY
    chart = _chart(open_docx(render_docx(view)))
    description = chart.find(qn("w:tblPr")).find(qn("w:tblDescription")).get(qn("w:val"))
    assert description == view.structure_alt_text
    assert description.endswith("Chief Operating Officer, North Shire Mental Health NHS Foundation Trust.")
    assert "…" not in description


def test_the_chart_keeps_together_but_not_with_the_next_section(library: Library) -> None:
    """Its rows keep with each other (the heading keeps with the chart), the last keeps with nothing.

    Chained to the next section's headings and first lines, LibreOffice pushed the chart and
    the chain to page 2 and left 40 per cent of page 1 empty.
    """
    chart = _chart(open_docx(render_docx(build_view(_many_relationships(), library))))
    rows = chart.findall(qn("w:tr"))
    assert len(rows) == 5  # the header row; accountable to, reports to, the line managers and the post
    for row in rows[:-1]:
        paragraphs = list(row.iter(qn("w:p")))
        assert paragraphs and all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs)
    assert not list(rows[-1].iter(qn("w:keepNext")))
