"""Qt's own settings (window layout, recent files) stay in the configured settings folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.files.designfile import save_design
from roledesigner.files.locations import config_dir
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.gui.windowstate import window_settings_path


def test_layout_and_recent_files_are_written_in_the_configured_folder(
    new_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    configured = Path(os.environ["ROLEDESIGNER_CONFIG_DIR"])
    design = tmp_path / "lead.roledesign"
    save_design(sample_design(new_window.controller.library), design)
    new_window.show()
    assert new_window.open_file(design)
    new_window.close()

    written = QSettings(str(configured / "window.ini"), QSettings.Format.IniFormat)
    assert written.value("recentFiles") in ([str(design.resolve())], str(design.resolve()))
    assert written.value("geometry") is not None and written.value("windowState") is not None


def test_the_file_follows_the_settings_folder_rule(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ROLEDESIGNER_CONFIG_DIR", str(tmp_path / "it chose this"))
    assert window_settings_path() == config_dir() / "window.ini" == tmp_path / "it chose this" / "window.ini"
    monkeypatch.delenv("ROLEDESIGNER_CONFIG_DIR")
    assert window_settings_path() == config_dir() / "window.ini"
