"""The settings' Word template check: a template must fill in with a full sample design."""

from __future__ import annotations

import zipfile
from pathlib import Path

from roledesigner.documents.templatecheck import check_template_file
from roledesigner.documents.word import default_template
from roledesigner.library.catalogue import Library


def test_built_in_template_is_fine(library: Library) -> None:
    assert check_template_file(None, library) is None
    assert check_template_file(default_template(), library) is None


def test_text_file_is_not_a_template(tmp_path: Path, library: Library) -> None:
    template = tmp_path / "x.docx"
    template.write_text("not a Word file", encoding="utf-8")
    assert check_template_file(template, library) == f"The Word template {template} is not a Word (.docx) file."


def test_zip_that_only_looks_like_a_word_file(tmp_path: Path, library: Library) -> None:
    template = tmp_path / "fake.docx"
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("word/document.xml", "<broken")
    message = check_template_file(template, library) or ""
    assert message.startswith(f"The Word template {template} is not a Word (.docx) file")


def test_missing_template(tmp_path: Path, library: Library) -> None:
    missing = tmp_path / "gone.docx"
    assert check_template_file(missing, library) == f"The Word template {missing} does not exist."


def test_folder_is_not_a_template(tmp_path: Path, library: Library) -> None:
    assert (
        check_template_file(tmp_path, library) == f"The Word template {tmp_path} is a folder, not a Word (.docx) file."
    )


def test_template_with_unknown_field_names_the_tag(tmp_path: Path, library: Library) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("{{ spec.no_such_field }}")
    template = tmp_path / "unknown.docx"
    document.save(str(template))
    message = check_template_file(template, library) or ""
    assert message.startswith(f"The Word template {template} uses a field that does not exist")
    assert "no_such_field" in message
