"""Rules on protected system-work time and joint posts, as findings (SCIE 2021; SCIE 2018).

The review shows them, the app marks the field, and `show --format json` lists them. The
emerging role's suggested time comes from the library, so the caller passes it in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from roledesigner.domain.findings import SCIE_2021, Finding, Severity
from roledesigner.domain.joint import hosts, total_funding, total_time
from roledesigner.domain.models import Allocation, JointArrangement, RoleDesign
from roledesigner.domain.numbers import json_number
from roledesigner.domain.timeplan import allocation_hours, shown, week
from roledesigner.domain.vocabulary import Footprint, Sector, StaffingRoute, label

SYSTEM_FOOTPRINTS = (Footprint.SYSTEM, Footprint.PLACE, Footprint.NEIGHBOURHOOD)


@dataclass(frozen=True)
class Suggestion:
    """The system time an emerging role suggests, and the research's reason for it."""

    role_name: str
    allocation: Allocation
    reason: str


def _hours(value: Fraction) -> str:
    return f"{shown(value)} hours" if value != 1 else "1 hour"


def time_findings(design: RoleDesign, suggestion: Suggestion | None = None) -> list[Finding]:
    plan = design.time
    w = week(plan)
    found: list[Finding] = []
    field = "time.system_work.amount"
    footprint = design.footprint
    no_time = footprint is not None and footprint in SYSTEM_FOOTPRINTS and w.system_hours == 0
    if footprint is not None and no_time:
        found.append(
            Finding(
                "time.no_system_time",
                Severity.ERROR,
                f"This is a {footprint.value} post but gives no protected time for system work. Leaders say "
                "system work does not happen unless the job specification gives actual time and days for it "
                f"({SCIE_2021}). Set the system work allocation.",
                field,
            )
        )
    if w.over_the_post:
        found.append(
            Finding(
                "time.over_the_post",
                Severity.ERROR,
                f"System work of {_hours(w.system_hours)} a week is more than the post's "
                f"{_hours(w.contracted_hours)}. Lower the allocation or raise the contracted hours.",
                field,
            )
        )
    if suggestion is not None and not no_time:
        found += _below_suggestion(design, suggestion)
    found += _protected_days(design)
    return found


def _below_suggestion(design: RoleDesign, suggestion: Suggestion) -> list[Finding]:
    plan = design.time
    wanted = allocation_hours(plan, suggestion.allocation)
    have = week(plan).system_hours
    if have >= wanted or have > week(plan).contracted_hours:
        return []
    amount = json_number(suggestion.allocation.amount)
    unit = label(suggestion.allocation.unit.value)  # "per cent of the post", "days a week"
    return [
        Finding(
            "time.below_suggestion",
            Severity.WARNING,
            f"System time of {_hours(have)} a week is below the {_hours(wanted)} suggested for "
            f"{suggestion.role_name} ({amount} {unit}). {suggestion.reason.strip()}",
            "time.system_work.amount",
        )
    ]


def _protected_days(design: RoleDesign) -> list[Finding]:
    days = design.time.protected_days
    if not days:
        return []
    system_days = week(design.time).system_days
    low, high = math.floor(system_days), math.ceil(system_days)
    if low <= len(days) <= high:
        return []
    count = len(days)
    named = f"{count} protected day{'s' if count != 1 else ''}"
    amount = shown(system_days)
    return [
        Finding(
            "time.protected_days_mismatch",
            Severity.WARNING,
            f"The post has {named} a week, but its system time comes to {amount} day{'' if amount == 1 else 's'}. "
            "Make the protected days match the allocation, so neither side of the week is overcommitted.",
            "time.protected_days",
        )
    ]


def _percent(value: Decimal) -> str:
    return f"{json_number(value)} per cent"


def joint_findings(design: RoleDesign) -> list[Finding]:
    joint = design.joint
    if joint is None:
        return []
    found: list[Finding] = []
    partners = joint.partners
    if len(partners) < 2:
        found.append(
            Finding(
                "joint.too_few_partners",
                Severity.ERROR,
                "A joint post needs at least two partners. Add the other organisation, "
                "or remove the joint arrangement.",
                "joint.partners",
            )
        )
    if not partners:
        return found
    for what, total, field in (
        ("Funding", total_funding(joint), "funding_percent"),
        ("Time", total_time(joint), "time_percent"),
    ):
        if total != 100:
            hint = (
                " Thirds cannot be written exactly: use, for example, 33.33, 33.33 and 33.34."
                if (len(partners) == 3 and abs(total - 100) < 1)
                else ""
            )
            found.append(
                Finding(
                    f"joint.{field.split('_')[0]}_total",
                    Severity.ERROR,
                    f"{what} shares add up to {_percent(total)}, not 100 per cent.{hint}",
                    f"joint.partners[*].{field}",
                )
            )
    host_positions = hosts(joint)
    if len(host_positions) != 1:
        problem = "no partner is" if not host_positions else f"{len(host_positions)} partners are"
        found.append(
            Finding(
                "joint.host_count",
                Severity.ERROR,
                f"Exactly one partner must be the host employer, but {problem} marked as host. The host employs the "
                "postholder and grades the post.",
                "joint.partners[*].host",
            )
        )
    for index, partner in enumerate(partners):
        if not partner.line_manager.strip():
            found.append(
                Finding(
                    "joint.no_line_manager",
                    Severity.WARNING,
                    f"{partner.organisation} has no line manager named. Several unclear line managers make system "
                    f"roles harder ({SCIE_2021}): name one for each partner.",
                    f"joint.partners[{index}].line_manager",
                )
            )
    found += _legal_steps(joint)
    return found


_PARTNERSHIP_STEP = (
    "the partnership arrangement for the functions and money (such as section 75 or section 65Z5 of the NHS Act "
    "2006, or none)"
)
_STAFFING_STEP = (
    "the staffing route for the person (such as section 113 of the Local Government Act 1972, a secondment with "
    "an honorary contract, or joint employment)"
)


def _legal_steps(joint: JointArrangement) -> list[Finding]:
    """A joint post's two legal steps, each stated, and a staffing route that can work between these partners."""
    partnership, route = joint.agreement, joint.staffing_route
    if partnership is None and route is None:
        return [
            Finding(
                "joint.no_legal_basis",
                Severity.WARNING,
                f"The joint post does not state its two legal steps: {_PARTNERSHIP_STEP}, and {_STAFFING_STEP}. "
                "State both so each employer's duties are clear.",
                "joint.agreement",
            )
        ]
    found: list[Finding] = []
    if partnership is None:
        found.append(
            Finding(
                "joint.no_partnership_arrangement",
                Severity.WARNING,
                f"The joint post names its staffing route but not {_PARTNERSHIP_STEP}. Say which applies, or that "
                "there is none.",
                "joint.agreement",
            )
        )
    if route is None:
        found.append(
            Finding(
                "joint.no_staffing_route",
                Severity.WARNING,
                "A partnership arrangement employs nobody, so the post also needs "
                f"{_STAFFING_STEP}. Say how the postholder comes to work for both partners.",
                "joint.staffing_route",
            )
        )
    sectors = {partner.sector for partner in joint.partners}
    if route is StaffingRoute.SECTION_113 and Sector.LOCAL_AUTHORITY not in sectors:
        found.append(
            Finding(
                "joint.section_113_without_council",
                Severity.WARNING,
                "Section 113 of the Local Government Act 1972 places staff between a council and another council or "
                "an NHS body, but no partner is a local authority. Choose another staffing route, or correct the "
                "partners' sectors.",
                "joint.staffing_route",
            )
        )
    honorary = any(partner.honorary_contract for partner in joint.partners if not partner.host)
    if route is StaffingRoute.SECONDMENT_HONORARY_CONTRACT and not honorary:
        found.append(
            Finding(
                "joint.no_honorary_contract",
                Severity.WARNING,
                "The staffing route is a secondment with an honorary contract, but no partner other than the host "
                "offers one. Mark the partner that gives the postholder an honorary contract.",
                "joint.partners[*].honorary_contract",
            )
        )
    return found
