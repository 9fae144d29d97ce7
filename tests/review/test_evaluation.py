"""Job evaluation readiness and an appointment's terms: what a panel needs, without guessing a band."""

from __future__ import annotations

from decimal import Decimal

import pytest

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import (
    CapabilityRequirement,
    Dimensions,
    JointArrangement,
    Partner,
    Responsibility,
    RoleDesign,
    TimePlan,
)
from roledesigner.domain.payframework import EVALUATION_SCHEMES, pay_framework
from roledesigner.domain.vocabulary import Contract, Sector, Status, Terms
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from roledesigner.review import review
from roledesigner.review.evaluation import evaluation

READY = {
    "grade": "Subject to job evaluation",
    "reports_to": ["Chief executive"],
    "dimensions": Dimensions(budget="£1.2 million pooled budget"),
}


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def ready(library: Library, role_id: str = "system_data_scientist") -> RoleDesign:
    return new_design(library, role_id).model_copy(update=READY)


def test_a_design_a_panel_can_match_has_no_findings(library: Library) -> None:
    assert evaluation(ready(library), library) == []


def test_a_fresh_design_says_what_the_panel_will_ask_for(library: Library) -> None:
    found = evaluation(new_design(library, "system_data_scientist"), library)
    assert codes(found) == ["evaluation.no_grade_or_scheme", "evaluation.no_dimensions"]
    assert [f.field for f in found] == ["terms", "dimensions"]
    assert all(f.severity is Severity.WARNING for f in found)
    assert "do not guess a band" in found[0].message


@pytest.mark.parametrize("field", ["budget", "staff_managed", "decisions"])
def test_any_one_dimension_is_enough(library: Library, field: str) -> None:
    design = ready(library).model_copy(update={"dimensions": Dimensions(**{field: "Some"})})
    assert evaluation(design, library) == []
    blank = ready(library).model_copy(update={"dimensions": Dimensions(**{field: "   "})})
    assert codes(evaluation(blank, library)) == ["evaluation.no_dimensions"]


def test_a_pay_framework_is_enough_without_a_grade(library: Library) -> None:
    design = ready(library).model_copy(update={"grade": ""})
    assert codes(evaluation(design, library)) == ["evaluation.no_grade_or_scheme"]
    for terms in Terms:
        named = design.model_copy(update={"terms": terms})
        # With a framework, the empty grade reads "subject to job evaluation" under it: said, for information.
        expected = ["evaluation.no_grade_or_scheme"] if terms is Terms.OTHER else ["evaluation.no_grade"]
        assert codes(evaluation(named, library)) == expected, terms


def _partner(name: str, host: bool, terms: Terms) -> Partner:
    return Partner(
        organisation=name,
        sector=Sector.ICB if host else Sector.LOCAL_AUTHORITY,
        host=host,
        funding_percent=Decimal(50),
        time_percent=Decimal(50),
        terms=terms,
    )


def test_a_joint_post_is_graded_under_its_hosts_scheme(library: Library) -> None:
    partners = [_partner("ICB", True, Terms.AGENDA_FOR_CHANGE), _partner("Council", False, Terms.NJC_GREEN_BOOK)]
    design = ready(library).model_copy(update={"grade": "", "joint": JointArrangement(partners=partners)})
    assert pay_framework(design) is Terms.AGENDA_FOR_CHANGE
    (grade,) = evaluation(design, library)
    assert (grade.code, grade.severity) == ("evaluation.no_grade", Severity.INFO)
    assert "subject to job evaluation under Agenda for Change" in grade.message
    unknown = [_partner("ICB", True, Terms.OTHER), _partner("Council", False, Terms.NJC_GREEN_BOOK)]
    other = design.model_copy(update={"joint": JointArrangement(partners=unknown)})
    assert pay_framework(other) is None, "only the host's scheme grades the post"
    assert pay_framework(other.model_copy(update={"terms": Terms.VSM})) is Terms.VSM
    assert pay_framework(design.model_copy(update={"contract": Contract.APPOINTMENT})) is None, "not graded"


def test_a_description_written_only_as_competencies_is_named(library: Library) -> None:
    """The NHS Job Evaluation Handbook: such descriptions do not help a panel match the post."""
    capabilities = [CapabilityRequirement(id=f"capability_{n}") for n in range(6)]
    duties = [Responsibility(text=f"Duty {n}.") for n in range(3)]
    design = ready(library).model_copy(update={"capabilities": capabilities, "responsibilities": duties})
    (found,) = evaluation(design, library)
    assert (found.code, found.field) == ("evaluation.competencies_only", "responsibilities")
    assert "3 responsibilities beside 6 capabilities" in found.message
    fewer = design.model_copy(update={"capabilities": capabilities[:5]})
    assert evaluation(fewer, library) == [], "5 capabilities are not twice 3 duties"
    more_duties = design.model_copy(update={"responsibilities": [*duties, Responsibility(text="Duty 4.")]})
    assert evaluation(more_duties, library) == [], "4 duties are enough"
    none = design.model_copy(update={"responsibilities": [], "capabilities": capabilities[:1]})
    assert "0 responsibilities beside 1 capability," in evaluation(none, library)[0].message
    empty = design.model_copy(update={"responsibilities": [], "capabilities": []})
    assert evaluation(empty, library) == [], "nothing written is not a list of competencies"


def test_no_bundled_role_reads_as_competencies_only(library: Library) -> None:
    for role_id in library.roles:
        assert "evaluation.competencies_only" not in codes(evaluation(new_design(library, role_id), library))


def test_an_appointment_is_not_job_evaluated_but_needs_its_terms(library: Library) -> None:
    chair = new_design(library, "independent_chair")
    assert chair.contract is Contract.APPOINTMENT
    assert evaluation(chair, library) == [], "the library's chair starts with days, a term and remuneration"
    bare = RoleDesign(title="Chair", contract=Contract.APPOINTMENT)
    found = evaluation(bare, library)
    assert codes(found) == ["appointment.no_time_commitment", "appointment.no_term", "appointment.no_remuneration"]
    assert [f.field for f in found] == ["time.contracted_days_per_month", "term_of_office", "remuneration"]
    filled = bare.model_copy(
        update={
            "time": TimePlan(contracted_days_per_month=Decimal(6)),
            "term_of_office": "Three years.",
            "remuneration": "As NHS England's framework sets.",
        }
    )
    assert evaluation(filled, library) == []


def test_the_review_runs_the_readiness_checks(library: Library) -> None:
    found = codes(review(new_design(library, "place_clinical_lead"), library))
    assert {"evaluation.no_grade_or_scheme", "evaluation.no_dimensions", "clarity.managers"} <= set(found)
    assert "evaluation.no_position" not in found, "one gap, one finding: the reporting line is asked for once"
    assert "evaluation.no_grade_or_scheme" not in codes(review(new_design(library, "ics_executive_lead"), library)), (
        "the executive lead starts on very senior manager terms"
    )


def test_an_empty_grade_is_said_and_once_evaluated_is_a_warning(library: Library) -> None:
    """Issue 18: the review missed an empty grade. The document says "subject to job evaluation";
    the review says so too, and once the post has been evaluated the grade must be entered."""
    design = ready(library).model_copy(update={"grade": "", "terms": Terms.AGENDA_FOR_CHANGE})
    (draft,) = evaluation(design, library)
    assert (draft.code, draft.severity, draft.field) == ("evaluation.no_grade", Severity.INFO, "grade")
    assert "subject to job evaluation" in draft.message
    for status in (Status.EVALUATED, Status.APPROVED, Status.ADVERTISED):
        (late,) = evaluation(design.model_copy(update={"status": status}), library)
        assert (late.code, late.severity) == ("evaluation.no_grade", Severity.WARNING), status
    assert evaluation(design.model_copy(update={"grade": "Band 8c"}), library) == []
    neither = design.model_copy(update={"terms": None})
    assert codes(evaluation(neither, library)) == ["evaluation.no_grade_or_scheme"], "one gap, one finding"


@pytest.mark.parametrize("terms", list(EVALUATION_SCHEMES))
def test_the_no_grade_finding_quotes_what_the_grade_row_says(library: Library, terms: Terms) -> None:
    from roledesigner.documents.details import grade_row

    design = ready(library).model_copy(update={"grade": "", "terms": terms, "joint": None})
    (grade,) = [f for f in evaluation(design, library) if f.code == "evaluation.no_grade"]
    row = grade_row(design).value
    assert row.startswith("Subject to job evaluation under ")
    assert row.removeprefix("Subject to job evaluation under ") in grade.message
    assert "Very senior manager." not in grade.message, "a pay framework's name, not its label"
