"""Helpers for tests that drive the main window."""

from __future__ import annotations

from typing import Any

import pytest

from roledesigner.gui.mainwindow import MainWindow


def bound(win: MainWindow, path: str) -> Any:
    """The widget bound to a field path (it must exist)."""
    binding = win.editor.binder.find(path)
    assert binding is not None, path
    return binding.widget


def preview_text(win: MainWindow) -> str:
    win.preview.refresh_now()
    return " ".join(win.preview.browser.toPlainText().split())


def choose_role(monkeypatch: pytest.MonkeyPatch, role_id: str | None) -> None:
    """File, New answers with `role_id` (None: a blank design), as a user choosing in the dialog would."""

    class Chooser:
        def __init__(self, *_args: Any) -> None:
            pass

        def exec(self) -> int:
            return 1

        def chosen_role(self) -> str | None:
            return role_id

    monkeypatch.setattr("roledesigner.gui.dialogs.newdesign.NewDesignDialog", Chooser)
