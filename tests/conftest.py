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
