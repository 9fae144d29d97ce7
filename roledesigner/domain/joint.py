"""Exact shares of a joint post: each partner's hours, system hours and funding."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from roledesigner.domain.models import JointArrangement, Partner, TimePlan
from roledesigner.domain.timeplan import week

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class PartnerShare:
    partner: Partner
    hours: Fraction
    system_hours: Fraction
    organisational_hours: Fraction
    funding_share: Fraction  # of the whole post's cost, 0..1
    time_share: Fraction


def total_funding(joint: JointArrangement) -> Decimal:
    return sum((p.funding_percent for p in joint.partners), Decimal(0))


def total_time(joint: JointArrangement) -> Decimal:
    return sum((p.time_percent for p in joint.partners), Decimal(0))


def splits_complete(joint: JointArrangement | None) -> bool:
    """Funding and time each add up to exactly 100 per cent (or there is nothing to add up yet)."""
    return joint is None or not joint.partners or total_funding(joint) == total_time(joint) == 100


def hosts(joint: JointArrangement) -> list[int]:
    return [i for i, p in enumerate(joint.partners) if p.host]


def shares(joint: JointArrangement, plan: TimePlan) -> list[PartnerShare]:
    """Each partner's part of the week, in proportion to its time per cent (exact)."""
    w = week(plan)
    result = []
    for partner in joint.partners:
        share = Fraction(partner.time_percent) / 100
        result.append(
            PartnerShare(
                partner=partner,
                hours=w.contracted_hours * share,
                system_hours=w.system_hours * share,
                organisational_hours=w.organisational_hours * share,
                funding_share=Fraction(partner.funding_percent) / 100,
                time_share=share,
            )
        )
    return result
