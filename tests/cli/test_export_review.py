"""`export` knows the review (issue 18) and names files by the settings' pattern (issue 16).

A design whose review has errors is exported all the same, its header marked "Draft: not yet
reviewed" and its errors said on stderr; `--strict` refuses and writes nothing. `--out-dir` names
each document after its design file, and by the settings' pattern with `--named`; with neither
`-o` nor `--out-dir` the document goes beside the design under the design's own name, as it always
has.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from roledesigner.cli.main import main
from roledesigner.documents.jobs import UNREVIEWED_MARK
from roledesigner.documents.packs.packexport import PackJob, PackResult, export_packs
from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import save_design
from roledesigner.files.settings import Settings, save_settings
from tests.support.docxread import open_docx


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def header(path: Path) -> str:
    document = open_docx(path.read_bytes())
    return " ".join(p.text for section in document.sections for p in section.header.paragraphs)


def new(capsys: pytest.CaptureFixture[str], path: Path, role: str) -> Path:
    assert run(capsys, "new", "--from", role, "-o", str(path))[0] == EXIT_OK
    return path


@pytest.fixture
def designs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """A joint post with one partner (an error in its review) and a post whose review has none."""
    faulty = new(capsys, tmp_path / "joint.roledesign", "joint_workforce_lead")
    clean = new(capsys, tmp_path / "finance.roledesign", "system_finance_lead")
    return faulty, clean


def test_errors_are_said_on_stderr_and_the_document_is_marked(
    capsys: pytest.CaptureFixture[str], designs: tuple[Path, Path]
) -> None:
    faulty, clean = designs
    code, out, err = run(capsys, "export", str(faulty), str(clean), "--jobs", "1")
    assert code == EXIT_OK, "scripts rely on export succeeding"
    assert out.split("\n")[:2] == [f"Exported {faulty.with_suffix('.docx')}", f"Exported {clean.with_suffix('.docx')}"]
    assert err.startswith(f'Review: {faulty} has 1 error, so its document says "{UNREVIEWED_MARK}":\n')
    assert "  - [partners] A joint post needs at least two partners." in err, "the field in plain words, as check"
    assert str(clean) not in err
    assert UNREVIEWED_MARK in header(faulty.with_suffix(".docx"))
    assert UNREVIEWED_MARK not in header(clean.with_suffix(".docx"))
    assert header(clean.with_suffix(".docx")).strip() == "Draft", "a clean draft keeps its plain draft mark"


def test_strict_refuses_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], designs: tuple[Path, Path], tmp_path: Path
) -> None:
    faulty, clean = designs
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(capsys, "export", str(clean), str(faulty), "--out-dir", str(out_dir), "--strict")
    assert (code, out) == (EXIT_FINDINGS, "")
    assert f"Review: {faulty} has 1 error:" in err and "[partners] A joint post needs" in err
    assert err.rstrip().endswith(
        "Nothing was exported (--strict): fix the review's errors listed above, or export without --strict."
    )
    assert list(out_dir.iterdir()) == []
    code, _out, err = run(capsys, "export", str(faulty), "--document", "interview", "--strict")
    assert code == EXIT_FINDINGS and not faulty.with_name("joint-interview-pack.docx").exists()


def test_strict_exports_a_design_with_no_errors(capsys: pytest.CaptureFixture[str], designs: tuple[Path, Path]) -> None:
    _faulty, clean = designs
    code, out, err = run(capsys, "export", str(clean), "--strict", "-o", str(clean.with_name("post.pdf")))
    assert (code, err) == (EXIT_OK, "")
    assert out.strip() == f"Exported {clean.with_name('post.pdf')}"


def test_a_pack_is_exported_with_the_errors_said(
    capsys: pytest.CaptureFixture[str], designs: tuple[Path, Path]
) -> None:
    faulty, _clean = designs
    code, _out, err = run(capsys, "export", str(faulty), "--document", "interview")
    assert code == EXIT_OK and faulty.with_name("joint-interview-pack.docx").exists()
    assert f'Review: {faulty} has 1 error, so its document says "{UNREVIEWED_MARK}":' in err
    assert UNREVIEWED_MARK in header(faulty.with_name("joint-interview-pack.docx"))
    # The criteria as text to paste carry no mark, so none is claimed.
    code, _out, err = run(capsys, "export", str(faulty), "--document", "shortlisting", "--format", "txt")
    assert code == EXIT_OK and f"Review: {faulty} has 1 error:" in err


def test_out_dir_names_documents_by_the_settings_pattern(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "post.roledesign"
    save_design(RoleDesign(title="Place director", version="3", job_reference="WT/104"), source)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    save_settings(Settings(organisation_name="North Shire ICB"))
    assert run(capsys, "export", str(source), "--out-dir", str(out_dir))[0] == EXIT_OK
    assert [p.name for p in out_dir.iterdir()] == ["post.docx"]  # without --named, as scripts expect
    (out_dir / "post.docx").unlink()
    assert run(capsys, "export", str(source), "--out-dir", str(out_dir), "--named")[0] == EXIT_OK
    assert [p.name for p in out_dir.iterdir()] == ["North Shire ICB Place director v3.docx"]
    save_settings(Settings(organisation_name="North Shire ICB", file_name="{reference} {title}"))
    assert run(capsys, "export", str(source), "--out-dir", str(out_dir), "--named", "--format", "pdf")[0] == EXIT_OK
    assert (out_dir / "WT 104 Place director.pdf").read_bytes().startswith(b"%PDF")
    # Beside the design, and with -o, names are as they always were.
    assert run(capsys, "export", str(source))[0] == EXIT_OK
    assert source.with_suffix(".docx").exists()


def test_two_designs_the_pattern_names_alike_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name in ("a", "b"):
        save_design(RoleDesign(title="Place director"), tmp_path / f"{name}.roledesign")
    code, out, err = run(
        capsys,
        "export",
        str(tmp_path / "a.roledesign"),
        str(tmp_path / "b.roledesign"),
        "--out-dir",
        str(tmp_path),
        "--named",
    )
    assert (code, out) == (2, "")
    assert err.strip() == (
        f"{tmp_path / 'a.roledesign'} and {tmp_path / 'b.roledesign'} would both be written to "
        f"{tmp_path / 'Place director v1.docx'}; export them separately."
    )


def test_strict_still_says_a_usage_error_first_with_exit_2(
    capsys: pytest.CaptureFixture[str], designs: tuple[Path, Path]
) -> None:
    """Bad input or usage is exit 2 (DESIGN.md), whatever the review would have said."""
    faulty, clean = designs
    code, out, err = run(capsys, "export", str(faulty), str(clean), "-o", str(faulty.with_name("x.docx")), "--strict")
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.strip() == "-o names one output file; to export several designs, use --out-dir DIR."
    code, _out, err = run(capsys, "export", str(faulty), "--out-dir", str(faulty.with_name("nowhere")), "--strict")
    assert code == EXIT_BAD_INPUT and "does not exist" in err and "Review:" not in err


def test_a_pack_refusal_is_the_one_sentence_said(
    capsys: pytest.CaptureFixture[str], designs: tuple[Path, Path]
) -> None:
    faulty, _clean = designs
    code, out, err = run(capsys, "export", str(faulty), "--document", "interview", "--format", "xlsx")
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.strip() == "The interview pack cannot be exported as xlsx; it is made as docx or pdf."


def test_a_pack_of_a_design_with_errors_is_marked_unreviewed(
    capsys: pytest.CaptureFixture[str], designs: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --strict the pack is exported and marked, as the job specification is; the design
    without errors is not."""
    asked: list[PackJob] = []

    def exporting(jobs: list[PackJob], **kwargs: Any) -> list[PackResult]:
        asked.extend(jobs)
        return export_packs(jobs, **kwargs)

    monkeypatch.setattr("roledesigner.cli.packs.export_packs", exporting)
    faulty, clean = designs
    out_dir = tmp_path / "packs"
    out_dir.mkdir()
    code, _out, err = run(
        capsys, "export", str(faulty), str(clean), "--document", "interview", "--out-dir", str(out_dir)
    )
    assert code == EXIT_OK
    assert {job.source: job.unreviewed for job in asked} == {faulty: True, clean: False}
    assert f"Review: {faulty} has 1 error" in err and str(clean) not in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["finance-interview-pack.docx", "joint-interview-pack.docx"]
    assert UNREVIEWED_MARK in header(out_dir / "joint-interview-pack.docx")
    assert UNREVIEWED_MARK not in header(out_dir / "finance-interview-pack.docx")
