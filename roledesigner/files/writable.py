"""Which of the app's own folders cannot be written, found once at start-up.

A locked-down machine may give the app a home folder it cannot write. The app still starts,
and says at once what will not work, instead of failing later when the user saves settings,
when autosave first runs or when the user saves an entry of their own. The three folders are
checked apart, because each can be put elsewhere: the settings folder and the data folder (which
holds the recovery copies) by the environment, the user's library folder by the settings too.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from roledesigner.files.locations import config_dir
from roledesigner.files.recovery import recovery_dir
from roledesigner.files.settings import Settings, load_settings, user_library_dir


def write_problem(folder: Path) -> str | None:
    """Why `folder` cannot hold new files (it is created if missing), or None if it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".write-check-", dir=folder)
        os.close(handle)
        Path(name).unlink()
    except OSError as error:
        return _reason(error)
    return None


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)


def start_up_problems(settings: Settings | None = None) -> list[str]:
    """One plain sentence for each of the app's own folders it cannot write.

    `settings` are the ones the app loaded; without them they are read here (a settings file that
    cannot be read means the defaults: `load_settings` never fails).
    """
    problems: list[str] = []
    folder = config_dir()
    reason = write_problem(folder)
    if reason:
        problems.append(f"Settings cannot be saved, because {folder} cannot be written ({reason}).")
    folder = recovery_dir()
    reason = write_problem(folder)
    if reason:
        problems.append(f"Autosave cannot keep recovery copies, because {folder} cannot be written ({reason}).")
    folder = user_library_dir(settings if settings is not None else load_settings())
    reason = write_problem(folder)
    if reason:
        problems.append(
            f"New entries for your own library cannot be saved, because {folder} cannot be written ({reason})."
        )
    return problems
