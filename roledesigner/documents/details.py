"""The rows of a job specification's tables: job details, pay, dimensions, document control.

Kept apart from the view model so each stays small; every row here is plain text that the
view model cleans with the rest of the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from roledesigner.documents.wording import clock_hours, figure, hours, month_days, sessions
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.payframework import EVALUATION_SCHEMES, pay_framework
from roledesigner.domain.timeplan import HOURS_PER_SESSION, basis_hours
from roledesigner.domain.vocabulary import AllocationUnit, Contract, Status, Terms, label

#: What an empty grade says: the grade waits for the panel, and no band is guessed.
SUBJECT_TO_EVALUATION = "Subject to job evaluation"

#: The dimensions a job evaluation panel asks for, in the order a panel reads them.
DIMENSION_LABELS = {
    "budget": "Budget",
    "staff_managed": "Staff managed",
    "decisions": "Decisions made alone",
}

#: Statuses at which the document is final, so it carries no "Draft" mark.
FINAL_STATUSES = (Status.APPROVED, Status.ADVERTISED)
DRAFT_MARK = "Draft"


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class SignOffView:
    organisation: str
    name: str
    role: str
    decision: str
    date: str
    version: str
    comment: str


#: What the section of imported text not yet placed says before the text itself.
UNMAPPED_NOTE = (
    "This text came from the imported job description and is not yet in a field of the design: "
    "move it to a field, or delete it, in the editor."
)


@dataclass(frozen=True)
class UnmappedView:
    text: str
    heading: str
    source: str


def unmapped_views(design: RoleDesign) -> list[UnmappedView]:
    """The imported text no field took, in its order, each with where it stood in the source."""
    return [
        UnmappedView(" ".join(block.text.split()), block.heading.strip(), block.source.strip())
        for block in design.unmapped
        if block.text.strip()
    ]


def long_date(when: dt.date) -> str:
    """A date as en-GB documents write it: 6 December 2026."""
    return f"{when.day} {when:%B %Y}"


def grade_row(design: RoleDesign) -> Row:
    """The grade as written, else "Subject to job evaluation" and the scheme that will grade it."""
    grade = design.grade.strip()
    if grade:
        return Row("Grade", grade)
    framework = pay_framework(design)
    scheme = EVALUATION_SCHEMES.get(framework) if framework else None
    return Row("Grade", f"{SUBJECT_TO_EVALUATION} under {scheme}" if scheme else SUBJECT_TO_EVALUATION)


def pay_row(design: RoleDesign) -> Row | None:
    """The pay and conditions the post is on, when the design names them ("other" names nothing)."""
    if design.terms is None or design.terms is Terms.OTHER:
        return None
    return Row("Pay and conditions", label(design.terms))


def _hours_row(design: RoleDesign) -> str:
    plan = design.time
    total = basis_hours(plan)
    if plan.contracted_programmed_activities is not None:
        return (
            f"{figure(Fraction(plan.contracted_programmed_activities))} programmed activities ({hours(total)}) a week"
        )
    if plan.system_work.unit is AllocationUnit.SESSIONS:  # a general practitioner's week, counted in sessions
        return f"{sessions(total / HOURS_PER_SESSION)} ({clock_hours(total)}) a week"
    return f"{hours(total)} a week over {figure(Fraction(plan.working_days_per_week))} days"


def _employer_row(design: RoleDesign) -> Row | None:
    joint = design.joint
    if joint and joint.partners:
        host = next((p.organisation for p in joint.partners if p.host), "")
        others = [p.organisation for p in joint.partners if not p.host]
        value = (
            f"{host} (host employer), with {', '.join(others)}"
            if host and others
            else ", ".join(p.organisation for p in joint.partners)
        )
        return Row("Employers", value)
    return Row("Employer", design.employer) if design.employer.strip() else None


def detail_rows(design: RoleDesign, date: str) -> list[Row]:
    """The job details table, empty rows left out (the grade row never is: it says what is missing)."""
    footprint = " – ".join(
        x for x in (label(design.footprint) if design.footprint else "", design.footprint_name.strip()) if x
    )
    terms: list[Row | None]
    if design.contract is Contract.APPOINTMENT:  # an office holder: no grade, days a month, a term
        terms = [
            Row("Time commitment", month_days(design.time) if design.time.contracted_days_per_month else ""),
            Row("Term of office", design.term_of_office.strip()),
            Row("Remuneration", design.remuneration.strip()),
        ]
    else:
        terms = [grade_row(design), pay_row(design), Row("Hours", _hours_row(design))]
    rows = [
        Row("Job title", design.title.strip()),
        *terms,
        Row("Location", design.location.strip()),
        Row("Contract", label(design.contract)),
        _employer_row(design),
        Row("Directorate", design.directorate.strip()),
        Row("Job reference", design.job_reference.strip()),
        Row("Reports to", "; ".join(design.reports_to)),
        Row("Accountable to", "; ".join(design.accountable_to)),
        Row("Appraisal led by", design.appraisal_lead.strip()),
        Row("Footprint", footprint),
        Row("Leadership function", label(design.function) if design.function else ""),
        Row("Version", f"{design.version.strip() or '1'} ({label(design.status).lower()}), {date}"),
    ]
    return [row for row in rows if row is not None and row.value.strip()]


def dimension_rows(design: RoleDesign) -> list[Row]:
    """The post's dimensions (budget, staff, decisions made alone), those filled in."""
    dimensions = design.dimensions
    rows = [Row(text, " ".join(getattr(dimensions, name).split())) for name, text in DIMENSION_LABELS.items()]
    return [row for row in rows if row.value]


def draft_mark(design: RoleDesign, show_draft: bool = True) -> str:
    """ "Draft" in the header until the post is approved or advertised, unless the setting turns it off."""
    return "" if design.status in FINAL_STATUSES or not show_draft else DRAFT_MARK


def control_rows(design: RoleDesign, date: str, author: str) -> list[Row]:
    """The document control table: which version this is, how far it has got, when and by whom."""
    return [
        Row("Version", design.version.strip() or "1"),
        Row("Status", label(design.status)),
        Row("Date", date),
        Row("Author", author),
    ]


def signoff_views(design: RoleDesign) -> list[SignOffView]:
    """Who agreed the post, or has yet to, for each organisation."""
    return [
        SignOffView(
            organisation=s.organisation,
            name=s.name.strip() or "Not named",
            role=s.role.strip(),
            decision=label(s.decision),
            date=long_date(s.date) if s.date else "",
            version=s.version.strip(),
            comment=s.comment.strip(),
        )
        for s in design.signoffs
    ]
