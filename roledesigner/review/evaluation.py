"""Job evaluation readiness: what a panel needs before it can grade the post, and an office holder's terms.

No band is ever guessed. A panel grades the post under the employer's scheme (Agenda for Change
through the NHS Job Evaluation Scheme, very senior managers, the NJC Green Book, JNC), from a
description that says what the post decides, whom it manages and where it sits (CONVENTIONS). An
office holder, such as a chair, is not job evaluated: the appointment's days, term and pay are
asked for instead.
"""

from __future__ import annotations

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.payframework import EVALUATION_SCHEMES, pay_framework
from roledesigner.domain.vocabulary import Contract, Status, label
from roledesigner.library.catalogue import Library

#: Fewer duties than this, beside at least twice as many capabilities, reads as a description
#: written only as competencies.
FEW_DUTIES = 4


def evaluation(design: RoleDesign, library: Library) -> list[Finding]:
    if design.contract is Contract.APPOINTMENT:
        return _appointment(design)
    found: list[Finding] = []
    if not design.grade.strip() and pay_framework(design) is None:
        found.append(
            Finding(
                "evaluation.no_grade_or_scheme",
                Severity.WARNING,
                "Neither a grade nor a pay framework is given. Name the framework whose job evaluation scheme "
                "will grade the post (Agenda for Change, very senior manager, the NJC Green Book or JNC), so the "
                "document can say the grade is subject to job evaluation; do not guess a band.",
                "terms",
            )
        )
    found += _no_grade(design)
    dimensions = design.dimensions
    if not (dimensions.budget.strip() or dimensions.staff_managed.strip() or dimensions.decisions.strip()):
        found.append(
            Finding(
                "evaluation.no_dimensions",
                Severity.WARNING,
                "The post's dimensions are not given: the budget it holds, the staff it manages and the decisions "
                "it makes alone. Job evaluation panels ask for these facts to judge its responsibility and freedom "
                "to act.",
                "dimensions",
            )
        )
    # No place in the structure (no manager named) is clarity.managers, which names job evaluation
    # panels too: one gap, one finding.
    duties, capabilities = len(design.responsibilities), len(design.capabilities)
    if duties < FEW_DUTIES and capabilities >= max(2 * duties, 1):
        found.append(
            Finding(
                "evaluation.competencies_only",
                Severity.WARNING,
                f"The post has {duties} responsibilit{'y' if duties == 1 else 'ies'} beside {capabilities} "
                f"capabilit{'y' if capabilities == 1 else 'ies'}, so it reads as a list of competencies. The NHS "
                "Job Evaluation Handbook says such descriptions do not help a panel match the post: say what the "
                "post does and decides.",
                "responsibilities",
            )
        )
    return found


#: Statuses at which the post has been through job evaluation, so its grade is known.
EVALUATED = frozenset({Status.EVALUATED, Status.APPROVED, Status.ADVERTISED})


def _no_grade(design: RoleDesign) -> list[Finding]:
    """An empty grade with a pay framework named: the document says "subject to job evaluation".

    Without a framework too, `evaluation.no_grade_or_scheme` says both at once. Before evaluation
    the wording is right, so this is for information; once the post is evaluated, a missing grade
    is a warning."""
    framework = pay_framework(design)
    if design.grade.strip() or framework is None:
        return []
    evaluated = design.status in EVALUATED
    advice = (
        f"The post is {label(design.status).lower()}, so its grade is known: enter it."
        if evaluated
        else "That is right until the panel has graded the post; enter the grade once it has."
    )
    return [
        Finding(
            "evaluation.no_grade",
            Severity.WARNING if evaluated else Severity.INFO,
            f"No grade is given, so the document says the grade is subject to job evaluation under "
            f"{EVALUATION_SCHEMES[framework]}. {advice}",
            "grade",
        )
    ]


def _appointment(design: RoleDesign) -> list[Finding]:
    """An office holder is appointed for a term and paid a remuneration, for so many days a month."""
    found: list[Finding] = []
    if design.time.contracted_days_per_month is None:
        found.append(
            Finding(
                "appointment.no_time_commitment",
                Severity.WARNING,
                "The appointment does not say how many days a month it needs. Office holders such as chairs are "
                "usually part time: give the days a month, not an employee's weekly hours.",
                "time.contracted_days_per_month",
            )
        )
    if not design.term_of_office.strip():
        found.append(
            Finding(
                "appointment.no_term",
                Severity.WARNING,
                "The appointment does not say its term of office. An office holder is appointed for a term: say how "
                "long, and whether it can be renewed.",
                "term_of_office",
            )
        )
    if not design.remuneration.strip():
        found.append(
            Finding(
                "appointment.no_remuneration",
                Severity.WARNING,
                "The appointment does not say how it is paid. An office holder receives a remuneration, not a "
                "salary on a pay band: say what it is and which framework sets it.",
                "remuneration",
            )
        )
    return found
