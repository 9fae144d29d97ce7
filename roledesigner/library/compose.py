"""Composing a design: start from an emerging role, add, remove and reorder capabilities."""

from __future__ import annotations

from decimal import Decimal

from pydantic import ValidationError

from roledesigner.domain.errors import InputError, describe
from roledesigner.domain.models import (
    Allocation,
    CapabilityRequirement,
    JointArrangement,
    Responsibility,
    RoleDesign,
    TimePlan,
)
from roledesigner.domain.vocabulary import Assessment, Requirement
from roledesigner.library.catalogue import Library
from roledesigner.library.models import Role


class ComposeError(InputError):
    """A composing step that cannot be done; str() is one plain sentence."""


def blank_design(contracted_hours: Decimal = Decimal("37.5")) -> RoleDesign:
    return RoleDesign(title="", time=TimePlan(contracted_hours_per_week=contracted_hours))


def _assessed(requirement: Requirement) -> list[Assessment]:
    """Essential criteria are what shortlisting scores, from the application form; all are explored at interview."""
    if requirement is Requirement.ESSENTIAL:
        return [Assessment.APPLICATION, Assessment.INTERVIEW]
    return [Assessment.INTERVIEW]


def requirement_for(capability_id: str, requirement: Requirement) -> CapabilityRequirement:
    """A capability as a design first holds it, however it was added."""
    return CapabilityRequirement(id=capability_id, requirement=requirement, assessed_by=_assessed(requirement))


def design_from_role(role: Role, contracted_hours: Decimal = Decimal("37.5")) -> RoleDesign:
    """A new design that copies the role's responsibilities, capabilities and suggested time."""
    suggested = role.suggested_system_time
    return RoleDesign(
        title=role.name,
        based_on=role.id,
        footprint=role.footprint,
        function=role.function,
        purpose=role.purpose.strip() or role.summary,
        responsibilities=[Responsibility(text=r.text, kind=r.kind) for r in role.responsibilities],
        capabilities=[requirement_for(c.id, c.requirement) for c in role.capabilities],
        time=TimePlan(
            contracted_hours_per_week=contracted_hours,
            system_work=Allocation(unit=suggested.unit, amount=suggested.amount),
        ),
        # Partners, host and splits are local facts, so none is guessed: the review asks for each.
        joint=JointArrangement() if role.joint else None,
    )


def new_design(library: Library, role_id: str, contracted_hours: Decimal = Decimal("37.5")) -> RoleDesign:
    role = library.roles.get(role_id)
    if role is None:
        raise ComposeError(f"There is no emerging role with the id '{role_id}' in the library.")
    return design_from_role(role, contracted_hours)


def add_capability(
    design: RoleDesign,
    capability_id: str,
    requirement: Requirement = Requirement.ESSENTIAL,
    position: int | None = None,
) -> RoleDesign:
    """A copy of the design with the capability added, assessed as `design_from_role` assesses
    it (the one rule for the app and `new --from`); adding one already there is refused."""
    if any(item.id == capability_id for item in design.capabilities):
        raise ComposeError(f"The design already has the capability '{capability_id}'.")
    items = list(design.capabilities)
    index = len(items) if position is None else max(0, min(position, len(items)))
    try:
        item = requirement_for(capability_id, requirement)
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
