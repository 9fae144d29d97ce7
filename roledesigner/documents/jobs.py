"""What an export is asked to do and what came of it: light enough to import at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Literal

Format = Literal["docx", "pdf"]


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

    @property
    def ok(self) -> bool:
        return self.status is ExportStatus.EXPORTED
