"""The entry form's fields to a plain dict in the shape of a library file, and back.

The core (`library.userentries`) checks and saves the dict; the form only moves text between its
widgets and the dict, with the core's own parsers for the one-a-line lists.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtWidgets import QCheckBox, QWidget

from roledesigner.domain.vocabulary import AllocationUnit, CriterionCategory
from roledesigner.gui.widgets.formfields import choose, chosen, set_text, text_of
from roledesigner.library.userentries import (
    capability_refs_text,
    lines_text,
    parse_capability_refs,
    parse_lines,
    parse_responsibilities,
    parse_sources,
    responsibilities_text,
    sources_text,
)

EntryKind = Literal["capability", "role"]

#: A role's fields the form has no input for, in plain words: kept as the entry had them.
KEPT_NAMES = {
    "criteria": "person-specification criteria",
    "relationships": "working relationships",
    "development": "development support",
    "senior": "senior post",
    "terms": "pay framework",
    "joint": "joint post",
    "appointment": "appointment (days a month, term of office and remuneration)",
}


def kept_fields(data: dict[str, Any], shown: dict[str, Any]) -> dict[str, Any]:
    """The fields of an entry loaded into the form that the form does not show (`shown` is what it
    reads back): saved with the form's fields, so editing an entry never drops what it cannot show."""
    return {key: value for key, value in data.items() if key not in shown}


def kept_sentence(kept: dict[str, Any]) -> str:
    """Says which fields the form keeps as they are; "" when none holds anything."""
    order = list(KEPT_NAMES)
    held = sorted(
        (key for key, value in kept.items() if value), key=lambda k: order.index(k) if k in order else len(order)
    )
    names = [KEPT_NAMES.get(key, key.replace("_", " ")) for key in held]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"Kept as they are, as this form does not show them: {listed}. To change them, edit the entry's file."


def form_data(kind: EntryKind, inputs: dict[str, QWidget], sectors: dict[str, QCheckBox]) -> dict[str, Any]:
    def text(key: str) -> str:
        return text_of(inputs[key])

    def choice(key: str) -> str | None:
        return chosen(inputs[key])

    if kind == "capability":
        return {
            "id": text("id"),
            "name": text("name"),
            "domain": choice("domain"),
            "description": text("description"),
            "indicators": parse_lines(text("indicators")),
            "criterion": text("criterion"),
            "category": choice("category"),
            "interview_questions": parse_lines(text("interview_questions")),
            "sources": parse_sources(text("sources")),
        }
    return {
        "id": text("id"),
        "name": text("name"),
        "summary": text("summary"),
        "purpose": text("purpose"),
        "footprint": choice("footprint"),
        "function": choice("function"),
        "sectors": [value for value, box in sectors.items() if box.isChecked()],
        "responsibilities": parse_responsibilities(text("responsibilities")),
        "capabilities": parse_capability_refs(text("capabilities")),
        "suggested_system_time": {
            "unit": choice("suggested_system_time.unit"),
            "amount": text("suggested_system_time.amount"),
            "reason": text("suggested_system_time.reason"),
        },
        "considerations": parse_lines(text("considerations")),
        "sources": parse_sources(text("sources")),
    }


def fill_form(kind: EntryKind, inputs: dict[str, QWidget], sectors: dict[str, QCheckBox], data: dict[str, Any]) -> None:
    def put(key: str, value: Any) -> None:
        set_text(inputs[key], value)

    def pick(key: str, value: Any) -> None:
        choose(inputs[key], value)

    for key in ("id", "name"):
        put(key, data.get(key))
    if kind == "capability":
        pick("domain", data.get("domain"))
        put("description", data.get("description"))
        put("indicators", lines_text(data.get("indicators") or []))
        put("criterion", data.get("criterion"))
        pick("category", data.get("category") or CriterionCategory.SKILLS.value)
        put("interview_questions", lines_text(data.get("interview_questions") or []))
    else:
        put("summary", data.get("summary"))
        put("purpose", data.get("purpose"))
        pick("footprint", data.get("footprint"))
        pick("function", data.get("function"))
        ticked = {str(item) for item in data.get("sectors") or []}
        for value, box in sectors.items():
            box.setChecked(value in ticked)
        put("responsibilities", responsibilities_text(data.get("responsibilities") or []))
        put("capabilities", capability_refs_text(data.get("capabilities") or []))
        time = data.get("suggested_system_time") or {}
        put("suggested_system_time.amount", time.get("amount"))
        pick("suggested_system_time.unit", time.get("unit") or AllocationUnit.PERCENT.value)
        put("suggested_system_time.reason", time.get("reason"))
        put("considerations", lines_text(data.get("considerations") or []))
    put("sources", sources_text(data.get("sources") or []))
