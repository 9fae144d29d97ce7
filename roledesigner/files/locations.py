"""Where the app keeps what it writes about the user: the settings and data folders.

Apart from `files.settings` (which defines pydantic models) because the window's frame reads its
layout from here before it is first shown, when nothing may import pydantic.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "RoleDesigner"
ENV_CONFIG_DIR = "ROLEDESIGNER_CONFIG_DIR"
ENV_DATA_DIR = "ROLEDESIGNER_DATA_DIR"


def config_dir() -> Path:
    return Path(os.environ.get(ENV_CONFIG_DIR) or user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(os.environ.get(ENV_DATA_DIR) or user_data_dir(APP_NAME, appauthor=False))
