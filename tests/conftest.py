"""Shared fixtures with no Qt: an isolated settings/user folder for every test, and the real library.

Qt's fixtures live in tests/support/qt.py, used only by the folders that need a display
(cli, documents, gui), so tests/domain, files, library and review run with no Qt imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from roledesigner.files.paths import library_dir
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library


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
