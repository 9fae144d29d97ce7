"""Where a finding sits in the document: the order the review lists findings in, and the field's plain name.

The review lists findings as the job specification reads, section by section and field by field,
so the list is the document's order and does not move about as the user types: a finding keeps
its place while others come and go. `SECTIONS` is the one place that order is written; its keys
are the document's own section keys (documents/viewmodel.py, SECTION_HEADINGS), which a test
holds to the same order. Within a field's part of the design (a partner, a criterion) the
fields follow the design model's own order, and list items their position.

`plain_field` names the field in words for the user ("partner 2: line manager"), never as the
internal path ("joint.partners[1].line_manager") the app uses to jump to it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, get_args

from pydantic import BaseModel

from roledesigner.domain.edits import FIELD_NAMES
from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import CriterionCategory
from roledesigner.review.completeness import MISSING_GROUP_CODES

#: The document's sections in its order, each with the design's fields it shows, in their order.
SECTIONS: dict[str, tuple[str, ...]] = {
    "unmapped": ("unmapped",),
    "details": (
        "title",
        "grade",
        "terms",
        "time.contracted_days_per_month",
        "term_of_office",
        "remuneration",
        "time.contracted_hours_per_week",
        "time.contracted_programmed_activities",
        "time.working_days_per_week",
        "location",
        "contract",
        "employer",
        "directorate",
        "job_reference",
        "reports_to",
        "accountable_to",
        "appraisal_lead",
        "footprint",
        "footprint_name",
        "function",
        "based_on",
    ),
    "purpose": ("purpose",),
    "system_context": ("system_context",),
    "responsibilities": ("responsibilities",),
    "dimensions": ("dimensions",),
    "time": ("time",),
    "joint": ("joint",),
    "relationships": ("relationships",),
    "capabilities": ("capabilities",),
    "person_spec": ("criteria",),
    "development": ("development",),
    "stability": ("stability",),
    "control": ("status", "version", "author", "updated", "signoffs", "history", "acknowledged", "schema_version"),
}
_SEVERITY = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
#: Codes listed in an order of their own within a field, before the rest (which go by code): the
#: person specification's missing groups as it prints its groups, qualifications before knowledge.
_CODE_RANK = {
    MISSING_GROUP_CODES[group]: rank for rank, group in enumerate(CriterionCategory) if group in MISSING_GROUP_CODES
}
_SEGMENT = re.compile(r"([A-Za-z_]+)(?:\[(\d+|\*)\])?")
_PREFIXES: list[tuple[str, int]] = [
    (prefix, place) for place, prefix in enumerate(prefix for fields in SECTIONS.values() for prefix in fields)
]
_SECTION_OF = {prefix: index for index, fields in enumerate(SECTIONS.values()) for prefix in fields}
#: A field the document does not show sorts after everything it does.
_LAST = (len(SECTIONS), len(_PREFIXES))


def segments(path: str) -> list[tuple[str, str | None]]:
    return [(name, index or None) for name, index in _SEGMENT.findall(path)]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly or in a list (`list[Partner]`, `JointArrangement | None`)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=4096)
def _position(path: str) -> tuple[int, ...]:
    """Section, field, then the place of each part below it (list items by position, a whole list first)."""
    parts = segments(path)
    names = [name for name, _ in parts]
    for length in range(len(names), 0, -1):
        prefix = ".".join(names[:length])
        if prefix in _SECTION_OF:
            break
    else:
        return (*_LAST,)
    place = next(place for candidate, place in _PREFIXES if candidate == prefix)
    key = [_SECTION_OF[prefix], place]
    model: type[BaseModel] | None = RoleDesign
    for depth, (name, index) in enumerate(parts):
        fields = list(model.model_fields) if model is not None else []
        if depth >= length:
            key.append(fields.index(name) if name in fields else len(fields))
        if index is not None:
            key.append(-1 if index == "*" else int(index))
        model = _model_in(model.model_fields[name].annotation) if model and name in model.model_fields else None
    return tuple(key)


def document_key(finding: Finding) -> tuple[tuple[int, ...], int, int, str]:
    """Sort findings by this (a stable sort) to list them as the document reads: within a field, errors
    first, then by code (the person specification's missing groups first, in its groups' order);
    findings of one code on one field stay in the order their check found them (coded words in the
    order of the text), never by their message, which changes as the user types."""
    rank = _CODE_RANK.get(finding.code, len(CriterionCategory))
    return _position(finding.field), _SEVERITY[finding.severity], rank, finding.code


def in_document_order(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=document_key)


#: Plain names for the parts of a field path that FIELD_NAMES does not name on its own (list
#: items are named by what one item is; the rest by their own name).
_PLAIN: dict[str, str] = {
    "reports_to": "reports to",
    "accountable_to": "accountable to",
    "responsibilities": "responsibility",
    "capabilities": "capability",
    "criteria": "criterion",
    "relationships": "working relationship",
    "capabilities.assessed_by": "how it is assessed",
    "capabilities.requirement": "essential or desirable",
    "criteria.assessed_by": "how it is assessed",
    "criteria.requirement": "essential or desirable",
    "criteria.category": "kind of criterion",
    "joint.partners": "partner",
    "joint.partners.organisation": "organisation",
    "joint.partners.sector": "sector",
    "joint.partners.host": "host employer",
    "joint.partners.funding_percent": "funding share",
    "joint.partners.time_percent": "time share",
    "joint.partners.line_manager": "line manager",
    "joint.partners.terms": "pay framework",
    "joint.partners.honorary_contract": "honorary contract",
    "joint.governance_notes": "governance notes",
    "time.system_work": "system time",
    "time.protected_days": "protected days",
    "time.contracted_hours_per_week": "contracted hours",
    "time.working_days_per_week": "working days",
    "time.contracted_programmed_activities": "programmed activities",
    "signoffs": "sign-off",
    "signoffs.version": "version signed off",
    "history": "recorded version",
    "unmapped": "unplaced imported text",
}
#: Parts that say nothing more than the part they are in ("responsibility 2", not "responsibility 2: text").
_SILENT = frozenset({"text", "id", "amount", "unit"})
#: Whole lists by their own plural name.
_WHOLE_LISTS = {
    "responsibilities": "responsibilities",
    "capabilities": "capabilities",
    "criteria": "person specification criteria",
    "relationships": "working relationships",
    "joint.partners": "partners",
    "signoffs": "sign-offs",
}


def plain_field(path: str) -> str:
    """The field's name in plain words: "job purpose", "partner 2: line manager", "every partner: host employer"."""
    if not path:
        return "the whole role"
    generic = ".".join(name for name, _ in segments(path))
    if generic in _WHOLE_LISTS and "[" not in path:
        return _WHOLE_LISTS[generic]
    words: list[str] = []
    names: list[str] = []
    for name, index in segments(path):
        names.append(name)
        dotted = ".".join(names)
        if name in _SILENT:
            continue
        word = _PLAIN.get(dotted) or FIELD_NAMES.get(dotted)
        if word is None:
            word = name.replace("_", " ")
        if index == "*":
            word = f"every {word}"
        elif index is not None:
            word = f"{word} {int(index) + 1}"
        if dotted in ("joint", "time", "dimensions", "development") and len(segments(path)) > 1:
            continue  # "partner 2", not "joint post: partner 2"
        words.append(word)
    return ": ".join(words) if words else FIELD_NAMES.get(generic, generic.replace("_", " "))
