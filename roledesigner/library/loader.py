"""Load library folders in order (bundled, shared, user): validate, layer by id, cross-check.

One bad file, entry or folder never stops the rest: it is skipped and recorded as a Problem naming
the file, the entry and the field. Whatever goes wrong while one file is read or checked, even a
fault no rule foresaw, becomes that file's Problem, so a team's broken file costs its own entries
and a warning, never the app or a command. How files are read safely is `folderfiles`'s and
`yamlfile`'s job; what they quote from a file is made visible by `quoting`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from roledesigner.domain.errors import plain_errors
from roledesigner.files.paths import library_dir
from roledesigner.files.settings import Settings, load_settings, user_library_dir
from roledesigner.library.catalogue import Folder, Kind, Library, Origin, Problem
from roledesigner.library.folderfiles import UnreadableFile, folder_state, list_yaml, present
from roledesigner.library.models import Capability, Framework, GlossaryEntry, Role, Source, SourceRef
from roledesigner.library.quoting import quoted
from roledesigner.library.yamlfile import YamlFileError, read_yaml

#: (kind, model, single file holding a list under `key`, or a folder of entry files)
_LIST_FILES: list[tuple[Kind, type[BaseModel], str, str]] = [
    ("framework", Framework, "frameworks.yaml", "frameworks"),
    ("source", Source, "sources.yaml", "sources"),
    ("glossary", GlossaryEntry, "glossary.yaml", "glossary"),
]
_ENTRY_FOLDERS: list[tuple[Kind, type[BaseModel], str]] = [
    ("capability", Capability, "capabilities"),
    ("role", Role, "roles"),
]


def default_folders(settings: Settings | None = None) -> list[Folder]:
    """The bundled library, then the team's shared folder, then the user's own (later wins)."""
    settings = settings or load_settings()
    folders = [Folder(library_dir(), "bundled")]
    if settings.shared_library:
        folders.append(Folder(settings.shared_library, "shared"))
    folders.append(Folder(user_library_dir(settings), "user"))
    return folders


def load_library(folders: Iterable[Folder] | None = None) -> Library:
    library = Library(folders=list(folders) if folders is not None else default_folders())
    for folder in library.folders:
        state = folder_state(folder.path)
        if state == "folder":
            with _skipped_on_fault(library, folder.path, "folder"):
                _load_folder(library, folder)
        elif state != "missing" or folder.label in ("bundled", "extra"):
            reason = "is not a folder that can be read" if state in ("missing", "is not a folder") else state
            library.problems.append(Problem(folder.path, f"{reason}, so it was skipped"))
    _cross_check(library)
    return library


def _store(library: Library) -> dict[Kind, dict[str, Any]]:
    return {
        "framework": library.frameworks,
        "source": library.sources,
        "glossary": library.glossary,
        "capability": library.capabilities,
        "role": library.roles,
    }


def _load_folder(library: Library, folder: Folder) -> None:
    seen_here: dict[tuple[Kind, str], Path] = {}
    root = folder.path.resolve()  # once, not for every file
    for kind, model, name, key in _LIST_FILES:
        path = folder.path / name
        if present(path):
            with _skipped_on_fault(library, path):
                for raw in _list_in(library, root, path, key):
                    _add(library, folder, path, kind, model, raw, seen_here)
    for kind, model, sub in _ENTRY_FOLDERS:
        directory = folder.path / sub
        if not present(directory):
            continue
        try:
            files = list_yaml(directory, root)
        except UnreadableFile as error:
            library.problems.append(Problem(directory, f"{error}; the {kind} entries in it were skipped"))
            continue
        for path in files:
            with _skipped_on_fault(library, path):
                _load_entries(library, folder, root, path, kind, model, seen_here)


def _load_entries(
    library: Library,
    folder: Folder,
    root: Path,
    path: Path,
    kind: Kind,
    model: type[BaseModel],
    seen: dict[tuple[Kind, str], Path],
) -> None:
    data = _read(library, root, path)
    if data is None:
        return
    for raw in data if isinstance(data, list) else [data]:
        _add(library, folder, path, kind, model, raw, seen)


@contextmanager
def _skipped_on_fault(library: Library, path: Path, what: str = "file") -> Iterator[None]:
    """A fault no rule foresaw while one file (or folder) is read skips the rest of it only.

    The entries read before the fault stay: each is checked whole before it is stored.
    """
    skipped = f"the {what} was skipped"
    try:
        yield
    except RecursionError:
        library.problems.append(Problem(path, f"nests lists or groups too deeply to be read; {skipped}"))
    except MemoryError:
        library.problems.append(Problem(path, f"needs more memory than there is to read; {skipped}"))
    except Exception as error:  # noqa: BLE001 - one hostile or damaged file must not stop the app
        name = type(error).__name__
        library.problems.append(
            Problem(path, f"could not be read ({name}, a fault Role Designer did not expect); {skipped}")
        )


def _read(library: Library, root: Path, path: Path) -> Any:
    """The data in one file of the library folder `root` (resolved), or None with its Problem."""
    try:
        data = read_yaml(path, root)
    except YamlFileError as error:
        library.problems.append(Problem(path, f"{error}; the file was skipped"))
        return None
    if data is None:
        library.problems.append(Problem(path, "is empty; the file was skipped"))
    return data


def _list_in(library: Library, root: Path, path: Path, key: str) -> Iterator[Any]:
    data = _read(library, root, path)
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        library.problems.append(Problem(path, f"must hold a list under '{key}:'; the file was skipped"))
        return
    yield from data[key]


def _add(
    library: Library,
    folder: Folder,
    path: Path,
    kind: Kind,
    model: type[BaseModel],
    raw: Any,
    seen_here: dict[tuple[Kind, str], Path],
) -> None:
    if not isinstance(raw, dict):
        library.problems.append(Problem(path, f"holds something that is not a {kind} entry; it was skipped"))
        return
    raw_id = raw.get("term" if kind == "glossary" else "id")
    label = quoted(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else ""
    try:
        entry = model.model_validate(raw)
    except ValidationError as error:
        for field, phrase in plain_errors(error):
            message = f"{quoted(phrase, 200)}; the entry was skipped"
            library.problems.append(Problem(path, message, label, quoted(field, 120)))
        return
    entry_id = str(getattr(entry, "term" if kind == "glossary" else "id"))
    key = (kind, entry_id)
    if key in seen_here:
        message = f"repeats the {kind} id already used in {seen_here[key]}; this one was skipped"
        library.problems.append(Problem(path, message, entry_id, "id"))
        return
    seen_here[key] = path
    store = _store(library)[kind]
    if entry_id in store:
        library.overridden.setdefault(key, []).append(library.origins[key])
    store[entry_id] = entry
    library.origins[key] = Origin(folder, path)


def _cross_check(library: Library) -> None:
    """Drop what cannot work (unknown domain, missing capability) and report unknown sources."""
    domains = library.capability_domains
    for cap_id, capability in list(library.capabilities.items()):
        if capability.domain not in domains:
            known = ", ".join(domains) or "none are loaded"
            message = f"names the unknown domain '{capability.domain}' (known: {known}); the entry was skipped"
            library.problems.append(Problem(_file(library, "capability", cap_id), message, cap_id, "domain"))
            del library.capabilities[cap_id]
    for role_id, role in list(library.roles.items()):
        kept = []
        for index, ref in enumerate(role.capabilities):
            if ref.id in library.capabilities:
                kept.append(ref)
                continue
            message = f"names the capability '{ref.id}', which is not in the library; that line was left out"
            field = f"capabilities[{index}]"
            library.problems.append(Problem(_file(library, "role", role_id), message, role_id, field))
        if len(kept) != len(role.capabilities):
            library.roles[role_id] = role.model_copy(update={"capabilities": kept})
    for kind, store in (
        ("framework", library.frameworks),
        ("capability", library.capabilities),
        ("role", library.roles),
    ):
        for entry_id, entry in store.items():
            for field, cited in _citations(entry):
                if cited.id not in library.sources:
                    message = f"cites the source '{cited.id}', which is not in sources.yaml"
                    file = _file(library, kind, entry_id)  # type: ignore[arg-type]
                    library.problems.append(Problem(file, message, entry_id, field))


def _citations(entry: Framework | Capability | Role) -> Iterator[tuple[str, SourceRef]]:
    """Every source an entry cites, with the field that cites it (a role's criteria cite their own)."""
    for index, cited in enumerate(entry.sources):
        yield f"sources[{index}]", cited
    if isinstance(entry, Role):
        for number, criterion in enumerate(entry.criteria):
            for index, cited in enumerate(criterion.sources):
                yield f"criteria[{number}].sources[{index}]", cited


def _file(library: Library, kind: Kind, entry_id: str) -> Path:
    return library.origins[(kind, entry_id)].file
