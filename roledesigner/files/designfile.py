"""Reading and writing `.roledesign` files (JSON, UTF-8), with plain answers for bad files."""

from __future__ import annotations

import json
import stat
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from roledesigner.domain.errors import InputError, describe
from roledesigner.domain.migrations import migrate_2_to_3
from roledesigner.domain.models import SCHEMA_VERSION, RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.jsontext import JsonLimit, load_json
from roledesigner.files.reading import FileTooLarge, UnreadableFile, read_regular

SUFFIX = ".roledesign"
#: A real design is a few hundred kilobytes at most; refuse to read anything near this.
MAX_BYTES = 10 * 1024 * 1024

#: migrations[n] turns a format-n dictionary into a format-(n+1) one.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {
    1: lambda data: data,  # 2 only added optional fields (directorate, job_reference)
    2: migrate_2_to_3,  # 3 added optional fields, the status lifecycle and the joint post's two legal steps
}
#: The oldest format this version can migrate from.
MIN_SCHEMA_VERSION = 1


class DesignFileError(InputError):
    """A design file could not be read or written; str() is one sentence naming the file."""


def _read_text(path: Path) -> str:
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileTooLarge as error:
        megabytes = error.size / (1024 * 1024)
        raise DesignFileError(
            f"{path} is {megabytes:.0f} MB, far larger than any role design, so it was not read."
        ) from error
    except UnreadableFile as error:
        if error.reason == "it does not exist":
            raise DesignFileError(f"{path} does not exist.") from error
        if error.reason == "it is a folder":
            raise DesignFileError(f"{path} is a folder, not a role design file.") from error
        raise DesignFileError(str(error)) from error
    if not raw.strip():
        raise DesignFileError(f"{path} is empty.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DesignFileError(
            f"{path} is not a role design file: it is not plain text (it may be a Word document, a picture "
            "or a file saved in an old text encoding), so it cannot be opened."
        ) from error


def _short(value: Any) -> str:
    """A value as written, cut short: a message is one sentence, whatever the file holds."""
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _migrate(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version")
    if version is None:
        raise DesignFileError(f"{path} has no schema_version, so it is not a role design file.")
    if not isinstance(version, int) or isinstance(version, bool) or version < MIN_SCHEMA_VERSION:
        raise DesignFileError(
            f"{path} has schema_version {_short(version)}; it must be a whole number from {MIN_SCHEMA_VERSION}."
        )
    if version > SCHEMA_VERSION:
        raise DesignFileError(
            f"{path} was saved by a newer version of Role Designer (file format {version}; "
            f"this version reads up to format {SCHEMA_VERSION}): update Role Designer to open it."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


#: What the JSON reader's messages mean, for people who have never seen JSON.
_JSON_PROBLEMS = {
    "Expecting value": "something unexpected starts there, so it may not be a role design at all",
    "Unterminated string starting at": "a piece of text is not closed with a quotation mark",
    "Expecting ',' delimiter": "a comma is missing",
    "Expecting ':' delimiter": "a colon is missing",
    "Expecting property name enclosed in double quotes": "a field name is not in double quotation marks",
    "Extra data": "more follows the end of the design",
    "Invalid control character at": "a piece of text holds a character that is not allowed",
    "Invalid \\escape": "a backslash is used wrongly",
}


def _json_problem(message: str) -> str:
    return _JSON_PROBLEMS.get(message, "the text is not laid out as a role design is")


def parse_design(text: str, path: Path) -> RoleDesign:
    """Parse the text of a design file; `path` is only used to name the file in messages."""
    try:
        data = load_json(text)
    except JsonLimit as error:
        raise DesignFileError(f"{path} is not a role design: {error}, so it cannot be opened.") from error
    except json.JSONDecodeError as error:
        raise DesignFileError(
            f"{path} is not valid JSON (at line {error.lineno}, column {error.colno}, {_json_problem(error.msg)}), "
            "so it cannot be opened: it may have been cut short or changed by hand."
        ) from error
    return design_from_data(data, path)


def design_from_data(data: Any, path: Path) -> RoleDesign:
    """A design from parsed JSON, migrated from an older format; recovery copies come here too."""
    if not isinstance(data, dict):
        kind = {list: "a list", str: "a string", int: "a number", float: "a number", bool: "true or false"}
        found = "null" if data is None else kind.get(type(data), "a value")
        raise DesignFileError(f"{path} holds {found}, not a role design (a JSON object).")
    data = _migrate(path, data)
    try:
        return RoleDesign.model_validate(data)
    except ValidationError as error:
        raise DesignFileError(f"{path} is not a valid role design: {describe(error)}.") from error


def load_design(path: Path) -> RoleDesign:
    return parse_design(_read_text(path), path)


def dumps(design: RoleDesign) -> str:
    """The file's text: stable field order, readable indentation, non-ASCII kept as written.

    Each recorded version is written on one line of its own: a file with hundreds of them stays
    quick to write and read, and a version control tool still shows one line changed per version.
    """
    data = design.model_dump(mode="json")
    if not data["history"]:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    marker = f"history-{uuid.uuid4().hex}"  # unguessable, so no text in the design can hold it
    entries = data["history"]
    data["history"] = marker
    lines = ",\n".join("    " + json.dumps(entry, ensure_ascii=False) for entry in entries)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return text.replace(json.dumps(marker), "[\n" + lines + "\n  ]", 1) + "\n"


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when we read or wrote it, to notice a colleague's save."""

    modified_ns: int
    size: int


def stamp(path: Path) -> FileStamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return FileStamp(status.st_mtime_ns, status.st_size)


def changed_since(path: Path, seen: FileStamp | None) -> bool:
    """True when the file on disk is not the one we last read or wrote (someone else saved it)."""
    return seen is not None and stamp(path) != seen


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def save_design(design: RoleDesign, path: Path, backup: bool = True) -> FileStamp | None:
    """Save atomically, keeping the previous version as `name.roledesign.bak` (one generation).

    The backup is a side file: a link or a pipe at its name is replaced, never written through,
    and it gets the design's own permissions, so a private design's backup is private too.
    """
    try:
        if backup and path.is_file():
            previous, mode = _previous(path)
            write_atomically(backup_path(path), previous, follow_links=False, mode=mode)
        write_atomically(path, dumps(design).encode("utf-8"))
    except WriteError as error:
        raise DesignFileError(str(error)) from error
    except OSError as error:
        raise DesignFileError(f"Cannot save {path}: {error.strerror or error}.") from error
    return stamp(path)


def _previous(path: Path) -> tuple[bytes, int]:
    """The file about to be replaced and its permissions, for the backup; read within the same cap."""
    try:
        return read_regular(path, MAX_BYTES), stat.S_IMODE(path.stat().st_mode)
    except FileTooLarge as error:
        megabytes = error.size / (1024 * 1024)
        raise DesignFileError(
            f"Cannot save {path}: the file there is {megabytes:.0f} MB, far larger than any role design, "
            "so it was not replaced; choose another name."
        ) from error
    except UnreadableFile as error:
        raise DesignFileError(f"Cannot save {path}: the file there cannot be read ({error.reason}).") from error
