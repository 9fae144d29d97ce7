"""What a batch export is asked to do and what the dialog says about it: no widgets here.

A batch makes one document for each design: the job specification (`ExportJob`, exported on
several processes) or a recruitment pack document (`PackJob`, one after another). Both report
through `ExportStatus`, so the dialog reads their results alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from roledesigner.documents.jobs import UNREVIEWED_MARK, ExportJob, ExportResult, ExportStatus, Format
from roledesigner.files.designfile import SUFFIX
from roledesigner.files.settings import Settings

if TYPE_CHECKING:
    from roledesigner.documents.packs.packexport import PackJob, PackResult

    AnyJob: TypeAlias = ExportJob | PackJob
    AnyResult: TypeAlias = ExportResult | PackResult


def designs_in(folder: Path) -> list[Path]:
    """Every design file directly in `folder` (not in its subfolders), sorted by name."""
    try:
        found = [path for path in folder.glob(f"*{SUFFIX}") if path.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda path: path.name.casefold())


def target(
    source: Path, folder: Path, fmt: str, settings: Settings, *, by_pattern: bool, document: str = "specification"
) -> Path:
    """Where one design's document goes: named by the settings' pattern, or after the design's file."""
    from roledesigner.documents.filenames import DOCUMENT_ENDINGS, export_path

    if by_pattern:
        return export_path(
            source, folder, fmt, settings.organisation_name, settings.file_name, DOCUMENT_ENDINGS[document]
        )
    if document == "specification":
        return folder / f"{source.stem}.{fmt}"
    from roledesigner.documents.packs.packexport import pack_target

    return pack_target(source, document, fmt, folder)


def batch_jobs(
    sources: Sequence[Path],
    folder: Path,
    fmt: Format,
    settings: Settings,
    *,
    keep_existing: bool = False,
    by_pattern: bool = True,
) -> list[ExportJob]:
    """One job per design into `folder`, named by the settings' pattern (or, without `by_pattern`,
    after the design's file), never two with one name (nor, with `keep_existing`, the name of a
    file already there)."""
    from roledesigner.documents.export import unique_targets  # Word and PDF code loads on first use

    jobs = [
        ExportJob(
            source,
            target(source, folder, fmt, settings, by_pattern=by_pattern),
            fmt,
            settings.word_template,
            settings.organisation_name,
            settings.organisation_logo,
            show_draft=settings.show_draft_mark,
        )
        for source in sources
    ]
    return unique_targets(jobs, keep_existing=keep_existing)


def pack_jobs(
    sources: Sequence[Path],
    folder: Path,
    document: str,
    fmt: str,
    settings: Settings,
    *,
    keep_existing: bool = False,
    by_pattern: bool = True,
) -> list[PackJob]:
    """One recruitment pack document (`document`: interview or shortlisting) per design into
    `folder`, named as `batch_jobs` names them, with the document's ending ("… interview pack.docx")."""
    from roledesigner.documents.export import unique_targets
    from roledesigner.documents.packs.packexport import PackJob

    jobs = [
        PackJob(
            source,
            target(source, folder, fmt, settings, by_pattern=by_pattern, document=document),
            document,
            fmt,
            organisation=settings.organisation_name,
            logo=settings.organisation_logo,
        )
        for source in sources
    ]
    return unique_targets(jobs, keep_existing=keep_existing)


def review_errors_of(result: AnyResult) -> list[str]:
    """The review's errors a document was exported with (a job specification's, or a pack's from
    gui/dialogs/batchpacks.py)."""
    return [finding.message for finding in getattr(result, "review_errors", [])]


def result_text(result: AnyResult, *, full: bool = False) -> str:
    """The sentence for one design: where it went (and any warning), or why not.

    The table names the folders once (above it), so a row gives file names; `full` keeps every
    path whole, for the row's tooltip, and every review error, where the row gives the first.
    """
    if result.status is ExportStatus.EXPORTED:
        target = result.job.target if full else result.job.target.name
        errors = review_errors_of(result)
        said = [f"Exported to {target}."]
        if errors:
            count = amount(len(errors), "error")
            listed = " ".join(errors) if full else errors[0] + (" …" if len(errors) > 1 else "")
            said.append(f"Its review has {count}, so it is marked “{UNREVIEWED_MARK}”: {listed}")
        return " ".join([*said, *result.warnings])
    return result.message if full else result.message.replace(str(result.job.source), result.job.source.name)


#: What the batch reports after each file: done, total, the result just made.
Progress: TypeAlias = "tuple[int, int, AnyResult]"


def summary(results: Sequence[AnyResult]) -> str:
    """One line for the end of a batch: "Finished: 48 exported, 2 could not be exported.", with
    the designs whose review has errors named."""
    exported = sum(1 for result in results if result.status is ExportStatus.EXPORTED)
    cancelled = sum(1 for result in results if result.status is ExportStatus.CANCELLED)
    failed = len(results) - exported - cancelled
    unreviewed = [result.job.source.name for result in results if result.ok and review_errors_of(result)]
    parts = [f"{exported} exported"]
    if unreviewed:
        names = ", ".join(unreviewed[:3]) + (", …" if len(unreviewed) > 3 else "")
        have = "has" if len(unreviewed) == 1 else "have"
        parts.append(
            f"{amount(len(unreviewed), 'design')} {have} errors in the review, marked “{UNREVIEWED_MARK}” ({names})"
        )
    if failed:
        parts.append(f"{failed} could not be exported (the reasons are below)")
    if cancelled:
        parts.append(f"{cancelled} not started")
    return f"{'Cancelled' if cancelled else 'Finished'}: {'; '.join(parts) if unreviewed else ', '.join(parts)}."


def amount(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
