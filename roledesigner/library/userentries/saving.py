"""The user's own entry files: which one holds an entry, saving one, deleting one, and nothing else.

Entries are saved one to a file as `capabilities/<id>.yaml` or `roles/<id>.yaml` in the user's
library folder, the shape the loader reads; nothing is written or deleted outside that folder.
"""

from __future__ import annotations

from pathlib import Path

from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.library.catalogue import Library
from roledesigner.library.models import Capability, Role
from roledesigner.library.userentries.common import (
    ID_MAX,
    ID_PATTERN,
    SUBFOLDERS,
    WORDS,
    EntryError,
    EntryKind,
    entry_file,
    inside,
)
from roledesigner.library.userentries.plaindata import entry_yaml
from roledesigner.library.yamlfile import YamlFileError, read_yaml


def own_file(kind: EntryKind, entry_id: str, library: Library, folder: Path) -> Path | None:
    """The file in the user's folder that holds this entry alone, as Role Designer saves it; else None.

    Only such entries can be edited or deleted in the app; an entry in a hand-made file that holds
    several is left to a text editor.
    """
    origin = library.origins.get((kind, entry_id))
    if origin is None or origin.folder.label != "user":
        return None
    expected = entry_file(folder, kind, entry_id)
    if expected is None or not inside(expected, folder):
        return None
    try:
        same = expected.resolve() == origin.file.resolve()
    except (OSError, RuntimeError):
        return None
    return expected if same else None


def save_entry(entry: Capability | Role, folder: Path, *, replacing: str | None = None) -> Path:
    """Write the entry to `folder/capabilities/<id>.yaml` or `folder/roles/<id>.yaml` atomically.

    With `replacing` (the id of the user's entry being edited), a renamed entry's old file is removed
    after the new one is written. Raises EntryError with a plain sentence when it cannot be written.
    """
    kind: EntryKind = "capability" if isinstance(entry, Capability) else "role"
    subfolder = folder / SUBFOLDERS[kind]
    path = entry_file(folder, kind, entry.id) or subfolder / f"{entry.id}.yaml"
    if not inside(path, folder):
        raise EntryError(f"Cannot save {path}: it lies outside your library folder {folder}.", "id")
    try:
        subfolder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, entry_yaml(entry).encode("utf-8"))
    except WriteError as error:
        raise EntryError(str(error)) from error
    except OSError as error:
        raise EntryError(f"Cannot save {path}: the folder {subfolder} could not be made ({error.strerror}).") from error
    if replacing and replacing != entry.id and entry_file(folder, kind, replacing) is not None:
        delete_entry(kind, replacing, folder)
    return path


def delete_entry(kind: EntryKind, entry_id: str, folder: Path) -> None:
    """Delete the user's file for this entry from their library folder, and nothing else.

    Refuses (EntryError) an unknown kind, anything that is not an identifier, a file that resolves
    outside the folder, and a file that does not hold exactly this one entry.
    """
    if kind not in SUBFOLDERS:
        raise EntryError(f"Only capabilities and emerging roles can be deleted, not '{kind}'.")
    if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id) or len(entry_id) > ID_MAX:
        raise EntryError(f"'{entry_id}' is not an identifier, so nothing was deleted.", "id")
    path = entry_file(folder, kind, entry_id)
    if path is None:
        raise EntryError(f"There is no file for the {WORDS[kind]} '{entry_id}' in your library folder {folder}.")
    if not inside(path, folder / SUBFOLDERS[kind]):
        raise EntryError(f"{path} leads outside your library folder {folder}, so it was not deleted.")
    try:
        content = read_yaml(path, folder)
    except YamlFileError as error:
        raise EntryError(f"{path}: {error}; it was not deleted, so nothing is lost.") from error
    if not isinstance(content, dict) or content.get("id") != entry_id:
        raise EntryError(
            f"{path} does not hold the {WORDS[kind]} '{entry_id}' on its own, so it was not deleted; "
            "change it in a text editor."
        )
    try:
        path.unlink()
    except OSError as error:
        raise EntryError(f"Cannot delete {path}: {error.strerror or error}.") from error
