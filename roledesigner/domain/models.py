"""The role design: what a `.roledesign` file holds, as pydantic models.

Field names are a contract (DESIGN.md): scripts and other tools read them, so rename nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from roledesigner.domain.errors import describe
from roledesigner.domain.migrations import split_agreement
from roledesigner.domain.numbers import (
    MonthlyDays,
    NonNegative,
    Number,
    Percent,
    WeeklyDays,
    WeeklyHours,
    WeeklyPAs,
)
from roledesigner.domain.text import FilledText, Identifier, Text
from roledesigner.domain.vocabulary import (
    AllocationUnit,
    Assessment,
    Contract,
    CriterionCategory,
    Decision,
    Footprint,
    Function,
    PartnershipArrangement,
    Requirement,
    ResponsibilityKind,
    Sector,
    StaffingRoute,
    Status,
    Terms,
    Weekday,
    label,
)

#: 2 added `directorate` and `job_reference` (CONVENTIONS: the usual job identification).
#: 3 added the document's record (`signoffs`, `history`, `acknowledged`), text an import could not
#: place (`unmapped`), and the status lifecycle (format 2's in_review and final are mapped on load);
#: terms that fit the post (an `appointment` contract with `time.contracted_days_per_month`,
#: `term_of_office` and `remuneration`; GP `sessions`), the pay framework (`terms`) and the job
#: evaluation `dimensions`; a joint post's two legal steps (`agreement` now holds the partnership
#: arrangement alone, `staffing_route` the other; format 2's staffing values move there on load).
SCHEMA_VERSION = 3

#: The largest amount each unit can hold for one week, whatever the post's hours.
UNIT_CEILING: dict[AllocationUnit, Decimal] = {
    AllocationUnit.PERCENT: Decimal(100),
    AllocationUnit.HOURS_PER_WEEK: Decimal(168),
    AllocationUnit.DAYS_PER_WEEK: Decimal(7),
    AllocationUnit.PROGRAMMED_ACTIVITIES: Decimal(42),
    AllocationUnit.SESSIONS: Decimal(40),
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
    #: Set for an office holder's time commitment, in days of the post's standard length a month.
    contracted_days_per_month: MonthlyDays | None = None
    system_work: Allocation = Field(default_factory=Allocation)
    protected_days: list[Weekday] = []

    @field_validator("protected_days")
    @classmethod
    def _unique_days(cls, value: list[Weekday]) -> list[Weekday]:
        return _unique(value, "the day")

    @model_validator(mode="after")
    def _one_basis(self) -> TimePlan:
        if self.contracted_programmed_activities is not None and self.contracted_days_per_month is not None:
            raise ValueError("cannot count both programmed activities a week and days a month; choose one")
        return self


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
    """A joint post's partners and its two legal steps, kept apart (section 75 employs nobody)."""

    partners: list[Partner] = []
    #: The partnership arrangement for functions and money (the name format 2 gave its one field).
    agreement: PartnershipArrangement | None = None
    #: How the postholder comes to work for both partners.
    staffing_route: StaffingRoute | None = None
    governance_notes: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _staffing_values_of_format_2(cls, data: Any) -> Any:
        return split_agreement(data)


class Development(_Model):
    learning_hours_per_month: NonNegative = Decimal(0)
    coaching: bool = False
    mentoring: bool = False
    peer_network: bool = False
    programmes: list[FilledText] = []


class Dimensions(_Model):
    """The facts a job evaluation panel asks for, in the author's words (no band is guessed)."""

    budget: Text = ""
    staff_managed: Text = ""
    #: The decisions the post makes alone, without referring them up.
    decisions: Text = ""


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
    #: A digest of the content when the approval was given: a later change of content shows the
    #: approval is out of date. Files from before it was kept have none.
    content_fingerprint: Text = ""


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
    #: A digest of the field's value when the warning was accepted: a change to the field brings the
    #: warning back. Files from before it was kept have none, and their acceptance stands.
    fingerprint: Text = ""


class UnmappedBlock(_Model):
    """Text from an imported job description that no field took, kept in order until the user
    moves it: nothing of the source is ever dropped."""

    text: FilledText
    #: The heading it stood under in the source, and where it was (such as "table 2, row 3").
    heading: Text = ""
    source: Text = ""


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _readable_entries(entries: list[Any], skipped: list[str]) -> list[Any]:
    """The history entries that can be read; each one that cannot is said in `skipped` and left out."""
    kept: list[Any] = []
    for place, entry in enumerate(entries, start=1):
        if isinstance(entry, HistoryEntry):
            kept.append(entry)
            continue
        try:
            kept.append(HistoryEntry.model_validate(entry))
        except ValidationError as error:
            number = entry.get("version") if isinstance(entry, dict) else None
            named = f"Recorded version {number}" if isinstance(number, str) and number.strip() else "A recorded version"
            skipped.append(
                f"{named} (the {_ordinal(place)} in the history) could not be read ({describe(error)}), "
                "so it was left out."
            )
    return kept


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
    #: The pay framework and its job evaluation scheme, for a post with one employer (a joint
    #: post's host partner names its own).
    terms: Terms | None = None
    location: Text = ""
    contract: Contract = Contract.PERMANENT
    #: For an appointment (an office holder): how long it lasts, and how it is paid.
    term_of_office: Text = ""
    remuneration: Text = ""
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
    dimensions: Dimensions = Field(default_factory=Dimensions)
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
    #: Sentences for the history entries that could not be read and were left out (not saved).
    _unreadable_history: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _skip_unreadable_history(cls, data: Any, handler: ModelWrapValidatorHandler[RoleDesign]) -> RoleDesign:
        """One damaged recorded version must not stop the file opening: it is left out and said."""
        skipped: list[str] = []
        if isinstance(data, dict) and isinstance(data.get("history"), list):
            data = {**data, "history": _readable_entries(data["history"], skipped)}
        design = handler(data)
        if skipped:
            design._unreadable_history = skipped
        return design

    def __eq__(self, other: object) -> bool:
        """Equal fields make equal designs: what could not be read from a file is no part of either."""
        if not isinstance(other, RoleDesign):
            return NotImplemented
        return self.__dict__ == other.__dict__

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
