"""Hypothesis strategies that build any valid role design."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from roledesigner.domain.models import (
    UNIT_CEILING,
    Allocation,
    CapabilityRequirement,
    Criterion,
    Development,
    JointArrangement,
    Partner,
    Relationship,
    Responsibility,
    RoleDesign,
    TimePlan,
)
from roledesigner.domain.vocabulary import (
    AllocationUnit,
    Assessment,
    Contract,
    CriterionCategory,
    Footprint,
    Function,
    LegalBasis,
    Requirement,
    ResponsibilityKind,
    Sector,
    Status,
    Terms,
    Weekday,
)

# Any Unicode text, lone surrogates and control characters included: a file must keep it all.
text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
filled = text.filter(lambda s: s.strip() == s and s.strip() != "")
identifier = st.from_regex(r"[a-z0-9][a-z0-9_]{0,20}", fullmatch=True)


def decimals(low: int, high: int, places: int = 4) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=low, max_value=high, places=places, allow_nan=False, allow_infinity=False)


def positive(high: int) -> st.SearchStrategy[Decimal]:
    return decimals(0, high).filter(lambda d: d > 0)


@st.composite
def allocations(draw: st.DrawFn) -> Allocation:
    unit = draw(st.sampled_from(AllocationUnit))
    return Allocation(unit=unit, amount=draw(decimals(0, int(UNIT_CEILING[unit]))))


assessments = st.lists(st.sampled_from(Assessment), unique=True, max_size=5)

time_plans = st.builds(
    TimePlan,
    contracted_hours_per_week=positive(168),
    working_days_per_week=positive(7),
    contracted_programmed_activities=st.none() | positive(42),
    system_work=allocations(),
    protected_days=st.lists(st.sampled_from(Weekday), unique=True),
)

partners = st.builds(
    Partner,
    organisation=filled,
    sector=st.sampled_from(Sector),
    host=st.booleans(),
    funding_percent=decimals(0, 100),
    time_percent=decimals(0, 100),
    line_manager=text,
    terms=st.sampled_from(Terms),
    honorary_contract=st.booleans(),
)

designs = st.builds(
    RoleDesign,
    title=text,
    based_on=st.none() | identifier,
    employer=text,
    directorate=text,
    job_reference=text,
    footprint=st.none() | st.sampled_from(Footprint),
    footprint_name=text,
    function=st.none() | st.sampled_from(Function),
    grade=text,
    location=text,
    contract=st.sampled_from(Contract),
    reports_to=st.lists(filled, max_size=3),
    accountable_to=st.lists(filled, max_size=3),
    appraisal_lead=text,
    purpose=text,
    system_context=text,
    responsibilities=st.lists(
        st.builds(Responsibility, text=filled, kind=st.sampled_from(ResponsibilityKind)), max_size=4
    ),
    capabilities=st.lists(
        st.builds(
            CapabilityRequirement, id=identifier, requirement=st.sampled_from(Requirement), assessed_by=assessments
        ),
        max_size=4,
        unique_by=lambda c: c.id,
    ),
    criteria=st.lists(
        st.builds(
            Criterion,
            category=st.sampled_from(CriterionCategory),
            text=filled,
            requirement=st.sampled_from(Requirement),
            assessed_by=assessments,
        ),
        max_size=3,
    ),
    relationships=st.lists(st.builds(Relationship, name=filled, sector=st.sampled_from(Sector)), max_size=3),
    time=time_plans,
    joint=st.none()
    | st.builds(
        JointArrangement,
        partners=st.lists(partners, max_size=3),
        agreement=st.none() | st.sampled_from(LegalBasis),
        governance_notes=text,
    ),
    development=st.builds(
        Development,
        learning_hours_per_month=decimals(0, 200),
        coaching=st.booleans(),
        mentoring=st.booleans(),
        peer_network=st.booleans(),
        programmes=st.lists(filled, max_size=2),
    ),
    stability=text,
    status=st.sampled_from(Status),
    version=text,
    author=text,
    updated=st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
)
