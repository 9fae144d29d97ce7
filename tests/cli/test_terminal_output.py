"""What the command line prints from a design or a library never drives the terminal.

A title such as "\\x1b]0;pwned\\x07" retitles the terminal window and "\\x1b[2J" clears the
screen; C1 controls (U+0080 to U+009F) do the same on some terminals and bidirectional overrides
make text read backwards. Each is shown as a visible escape (`\\u001b`) instead, in text and in
JSON (where that is the JSON escape for the same character, so the data is unchanged).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roledesigner.cli.main import main
from roledesigner.cli.terminal import visible
from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import save_design
from tests.support.libfixtures import capability, make_folder

HOSTILE = "Lead\x1b]0;pwned\x07 role\x1b[2J \x9b31m\u202eevil\u2066"
#: What must never reach a terminal: C0 controls but newline and tab, DEL, C1 controls, bidi overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _design(tmp_path: Path, name: str = "hostile.roledesign") -> Path:
    path = tmp_path / name
    save_design(
        RoleDesign(title=HOSTILE, purpose=f"Purpose {HOSTILE}", reports_to=[HOSTILE], employer="\x1b[31mRed"), path
    )
    return path


def test_show_text_makes_escape_sequences_visible(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "show", str(_design(tmp_path)))
    assert code == 0, err
    assert not UNSAFE.search(out + err), "no control character reaches the terminal"
    assert "Lead\\u001b]0;pwned\\u0007 role\\u001b[2J \\u009b31m\\u202eevil\\u2066" in out
    assert "\n" in out, "newlines are kept"


def test_show_json_is_the_same_data_with_no_raw_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """json.dumps(ensure_ascii=False) escapes C0 controls but printed C1 controls and bidi overrides raw."""
    code, out, _ = run(capsys, "show", str(_design(tmp_path)), "--format", "json")
    assert code == 0
    assert not UNSAFE.search(out)
    data = json.loads(out)
    assert data["design"]["title"] == HOSTILE, "the data itself is unchanged"


def test_check_and_errors_show_a_hostile_file_name_visibly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _design(tmp_path, "\x1b[2Jrole\x07.roledesign")
    code, out, err = run(capsys, "check", str(path))
    assert code in (0, 1)
    assert not UNSAFE.search(out + err)
    assert "\\u001b[2Jrole\\u0007.roledesign" in out
    code, out, err = run(capsys, "check", str(tmp_path / "gone\x1b[2J.roledesign"))
    assert code == 2
    assert not UNSAFE.search(out + err)
    assert err.strip() == f"{tmp_path}/gone\\u001b[2J.roledesign does not exist."


def test_library_list_and_show_make_escape_sequences_visible(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = capability("sneaky", "individual_effectiveness").replace("[src]", "[scie2021]")
    entry = entry.replace("name: Sneaky", 'name: "Sneaky\\e]0;pwned\\a\\e[2J\\x9b\\u202E"')
    entry = entry.replace("description: Described in plain words.", 'description: "Plain\\e[31m red"')
    monkeypatch.setenv("ROLEDESIGNER_USER_LIBRARY", str(make_folder(tmp_path / "mine", {"capabilities/s.yaml": entry})))
    for args in (("library", "list"), ("library", "show", "sneaky"), ("library", "list", "--format", "json")):
        code, out, err = run(capsys, *args)
        assert code == 0, err
        assert "sneaky" in out
        assert not UNSAFE.search(out + err), args
    code, out, _ = run(capsys, "library", "show", "sneaky", "--format", "json")
    assert json.loads(out)["name"] == "Sneaky\x1b]0;pwned\x07\x1b[2J\x9b\u202e"


def test_streams_are_given_back_after_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    before = (sys.stdout, sys.stderr)
    run(capsys, "schema")
    assert (sys.stdout, sys.stderr) == before


@given(st.text())
def test_visible_leaves_no_control_character_and_keeps_the_rest(text: str) -> None:
    shown = visible(text)
    assert not UNSAFE.search(shown)
    assert shown.count("\n") == text.count("\n") and shown.count("\t") == text.count("\t")
    if not UNSAFE.search(text) and not re.search("[\ud800-\udfff]", text):
        assert shown == text


def test_visible_output_can_be_written_however_the_terminal_encodes() -> None:
    """A lone surrogate (a file name in no known encoding) stopped a print with UnicodeEncodeError."""
    visible("name\udcff.roledesign").encode("utf-8")
    assert visible("name\udcff") == "name\\udcff"


def test_a_character_the_output_cannot_encode_is_escaped_not_a_crash() -> None:
    """Windows writes redirected output in the locale's code page; a dash there stopped the command."""
    import io

    from roledesigner.cli.terminal import VisibleText

    target = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    VisibleText(target).write("Place lead – Ω\n")
    target.flush()
    assert target.buffer.getvalue() == "Place lead – \\u03a9\n".encode("cp1252")
