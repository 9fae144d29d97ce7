"""Which of the app's own folders cannot be written, found once at start-up.

A locked-down machine may give the app a home folder it cannot write. The app still starts,
and says at once what will not work, instead of failing later when the user saves settings
or when autosave first runs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from roledesigner.settings import config_dir, data_dir


def write_problem(folder: Path) -> str | None:
    """Why `folder` cannot hold new files (it is created if missing), or None if it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".write-check-", dir=folder)
        os.close(handle)
        Path(name).unlink()
    except OSError as error:
        return error.strerror.lower() if error.strerror else str(error)
    return None


def start_up_problems() -> list[str]:
    """One plain sentence for each of the app's own folders it cannot write."""
    problems = []
    folder = config_dir()
    reason = write_problem(folder)
    if reason:
        problems.append(f"Settings cannot be saved, because {folder} cannot be written ({reason}).")
    folder = data_dir()
    reason = write_problem(folder)
    if reason:
        problems.append(
            f"Autosave and your own library entries are off, because {folder} cannot be written ({reason})."
        )
    return problems
