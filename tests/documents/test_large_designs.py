"""Designs far larger than any real post: every output stays whole, and the preview says what it leaves out.

How long each takes is measured (see the report of issue 19 and `make bench`), never asserted.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from roledesigner.documents.html import LIST_RUN, PARTNER_COLUMNS, render_html
from roledesigner.documents.partnerfacts import PARTNER_FACTS
from roledesigner.documents.pdf import render_pdf
from roledesigner.documents.pdffit import fit_for_pdf
from roledesigner.documents.preview import PREVIEW_CHARACTERS, PREVIEW_ITEMS, preview_view
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.weekchart import MAX_PARTNER_BARS, week_chart
from roledesigner.documents.weekpicture import render_png
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import Criterion, Partner, Responsibility, RoleDesign
from roledesigner.domain.timeplan import week
from roledesigner.domain.vocabulary import Sector
from roledesigner.library.catalogue import Library
from tests.support.docxread import independent_text
from tests.support.pdftext import pdf_text


def _with_partners(design: RoleDesign, count: int) -> RoleDesign:
    share = (Decimal(100) / count).quantize(Decimal("0.0001"))
    partners = [
        Partner(organisation=f"Partner {i}", sector=Sector.ICB, host=i == 0, funding_percent=share, time_percent=share)
        for i in range(count)
    ]
    assert design.joint is not None
    return design.model_copy(update={"joint": design.joint.model_copy(update={"partners": partners})})


def _with_responsibilities(design: RoleDesign, count: int) -> RoleDesign:
    items = [Responsibility(text=f"Lead system work item {i} across the partners.") for i in range(count)]
    return design.model_copy(update={"responsibilities": items})


def test_the_week_picture_draws_at_most_its_bars_and_the_rest_share_one(library: Library) -> None:
    """20,000 partners once made a picture 1.6 million pixels tall (7.6 GB): now nine bars that add up."""
    design = _with_partners(sample_design(library), 20)
    chart = week_chart(design)
    assert len(chart.bars) == 1 + MAX_PARTNER_BARS
    assert [bar.label for bar in chart.bars[1:-1]] == [f"Partner {i}" for i in range(MAX_PARTNER_BARS - 1)]
    assert chart.bars[-1].label == "13 other partners"
    assert sum((bar.total for bar in chart.bars[1:]), Fraction(0)) == week(design.time).contracted_hours
    assert "13 other partners" in chart.alt_text and "Partner 7," not in chart.alt_text
    assert len(week_chart(_with_partners(sample_design(library), MAX_PARTNER_BARS)).bars) == 1 + MAX_PARTNER_BARS
    png = render_png(week_chart(_with_partners(sample_design(library), 20_000)), width=600)
    assert len(png) < 200_000


def test_long_lists_are_written_as_runs_of_short_html_lists(library: Library) -> None:
    """Qt lays out one long list in time that grows with its square; runs of short ones, in linear time."""
    count = 2 * LIST_RUN + 5
    view = build_view(_with_responsibilities(sample_design(library), count), library)
    page = render_html(view, week_picture=False)
    assert page.count('<ul class="run">') >= 2
    items = re.findall(r"<li>Lead system work item (\d+) across", page)
    assert [int(i) for i in items] == list(range(count))


def test_many_partners_get_a_row_each_as_in_word(library: Library) -> None:
    """A few partners side by side; more, a row each in one table (thousands of tables paged slowly)."""
    few = render_html(build_view(_with_partners(sample_design(library), PARTNER_COLUMNS), library), week_picture=False)
    assert re.findall(r"<th width=\"\d+%\" align=\"left\">(Partner \d+)</th>", few) == [
        f"Partner {i}" for i in range(PARTNER_COLUMNS)
    ]
    many = render_html(build_view(_with_partners(sample_design(library), 9), library), week_picture=False)
    rows = re.findall(r"<tr><td>(Partner \d+)</td><td>([^<]+)</td>", many)
    # One table, a row per fact of each partner: the same facts as the side-by-side table, in order.
    assert [name for name, _ in rows] == [f"Partner {i}" for i in range(9) for _ in PARTNER_FACTS]
    assert [fact for _, fact in rows[: len(PARTNER_FACTS)]] == [text for text, _ in PARTNER_FACTS]
    assert many.count("<table") == few.count("<table")


def test_the_preview_of_an_ordinary_design_leaves_nothing_out(library: Library) -> None:
    design = sample_design(library)
    view, notes = preview_view(design, library, "North Shire ICB")
    assert notes == []
    assert view == build_view(design, library, "North Shire ICB")


def test_the_preview_shows_the_first_items_and_says_what_it_leaves_out(library: Library) -> None:
    design = _with_partners(_with_responsibilities(sample_design(library), 113_000), 20_000)
    design = design.model_copy(update={"purpose": "A long purpose. " * 10_000})
    view, notes = preview_view(design, library)
    assert sum(len(group.lines) for group in view.responsibilities) == PREVIEW_ITEMS
    assert len(view.partners) == PREVIEW_ITEMS
    assert len(" ".join(view.purpose)) <= PREVIEW_CHARACTERS + 1
    assert notes == [
        f"The preview shows the first {PREVIEW_ITEMS} of 113,000 responsibilities; exported documents hold them all.",
        f"The preview shows the first {PREVIEW_ITEMS} of 20,000 partners; exported documents hold them all.",
        f"The preview shows the first {PREVIEW_CHARACTERS:,} characters of 1 long text; "
        "exported documents hold them whole.",
    ]
    page = render_html(view, week_picture=True, notes=notes)
    assert all(note in page for note in notes)


def test_a_long_table_in_the_pdf_keeps_every_row_once(library: Library, tmp_path: Path) -> None:
    """A person specification of 300 rows: cut into pages in one change, every criterion there once."""
    criteria = [Criterion(text=f"Criterion number {i:03d} about leading change.") for i in range(300)]
    view = build_view(sample_design(library).model_copy(update={"criteria": criteria}), library)
    text = pdf_text(render_pdf(view, week_png=None), tmp_path)
    found = re.findall(r"Criterion number (\d{3})", text)
    assert sorted(found) == [f"{i:03d}" for i in range(300)]


def test_a_paragraph_over_many_pages_is_drawn_once(library: Library, tmp_path: Path) -> None:
    purpose = " ".join(f"Sentence {i:04d} of a very long purpose." for i in range(1500))
    view = build_view(sample_design(library).model_copy(update={"purpose": purpose}), library)
    text = pdf_text(render_pdf(view, week_png=None), tmp_path)
    assert sorted(re.findall(r"Sentence (\d{4}) of", text)) == [f"{i:04d}" for i in range(1500)]


def test_an_ordinary_design_fills_its_pdf_whole(library: Library) -> None:
    view = build_view(sample_design(library), library)
    assert fit_for_pdf(view) == (view, [])


def test_a_pdf_of_20000_partners_shows_what_fits_and_says_so(library: Library, tmp_path: Path) -> None:
    """Qt's layout runs out of coordinates after about 5,500 pages: this design crashed the export."""
    design = _with_partners(sample_design(library), 20_000)
    design = design.model_copy(update={"purpose": "A long purpose. " * 20_000})
    view = build_view(design, library)
    fitted, notes = fit_for_pdf(view)
    shown = len(fitted.partners)
    assert 0 < shown < 20_000 and fitted.partners == view.partners[:shown]
    assert (
        f"This PDF shows {shown:,} of the 20,000 entries under Joint arrangement, to stay a length that can be "
        "printed; the Word export holds them all."
    ) in notes
    assert "This PDF shortens a long text under Job purpose; the Word export holds them whole." in notes
    text = " ".join(pdf_text(render_pdf(view, week_png=None), tmp_path).split())
    assert f"This PDF shows {shown:,} of the 20,000 entries" in text
    assert "Partner 0" in text and f"Partner {shown - 1}" in text and "Partner 19999" not in text


def test_the_template_bounds_grow_with_the_design(library: Library) -> None:
    """The sandbox's step and output bounds leave room for a design of 20,000 responsibilities."""
    view = build_view(_with_responsibilities(sample_design(library), 20_000), library)
    text = independent_text(render_docx(view))
    assert "Lead system work item 19999 across the partners." in text
