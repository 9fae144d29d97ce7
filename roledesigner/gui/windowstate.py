"""Qt's own settings (window layout, the last folder, recent files) in the app's settings folder.

`QSettings()` with no arguments writes under `~/.config/RoleDesigner/` (or the registry on
Windows), wherever IT pointed `ROLEDESIGNER_CONFIG_DIR`: a locked-down or portable install would
then leave files behind in the home folder. An INI file beside `settings.json` keeps everything
the app writes about the user in the one configured folder.

The window's frame reads its layout before it is first shown, when nothing may import pydantic
(it costs more than a bare window's whole start), and `files.settings` defines pydantic models. So
the folder is found here by `files.settings.config_dir`'s rule, which a test holds to that
function; once the rule has a home of its own without pydantic, this should call it instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings

FILE_NAME = "window.ini"
#: The names `files.settings` uses: the environment override and the per-user folder's name.
_ENV_CONFIG_DIR = "ROLEDESIGNER_CONFIG_DIR"
_APP_FOLDER = "RoleDesigner"


def window_settings_path() -> Path:
    """`files.settings.config_dir() / "window.ini"`, without importing pydantic."""
    folder = os.environ.get(_ENV_CONFIG_DIR)
    if not folder:
        from platformdirs import user_config_dir

        folder = user_config_dir(_APP_FOLDER, appauthor=False)
    return Path(folder) / FILE_NAME


def window_settings(parent: QObject | None = None) -> QSettings:
    """The window's own settings, read and written as INI text in the configured folder."""
    return QSettings(str(window_settings_path()), QSettings.Format.IniFormat, parent)
