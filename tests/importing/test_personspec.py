"""Person specification tables: each shape read into criteria, every cell placed."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement
from roledesigner.importing.blocks import Table
from roledesigner.importing.docxreader import read_docx
from roledesigner.importing.headings import phrasebook
from roledesigner.importing.personspec import methods, read_key, read_person_spec
from roledesigner.importing.placements import Placement, Target

E, D = Requirement.ESSENTIAL, Requirement.DESIRABLE
A, INT, T, P, R = (
    Assessment.APPLICATION,
    Assessment.INTERVIEW,
    Assessment.TEST,
    Assessment.PRESENTATION,
    Assessment.REFERENCES,
)


def table_of(rows: list[list[str]]) -> Table:
    document = Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    block = read_docx(Path("spec.docx"), buffer.getvalue()).body[0]
    assert isinstance(block, Table)
    return block


def read(rows: list[list[str]], key: dict[str, Assessment] | None = None) -> list[Placement]:
    placed = read_person_spec(table_of(rows), phrasebook(), key)
    assert placed is not None
    return placed


def criteria(placed: list[Placement]) -> list[tuple[CriterionCategory, str, Requirement, tuple[Assessment, ...]]]:
    found = []
    for p in placed:
        if p.target is Target.CRITERION:
            assert p.criterion is not None
            found.append((p.criterion.category, p.text, p.criterion.requirement, p.criterion.assessed_by))
    return found


def test_a_tick_column_for_each_method_of_assessment() -> None:
    placed = read(
        [
            ["Category", "Criteria", "Essential", "Desirable", "Application", "Interview", "References"],
            ["Experience", "Leading change across organisations", "✓", "", "✓", "✓", ""],
            ["Knowledge", "NHS finance", "", "X", "", "", "Y"],
        ]
    )
    assert criteria(placed) == [
        (CriterionCategory.EXPERIENCE, "Leading change across organisations", E, (A, INT)),
        (CriterionCategory.KNOWLEDGE, "NHS finance", D, (R,)),
    ]
    assert not [p for p in placed if p.target is Target.UNMAPPED]


def test_words_the_import_does_not_know_in_how_assessed_are_kept_beside_what_it_does() -> None:
    placed = read(
        [["Criteria", "E/D", "How assessed"], ["Chartered accountant", "E", "Interview, psychometric profile"]]
    )
    assert criteria(placed) == [(CriterionCategory.OTHER, "Chartered accountant", E, (INT,))]
    assert [p.source_text for p in placed if p.target is Target.UNMAPPED] == ["Interview, psychometric profile"]


def test_an_unknown_category_is_kept_and_its_criteria_filed_under_other() -> None:
    placed = read(
        [["Area", "Criteria", "Essential", "Desirable"], ["Political nous", "Working with elected members", "✓", ""]]
    )
    assert criteria(placed) == [(CriterionCategory.OTHER, "Working with elected members", E, ())]
    assert [p.source_text for p in placed if p.target is Target.UNMAPPED] == ["Political nous"]


def test_a_row_ticked_both_ways_or_neither_is_read_as_essential_with_a_note_to_check() -> None:
    placed = read([["Criteria", "Essential", "Desirable"], ["Budget management", "✓", "✓"], ["Welsh language", "", ""]])
    rows = [p for p in placed if p.target is Target.CRITERION]
    assert [(p.text, p.criterion.requirement if p.criterion else None) for p in rows] == [
        ("Budget management", E),
        ("Welsh language", E),
    ]
    assert all("check it" in p.notes[0] for p in rows)


def test_several_criteria_in_one_cell_become_one_criterion_each() -> None:
    document = Document()
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["Category", "Essential", "Desirable"], strict=True):
        cell.text = value
    cells = table.rows[1].cells
    cells[0].text = "Skills"
    cells[1].text = "Chairing meetings"
    cells[1].add_paragraph("Writing board papers", style="List Bullet")
    cells[2].text = "Coaching"
    buffer = io.BytesIO()
    document.save(buffer)
    block = read_docx(Path("spec.docx"), buffer.getvalue()).body[0]
    assert isinstance(block, Table)
    placed = read_person_spec(block, phrasebook())
    assert placed is not None
    assert criteria(placed) == [
        (CriterionCategory.SKILLS, "Chairing meetings", E, ()),
        (CriterionCategory.SKILLS, "Writing board papers", E, ()),
        (CriterionCategory.SKILLS, "Coaching", D, ()),
    ]


def test_a_table_that_is_not_a_person_specification_is_left_alone() -> None:
    assert read_person_spec(table_of([["Name", "Team"], ["Ann", "Finance"]]), phrasebook()) is None


def test_key_lines_in_the_ways_they_are_written() -> None:
    book = phrasebook()
    assert read_key("Key: A = Application form, I = Interview, T = Test or exercise", book) == {
        "a": A,
        "i": INT,
        "t": T,
    }
    assert read_key("(S) Shortlisting; (P) Presentation; (R) References", book) == {"s": A, "p": P, "r": R}
    assert read_key("A - Application\tI - Interview", book) == {"a": A, "i": INT}
    assert read_key("The postholder will attend interviews at all levels.", book) is None


def test_letters_are_read_through_the_key_before_the_usual_meanings() -> None:
    book = phrasebook()
    key = {"s": A, "p": P, "x": T}
    assert methods("S/P/X", book, key) == ([A, P, T], [])
    assert methods("A, I", book, {}) == ([A, INT], [])
    assert methods("Interview and presentation", book, {}) == ([INT, P], [])
    assert methods("Q", book, {}) == ([], ["Q"])
