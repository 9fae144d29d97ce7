"""The GUI tests: one QApplication for the run, and the main window fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.qt import qt_application

__all__ = ["qt_application"]


@pytest.fixture
def new_window(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The app's main window at 1280 x 800, not yet shown, as on a first start (no saved layout: the
    settings folder, where its layout is kept, is new for every test),
    with the modal boxes it may raise answered: a warning is read, a question about unsaved
    changes is answered Discard (a box offscreen would wait for ever)."""
    from PySide6.QtWidgets import QMessageBox

    from roledesigner.gui.app import create_window

    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    win = create_window()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    # Work still under way (an export whose file is written but whose done box is still to come)
    # ends here, while this test's patched boxes stand, not in the next test's setup.
    from roledesigner.gui.background import BackgroundRunner

    qtbot.waitUntil(lambda: not any(runner.busy for runner in win.findChildren(BackgroundRunner)), timeout=60_000)
    win.controller.undo_stack.setClean()  # nothing to ask about when the test ends


@pytest.fixture
def window(new_window: Any) -> Any:
    """The main window, shown."""
    new_window.show()
    return new_window
