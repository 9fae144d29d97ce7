"""Warnings a person accepted on purpose: which findings they cover, and accepting or withdrawing one.

An acceptance (the design's `acknowledged[]`) names a warning by its code and field, with the
reason, who accepted it and when. It is never a way to hide a finding: the review still reports
it, and the app, `check` and `audit` show it marked "accepted: <reason> (<who>, <date>)".

- Only warnings can be accepted. An error must be fixed, and an acceptance of one (a file edited
  by hand) counts for nothing; information needs no acceptance.
- It covers every warning of its code on its field (a field holds one value, judged once).
- It holds while the field keeps the value it had: the acceptance keeps a fingerprint (a digest)
  of that value, and a change brings the warning back. Putting the value back (undo, say)
  restores the acceptance. An acceptance with no fingerprint (from a file written before they
  were kept) cannot tell, and stands.

Exit codes do not change: `check` fails only on errors (DESIGN.md), and errors cannot be accepted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import to_jsonable_python

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import Acknowledgement, RoleDesign
from roledesigner.review.order import segments


class NotAcceptable(ValueError):
    """A finding that cannot be accepted, or an acceptance with no reason; str() is one plain sentence."""


@dataclass(frozen=True)
class Reviewed:
    """A finding as a person sees it: with the acceptance that still holds for it, if any."""

    finding: Finding
    accepted: Acknowledgement | None = None

    @property
    def note(self) -> str:
        return accepted_note(self.accepted) if self.accepted else ""

    @property
    def is_open(self) -> bool:
        """Still to be dealt with: not accepted."""
        return self.accepted is None

    def as_dict(self) -> dict[str, str]:
        """The finding as `check --format json` writes it, with "accepted" added when it is."""
        data = self.finding.as_dict()
        if self.accepted is not None:
            data["accepted"] = self.note
        return data


def can_accept(finding: Finding) -> bool:
    return finding.severity is Severity.WARNING


def long_date(when: dt.date) -> str:
    return f"{when.day} {when:%B %Y}"


def accepted_note(acknowledgement: Acknowledgement) -> str:
    """ "accepted: two days were agreed with both boards (Sam Jones, 3 March 2026)"."""
    who = ", ".join(part for part in (acknowledgement.by.strip(), _date(acknowledgement.date)) if part)
    return f"accepted: {acknowledgement.reason}" + (f" ({who})" if who else "")


def _date(when: dt.date | None) -> str:
    return long_date(when) if when else ""


def _value(design: RoleDesign, path: str) -> Any:
    """The value at a finding's field path; `[*]` takes every item; a path that is not there is None."""
    values: list[Any] = [design]
    many = False
    for name, index in segments(path):
        step: list[Any] = []
        for value in values:
            item = getattr(value, name, None)
            if index is None:
                step.append(item)
            elif not isinstance(item, list):
                step.append(None)
            elif index == "*":
                step.extend(item)
                many = True
            else:
                step.append(item[int(index)] if int(index) < len(item) else None)
        values = step
    return values if many else (values[0] if values else None)


def _managers(design: RoleDesign) -> Any:
    partners = [partner.line_manager for partner in design.joint.partners] if design.joint else None
    return [design.reports_to, design.appraisal_lead, partners]


def _groups(design: RoleDesign) -> Any:
    return sorted({criterion.category.value for criterion in design.criteria})


#: What a finding is about when that is more, or less, than the one field it goes to: the managers
#: finding names every manager still missing but goes to the first, and "no qualifications" holds
#: while the groups the criteria fill stay the same, whatever else is edited in them.
SCOPES: dict[str, Callable[[RoleDesign], Any]] = {
    "clarity.managers": _managers,
    "spec.no_qualifications": _groups,
    "spec.no_knowledge": _groups,
}


def fingerprint(design: RoleDesign, field: str, code: str = "") -> str:
    """A short digest of what the finding is about: the field's value (the whole role's for no field),
    or its code's scope (`SCOPES`); equal values, equal digests."""
    if code in SCOPES:
        value = SCOPES[code](design)
    else:
        value = _value(design, field) if field else design.model_dump(mode="json", exclude={"acknowledged"})
    text = json.dumps(to_jsonable_python(value), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _same(acknowledgement: Acknowledgement, finding: Finding) -> bool:
    return acknowledgement.code == finding.code and acknowledgement.field == finding.field


def holding(design: RoleDesign, finding: Finding) -> Acknowledgement | None:
    """The acceptance that still holds for this finding, if any."""
    if not can_accept(finding):
        return None
    for acknowledgement in reversed(design.acknowledged):  # the latest, if a file repeats one
        if _same(acknowledgement, finding) and (
            not acknowledgement.fingerprint
            or acknowledgement.fingerprint == fingerprint(design, finding.field, finding.code)
        ):
            return acknowledgement
    return None


def reviewed(design: RoleDesign, findings: Sequence[Finding]) -> list[Reviewed]:
    """Each finding with its acceptance, in the same order."""
    if not design.acknowledged:
        return [Reviewed(finding) for finding in findings]
    return [Reviewed(finding, holding(design, finding)) for finding in findings]


def open_findings(entries: Sequence[Reviewed]) -> list[Finding]:
    return [entry.finding for entry in entries if entry.is_open]


def accept(design: RoleDesign, finding: Finding, reason: str, by: str, when: dt.date) -> RoleDesign:
    """The design with this warning accepted for this reason (an earlier acceptance of it replaced)."""
    if not can_accept(finding):
        what = "An error" if finding.severity is Severity.ERROR else "Information"
        raise NotAcceptable(f"{what} cannot be accepted: only a warning can.")
    try:
        acknowledgement = Acknowledgement(
            code=finding.code,
            field=finding.field,
            reason=reason,
            by=by,
            date=when,
            fingerprint=fingerprint(design, finding.field, finding.code),
        )
    except ValidationError as error:
        raise NotAcceptable("Say why the warning is accepted: the reason is shown with it.") from error
    kept = [a for a in design.acknowledged if not _same(a, finding)]
    return design.model_copy(update={"acknowledged": [*kept, acknowledgement]})


def withdraw(design: RoleDesign, finding: Finding) -> RoleDesign:
    """The design with no acceptance of this warning (it is open again)."""
    return design.model_copy(update={"acknowledged": [a for a in design.acknowledged if not _same(a, finding)]})
