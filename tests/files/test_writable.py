"""A home folder the app cannot write: it still starts, and says at once what will not work."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from roledesigner.files.recovery import recovery_dir
from roledesigner.files.settings import Settings, settings_path
from roledesigner.files.writable import start_up_problems, write_problem
from tests.support.homes import block_home


def test_a_writable_folder_is_created_and_left_empty(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "deeper"
    assert write_problem(folder) is None
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_a_folder_under_a_file_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert write_problem(blocker / "settings") == "not a directory"


def test_no_problems_in_the_usual_case() -> None:
    assert start_up_problems() == []


def test_each_unwritable_folder_gets_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, data = block_home(tmp_path, monkeypatch)
    problems = start_up_problems()
    assert problems == [
        f"Settings cannot be saved, because {config} cannot be written (not a directory).",
        f"Autosave cannot keep recovery copies, because {data / 'recovery'} cannot be written (not a directory).",
        f"New entries for your own library cannot be saved, because {data / 'library'} cannot be written "
        "(not a directory).",
    ]


def _blocked(tmp_path: Path, name: str) -> Path:
    blocker = tmp_path / f"{name} is a file"
    blocker.write_text("")
    return blocker / name


def test_the_user_library_is_checked_where_the_settings_put_it(tmp_path: Path) -> None:
    library = _blocked(tmp_path, "my library")
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text(json.dumps({"user_library": str(library)}), encoding="utf-8")
    assert start_up_problems() == [
        f"New entries for your own library cannot be saved, because {library} cannot be written (not a directory)."
    ]
    assert start_up_problems(Settings()) == [], "the settings the app loaded win"


def test_the_user_library_is_checked_where_the_environment_puts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = _blocked(tmp_path, "team library")
    monkeypatch.setenv("ROLEDESIGNER_USER_LIBRARY", str(library))
    problems = start_up_problems()
    assert len(problems) == 1 and problems[0].startswith(
        f"New entries for your own library cannot be saved, because {library}"
    )


def test_the_recovery_folder_is_checked_on_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data folder can be written, but its recovery folder cannot; the library lives elsewhere."""
    monkeypatch.setenv("ROLEDESIGNER_USER_LIBRARY", str(tmp_path / "library"))
    recovery_dir().parent.mkdir(parents=True)
    recovery_dir().write_text("")
    assert start_up_problems() == [
        f"Autosave cannot keep recovery copies, because {recovery_dir()} cannot be written (file exists)."
    ]
    assert (tmp_path / "library").is_dir()


def test_a_settings_file_that_cannot_be_reached_is_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Say the folder above it cannot be searched: looking for the file raises, rather than finding none."""
    real_is_file = Path.is_file

    def locked(path: Path) -> bool:
        if path == settings_path():
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_is_file(path)

    monkeypatch.setattr(Path, "is_file", locked)
    library = _blocked(tmp_path, "library")
    monkeypatch.setenv("ROLEDESIGNER_USER_LIBRARY", str(library))  # still honoured with the defaults
    assert start_up_problems() == [
        f"New entries for your own library cannot be saved, because {library} cannot be written (not a directory).",
    ]
