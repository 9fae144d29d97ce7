"""A home folder the app cannot write: it still starts, and says at once what will not work."""

from __future__ import annotations

import os
import subprocess
import sys
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


def test_the_window_says_what_it_cannot_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    config, data = _block_home(tmp_path, monkeypatch)
    window = gui_app.create_window()
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert str(config) in message and str(data) in message
    assert len(window.start_up_warnings) == 2


@pytest.mark.slow
def test_the_app_starts_and_says_what_it_cannot_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real start in its own process (the app's event loop runs and quits once shown)."""
    config, _data = _block_home(tmp_path, monkeypatch)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", gui_app.QUIT_WHEN_SHOWN: "1"}
    result = subprocess.run(
        [sys.executable, "-m", "roledesigner"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"Settings cannot be saved, because {config} cannot be written" in result.stderr
    assert "Autosave and your own library entries are off" in result.stderr
    assert "Traceback" not in result.stderr
