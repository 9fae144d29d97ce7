"""The command line as a new user meets it (issue 18): a role named without --from is pointed to
--from in one sentence, and a settings file with a bad value is said, never dropped in silence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_OK
from roledesigner.cli.main import main
from roledesigner.files.settings import settings_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_role_named_without_from_is_pointed_to_from(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "x.roledesign"
    code, out, err = run(capsys, "new", "joint_mental_health_lead", "-o", str(target))
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.strip() == (
        "To start from the emerging role 'joint_mental_health_lead', name it with --from: "
        f"roledesigner new --from joint_mental_health_lead -o {target}."
    )
    assert "usage:" not in err and not target.exists()
    assert run(capsys, "new", "--from", "joint_mental_health_lead", "-o", str(target))[0] == EXIT_OK


def test_the_stray_role_is_not_in_news_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    out, _err = capsys.readouterr()
    assert "stray" not in out and "--from ROLE_ID" in out


def bad_settings() -> Path:
    """A settings file with one bad value (an unknown theme) beside a good one."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"theme": "purple", "organisation_name": "Acme ICB"}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "arguments",
    [
        ["export", "{design}", "-o", "{out}/post.docx"],
        ["export", "{design}", "--out-dir", "{out}", "--named"],
        ["export", "{design}", "--strict", "-o", "{out}/post.pdf"],
        ["export", "{design}", "--document", "interview", "-o", "{out}/pack.docx"],
        ["export", "{design}", "--document", "shortlisting", "--out-dir", "{out}"],
        ["library", "paths"],
        ["library", "validate"],
        ["new", "--from", "system_finance_lead", "-o", "{out}/another.roledesign"],
        ["compare", "{design}", "{design}", "-o", "{out}/changes.docx"],
        ["import", "{old}", "-o", "{out}/old.roledesign"],
    ],
)
def test_a_bad_settings_file_is_said_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: list[str]
) -> None:
    """`export` read the settings without asking for their problems: every setting was dropped in silence."""
    design = tmp_path / "finance.roledesign"
    assert run(capsys, "new", "--from", "system_finance_lead", "-o", str(design))[0] == EXIT_OK
    out = tmp_path / "out"
    out.mkdir()
    old = tmp_path / "old.docx"
    word = Document()
    word.add_paragraph("Job title: Finance lead")
    word.add_paragraph("Job purpose")
    word.add_paragraph("Leads the system's finances with the partners.")
    word.save(str(old))
    settings = bad_settings()
    code, _out, err = run(capsys, *(a.format(design=design, out=out, old=old) for a in arguments))
    assert code == EXIT_OK, err
    warning = f"Warning: Settings file {settings} has a problem"
    assert err.count(warning) == 1, err
    assert "theme must be one of 'system', 'light' or 'dark', not 'purple'" in err
