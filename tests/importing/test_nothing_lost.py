"""Properties: whatever a description holds, every piece of its text reaches the design or is read as
its structure; moving pieces in the review step loses nothing either."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roledesigner.importing.docxreader import read_docx
from roledesigner.importing.importer import import_document
from roledesigner.importing.placements import MOVABLE, STRUCTURE, Target
from tests.importing.checks import design_text, held_as_value, one_line, unaccounted

#: Words that mean something to the import (labels, headings, ticks, letters, markers) among plain ones.
WORDS = [
    "Job title:", "Band:", "Reports to:", "Hours:", "Contract:", "permanent", "37.5", "Key:", "A", "I", "E", "D",
    "=", "Essential", "Desirable", "criteria", "experience", "skills", "system", "partners", "across", "organisations",
    "lead", "the", "board", "plan", "1.", "•", "\t", "Interview", "Application", "protected", "days", "a", "week",
    "Purpose", "Dimensions", "council", "NHS", "Trust", ";", ":", "budget", "£2m", "(a)", "✓",
]  # fmt: skip
HEADINGS = [
    "Job details", "Job purpose", "Main duties", "Key result areas", "Working relationships", "Person specification",
    "Dimensions", "Partnership working", "Qualifications", "Essential", "Other duties", "Leadership", "General",
]  # fmt: skip

text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join).filter(lambda t: t.strip())
section = st.tuples(
    st.sampled_from(HEADINGS),
    st.sampled_from(["Heading 1", "Heading 2", "bold", "caps"]),
    st.lists(st.tuples(text, st.sampled_from(["Normal", "List Bullet", "List Number"])), max_size=5),
    st.one_of(st.none(), st.lists(st.lists(text, min_size=2, max_size=4), min_size=1, max_size=4)),
)


def build(sections: list[tuple[str, str, list[tuple[str, str]], list[list[str]] | None]]) -> bytes:
    document = Document()
    for heading, look, paragraphs, table in sections:
        if look.startswith("Heading"):
            document.add_heading(heading, int(look[-1]))
        else:
            document.add_paragraph().add_run(heading.upper() if look == "caps" else heading).bold = True
        for words, style in paragraphs:
            document.add_paragraph(words, style=style)
        if table:
            width = max(len(row) for row in table)
            grid = document.add_table(rows=len(table), cols=width)
            for cells, values in zip(grid.rows, table, strict=True):
                for cell, value in zip(cells.cells, values, strict=False):
                    cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(section, min_size=1, max_size=5))
def test_every_piece_of_any_description_is_in_the_design(sections: list) -> None:  # type: ignore[type-arg]
    data = build(sections)
    result = import_document(read_docx(Path("random.docx"), data))
    assert unaccounted(result, data) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(section, min_size=1, max_size=4), st.data())
def test_moving_pieces_in_the_review_step_loses_nothing(sections: list, data: st.DataObject) -> None:  # type: ignore[type-arg]
    result = import_document(read_docx(Path("random.docx"), build(sections)))
    movable = [i for i, p in enumerate(result.placements) if p.target not in STRUCTURE]
    for index in data.draw(st.lists(st.sampled_from(movable), max_size=6)) if movable else []:
        result = result.moved(index, data.draw(st.sampled_from(MOVABLE)))
    held = design_text(result.design)
    for placement in result.placements:
        if placement.target in STRUCTURE or held_as_value(placement, result.design):
            continue
        words = one_line(placement.source_text if placement.target is Target.UNMAPPED else placement.text)
        names = (
            [one_line(n) for n in words.split(";")]
            if placement.target in (Target.REPORTS_TO, Target.ACCOUNTABLE_TO)
            else [words]
        )
        assert all(name in held for name in names if name), placement
