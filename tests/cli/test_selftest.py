"""`roledesigner --self-test`: one line per step, failures reported and survived, bad folders refused.

The full runs export every bundled role twice over; no test limits the time (see the report of
the change for what a run takes).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from roledesigner.cli import selftest
from roledesigner.cli.main import main
from roledesigner.documents.export import export_design as export
from roledesigner.files.settings import settings_path
from roledesigner.library.catalogue import Library, Problem
from roledesigner.library.compose import new_design as compose_design
from roledesigner.library.loader import load_library as load_bundled
from tests.support.libfixtures import billion_laughs, capability, make_folder

STATUS = re.compile(r"^(PASS|FAIL|SKIP|WARN)  ([^:]+): (.+)$")


def steps(out: str) -> list[tuple[str, str, str]]:
    """(status, step, detail) for every step line of a report."""
    found = []
    for line in out.splitlines():
        match = STATUS.match(line)
        if match:
            found.append((match.group(1), match.group(2), match.group(3)))
    return found


def expected_steps(library: Library) -> list[str]:
    """Every step a run over the bundled library takes, in order."""
    names = ["Data folders", "Library", "Settings", "Shared library", "Your library"]
    for role in library.roles.values():
        names += [f'Design for "{role.name}"', f'Word for "{role.name}"', f'PDF for "{role.name}"']
    return [*names, "Temporary folder"]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_full_run_through_the_cli_passes_every_step_in_a_folder_with_spaces_and_accents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Library
) -> None:
    folder = tmp_path / "Dossier spécial ø"
    folder.mkdir()
    code, out, err = run_cli(capsys, "--self-test", str(folder))
    assert (code, err) == (0, ""), out + err
    found = steps(out)
    assert [name for _, name, _ in found] == expected_steps(library)
    assert {status for status, _, _ in found} == {"PASS"}, out
    lines = out.splitlines()
    assert len(lines) == len(found) + 2, "a heading line, one line per step and the summary"
    assert lines[0].startswith("Role Designer ") and "self-test" in lines[0]
    assert re.fullmatch(rf"Self-test passed: all {len(found)} steps passed in \d+\.\d s\.", lines[-1])
    assert f"{len(library.roles)} emerging roles, {len(library.capabilities)} capabilities (bundled" in out
    assert str(folder) in out, "the temporary folder is named where it is removed"
    assert list(folder.iterdir()) == [], "the working folder is removed, and nothing else is left"


def test_every_role_is_read_back_from_word_and_pdf(tmp_path: Path, library: Library) -> None:
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    details = {name: detail for _, name, detail in steps(out.getvalue())}
    for role in library.roles.values():
        assert "headings and opening sentences found" in details[f'Word for "{role.name}"']
        assert re.search(r"read back: \d+ pages? \(", details[f'PDF for "{role.name}"'])
        assert "review:" in details[f'Design for "{role.name}"']


def test_a_failing_step_is_reported_and_the_rest_still_run(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = list(library.roles)[:2]

    def new_design(library: Library, role_id: str, hours: Any) -> Any:
        if role_id == first:
            raise ValueError("the role has no name")
        return compose_design(library, role_id, hours)

    def export_design(design: Any, job: Any, library: Library) -> Any:
        if job.format == "pdf" and design.based_on == second:
            raise RuntimeError("the PDF printer caught fire")
        return export(design, job, library)

    monkeypatch.setattr(selftest, "new_design", new_design)
    monkeypatch.setattr(selftest, "export_design", export_design)
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 1
    found = steps(out.getvalue())
    assert [name for _, name, _ in found] == expected_steps(library), "every step still ran"
    first_name, second_name = library.roles[first].name, library.roles[second].name
    not_passed = [(status, name, detail) for status, name, detail in found if status != "PASS"]
    assert not_passed == [
        ("FAIL", f'Design for "{first_name}"', "ValueError: the role has no name"),
        ("SKIP", f'Word for "{first_name}"', "not tried, because the design could not be built"),
        ("SKIP", f'PDF for "{first_name}"', "not tried, because the design could not be built"),
        ("FAIL", f'PDF for "{second_name}"', "RuntimeError: the PDF printer caught fire"),
    ]
    last = out.getvalue().splitlines()[-1]
    assert last.startswith(f"Self-test failed: 2 of {len(found)} steps failed, 2 skipped")
    assert "Traceback" not in out.getvalue()
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_word_template_fails_every_word_step_with_one_sentence(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "job_specification.docx"
    damaged.write_bytes(b"PK\x03\x04 not really a Word file")
    monkeypatch.setattr("roledesigner.documents.word.default_template", lambda: damaged)
    work = tmp_path / "work"
    work.mkdir()
    out = io.StringIO()
    assert selftest.run(work, out, io.StringIO()) == 1
    found = steps(out.getvalue())
    word = [(status, detail) for status, name, detail in found if name.startswith("Word for")]
    assert word == [("FAIL", f"The Word template {damaged} is not a Word (.docx) file.")] * len(library.roles)
    assert all(status == "PASS" for status, name, _ in found if not name.startswith("Word for"))


def test_problems_in_the_bundled_library_are_a_failure(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load_library(folders: Any) -> Library:
        loaded = load_bundled(folders)
        loaded.problems.append(Problem(Path("roles/broken.yaml"), "is not valid YAML"))
        return loaded

    monkeypatch.setattr(selftest, "load_library", load_library)
    monkeypatch.setattr(selftest, "check_role", lambda *args: None)  # the roles are tested elsewhere
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 1
    assert (
        "FAIL  Library: a problem in the bundled library: roles/broken.yaml: is not valid YAML; reinstall the app"
    ) in out.getvalue()


def _team_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A shared and a user library, each with one good entry, named as IT would name them."""
    good = capability("team_listening").replace("[src]", "[scie2021]")
    shared = make_folder(tmp_path / "team share", {"capabilities/team_listening.yaml": good})
    user = make_folder(tmp_path / "mine", {"capabilities/mine.yaml": good.replace("team_listening", "my_listening")})
    monkeypatch.setenv("ROLEDESIGNER_SHARED_LIBRARY", str(shared))
    monkeypatch.setenv("ROLEDESIGNER_USER_LIBRARY", str(user))
    monkeypatch.setattr(selftest, "check_role", lambda *args: None)  # the roles are tested elsewhere
    return shared, user


def test_the_shared_and_user_libraries_are_checked_and_each_problem_is_its_own_warn_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A team's broken file used to stop every command while the self-test passed, because it read
    only the bundled library. The app now skips such a file with a warning, so the self-test
    shows each problem as a WARN line and still passes: the install itself is sound."""
    shared, user = _team_folders(tmp_path, monkeypatch)
    make_folder(shared, {"capabilities/dated.yaml": capability("dated") + "reviewed: 2026-02-30\n"})
    os.mkfifo(shared / "capabilities" / "pipe.yaml")
    make_folder(user, {"roles/laughs.yaml": billion_laughs()})
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    found = steps(out.getvalue())
    warned = [(name, detail) for status, name, detail in found if status == "WARN"]
    assert warned == [
        ("Shared library", f"1 capability from {shared}; 2 problems, each below: what they name was skipped"),
        ("Shared library", f"{shared / 'capabilities' / 'dated.yaml'}: line 9: holds the date 2026-02-30, "
         "which is not a real date; put it in quotes if it is meant as text; the file was skipped"),
        ("Shared library", f"{shared / 'capabilities' / 'pipe.yaml'}: is a named pipe, not a file; "
         "only ordinary files are read; the file was skipped"),
        ("Your library", f"1 capability from {user}; 1 problem, below: what it names was skipped"),
        ("Your library", f"{user / 'roles' / 'laughs.yaml'}: line 2: uses the YAML alias *a0; "
         "library files must write every value out in full; the file was skipped"),
    ]  # fmt: skip
    assert not [line for line in found if line[0] == "FAIL"]
    last = out.getvalue().splitlines()[-1]
    assert re.fullmatch(r"Self-test passed with 3 warnings: all \d+ steps passed in \d+\.\d s; .+", last), last


def test_clean_team_libraries_pass_with_what_they_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared, user = _team_folders(tmp_path, monkeypatch)
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    details = {name: (status, detail) for status, name, detail in steps(out.getvalue())}
    assert details["Shared library"] == ("PASS", f"1 capability from {shared}, no problems")
    assert details["Your library"] == ("PASS", f"1 capability from {user}, no problems")
    assert out.getvalue().splitlines()[-1].startswith("Self-test passed: all ")


def test_a_problem_the_user_library_causes_in_a_bundled_entry_is_the_user_librarys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    """Layering: a user's capability with an unknown domain replaces the bundled one of the same
    id and is dropped, so bundled roles lose it; that warning belongs to the folder that caused it."""
    _, user = _team_folders(tmp_path, monkeypatch)
    bundled_id = next(iter(library.capabilities))
    make_folder(user, {"capabilities/odd.yaml": capability(bundled_id, domain="astrology")})
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    warned = [(name, detail) for status, name, detail in steps(out.getvalue()) if status == "WARN"]
    assert warned and {name for name, _ in warned} == {"Your library"}
    assert any("unknown domain 'astrology'" in detail for _, detail in warned)
    assert any(f"names the capability '{bundled_id}', which is not in the library" in d for _, d in warned)


def test_a_shared_library_that_cannot_be_opened_is_a_warn_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated (the tests run as root, which permissions do not stop): a locked network share."""
    shared, _ = _team_folders(tmp_path, monkeypatch)
    real = os.scandir

    def refusing(path: Any = ".") -> Any:
        if not isinstance(path, int) and Path(os.fspath(path)) == shared:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", refusing)
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    warned = [detail for status, name, detail in steps(out.getvalue()) if name == "Shared library"]
    assert warned == [
        f"nothing from {shared}; 1 problem, below: what it names was skipped",
        f"{shared}: cannot be opened (permission denied), so it was skipped",
    ]


def test_a_shared_library_that_is_set_but_not_there_is_a_warn_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "check_role", lambda *args: None)
    missing = tmp_path / "unplugged drive"
    monkeypatch.setenv("ROLEDESIGNER_SHARED_LIBRARY", str(missing))
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    assert (
        f"WARN  Shared library: {missing} is not there (a network drive not connected?); the app runs without it"
    ) in out.getvalue()


def test_with_no_shared_library_and_no_user_library_yet_both_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_user_folders: Path
) -> None:
    monkeypatch.setattr(selftest, "check_role", lambda *args: None)
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    details = {name: (status, detail) for status, name, detail in steps(out.getvalue())}
    assert details["Settings"] == ("PASS", f"the defaults: there is no settings file at {settings_path()}")
    assert details["Shared library"][0] == "PASS" and "none is set" in details["Shared library"][1]
    user = isolated_user_folders / "data" / "library"
    assert details["Your library"] == ("PASS", f"none yet: {user} is made when you save your first entry")


def test_a_broken_settings_file_is_a_warn_line_and_the_defaults_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "check_role", lambda *args: None)
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    out = io.StringIO()
    assert selftest.run(tmp_path, out, io.StringIO()) == 0
    lines = [(status, detail) for status, name, detail in steps(out.getvalue()) if name == "Settings"]
    assert lines[0] == ("WARN", f"read from {settings_path()}; 1 problem, below")
    assert len(lines) == 2 and lines[1][0] == "WARN" and str(settings_path()) in lines[1][1]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: tmp / "notes.txt" / "sub", "part of that path is a file, not a folder"),
        (lambda tmp: tmp / "notes.txt", "it is a file, not a folder"),
        (lambda tmp: tmp / "missing", "there is no such folder"),
    ],
)
def test_a_folder_that_cannot_be_written_is_one_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: Any, reason: str
) -> None:
    """A path under a file fails for everyone, root included (root ignores permissions)."""
    (tmp_path / "notes.txt").write_text("not a folder", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    folder = make(tmp_path)
    code, out, err = run_cli(capsys, "--self-test", str(folder))
    assert code == 2
    assert out == ""
    assert err == (
        f"Role Designer cannot write to {folder} ({reason}), so the self-test cannot export; "
        "run it with a folder you can write to: roledesigner --self-test FOLDER.\n"
    )
    assert sorted(tmp_path.rglob("*")) == before, "nothing written"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root (and Windows) ignore these bits")
def test_a_folder_without_write_permission(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        code, out, err = run_cli(capsys, "--self-test", str(locked))
    finally:
        locked.chmod(0o700)
    assert (code, out) == (2, "")
    assert f"cannot write to {locked} (permission denied)" in err
    assert list(locked.iterdir()) == []


def test_a_temporary_folder_variable_pointing_nowhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nowhere = tmp_path / "nowhere"
    monkeypatch.setenv("TMPDIR", str(nowhere))
    code, out, err = run_cli(capsys, "--self-test")
    assert (code, out) == (2, "")
    assert err.strip() == (
        f"Role Designer cannot write to the temporary folder {nowhere} (there is no such folder; TMPDIR names it), "
        "so the self-test cannot export; run it with a folder you can write to: roledesigner --self-test FOLDER."
    )
    assert not nowhere.exists()


def test_with_no_console_the_report_goes_to_a_file(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A windowed app on Windows has sys.stdout and sys.stderr set to None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(selftest, "check_role", lambda *args: None)  # the roles are tested elsewhere
    assert selftest.self_test(tmp_path) == 0
    report = (tmp_path / selftest.REPORT_NAME).read_text(encoding="utf-8")
    assert "PASS  Library: " in report and report.splitlines()[-1].startswith("Self-test passed")
    assert [path.name for path in tmp_path.iterdir()] == [selftest.REPORT_NAME]


def test_with_no_console_and_no_folder_the_report_goes_to_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(selftest, "check_role", lambda *args: None)
    assert main(["--self-test"]) == 0
    assert "Self-test passed" in (tmp_path / selftest.REPORT_NAME).read_text(encoding="utf-8")


def test_with_no_console_an_unwritable_folder_is_reported_in_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "temp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    missing = tmp_path / "missing"
    assert selftest.self_test(missing) == 2
    report = (temporary / selftest.REPORT_NAME).read_text(encoding="utf-8")
    assert report.startswith(f"Role Designer cannot write to {missing} (there is no such folder)")


def test_the_self_test_sets_the_offscreen_platform_only_if_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "run", lambda folder, out, err: 0)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    selftest.self_test(tmp_path)
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.setenv("QT_QPA_PLATFORM", "minimal")
    selftest.self_test(tmp_path)
    assert os.environ["QT_QPA_PLATFORM"] == "minimal"


def test_help_shows_the_self_test(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--self-test [DIR]" in help_text
    assert "check this install: load the library, export every emerging role to Word and PDF" in help_text


def test_the_self_test_does_not_take_a_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--self-test", str(tmp_path), "schema"])
    assert done.value.code == 2
    assert "--self-test runs on its own" in capsys.readouterr().err


@pytest.mark.slow
def test_through_the_real_entry_point_with_no_display(tmp_path: Path, library: Library) -> None:
    """As IT types it on a machine with no display: Qt is told nothing, the self-test chooses offscreen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "roledesigner", "--self-test"], capture_output=True, text=True, env=env, check=False
    )
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    found = steps(result.stdout)
    assert [name for _, name, _ in found] == expected_steps(library)
    assert {status for status, _, _ in found} == {"PASS"}
    assert "Qt platform offscreen" in result.stdout.splitlines()[0]
    assert list(tmp_path.iterdir()) == [], "the temporary folder is removed"
