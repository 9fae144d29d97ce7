"""The window shows its frame first and is filled a moment later: what the frame may load, and
that nothing a user does in that moment is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.files.designfile import save_design
from roledesigner.gui.app import create_window, fill_window, start_window
from roledesigner.library.catalogue import Library

FRAME_ONLY = textwrap.dedent(
    """
    import sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from roledesigner.gui.app import fill_window, start_window
    window = start_window()
    window.show()
    app.processEvents()
    heavy = ("pydantic", "yaml", "roledesigner.library.loader", "roledesigner.review", "roledesigner.documents.viewmodel")
    print("BEFORE:", sorted(name for name in heavy if name in sys.modules))
    fill_window(window)
    print("FILLED:", window.filled, type(window.editor).__name__, len(window.controller.library.roles) > 0)
    """
)


@pytest.mark.slow
def test_the_frame_shows_before_pydantic_the_library_or_the_review_is_loaded(tmp_path: Path) -> None:
    """In a fresh process, as a real start: these cost more than a bare window's whole start."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROLEDESIGNER_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", FRAME_ONLY], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    assert "BEFORE: []" in result.stdout, result.stdout
    assert "FILLED: True RoleEditor True" in result.stdout


def test_a_file_opened_before_the_window_is_filled_fills_it_first(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    design = tmp_path / "lead.roledesign"
    save_design(sample_design(library), design)
    window = start_window()
    qtbot.addWidget(window)
    window.filler = lambda: fill_window(window)
    window.show()
    assert not window.filled
    assert window.windowTitle() == "Role Designer"
    assert window.open_file(design)
    assert window.filled and window.controller.path == design
    assert window.windowTitle().startswith("lead[*]")
    window.controller.undo_stack.setClean()


def test_an_action_used_before_the_window_is_filled_fills_it_first(qtbot: QtBot) -> None:
    window = start_window()
    qtbot.addWidget(window)
    window.filler = lambda: fill_window(window)
    assert not window.filled
    window.close_action.trigger()  # Close on a design with no changes: a blank design, no question
    assert window.filled
    assert window.controller.path is None and window.editor.isVisibleTo(window)


FAILING_FILL = textwrap.dedent(
    """
    import roledesigner.library.loader as loader
    def unreadable(*args, **kwargs):
        raise RuntimeError("the library could not be read")
    loader.load_library = unreadable
    from roledesigner.cli.main import main
    raise SystemExit(main([]))
    """
)


@pytest.mark.slow
def test_a_fault_while_filling_ends_the_app_as_a_fault_not_a_frame_that_never_fills(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ROLEDESIGNER_CONFIG_DIR": str(tmp_path / "config")}
    result = subprocess.run(
        [sys.executable, "-c", FAILING_FILL], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 3, result.stderr
    assert "the library could not be read" in result.stderr


def test_the_saved_layout_survives_the_panes_replacing_the_frames_placeholders(qtbot: QtBot) -> None:
    first = create_window()
    qtbot.addWidget(first)
    first.resize(1280, 800)  # the offscreen platform's screen is 800 pixels wide: the window fits it
    first.show()
    qtbot.waitUntil(lambda: not first._default_layout_pending)  # a first start's default layout is in
    first.resizeDocks([first.library_dock, first.preview_dock], [300, 380], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: (first.library_dock.width(), first.preview_dock.width()) == (300, 380))
    first.close()  # saves the layout

    window = start_window()
    qtbot.addWidget(window)
    window.resize(1280, 800)  # as saved (the offscreen platform's screen would shrink the saved geometry)
    window.show()
    qtbot.waitExposed(window)
    assert (window.library_dock.width(), window.preview_dock.width()) == (300, 380)
    fill_window(window)
    qtbot.waitUntil(lambda: (window.library_dock.width(), window.preview_dock.width()) == (300, 380))
    window.controller.undo_stack.setClean()
