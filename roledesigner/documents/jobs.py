"""What an export is asked to do and what came of it: light enough to import at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Literal

from roledesigner.domain.findings import Finding

Format = Literal["docx", "pdf"]
#: The header of a job specification exported while its review has errors (issue 18: export knows the review).
UNREVIEWED_MARK = "Draft: not yet reviewed"


@dataclass(frozen=True)
class ExportJob:
    source: Path
    target: Path
    format: Format = "docx"
    template: Path | None = None
    organisation: str = ""
    logo: Path | None = None
    #: Mark a design that is not yet approved "Draft" in the header (the settings' show_draft_mark).
    show_draft: bool = True
    #: The review found errors and the user exported anyway: the header says UNREVIEWED_MARK,
    #: whatever the status and the draft setting say.
    unreviewed: bool = False


class ExportStatus(Enum):
    """What came of one export: callers branch on this, never on the wording of the message."""

    EXPORTED = "exported"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class ExportResult:
    job: ExportJob
    status: ExportStatus
    message: str
    warnings: list[str] = field(default_factory=list)
    #: The review's errors, when the export reviewed the design (`export_many(check=...)`); a
    #: document exported with any of them carries UNREVIEWED_MARK.
    review_errors: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status is ExportStatus.EXPORTED
