"""What the review missed (issue 18): an untouched "New partner", a person specification with no
qualifications or knowledge, no working relationships."""

from __future__ import annotations

from decimal import Decimal

from roledesigner.documents.sample import sample_design
from roledesigner.domain.findings import Severity
from roledesigner.domain.models import CapabilityRequirement, Criterion, Partner, RoleDesign
from roledesigner.domain.partnerentry import NEW_PARTNER
from roledesigner.domain.vocabulary import CriterionCategory, Sector
from roledesigner.library.catalogue import Library
from roledesigner.review import review
from roledesigner.review.completeness import completeness


def with_partner(design: RoleDesign, organisation: str, funding: int, time: int) -> RoleDesign:
    assert design.joint is not None
    added = Partner(
        organisation=organisation,
        sector=Sector.OTHER,
        funding_percent=Decimal(funding),
        time_percent=Decimal(time),
    )
    joint = design.joint.model_copy(update={"partners": [*design.joint.partners, added]})
    return design.model_copy(update={"joint": joint})


def test_an_untouched_new_partner_is_an_error(library: Library) -> None:
    """The journey's export said "New partner" with 0 per cent: the funding total still added up."""
    design = with_partner(sample_design(library), NEW_PARTNER, 0, 0)
    found = [f for f in review(design, library) if f.code.startswith("joint.")]
    assert [(f.code, f.severity, f.field) for f in found] == [
        ("joint.unnamed_partner", Severity.ERROR, "joint.partners[2].organisation")
    ]
    assert "Partner 3 was added but never filled in" in found[0].message
    assert "remove the row" in found[0].message


def test_a_partner_still_called_new_partner_is_an_error_whatever_its_shares(library: Library) -> None:
    design = sample_design(library)
    assert design.joint is not None
    partners = list(design.joint.partners)
    partners[1] = partners[1].model_copy(update={"organisation": "  new   PARTNER "})
    renamed = design.model_copy(update={"joint": design.joint.model_copy(update={"partners": partners})})
    (found,) = [f for f in completeness(renamed, library) if f.code.startswith("joint.")]
    assert (found.code, found.severity) == ("joint.unnamed_partner", Severity.ERROR)
    assert "is still called 'New partner'" in found.message


def test_a_named_partner_that_gives_nothing_is_a_warning(library: Library) -> None:
    design = with_partner(sample_design(library), "Westshire Hospice", 0, 0)
    (found,) = [f for f in completeness(design, library) if f.code.startswith("joint.")]
    assert (found.code, found.severity, found.field) == (
        "joint.partner_gives_nothing",
        Severity.WARNING,
        "joint.partners[2].funding_percent",
    )
    assert completeness(with_partner(sample_design(library), "Westshire Hospice", 0, 10), library) == list(
        completeness(sample_design(library), library)
    )


def test_a_person_specification_without_qualifications_or_knowledge(library: Library) -> None:
    design = RoleDesign(title="Lead", relationships=sample_design(library).relationships)
    found = completeness(design, library)
    assert [(f.code, f.severity, f.field) for f in found] == [
        ("spec.no_qualifications", Severity.WARNING, "criteria"),
        ("spec.no_knowledge", Severity.WARNING, "criteria"),
    ]
    both = design.model_copy(
        update={
            "criteria": [
                Criterion(category=CriterionCategory.QUALIFICATIONS, text="A professional registration."),
                Criterion(category=CriterionCategory.KNOWLEDGE, text="Knowledge of the Care Act 2014."),
            ]
        }
    )
    assert completeness(both, library) == []


def test_a_capabilitys_own_group_counts(library: Library) -> None:
    """A capability is a row of the person specification under its library group."""
    knowing = [c.id for c in library.capabilities.values() if c.category is CriterionCategory.KNOWLEDGE]
    assert knowing, "the bundled library has a knowledge capability"
    design = RoleDesign(
        title="Lead",
        relationships=sample_design(library).relationships,
        capabilities=[CapabilityRequirement(id=knowing[0])],
    )
    assert [f.code for f in completeness(design, library)] == ["spec.no_qualifications"]


def test_no_working_relationships_is_a_warning(library: Library) -> None:
    design = sample_design(library).model_copy(update={"relationships": []})
    found = [f for f in review(design, library) if f.code == "clarity.no_relationships"]
    assert [(f.severity, f.field) for f in found] == [(Severity.WARNING, "relationships")]
    assert "clarity.no_relationships" not in [f.code for f in review(sample_design(library), library)]


def test_a_post_with_no_job_title_is_an_error(library: Library) -> None:
    """An empty title raised nothing: `check` passed it and it exported with no title at all."""
    for blank in ("", "   "):
        design = sample_design(library).model_copy(update={"title": blank})
        found = [f for f in review(design, library) if f.field == "title"]
        assert [(f.code, f.severity) for f in found] == [("clarity.no_title", Severity.ERROR)]
        assert found[0].message.startswith("The post has no job title.")
    assert "clarity.no_title" not in [f.code for f in review(sample_design(library), library)]
