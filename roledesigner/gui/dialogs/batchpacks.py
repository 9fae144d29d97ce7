"""A batch's recruitment pack documents, each design reviewed as it is exported, as a batch's job
specifications are (`export_many(check=review)`): a design whose review has errors is exported
marked "Draft: not yet reviewed" (`PackJob.unreviewed`), and its result lists the errors, so the
dialog's row and summary name it as they name a job specification.

Loaded only when a pack batch runs (it imports the packs' writers), on the batch's worker.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from roledesigner.documents.export import review_errors
from roledesigner.documents.jobs import ExportStatus
from roledesigner.documents.packs.packexport import CANCELLED, PackJob, PackResult, export_pack, load_for
from roledesigner.domain.findings import Finding
from roledesigner.files.settings import load_settings
from roledesigner.library.catalogue import Library
from roledesigner.library.loader import default_folders, load_library
from roledesigner.library.scoring import LoadedScoring, scoring_for


@dataclass(frozen=True)
class ReviewedPackResult(PackResult):
    """A pack document's result with the review's errors it was exported with (as `ExportResult`'s)."""

    review_errors: list[Finding] = field(default_factory=list)


def export_reviewed_pack(job: PackJob, library: Library, scoring: LoadedScoring) -> PackResult:
    """Read, review and export one design's pack document; an unreadable design is the export's to name."""
    from roledesigner.review import review

    design = load_for(job)
    if isinstance(design, PackResult):
        return design
    try:
        errors = review_errors(design, library, review)
    except Exception as error:  # noqa: BLE001 - one design's fault must not lose the batch's other results
        message = (
            f"Could not review {job.source} before exporting: an internal fault ({type(error).__name__}: {error})."
        )
        return PackResult(job, ExportStatus.FAILED, message)
    result = export_pack(design, replace(job, unreviewed=job.unreviewed or bool(errors)), library, scoring)
    if not errors:
        return result
    return ReviewedPackResult(result.job, result.status, result.message, result.warnings, errors)


def export_reviewed_packs(
    jobs: Sequence[PackJob],
    progress: Callable[[int, int, PackResult], None] | None = None,
    *,
    should_stop: Callable[[], bool] | None = None,
    library: Library | None = None,
) -> list[PackResult]:
    """Every job in turn, each design reviewed first; results in job order, as `export_packs` gives
    them (the scales read once and their warnings said with the first file; once `should_stop()`
    is true, the jobs not yet started are `CANCELLED`)."""
    library = library or load_library(default_folders(load_settings()))
    scoring = scoring_for(library)
    results: list[PackResult] = []
    for job in jobs:
        if should_stop is not None and should_stop():
            results.append(PackResult(job, ExportStatus.CANCELLED, CANCELLED))
            continue
        result = export_reviewed_pack(job, library, scoring)
        if not results and scoring.warnings:  # said once for a batch, with its first file
            result = replace(result, warnings=[*scoring.warnings, *result.warnings])
        results.append(result)
        if progress:
            progress(len(results), len(jobs), result)
    return results
