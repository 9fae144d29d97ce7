"""The preview (HTML, also the PDF's source) and the Word file come from one view model: they agree."""

from __future__ import annotations

import re
from html import unescape

import pytest

from roledesigner.compose import new_design
from roledesigner.documents.html import render_html
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from tests.docxread import heading_levels, open_docx

_H2 = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def _html_headings(html: str) -> list[str]:
    return [" ".join(unescape(_TAGS.sub("", h)).split()) for h in _H2.findall(html)]


def _designs(library: Library) -> list[RoleDesign]:
    return [sample_design(library), new_design(library, "independent_chair"), RoleDesign(title="Blank")]


@pytest.mark.parametrize("which", [0, 1, 2])
def test_same_section_headings_and_criteria(library: Library, which: int) -> None:
    design = _designs(library)[which]
    view = build_view(design, library, "North Shire ICB")
    html = render_html(view, week_picture=False)
    document = open_docx(render_docx(view))
    word_headings = [text for level, text in heading_levels(document) if level == 1]
    assert _html_headings(html) == word_headings == [section.heading for section in view.sections]
    word_criteria = [row.cells[1].text for table in document.tables for row in table.rows[1:]
                     if [c.text for c in table.rows[0].cells][:2] == ["Area", "Criterion"]]  # fmt: skip
    assert word_criteria == [row.criterion for row in view.person_spec]
    flat = " ".join(unescape(_TAGS.sub(" ", html)).split())
    for criterion in word_criteria:
        assert " ".join(criterion.split()) in flat
