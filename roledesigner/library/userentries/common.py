"""What every part of the user's entries shares: the two kinds, their folders, identifiers, the error."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from roledesigner.library.catalogue import Library
from roledesigner.library.folderfiles import EXTENSIONS, present

EntryKind = Literal["capability", "role"]
Problems = list[tuple[str, str]]

SUBFOLDERS: dict[EntryKind, str] = {"capability": "capabilities", "role": "roles"}
WORDS: dict[EntryKind, str] = {"capability": "capability", "role": "emerging role"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
ID_MAX = 80


class EntryError(Exception):
    """An entry cannot be saved, found or deleted; str() is one plain sentence, `field` the field concerned."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def is_id(value: str) -> bool:
    text = value.strip()
    return bool(ID_PATTERN.match(text)) and len(text) <= ID_MAX


def top(path: str) -> str:
    """The field a problem's path starts with: `sources[2].id` -> `sources`."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def store(library: Library, kind: EntryKind) -> dict[str, Any]:
    return library.capabilities if kind == "capability" else library.roles


def entry_file(folder: Path, kind: EntryKind, entry_id: str) -> Path | None:
    """The file Role Designer saves this entry in, if it (or a link by its name) is there.

    One that cannot even be checked (permission denied) counts as there: it is not overwritten
    unseen, and reading or deleting it says why it cannot be.
    """
    for extension in EXTENSIONS:
        path = folder / SUBFOLDERS[kind] / f"{entry_id}{extension}"
        if present(path):
            return path
    return None


def inside(path: Path, folder: Path) -> bool:
    """Whether `path` (which need not exist yet), with its links resolved, lies within `folder`."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False
