"""`export --document interview|shortlisting`, through the function the export command calls."""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from roledesigner.cli.documentchoice import handles
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_OK, UserError
from roledesigner.cli.packs import export_pack_command
from roledesigner.documents.sample import sample_design
from roledesigner.documents.word import TemplateError
from roledesigner.files.designfile import save_design
from roledesigner.files.settings import ENV_USER_LIBRARY
from roledesigner.library.catalogue import Library
from tests.support.docxread import open_docx
from tests.support.pdftext import pdf_text


def arguments(*files: Path, **options: Any) -> argparse.Namespace:
    """What the export command's parser gives, with the pack options."""
    values: dict[str, Any] = {
        "files": list(files),
        "output": None,
        "out_dir": None,
        "format": None,
        "template": None,
        "jobs": None,
        "document": "specification",
        "candidates": None,
        "shortlisters": None,
        "panel": None,
    }
    values.update(options)
    return argparse.Namespace(**values)


@pytest.fixture
def design_file(library: Library, tmp_path: Path) -> Path:
    path = tmp_path / "mental health lead.roledesign"
    save_design(sample_design(library), path)
    return path


def test_the_export_command_hands_over_only_packs_and_their_formats() -> None:
    assert not handles(arguments(Path("a.roledesign")))
    assert not handles(arguments(Path("a.roledesign"), format="pdf"))
    assert handles(arguments(Path("a.roledesign"), document="interview"))
    assert handles(arguments(Path("a.roledesign"), format="xlsx")), "refused here, in one sentence"
    with pytest.raises(ValueError, match="cmd_export"):
        export_pack_command(arguments(Path("a.roledesign")))


def test_the_interview_pack_is_written_beside_the_design(design_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_pack_command(arguments(design_file, document="interview", panel=2)) == EXIT_OK
    target = design_file.with_name("mental health lead-interview-pack.docx")
    assert capsys.readouterr().out == f"Exported {target}\n"
    document = open_docx(target.read_bytes())
    assert [
        p.text for p in document.paragraphs if p.style.name == "Heading 2" and p.text.startswith("Panel member ")
    ] == [
        "Panel member 1",
        "Panel member 2",
    ]


def test_the_interview_pack_as_pdf(design_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export_pack_command(arguments(design_file, document="interview", format="pdf")) == EXIT_OK
    target = design_file.with_name("mental health lead-interview-pack.pdf")
    assert capsys.readouterr().out == f"Exported {target}\n"
    text = pdf_text(target.read_bytes(), tmp_path)
    assert "Interview pack · " in text and "Panel consensus record" in text
    # -o's name says the format; --panel reaches the PDF's sheets.
    chosen = tmp_path / "panel.pdf"
    assert export_pack_command(arguments(design_file, document="interview", output=chosen, panel=1)) == EXIT_OK
    text = pdf_text(chosen.read_bytes(), tmp_path)
    assert "Panel member 1" in text and "Panel member 2" not in text


@pytest.mark.filterwarnings("error")  # openpyxl reads back every header and footer without complaint
def test_the_shortlisting_matrix_in_each_format(
    design_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert export_pack_command(arguments(design_file, document="shortlisting", out_dir=out, candidates=4)) == EXIT_OK
    book = openpyxl.load_workbook(out / "mental health lead-shortlisting.xlsx")
    assert book["Summary"].cell(9, 1).value == "Candidate 4" and book["Summary"].cell(10, 1).value is None
    assert export_pack_command(arguments(design_file, document="shortlisting", out_dir=out, format="docx")) == EXIT_OK
    assert open_docx((out / "mental health lead-shortlisting.docx").read_bytes()).tables
    assert export_pack_command(arguments(design_file, document="shortlisting", out_dir=out, format="txt")) == EXIT_OK
    text = (out / "mental health lead-criteria.txt").read_text(encoding="utf-8")
    assert text.startswith("Person specification: Joint NHS and council mental health lead\n")
    capsys.readouterr()
    # -o names the file; its suffix gives the format; -o - prints the text to paste.
    chosen = tmp_path / "forms.docx"
    assert export_pack_command(arguments(design_file, document="shortlisting", output=chosen)) == EXIT_OK
    assert open_docx(chosen.read_bytes()).core_properties.subject == "Shortlisting matrix"
    capsys.readouterr()
    assert (
        export_pack_command(arguments(design_file, document="shortlisting", format="txt", output=Path("-"))) == EXIT_OK
    )
    assert capsys.readouterr().out == text


@pytest.mark.parametrize(
    ("options", "sentence"),
    [
        ({"document": "advert"}, "'advert' is not a document Role Designer exports (choose specification, interview or shortlisting)."),
        ({"document": "interview", "format": "xlsx"}, "The interview pack cannot be exported as xlsx; it is made as docx or pdf."),
        ({"document": "interview", "format": "txt"}, "The interview pack cannot be exported as txt; it is made as docx or pdf."),
        ({"document": "shortlisting", "format": "pdf"}, "The shortlisting matrix cannot be exported as pdf; it is made as xlsx or docx or txt."),
        ({"format": "xlsx"}, "A job specification cannot be exported as xlsx; choose docx or pdf, or --document shortlisting for a spreadsheet or text."),
        ({"document": "shortlisting", "candidates": 0}, "--candidates must be between 1 and 200, not 0."),
        ({"document": "shortlisting", "shortlisters": 1}, "--shortlisters must be between 2 and 10, not 1."),
        ({"document": "interview", "panel": 13}, "--panel must be between 1 and 12, not 13."),
        ({"document": "interview", "output": Path("-")}, "-o - prints to the screen, which suits only the criteria as text (--format txt)."),
    ],
)  # fmt: skip
def test_refusals_are_one_sentence_and_write_nothing(design_file: Path, options: dict[str, Any], sentence: str) -> None:
    before = sorted(design_file.parent.iterdir())
    with pytest.raises(UserError) as refused:
        export_pack_command(arguments(design_file, **options))
    assert str(refused.value) == sentence
    assert sorted(design_file.parent.iterdir()) == before


def test_an_output_name_that_disagrees_with_the_format_is_refused(design_file: Path, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"pack\.xlsx ends in \.xlsx, but the format asked for is docx\.$"):
        export_pack_command(arguments(design_file, document="interview", output=tmp_path / "pack.xlsx"))
    with pytest.raises(UserError, match=r"^-o names one output file"):
        export_pack_command(arguments(design_file, design_file, document="interview", output=tmp_path / "pack.docx"))


def test_a_template_that_cannot_be_used_stops_the_export_first(design_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "house.docx"
    broken.write_bytes(b"PK not really")
    with pytest.raises(TemplateError, match=r"house\.docx is not a Word \(\.docx\) file\.$"):
        export_pack_command(arguments(design_file, document="interview", template=broken))
    assert not design_file.with_name("mental health lead-interview-pack.docx").exists()


def test_one_bad_design_does_not_stop_the_others(
    design_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.roledesign"
    bad.write_text("{not json", encoding="utf-8")
    code = export_pack_command(arguments(bad, design_file, document="shortlisting"))
    assert code == EXIT_BAD_INPUT
    out, err = capsys.readouterr()
    assert out == f"Exported {design_file.with_name('mental health lead-shortlisting.xlsx')}\n"
    assert str(bad) in err and "1 of 2 designs could not be exported" in err
    assert openpyxl.load_workbook(
        io.BytesIO(design_file.with_name("mental health lead-shortlisting.xlsx").read_bytes())
    )


def test_a_trusts_broken_scale_is_a_warning_once(
    design_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    user = tmp_path / "own library"
    user.mkdir()
    (user / "scoring.yaml").write_text("shortlisting_key: {name: Broken}\n", encoding="utf-8")
    monkeypatch.setenv(ENV_USER_LIBRARY, str(user))
    second = design_file.with_name("second.roledesign")
    second.write_bytes(design_file.read_bytes())
    assert export_pack_command(arguments(design_file, second, document="shortlisting")) == EXIT_OK
    err = capsys.readouterr().err
    assert err.count("Warning: ") == 1 and "section 'shortlisting_key'" in err and "scoring.yaml" in err
