"""Composing a design: start from an emerging role, add, remove and reorder capabilities."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from roledesigner.domain.errors import InputError, describe
from roledesigner.domain.hosts import SECTOR_HOST, Host, hosts
from roledesigner.domain.models import (
    CapabilityRequirement,
    Criterion,
    Development,
    JointArrangement,
    Relationship,
    Responsibility,
    RoleDesign,
    TimePlan,
)
from roledesigner.domain.timeplan import HOURS_PER_SESSION
from roledesigner.domain.vocabulary import AllocationUnit, Assessment, Contract, CriterionCategory, Requirement
from roledesigner.library.catalogue import Library
from roledesigner.library.models import Role, RoleCriterion
from roledesigner.library.values import COUNCIL_SLOT, council_name, values_host, values_texts

#: A full-time consultant job plan: 10 programmed activities of 4 hours, 40 hours a week.
FULL_TIME_PAS = Decimal(10)
#: A full-time salaried GP: 9 sessions of 4 hours 10 minutes, 37.5 hours a week.
FULL_TIME_SESSIONS = 9


class ComposeError(InputError):
    """A composing step that cannot be done; str() is one plain sentence."""


def blank_design(contracted_hours: Decimal = Decimal("37.5")) -> RoleDesign:
    return RoleDesign(title="", time=TimePlan(contracted_hours_per_week=contracted_hours))


def _assessed(requirement: Requirement, senior: bool = False) -> list[Assessment]:
    """Every criterion is judged from the application, then explored at interview.

    Shortlisting may use only the listed criteria, scored on the application (CONVENTIONS), and
    desirable criteria are what tell apart applicants who all meet the essentials, so they are
    read from the application too. A senior post's essentials are also tested by a presentation
    and asked of referees, as senior NHS and council appointments commonly are (library review,
    finding 5).
    """
    methods = [Assessment.APPLICATION, Assessment.INTERVIEW]
    if senior and requirement is Requirement.ESSENTIAL:
        methods += [Assessment.PRESENTATION, Assessment.REFERENCES]
    return methods


def requirement_for(capability_id: str, requirement: Requirement, senior: bool = False) -> CapabilityRequirement:
    """A capability as a design first holds it, however it was added."""
    return CapabilityRequirement(id=capability_id, requirement=requirement, assessed_by=_assessed(requirement, senior))


def criterion_for(item: RoleCriterion) -> Criterion:
    """A role's criterion as a design holds it, assessed as the role says or as any criterion is."""
    methods = list(item.assessed_by) if item.assessed_by is not None else _assessed(item.requirement)
    return Criterion(category=item.category, text=item.text, requirement=item.requirement, assessed_by=methods)


def _time(role: Role, contracted_hours: Decimal) -> TimePlan:
    """The role's suggested time in a week that fits it: a job plan of programmed activities is
    10 of them (40 hours), a GP's week 9 sessions (37.5 hours), an office holder's days a month."""
    suggested = role.suggested_system_time
    basis: dict[str, Any] = {"contracted_hours_per_week": contracted_hours}
    if suggested.unit is AllocationUnit.PROGRAMMED_ACTIVITIES:
        basis["contracted_programmed_activities"] = FULL_TIME_PAS
    elif suggested.unit is AllocationUnit.SESSIONS:
        hours = HOURS_PER_SESSION * FULL_TIME_SESSIONS
        basis["contracted_hours_per_week"] = Decimal(hours.numerator) / hours.denominator
    if role.appointment is not None:
        basis["contracted_days_per_month"] = role.appointment.days_per_month
    return TimePlan(system_work=suggested.allocation(), **basis)


def _development(role: Role) -> Development:
    if role.development is None:
        return Development()
    return Development.model_validate(role.development.model_dump(exclude={"reason"}))


def _values_criteria(design: RoleDesign, fallback: set[Host] | None = None, add: bool = True) -> list[Criterion] | None:
    """The design's criteria with its NHS and council values rows those its host calls for
    (library/values.py), in their places, the council's slot filled when the council is named; if
    `add`, a host with no row of its own gets the library's. None when the design does not say its
    host and there is no fallback."""
    found = set(hosts(design)) or fallback
    if not found:
        return None
    council = council_name(design)
    kept: list[Criterion] = []
    has: set[Host] = set()
    for criterion in design.criteria:
        host = values_host(criterion, council)
        if host is None:
            kept.append(criterion)
        elif host in found:
            has.add(host)
            text = criterion.text.replace(COUNCIL_SLOT, council) if council else criterion.text
            kept.append(criterion.model_copy(update={"text": text}))
    kept += [
        Criterion(category=CriterionCategory.VALUES, text=text, assessed_by=_assessed(Requirement.ESSENTIAL))
        for text in values_texts(found - has if add else set(), council)
    ]
    return kept


def with_host_values(design: RoleDesign) -> RoleDesign:
    """A copy whose NHS and council values rows are those its host calls for: the NHS Constitution's
    for an NHS host, the council's own (named for it, or a slot) for a council, both for a joint
    post. Other values rows (the Nolan principles) stay; a design that does not say its host is
    returned as it is."""
    criteria = _values_criteria(design)
    return design if criteria is None else design.model_copy(update={"criteria": criteria})


def design_from_role(role: Role, contracted_hours: Decimal = Decimal("37.5"), employer: str = "") -> RoleDesign:
    """A new design that copies what the role offers: responsibilities, capabilities and criteria,
    working relationships, support, the suggested time, and the terms that fit the post.

    Its values rows follow the host: the employer when it is given, the role's pay framework, a
    joint post's two sectors, else the role's first sector (`with_host_values`).
    """
    appointment = role.appointment
    design = RoleDesign(
        title=role.name,
        employer=employer.strip(),
        based_on=role.id,
        footprint=role.footprint,
        function=role.function,
        terms=role.terms,
        contract=Contract.APPOINTMENT if appointment else Contract.PERMANENT,
        term_of_office=appointment.term_of_office if appointment else "",
        remuneration=appointment.remuneration if appointment else "",
        purpose=role.purpose.strip() or role.summary,
        responsibilities=[Responsibility(text=r.text, kind=r.kind) for r in role.responsibilities],
        capabilities=[requirement_for(c.id, c.requirement, role.senior) for c in role.capabilities],
        criteria=[criterion_for(c) for c in role.criteria],
        relationships=[Relationship(name=r.name, sector=r.sector) for r in role.relationships],
        time=_time(role, contracted_hours),
        # Partners, host and splits are local facts, so none is guessed: the review asks for each.
        joint=JointArrangement() if role.joint else None,
        development=_development(role),
    )
    # A role that offers no values rows (a team's own, say) gets none added: it chose its criteria.
    offers = any(values_host(c) for c in design.criteria)
    criteria = _values_criteria(design, {SECTOR_HOST.get(role.sectors[0], Host.NHS)}, add=offers)
    return design.model_copy(update={"criteria": criteria})


def new_design(
    library: Library, role_id: str, contracted_hours: Decimal = Decimal("37.5"), employer: str = ""
) -> RoleDesign:
    role = library.roles.get(role_id)
    if role is None:
        raise ComposeError(f"There is no emerging role with the id '{role_id}' in the library.")
    return design_from_role(role, contracted_hours, employer)


def senior_post(design: RoleDesign, library: Library) -> bool:
    """Whether the design is based on a senior role, so that a capability added to it is assessed
    as composing that role assesses it (pass it to `add_capability`)."""
    role = library.roles.get(design.based_on or "")
    return role is not None and role.senior


def add_capability(
    design: RoleDesign,
    capability_id: str,
    requirement: Requirement = Requirement.ESSENTIAL,
    position: int | None = None,
    senior: bool = False,
) -> RoleDesign:
    """A copy of the design with the capability added, assessed as `design_from_role` assesses
    it (the one rule for the app and `new --from`; `senior` as the role the design is based on);
    adding one already there is refused."""
    if any(item.id == capability_id for item in design.capabilities):
        raise ComposeError(f"The design already has the capability '{capability_id}'.")
    items = list(design.capabilities)
    index = len(items) if position is None else max(0, min(position, len(items)))
    try:
        item = requirement_for(capability_id, requirement, senior)
    except ValidationError as error:  # dragged in from elsewhere, say: not an id at all
        raise ComposeError(f"'{capability_id}' cannot be added as a capability: {describe(error)}.") from error
    items.insert(index, item)
    return design.model_copy(update={"capabilities": items})


def remove_capability(design: RoleDesign, capability_id: str) -> RoleDesign:
    items = [item for item in design.capabilities if item.id != capability_id]
    if len(items) == len(design.capabilities):
        raise ComposeError(f"The design has no capability '{capability_id}' to remove.")
    return design.model_copy(update={"capabilities": items})


def move_capability(design: RoleDesign, capability_id: str, position: int) -> RoleDesign:
    """A copy with the capability moved to `position` (clamped to the list)."""
    items = list(design.capabilities)
    current = next((i for i, item in enumerate(items) if item.id == capability_id), None)
    if current is None:
        raise ComposeError(f"The design has no capability '{capability_id}' to move.")
    item = items.pop(current)
    items.insert(max(0, min(position, len(items))), item)
    return design.model_copy(update={"capabilities": items})
