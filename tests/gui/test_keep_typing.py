"""Save and export keep what is being typed in a table cell (Ctrl+S or Ctrl+E straight from it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from roledesigner.files.designfile import load_design
from roledesigner.gui.mainwindow import MainWindow
from tests.support.window import choose_role


def test_save_keeps_the_partner_name_still_being_typed(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lead.roledesign"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), ""))
    choose_role(monkeypatch, "joint_mental_health_lead")
    window.new_action.trigger()
    window.editor.setCurrentWidget(window.editor.joint_tab)
    add = next(b for b in window.editor.findChildren(QPushButton) if b.text().replace("&", "") == "Add partner")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    typing: Any = window.focusWidget()
    qtbot.keyClicks(typing, "North Shire ICB")  # type: ignore[no-untyped-call]
    assert window.controller.design.joint is not None
    assert window.controller.design.joint.partners[0].organisation == "New partner", "still being typed"
    window.save_action.trigger()
    saved = load_design(target)
    assert saved.joint is not None and saved.joint.partners[0].organisation == "North Shire ICB"
