"""The self-test's steps for what a user's app reads besides the install: settings, shared and own library.

Each problem there is a WARN line (see `selftest`'s docstring for why WARN, not FAIL).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from roledesigner.files.settings import Settings, load_settings, settings_path
from roledesigner.library.catalogue import Folder, Library, Problem
from roledesigner.library.folderfiles import folder_state
from roledesigner.library.loader import default_folders, load_library


@dataclass(frozen=True)
class Warned:
    """A step that passed with something to mend: its detail, then each problem as its own line."""

    detail: str
    problems: list[str]


def plural(count: int, word: str, many: str = "") -> str:
    """ "1 page", "2 pages"; `many` for a plural that is not the word and an s."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def check_settings(found: list[Settings]) -> str | Warned:
    """Read the settings file as the app does: a problem with it is a warning, and the defaults are used."""
    warnings: list[str] = []
    found.append(load_settings(warnings))
    path = settings_path()
    try:
        exists = path.is_file()
    except OSError:
        exists = True  # there, but its status cannot be read: load_settings has said why
    detail = f"read from {path}" if exists else f"the defaults: there is no settings file at {path}"
    if warnings:
        return Warned(f"{detail}; {_problems(len(warnings))}", warnings)
    return detail


def _problems(count: int) -> str:
    return f"{count} problems, each below" if count != 1 else "1 problem, below"


def _entries(library: Library, folder: Folder) -> str:
    """What `folder` adds to the library, as "2 capabilities and 1 emerging role"."""
    kinds = Counter(kind for (kind, _), origin in library.origins.items() if origin.folder == folder)
    words = {"capability": ("capability", "capabilities"), "role": ("emerging role", "emerging roles")}
    parts = [plural(kinds[kind], *words.get(kind, (kind, kind + "s"))) for kind in ("capability", "role")]
    parts += [plural(kinds[kind], kind) for kind in ("framework", "source", "glossary") if kinds[kind]]
    parts = [part for part in parts if not part.startswith("0 ")]
    if not parts:
        return "nothing"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def check_layer(folder: Folder, below: list[Folder], before: list[Library]) -> str | Warned:
    """Load `folder` over the folders `below` it, as the app does; report the problems it adds.

    `before` holds the library loaded from `below` alone, and is given this one for the next layer.
    """
    library = load_library([*below, folder])
    earlier = set(before[-1].problems) if before else set()
    before.append(library)
    added: list[Problem] = [problem for problem in library.problems if problem not in earlier]
    state = folder_state(folder.path)
    if state == "missing" and folder.label == "user":
        return f"none yet: {folder.path} is made when you save your first entry"
    if state == "missing":
        return Warned(f"{folder.path} is not there (a network drive not connected?); the app runs without it", [])
    summary = f"{_entries(library, folder)} from {folder.path}"
    if not added:
        return f"{summary}, no problems"
    skipped = "what they name was skipped" if len(added) != 1 else "what it names was skipped"
    return Warned(f"{summary}; {_problems(len(added))}: {skipped}", [str(problem) for problem in added])


def library_steps(bundled: list[Library]) -> Iterator[tuple[str, Callable[[], str | Warned]]]:
    """The steps in order: the settings, then the shared and the user's library, each loaded over
    those before it. Lazy: a step is made only after the one before it has run, as each needs the
    last one's result; `bundled` holds the bundled library alone (empty if it could not load)."""
    found: list[Settings] = []
    yield "Settings", lambda: check_settings(found)
    folders = default_folders(found[0] if found else Settings())
    below, layers = folders[:1], bundled[:1]
    shared = next((folder for folder in folders if folder.label == "shared"), None)
    if shared is None:
        yield "Shared library", lambda: "none is set (Settings, or ROLEDESIGNER_SHARED_LIBRARY)"
    else:
        yield "Shared library", partial(check_layer, shared, below, layers)
        below = [*below, shared]
    yield "Your library", partial(check_layer, folders[-1], below, layers)
