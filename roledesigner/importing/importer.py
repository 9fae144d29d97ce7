"""Import one job description: read it, place every piece, build the design, suggest capabilities.

The command line, the app's review step and the audit all come here, so a file imports the same
way wherever it is opened.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from roledesigner.domain.models import RoleDesign
from roledesigner.importing.assemble import assemble
from roledesigner.importing.blocks import SourceDocument
from roledesigner.importing.mapping import map_document
from roledesigner.importing.placements import STRUCTURE, Placement, Target
from roledesigner.importing.reading import read_source
from roledesigner.importing.suggestions import Suggestions, suggest
from roledesigner.library.catalogue import Library


@dataclass(frozen=True)
class ImportResult:
    source: SourceDocument
    placements: list[Placement]
    design: RoleDesign
    suggestions: Suggestions | None
    contracted_hours: Decimal = Decimal("37.5")

    def moved(self, index: int, target: Target) -> ImportResult:
        """The result with one placement sent elsewhere and the design built again."""
        placements = list(self.placements)
        placements[index] = placements[index].moved(target)
        return replace(self, placements=placements, design=assemble(placements, self.contracted_hours))

    @property
    def unmapped_share(self) -> float:
        """The share of the source's text (by characters) kept unmapped, from 0 to 1."""
        return unmapped_share(self.design)

    def counts(self) -> dict[Target, int]:
        found: dict[Target, int] = {}
        for placement in self.placements:
            found[placement.target] = found.get(placement.target, 0) + 1
        return found


def design_characters(design: RoleDesign) -> int:
    """The characters of a design's own text, mapped or not."""
    texts = [
        design.title,
        design.grade,
        design.employer,
        design.directorate,
        design.job_reference,
        design.location,
        design.purpose,
        design.system_context,
        design.stability,
        *design.reports_to,
        *design.accountable_to,
        *(r.text for r in design.responsibilities),
        *(r.name for r in design.relationships),
        *(c.text for c in design.criteria),
        *(u.text for u in design.unmapped),
    ]
    return sum(len(text) for text in texts)


def unmapped_share(design: RoleDesign) -> float:
    total = design_characters(design)
    return sum(len(u.text) for u in design.unmapped) / total if total else 0.0


def import_document(
    document: SourceDocument, library: Library | None = None, contracted_hours: Decimal = Decimal("37.5")
) -> ImportResult:
    placements = map_document(document)
    design = assemble(placements, contracted_hours)
    found = suggest(placements, design, library) if library is not None else None
    return ImportResult(document, placements, design, found, contracted_hours)


def import_file(
    path: Path, library: Library | None = None, contracted_hours: Decimal = Decimal("37.5")
) -> ImportResult:
    """The job description at `path` as a design (not saved); ImportRefused, one sentence, if it cannot be.

    With a library, capabilities and the nearest emerging role are suggested (none is added).
    """
    return import_document(read_source(path), library, contracted_hours)


def placed_text(placements: list[Placement]) -> list[Placement]:
    """The placements that carry text into the design (not the structure read from the source)."""
    return [p for p in placements if p.target not in STRUCTURE]
