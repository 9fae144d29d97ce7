"""The interview pack as HTML, and from it as PDF: the same pack model and words as the Word file.

The template (`templates/interview_pack.html`) is sandboxed and autoescaped, as the job
specification's, so text from a design or a library can neither run template code nor add
markup. The PDF is laid out by `documents.pdf` in the job specification's fonts, margins and
footer. Its length is bounded first (`fit_for_pdf`): Qt's layout fails past about 5,500 pages,
and no panel needs hundreds. Each text keeps at most `TEXT_CHARACTERS`, each area
`AREA_CHARACTERS`, and the pack `PDF_AREAS` areas and `PACK_CHARACTERS`; past that, the PDF says
under its title what it leaves out, and that the Word export holds it all. The Word file is never cut.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import jinja2

from roledesigner.documents.html import html_template
from roledesigner.documents.packs.interview import CONSENSUS_INTRO, HEADINGS, LABELS, SCALE_COLUMNS, Area, InterviewPack

TEMPLATE_NAME = "interview_pack.html"
#: The scale table's column widths in per cent, as the Word file's 1.8, 3.7 and 11.5 cm of 17.
SCALE_WIDTHS = (11, 22, 67)
#: With more panel members than this, the consensus record's columns are headed by number (A4 is narrow).
NUMBERED_FROM = 4
NUMBERED_KEY = "The numbered columns are panel members 1 to %d, as on their scoring sheets."
#: The most areas the PDF shows: a real pack has ten to thirty.
PDF_AREAS = 100
#: The characters the areas may take in all (about 80 pages), one area, and one text.
PACK_CHARACTERS = 200_000
AREA_CHARACTERS = 12_000
TEXT_CHARACTERS = 3_000
#: The least a text or list item counts for (a line), and the least a text cut short keeps.
LINE = 80
SHORTEST_CUT = 300


def _template() -> jinja2.Template:
    return html_template(TEMPLATE_NAME)


def render_interview_html(pack: InterviewPack, *, logo: bool = False, notes: Sequence[str] = ()) -> str:
    """The whole pack as HTML; the logo, when there is one, is named `logo.png` for the caller to supply."""
    return _template().render(
        pack=pack,
        logo=logo,
        notes=list(notes),
        headings=HEADINGS,
        labels=LABELS,
        consensus_intro=CONSENSUS_INTRO,
        scale_columns=list(zip(SCALE_COLUMNS, SCALE_WIDTHS, strict=True)),
        numbered_from=NUMBERED_FROM,
        numbered_key=NUMBERED_KEY,
    )


class _Budget:
    """Characters left, and what was cut or left out to stay within them."""

    def __init__(self, characters: int) -> None:
        self.left = characters
        self.cut = 0
        self.dropped = 0

    def text(self, value: str) -> str:
        keep = max(min(self.left, TEXT_CHARACTERS), SHORTEST_CUT)
        if len(value) > keep:
            self.cut += 1
            value = value[:keep].rstrip() + "…"
        self.left -= max(len(value), LINE)
        return value

    def texts(self, values: list[str]) -> list[str]:
        kept = []
        for index, value in enumerate(values):
            if self.left <= 0:
                self.dropped += len(values) - index
                break
            kept.append(self.text(value))
        return kept


def _fit_area(area: Area, budget: _Budget) -> Area:
    # The questions first: they are what the panel asks.
    changes: dict[str, Any] = {"name": budget.text(area.name), "criterion": budget.text(area.criterion)}
    for name in ("questions", "why", "serves", "strong", "weak", "probes"):
        value = getattr(area, name)
        changes[name] = budget.text(value) if isinstance(value, str) else budget.texts(value)
    return dataclasses.replace(area, **changes)


def fit_for_pdf(pack: InterviewPack) -> tuple[InterviewPack, list[str]]:
    """The pack as the PDF shows it, and a sentence for each way it is shortened (none for a real post)."""
    whole = _Budget(PACK_CHARACTERS)
    kept: dict[int, Area] = {}
    cut = dropped = 0
    for area in pack.all_areas:
        if len(kept) >= PDF_AREAS or whole.left <= 0:
            break
        share = min(AREA_CHARACTERS, whole.left)
        budget = _Budget(share)
        kept[area.number] = _fit_area(area, budget)
        whole.left -= share - budget.left
        cut, dropped = cut + budget.cut, dropped + budget.dropped
    frame = _Budget(PACK_CHARACTERS)  # the scale and the standards' words, from a library's file
    levels = [level.model_copy(update={"description": frame.text(level.description)}) for level in pack.scale.levels]
    scale = pack.scale.model_copy(update={"description": frame.text(pack.scale.description), "levels": levels})
    standards = [
        dataclasses.replace(
            section,
            introduction=frame.text(section.introduction),
            source=frame.text(section.source),
            areas=[kept[area.number] for area in section.areas if area.number in kept],
        )
        for section in pack.standards
    ]
    fitted = dataclasses.replace(
        pack, scale=scale, areas=[kept[a.number] for a in pack.areas if a.number in kept], standards=standards
    )
    notes = []
    total = len(pack.all_areas)
    if len(kept) < total:
        notes.append(
            f"This PDF shows {len(kept):,} of the {total:,} areas to assess, to stay a length that can be printed; "
            "the Word export holds them all."
        )
    if dropped:
        notes.append(f"This PDF leaves out {dropped:,} lines of the areas' lists; the Word export holds them all.")
    if cut + frame.cut:
        texts = "a long text" if cut + frame.cut == 1 else f"{cut + frame.cut:,} long texts"
        notes.append(f"This PDF shortens {texts}; the Word export holds them whole.")
    return fitted, notes


def footer_text(pack: InterviewPack, page: int, pages: int) -> str:
    return f"Page {page} of {pages} · Interview pack, version {pack.version}, {pack.date}"


def render_interview_pdf(pack: InterviewPack, logo_png: bytes | None = None, *, mark: str = "") -> bytes:
    """The pack as an A4 PDF in the job specification's page furniture, with its title, author and language.

    `mark` ("Draft: not yet reviewed"), when given, heads every page."""
    from roledesigner.documents.pdf import render_html_pdf  # Qt: loaded only when a PDF is made

    fitted, notes = fit_for_pdf(pack)
    html = render_interview_html(fitted, logo=logo_png is not None, notes=notes)
    return render_html_pdf(
        html,
        title=pack.document_title,
        author=pack.author,
        footer=lambda page, pages: footer_text(pack, page, pages),
        images={"logo.png": logo_png} if logo_png is not None else {},
        header=mark,
    )
