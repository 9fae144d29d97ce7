"""Design review: small checks, each from a design (and the library) to findings.

`review()` runs them all, errors first; the app runs it on every pause in typing and the
command line's `check` on a file. docs/checks.md lists every finding code.
"""

from __future__ import annotations

from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library
from roledesigner.review.evaluation import evaluation
from roledesigner.review.language import copied_text, inclusive, plain_english
from roledesigner.review.phrasing import tidy
from roledesigner.review.recruitment import recruitment
from roledesigner.review.rules import time_and_joint
from roledesigner.review.signoffs import signoffs
from roledesigner.review.structure import Check, clarity, coverage, person_specification

CHECKS: list[Check] = [
    clarity,
    time_and_joint,
    coverage,
    person_specification,
    evaluation,
    recruitment,
    inclusive,
    plain_english,
    copied_text,
    signoffs,
]
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def review(design: RoleDesign, library: Library) -> list[Finding]:
    findings = [tidy(finding) for check in CHECKS for finding in check(design, library)]
    return sorted(findings, key=lambda finding: _ORDER[finding.severity])
