"""The preview (HTML, also the PDF's source) and the Word file come from one view model: they agree."""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from html import unescape
from typing import Any

import pytest

from roledesigner.documents.html import render_html
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from tests.support.docxread import heading_levels, open_docx

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


# --- the same type in both ----------------------------------------------------------------------


def _word_format(document: Any, text: str) -> tuple[float, bool, bool]:
    """Size in points, bold and italic of the first paragraph with this text, through its styles."""
    paragraphs = [*document.paragraphs]
    for table in document.tables:
        paragraphs += [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    paragraph = next(p for p in paragraphs if " ".join(p.text.split()) == text)
    run = paragraph.runs[0].font if paragraph.runs else None

    def first(attribute: str) -> Any:
        if run is not None and getattr(run, attribute) is not None:
            return getattr(run, attribute)
        style = paragraph.style
        while style is not None:
            if getattr(style.font, attribute) is not None:
                return getattr(style.font, attribute)
            style = style.base_style
        return None

    size = first("size")
    return (size.pt if size is not None else 0.0, bool(first("bold")), bool(first("italic")))


def _pdf_formats(view: Any) -> dict[str, tuple[float, bool, bool]]:
    """Each block's text with its first fragment's size, bold and italic, as the PDF lays it out."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF

    from roledesigner.documents import pdf
    from roledesigner.documents.weekpicture import _ensure_gui

    _ensure_gui()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf._writer(buffer, view.document_title, view.author)
    document = pdf._document(render_html(view, week_picture=False), writer, QRectF(0, 0, 4000, 6000), {})
    formats: dict[str, tuple[float, bool, bool]] = {}
    block = document.begin()
    while block.isValid():
        fragment = block.begin().fragment()
        if fragment.isValid():
            font = fragment.charFormat().font()
            formats.setdefault(" ".join(block.text().split()), (font.pointSizeF(), font.bold(), font.italic()))
        block = block.next()
    buffer.close()
    return formats


def test_word_and_pdf_use_the_same_type(library: Library) -> None:
    from tests.support.designs import full_design

    view = build_view(full_design(library), library, "North Shire ICB")
    document = open_docx(render_docx(view))
    pdf = _pdf_formats(view)
    capability = view.capability_domains[0].capabilities[0]
    texts = [
        view.title,
        view.sections[0].heading,
        view.responsibilities[0].heading,
        view.purpose[0],
        view.responsibilities[0].lines[0],
        "What good looks like:",
        view.person_spec[0].criterion,
        view.details[0].label,
    ]
    found = {text: (_word_format(document, text), pdf[text]) for text in texts}
    word_capability = _word_format(document, f"{capability.name} ({capability.requirement.lower()})")
    found[capability.name] = (word_capability, pdf[f"{capability.name} ({capability.requirement.lower()})"])
    assert {text: word for text, (word, _) in found.items()} == {text: qt for text, (_, qt) in found.items()}


@pytest.mark.parametrize(
    ("organisation", "employer", "subtitle"),
    [
        ("", "Westtown City Council", "Job description and person specification · Westtown City Council"),
        ("North Shire ICB", "Westtown City Council", "Job description and person specification · North Shire ICB"),
        ("", "  ", "Job description and person specification"),
    ],
)
def test_the_subtitle_names_the_employer_in_both(
    library: Library, tmp_path: Any, organisation: str, employer: str, subtitle: str
) -> None:
    from roledesigner.documents.pdf import render_pdf
    from tests.support.pdftext import pdf_text

    design = new_design(library, "independent_chair").model_copy(update={"employer": employer, "title": "ICS chair"})
    view = build_view(design, library, organisation)
    document = open_docx(render_docx(view))
    assert document.paragraphs[0].text == view.title
    assert document.paragraphs[1].text == subtitle
    text = unicodedata.normalize("NFKC", pdf_text(render_pdf(view, week_png=None), tmp_path))  # ligatures apart
    lines = [" ".join(line.split()) for line in text.splitlines()]
    title_line = lines.index(view.title)
    assert lines[title_line + 1] == subtitle


def test_hours_are_rounded_alike_in_words_the_picture_and_its_alt_text(library: Library) -> None:
    """9.375 hours reads "about 9.4 hours" wherever it is written; exact figures stay exact."""
    from decimal import Decimal

    from roledesigner.documents.weekchart import segment_label
    from tests.support.designs import full_design

    design = full_design(library)
    assert design.joint is not None
    partners = [
        design.joint.partners[0].model_copy(update={"time_percent": Decimal("33.33")}),
        design.joint.partners[1].model_copy(update={"time_percent": Decimal("66.67")}),
    ]
    design = design.model_copy(update={"joint": design.joint.model_copy(update={"partners": partners})})
    view = build_view(design, library, "North Shire ICB")
    html = " ".join(unescape(_TAGS.sub(" ", render_html(view, week_picture=True))).split())
    word = " ".join(open_docx(render_docx(view)).element.body.xpath("string(.)").split())
    for text in (html, word, view.week_alt_text):
        assert re.findall(r"about \d+\.\d\d hours", text) == [], text
    assert "about 12.5 hours a week (33.33 per cent)" in html and "about 12.5 hours a week (33.33 per cent)" in word
    assert "18.75 hours" in view.week_alt_text  # exact: shown as it is
    assert segment_label(Fraction(75, 8)) == "about 9.4 hours"
    assert segment_label(Fraction(75, 8), short=True) == "about 9.4 h"
    assert segment_label(Fraction(75, 4)) == "18.75 hours"
    assert segment_label(Fraction(1)) == "1 hour"


# --- the drawn tables: the same rows in Word and in the HTML (PDF and preview) ----------------------

_ROW = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S)


def _html_rows(html: str) -> list[list[str]]:
    return [
        [" ".join(unescape(_TAGS.sub("", cell)).split()) for cell in _CELL.findall(row)] for row in _ROW.findall(html)
    ]


def _word_tables(document: Any) -> list[list[list[str]]]:
    return [[[" ".join(cell.text.split()) for cell in row.cells] for row in table.rows] for table in document.tables]


def _contains(rows: list[list[str]], table: list[list[str]]) -> bool:
    return any(rows[start : start + len(table)] == table for start in range(len(rows) - len(table) + 1))


@pytest.mark.parametrize("partners", [2, 5])
def test_the_partner_table_the_chart_and_the_week_are_the_same_in_word_and_pdf(library: Library, partners: int) -> None:
    from decimal import Decimal

    from roledesigner.domain.models import Partner
    from roledesigner.domain.vocabulary import Sector

    design = sample_design(library)
    assert design.joint is not None
    if partners != 2:
        share = Decimal(100) / partners
        others = [
            Partner(
                organisation=f"Partner {i}",
                sector=Sector.LOCAL_AUTHORITY,
                host=i == 0,
                funding_percent=share,
                time_percent=share,
                line_manager=f"Manager {i}",
                honorary_contract=i % 2 == 1,
            )
            for i in range(partners)
        ]
        design = design.model_copy(update={"joint": design.joint.model_copy(update={"partners": others})})
    view = build_view(design, library, "North Shire ICB")
    word = _word_tables(open_docx(render_docx(view)))
    html = _html_rows(render_html(view, week_picture=False))
    drawn = [
        table
        for table in word
        if table[0][0] in ("Item", "Organisation", "Level", "Monday") and table[0][:2] != ["Item", "Detail"]
    ]
    assert len(drawn) == 3  # the structure chart, the week, the partners
    for table in drawn:
        assert _contains(html, table), table[0]
    facts = next(table for table in drawn if table[0][0] in ("Item", "Organisation"))
    text = " ".join(cell for row in facts for cell in row)
    for fact in ("Sector", "Honorary contract", "Staffing route", "Local authority"):
        assert fact in text
