"""Helpers for tests that drive the main window."""

from __future__ import annotations

from typing import Any

from roledesigner.gui.mainwindow import MainWindow


def bound(win: MainWindow, path: str) -> Any:
    """The widget bound to a field path (it must exist)."""
    binding = win.editor.binder.find(path)
    assert binding is not None, path
    return binding.widget


def preview_text(win: MainWindow) -> str:
    win.preview.refresh_now()
    return " ".join(win.preview.browser.toPlainText().split())
