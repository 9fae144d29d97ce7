"""Every emerging role's exported specification, read back from Word and from PDF (issue 17, done when).

Each has Qualifications, Knowledge, Experience, Skills and Values rows; its desirable criteria are
assessed from the application, so a panel can shortlist on them; and its standard terms come
after the person specification.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from roledesigner.documents.pdf import render_pdf
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import render_docx
from roledesigner.files.paths import library_dir
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from tests.support.docxread import heading_levels, open_docx
from tests.support.pdftext import pdf_text

ROLES = sorted(path.stem for path in (library_dir() / "roles").glob("*.yaml"))
AREAS = ["Qualifications", "Knowledge", "Experience", "Skills", "Values"]


def test_every_bundled_role_is_covered(library: Library) -> None:
    assert ROLES and set(ROLES) == {role for role, found in library.roles.items() if found}


@pytest.mark.parametrize("role", ROLES)
def test_the_word_file_has_every_area_shortlistable_desirables_and_terms_last(library: Library, role: str) -> None:
    document = open_docx(render_docx(build_view(new_design(library, role), library, "North Shire ICB")))
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["Area", "Criterion"])
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert set(AREAS) <= {area for area, *_ in rows}, role
    desirable = [row for row in rows if row[2] == "Desirable"]
    assert desirable, role
    assert all(row[3].startswith("Application") for row in desirable), [
        row for row in desirable if "Application" not in row[3]
    ]
    top = [text for level, text in heading_levels(document) if level == 1]
    assert top.index("Person specification") < top.index("Standard terms")
    # Nothing of the job description itself after the terms: only the glossary and document control.
    assert set(top[top.index("Standard terms") + 1 :]) <= {"Glossary", "Document control"}


def _lines(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text)  # ligatures apart
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("role", ROLES)
def test_the_pdf_has_every_area_shortlistable_desirables_and_terms_last(
    library: Library, role: str, tmp_path: Path
) -> None:
    view = build_view(new_design(library, role), library, "North Shire ICB")
    lines = _lines(pdf_text(render_pdf(view, week_png=None), tmp_path))
    spec_at = lines.index("Person specification")
    terms_at = lines.index("Standard terms")
    assert spec_at < terms_at
    person_spec = " ".join(lines[spec_at:terms_at])
    for area in AREAS:
        assert re.search(rf"\b{area}\b", person_spec), (role, area)
    # pdftotext -raw gives each row's cells in order: "Desirable" is followed by how it is assessed.
    desirables = re.findall(r"Desirable (\w+)", person_spec)
    assert len(desirables) == sum(row.requirement == "Desirable" for row in view.person_spec)
    assert set(desirables) == {"Application"}, role
    after = " ".join(lines[terms_at:])
    assert "Changes to this description" in after and "Person specification" not in after
