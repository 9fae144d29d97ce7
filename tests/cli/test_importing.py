"""`roledesigner import` and `roledesigner audit`: files written, one sentence and exit 2 for bad input,
nothing written for a refused file, a row per file in every report format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from roledesigner.cli import main as cli_main
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_OK
from roledesigner.domain.vocabulary import ResponsibilityKind
from roledesigner.files.designfile import load_design, save_design
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from tests.importing import samples
from tests.importing.badfiles import BAD_INPUTS, bad_file

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def roledesigner(capsys: pytest.CaptureFixture[str]) -> Run:
    """The command line as a user runs it."""

    def run(*args: str) -> tuple[int, str, str]:
        code = cli_main.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# --- import --------------------------------------------------------------------------------------------


def test_import_writes_a_design_beside_the_description(roledesigner: Run, tmp_path: Path) -> None:
    source = write(tmp_path, "Head of Partnerships.docx", samples.heading_styles())
    code, out, err = roledesigner("import", str(source))
    assert (code, err) == (EXIT_OK, "")
    design = load_design(tmp_path / "Head of Partnerships.roledesign")
    assert design.title == "Head of Integrated Care Partnerships"
    assert [r.text for r in design.responsibilities if r.kind is ResponsibilityKind.SYSTEM] == (
        samples.HEADING_STYLES_SYSTEM
    )
    assert f"Imported {source} to {tmp_path / 'Head of Partnerships.roledesign'}" in out
    assert "7 responsibilities (3 system)" in out
    assert "3 pieces of text kept unmapped" in out
    # Suggested with the sentence that supports it, and said not to be added.
    assert "suggested, not added" in out
    assert "Building strong relationships and networks: “Build trusted relationships" in out
    assert "Nearest emerging role:" in out
    assert design.capabilities == []


def test_import_to_a_named_file_and_into_a_folder(roledesigner: Run, tmp_path: Path) -> None:
    one = write(tmp_path, "one.docx", samples.bold_capitals())
    two = write(tmp_path, "two.docx", samples.numbered_sections())
    code, _out, _err = roledesigner("import", str(one), "-o", str(tmp_path / "place.roledesign"))
    assert code == EXIT_OK
    assert load_design(tmp_path / "place.roledesign").title == "Place Director of Integration"
    folder = tmp_path / "designs"
    folder.mkdir()
    code, _out, _err = roledesigner("import", str(one), str(two), "--out-dir", str(folder))
    assert code == EXIT_OK
    assert sorted(p.name for p in folder.iterdir()) == ["one.roledesign", "two.roledesign"]


def test_import_never_replaces_a_design_unless_told_to(roledesigner: Run, tmp_path: Path, library: Library) -> None:
    source = write(tmp_path, "post.docx", samples.bold_capitals())
    existing = tmp_path / "post.roledesign"
    save_design(new_design(library, "ics_executive_lead"), existing)
    before = existing.read_bytes()
    code, _out, err = roledesigner("import", str(source))
    assert code == EXIT_BAD_INPUT
    assert err.strip() == f"{existing} already exists; choose another name, or add --force to replace it."
    assert existing.read_bytes() == before
    code, _out, _err = roledesigner("import", str(source), "--force")
    assert code == EXIT_OK
    assert load_design(existing).title == "Place Director of Integration"


@pytest.mark.parametrize(("name", "data", "words"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_a_bad_input_is_one_sentence_exit_2_and_nothing_written(
    roledesigner: Run, tmp_path: Path, name: str, data: bytes, words: tuple[str, ...]
) -> None:
    path = bad_file(tmp_path, name, data)
    before = sorted(tmp_path.iterdir())
    code, out, err = roledesigner("import", str(path))
    assert code == EXIT_BAD_INPUT
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(path)) and "Traceback" not in err
    assert all(word in lines[0] for word in words)
    assert sorted(tmp_path.iterdir()) == before


def test_one_bad_file_among_several_stops_only_itself(roledesigner: Run, tmp_path: Path) -> None:
    good = write(tmp_path, "good.docx", samples.numbered_sections())
    bad = write(tmp_path, "bad.docx", b"not a zip")
    code, out, err = roledesigner("import", str(bad), str(good))
    assert code == EXIT_BAD_INPUT
    assert (tmp_path / "good.roledesign").is_file() and not (tmp_path / "bad.roledesign").exists()
    assert "1 of 2 descriptions could not be imported" in err
    assert f"Imported {good}" in out


def test_import_usage_errors(roledesigner: Run, tmp_path: Path) -> None:
    one = write(tmp_path, "one.docx", samples.bold_capitals())
    code, _out, err = roledesigner("import", str(one), str(one), "-o", str(tmp_path / "x.roledesign"))
    assert code == EXIT_BAD_INPUT and "use --out-dir" in err
    code, _out, err = roledesigner("import", str(one), "-o", str(tmp_path / "x.docx"))
    assert code == EXIT_BAD_INPUT and "must end in .roledesign" in err
    code, _out, err = roledesigner("import", str(one), "--out-dir", str(tmp_path / "missing"))
    assert code == EXIT_BAD_INPUT and "does not exist" in err


def test_a_two_hundred_page_description_imports(roledesigner: Run, tmp_path: Path) -> None:
    source = write(tmp_path, "long.docx", samples.long_document(pages=200))
    code, out, _err = roledesigner("import", str(source))
    assert code == EXIT_OK
    assert len(load_design(tmp_path / "long.roledesign").responsibilities) == 2400
    assert "2400 responsibilities" in out


# --- audit --------------------------------------------------------------------------------------------


@pytest.fixture
def estate(tmp_path: Path, library: Library) -> Path:
    """A folder as HR teams keep them: designs, Word files, a subfolder, a bad file and a lock file."""
    folder = tmp_path / "descriptions"
    (folder / "council").mkdir(parents=True)
    write(folder, "partnerships.docx", samples.heading_styles())
    write(folder / "council", "place director.docx", samples.bold_capitals())
    write(folder, "workforce.docx", samples.numbered_sections())
    write(folder, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    write(folder, "~$rtnerships.docx", b"owner file")  # Word's lock file: not a description
    write(folder, "notes.txt", b"not audited")
    save_design(new_design(library, "ics_executive_lead"), folder / "ics lead.roledesign")
    return folder


def test_audit_json_has_a_row_per_file_and_a_summary(roledesigner: Run, estate: Path) -> None:
    code, out, err = roledesigner("audit", str(estate), "--format", "json", "--jobs", "1")
    assert (code, err) == (EXIT_OK, "")
    data = json.loads(out)
    rows = {Path(row["file"]).name: row for row in data["files"]}
    assert sorted(rows) == [
        "ics lead.roledesign",
        "old.doc",
        "partnerships.docx",
        "place director.docx",
        "workforce.docx",
    ]
    assert not rows["old.doc"]["readable"] and "save it as a Word document (.docx)" in rows["old.doc"]["reason"]
    workforce = rows["workforce.docx"]
    assert workforce["title"] == "System Workforce Lead"
    assert (workforce["footprint"], workforce["footprint_guessed"]) == ("system", True)
    assert workforce["system_responsibilities"] == 2
    assert workforce["protected_time"] == "2 days a week"
    assert workforce["line_manager"] == "Chief People Officer"
    assert workforce["stability"] is True  # its contract, "Fixed term for 24 months", says how stable it is
    assert workforce["unmapped_share"] > 0
    assert workforce["nearest_role"] == "System workforce and people lead"
    assert {"code", "severity", "message", "field"} <= set(workforce["findings"][0])
    assert rows["ics lead.roledesign"]["kind"] == "design"
    assert data["summary"]["files"] == 5 and data["summary"]["unreadable"] == 1


def test_audit_csv_opens_in_excel_and_text_reads_plainly(roledesigner: Run, estate: Path, tmp_path: Path) -> None:
    report = tmp_path / "audit.csv"
    code, out, _err = roledesigner("audit", str(estate), "--format", "csv", "-o", str(report), "--jobs", "1")
    assert code == EXIT_OK and "Wrote the audit of 5 files" in out
    raw = report.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 5
    assert {row["Title"] for row in rows} >= {"Place Director of Integration", "System Workforce Lead"}
    code, out, _err = roledesigner("audit", str(estate), "--jobs", "1")
    assert code == EXIT_OK
    assert "5 files: 4 read, 1 could not be read." in out
    assert "Footprint: system (guessed from the title)" in out


def test_audit_of_nothing_to_audit_is_a_usage_error(roledesigner: Run, tmp_path: Path) -> None:
    code, _out, err = roledesigner("audit", str(tmp_path))
    assert code == EXIT_BAD_INPUT
    assert "nothing to audit" in err
