"""Which bundled or shared entry a user's entry of the same id replaces: the loader layers by id."""

from __future__ import annotations

from pathlib import Path

from roledesigner.library.catalogue import Library, Origin
from roledesigner.library.userentries.common import EntryKind

_FOLDER_WORDS = {
    "bundled": "the bundled entry",
    "shared": "the entry in your team's shared library",
    "extra": "the entry in an extra library",
}


def _overridden_origin(kind: EntryKind, entry_id: str, library: Library) -> Origin | None:
    key = (kind, entry_id)
    origin = library.origins.get(key)
    if origin is None:
        return None
    if origin.folder.label != "user":
        return origin
    replaced = [item for item in library.overridden.get(key, []) if item.folder.label != "user"]
    return replaced[-1] if replaced else None


def overrides(kind: EntryKind, entry_id: str, library: Library) -> Path | None:
    """The bundled or shared file that a user entry with this id overrides (or would), or None."""
    origin = _overridden_origin(kind, entry_id.strip(), library)
    return origin.file if origin else None


def override_note(kind: EntryKind, entry_id: str, library: Library) -> str:
    """ "This will override the bundled entry in FILE." when a user entry with this id would; else ""."""
    origin = _overridden_origin(kind, entry_id.strip(), library)
    if origin is None:
        return ""
    return f"This will override {_FOLDER_WORDS.get(origin.folder.label, 'the entry')} in {origin.file}."
