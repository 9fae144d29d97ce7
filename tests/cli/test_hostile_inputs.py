"""Hostile designs and settings through the command line: exit 2 and one sentence, never exit 3 or a hang."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from roledesigner.cli import terminal
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_OK
from roledesigner.cli.main import main
from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import save_design
from roledesigner.files.settings import settings_path
from tests.files.test_hostile_designs import lock_folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


DEEP = '{"schema_version": 2, "title": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
HUGE = '{"schema_version": 2, "title": "x", "version": ' + "9" * 5000 + "}"


@pytest.mark.parametrize("text", [DEEP, HUGE], ids=["nested 100,000 deep", "a 5,000-digit number"])
@pytest.mark.parametrize("command", ["check", "show"])
def test_a_design_beyond_bounds_is_exit_2_and_one_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, command: str
) -> None:
    """Both were exit 3, an internal fault (RecursionError, ValueError)."""
    path = _write(tmp_path / "hostile.roledesign", text)
    code, out, err = run(capsys, command, str(path))
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.count("\n") == 1 and err.startswith(str(path)) and "internal fault" not in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes as Linux and macOS make them")
def test_check_on_a_named_pipe_answers_at_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`check` waited for ever for a writer."""
    pipe = tmp_path / "pipe.roledesign"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "check", str(pipe))
    assert code == EXIT_BAD_INPUT
    assert (
        err.strip() == f"{pipe} cannot be read: it is not an ordinary file (a device, a pipe or a socket, for example)."
    )


def test_check_on_a_design_in_a_locked_folder_is_one_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated (the tests run as root): the system refuses every look inside the folder."""
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "role.roledesign"
    save_design(RoleDesign(title="x"), path)
    lock_folder(monkeypatch, folder)
    code, _, err = run(capsys, "check", str(path))
    assert code == EXIT_BAD_INPUT
    assert err.strip() == f"{path} cannot be read: permission denied."


@pytest.mark.parametrize("text", [DEEP, HUGE], ids=["nested 100,000 deep", "a 5,000-digit number"])
def test_a_settings_file_beyond_bounds_is_a_warning_and_every_command_still_runs(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Such a settings file stopped every command with exit 3, though the docs promise the defaults."""
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    _write(settings_path(), text)
    code, out, err = run(capsys, "library", "list", "--kind", "role")
    assert code == EXIT_OK and "Emerging roles" in out
    assert f"Warning: Settings file {settings_path()}" in err and "using the defaults" in err


def test_a_batch_reports_every_file_when_some_are_hostile(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.roledesign"
    save_design(RoleDesign(title="Place lead"), good)
    deep = _write(tmp_path / "deep.roledesign", DEEP)
    huge = _write(tmp_path / "huge.roledesign", HUGE)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(capsys, "export", str(deep), str(good), str(huge), "--out-dir", str(out_dir), "--jobs", "2")
    assert code == EXIT_BAD_INPUT
    assert out.strip() == f"Exported {out_dir / 'good.docx'}"
    assert f"{deep} is not a role design" in err and f"{huge} is not a role design" in err
    assert "2 of 3 designs could not be exported" in err and "internal fault" not in err


def test_the_progress_line_on_a_terminal_is_not_filtered(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's own carriage return redraws the line; only text from data is made visible."""
    monkeypatch.setattr(terminal.VisibleText, "isatty", lambda _self: True)
    sources = []
    for name in ("a", "b"):
        sources.append(tmp_path / f"{name}.roledesign")
        save_design(RoleDesign(title=name), sources[-1])
    code, _, err = run(capsys, "export", *map(str, sources), "--jobs", "1")
    assert code == EXIT_OK
    assert "\rExported 1 of 2\rExported 2 of 2\n" in err


def _lock_everything_in(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Every look at or into `folder`'s contents is refused, as for a user who may not search it."""
    for name in ("stat", "lstat", "open"):
        real = getattr(os, name)

        def refused(path: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            if folder in Path(os.fspath(path)).parents:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, refused)


def test_library_paths_with_a_locked_shared_library_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Path.is_dir() raised PermissionError on a locked network share, and the command stopped with exit 3."""
    share = tmp_path / "locked drive" / "roles"
    monkeypatch.setenv("ROLEDESIGNER_SHARED_LIBRARY", str(share))
    _lock_everything_in(monkeypatch, tmp_path / "locked drive")
    code, out, _ = run(capsys, "library", "paths")
    assert code == EXIT_OK
    assert f"Shared library:  {share}  (cannot be opened: permission denied)" in out


def test_any_refusal_from_the_system_is_exit_2_and_a_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`new -o` into a folder that cannot be searched: Path.exists() raised PermissionError, an internal fault."""
    locked = tmp_path / "locked"
    _lock_everything_in(monkeypatch, locked)
    code, out, err = run(capsys, "new", "-o", str(locked / "a.roledesign"))
    assert (code, out) == (EXIT_BAD_INPUT, "")
    assert err.strip() == f"{locked / 'a.roledesign'} cannot be used: permission denied."
