"""Shared fixtures: an isolated settings/user folder for every test, and the real library."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library
from roledesigner.paths import library_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def qt_application(qapp: Any) -> Any:
    """One QApplication for the whole run, made first: a document test alone would start a bare
    QGuiApplication for rendering, and widgets cannot live in that."""
    return qapp


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test reads or writes the real user's settings or library."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ROLEDESIGNER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("ROLEDESIGNER_DATA_DIR", str(home / "data"))
    for name in ("ROLEDESIGNER_USER_LIBRARY", "ROLEDESIGNER_SHARED_LIBRARY", "ROLEDESIGNER_TEMPLATE"):
        monkeypatch.delenv(name, raising=False)
    yield home


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled library alone, as shipped."""
    return load_library([Folder(library_dir(), "bundled")])


@pytest.fixture
def new_window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The app's main window at 1280 x 800, not yet shown, as on a first start (no saved layout),
    with the modal boxes it may raise answered: a warning is read, a question about unsaved
    changes is answered Discard (a box offscreen would wait for ever)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from roledesigner.gui.app import create_window

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    win = create_window()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    yield win
    win.controller.undo_stack.setClean()  # nothing to ask about when the test ends


@pytest.fixture
def window(new_window: Any) -> Any:
    """The main window, shown."""
    new_window.show()
    return new_window
