"""Fitting a job specification into a PDF of a length Qt can lay out, saying plainly what is left out.

Qt lays a document out in fixed-point coordinates that run out after about 5,500 A4 pages at
the PDF's resolution: a design of 20,000 partners crashed the export. No real post needs a PDF
of hundreds of pages, so each part of the document (a field of the view: the responsibilities,
the partners, the job purpose...) may take up to `PART_CHARACTERS` characters, where a short
entry counts as a line (`LINE`) and a text under `SHORTEST_CUT` is never cut. Past that, the
PDF shows what fits and says under its title how many entries of which section it leaves out,
and that the Word export holds them all. The Word file is never cut."""

from __future__ import annotations

import dataclasses
from typing import Any

from roledesigner.documents.viewmodel import SECTION_HEADINGS, JobSpecification

#: The characters one part of the document may take in a PDF: about 40 pages.
PART_CHARACTERS = 100_000
#: The least an entry counts for: a short entry still takes a line (or a table row).
LINE = 80
#: A text cut short keeps at least this much.
SHORTEST_CUT = 500
#: Fields that are the document's frame, never cut.
FRAME = frozenset({"sections", "keywords", "chart", "title", "document_title", "subtitle", "draft_mark"})
#: The section a field's entries are under, where its name is not a section's.
SECTION_OF = {"partners": "joint", "capability_domains": "capabilities", "learning": "time", "signoffs": "control"}


class _Budget:
    def __init__(self) -> None:
        self.left = PART_CHARACTERS
        self.dropped = 0
        self.cut = 0

    def fit(self, value: Any) -> Any:
        if isinstance(value, str):
            if len(value) <= max(self.left, SHORTEST_CUT):  # a short text is never cut, only counted
                self.left -= len(value)
                return value
            self.cut += 1
            kept = max(self.left, SHORTEST_CUT)
            self.left = 0
            return value[:kept].rstrip() + "…"
        if isinstance(value, list):
            kept_items = []
            for index, item in enumerate(value):
                if self.left <= 0:
                    self.dropped += sum(_entries(rest) for rest in value[index:])
                    break
                before = self.left
                kept_items.append(self.fit(item))
                self.left -= max(LINE - (before - self.left), 0)  # an entry takes a line at least
            unchanged = len(kept_items) == len(value) and all(a is b for a, b in zip(kept_items, value, strict=False))
            return value if unchanged else kept_items
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {}
            for field in dataclasses.fields(value):
                old = getattr(value, field.name)
                new = self.fit(old)
                if new is not old:
                    changes[field.name] = new
            return dataclasses.replace(value, **changes) if changes else value
        return value


def _entries(value: Any) -> int:
    """How many entries a list item stands for: a group's lines, a domain's capabilities, else one."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = [getattr(value, f.name) for f in dataclasses.fields(value)]
        lists = [item for item in inner if isinstance(item, list)]
        if lists:
            return sum(sum(_entries(entry) for entry in items) for items in lists)
    return 1


def fit_for_pdf(view: JobSpecification) -> tuple[JobSpecification, list[str]]:
    """The view as the PDF shows it, and a sentence for each part it shortens (none for most designs)."""
    changes: dict[str, Any] = {}
    notes = []
    for field in dataclasses.fields(view):
        if field.name in FRAME:
            continue
        old = getattr(view, field.name)
        budget = _Budget()
        new = budget.fit(old)
        if new is old:
            continue
        changes[field.name] = new
        key = SECTION_OF.get(field.name, field.name)
        section = SECTION_HEADINGS.get(key, key.replace("_", " ").capitalize())
        if budget.dropped:
            total = sum(_entries(item) for item in old)
            notes.append(
                f"This PDF shows {total - budget.dropped:,} of the {total:,} entries under {section}, "
                "to stay a length that can be printed; the Word export holds them all."
            )
        if budget.cut:
            texts = "a long text" if budget.cut == 1 else f"{budget.cut:,} long texts"
            notes.append(f"This PDF shortens {texts} under {section}; the Word export holds them whole.")
    return (dataclasses.replace(view, **changes) if changes else view), notes
