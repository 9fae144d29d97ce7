"""`roledesigner version` and `roledesigner compare`, through their own parsers and handlers, with
bad input answered as the command line answers it: exit 2 and one sentence naming the file."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from roledesigner.cli.errors import EXIT_BAD_INPUT
from roledesigner.cli.versioning import add_parsers, cmd_compare, cmd_version
from roledesigner.domain.errors import InputError
from roledesigner.domain.models import Responsibility, RoleDesign
from roledesigner.domain.versions import record_version
from roledesigner.domain.vocabulary import Status
from roledesigner.files.designfile import backup_path, dumps, load_design, save_design
from roledesigner.files.settings import Settings, save_settings

HANDLERS = {"version": cmd_version, "compare": cmd_compare}
DUTIES = ["Lead joint planning across the place", "Build mental health into the plan", "Agree shared duties"]


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(prog="roledesigner")
    commands = made.add_subparsers(dest="command")

    def command(name: str, key: str, helptext: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(name, help=helptext)
        sub.set_defaults(handler=HANDLERS[key])
        return sub

    add_parsers(command)
    return made


def run(*argv: str | Path) -> int:
    """As `roledesigner ...` runs a command: bad input is one sentence on stderr and exit 2."""
    args = parser().parse_args([str(a) for a in argv])
    try:
        return int(args.handler(args))
    except InputError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT


def design(*duties: str, **fields: object) -> RoleDesign:
    return RoleDesign(
        title="Mental health lead",
        author="Ann Example",
        responsibilities=[Responsibility(text=text) for text in duties],
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def file(tmp_path: Path) -> Path:
    path = tmp_path / "lead.roledesign"
    save_design(design(*DUTIES), path)
    return path


# --- version -----------------------------------------------------------------------------------


def test_version_records_the_content_and_moves_the_number_on(file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("version", file, "--note", "For the manager", "--status", "agreed_with_manager") == 0
    assert capsys.readouterr().out == (
        f"Recorded version 1 of {file} (agreed with the line manager); the design is now version 2.\n"
    )
    saved = load_design(file)
    entry = saved.history[0]
    assert (entry.version, entry.note, entry.author, entry.date) == (
        "1",
        "For the manager",
        "Ann Example",
        dt.date.today(),
    )
    assert saved.version == "2" and saved.status is Status.AGREED_WITH_MANAGER
    assert load_design(backup_path(file)).history == [], "the file before is kept beside it"


def test_version_again_records_the_next_number(file: Path) -> None:
    assert run("version", file) == 0 and run("version", file) == 0
    assert [e.version for e in load_design(file).history] == ["1", "2"]


def test_a_number_already_recorded_is_refused_and_the_file_left_alone(
    file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_design(record_version(design(*DUTIES), when=dt.date(2026, 5, 3)).model_copy(update={"version": "1"}), file)
    before = file.read_bytes()
    assert run("version", file) == 2
    assert capsys.readouterr().err == (
        f"{file} was not changed, because version 1 is already recorded (on 3 May 2026): change the version number "
        "before recording this content.\n"
    )
    assert file.read_bytes() == before


def test_version_of_a_file_that_is_not_there_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "gone.roledesign"
    assert run("version", missing) == 2
    assert capsys.readouterr().err == f"{missing} does not exist.\n"


def test_an_unreadable_version_is_said_and_kept_in_the_backup(file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(dumps(record_version(design(*DUTIES), when=dt.date(2026, 5, 3))))
    data["history"][0]["date"] = "yesterday"
    file.write_text(json.dumps(data), encoding="utf-8")
    assert run("version", file) == 0
    err = capsys.readouterr().err
    assert f"Warning: In {file}, recorded version 1 (the 1st in the history) could not be read" in err
    assert f"{backup_path(file)} still has them" in err
    assert json.loads(backup_path(file).read_text(encoding="utf-8"))["history"][0]["date"] == "yesterday"


def test_an_unknown_status_is_a_usage_error(file: Path) -> None:
    with pytest.raises(SystemExit) as stopped:
        run("version", file, "--status", "final")
    assert stopped.value.code == 2


# --- compare -----------------------------------------------------------------------------------


@pytest.fixture
def newer(tmp_path: Path) -> Path:
    path = tmp_path / "newer.roledesign"
    save_design(design(*DUTIES[1:], DUTIES[0], "Chair the place board", purpose="Leads the place."), path)
    return path


def test_compare_lists_what_changed_with_moves_as_moves(
    file: Path, newer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("compare", file, newer) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"{file} to {newer}: 3 changes.",
        "  - Added job purpose: “Leads the place.”.",
        f"  - Moved responsibility 1 to place 3: “{DUTIES[0]}”.",
        "  - Added responsibility 4: “Chair the place board”.",
    ]
    assert out.err == ""


def test_compare_as_json_names_each_change(file: Path, newer: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("compare", file, newer, "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["old"] == str(file) and data["new"] == str(newer) and data["output"] is None
    assert data["different_roles"] == ""
    assert [(c["kind"], c["field"]) for c in data["changes"]] == [
        ("added", "purpose"),
        ("moved", "responsibilities[2]"),
        ("added", "responsibilities[3]"),
    ]
    assert data["changes"][1]["old_field"] == "responsibilities[0]"


def test_compare_against_a_recorded_version(file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("version", file) == 0
    save_design(load_design(file).model_copy(update={"stability": "Permanent."}), file)
    capsys.readouterr()
    assert run("compare", file, "--version", "1") == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{file} version 1 to {file} as it is now: 2 changes.",
        "  - Added job stability: “Permanent.”.",
        "  - Changed version: “1” became “2”.",
    ]


def test_a_version_that_is_not_there_is_named_with_those_that_are(
    file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("version", file)
    run("version", file)
    capsys.readouterr()
    assert run("compare", file, "--version", "7") == 2
    assert capsys.readouterr().err == (
        f"In {file}, there is no recorded version 7; the recorded versions are 1 and 2.\n"
    )


def test_designs_of_different_roles_are_compared_and_said(
    tmp_path: Path, file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.roledesign"
    save_design(design(*DUTIES, based_on="place_director"), other)
    assert run("compare", file, other) == 0
    out = capsys.readouterr()
    assert out.err.startswith("Note: The two designs are of different roles: the old one is based on no emerging role")
    assert out.out.splitlines() == [f"{file} to {other}: 1 change.", "  - Added emerging role: “place_director”."]


def test_compare_writes_the_changes_as_tracked_changes(file: Path, newer: Path, tmp_path: Path) -> None:
    target = tmp_path / "changes.docx"
    assert run("compare", file, newer, "-o", target) == 0
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in document and "<w:del " in document and "Chair the place board" in document


def header_words(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return (
            " ".join(
                archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("word/header")
            )
            .replace("<", " <")
            .replace(">", "> ")
            .split()
        )


@pytest.mark.parametrize("show_draft", [True, False])
def test_the_changes_document_follows_the_draft_mark_setting(
    file: Path, newer: Path, tmp_path: Path, show_draft: bool
) -> None:
    save_settings(Settings(show_draft_mark=show_draft))
    target = tmp_path / "changes.docx"
    assert run("compare", file, newer, "-o", target) == 0
    assert ("Draft" in header_words(target)) is show_draft


@pytest.mark.parametrize(
    ("number", "said"), [(" ", "none was given"), ("", "none was given"), ("latest", "“latest” is not one")]
)
def test_a_blank_version_or_one_that_is_no_number_is_refused_in_one_sentence(
    file: Path, capsys: pytest.CaptureFixture[str], number: str, said: str
) -> None:
    run("version", file)
    run("version", file)
    capsys.readouterr()
    assert run("compare", file, "--version", number) == 2
    assert capsys.readouterr().err == (
        f"--version needs a version number, and {said}; the recorded versions of {file} are 1 and 2.\n"
    )


def test_a_version_recorded_as_words_is_still_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "named.roledesign"
    save_design(record_version(design(*DUTIES, version="Final"), when=dt.date(2026, 5, 3)), path)
    assert run("compare", path, "--version", "Final") == 0


@pytest.mark.parametrize(
    ("argv", "sentence"),
    [
        (["{file}"], "compare needs two files, or one file and --version N; only {file} was given."),
        (
            ["{file}", "{file}", "--version", "1"],
            "--version compares one file with a recorded version of itself; give {file} alone, or compare {file} "
            "and {file} without --version.",
        ),
        (
            ["{file}", "{file}", "-o", "{file}.pdf"],
            "{file}.pdf must end in .docx: the changes are written as a Word file.",
        ),
    ],
)
def test_compare_refuses_what_it_cannot_do_in_one_sentence(
    file: Path, capsys: pytest.CaptureFixture[str], argv: list[str], sentence: str
) -> None:
    assert run("compare", *(a.format(file=file) for a in argv)) == 2
    assert capsys.readouterr().err == sentence.format(file=file) + "\n"
    assert not Path(f"{file}.pdf").exists()


def test_compare_with_a_damaged_file_names_it(file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.roledesign"
    broken.write_text("{", encoding="utf-8")
    assert run("compare", file, broken) == 2
    assert capsys.readouterr().err.startswith(f"{broken} is not valid JSON")
