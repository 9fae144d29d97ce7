"""Design review: small checks, each from a design (and the library) to findings.

`review()` runs them all and lists the findings in the document's order (review/order.py), so a
finding keeps its place while others come and go; the app runs it on every pause in typing and
the command line's `check` on a file. docs/checks.md lists every finding code. Warnings accepted on
purpose are still findings: review/acknowledgements.py says which, and every view shows them.
"""

from __future__ import annotations

from roledesigner.domain.findings import Finding
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from roledesigner.review.completeness import completeness
from roledesigner.review.evaluation import evaluation
from roledesigner.review.language import copied_text, inclusive, plain_english
from roledesigner.review.order import in_document_order
from roledesigner.review.phrasing import tidy
from roledesigner.review.recruitment import recruitment
from roledesigner.review.rules import time_and_joint
from roledesigner.review.signoffs import signoffs
from roledesigner.review.structure import Check, clarity, coverage, person_specification
from roledesigner.review.values import values_rows

CHECKS: list[Check] = [
    clarity,
    time_and_joint,
    coverage,
    person_specification,
    values_rows,
    completeness,
    evaluation,
    recruitment,
    inclusive,
    plain_english,
    copied_text,
    signoffs,
]


def review(design: RoleDesign, library: Library) -> list[Finding]:
    findings = [tidy(finding) for check in CHECKS for finding in check(design, library)]
    return in_document_order(findings)
