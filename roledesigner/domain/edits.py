"""Edit operations on a design, by field path: the core of every change the app makes.

A path is what findings use too: `purpose`, `time.system_work.amount`,
`joint.partners[1].funding_percent`. Each operation returns a new, validated design (designs are
never changed in place), so undo is keeping the design from before, and redo the one after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from roledesigner.domain.errors import plain_errors
from roledesigner.domain.models import Responsibility, RoleDesign
from roledesigner.domain.vocabulary import Contract

_PART = re.compile(r"([a-z_]+)|\[(\d+)\]")


class EditError(Exception):
    """An edit that would make the design invalid; `field` is the path, str() a plain phrase."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str | int, ...]:
    """The path's parts, read once: every edit and every bound field's refresh reads one."""
    parts = tuple(int(index) if index else name for name, index in _PART.findall(path))
    if not parts:
        raise ValueError(f"empty field path {path!r}")
    return parts


def parse_path(path: str) -> list[str | int]:
    return list(_parts(path))


def get_value(design: RoleDesign, path: str) -> Any:
    value: Any = design
    for part in _parts(path):
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def _plain(value: Any) -> Any:
    return value.model_dump(mode="python") if isinstance(value, BaseModel) else value


def _rebuild(design: RoleDesign, path: str, change: Any) -> RoleDesign:
    """Apply `change(container, key)` to the dumped design at `path`, then validate the whole."""
    parts = parse_path(path)
    # Recorded versions are kept whole (they are never edited but through `history` itself), so a
    # design with hundreds of them is not dumped and validated again on every keystroke.
    keep_history = parts[0] != "history"
    data = design.model_dump(mode="python", exclude={"history"} if keep_history else None)
    if keep_history:
        data["history"] = list(design.history)
    container: Any = data
    for part in parts[:-1]:
        container = container[part]
    change(container, parts[-1])
    try:
        return RoleDesign.model_validate(data)
    except ValidationError as error:
        problems = plain_errors(error)
        field, phrase = next(((f, p) for f, p in problems if f.startswith(path)), problems[0])
        raise EditError(field, phrase) from error


def set_value(design: RoleDesign, path: str, value: Any) -> RoleDesign:
    def assign(container: Any, key: str | int) -> None:
        container[key] = _plain(value)

    return _rebuild(design, path, assign)


def insert_item(design: RoleDesign, path: str, index: int, item: Any) -> RoleDesign:
    """Insert into the list at `path`; `index` past the end appends."""

    def insert(container: Any, key: str | int) -> None:
        items = container[key]
        if items is None:
            raise EditError(path, "is not set")
        items.insert(index, _plain(item))

    return _rebuild(design, path, insert)


def remove_item(design: RoleDesign, path: str, index: int) -> RoleDesign:
    def remove(container: Any, key: str | int) -> None:
        del container[key][index]

    return _rebuild(design, path, remove)


def move_item(design: RoleDesign, path: str, source: int, target: int) -> RoleDesign:
    """Move an item of the list at `path` from `source` to `target` (clamped to the list)."""

    def move(container: Any, key: str | int) -> None:
        items = container[key]
        item = items.pop(source)
        items.insert(max(0, min(target, len(items))), item)

    return _rebuild(design, path, move)


@dataclass(frozen=True)
class Edit:
    """One undoable step: the design before and after, and a name for the Edit menu.

    Edits with the same non-empty `key` that follow each other merge into one step, so typing
    in one field undoes as a whole.
    """

    label: str
    before: RoleDesign
    after: RoleDesign
    key: str = ""

    def apply(self) -> RoleDesign:
        return self.after

    def revert(self) -> RoleDesign:
        return self.before

    def merged(self, later: Edit) -> Edit | None:
        if self.key and later.key == self.key and later.before == self.after:
            return Edit(self.label, self.before, later.after, self.key)
        return None


#: How the Edit menu names a field ("Undo Edit job purpose"): every field of a design by its name,
#: and the fields within a part that have a name of their own by their dotted path (list items
#: are named by their list: "joint.partners[1].funding_percent" is an edit of the joint post).
FIELD_NAMES = {
    "schema_version": "file format version",
    "title": "job title",
    "based_on": "emerging role",
    "employer": "employer",
    "directorate": "directorate",
    "job_reference": "job reference",
    "footprint": "footprint",
    "footprint_name": "footprint name",
    "function": "leadership function",
    "grade": "grade",
    "terms": "pay framework",
    "location": "location",
    "contract": "contract",
    "term_of_office": "term of office",
    "remuneration": "remuneration",
    "reports_to": "reports to",
    "accountable_to": "accountable to",
    "appraisal_lead": "appraisal lead",
    "purpose": "job purpose",
    "system_context": "system context",
    "responsibilities": "responsibility",
    "capabilities": "capability",
    "criteria": "criterion",
    "relationships": "working relationship",
    "time": "protected time",
    "time.contracted_days_per_month": "days a month",
    "joint": "joint post",
    "joint.agreement": "partnership arrangement",
    "joint.staffing_route": "staffing route",
    "dimensions": "job evaluation dimensions",
    "dimensions.budget": "budget",
    "dimensions.staff_managed": "staff managed",
    "dimensions.decisions": "decisions taken alone",
    "development": "support and development",
    "stability": "job stability",
    "status": "status",
    "version": "version",
    "author": "author",
    "updated": "date updated",
    "signoffs": "sign-offs",
    "history": "recorded versions",
    "acknowledged": "accepted warnings",
    "unmapped": "unplaced imported text",
}


def field_label(path: str) -> str:
    """The plain name of the field at `path`: its own, or that of the nearest part that has one."""
    names = [str(part) for part in parse_path(path) if isinstance(part, str)]
    for end in range(len(names), 0, -1):
        name = FIELD_NAMES.get(".".join(names[:end]))
        if name is not None:
            return name
    return names[0].replace("_", " ")


def edit_label(path: str) -> str:
    """'Edit job purpose', 'Edit term of office', 'Edit staffing route', 'Edit joint post' for a field path."""
    return f"Edit {field_label(path)}"


# --- edits of several fields that belong together ------------------------------------------------------


def set_contract(design: RoleDesign, contract: Contract) -> RoleDesign:
    """The contract changed, with the time basis that fits it: an office holder has no job plan of
    programmed activities, and a post that is not an appointment counts no days a month (each
    would otherwise set the week's hours unseen)."""
    after = set_value(design, "contract", contract)
    if contract is Contract.APPOINTMENT:
        return set_value(after, "time.contracted_programmed_activities", None)
    return set_value(after, "time.contracted_days_per_month", None)


#: Where text kept from an import can be placed.
UnmappedTarget = Literal["purpose", "responsibilities"]


def place_unmapped(design: RoleDesign, index: int, target: UnmappedTarget) -> RoleDesign:
    """Text kept from an import moved into the job purpose (a paragraph of its own after the
    purpose there is) or the responsibilities (one more, at the end), as one change."""
    text = design.unmapped[index].text
    after = remove_item(design, "unmapped", index)
    if target == "purpose":
        purpose = design.purpose.rstrip()
        return set_value(after, "purpose", f"{purpose}\n\n{text}" if purpose else text)
    return insert_item(after, "responsibilities", len(after.responsibilities), Responsibility(text=text))
