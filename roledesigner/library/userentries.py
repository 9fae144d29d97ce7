"""The user's own library entries: create, check, save, duplicate and delete capabilities and emerging roles.

No Qt. The entry dialog is a thin form over these rules: it turns its fields into a plain dict in the
shape of a library YAML file, asks `validate_capability` or `validate_role` after every keystroke, and
shows each (field, phrase) problem beside its field through `form_messages`.

Entries are saved one to a file as `capabilities/<id>.yaml` or `roles/<id>.yaml` in the user's library
folder, the shape the loader reads, so a saved entry loads back equal and marked as the user's own. An
id equal to a bundled or shared entry is allowed: the user's entry overrides it (`overrides`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError

from roledesigner.domain.errors import plain_errors
from roledesigner.domain.models import Allocation
from roledesigner.domain.numbers import json_number
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.library.catalogue import Library, Origin
from roledesigner.library.models import Capability, Role
from roledesigner.library.yamlfile import YamlFileError, read_yaml

EntryKind = Literal["capability", "role"]
Problems = list[tuple[str, str]]

SUBFOLDERS: dict[EntryKind, str] = {"capability": "capabilities", "role": "roles"}
_WORDS: dict[EntryKind, str] = {"capability": "capability", "role": "emerging role"}
_MODELS: dict[EntryKind, type[Capability] | type[Role]] = {"capability": Capability, "role": Role}
_EXTENSIONS = (".yaml", ".yml")
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_ID_MAX = 80

#: The label of each field as the form shows it; messages start with it.
FIELD_LABELS: dict[str, str] = {
    "id": "Identifier",
    "name": "Name",
    "domain": "Framework domain",
    "description": "Description",
    "indicators": "Indicators (what good looks like)",
    "criterion": "Person specification criterion",
    "category": "Criterion category",
    "interview_questions": "Interview questions",
    "summary": "Summary",
    "purpose": "Job purpose",
    "footprint": "Footprint",
    "function": "Function",
    "sectors": "Sectors",
    "responsibilities": "Responsibilities",
    "capabilities": "Capabilities",
    "suggested_system_time.unit": "Suggested system time unit",
    "suggested_system_time.amount": "Suggested system time",
    "suggested_system_time.reason": "Reason for the suggested time",
    "considerations": "Things to consider",
    "sources": "Sources",
}

#: Fields whose label is plural, so their messages read "are required".
_PLURAL_FIELDS = frozenset(
    {"indicators", "interview_questions", "sectors", "responsibilities", "capabilities", "considerations", "sources"}
)

_FOLDER_WORDS = {
    "bundled": "the bundled entry",
    "shared": "the entry in your team's shared library",
    "extra": "the entry in an extra library",
}


class EntryError(Exception):
    """An entry cannot be saved, found or deleted; str() is one plain sentence, `field` the field concerned."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


# --- checking -------------------------------------------------------------------------------------


def validate_capability(
    data: dict[str, Any], library: Library, *, editing: str | None = None, folder: Path | None = None
) -> tuple[Capability | None, Problems]:
    """The capability the data describes, or None and every problem as (field path, phrase).

    Beyond the model's own rules: the domain must be one the library files capabilities under, every
    source must be in the library's list of sources, and the id must not be one of the user's own
    capabilities other than the one being edited (`editing`). With `folder`, an id whose file already
    exists there (say a file that failed to load) is refused too, so it is never overwritten unseen.
    """
    cleaned = _clean(data)
    entry, problems = _model_check(Capability, cleaned)
    problems += _id_problems("capability", cleaned.get("id"), library, editing, folder)
    domain = cleaned.get("domain")
    domains = library.capability_domains
    if isinstance(domain, str) and _is_id(domain) and domain.strip() not in domains:
        known = ", ".join(domains) or "none are loaded"
        problems.append(("domain", f"names the unknown domain '{domain.strip()}' (known: {known})"))
    problems += _source_problems(cleaned.get("sources"), library)
    problems = _ordered(Capability, problems)
    return (entry if not problems and isinstance(entry, Capability) else None), problems


def validate_role(
    data: dict[str, Any], library: Library, *, editing: str | None = None, folder: Path | None = None
) -> tuple[Role | None, Problems]:
    """The emerging role the data describes, or None and every problem as (field path, phrase).

    Beyond the model's own rules: every capability must be in the library, every source in its list
    of sources, and the id not one of the user's own roles other than the one being edited.
    """
    cleaned = _clean(data)
    entry, problems = _model_check(Role, cleaned)
    problems += _id_problems("role", cleaned.get("id"), library, editing, folder)
    refs = cleaned.get("capabilities")
    if isinstance(refs, list):
        for index, ref in enumerate(refs):
            cap_id = _ref_id(ref)
            if cap_id and _is_id(cap_id) and cap_id not in library.capabilities:
                problems.append(
                    (f"capabilities[{index}]", f"names the capability '{cap_id}', which is not in the library")
                )
    problems += _time_problems(cleaned.get("suggested_system_time"))
    problems += _source_problems(cleaned.get("sources"), library)
    problems = _ordered(Role, problems)
    return (entry if not problems and isinstance(entry, Role) else None), problems


def validate_entry(
    kind: EntryKind, data: dict[str, Any], library: Library, *, editing: str | None = None, folder: Path | None = None
) -> tuple[Capability | Role | None, Problems]:
    """`validate_capability` or `validate_role`, by kind."""
    if kind == "capability":
        return validate_capability(data, library, editing=editing, folder=folder)
    return validate_role(data, library, editing=editing, folder=folder)


def _clean(value: Any) -> Any:
    """Leave out blank text, empty lists and None, so an empty required field reads "is required"."""
    if isinstance(value, dict):
        cleaned = {key: _clean(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if not _blank(item)}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | dict) and not value


def _model_check(model: type[BaseModel], data: Any) -> tuple[BaseModel | None, Problems]:
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        return None, plain_errors(error)


def _is_id(value: str) -> bool:
    text = value.strip()
    return bool(_ID_PATTERN.match(text)) and len(text) <= _ID_MAX


def _id_problems(kind: EntryKind, raw: Any, library: Library, editing: str | None, folder: Path | None) -> Problems:
    if not isinstance(raw, str) or not _is_id(raw):
        return []  # the model says what is wrong with it
    entry_id = raw.strip()
    if entry_id == editing:
        return []
    origin = library.origins.get((kind, entry_id))
    if origin is not None and origin.folder.label == "user":
        name = _store(library, kind)[entry_id].name
        return [
            (
                "id",
                f"is already used by your own {_WORDS[kind]} '{name}' ({origin.file.name}); "
                "choose another identifier, or edit that entry instead",
            )
        ]
    if folder is not None:
        existing = _entry_file(folder, kind, entry_id)
        if existing is not None:
            return [
                (
                    "id",
                    f"already has a file in your library ({existing.name}) that did not load; "
                    "choose another identifier, or mend or remove that file",
                )
            ]
    other: EntryKind = "role" if kind == "capability" else "capability"
    clash = _store(library, other).get(entry_id)
    if clash is not None:
        return [
            (
                "id",
                f"is already the identifier of the {_WORDS[other]} '{clash.name}'; "
                "choose another so the two cannot be confused",
            )
        ]
    return []


def _ref_id(ref: Any) -> str:
    if isinstance(ref, str):
        return ref.strip()
    if isinstance(ref, dict) and isinstance(ref.get("id"), str):
        return str(ref["id"]).strip()
    return ""


def _source_problems(refs: Any, library: Library) -> Problems:
    if not isinstance(refs, list):
        return []
    problems: Problems = []
    for index, ref in enumerate(refs):
        source_id = _ref_id(ref)
        if source_id and _is_id(source_id) and source_id not in library.sources:
            problems.append(
                (f"sources[{index}]", f"cites the source '{source_id}', which is not in the library's list")
            )
    return problems


def _time_problems(time: Any) -> Problems:
    """The amount checked against its unit as soon as both are there, before the reason is written."""
    if not isinstance(time, dict) or "unit" not in time or "amount" not in time:
        return []
    try:
        Allocation.model_validate({"unit": time["unit"], "amount": time["amount"]})
    except ValidationError as error:
        return [(f"suggested_system_time.{path}", phrase) for path, phrase in plain_errors(error) if path == "amount"]
    return []


def _ordered(model: type[BaseModel], problems: Problems) -> Problems:
    """Problems in the order of the form's fields, each once."""
    order = {name: position for position, name in enumerate(model.model_fields)}
    unique = list(dict.fromkeys(problems))

    def place(item: tuple[str, str]) -> tuple[int, int]:
        line = re.match(r"^[a-z_]+\[(\d+)\]", item[0])
        return order.get(_top(item[0]), len(order)), int(line.group(1)) if line else -1

    return sorted(unique, key=place)


def _top(path: str) -> str:
    return re.split(r"[.\[]", path, maxsplit=1)[0]


# --- messages for the form ------------------------------------------------------------------------


def form_field(path: str) -> str:
    """The form field a problem's path belongs to: `sources[2].id` -> `sources`, and the three parts
    of the suggested time apart (`suggested_system_time.amount`)."""
    top = _top(path)
    if top == "suggested_system_time":
        rest = path[len(top) :].lstrip(".")
        part = _top(rest) if rest else ""
        return f"{top}.{part}" if part in ("unit", "amount", "reason") else f"{top}.amount"
    return top


def form_messages(problems: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each form field's problems as plain sentences starting with the field's label.

    `("name", "is required")` -> `{"name": "Name is required."}`; a problem on one line of a
    one-a-line field names the line: "Sources, line 2: cites the source 'x', which is not in the library's list."
    """
    messages: dict[str, list[str]] = {}
    for path, phrase in problems:
        key = form_field(path)
        label = FIELD_LABELS.get(key, key.replace("_", " ").capitalize() if key else "This entry")
        line = re.match(r"^[a-z_]+\[(\d+)\]\.?(.*)$", path)
        if line and not key.startswith("suggested_system_time"):
            number, part = int(line.group(1)) + 1, line.group(2)
            if key == "responsibilities" and part == "kind":
                text = 'start the line with "system:" or "organisational:" to say which kind of work it is'
            elif part:
                text = f"{part.replace('_', ' ')} {phrase}"
            else:
                text = phrase
            sentence = f"{label}, line {number}: {text}"
        else:
            if key in _PLURAL_FIELDS and phrase.startswith("is "):
                phrase = "are " + phrase.removeprefix("is ")
            sentence = f"{label} {phrase}"
        messages.setdefault(key, []).append(sentence.rstrip(".") + ".")
    return {key: " ".join(dict.fromkeys(sentences)) for key, sentences in messages.items()}


# --- overriding -----------------------------------------------------------------------------------


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


# --- the user's own files -------------------------------------------------------------------------


def _store(library: Library, kind: EntryKind) -> dict[str, Any]:
    return library.capabilities if kind == "capability" else library.roles


def _entry_file(folder: Path, kind: EntryKind, entry_id: str) -> Path | None:
    for extension in _EXTENSIONS:
        path = folder / SUBFOLDERS[kind] / f"{entry_id}{extension}"
        if path.exists() or path.is_symlink():
            return path
    return None


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def own_file(kind: EntryKind, entry_id: str, library: Library, folder: Path) -> Path | None:
    """The file in the user's folder that holds this entry alone, as Role Designer saves it; else None.

    Only such entries can be edited or deleted in the app; an entry in a hand-made file that holds
    several is left to a text editor.
    """
    origin = library.origins.get((kind, entry_id))
    if origin is None or origin.folder.label != "user":
        return None
    expected = _entry_file(folder, kind, entry_id)
    if expected is None or not _inside(expected, folder):
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
    path = _entry_file(folder, kind, entry.id) or subfolder / f"{entry.id}.yaml"
    if not _inside(path, folder):
        raise EntryError(f"Cannot save {path}: it lies outside your library folder {folder}.", "id")
    try:
        subfolder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, entry_yaml(entry).encode("utf-8"))
    except WriteError as error:
        raise EntryError(str(error)) from error
    except OSError as error:
        raise EntryError(f"Cannot save {path}: the folder {subfolder} could not be made ({error.strerror}).") from error
    if replacing and replacing != entry.id and _entry_file(folder, kind, replacing) is not None:
        delete_entry(kind, replacing, folder)
    return path


def delete_entry(kind: EntryKind, entry_id: str, folder: Path) -> None:
    """Delete the user's file for this entry from their library folder, and nothing else.

    Refuses (EntryError) an unknown kind, anything that is not an identifier, a file that resolves
    outside the folder, and a file that does not hold exactly this one entry.
    """
    if kind not in SUBFOLDERS:
        raise EntryError(f"Only capabilities and emerging roles can be deleted, not '{kind}'.")
    if not isinstance(entry_id, str) or not _ID_PATTERN.match(entry_id) or len(entry_id) > _ID_MAX:
        raise EntryError(f"'{entry_id}' is not an identifier, so nothing was deleted.", "id")
    path = _entry_file(folder, kind, entry_id)
    if path is None:
        raise EntryError(f"There is no file for the {_WORDS[kind]} '{entry_id}' in your library folder {folder}.")
    if not _inside(path, folder / SUBFOLDERS[kind]):
        raise EntryError(f"{path} leads outside your library folder {folder}, so it was not deleted.")
    try:
        content = read_yaml(path, folder)
    except YamlFileError as error:
        raise EntryError(f"{error}; it was not deleted, so nothing is lost.") from error
    if not isinstance(content, dict) or content.get("id") != entry_id:
        raise EntryError(
            f"{path} does not hold the {_WORDS[kind]} '{entry_id}' on its own, so it was not deleted; "
            "change it in a text editor."
        )
    try:
        path.unlink()
    except OSError as error:
        raise EntryError(f"Cannot delete {path}: {error.strerror or error}.") from error


# --- entries as plain data ------------------------------------------------------------------------


def _as_data(entry: Capability | Role) -> dict[str, Any]:
    """The entry in the shape of a library file: enums as words, a source as an id or {id, where}."""
    data: dict[str, Any] = entry.model_dump(mode="json")
    data["sources"] = [ref.id if not ref.where else {"id": ref.id, "where": ref.where} for ref in entry.sources]
    if isinstance(entry, Role):
        time = entry.suggested_system_time
        data["suggested_system_time"] = {
            "unit": time.unit.value,
            "amount": json_number(time.amount),
            "reason": time.reason,
        }
        if not entry.purpose:
            del data["purpose"]
        if not entry.considerations:
            del data["considerations"]
    return data


def entry_data(kind: EntryKind, entry_id: str, library: Library) -> dict[str, Any]:
    """The entry as a plain dict in the shape of its file, for editing."""
    entry = _store(library, kind).get(entry_id)
    if entry is None:
        raise EntryError(f"There is no {_WORDS[kind]} '{entry_id}' in the library.", "id")
    return _as_data(entry)


def duplicate_data(kind: EntryKind, entry_id: str, library: Library) -> dict[str, Any]:
    """The entry as a plain dict with the id "<id>_copy" (unique in the library) and the name "<name> (copy)"."""
    data = entry_data(kind, entry_id, library)
    taken = set(library.capabilities) | set(library.roles)
    number = 1
    while True:
        suffix = "_copy" if number == 1 else f"_copy_{number}"
        candidate = entry_id[: _ID_MAX - len(suffix)] + suffix
        if candidate not in taken:
            break
        number += 1
    data["id"] = candidate
    data["name"] = f"{data['name']} (copy)"
    return data


def suggest_id(name: str) -> str:
    """An identifier made from a name: "Leading through influence" -> "leading_through_influence"."""
    words = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return words[:_ID_MAX].rstrip("_")


# --- YAML -----------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """The safe dumper, writing text of several lines as a literal block so the file reads well."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_text)


def entry_yaml(entry: Capability | Role) -> str:
    """The entry as the text of its own library file."""
    return yaml.dump(_as_data(entry), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


# --- one-a-line text fields -----------------------------------------------------------------------


def parse_lines(text: str) -> list[str]:
    """One item a line; blank lines are left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def lines_text(items: Iterable[Any]) -> str:
    return "\n".join(str(item) for item in items)


def parse_sources(text: str) -> list[Any]:
    """ "scie2021" or "scie2021: Capabilities, skills and behaviours" (the id, then where in the source)."""
    refs: list[Any] = []
    for line in parse_lines(text):
        source_id, colon, where = line.partition(":")
        refs.append({"id": source_id.strip(), "where": where.strip()} if colon else source_id.strip())
    return refs


def sources_text(refs: Iterable[Any]) -> str:
    lines = []
    for ref in refs:
        if isinstance(ref, dict):
            where = str(ref.get("where") or "")
            lines.append(f"{ref.get('id', '')}: {where}" if where else str(ref.get("id", "")))
        else:
            lines.append(str(ref))
    return "\n".join(lines)


_KIND_PREFIX = re.compile(r"^\s*(system|organisational|organizational)\s*:\s*(.*)$", re.IGNORECASE)


def parse_responsibilities(text: str) -> list[dict[str, str]]:
    """ "system: Lead the place partnership." or "organisational: ..." a line; a line without the prefix
    has no kind, and the form says so."""
    items: list[dict[str, str]] = []
    for line in parse_lines(text):
        match = _KIND_PREFIX.match(line)
        if match:
            kind = match.group(1).lower().replace("organizational", "organisational")
            items.append({"text": match.group(2).strip(), "kind": kind})
        else:
            items.append({"text": line})
    return items


def responsibilities_text(items: Iterable[Any]) -> str:
    return "\n".join(f"{item.get('kind', '')}: {item.get('text', '')}" for item in items if isinstance(item, dict))


def parse_capability_refs(text: str) -> list[dict[str, str]]:
    """A capability id a line, essential unless followed by ": desirable"."""
    refs: list[dict[str, str]] = []
    for line in parse_lines(text):
        cap_id, colon, requirement = line.partition(":")
        ref = {"id": cap_id.strip()}
        if colon:
            ref["requirement"] = requirement.strip().lower()
        refs.append(ref)
    return refs


def capability_refs_text(refs: Iterable[Any]) -> str:
    lines = []
    for ref in refs:
        if isinstance(ref, dict):
            requirement = str(ref.get("requirement") or "essential")
            cap_id = str(ref.get("id", ""))
            lines.append(cap_id if requirement == "essential" else f"{cap_id}: {requirement}")
        else:
            lines.append(str(ref))
    return "\n".join(lines)
