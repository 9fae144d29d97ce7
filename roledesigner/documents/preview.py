"""What the app's live preview shows: the job specification, capped so it stays quick whatever the design.

The preview is rebuilt on the window's thread at every pause in typing, so it has tens of
milliseconds, however much a design holds (a pasted list of 100,000 responsibilities, 20,000
partners, a 10 MB paragraph). It is built from a copy of the design with every list cut to its
first `PREVIEW_ITEMS` entries and every text to its first `PREVIEW_CHARACTERS` characters, and
it says, under the title, what it leaves out. Word and PDF exports are built from the whole design.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library

#: The entries of each list the preview shows.
PREVIEW_ITEMS = 50
#: The characters of each text the preview shows.
PREVIEW_CHARACTERS = 2000

#: How the notes name a list, by its field's name; any other list is named by its field.
LIST_NAMES = {
    "responsibilities": "responsibilities",
    "capabilities": "capabilities",
    "criteria": "person-specification criteria",
    "relationships": "working relationships",
    "partners": "partners",
    "reports_to": "people the post reports to",
    "accountable_to": "people the post is accountable to",
    "programmes": "development programmes",
}


@dataclass
class _LeftOut:
    lists: dict[str, tuple[int, int]] = field(default_factory=dict)  # name: (shown, held)
    texts: int = 0


def preview_design(design: RoleDesign) -> tuple[RoleDesign, list[str]]:
    """The design cut to the preview's size, and the notes on what it leaves out (none for most)."""
    left_out = _LeftOut()
    short = _shortened(design, left_out)
    return short, _notes(left_out)


def preview_view(
    design: RoleDesign,
    library: Library,
    organisation: str = "",
    today: dt.date | None = None,
    *,
    show_draft: bool = True,
) -> tuple[JobSpecification, list[str]]:
    """The view the preview renders, and its notes on what it leaves out (none for most designs)."""
    short, notes = preview_design(design)
    return build_view(short, library, organisation, today, show_draft=show_draft), notes


def _shortened(model: Any, left_out: _LeftOut) -> Any:
    """The model with every list and text inside it cut to the preview's size; itself if nothing is cut."""
    changes: dict[str, Any] = {}
    for name in type(model).model_fields:
        old = getattr(model, name)
        new = _shortened_value(name, old, left_out)
        if new is not old:
            changes[name] = new
    return model.model_copy(update=changes) if changes else model


def _shortened_value(name: str, value: Any, left_out: _LeftOut) -> Any:
    if isinstance(value, str):
        if len(value) <= PREVIEW_CHARACTERS:
            return value
        left_out.texts += 1
        return value[:PREVIEW_CHARACTERS].rstrip() + "…"
    if isinstance(value, BaseModel):
        return _shortened(value, left_out)
    if isinstance(value, list):
        items = value[:PREVIEW_ITEMS]
        if len(value) > PREVIEW_ITEMS:
            label = LIST_NAMES.get(name, name.replace("_", " "))
            shown, held = left_out.lists.get(label, (0, 0))
            left_out.lists[label] = (shown + len(items), held + len(value))
        short = [_shortened_value(name, item, left_out) for item in items]
        unchanged = len(items) == len(value) and all(new is old for new, old in zip(short, value, strict=True))
        return value if unchanged else short
    return value


def _notes(left_out: _LeftOut) -> list[str]:
    notes = [
        f"The preview shows the first {shown:,} of {held:,} {label}; exported documents hold them all."
        for label, (shown, held) in left_out.lists.items()
    ]
    if left_out.texts:
        texts = "text" if left_out.texts == 1 else "texts"
        notes.append(
            f"The preview shows the first {PREVIEW_CHARACTERS:,} characters of {left_out.texts:,} long {texts}; "
            "exported documents hold them whole."
        )
    return notes
