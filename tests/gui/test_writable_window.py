"""The window and a real start say which of the app's own folders cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from roledesigner.gui import app as gui_app
from tests.support.homes import block_home


def test_the_window_says_what_it_cannot_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    config, data = block_home(tmp_path, monkeypatch)
    window = gui_app.create_window()
    qtbot.addWidget(window)
    message = window.statusBar().currentMessage()
    assert str(config) in message and str(data / "recovery") in message and str(data / "library") in message
    # One warning for each folder (a settings file that cannot be read is said as well, on its own).
    assert len([warning for warning in window.start_up_warnings if "cannot be written" in warning]) == 3


@pytest.mark.slow
def test_the_app_starts_and_says_what_it_cannot_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real start in its own process (the app's event loop runs and quits once shown)."""
    config, _data = block_home(tmp_path, monkeypatch)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", gui_app.QUIT_WHEN_SHOWN: "1"}
    result = subprocess.run(
        [sys.executable, "-m", "roledesigner"], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert f"Settings cannot be saved, because {config} cannot be written" in result.stderr
    assert "Autosave cannot keep recovery copies" in result.stderr
    assert "New entries for your own library cannot be saved" in result.stderr
    assert "Traceback" not in result.stderr
