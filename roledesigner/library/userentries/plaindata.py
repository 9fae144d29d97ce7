"""Entries as plain data: a dict to edit or duplicate, a suggested id, and the text of an entry's own file."""

from __future__ import annotations

import re
from typing import Any

import yaml

from roledesigner.domain.numbers import json_number
from roledesigner.library.catalogue import Library
from roledesigner.library.models import Capability, Role
from roledesigner.library.userentries.common import ID_MAX, WORDS, EntryError, EntryKind, store


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
    entry = store(library, kind).get(entry_id)
    if entry is None:
        raise EntryError(f"There is no {WORDS[kind]} '{entry_id}' in the library.", "id")
    return _as_data(entry)


def duplicate_data(kind: EntryKind, entry_id: str, library: Library) -> dict[str, Any]:
    """The entry as a plain dict with the id "<id>_copy" (unique in the library) and the name "<name> (copy)"."""
    data = entry_data(kind, entry_id, library)
    taken = set(library.capabilities) | set(library.roles)
    number = 1
    while True:
        suffix = "_copy" if number == 1 else f"_copy_{number}"
        candidate = entry_id[: ID_MAX - len(suffix)] + suffix
        if candidate not in taken:
            break
        number += 1
    data["id"] = candidate
    data["name"] = f"{data['name']} (copy)"
    return data


def suggest_id(name: str) -> str:
    """An identifier made from a name: "Leading through influence" -> "leading_through_influence"."""
    words = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return words[:ID_MAX].rstrip("_")


class _Dumper(yaml.SafeDumper):
    """The safe dumper, writing text of several lines as a literal block so the file reads well."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_text)


def entry_yaml(entry: Capability | Role) -> str:
    """The entry as the text of its own library file."""
    return yaml.dump(_as_data(entry), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
