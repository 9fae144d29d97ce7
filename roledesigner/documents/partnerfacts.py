"""The partner table of a joint post: one list of facts per partner, read by every output.

The Word template and the HTML (PDF and preview) both print these rows, so the two cannot lay
out different facts: `PARTNER_FACTS` names each row once, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from roledesigner.documents.details import Row
from roledesigner.documents.wording import hours, percent
from roledesigner.domain.joint import shares
from roledesigner.domain.models import Partner, RoleDesign
from roledesigner.domain.vocabulary import StaffingRoute, label

#: The facts each partner's column (or rows) show, by the label a reader sees and the field.
PARTNER_FACTS: tuple[tuple[str, str], ...] = (
    ("Sector", "sector"),
    ("Host employer", "host"),
    ("Share of funding", "funding"),
    ("Share of time", "time"),
    ("Line manager", "line_manager"),
    ("Terms and conditions", "terms"),
    ("Honorary contract", "honorary_contract"),
    ("Staffing route", "staffing"),
)
#: The most partners shown side by side (a column each); more get their facts in rows, one table.
SIDE_BY_SIDE = 4


@dataclass(frozen=True)
class PartnerView:
    organisation: str
    sector: str
    host: str
    funding: str
    time: str
    line_manager: str
    terms: str
    honorary_contract: str
    #: How the postholder comes to work for this partner (the joint post's staffing route).
    staffing: str
    #: The facts above as (label, value) rows, in `PARTNER_FACTS` order: a tuple, so that a PDF
    #: cut short for length (`pdffit`) drops whole partners, never half of one.
    facts: tuple[Row, ...]


@dataclass(frozen=True)
class FactRow:
    """One fact across every partner: the side-by-side table's row."""

    label: str
    values: list[str]


def _staffing(partner: Partner, route: StaffingRoute | None) -> str:
    if route is StaffingRoute.JOINT_EMPLOYMENT:
        return "Joint employer"
    if partner.host:
        return "Employer"
    return {
        StaffingRoute.SECTION_113: "Postholder placed at its disposal (section 113)",
        StaffingRoute.SECONDMENT_HONORARY_CONTRACT: "Secondment, with an honorary contract",
        StaffingRoute.SINGLE_EMPLOYER: "Not an employer",
        None: "Not yet set",
    }[route]


def partner_views(design: RoleDesign) -> list[PartnerView]:
    """Each partner's facts, in the design's order; none for a post with one employer."""
    if design.joint is None:
        return []
    route = design.joint.staffing_route
    views = []
    for part in shares(design.joint, design.time):
        p = part.partner
        view = PartnerView(
            organisation=p.organisation,
            sector=label(p.sector),
            host="Yes" if p.host else "No",
            funding=percent(p.funding_percent),
            time=f"{hours(part.hours)} a week ({percent(p.time_percent)})",
            line_manager=p.line_manager.strip() or "Not named",
            terms=label(p.terms),
            honorary_contract="Yes" if p.honorary_contract else "No",
            staffing=_staffing(p, route),
            facts=(),
        )
        views.append(replace(view, facts=tuple(Row(text, getattr(view, name)) for text, name in PARTNER_FACTS)))
    return views


def fact_rows(partners: list[PartnerView]) -> list[FactRow]:
    """The side-by-side table's rows (a fact each, a value per partner); none past `SIDE_BY_SIDE` partners."""
    if not partners or len(partners) > SIDE_BY_SIDE:
        return []
    return [FactRow(text, [p.facts[index].value for p in partners]) for index, (text, _) in enumerate(PARTNER_FACTS)]
