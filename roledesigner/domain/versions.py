"""Recorded versions of a design, kept inside the file: record, find, open and restore one.

A version is the content as it stood (`HistoryEntry.design`, a JSON object), with its number,
date, author, note and status. The record travels with the design, so a panel or a partner's
board can see what they agreed to without a document management system. Recording moves the
design's own `version` on ("1" to "2", "1.2" to "1.3"), so the number in the document always
names the draft being worked on, never one already recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from roledesigner.domain.errors import InputError, describe
from roledesigner.domain.migrations import migrate_status
from roledesigner.domain.models import SCHEMA_VERSION, HistoryEntry, RoleDesign
from roledesigner.domain.vocabulary import Status

#: What a restore leaves as it is: the record of the design, not its content.
RECORD_KEPT_ON_RESTORE = ("version", "status", "signoffs", "history")
_LAST_NUMBER = re.compile(r"(\d+)(?!.*\d)", re.S)


class VersionError(InputError):
    """A version cannot be recorded, found or opened; str() is one sentence (callers add the file)."""


def in_words(items: Sequence[str]) -> str:
    """ "1", "1 and 2", "1, 2 and 3": a list as a sentence says it."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def long_date(when: dt.date) -> str:
    """3 May 2026, as the documents write dates."""
    return f"{when.day} {when:%B %Y}"


def next_version(number: str) -> str:
    """The number after `number`: its last figure moves on ("1" to "2", "1.2" to "1.3", "v9" to
    "v10", "2.09" to "2.10"); a number with no figure gains one ("draft" to "draft 2")."""
    text = number.strip()
    match = _LAST_NUMBER.search(text)
    if match is None:
        return f"{text} 2" if text else "2"
    figure = match.group(1)
    following = str(int(figure) + 1).zfill(len(figure))
    return f"{text[: match.start()]}{following}{text[match.end() :]}"


def current_number(design: RoleDesign) -> str:
    """The number the design's content is recorded under: its `version`, or "1" when blank."""
    return design.version.strip() or "1"


def recorded_numbers(design: RoleDesign) -> list[str]:
    return [entry.version for entry in design.history]


def snapshot(design: RoleDesign) -> dict[str, Any]:
    """The content as a JSON object, without the history itself (a version never holds versions)."""
    return design.model_dump(mode="json", exclude={"history"})


def record_version(
    design: RoleDesign, *, when: dt.date, author: str = "", note: str = "", status: Status | None = None
) -> RoleDesign:
    """The design with its content recorded as a version, and its own number moved on.

    `status`, when given, is the design's status from now on and the one recorded (a draft
    recorded as it is submitted for evaluation, say). A number already recorded is refused:
    two versions with one number could not be told apart by `compare --version`.
    """
    if status is not None:
        design = design.model_copy(update={"status": status})
    number = current_number(design)
    earlier = next((entry for entry in design.history if entry.version == number), None)
    if earlier is not None:
        raise VersionError(
            f"Version {number} is already recorded (on {long_date(earlier.date)}): change the version number "
            "before recording this content."
        )
    content = design.model_copy(update={"version": number})
    entry = HistoryEntry(
        version=number,
        date=when,
        author=author.strip() or design.author.strip(),
        note=note.strip(),
        status=design.status,
        design=snapshot(content),
    )
    return design.model_copy(update={"version": next_version(number), "history": [*design.history, entry]})


def find_version(design: RoleDesign, number: str) -> HistoryEntry:
    """The recorded version numbered `number` (white space aside), or a sentence naming those there are."""
    wanted = number.strip()
    for entry in reversed(design.history):
        if entry.version.strip() == wanted:
            return entry
    numbers = recorded_numbers(design)
    if not numbers:
        raise VersionError(f"There is no recorded version {wanted}: no version has been recorded yet.")
    kind = "version is" if len(numbers) == 1 else "versions are"
    raise VersionError(f"There is no recorded version {wanted}; the recorded {kind} {in_words(numbers)}.")


def version_design(entry: HistoryEntry) -> RoleDesign:
    """The design a recorded version holds, checked now (entries are kept unchecked until used)."""
    data = dict(entry.design)
    data.pop("history", None)
    found = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(found, int) and not isinstance(found, bool) and found > SCHEMA_VERSION:
        raise VersionError(
            f"Version {entry.version} was recorded by a newer version of Role Designer (file format {found}), "
            "so it cannot be opened here."
        )
    data = migrate_status(data)
    data["schema_version"] = SCHEMA_VERSION
    try:
        return RoleDesign.model_validate(data)
    except ValidationError as error:
        raise VersionError(
            f"Version {entry.version}, recorded on {long_date(entry.date)}, cannot be opened: it is damaged "
            f"({describe(error)})."
        ) from error


def restore_version(design: RoleDesign, number: str) -> RoleDesign:
    """The design with a recorded version's content brought back as the current content.

    The record stays as it is (the version number being worked on, the status, the sign-offs
    and every recorded version), so a restore is itself a change that can be recorded.
    """
    restored = version_design(find_version(design, number))
    return restored.model_copy(update={name: getattr(design, name) for name in RECORD_KEPT_ON_RESTORE})


def unreadable_history(design: RoleDesign) -> list[str]:
    """Sentences for recorded versions left out when the design was read (each damaged beyond use)."""
    return list(design._unreadable_history)
