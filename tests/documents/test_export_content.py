"""Export takes everything a design may hold: any character, any length, in every field that reaches Word."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings

from roledesigner.documents.pictures import PLACEHOLDER_PNG
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import build_view, clean
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import JointArrangement, Partner, RoleDesign
from roledesigner.domain.vocabulary import Sector
from roledesigner.library.catalogue import Library
from tests.support.docxread import independent_text, open_docx
from tests.support.strategies import designs

CONTROL = "\x0b"  # a vertical tab, as pasted from some word processors


def _export(design: RoleDesign, library: Library, organisation: str = "North Shire ICB") -> bytes:
    view = build_view(design, library, organisation)
    return render_docx(view, week_png=PLACEHOLDER_PNG, logo_png=PLACEHOLDER_PNG)


def _with_partner(design: RoleDesign, organisation: str) -> RoleDesign:
    half = Decimal(50)
    partners = [
        Partner(organisation=organisation, sector=Sector.ICB, host=True, funding_percent=half, time_percent=half),
        Partner(
            organisation="Westtown Council", sector=Sector.LOCAL_AUTHORITY, funding_percent=half, time_percent=half
        ),
    ]
    return design.model_copy(update={"joint": JointArrangement(partners=partners)})


def test_a_control_character_in_a_partners_organisation_is_cleaned_everywhere(library: Library) -> None:
    """The organisation reaches the picture's alt text, the partner table and the sentences, all cleaned."""
    design = _with_partner(sample_design(library), f"North{CONTROL}Shire ICB")
    assert build_view(design, library).week_alt_text.count("NorthShire ICB") == 1
    data = _export(design, library)
    document = open_docx(data)
    partners = next(t for t in document.tables if t.rows[0].cells[0].text == "Item" and len(t.columns) == 3)
    assert [cell.text for cell in partners.rows[0].cells] == ["Item", "NorthShire ICB", "Westtown Council"]
    assert "NorthShire ICB" in independent_text(data)
    assert CONTROL not in independent_text(data)


def _every_text(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in _every_text(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [t for item in value for t in _every_text(item)]
    return []


def test_every_text_of_the_view_is_cleaned_the_one_way(library: Library) -> None:
    """Author text, library text and text built from both (the alt text, the employer row) alike."""
    hostile = f"Bad{CONTROL}\x00\ufffe\x1b text"
    design = _with_partner(sample_design(library), hostile).model_copy(
        update={"title": hostile, "employer": hostile, "footprint_name": hostile, "author": hostile}
    )
    view = build_view(design, library, hostile)
    texts = _every_text(view)
    assert texts and all(text == clean(text) for text in texts)
    assert view.chart is not None and all(bar.label == clean(bar.label) for bar in view.chart.bars)


def test_a_300_character_title_exports_with_the_property_cut_short(library: Library) -> None:
    title = "Director of " + "integrated system leadership " * 11
    title = title[:300]
    data = _export(sample_design(library).model_copy(update={"title": title}), library)
    document = open_docx(data)
    prop = document.core_properties.title
    assert len(prop) == 255 and prop.endswith("…")
    assert prop[:-1] in f"Job description and person specification: {title}"
    assert document.paragraphs[0].text == title  # the document itself holds every character


def test_a_long_author_and_version_are_cut_short_in_the_properties_only(library: Library) -> None:
    author = "A" * 300
    version = "2." + "1" * 298
    data = _export(sample_design(library).model_copy(update={"author": author, "version": version}), library)
    properties = open_docx(data).core_properties
    assert properties.author == "A" * 254 + "…"
    assert properties.last_modified_by == properties.author
    assert len(properties.comments) == 255 and properties.comments.endswith("…")
    assert version in independent_text(data)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(design=designs)
def test_any_design_exports_to_word(library: Library, design: RoleDesign) -> None:
    """Whatever characters a design holds, the export makes a Word file that opens."""
    data = _export(design, library, organisation=design.employer)
    assert open_docx(data).core_properties.language == "en-GB"
