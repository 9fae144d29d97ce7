"""Word job specifications: structure, accessibility, every section's text, and bad input."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx2python import docx2python

from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import SECTION_HEADINGS, build_view
from roledesigner.documents.weekpicture import render_png
from roledesigner.documents.word import TemplateError, check_template, default_template, render_docx
from roledesigner.domain.models import Criterion, Responsibility, RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from tests.support.docxread import (
    heading_levels,
    independent_text,
    language,
    merged_cells,
    open_docx,
    picture_alt_texts,
    repeats_header,
)

LOGO = render_png  # any PNG will do as a logo; the week picture is one


def export(
    design: RoleDesign, library: Library, organisation: str = "North Shire ICB", template: Path | None = None
) -> bytes:
    view = build_view(design, library, organisation)
    assert view.chart is not None
    picture = render_png(view.chart, width=600)
    return render_docx(view, template, week_png=picture, logo_png=picture)


@pytest.fixture(scope="module")
def sample_docx(library: Library) -> bytes:
    return export(sample_design(library), library)


def test_one_title_and_no_skipped_heading_levels(sample_docx: bytes) -> None:
    levels = heading_levels(open_docx(sample_docx))
    assert [level for level, _ in levels].count(0) == 1
    assert levels[0][0] == 0
    for (before, _), (after, text) in itertools.pairwise(levels):
        assert after <= before + 1, f"'{text}' skips a level"
    assert [text for level, text in levels if level == 1] == list(SECTION_HEADINGS.values())


def test_tables_repeat_their_header_and_merge_nothing(sample_docx: bytes) -> None:
    document = open_docx(sample_docx)
    # details, structure chart, dimensions, week, partners, person specification, glossary, document control
    assert len(document.tables) == 8
    assert all(repeats_header(table) for table in document.tables)
    assert merged_cells(document) == 0
    person_spec = document.tables[5]
    assert [cell.text for cell in person_spec.rows[0].cells] == [
        "Area",
        "Criterion",
        "Essential or desirable",
        "How assessed",
    ]


def test_properties_language_font_and_alt_text(sample_docx: bytes, library: Library) -> None:
    document = open_docx(sample_docx)
    properties = document.core_properties
    assert properties.title == "Job description and person specification: Joint NHS and council mental health lead"
    assert properties.subject and properties.author == "Role Designer"
    assert "system leadership" in properties.keywords
    assert language(document) == "en-GB"
    normal = document.styles["Normal"].font
    assert normal.name == "Arial" and normal.size.pt >= 11
    assert document.styles["Table Grid"].font.size.pt >= 11
    # The week is a table now, not a picture: the logo is the one picture, and the drawn tables
    # (the structure chart and the week) carry their alt text as a table description.
    assert picture_alt_texts(document) == ["North Shire ICB logo"]
    described = {
        t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")): t._tbl.tblPr.find(qn("w:tblDescription")).get(
            qn("w:val")
        )
        for t in document.tables
        if t._tbl.tblPr.find(qn("w:tblCaption")) is not None
    }
    assert described["The working week"].startswith("Table of the working week, Monday to Friday")
    assert described["Structure chart"].startswith("Structure chart: the post of Joint NHS and council")


def test_lists_use_the_list_style(sample_docx: bytes, library: Library) -> None:
    document = open_docx(sample_docx)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    role = library.roles["joint_mental_health_lead"]
    assert all(r.text in bullets for r in role.responsibilities)


def test_every_section_is_there_for_an_independent_reader(sample_docx: bytes, library: Library) -> None:
    design = sample_design(library)
    text = " ".join(independent_text(sample_docx).split())
    view = build_view(design, library, "North Shire ICB")
    for section in view.sections:
        assert section.heading in text
    expected = [
        *(row.value for row in view.details),
        *view.purpose,
        *view.system_context,
        *(line for group in view.responsibilities for line in group.lines),
        *view.time,
        *view.learning,
        *view.joint,
        *(row.criterion for row in view.person_spec),
        *view.development,
        *view.stability,
        *(entry.meaning for entry in view.glossary),
        *(cap.name for domain in view.capability_domains for cap in domain.capabilities),
    ]
    for piece in expected:
        assert " ".join(piece.split()) in text, piece
    assert "Page" in text and "Version 1" in text


def test_empty_sections_are_left_out(library: Library) -> None:
    data = export(RoleDesign(title="Blank post"), library, organisation="")
    levels = heading_levels(open_docx(data))
    assert [text for level, text in levels if level == 1] == [
        "Job details",
        "Protected time",
        "Standard terms",
        "Document control",
    ]


HOSTILE = "A & B <b>bold</b> {{ spec.title }} {% if x %} 🧭 قائد النظام \x07\x1b end"


def test_hostile_text_in_every_field_still_makes_a_document(library: Library) -> None:
    design = sample_design(library).model_copy(
        update={
            "title": HOSTILE,
            "purpose": HOSTILE + "\n\n" + "long " * 4000,
            "grade": HOSTILE,
            "stability": HOSTILE,
            "reports_to": [HOSTILE],
            "responsibilities": [Responsibility(text=f"{HOSTILE} {i}") for i in range(1000)],
            "criteria": [Criterion(text=HOSTILE)],
        }
    )
    data = export(design, library, organisation=HOSTILE)
    document = open_docx(data)
    visible = "A & B <b>bold</b> {{ spec.title }} {% if x %} 🧭 قائد النظام  end"
    assert document.paragraphs[0].text == visible
    text = independent_text(data)
    assert visible in text and "\x07" not in text
    assert f"{visible} 999" in text
    assert len([p for p in document.paragraphs if p.style.name == "List Bullet"]) >= 1000


def test_every_bundled_role_exports(library: Library, tmp_path: Path) -> None:
    for role_id in library.roles:
        data = export(new_design(library, role_id), library)
        path = tmp_path / f"{role_id}.docx"
        write_atomically(path, data)
        assert library.roles[role_id].name in independent_text(path.read_bytes())


# --- templates -------------------------------------------------------------------------------


def _retagged(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the default template with one piece of the document XML replaced."""
    path = tmp_path / "house.docx"
    with zipfile.ZipFile(default_template()) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            target.writestr(item, data)
    return path


def test_the_default_template_passes_its_check(library: Library, tmp_path: Path) -> None:
    # The same template with a zip comment, so its bytes differ from the bundled file's and the
    # check fills it in whole.
    repacked = tmp_path / "repacked.docx"
    repacked.write_bytes(default_template().read_bytes())
    with zipfile.ZipFile(repacked, "a") as package:
        package.comment = b"repacked"
    assert repacked.read_bytes() != default_template().read_bytes()
    check_template(repacked, build_view(sample_design(library), library))


def test_the_bundled_template_is_not_filled_in_twice(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export checks its template before writing: the bundled one is known good, so only a house
    template is filled with the sample first (the command line's second render, issue 17 Speed)."""
    import roledesigner.documents.word as word

    filled: list[Path] = []
    real = word._render

    def counted(template: Any, path: Path, *rest: Any) -> bytes:
        filled.append(path)
        return real(template, path, *rest)

    monkeypatch.setattr(word, "_render", counted)
    view = build_view(sample_design(library), library)
    same_bytes = tmp_path / "copy.docx"
    same_bytes.write_bytes(default_template().read_bytes())
    check_template(default_template(), view)
    check_template(same_bytes, view)
    assert filled == []
    house = _retagged(tmp_path, "{{ spec.subtitle }}", "Role profile")
    check_template(house, view)
    assert filled == [house]


def test_a_restyled_template_is_used(library: Library, tmp_path: Path) -> None:
    template = _retagged(tmp_path, "{{ spec.subtitle }}", "Role profile for Westtown")
    text = independent_text(export(sample_design(library), library, template=template))
    assert "Role profile for Westtown" in text


def test_a_broken_tag_is_named(library: Library, tmp_path: Path) -> None:
    template = _retagged(tmp_path, "{{ spec.title }}", "{{ spec.title }")
    with pytest.raises(TemplateError, match=r"house\.docx has an error in the tag '\{\{ spec\.title \}'"):
        check_template(template, build_view(sample_design(library), library))


def test_an_unknown_field_is_named(library: Library, tmp_path: Path) -> None:
    template = _retagged(tmp_path, "{{ spec.title }}", "{{ spec.job_title }}")
    with pytest.raises(TemplateError, match=r"uses a field that does not exist.*job_title"):
        check_template(template, build_view(sample_design(library), library))


def test_a_file_that_is_not_a_word_file(library: Library, tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"fake\.docx is not a Word \(\.docx\) file"):
        check_template(fake, build_view(sample_design(library), library))
    with pytest.raises(TemplateError, match="does not exist"):
        check_template(tmp_path / "missing.docx", build_view(sample_design(library), library))


# --- output paths ------------------------------------------------------------------------------


def test_a_locked_output_is_left_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "spec.docx"
    target.write_bytes(b"the version HR already sent")

    def locked(*_args: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteError, match="read-only or locked"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"the version HR already sent"
    assert [p.name for p in tmp_path.iterdir()] == ["spec.docx"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_every_role_and_finds_its_text(library: Library, tmp_path: Path) -> None:
    for role_id in library.roles:
        (tmp_path / f"{role_id}.docx").write_bytes(export(new_design(library, role_id), library))
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *sorted(str(p) for p in tmp_path.glob("*.docx"))],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    for role_id, role in library.roles.items():
        pdf = tmp_path / "pdf" / f"{role_id}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert 3 <= pages <= 12, (role_id, pages)
        text = " ".join(
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
        )
        assert " ".join(role.name.split()) in text
        assert "Person specification" in text and "Page 1 of" in text


def test_the_template_is_a_real_zip(tmp_path: Path) -> None:
    assert zipfile.is_zipfile(io.BytesIO(default_template().read_bytes()))


def test_a_read_only_folder_gets_a_sentence_and_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root ignores permission bits, so the refusal is simulated where the temporary file is made."""
    import tempfile

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError) as caught:
        write_atomically(tmp_path / "spec.docx", b"data")
    assert str(caught.value) == (
        f"Cannot save {tmp_path / 'spec.docx'}: Role Designer is not allowed to write there "
        "(the folder or file is read-only or locked)."
    )
    assert list(tmp_path.iterdir()) == []


def test_a_zip_with_a_document_but_no_package_parts_is_not_a_word_file(library: Library, tmp_path: Path) -> None:
    broken = tmp_path / "half.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(TemplateError, match=r"half\.docx is not a Word \(\.docx\) file"):
        check_template(broken, build_view(sample_design(library), library))


# --- packages written by other programs --------------------------------------------------------

#: How LibreOffice names the link to docProps/core.xml; Word accepts it, python-docx does not know it.
LIBREOFFICE_CORE = "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties"


def _with_libreoffice_core_link(tmp_path: Path, *, typed: bool) -> Path:
    """A copy of the default template whose core properties are linked as LibreOffice links them.

    Untyped, the part also loses its content type, so python-docx cannot recognise it at all.
    """
    path = tmp_path / "saved_by_libreoffice.docx"
    standard = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    core_type = '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    with zipfile.ZipFile(default_template()) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            text = source.read(item.filename).decode("utf-8", errors="surrogateescape")
            if item.filename == "_rels/.rels":
                assert standard in text
                text = text.replace(standard, LIBREOFFICE_CORE)
            if item.filename == "[Content_Types].xml" and not typed:
                assert core_type in text
                text = text.replace(core_type, "")
            target.writestr(item, text.encode("utf-8", errors="surrogateescape"))
    return path


@pytest.mark.parametrize("typed", [True, False])
def test_every_part_is_written_once(library: Library, tmp_path: Path, typed: bool) -> None:
    template = _with_libreoffice_core_link(tmp_path, typed=typed)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # zipfile warns "Duplicate name" when a part is written twice
        data = export(sample_design(library), library, template=template)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
        rels = archive.read("_rels/.rels").decode("utf-8")
    if typed:
        assert rels.count("docProps/core.xml") == 1
    assert open_docx(data).core_properties.title.endswith(sample_design(library).title)


def test_a_template_with_no_fields_is_refused(library: Library, tmp_path: Path) -> None:
    letter = Document()
    letter.add_paragraph("Plain letter with no tags at all.")
    path = tmp_path / "letter.docx"
    letter.save(str(path))
    with pytest.raises(TemplateError) as caught:
        check_template(path, build_view(sample_design(library), library))
    assert str(caught.value) == (
        f"The Word template {path} has none of the job specification's fields (such as {{{{ spec.title }}}}), "
        "so it would export a document with nothing from the design."
    )


def test_a_template_with_only_the_logo_is_refused(library: Library, tmp_path: Path) -> None:
    logo_only = Document()
    logo_only.add_paragraph("{{ logo }} Westtown Council")
    path = tmp_path / "logo_only.docx"
    logo_only.save(str(path))
    with pytest.raises(TemplateError, match="none of the job specification's fields"):
        check_template(path, build_view(sample_design(library), library))


def test_a_package_holding_a_name_twice_is_rewritten_with_each_name_once() -> None:
    from roledesigner.documents.word import _each_part_once

    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")
        archive.writestr("[Content_Types].xml", "types")
        archive.writestr("docProps/core.xml", "the template's")
        archive.writestr("word/document.xml", "body")
        archive.writestr("docProps/core.xml", "ours")
    with zipfile.ZipFile(io.BytesIO(_each_part_once(buffer.getvalue()))) as archive:
        assert archive.namelist() == ["[Content_Types].xml", "docProps/core.xml", "word/document.xml"]
        assert archive.read("docProps/core.xml") == b"ours"
    single = default_template().read_bytes()
    assert _each_part_once(single) is single


def test_created_and_modified_are_the_time_of_export(library: Library) -> None:
    design = sample_design(library).model_copy(update={"author": "A. Person"})
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    data = export(design, library)
    after = dt.datetime.now(dt.UTC)
    with docx2python(io.BytesIO(data)) as extracted:
        core = extracted.core_properties
    for name in ("created", "modified"):
        written = core[name]
        assert written is not None and written.endswith("Z"), written  # UTC
        when = dt.datetime.fromisoformat(written.replace("Z", "+00:00"))
        assert before <= when <= after, (name, when)
    assert core["lastModifiedBy"] == "A. Person"
    assert "python-docx" not in " ".join(str(value) for value in core.values())


def test_last_modified_by_falls_back_as_the_author_does(library: Library) -> None:
    with docx2python(io.BytesIO(export(RoleDesign(title="Blank post"), library, organisation=""))) as extracted:
        core = extracted.core_properties
    assert core["creator"] == core["lastModifiedBy"] == "Role Designer"


def test_the_template_itself_has_no_python_docx_leftovers() -> None:
    """HR teams open the template to restyle it: its own properties should not date from 2013."""
    with docx2python(default_template()) as extracted:
        core = extracted.core_properties
    assert "python-docx" not in " ".join(str(value) for value in core.values())
    assert not str(core["created"]).startswith("2013")


def test_standard_terms_and_job_identification_reach_the_word_file(library: Library) -> None:
    """CONVENTIONS: the usual standard clauses, the statements inclusive recruitment asks for, and
    the directorate and job reference among the job details."""
    from roledesigner.domain.models import JointArrangement, Partner
    from roledesigner.library.compose import new_design

    design = new_design(library, "joint_digital_lead").model_copy(
        update={
            "directorate": "Digital and data",
            "job_reference": "NSICB-0421",
            "joint": JointArrangement(
                partners=[
                    Partner.model_validate(
                        {
                            "organisation": "North Shire ICB",
                            "sector": "icb",
                            "host": True,
                            "funding_percent": 50,
                            "time_percent": 50,
                        }
                    ),
                    Partner.model_validate(
                        {
                            "organisation": "Westtown Council",
                            "sector": "local_authority",
                            "funding_percent": 50,
                            "time_percent": 50,
                        }
                    ),
                ]
            ),
        }
    )
    data = export(design, library, organisation="")
    levels = heading_levels(open_docx(data))
    top = [text for level, text in levels if level == 1]
    standard = top.index("Standard terms")
    # The standard terms close the pack, after the person specification (changed on purpose, issue 17).
    assert top.index("Person specification") < standard
    assert top[standard:] == ["Standard terms", "Glossary", "Document control"]
    for heading in (
        "Safeguarding",
        "Confidentiality and information",
        "Reasonable adjustments and flexible working",
        "Conflicts of interest and answering to two bodies",
    ):
        assert (2, heading) in levels
    text = independent_text(data)
    assert "the premises of North Shire ICB and Westtown Council" in text
    assert "Equality Act 2010" in text and "job share" in text
    assert "Digital and data" in text and "NSICB-0421" in text


def test_the_file_says_role_designer_made_it_and_has_no_borrowed_thumbnail(library: Library) -> None:
    import zipfile

    data = export(RoleDesign(title="Blank post"), library, organisation="")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        assert len(names) == len(set(names))
        assert "docProps/thumbnail.jpeg" not in names
        assert b"thumbnail" not in package.read("_rels/.rels")
        application = package.read("docProps/app.xml")
    assert b"<Application>Role Designer</Application>" in application and b"Normal.dotm" not in application
