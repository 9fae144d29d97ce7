"""Pydantic models for library entries: the shape of every YAML file under `role_library/`."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from roledesigner.domain.models import Allocation
from roledesigner.domain.text import FilledText, Identifier
from roledesigner.domain.vocabulary import (
    AllocationUnit,
    CriterionCategory,
    Footprint,
    Function,
    Requirement,
    ResponsibilityKind,
    Sector,
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
    considerations: list[FilledText] = []
    sources: Sources

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
