"""The one resource locator: where `templates/` and `role_library/` are, however the app was installed.

Three layouts exist: a source checkout (the folders beside the package), an installed wheel
(copied into `roledesigner/_data/`), and a PyInstaller bundle (unpacked under `sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from roledesigner.domain.errors import InputError

RESOURCES = ("templates", "role_library")
_PACKAGE = Path(__file__).resolve().parent.parent  # roledesigner/, above files/


class ResourceMissing(InputError):
    """A data folder the app needs is not where any install layout puts it."""


def candidate_roots() -> list[Path]:
    """Folders that may hold the data folders, most specific first."""
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle))
    roots.append(_PACKAGE / "_data")
    roots.append(_PACKAGE.parent)
    return roots


@cache
def resource_dir(name: str) -> Path:
    """The folder `name` (one of RESOURCES) in the first layout that has it."""
    if name not in RESOURCES:
        raise ValueError(f"unknown resource folder {name!r}")
    for root in candidate_roots():
        folder = root / name
        if folder.is_dir():
            return folder
    searched = ", ".join(str(root / name) for root in candidate_roots())
    raise ResourceMissing(f"Role Designer's {name} folder is missing (looked in {searched}); reinstall the app.")


def library_dir() -> Path:
    return resource_dir("role_library")


def templates_dir() -> Path:
    return resource_dir("templates")
