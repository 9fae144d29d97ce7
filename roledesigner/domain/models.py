"""The role design: what a `.roledesign` file holds, as pydantic models.

Field names are a contract (DESIGN.md): scripts and other tools read them, so rename nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from roledesigner.domain.numbers import NonNegative, Number, Percent, WeeklyDays, WeeklyHours, WeeklyPAs
from roledesigner.domain.text import FilledText, Identifier, Text
from roledesigner.domain.vocabulary import (
    AllocationUnit,
    Assessment,
    Contract,
    CriterionCategory,
    Decision,
    Footprint,
    Function,
    LegalBasis,
    Requirement,
    ResponsibilityKind,
    Sector,
    Status,
    Terms,
    Weekday,
    label,
)

#: 2 added `directorate` and `job_reference` (CONVENTIONS: the usual job identification).
#: 3 added the document's record (`signoffs`, `history`, `acknowledged`), text an import could not
#: place (`unmapped`), and the status lifecycle (format 2's in_review and final are mapped on load).
SCHEMA_VERSION = 3

#: The largest amount each unit can hold for one week, whatever the post's hours.
UNIT_CEILING: dict[AllocationUnit, Decimal] = {
    AllocationUnit.PERCENT: Decimal(100),
    AllocationUnit.HOURS_PER_WEEK: Decimal(168),
    AllocationUnit.DAYS_PER_WEEK: Decimal(7),
    AllocationUnit.PROGRAMMED_ACTIVITIES: Decimal(42),
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


def _unique(items: list[Any], what: str) -> list[Any]:
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"lists {what} '{item}' more than once")
        seen.add(item)
    return items


def _interview() -> list[Assessment]:
    return [Assessment.INTERVIEW]


class Responsibility(_Model):
    text: FilledText
    kind: ResponsibilityKind = ResponsibilityKind.ORGANISATIONAL


def _unique_methods(value: list[Assessment]) -> list[Assessment]:
    return _unique(value, "the assessment method")


#: How a person-specification row is assessed: each method at most once.
AssessedBy = Annotated[list[Assessment], AfterValidator(_unique_methods)]


class CapabilityRequirement(_Model):
    id: Identifier
    requirement: Requirement = Requirement.ESSENTIAL
    assessed_by: AssessedBy = Field(default_factory=_interview)


class Criterion(_Model):
    category: CriterionCategory = CriterionCategory.EXPERIENCE
    text: FilledText
    requirement: Requirement = Requirement.ESSENTIAL
    assessed_by: AssessedBy = Field(default_factory=_interview)


class Relationship(_Model):
    name: FilledText
    sector: Sector = Sector.OTHER


class Allocation(_Model):
    """System work given in exactly one unit; everything else is derived from it."""

    unit: AllocationUnit = AllocationUnit.PERCENT
    amount: Number = Decimal(0)

    @field_validator("amount")
    @classmethod
    def _within_a_week(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        unit = info.data.get("unit", AllocationUnit.PERCENT)
        ceiling = UNIT_CEILING[unit]
        if not Decimal(0) <= value <= ceiling:
            raise ValueError(f"must be between 0 and {ceiling} {label(unit)}")  # "… 168 hours a week"
        return value


class TimePlan(_Model):
    contracted_hours_per_week: WeeklyHours = Decimal("37.5")
    working_days_per_week: WeeklyDays = Decimal(5)
    #: Set for clinicians whose job plan counts programmed activities (1 PA = 4 hours).
    contracted_programmed_activities: WeeklyPAs | None = None
    system_work: Allocation = Field(default_factory=Allocation)
    protected_days: list[Weekday] = []

    @field_validator("protected_days")
    @classmethod
    def _unique_days(cls, value: list[Weekday]) -> list[Weekday]:
        return _unique(value, "the day")


class Partner(_Model):
    organisation: FilledText
    sector: Sector
    host: bool = False
    funding_percent: Percent
    time_percent: Percent
    line_manager: Text = ""
    terms: Terms = Terms.OTHER
    honorary_contract: bool = False


class JointArrangement(_Model):
    partners: list[Partner] = []
    agreement: LegalBasis | None = None
    governance_notes: Text = ""


class Development(_Model):
    learning_hours_per_month: NonNegative = Decimal(0)
    coaching: bool = False
    mentoring: bool = False
    peer_network: bool = False
    programmes: list[FilledText] = []


class SignOff(_Model):
    """Who agreed the post for an organisation (a joint post's partners each sign off)."""

    organisation: FilledText
    name: Text = ""
    role: Text = ""
    decision: Decision = Decision.PENDING
    date: dt.date | None = None
    comment: Text = ""
    #: The version the decision was given on, so a later change shows the approval is out of date.
    version: Text = ""


class HistoryEntry(_Model):
    """A recorded version: the content as it stood, with who recorded it and why.

    `design` is kept as the JSON object it was saved as and validated only when a version is
    opened or compared, so a file with hundreds of versions opens as fast as one with none.
    """

    version: FilledText
    date: dt.date
    author: Text = ""
    note: Text = ""
    status: Status = Status.DRAFT
    design: dict[str, Any]


class Acknowledgement(_Model):
    """A warning a person read and accepted on purpose; shown with its reason, never hidden."""

    code: FilledText
    field: Text = ""
    reason: FilledText
    by: Text = ""
    date: dt.date | None = None


class UnmappedBlock(_Model):
    """Text from an imported job description that no field took, kept in order until the user
    moves it: nothing of the source is ever dropped."""

    text: FilledText
    #: The heading it stood under in the source, and where it was (such as "table 2, row 3").
    heading: Text = ""
    source: Text = ""


class RoleDesign(_Model):
    schema_version: int = SCHEMA_VERSION
    title: Text
    based_on: Identifier | None = None
    employer: Text = ""
    #: The department or directorate the post sits in, and the employer's reference for the post.
    directorate: Text = ""
    job_reference: Text = ""
    footprint: Footprint | None = None
    footprint_name: Text = ""
    function: Function | None = None
    grade: Text = ""
    location: Text = ""
    contract: Contract = Contract.PERMANENT
    reports_to: list[FilledText] = []
    accountable_to: list[FilledText] = []
    #: Who leads appraisal when the post has several line managers (SCIE 2021, barriers of clarity).
    appraisal_lead: Text = ""
    purpose: Text = ""
    system_context: Text = ""
    responsibilities: list[Responsibility] = []
    capabilities: list[CapabilityRequirement] = []
    criteria: list[Criterion] = []
    relationships: list[Relationship] = []
    time: TimePlan = Field(default_factory=TimePlan)
    joint: JointArrangement | None = None
    development: Development = Field(default_factory=Development)
    stability: Text = ""
    status: Status = Status.DRAFT
    version: Text = "1"
    author: Text = ""
    updated: dt.date | None = None
    signoffs: list[SignOff] = []
    history: list[HistoryEntry] = []
    acknowledged: list[Acknowledgement] = []
    unmapped: list[UnmappedBlock] = []

    @field_validator("reports_to", "accountable_to", mode="before")
    @classmethod
    def _one_name_is_a_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [value] if value.strip() else []
        return value

    @field_validator("capabilities")
    @classmethod
    def _no_repeated_capability(cls, value: list[CapabilityRequirement]) -> list[CapabilityRequirement]:
        _unique([item.id for item in value], "the capability")
        return value

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(f"must be {SCHEMA_VERSION} once read (older files are migrated on load)")
        return value
