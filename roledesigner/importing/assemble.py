"""A design built from placements alone, so the review step can move a piece and build it again.

Nothing placed is dropped here either: a second value for a field that holds one (two different
titles), or a value only half understood ("37.5 hours, Monday to Friday"), is kept unmapped as
well, in the source's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from roledesigner.domain.models import (
    Allocation,
    Criterion,
    Dimensions,
    Relationship,
    Responsibility,
    RoleDesign,
    TimePlan,
    UnmappedBlock,
)
from roledesigner.domain.vocabulary import Contract, ResponsibilityKind, Sector
from roledesigner.importing.placements import STRUCTURE, CriterionFacts, Placement, Target
from roledesigner.importing.values import contract, hours, pay_framework

#: Characters no design file or Word document can hold (controls other than tab and newline).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SINGLE = {
    Target.TITLE: "title",
    Target.GRADE: "grade",
    Target.EMPLOYER: "employer",
    Target.DIRECTORATE: "directorate",
    Target.JOB_REFERENCE: "job_reference",
    Target.LOCATION: "location",
}
_PROSE = {Target.PURPOSE: "purpose", Target.SYSTEM_CONTEXT: "system_context", Target.STABILITY: "stability"}
_NAMES = {Target.REPORTS_TO: "reports_to", Target.ACCOUNTABLE_TO: "accountable_to"}
_DIMENSIONS = {Target.BUDGET: "budget", Target.STAFF_MANAGED: "staff_managed", Target.DECISIONS: "decisions"}


def clean(text: str) -> str:
    return _CONTROL.sub("", text).strip()


def _same(one: str, other: str) -> bool:
    return " ".join(one.casefold().split()) == " ".join(other.casefold().split())


class _Builder:
    def __init__(self, contracted_hours: Decimal) -> None:
        self.fields: dict[str, Any] = {"title": ""}
        self.prose: dict[str, list[str]] = {}
        self.dimensions: dict[str, list[str]] = {}
        self.names: dict[str, list[str]] = {}
        self.responsibilities: list[Responsibility] = []
        self.relationships: list[Relationship] = []
        self.criteria: list[Criterion] = []
        self.unmapped: list[UnmappedBlock] = []
        self.hours: Decimal | None = None
        self.default_hours = contracted_hours
        self.contract: Contract | None = None
        self.system_work: Allocation | None = None

    def keep(self, placement: Placement, note: str = "") -> None:
        text = clean(placement.source_text or placement.text)
        if text:
            self.unmapped.append(
                UnmappedBlock(text=text, heading=clean(placement.heading), source=note or placement.source)
            )

    def add(self, placement: Placement) -> None:
        target = placement.target
        text = clean(placement.text)
        if target in STRUCTURE:
            return
        if target is Target.UNMAPPED or not text:
            self.keep(placement)
        elif target in _SINGLE:
            name = _SINGLE[target]
            current = self.fields.get(name, "")
            if not current:
                self.fields[name] = text
            elif not _same(current, text):
                self.keep(placement)
        elif target in _PROSE:
            self.prose.setdefault(_PROSE[target], []).append(text)
        elif target in _DIMENSIONS:
            self.dimensions.setdefault(_DIMENSIONS[target], []).append(text)
        elif target in _NAMES:
            present = self.names.setdefault(_NAMES[target], [])
            for name in re.split(r"[;\n]", text):
                if name.strip() and not any(_same(name, p) for p in present):
                    present.append(name.strip())
        elif target in (Target.RESPONSIBILITY, Target.SYSTEM_RESPONSIBILITY):
            system = target is Target.SYSTEM_RESPONSIBILITY
            kind = ResponsibilityKind.SYSTEM if system else ResponsibilityKind.ORGANISATIONAL
            self.responsibilities.append(Responsibility(text=text, kind=kind))
        elif target is Target.RELATIONSHIP:
            self.relationships.append(Relationship(name=text, sector=placement.sector or Sector.OTHER))
        elif target is Target.CRITERION:
            facts = placement.criterion or CriterionFacts()
            self.criteria.append(
                Criterion(
                    category=facts.category,
                    text=text,
                    requirement=facts.requirement,
                    assessed_by=list(facts.assessed_by),
                )
            )
        elif target is Target.HOURS:
            self._hours(placement, text)
        elif target is Target.CONTRACT:
            self._contract(placement, text)

    def _hours(self, placement: Placement, text: str) -> None:
        value, left_over = hours(text)
        if value is not None and self.hours is None:
            self.hours = value
        if value is None or left_over or (self.hours is not None and value != self.hours):
            self.keep(placement)

    def _contract(self, placement: Placement, text: str) -> None:
        value, left_over = contract(text)
        if value is not None and self.contract is None:
            self.contract = value
        if value is None or left_over or value is not self.contract:
            self.keep(placement)

    def time(self, placements: Iterable[Placement]) -> None:
        for placement in placements:
            if placement.system_time is not None and placement.target is not Target.UNMAPPED:
                found = placement.system_time
                self.system_work = Allocation(unit=found.unit, amount=found.amount)
                return

    def design(self) -> RoleDesign:
        plan = TimePlan(contracted_hours_per_week=self.hours or self.default_hours)
        if self.system_work is not None:
            plan = plan.model_copy(update={"system_work": self.system_work})
        values: dict[str, Any] = {
            **self.fields,
            **{name: "\n\n".join(parts) for name, parts in self.prose.items()},
            **self.names,
        }
        terms = pay_framework(self.fields.get("grade", ""))
        dimensions = Dimensions(**{name: "; ".join(parts) for name, parts in self.dimensions.items()})
        return RoleDesign(
            **values,
            terms=terms,
            dimensions=dimensions,
            contract=self.contract or Contract.PERMANENT,
            responsibilities=self.responsibilities,
            relationships=self.relationships,
            criteria=self.criteria,
            time=plan,
            unmapped=self.unmapped,
        )


def assemble(placements: Iterable[Placement], contracted_hours: Decimal = Decimal("37.5")) -> RoleDesign:
    """The design the placements describe; `contracted_hours` when the source does not say."""
    items = list(placements)
    builder = _Builder(contracted_hours)
    for placement in items:
        builder.add(placement)
    builder.time(items)
    return builder.design()
