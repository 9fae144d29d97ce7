"""Qt fixtures for the folders whose tests render documents or drive the app (cli, documents, gui)."""

from __future__ import annotations

import os
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True, scope="session")
def qt_application(qapp: Any) -> Any:
    """One QApplication for the whole run, made first: a document test alone would start a bare
    QGuiApplication for rendering, and widgets cannot live in that."""
    return qapp
