"""The command line contract: commands, JSON shapes, exit codes and one-sentence errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from roledesigner import __version__
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_FAULT, EXIT_OK
from roledesigner.cli.main import main
from roledesigner.files.designfile import load_design
from roledesigner.library.catalogue import Library
from tests.support.libfixtures import capability, make_folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    "command",
    [[], ["new"], ["show"], ["library"], ["library", "list"], ["library", "show"], ["library", "validate"],
     ["library", "paths"], ["schema"]],
)  # fmt: skip
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: roledesigner" in capsys.readouterr().out


def test_library_list_json_lists_every_entry_with_sources(capsys: pytest.CaptureFixture[str], library: Library) -> None:
    code, out, _ = run(capsys, "library", "list", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {(r["kind"], r["id"]) for r in rows} == {("role", i) for i in library.roles} | {
        ("capability", i) for i in library.capabilities
    }
    for row in rows:
        assert row["name"]
        assert row["sources"] and all(s["citation"] for s in row["sources"])
        assert row["library"] == "bundled"


def test_library_list_filters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library", "list", "--kind", "role", "--footprint", "place", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert {r["kind"] for r in rows} == {"role"}
    assert {r["footprint"] for r in rows} == {"place"}
    _, out, _ = run(capsys, "library", "list", "--search", "politically", "--format", "json")
    assert "political_astuteness" in [r["id"] for r in json.loads(out)]


def test_new_and_show_work_for_every_role(capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Library) -> None:
    code, schema_text, _ = run(capsys, "schema")
    assert code == 0
    validator = jsonschema.Draft202012Validator(json.loads(schema_text))
    for role_id, role in library.roles.items():
        path = tmp_path / f"{role_id}.roledesign"
        code, out, err = run(capsys, "new", "--from", role_id, "-o", str(path))
        assert (code, err) == (0, ""), err
        assert str(path) in out
        validator.validate(json.loads(path.read_text(encoding="utf-8")))
        code, out, err = run(capsys, "show", str(path), "--format", "json")
        assert (code, err) == (0, "")
        shown = json.loads(out)
        assert shown["design"]["based_on"] == role_id
        assert shown["design"]["title"] == role.name
        assert [c["id"] for c in shown["derived"]["capabilities"]] == [c.id for c in role.capabilities]
        assert all(c["in_library"] for c in shown["derived"]["capabilities"])
        assert shown["derived"]["time"]["system_hours_per_week"] > 0
        code, out, _ = run(capsys, "show", str(path))
        assert code == 0 and role.name in out


def test_schema_rejects_what_the_loader_rejects(capsys: pytest.CaptureFixture[str]) -> None:
    _, schema_text, _ = run(capsys, "schema")
    validator = jsonschema.Draft202012Validator(json.loads(schema_text))
    assert not validator.is_valid({"schema_version": 1})  # no title
    assert not validator.is_valid({"schema_version": 1, "title": "x", "footprint": "galaxy"})
    assert validator.is_valid({"schema_version": 1, "title": "x"})


def test_show_json_derives_exact_time(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "d.roledesign"
    path.write_text(
        '{"schema_version": 1, "title": "Lead", "time": {"system_work": {"unit": "percent", "amount": 50}},'
        ' "development": {"learning_hours_per_month": 3.5}}',
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "show", str(path), "--format", "json")
    time = json.loads(out)["derived"]["time"]
    assert time["system_hours_per_week"] == 18.75
    assert time["system_days_per_week"] == 2.5
    assert time["organisational_hours_per_week"] == 18.75
    assert (time["learning_hours_per_month"], time["learning_hours_per_year"]) == (3.5, 42)
    assert time["rounded"] == []


def test_new_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "x.roledesign"
    path.write_text("precious notes", encoding="utf-8")
    code, _, err = run(capsys, "new", "-o", str(path))
    assert code == 2 and "already exists" in err
    code, _, err = run(capsys, "new", "-o", str(path), "--force")
    assert code == 2 and "was not replaced" in err
    assert path.read_text(encoding="utf-8") == "precious notes"


def test_new_blank_and_with_title(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "b.roledesign"
    assert run(capsys, "new", "-o", str(path), "--title", "Neighbourhood lead")[0] == 0
    design = load_design(path)
    assert (design.title, design.based_on, design.capabilities) == ("Neighbourhood lead", None, [])


def test_unknown_role(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "new", "--from", "astronaut", "-o", str(tmp_path / "a.roledesign"))
    assert code == 2
    assert err.strip() == "There is no emerging role with the id 'astronaut' in the library."
    assert not (tmp_path / "a.roledesign").exists()


def test_library_show_names_file_and_override(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_folder(
        tmp_path / "mine",
        {
            "capabilities/empathy.yaml": capability("empathy", "individual_effectiveness", "My empathy").replace(
                "[src]", "[scie2021]"
            )
        },
    )
    monkeypatch.setenv("ROLEDESIGNER_USER_LIBRARY", str(user))
    code, out, _ = run(capsys, "library", "show", "empathy", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["name"] == "My empathy"
    assert data["library"] == "user"
    assert data["file"].endswith("mine/capabilities/empathy.yaml")
    assert data["overrides"] and data["overrides"][0].endswith("role_library/capabilities/empathy.yaml")
    code, out, _ = run(capsys, "library", "show", "empathy")
    assert "Overrides:" in out and "My empathy" in out
    code, out, _ = run(capsys, "library", "show", "ics_executive_lead")
    assert code == 0 and "Suggested system time" in out


def test_library_validate_a_team_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Library) -> None:
    team = make_folder(tmp_path / "team", {"capabilities/bad.yaml": "id: bad\nname: [oops\n"})
    code, _, err = run(capsys, "library", "validate", str(team))
    assert code == 2
    assert "bad.yaml: line" in err and "1 problem found" in err
    own = capability("team_listening", "relationships_and_connectivity").replace("[src]", "[scie2021]")
    ok = make_folder(tmp_path / "ok", {"capabilities/team_listening.yaml": own})
    code, out, _ = run(capsys, "library", "validate", str(ok))
    assert code == 0 and f"{len(library.capabilities) + 1} capabilities loaded; no problems found" in out
    code, _, err = run(capsys, "library", "validate", str(tmp_path / "absent"))
    assert code == 2 and err.strip().endswith("is not a folder, so there is no library to check there.")


def test_library_paths(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "library", "paths", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["bundled_library"].endswith("role_library")
    assert data["settings_file"].endswith("settings.json")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "does not exist"),
        ("", "is empty"),
        ("{", "is not valid JSON"),
        ('{"schema_version": 7, "title": "x"}', "newer version"),
    ],
)
def test_bad_files_exit_2_with_one_sentence_and_no_traceback(
    tmp_path: Path, content: str | None, expected: str
) -> None:
    """Through the real entry point, as a user types it."""
    path = tmp_path / "bad.roledesign"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "roledesigner", "show", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and expected in lines[0]
    assert "Traceback" not in result.stderr


def test_a_folder_given_as_a_design(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "show", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_show_json_gives_partner_figures_and_findings(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    design = {
        "schema_version": 1,
        "title": "Joint lead",
        "footprint": "place",
        "time": {"system_work": {"unit": "days_per_week", "amount": 2}},
        "joint": {
            "partners": [
                {"organisation": "ICB", "sector": "icb", "host": True, "funding_percent": 33.3, "time_percent": 60,
                 "line_manager": "Chief executive"},
                {"organisation": "Council", "sector": "local_authority", "funding_percent": 33.3, "time_percent": 40},
            ]
        },
    }  # fmt: skip
    path = tmp_path / "j.roledesign"
    path.write_text(json.dumps(design), encoding="utf-8")
    code, out, _ = run(capsys, "show", str(path), "--format", "json")
    shown = json.loads(out)
    assert code == 0
    council = shown["derived"]["joint"]["partners"][1]
    assert (council["hours_per_week"], council["system_hours_per_week"], council["funding_share_percent"]) == (
        15,
        6,
        33.3,
    )
    assert shown["derived"]["joint"]["funding_total_percent"] == 66.6
    joint = [f for f in shown["findings"] if f["code"].startswith("joint.")]
    assert [f["code"] for f in joint] == ["joint.funding_total", "joint.no_legal_basis"]
    (managers,) = [f for f in shown["findings"] if f["code"] == "clarity.managers"]
    assert "'Council' names no line manager" in managers["message"], "the managers are asked for in one finding"
    assert shown["findings"][0]["field"] == "terms", "in the document's order: the job details first"
    code, out, _ = run(capsys, "show", str(path))
    assert "2 days (15 hours) a week of protected time for system work" in out
    assert "Error: Funding shares add up to 66.6 per cent" in out
    # The reporting line and the line manager are one finding now; relationships, qualifications and knowledge join.
    assert "Review: 3 errors, 13 warnings" in out


# --- export ------------------------------------------------------------------------------------


def _new(capsys: pytest.CaptureFixture[str], path: Path, role: str = "system_finance_lead") -> Path:
    assert run(capsys, "new", "--from", role, "-o", str(path))[0] == 0
    return path


def test_export_one_design_beside_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = _new(capsys, tmp_path / "finance.roledesign")
    code, out, err = run(capsys, "export", str(source))
    assert (code, err) == (0, "")
    assert out.strip() == f"Exported {tmp_path / 'finance.docx'}"
    assert (tmp_path / "finance.docx").stat().st_size > 10_000


def test_export_a_batch_where_one_file_is_broken(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = [
        _new(capsys, tmp_path / f"{role}.roledesign", role) for role in ("independent_chair", "system_data_scientist")
    ]
    broken = tmp_path / "broken.roledesign"
    broken.write_text("{", encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, err = run(
        capsys, "export", str(good[0]), str(broken), str(good[1]), "--out-dir", str(out_dir), "--jobs", "1"
    )
    assert code == 2
    assert sorted(p.name for p in out_dir.iterdir()) == ["independent_chair.docx", "system_data_scientist.docx"]
    assert f"{broken} is not valid JSON" in err
    assert "1 of 3 designs could not be exported" in err


def test_export_named_uses_the_settings_file_name_pattern(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = [
        _new(capsys, tmp_path / f"{role}.roledesign", role) for role in ("independent_chair", "system_data_scientist")
    ]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, _, _ = run(capsys, "export", *map(str, good), "--out-dir", str(out_dir), "--named", "--jobs", "1")
    assert code == 0
    # "{organisation} {title} v{version}", with no organisation set in these tests' settings
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "Independent chair of an integrated care system v1.docx",
        "System data scientist v1.docx",
    ]


def test_export_refuses_ambiguous_targets(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first = _new(capsys, tmp_path / "a.roledesign")
    (tmp_path / "other").mkdir()
    second = _new(capsys, tmp_path / "other" / "a.roledesign")
    code, _, err = run(capsys, "export", str(first), str(second), "--out-dir", str(tmp_path))
    assert code == 2 and "would both be written to" in err
    code, _, err = run(capsys, "export", str(first), str(second), "-o", str(tmp_path / "x.docx"))
    assert code == 2 and "use --out-dir" in err
    code, _, err = run(capsys, "export", str(first), "--out-dir", str(tmp_path / "missing"))
    assert (code, err.strip()) == (2, f"{tmp_path / 'missing'} does not exist, so nothing can be exported there.")
    code, _, err = run(capsys, "export", str(first), "--out-dir", str(first))
    assert (code, err.strip()) == (2, f"{first} is a file, not a folder, so nothing can be exported there.")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["-o", "x.txt"], "x.txt must end in .docx (Word) or .pdf, so that it opens as what it holds."),
        (["-o", "x.pdf", "--format", "docx"], "x.pdf ends in .pdf, but the format asked for is docx."),
    ],
)
def test_export_refuses_a_name_that_hides_what_the_file_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: list[str], expected: str
) -> None:
    source = _new(capsys, tmp_path / "a.roledesign")
    options = [str(tmp_path / part) if part.startswith("x.") else part for part in options]
    code, out, err = run(capsys, "export", str(source), *options)
    assert (code, out) == (2, "")
    assert err.strip() == expected.replace("x.", f"{tmp_path / 'x'}.", 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.roledesign"]


def test_a_template_with_a_pdf_is_said_to_be_unused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = _new(capsys, tmp_path / "a.roledesign")
    code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / "a.pdf"), "--template", "house.docx")
    assert code == 0 and (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert "house.docx is not used: a template shapes Word files only" in err


def test_one_failed_export_is_one_sentence(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.roledesign"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "export", str(broken))
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith(f"{broken} is not valid JSON")


def test_export_into_a_missing_folder_leaves_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = _new(capsys, tmp_path / "a.roledesign")
    code, _, err = run(capsys, "export", str(source), "-o", str(tmp_path / "nowhere" / "a.docx"))
    assert code == 2
    assert "the folder" in err and "does not exist" in err
    assert not (tmp_path / "nowhere").exists()


def test_export_with_a_broken_template_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = _new(capsys, tmp_path / "a.roledesign")
    fake = tmp_path / "house.docx"
    fake.write_text("plain text", encoding="utf-8")
    code, _, err = run(capsys, "export", str(source), "--template", str(fake))
    assert code == 2
    assert err.strip() == f"The Word template {fake} is not a Word (.docx) file."
    assert not (tmp_path / "a.docx").exists()


def test_gui_with_no_display_says_so(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    code, _, err = run(capsys, "gui")
    assert code == 2
    assert err.strip() == "There is no display to show the app on; use the command line instead (roledesigner --help)."
    assert main([]) == 2, "no command at all means the app, and the same answer"


def test_a_design_file_alone_opens_it_in_the_app(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How a file manager, a double-click or the bundle's file association starts the app."""
    import roledesigner.gui.app

    design = _new(capsys, tmp_path / "Chef de projet é.roledesign")
    opened: list[Path | None] = []

    def run_app(path: Path | None = None) -> int:
        opened.append(path)
        return 0

    monkeypatch.setattr(roledesigner.gui.app, "run", run_app)
    assert main([str(design)]) == 0
    assert opened == [design]
    bare = design.rename(tmp_path / "Chef de projet")  # an existing file with no suffix, as a download may be
    assert main([str(bare)]) == 0
    assert opened == [design, bare]
    monkeypatch.chdir(tmp_path)
    for mistyped in ("shcema", str(tmp_path / "Chef de projet 2")):  # neither a command nor a file: a usage error
        with pytest.raises(SystemExit) as stopped:
            main([mistyped])
        assert stopped.value.code == 2
        assert "invalid choice" in capsys.readouterr().err
    assert opened == [design, bare]


@pytest.mark.slow
def test_starting_the_app_does_not_load_the_commands(tmp_path: Path) -> None:
    """The desktop app's start skips the exporters, the review and the command code."""
    probe = (
        "import sys, roledesigner.gui.app as app; app.run = lambda path=None: 0;"
        "from roledesigner.cli.main import main; main([]);"
        "print(sorted(m for m in sys.modules if m in {'roledesigner.cli.commands', 'roledesigner.review',"
        " 'roledesigner.documents.export', 'docx', 'docxtpl'}))"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"


def test_a_broken_install_is_one_sentence_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docxtpl missing from a bundle: the command cannot import, nor can the Word template's error class."""
    monkeypatch.setitem(sys.modules, "docxtpl", None)  # None in sys.modules: importing it raises ImportError
    for name in ("roledesigner.cli.commands", "roledesigner.documents.export", "roledesigner.documents.word"):
        monkeypatch.delitem(sys.modules, name, raising=False)
        package, _, module = name.rpartition(".")
        monkeypatch.delattr(sys.modules[package], module, raising=False)  # else `from package import module` finds it
    code, out, err = run(capsys, "show", str(tmp_path / "a.roledesign"))
    assert code == EXIT_FAULT
    assert out == ""
    assert err.splitlines() == [
        "Role Designer met an internal fault (ModuleNotFoundError: import of docxtpl halted; None in sys.modules); "
        "please report it."
    ]
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):  # the other bad-input errors still count as such
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    code, _, err = run(capsys, "gui")
    assert code == EXIT_BAD_INPUT
    assert err.startswith("There is no display")


def test_with_no_console_nothing_fails_for_want_of_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A windowed program on Windows has sys.stdout and sys.stderr None: output goes nowhere, exit codes stay."""
    import roledesigner.cli.selftest

    seen: list[object] = []

    def self_test(folder: Path | None = None) -> int:
        seen.append(sys.stdout)
        return 0

    monkeypatch.setattr(roledesigner.cli.selftest, "self_test", self_test)
    for command, expected in (
        (["library", "paths"], EXIT_OK),
        (["schema"], EXIT_OK),
        (["show", str(tmp_path / "absent.roledesign")], EXIT_BAD_INPUT),
        (["--self-test", str(tmp_path)], EXIT_OK),
    ):
        monkeypatch.setattr(sys, "stdout", None)
        monkeypatch.setattr(sys, "stderr", None)
        assert main(command) == expected, command
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.close()  # the null device main() opened
    assert seen == [None], "the self-test still sees no console, so it writes its report to a file"


def test_show_wraps_every_line_and_lists_working_relationships(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Library
) -> None:
    from roledesigner.cli.textreport import WIDTH
    from roledesigner.documents.sample import sample_design
    from roledesigner.files.designfile import save_design

    path = tmp_path / "sample.roledesign"
    design = sample_design(library)
    save_design(design, path)
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= WIDTH, "facts, capabilities and findings are wrapped"
    assert "Working relationships:" in out
    assert f"  - {design.relationships[0].name}" in " ".join(out.split("\n"))


def test_the_command_line_loads_no_pydantic_before_a_command_needs_it() -> None:
    """`roledesigner` with no command shows the app's frame first; pydantic (about 100 ms) must wait."""
    probe = "import sys, roledesigner.cli.main; print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_export_document_chooses_the_recruitment_packs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`--document` reaches the packs through the parser; the specification stays the default."""
    design = tmp_path / "chair.roledesign"
    assert run(capsys, "new", "--from", "independent_chair", "-o", str(design))[0] == EXIT_OK
    assert run(capsys, "export", str(design))[0] == EXIT_OK
    assert (tmp_path / "chair.docx").exists()
    code, _, err = run(capsys, "export", str(design), "--document", "interview", "-o", str(tmp_path / "i.docx"))
    assert (code, err) == (EXIT_OK, "")
    assert run(capsys, "export", str(design), "--document", "shortlisting")[0] == EXIT_OK
    assert (tmp_path / "chair-shortlisting.xlsx").exists()
    code, _, err = run(capsys, "export", str(design), "--document", "interview", "--format", "xlsx")
    assert code == EXIT_BAD_INPUT
    assert err.strip() == "The interview pack cannot be exported as xlsx; it is made as docx or pdf."


def test_version_and_compare_are_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    design = tmp_path / "lead.roledesign"
    assert run(capsys, "new", "--from", "joint_mental_health_lead", "-o", str(design))[0] == EXIT_OK
    code, out, _ = run(capsys, "version", str(design), "--note", "First draft")
    assert code == EXIT_OK and "Recorded version 1" in out
    code, out, _ = run(capsys, "compare", str(design), "--version", "1", "--format", "json")
    assert code == EXIT_OK
    assert [change["field"] for change in json.loads(out)["changes"]] == ["version"]
    code, _, err = run(capsys, "compare", str(design), "--version", "9")
    assert code == EXIT_BAD_INPUT and "there is no recorded version 9" in err
