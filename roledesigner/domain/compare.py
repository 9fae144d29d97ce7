"""What changed between two designs, field by field, with lists matched item by item.

A panel reads what changed since the version it matched, so a list is compared as a person
would: responsibilities and criteria by their wording (the most alike pair up, so an edited
sentence reads as changed), capabilities by id, partners and sign-offs by organisation. An item
that kept its place among the others but now stands elsewhere is *moved*, not removed and added.
The compare never refuses two designs of different roles; it says so and compares all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Any

from roledesigner.domain.edits import FIELD_NAMES
from roledesigner.domain.models import RoleDesign

#: Fields that are no part of a comparison: the file format, and the record of versions itself.
NOT_COMPARED = frozenset({"schema_version", "history"})
#: The record of the document rather than what the post is: left out when asking whether the
#: content changed (after an approval, say).
RECORD_FIELDS = frozenset({"status", "version", "author", "updated", "signoffs", "acknowledged", "unmapped"})
#: Two pieces of text at least this alike (0 to 1, by words) are one item reworded.
ALIKE = 0.5


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True)
class FieldChange:
    """One difference. `path` is where it is in the new design (in the old one for a removal);
    `old_path` is where a changed or moved list item was before, when its place differs."""

    kind: ChangeKind
    path: str
    old: Any = None
    new: Any = None
    old_path: str = ""

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind.value, "field": self.path}
        if self.old_path and self.old_path != self.path:
            data["old_field"] = self.old_path
        if self.kind is not ChangeKind.ADDED:
            data["old"] = self.old
        if self.kind is not ChangeKind.REMOVED:
            data["new"] = self.new
        return data


@dataclass(frozen=True)
class Comparison:
    changes: list[FieldChange]
    #: A sentence when the two designs seem to be of different roles, else "".
    different_roles: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"different_roles": self.different_roles, "changes": [change.as_dict() for change in self.changes]}


@dataclass(frozen=True)
class _Rule:
    """How the items of one list are told apart: an exact key, the text that may be reworded, or both."""

    key: Callable[[Any], Any] | None = None
    text: Callable[[Any], str] | None = None


def _field(name: str) -> Callable[[Any], str]:
    return lambda item: str(item.get(name) or "") if isinstance(item, dict) else str(item)


def _folded(name: str) -> Callable[[Any], str]:
    return lambda item: " ".join(_field(name)(item).split()).casefold()


def _whole(item: Any) -> str:
    return str(item)


#: Lists matched item by item, by their path with indexes taken out.
RULES: dict[str, _Rule] = {
    "responsibilities": _Rule(text=_field("text")),
    "criteria": _Rule(text=_field("text")),
    "capabilities": _Rule(key=_field("id")),
    "joint.partners": _Rule(key=_folded("organisation"), text=_field("organisation")),
    "relationships": _Rule(key=_folded("name"), text=_field("name")),
    "signoffs": _Rule(key=_folded("organisation"), text=_field("organisation")),
    "acknowledged": _Rule(key=lambda item: (item.get("code"), item.get("field"))),
    "unmapped": _Rule(text=_field("text")),
    "reports_to": _Rule(text=_whole),
    "accountable_to": _Rule(text=_whole),
    "development.programmes": _Rule(text=_whole),
}


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _words(text: str) -> list[str]:
    return text.casefold().split()


def similarity(a: str, b: str) -> float:
    """How alike two pieces of text are, by words, from 0 to 1."""
    if a == b:
        return 1.0
    return SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio()


def _pairs(old: list[Any], new: list[Any], rule: _Rule) -> list[tuple[int, int]]:
    """Which old item is which new one: equal items first, then equal keys, then the most alike text."""
    pairs: list[tuple[int, int]] = []
    free_old = list(range(len(old)))
    free_new = list(range(len(new)))

    def pair_by(same: Callable[[int, int], bool]) -> None:
        for i in list(free_old):
            j = next((j for j in free_new if same(i, j)), None)
            if j is not None:
                pairs.append((i, j))
                free_old.remove(i)
                free_new.remove(j)

    pair_by(lambda i, j: old[i] == new[j])
    if rule.key is not None:
        key = rule.key
        pair_by(lambda i, j: key(old[i]) == key(new[j]))
    if rule.text is not None and free_old and free_new:
        text = rule.text
        scored = sorted(
            ((similarity(text(old[i]), text(new[j])), i, j) for i in free_old for j in free_new),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        for score, i, j in scored:
            if score < ALIKE:
                break
            if i in free_old and j in free_new:
                pairs.append((i, j))
                free_old.remove(i)
                free_new.remove(j)
    return sorted(pairs)


def _kept_in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The most pairs whose order is the same in both lists (a longest increasing subsequence of the
    new places, taken in the old order); every other pair moved."""
    tails: list[int] = []  # tails[k]: the index in `pairs` ending the best run of length k + 1
    before: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if pairs[tails[middle]][1] < j:
                low = middle + 1
            else:
                high = middle
        before[n] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(n)
        else:
            tails[low] = n
    kept: set[tuple[int, int]] = set()
    n = tails[-1] if tails else -1
    while n >= 0:
        kept.add(pairs[n])
        n = before[n]
    return kept


def _rule_for(path: str) -> _Rule | None:
    bare = "".join(part for part in path.replace("]", "[").split("[") if not part.isdigit())
    return RULES.get(bare)


def _list_changes(path: str, old: list[Any], new: list[Any], rule: _Rule, found: list[FieldChange]) -> None:
    pairs = _pairs(old, new, rule)
    kept = _kept_in_order(pairs)
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    for i, item in enumerate(old):
        if i not in matched_old:
            found.append(FieldChange(ChangeKind.REMOVED, f"{path}[{i}]", old=item))
    for i, j in sorted(pairs, key=lambda pair: pair[1]):
        where, was = f"{path}[{j}]", f"{path}[{i}]"
        if (i, j) not in kept:
            found.append(FieldChange(ChangeKind.MOVED, where, old=old[i], new=new[j], old_path=was))
        _changes(where, old[i], new[j], found, old_path=was)
    for j, item in enumerate(new):
        if j not in matched_new:
            found.append(FieldChange(ChangeKind.ADDED, f"{path}[{j}]", new=item))


def _changes(path: str, old: Any, new: Any, found: list[FieldChange], old_path: str = "") -> None:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for name in [*old, *(name for name in new if name not in old)]:
            inner = f"{path}.{name}" if path else name
            before = f"{old_path}.{name}" if old_path else ""
            _changes(inner, old.get(name), new.get(name), found, old_path=before)
        return
    rule = _rule_for(path)
    if rule is not None and isinstance(old, list) and isinstance(new, list):
        _list_changes(path, old, new, rule, found)
        return
    kind = ChangeKind.ADDED if _empty(old) else ChangeKind.REMOVED if _empty(new) else ChangeKind.CHANGED
    found.append(FieldChange(kind, path, old=old, new=new, old_path=old_path))


def _compared(design: RoleDesign, leave_out: frozenset[str]) -> dict[str, Any]:
    return design.model_dump(mode="json", exclude=set(leave_out))


def different_roles(old: RoleDesign, new: RoleDesign) -> str:
    """A sentence when the designs seem to be of different roles (another emerging role, or, for
    designs from no emerging role, another title), else "". Said, never refused: comparing any two
    designs is allowed."""
    if (old.based_on or None) != (new.based_on or None):
        was = f"the emerging role '{old.based_on}'" if old.based_on else "no emerging role"
        now = f"the emerging role '{new.based_on}'" if new.based_on else "no emerging role"
        return f"The two designs are of different roles: the old one is based on {was} and the new one on {now}."
    if old.based_on:  # the same emerging role: a retitled post is still that post
        return ""
    if " ".join(old.title.split()).casefold() != " ".join(new.title.split()).casefold():
        return (
            f"The two designs have different titles ('{' '.join(old.title.split())}' and "
            f"'{' '.join(new.title.split())}'), so they may be of different roles."
        )
    return ""


def compare_designs(old: RoleDesign, new: RoleDesign) -> Comparison:
    """Every difference from `old` to `new`, in the order of the design's fields."""
    found: list[FieldChange] = []
    _changes("", _compared(old, NOT_COMPARED), _compared(new, NOT_COMPARED), found)
    return Comparison(found, different_roles(old, new))


def content_changes(old: RoleDesign, new: RoleDesign) -> list[FieldChange]:
    """The differences in what the post is, leaving out the document's record (status, version,
    author, dates, sign-offs, acknowledgements, text an import could not place)."""
    found: list[FieldChange] = []
    leave_out = NOT_COMPARED | RECORD_FIELDS
    _changes("", _compared(old, leave_out), _compared(new, leave_out), found)
    return found


# --- in words ----------------------------------------------------------------------------------

#: What one item of each list is called.
ITEM_NOUNS = {
    "responsibilities": "responsibility",
    "capabilities": "capability",
    "criteria": "criterion",
    "relationships": "working relationship",
    "partners": "partner",
    "signoffs": "sign-off",
    "acknowledged": "accepted warning",
    "unmapped": "unplaced imported text",
    "reports_to": "line manager",
    "accountable_to": "person accountable to",
    "programmes": "development programme",
}
#: The text that stands for a list item in a sentence, by the first of these fields it has.
_ITEM_TEXT = ("text", "name", "organisation", "id", "code")
_SHOWN = 90


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        value = next((value[name] for name in _ITEM_TEXT if value.get(name)), None) or "(a group of fields)"
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value) or "(none)"
    if value is None or value == "":
        return "(none)"
    text = " ".join(str(value).split())
    if len(text) > _SHOWN:
        text = text[: _SHOWN - 1].rsplit(" ", 1)[0] + " …"
    return f"“{text}”"


def _around_the_change(old: str, new: str) -> tuple[str, str]:
    """Two long texts cut to the words that differ, with a few words either side."""
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    first = max(0, start - 3)

    def cut(words: list[str]) -> str:
        last = len(words) - max(0, end - 3)
        return " ".join(["…"] * bool(first) + words[first:last] + ["…"] * (last < len(words)))

    return cut(a), cut(b)


def field_name(path: str) -> str:
    """ "responsibilities[3].text" as "responsibility 4, text"; "joint.partners[1].funding_percent"
    as "joint post, partner 2, funding percent"."""
    words: list[str] = []
    for n, part in enumerate(path.replace("]", "").split(".")):
        name, _, index = part.partition("[")
        if index.isdigit():
            words.append(f"{ITEM_NOUNS.get(name, name.replace('_', ' '))} {int(index) + 1}")
        elif n == 0:
            words.append(FIELD_NAMES.get(name) or name.replace("_", " "))
        else:
            words.append(name.replace("_", " "))
    return ", ".join(words)


def describe(change: FieldChange, name_of: Callable[[str], str] | None = None) -> str:
    """One sentence for a change, such as 'Moved responsibility 2 to 4: “Lead …”.'; `name_of`
    gives a capability's name from its id."""
    name = field_name(change.path)
    old, new = change.old, change.new
    if name_of is not None and change.path.startswith("capabilities[") and change.path.endswith("]"):
        old = name_of(old["id"]) if isinstance(old, dict) else old
        new = name_of(new["id"]) if isinstance(new, dict) else new
    if change.kind is ChangeKind.ADDED:
        return f"Added {name}: {_shown(new)}."
    if change.kind is ChangeKind.REMOVED:
        return f"Removed {name}: {_shown(old)}."
    if change.kind is ChangeKind.MOVED:
        return f"Moved {field_name(change.old_path)} to place {_place(change.path)}: {_shown(new)}."
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > _SHOWN:
        old, new = _around_the_change(old, new)
    return f"Changed {name}: {_shown(old)} became {_shown(new)}."


def _place(path: str) -> int:
    return int(path.rsplit("[", 1)[1].rstrip("]")) + 1
