"""Pydantic models for library entries: the shape of every YAML file under `role_library/`."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from roledesigner.domain.models import Allocation, AssessedBy
from roledesigner.domain.numbers import MonthlyDays, NonNegative
from roledesigner.domain.text import FilledText, Identifier
from roledesigner.domain.vocabulary import (
    AllocationUnit,
    CriterionCategory,
    Footprint,
    Function,
    Requirement,
    ResponsibilityKind,
    Sector,
    Terms,
)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Entry):
    """A citation of one source, optionally saying where in it the fact is."""

    id: Identifier
    where: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_plain_id(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str) else value


Sources = Annotated[list[SourceRef], Field(min_length=1)]


class Domain(_Entry):
    id: Identifier
    name: FilledText
    description: FilledText


class Framework(_Entry):
    id: Identifier
    name: FilledText
    owner: FilledText
    #: "capabilities": capabilities are filed under its domains; "enablers": themes for context.
    used_for: Literal["capabilities", "enablers"]
    description: FilledText
    domains: Annotated[list[Domain], Field(min_length=1)]
    sources: Sources


class Capability(_Entry):
    id: Identifier
    name: FilledText
    domain: Identifier
    description: FilledText
    indicators: Annotated[list[FilledText], Field(min_length=1)]
    criterion: FilledText
    category: CriterionCategory = CriterionCategory.SKILLS
    interview_questions: Annotated[list[FilledText], Field(min_length=1)]
    sources: Sources


class RoleResponsibility(_Entry):
    text: FilledText
    kind: ResponsibilityKind


class RoleCapability(_Entry):
    id: Identifier
    requirement: Requirement = Requirement.ESSENTIAL


class SuggestedTime(_Entry):
    """The protected system-work time the research suggests for a role, and why."""

    unit: AllocationUnit
    amount: Decimal
    reason: FilledText

    def allocation(self) -> Allocation:
        return Allocation(unit=self.unit, amount=self.amount)

    @model_validator(mode="after")
    def _valid_allocation(self) -> SuggestedTime:
        Allocation(unit=self.unit, amount=self.amount)
        return self


class RoleCriterion(_Entry):
    """A person-specification row the role offers that is not a capability: a qualification,
    registration, knowledge of a statute, the values the post works by."""

    category: CriterionCategory
    text: FilledText
    requirement: Requirement = Requirement.ESSENTIAL
    #: How it is assessed; left out, it is assessed as composing assesses any criterion.
    assessed_by: AssessedBy | None = None
    #: Where a fact the criterion states comes from (a statute, a regulator, a framework).
    sources: list[SourceRef] = []


class RoleRelationship(_Entry):
    """A working relationship the research names for the role, as the design's `relationships[]` holds it."""

    name: FilledText
    sector: Sector = Sector.OTHER


class RoleDevelopment(_Entry):
    """The support a design from the role starts with, and why (the design's `development`)."""

    learning_hours_per_month: NonNegative = Decimal(0)
    coaching: bool = False
    mentoring: bool = False
    peer_network: bool = False
    programmes: list[FilledText] = []
    reason: FilledText


class RoleAppointment(_Entry):
    """An office holder's post (a chair): appointed for a term, paid a remuneration, not employed."""

    days_per_month: MonthlyDays
    term_of_office: FilledText
    remuneration: FilledText
    reason: FilledText


class Role(_Entry):
    id: Identifier
    name: FilledText
    summary: FilledText
    #: The job purpose as a candidate reads it (one or two sentences, no citations).
    purpose: str = ""
    footprint: Footprint
    function: Function
    #: A joint NHS and council post: a design made from it starts with a joint arrangement to fill in.
    joint: bool = False
    sectors: Annotated[list[Sector], Field(min_length=1)]
    responsibilities: Annotated[list[RoleResponsibility], Field(min_length=1)]
    capabilities: Annotated[list[RoleCapability], Field(min_length=1)]
    suggested_system_time: SuggestedTime
    #: A senior or board post: its essential capabilities are also assessed by a presentation.
    senior: bool = False
    #: The pay framework, only where the post has one whoever hosts it (such as very senior managers).
    terms: Terms | None = None
    #: Set for an office holder: a design from the role is an appointment, not employment.
    appointment: RoleAppointment | None = None
    criteria: list[RoleCriterion] = []
    relationships: list[RoleRelationship] = []
    development: RoleDevelopment | None = None
    considerations: list[FilledText] = []
    sources: Sources

    @model_validator(mode="after")
    def _appointment_counts_days(self) -> Role:
        if self.appointment is not None and self.suggested_system_time.unit is AllocationUnit.PROGRAMMED_ACTIVITIES:
            raise ValueError(
                "an appointment counts its time in days a month, so its suggested time cannot be in "
                "programmed activities"
            )
        return self

    @field_validator("capabilities")
    @classmethod
    def _no_repeats(cls, value: list[RoleCapability]) -> list[RoleCapability]:
        seen: set[str] = set()
        for item in value:
            if item.id in seen:
                raise ValueError(f"lists the capability '{item.id}' twice")
            seen.add(item.id)
        return value


class Source(_Entry):
    id: Identifier
    short: FilledText
    citation: FilledText
    url: str = ""


class GlossaryEntry(_Entry):
    term: FilledText
    meaning: FilledText
