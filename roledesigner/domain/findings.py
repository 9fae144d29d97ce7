"""A finding: one thing a design should fix or consider, pointing at the field to fix.

Rules in the domain and checks in the review both produce these; the app lists them and jumps
to `field`, the command line prints them, `check --format json` writes them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
