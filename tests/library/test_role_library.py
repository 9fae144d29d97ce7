"""The bundled library itself: complete, cross-referenced and sourced (reads the real files)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from roledesigner.domain.models import Allocation, RoleDesign, TimePlan
from roledesigner.domain.timeplan import allocation_hours, basis_hours
from roledesigner.files.paths import library_dir
from roledesigner.library.catalogue import Library
from roledesigner.library.models import Capability, Role
from roledesigner.review.language import plain_english

SLF_DOMAINS = {
    "innovation_and_improvement",
    "relationships_and_connectivity",
    "individual_effectiveness",
    "learning_and_capacity_building",
}
ENABLERS = {
    "clarity",
    "innovation_and_learning",
    "representative_and_balanced_leadership",
    "connectivity_and_relationships",
    "resources_and_finances",
}
#: Every emerging role SCIE (2021) names, and the joint NHS / local authority areas.
EXPECTED_ROLES = {
    "system_clinical_lead",
    "ics_executive_lead",
    "independent_chair",
    "place_chief_executive",
    "system_finance_lead",
    "system_assurance_director",
    "accountable_officer",
    "urgent_and_emergency_care_lead",
    "technology_adoption_lead",
    "workforce_and_people_lead",
    "transformation_programme_lead",
    "system_data_scientist",
    "place_clinical_lead",
    "joint_digital_lead",
    "joint_estates_lead",
    "joint_workforce_lead",
    "joint_childrens_services_lead",
    "joint_mental_health_lead",
    "joint_learning_disability_lead",
}
#: The 13 of SCIE (2021), the 10 skills of SCIE (2018) and what Timmins (2015) and King (2019) add,
#: merged where sources describe the same capability.
EXPECTED_CAPABILITIES = {
    "transformation_and_programme_management",
    "leading_through_influence", "political_astuteness", "flexible_with_rules", "creative_thinking",
    "clear_narrative", "living_with_ambiguity", "managing_multiple_strategies", "making_things_happen",
    "long_term_planning", "ceding_power", "tenacity_and_resilience", "building_relationships",
    "self_awareness", "scaling_innovation", "outcomes_and_population_health", "governance_for_faster_change",
    "distributing_leadership", "multidisciplinary_teams", "whole_system_events", "leading_cultural_change",
    "learning_and_evaluation", "learning_culture", "active_listening", "empathy", "coalitions_of_the_willing",
    "no_surprises", "open_book_finances", "coproduction", "shared_decision_making", "constancy_of_purpose",
    "learning_networks", "developing_future_leaders",
}  # fmt: skip

ACRONYM = re.compile(r"\b([A-Z][A-Za-z]*[A-Z])s?\b")


def _texts(entry: Role | Capability) -> list[str]:
    """Every piece of prose in an entry."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("id", "domain", "unit", "kind", "requirement", "footprint", "function"):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(entry.model_dump(mode="json"))
    return found


def test_the_bundled_library_loads_without_a_single_problem(library: Library) -> None:
    assert [str(p) for p in library.problems] == []
    assert library.folders[0].path == library_dir()


def test_every_emerging_role_and_capability_is_there(library: Library) -> None:
    assert set(library.roles) == EXPECTED_ROLES
    assert set(library.capabilities) == EXPECTED_CAPABILITIES


def test_both_frameworks_with_their_domains(library: Library) -> None:
    by_use = {f.used_for: {d.id for d in f.domains} for f in library.frameworks.values()}
    assert by_use == {"capabilities": SLF_DOMAINS, "enablers": ENABLERS}


def test_every_entry_cites_an_existing_source(library: Library) -> None:
    entries: list[Role | Capability] = [*library.roles.values(), *library.capabilities.values()]
    for entry in entries:
        assert entry.sources, entry.id
        assert all(ref.id in library.sources for ref in entry.sources), entry.id


def test_every_capability_is_used_by_a_role(library: Library) -> None:
    used = {ref.id for role in library.roles.values() for ref in role.capabilities}
    assert set(library.capabilities) - used == set()


def test_each_framework_domain_holds_at_least_five_capabilities(library: Library) -> None:
    counts = Counter(cap.domain for cap in library.capabilities.values())
    assert set(counts) == SLF_DOMAINS
    assert min(counts.values()) >= 5, counts


def test_capability_names_are_unique(library: Library) -> None:
    names = Counter(cap.name.casefold() for cap in library.capabilities.values())
    assert [name for name, count in names.items() if count > 1] == []


def test_every_acronym_in_the_library_is_in_the_glossary(library: Library) -> None:
    entries: list[Role | Capability] = [*library.roles.values(), *library.capabilities.values()]
    texts = [t for entry in entries for t in _texts(entry)]
    texts += [f.description for f in library.frameworks.values()]
    texts += [d.description for f in library.frameworks.values() for d in f.domains]
    found = {match for text in texts for match in ACRONYM.findall(text)}
    assert found, "the pattern should find at least NHS"
    # UK needs no explaining, as the review's acronym check agrees ("UK GDPR" is the law's own name).
    assert found - set(library.glossary) - {"UK"} == set()


def test_every_suggested_time_fits_in_a_standard_post(library: Library) -> None:
    for role in library.roles.values():
        allocation = role.suggested_system_time.allocation()
        assert isinstance(allocation, Allocation)
        plan = TimePlan(system_work=allocation)
        hours = allocation_hours(plan, allocation)
        assert 0 < hours <= basis_hours(plan), role.id
        assert role.suggested_system_time.reason.strip(), role.id


@pytest.mark.parametrize("role_id", sorted(EXPECTED_ROLES))
def test_each_role_is_complete(library: Library, role_id: str) -> None:
    role = library.roles[role_id]
    assert 6 <= len(role.responsibilities) <= 10
    assert any(r.kind.value == "system" for r in role.responsibilities)
    assert 8 <= len(role.capabilities) <= 14
    assert len(library.role_domains(role)) >= 3
    assert role.considerations


@pytest.mark.parametrize("cap_id", sorted(EXPECTED_CAPABILITIES))
def test_each_capability_is_complete(library: Library, cap_id: str) -> None:
    cap = library.capabilities[cap_id]
    assert 3 <= len(cap.indicators) <= 5
    assert 2 <= len(cap.interview_questions) <= 3
    assert not re.search(r"\d+\s+years?'?\s+(of\s+)?experience", cap.criterion, re.IGNORECASE)


@pytest.mark.parametrize("role_id", sorted(EXPECTED_ROLES))
def test_each_roles_purpose_passes_the_plain_english_check(library: Library, role_id: str) -> None:
    # The purpose opens every design made from the role: it must read as plainly as the review
    # asks the author's own text to (reading ease 50 or more, short sentences, few passives,
    # acronyms spelled out), or the library would fail its own check.
    role = library.roles[role_id]
    design = RoleDesign(title=role.name, purpose=role.purpose.strip() or role.summary)
    assert [f.message for f in plain_english(design, library)] == []
