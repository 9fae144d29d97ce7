"""The one settings file, read by the command line and the app alike.

It lives in the per-user config folder (platformdirs). IT departments can point the app at
other folders with environment variables, which win over the file.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from roledesigner.domain.errors import describe
from roledesigner.domain.numbers import WeeklyHours
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.jsontext import JsonLimit, load_json
from roledesigner.files.locations import config_dir, data_dir
from roledesigner.files.reading import UnreadableFile, read_regular

ENV_USER_LIBRARY = "ROLEDESIGNER_USER_LIBRARY"
ENV_SHARED_LIBRARY = "ROLEDESIGNER_SHARED_LIBRARY"
ENV_TEMPLATE = "ROLEDESIGNER_TEMPLATE"
#: The app's colour themes: the system's own, or Role Designer's light or dark palette.
Theme = Literal["system", "light", "dark"]
#: A settings file is a few hundred bytes; anything near this is not one.
MAX_SETTINGS_BYTES = 1024 * 1024


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    organisation_name: str = ""
    organisation_logo: Path | None = None
    default_contracted_hours: WeeklyHours = Decimal("37.5")
    word_template: Path | None = None
    user_library: Path | None = None
    shared_library: Path | None = None
    #: Mark the header of every document "Draft" until the post is approved or advertised.
    show_draft_mark: bool = True
    #: How exported files are named: {organisation}, {title}, {version}, {reference} and {status} are filled in.
    file_name: str = "{organisation} {title} v{version}"
    #: The app's colours (`gui/theme.py`).
    theme: Theme = "system"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _overrides() -> dict[str, Path]:
    """Settings an IT department set through the environment: they win over the file."""
    values = {
        "user_library": os.environ.get(ENV_USER_LIBRARY),
        "shared_library": os.environ.get(ENV_SHARED_LIBRARY),
        "word_template": os.environ.get(ENV_TEMPLATE),
    }
    return {key: Path(value) for key, value in values.items() if value}


def _file_settings(warnings: list[str] | None = None) -> Settings:
    """The file's settings; anything wrong with the file is a warning and the defaults, never a stop."""
    path = settings_path()
    settings = Settings()
    try:
        raw = read_regular(path, MAX_SETTINGS_BYTES)
        settings = Settings.model_validate(load_json(raw.decode("utf-8-sig")))
    except UnreadableFile as error:
        if error.reason != "it does not exist":  # no file yet: the defaults, nothing to say
            _warn(warnings, f"Settings file {path} could not be read ({error.reason}); using the defaults.")
    except (UnicodeDecodeError, json.JSONDecodeError):
        _warn(warnings, f"Settings file {path} is damaged (it is not readable settings text); using the defaults.")
    except JsonLimit as error:
        _warn(warnings, f"Settings file {path} is damaged ({error}); using the defaults.")
    except ValidationError as error:
        _warn(warnings, f"Settings file {path} has a problem ({describe(error)}); using the defaults.")
    return settings


def load_settings(warnings: list[str] | None = None) -> Settings:
    """Read the settings file; a missing file means defaults, a broken one a warning and defaults.
    Environment overrides win over the file."""
    settings = _file_settings(warnings)
    changes = _overrides()
    return settings.model_copy(update=changes) if changes else settings


def _warn(warnings: list[str] | None, message: str) -> None:
    if warnings is not None:
        warnings.append(message)


def save_settings(settings: Settings) -> None:
    """Write the settings file. A field the environment overrides keeps the file's own value, so
    an IT department's setting never ends up written into the user's file."""
    overridden = _overrides()
    if overridden:
        on_file = _file_settings()
        settings = settings.model_copy(update={key: getattr(on_file, key) for key in overridden})
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = settings.model_dump_json(indent=2, exclude_defaults=False)
    try:
        write_atomically(path, (text + "\n").encode("utf-8"))
    except WriteError as error:
        raise OSError(str(error)) from error


def user_library_dir(settings: Settings) -> Path:
    return settings.user_library or data_dir() / "library"
