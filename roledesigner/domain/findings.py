"""A finding: one thing a design should fix or consider, pointing at the field to fix.

Rules in the domain and checks in the review both produce these; the app lists them and jumps
to `field`, the command line prints them, `check --format json` writes them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: How findings cite the research, spelled out (SCIE alone means nothing to most readers).
SCIE_2021 = "Social Care Institute for Excellence, 2021"
SCIE_2018 = "Social Care Institute for Excellence, 2018"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    #: Path of the field to fix, as in the file: "time.system_work.amount", "joint.partners[1].host".
    field: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "severity": self.severity.value, "message": self.message, "field": self.field}


#: How a count of findings of each severity is said (one, several), in the app and on the command line.
SEVERITY_WORDS = {
    Severity.ERROR: ("error", "errors"),
    Severity.WARNING: ("warning", "warnings"),
    Severity.INFO: ("for information", "for information"),
}


def counted(findings: list[Finding]) -> str:
    """ "1 error, 2 warnings, 4 for information", or "" when there are none."""
    counts = {severity: sum(1 for f in findings if f.severity is severity) for severity in Severity}
    return ", ".join(f"{n} {SEVERITY_WORDS[s][n != 1]}" for s, n in counts.items() if n)
