"""Check an entry the user is writing: the model's rules, then the library's own.

Beyond the model: a domain the library knows, capabilities and sources that are in it, and an id
that is free. The entry form asks after every keystroke and shows each (field, phrase) problem
beside its field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from roledesigner.domain.errors import plain_errors
from roledesigner.domain.models import Allocation
from roledesigner.library.catalogue import Library
from roledesigner.library.models import Capability, Role
from roledesigner.library.userentries.common import WORDS, EntryKind, Problems, entry_file, is_id, store, top


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
    if isinstance(domain, str) and is_id(domain) and domain.strip() not in domains:
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
            if cap_id and is_id(cap_id) and cap_id not in library.capabilities:
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


def _id_problems(kind: EntryKind, raw: Any, library: Library, editing: str | None, folder: Path | None) -> Problems:
    if not isinstance(raw, str) or not is_id(raw):
        return []  # the model says what is wrong with it
    entry_id = raw.strip()
    if entry_id == editing:
        return []
    origin = library.origins.get((kind, entry_id))
    if origin is not None and origin.folder.label == "user":
        name = store(library, kind)[entry_id].name
        return [
            (
                "id",
                f"is already used by your own {WORDS[kind]} '{name}' ({origin.file.name}); "
                "choose another identifier, or edit that entry instead",
            )
        ]
    if folder is not None:
        existing = entry_file(folder, kind, entry_id)
        if existing is not None:
            return [
                (
                    "id",
                    f"already has a file in your library ({existing.name}) that did not load; "
                    "choose another identifier, or mend or remove that file",
                )
            ]
    other: EntryKind = "role" if kind == "capability" else "capability"
    clash = store(library, other).get(entry_id)
    if clash is not None:
        return [
            (
                "id",
                f"is already the identifier of the {WORDS[other]} '{clash.name}'; "
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
        if source_id and is_id(source_id) and source_id not in library.sources:
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
        return order.get(top(item[0]), len(order)), int(line.group(1)) if line else -1

    return sorted(unique, key=place)
