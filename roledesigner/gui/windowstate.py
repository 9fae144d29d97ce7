"""Qt's own settings (window layout, the last folder, recent files) in the app's settings folder.

`QSettings()` with no arguments writes under `~/.config/RoleDesigner/` (or the registry on
Windows), wherever IT pointed `ROLEDESIGNER_CONFIG_DIR`: a locked-down or portable install would
then leave files behind in the home folder. An INI file beside `settings.json` keeps everything
the app writes about the user in the one configured folder.

The window's frame reads its layout before it is first shown, when nothing may import pydantic,
so the folder comes from `files.locations`, which defines none.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from roledesigner.files.locations import config_dir

FILE_NAME = "window.ini"


def window_settings_path() -> Path:
    return config_dir() / FILE_NAME


def window_settings(parent: QObject | None = None) -> QSettings:
    """The window's own settings, read and written as INI text in the configured folder."""
    return QSettings(str(window_settings_path()), QSettings.Format.IniFormat, parent)
