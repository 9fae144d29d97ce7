"""A home folder the app cannot write: it still starts, and says at once what will not work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roledesigner.gui import app as gui_app
from roledesigner.writable import start_up_problems, write_problem


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


def _block_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    blocker = tmp_path / "home is a file"
    blocker.write_text("")
    monkeypatch.setenv("ROLEDESIGNER_CONFIG_DIR", str(blocker / "config"))
    monkeypatch.setenv("ROLEDESIGNER_DATA_DIR", str(blocker / "data"))
    return blocker / "config", blocker / "data"


def test_each_unwritable_folder_gets_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, data = _block_home(tmp_path, monkeypatch)
    problems = start_up_problems()
    assert problems == [
        f"Settings cannot be saved, because {config} cannot be written (not a directory).",
        f"Autosave and your own library entries are off, because {data} cannot be written (not a directory).",
    ]


def test_the_app_starts_and_says_what_it_cannot_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    config, data = _block_home(tmp_path, monkeypatch)
    monkeypatch.setenv(gui_app.QUIT_WHEN_SHOWN, "1")
    shown: list[Any] = []
    real_create = gui_app.create_window

    def create(path: Path | None = None) -> Any:
        window = real_create(path)
        shown.append(window)
        return window

    monkeypatch.setattr(gui_app, "create_window", create)
    assert gui_app.run() == 0
    window = shown[0]
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert str(config) in message and str(data) in message
    assert "Settings cannot be saved" in capsys.readouterr().err
    window.controller.undo_stack.setClean()
