"""What a batch export is asked to do and what the dialog says about it: no widgets here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from roledesigner.documents.jobs import ExportJob, ExportResult, ExportStatus, Format
from roledesigner.files.designfile import SUFFIX
from roledesigner.files.settings import Settings


def designs_in(folder: Path) -> list[Path]:
    """Every design file directly in `folder` (not in its subfolders), sorted by name."""
    try:
        found = [path for path in folder.glob(f"*{SUFFIX}") if path.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda path: path.name.casefold())


def batch_jobs(
    sources: Sequence[Path], folder: Path, fmt: Format, settings: Settings, *, keep_existing: bool = False
) -> list[ExportJob]:
    """One job per design into `folder`, named after the design, never two with one name (nor,
    with `keep_existing`, the name of a file already there)."""
    from roledesigner.documents.export import unique_targets  # Word and PDF code loads on first use

    jobs = [
        ExportJob(
            source,
            folder / f"{source.stem}.{fmt}",
            fmt,
            settings.word_template,
            settings.organisation_name,
            settings.organisation_logo,
            show_draft=settings.show_draft_mark,
        )
        for source in sources
    ]
    return unique_targets(jobs, keep_existing=keep_existing)


def result_text(result: ExportResult, *, full: bool = False) -> str:
    """The sentence for one design: where it went (and any warning), or why not.

    The table names the folders once (above it), so a row gives file names; `full` keeps every
    path whole, for the row's tooltip.
    """
    if result.status is ExportStatus.EXPORTED:
        target = result.job.target if full else result.job.target.name
        return " ".join([f"Exported to {target}.", *result.warnings])
    return result.message if full else result.message.replace(str(result.job.source), result.job.source.name)


#: What the batch reports after each file: done, total, the result just made.
Progress = tuple[int, int, ExportResult]


def summary(results: Sequence[ExportResult]) -> str:
    """One line for the end of a batch: "Finished: 48 exported, 2 could not be exported." """
    exported = sum(1 for result in results if result.status is ExportStatus.EXPORTED)
    cancelled = sum(1 for result in results if result.status is ExportStatus.CANCELLED)
    failed = len(results) - exported - cancelled
    parts = [f"{exported} exported"]
    if failed:
        parts.append(f"{failed} could not be exported (the reasons are below)")
    if cancelled:
        parts.append(f"{cancelled} not started")
    return f"{'Cancelled' if cancelled else 'Finished'}: {', '.join(parts)}."


def amount(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
