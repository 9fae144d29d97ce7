"""Everything that follows from a design and the library, as plain data for `show --format json`."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from roledesigner.domain.joint import shares, total_funding, total_time
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.numbers import json_number
from roledesigner.domain.timeplan import is_exact, shown, week
from roledesigner.library.catalogue import Library

#: Figures are given to this many decimal places; `rounded` lists any that lost precision.
PLACES = 4


def _figures(values: dict[str, Fraction]) -> dict[str, Any]:
    out: dict[str, Any] = {name: json_number(shown(value, PLACES)) for name, value in values.items()}
    out["rounded"] = [name for name, value in values.items() if not is_exact(value, PLACES)]
    return out


def time_figures(design: RoleDesign) -> dict[str, Any]:
    w = week(design.time)
    learning = Fraction(design.development.learning_hours_per_month)
    return _figures(
        {
            "learning_hours_per_month": learning,
            "learning_hours_per_year": learning * 12,
            "contracted_hours_per_week": w.contracted_hours,
            "working_days_per_week": w.working_days,
            "system_hours_per_week": w.system_hours,
            "system_days_per_week": w.system_days,
            "system_percent": w.system_percent,
            "system_programmed_activities": w.system_pas,
            "organisational_hours_per_week": w.organisational_hours,
            "organisational_days_per_week": w.organisational_days,
            "organisational_percent": w.organisational_percent,
        }
    )


def joint_figures(design: RoleDesign) -> dict[str, Any] | None:
    if design.joint is None:
        return None
    partners = []
    for part in shares(design.joint, design.time):
        figures = _figures(
            {
                "hours_per_week": part.hours,
                "system_hours_per_week": part.system_hours,
                "organisational_hours_per_week": part.organisational_hours,
                "funding_share_percent": part.funding_share * 100,
                "time_share_percent": part.time_share * 100,
            }
        )
        partners.append({"organisation": part.partner.organisation, "host": part.partner.host, **figures})
    return {
        "partners": partners,
        "funding_total_percent": json_number(total_funding(design.joint)),
        "time_total_percent": json_number(total_time(design.joint)),
    }


def capability_details(design: RoleDesign, library: Library) -> list[dict[str, Any]]:
    details = []
    for item in design.capabilities:
        capability = library.capabilities.get(item.id)
        details.append(
            {
                "id": item.id,
                "name": capability.name if capability else None,
                "domain": capability.domain if capability else None,
                "in_library": capability is not None,
                "requirement": item.requirement.value,
                "assessed_by": [method.value for method in item.assessed_by],
            }
        )
    return details


def derived(design: RoleDesign, library: Library) -> dict[str, Any]:
    capabilities = capability_details(design, library)
    covered = {c["domain"] for c in capabilities if c["domain"]}
    return {
        "based_on_name": library.roles[design.based_on].name if design.based_on in library.roles else None,
        "time": time_figures(design),
        "joint": joint_figures(design),
        "capabilities": capabilities,
        "domains_covered": [d for d in library.capability_domains if d in covered],
        "domains_missing": [d for d in library.capability_domains if d not in covered],
        "responsibility_counts": {
            kind: sum(1 for r in design.responsibilities if r.kind.value == kind)
            for kind in ("system", "organisational")
        },
    }
