"""The entry form's words: each field's label, problems as sentences, and one-a-line text fields as lists."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from roledesigner.library.userentries.common import top

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


def form_field(path: str) -> str:
    """The form field a problem's path belongs to: `sources[2].id` -> `sources`, and the three parts
    of the suggested time apart (`suggested_system_time.amount`)."""
    field = top(path)
    if field == "suggested_system_time":
        rest = path[len(field) :].lstrip(".")
        part = top(rest) if rest else ""
        return f"{field}.{part}" if part in ("unit", "amount", "reason") else f"{field}.amount"
    return field


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
