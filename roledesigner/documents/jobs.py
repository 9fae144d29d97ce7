"""What an export is asked to do and what came of it: light enough to import at start-up."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class ExportResult:
    job: ExportJob
    ok: bool
    message: str
    warnings: list[str] = field(default_factory=list)
