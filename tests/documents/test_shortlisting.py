"""The shortlisting matrix: exactly the criteria judged from the application, formulas that compute, forms, text."""

from __future__ import annotations

import io
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from roledesigner.documents.packs.criteriatext import criteria_text
from roledesigner.documents.packs.shortlistexcel import (
    DIFFER,
    FIRST_ROW,
    FIXED_COLUMNS,
    HEADER_ROW,
    NOT_SCORED,
    SUMMARY,
    render_shortlisting_xlsx,
)
from roledesigner.documents.packs.shortlisting import NO_CRITERIA, build_shortlisting
from roledesigner.documents.packs.shortlistword import render_shortlisting_docx
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import CATEGORY_ORDER
from roledesigner.domain.models import Criterion, RoleDesign
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement, label
from roledesigner.files.paths import library_dir
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.scoring import FILE_NAME, LoadedScoring, load_scoring, scoring_for
from tests.support.docxread import independent_text, language, merged_cells, open_docx, repeats_header

APPLICATION, INTERVIEW = Assessment.APPLICATION, Assessment.INTERVIEW
ORGANISATION = "North Shire & District ICB"


@pytest.fixture(scope="module")
def scoring(library: Library) -> LoadedScoring:
    return scoring_for(library)


def mixed_design(library: Library) -> RoleDesign:
    """Essentials and desirables each judged from the application or only at interview, own criteria too."""
    design = sample_design(library)
    items = list(design.capabilities)
    items[0] = items[0].model_copy(update={"assessed_by": [INTERVIEW]})  # an essential at interview only
    desirable = next(i for i, item in enumerate(items) if item.requirement is Requirement.DESIRABLE)
    items[desirable] = items[desirable].model_copy(update={"assessed_by": [APPLICATION, INTERVIEW]})
    criteria = [
        Criterion(category=CriterionCategory.OTHER, text='=HYPERLINK("http://x","click")', assessed_by=[APPLICATION]),
        Criterion(
            category=CriterionCategory.KNOWLEDGE, text="Knowledge of the Care Act 2014.", assessed_by=[INTERVIEW]
        ),
        Criterion(
            category=CriterionCategory.QUALIFICATIONS,
            text="A degree & equivalent experience.",
            requirement=Requirement.ESSENTIAL,
            assessed_by=[APPLICATION],
        ),
    ]
    return design.model_copy(update={"capabilities": items, "criteria": [*design.criteria, *criteria]})


def expected_rows(design: RoleDesign, library: Library) -> list[tuple[str, str, str]]:
    """(area, criterion, essential or desirable) for every row judged from the application, worked out
    from the design and the library directly."""
    rows = []
    for item in design.capabilities:
        capability = library.capabilities[item.id]
        if APPLICATION in item.assessed_by:
            rows.append((label(capability.category), " ".join(capability.criterion.split()), label(item.requirement)))
    for criterion in design.criteria:
        if APPLICATION in criterion.assessed_by:
            rows.append((label(criterion.category), criterion.text, label(criterion.requirement)))
    return rows


def workbook(design: RoleDesign, library: Library, scoring: LoadedScoring, **options: Any) -> Any:
    matrix = build_shortlisting(design, library, scoring, ORGANISATION, **options)
    return openpyxl.load_workbook(io.BytesIO(render_shortlisting_xlsx(matrix)))


def criteria_on(sheet: Any) -> list[tuple[str, str, str]]:
    rows = []
    for row in sheet.iter_rows(min_row=FIRST_ROW, max_col=FIXED_COLUMNS, values_only=True):
        if row[0] is None:
            break
        rows.append(tuple(row))
    return rows


def test_the_matrix_holds_exactly_the_criteria_judged_from_the_application(
    library: Library, scoring: LoadedScoring
) -> None:
    design = mixed_design(library)
    book = workbook(design, library, scoring)
    assert book.sheetnames == ["About", SUMMARY, "Shortlister 1", "Shortlister 2"]
    expected = expected_rows(design, library)
    for name in ("Shortlister 1", "Shortlister 2"):
        found = criteria_on(book[name])
        assert sorted(found) == sorted(expected)
        areas = [CATEGORY_ORDER.index(next(c for c in CriterionCategory if label(c) == row[0])) for row in found]
        assert areas == sorted(areas), "grouped by area, in the person specification's order"
        for area in {row[0] for row in found}:
            marks = [row[2] for row in found if row[0] == area]
            assert marks == sorted(marks, key=["Essential", "Desirable"].index), "essential before desirable"
    everything = " ".join(
        str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row if cell
    )
    assert "Knowledge of the Care Act 2014." not in everything, "a criterion for interview only is not shortlisted on"
    assert " ".join(library.capabilities[design.capabilities[0].id].criterion.split()) not in everything


def test_text_that_looks_like_a_formula_stays_text(library: Library, scoring: LoadedScoring) -> None:
    sheet = workbook(mixed_design(library), library, scoring)["Shortlister 1"]
    cell = next(
        c for row in sheet.iter_rows(min_row=FIRST_ROW, max_col=2) for c in row if str(c.value).startswith("=HYPER")
    )
    assert cell.data_type == "s"


def test_options_give_the_candidates_and_shortlisters_asked_for(library: Library, scoring: LoadedScoring) -> None:
    book = workbook(sample_design(library), library, scoring, candidates=3, shortlisters=3)
    assert book.sheetnames[2:] == ["Shortlister 1", "Shortlister 2", "Shortlister 3"]
    header = [cell.value for cell in book["Shortlister 1"][HEADER_ROW]]
    assert len(header) == FIXED_COLUMNS + 3
    summary = book[SUMMARY]
    assert [summary.cell(FIRST_ROW + i, 1).value for i in range(4)] == [
        "Candidate 1",
        "Candidate 2",
        "Candidate 3",
        None,
    ]
    with pytest.raises(ValueError, match="shortlisters must be between 2 and 10"):
        build_shortlisting(sample_design(library), library, scoring, shortlisters=1)


def test_formula_cells_are_protected_and_scoring_cells_are_not(library: Library, scoring: LoadedScoring) -> None:
    book = workbook(sample_design(library), library, scoring)
    for sheet in book:
        assert sheet.protection.sheet, sheet.title
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == int(sheet.PAPERSIZE_A4)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    sheet = book["Shortlister 1"]
    rows = len(criteria_on(sheet))
    score = sheet.cell(FIRST_ROW, FIXED_COLUMNS + 1)
    assert score.protection.locked is False
    total = sheet.cell(FIRST_ROW + rows, FIXED_COLUMNS + 1)
    assert str(total.value).startswith("=SUM(") and total.protection.locked
    assert sheet.cell(FIRST_ROW, 2).protection.locked, "the criteria cannot be changed by accident"
    assert sheet.freeze_panes == f"D{FIRST_ROW}"
    assert sheet.print_title_rows == f"$1:${HEADER_ROW}"
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"0,1,2"' and score.coordinate in validation.sqref
    summary = book[SUMMARY]
    assert summary.cell(FIRST_ROW, 1).protection.locked is False, "candidate references are typed here"
    assert str(summary.cell(FIRST_ROW, 2).value).startswith("='Shortlister 1'!")


def test_properties_and_the_key(library: Library, scoring: LoadedScoring) -> None:
    book = workbook(sample_design(library), library, scoring)
    assert book.properties.title == "Shortlisting matrix: Joint NHS and council mental health lead"
    assert book.properties.language == "en-GB"
    about = [c for row in book["About"].iter_rows(values_only=True) for c in row if c is not None]
    assert "Shortlisting key (0 to 2), from the bundled library." in about
    assert {"Not met", "Partly met", "Fully met"} <= set(about)
    assert any("Disability Confident" in str(line) for line in about)
    assert book["Shortlister 1"].oddHeader.right.text == "North Shire && District ICB", "& doubled for Excel's codes"


def test_nothing_judged_from_the_application_is_a_sentence_not_an_empty_table(
    library: Library, scoring: LoadedScoring
) -> None:
    design = RoleDesign(
        title="Blank post", criteria=[Criterion(text="Experience of partnerships.", assessed_by=[INTERVIEW])]
    )
    book = workbook(design, library, scoring)
    assert book.sheetnames == ["About"]
    assert NO_CRITERIA in [c for row in book["About"].iter_rows(values_only=True) for c in row]
    matrix = build_shortlisting(design, library, scoring)
    document = open_docx(render_shortlisting_docx(matrix))
    assert NO_CRITERIA in [p.text for p in document.paragraphs] and document.tables == []


def _recalculated(book: Any, tmp_path: Path) -> Any:
    """The workbook as LibreOffice computes it: converted headless, then read back with the values."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    source = tmp_path / "filled.xlsx"
    book.save(source)
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "xlsx",
         "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    result = tmp_path / "out" / "filled.xlsx"
    if not result.exists():
        if "source file could not be loaded" in done.stdout + done.stderr:
            pytest.skip("LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui)")
        raise AssertionError(done.stdout + done.stderr)
    return openpyxl.load_workbook(result, data_only=True)


def test_the_formulas_compute_in_libreoffice(library: Library, scoring: LoadedScoring, tmp_path: Path) -> None:
    design = mixed_design(library)
    book = workbook(design, library, scoring, candidates=5)
    rows = criteria_on(book["Shortlister 1"])
    essentials = [i for i, row in enumerate(rows) if row[2] == "Essential"]
    desirables = [i for i, row in enumerate(rows) if row[2] == "Desirable"]
    assert essentials and desirables
    book[SUMMARY].cell(FIRST_ROW, 1).value = "APP-0417"

    def score(sheet: str, candidate: int, values: dict[int, int]) -> None:
        for index, value in values.items():
            book[sheet].cell(FIRST_ROW + index, FIXED_COLUMNS + candidate).value = value

    full = dict.fromkeys(essentials, 2) | dict.fromkeys(desirables, 0)  # desirables do not decide the flag
    one_zero = full | {essentials[-1]: 0}
    partly = full | {essentials[0]: 1}  # 1 is "partly met": not met
    for sheet in ("Shortlister 1", "Shortlister 2"):
        score(sheet, 1, full)
        score(sheet, 2, one_zero)
        score(sheet, 3, partly)
        score(sheet, 5, full | {essentials[0]: 0} if sheet == "Shortlister 2" else full)
    score("Shortlister 1", 4, dict.fromkeys(essentials[:-1], 2))  # one essential left blank
    score("Shortlister 2", 4, full)
    values = _recalculated(book, tmp_path)
    first = values["Shortlister 1"]
    total_row = FIRST_ROW + len(rows)
    flags = [first.cell(total_row + 2, FIXED_COLUMNS + n).value for n in range(1, 6)]
    assert flags == ["Yes", "No", "No", NOT_SCORED, "Yes"]
    totals = [first.cell(total_row, FIXED_COLUMNS + n).value for n in range(1, 4)]
    assert totals == [2 * len(essentials), 2 * len(essentials) - 2, 2 * len(essentials) - 1]
    assert first.cell(total_row + 1, FIXED_COLUMNS + 2).value == len(essentials) - 1
    assert first.cell(HEADER_ROW, FIXED_COLUMNS + 1).value == "APP-0417", "the reference typed on the summary"
    summary = values[SUMMARY]
    overall = [summary.cell(FIRST_ROW + i, 3 + 2 * 2).value for i in range(5)]
    assert overall == ["Yes", "No", "No", NOT_SCORED, DIFFER]
    assert summary.cell(FIRST_ROW, 4).value == 4 * len(essentials), "combined total of both shortlisters"


def test_a_trusts_own_key_reaches_the_formulas(library: Library, tmp_path: Path) -> None:
    user = tmp_path / "user"
    user.mkdir()
    (user / FILE_NAME).write_text(
        textwrap.dedent(
            """\
            shortlisting_key:
              name: Our key
              meets_from: 3
              levels:
                - {score: 1, label: None, description: No evidence.}
                - {score: 2, label: Some, description: Some evidence.}
                - {score: 3, label: Good, description: Enough evidence.}
            """
        ),
        encoding="utf-8",
    )
    scoring = load_scoring([Folder(library_dir(), "bundled"), Folder(user, "user")])
    sheet = workbook(sample_design(library), library, scoring)["Shortlister 1"]
    assert sheet.data_validations.dataValidation[0].formula1 == '"1,2,3"'
    rows = len(criteria_on(sheet))
    assert ">=3" in str(sheet.cell(FIRST_ROW + rows + 1, FIXED_COLUMNS + 1).value)
    assert sheet.cell(3, 1).value == "Key: 1 None; 2 Some; 3 Good. A criterion counts as met at 3 or more."


def test_the_word_forms(library: Library, scoring: LoadedScoring) -> None:
    design = mixed_design(library)
    matrix = build_shortlisting(design, library, scoring, ORGANISATION, candidates=12, shortlisters=2)
    data = render_shortlisting_docx(matrix)
    document = open_docx(data)
    section = document.sections[0]
    assert section.page_width > section.page_height, "A4 landscape"
    assert language(document) == "en-GB" and document.core_properties.title == matrix.document_title
    assert all(repeats_header(table) for table in document.tables) and merged_cells(document) == 0
    criteria = next(
        t
        for t in document.tables
        if [c.text for c in t.rows[0].cells] == ["Area", "Criterion", "Essential or desirable"]
    )
    assert sorted(tuple(c.text for c in row.cells) for row in criteria.rows[1:]) == sorted(
        expected_rows(design, library)
    )
    sheets = [t for t in document.tables if len(t.rows[0].cells) > 3 and t.rows[0].cells[1].text == "Criterion"]
    assert len(sheets) == 4, "two shortlisters, twelve candidates in tables of ten"
    assert [c.text for c in sheets[1].rows[0].cells][3:] == ["11", "12"]
    text = " ".join(independent_text(data).split())
    assert "Knowledge of the Care Act 2014." not in text
    assert "Disability Confident" in text and "North Shire & District ICB" in text


def test_paste_ready_criteria_are_grouped_as_nhs_jobs_asks(library: Library) -> None:
    design = mixed_design(library)
    text = criteria_text(design, library)
    lines = text.splitlines()
    headings = [line for line in lines if line in ("Qualifications", "Experience", "Skills and knowledge", "Other")]
    assert headings == ["Qualifications", "Experience", "Skills and knowledge", "Other"]
    # Every criterion once, whatever assesses it: applicants see the whole person specification.
    wanted = [" ".join(library.capabilities[i.id].criterion.split()) for i in design.capabilities]
    wanted += [c.text for c in design.criteria]
    bullets = [line[2:] for line in lines if line.startswith("- ")]
    assert sorted(bullets) == sorted(wanted)
    for start, heading in enumerate(lines):
        if heading in headings:
            block = lines[
                start + 1 : next((i for i in range(start + 1, len(lines)) if lines[i] in headings), len(lines))
            ]
            marks = [line for line in block if line in ("Essential:", "Desirable:")]
            assert marks in (["Essential:", "Desirable:"], ["Essential:"], ["Desirable:"]), heading
    assert (
        criteria_text(RoleDesign(title="Blank"), library).splitlines()[2]
        == "This person specification has no criteria yet."
    )
