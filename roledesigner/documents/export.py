"""Export designs to Word or PDF: one file, or a batch over both cores, never a partial file.

Each file is built in memory and written atomically, so a failure leaves any existing output
untouched. In a batch, one bad file does not stop the others: each result says what happened.

An export can review the design as it goes (`check`, the review handed in by the caller, since
documents/ may not import review/): a design whose review has errors is still exported, its
header marked "Draft: not yet reviewed", and its result lists the errors.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Protocol, TypeVar

from roledesigner.documents.jobs import UNREVIEWED_MARK, ExportJob, ExportResult, ExportStatus
from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.documents.word import TemplateError, render_docx
from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.designfile import DesignFileError, load_design
from roledesigner.files.reading import FileTooLarge, UnreadableFile, read_regular
from roledesigner.files.settings import load_settings
from roledesigner.files.settingscheck import MAX_LOGO_BYTES, is_picture
from roledesigner.library.catalogue import Library
from roledesigner.library.loader import default_folders, load_library

#: The result of a job that a cancelled batch never started.
CANCELLED = "Not exported: the export was cancelled."

#: The review (`roledesigner.review.review`), handed in by the caller: documents/ and review/
#: share a layer and may not import each other. A module-level function, so a worker process
#: can be sent it.
Check = Callable[[RoleDesign, Library], Sequence[Finding]]


def review_errors(design: RoleDesign, library: Library, check: Check) -> list[Finding]:
    """The review's errors (warnings and information never stop or mark an export)."""
    return [finding for finding in check(design, library) if finding.severity is Severity.ERROR]


class ExportError(Exception):
    """One plain sentence naming the file and the problem."""


@cache
def _library() -> Library:
    """Each process loads the library once, however many files it exports."""
    return load_library(default_folders(load_settings()))


def _logo(path: Path | None, warnings: list[str]) -> bytes | None:
    """The logo's bytes, or None with a warning: a bad logo costs the logo, never the document."""
    if path is None:
        return None
    try:
        data = read_regular(path, MAX_LOGO_BYTES)
    except FileTooLarge:
        warnings.append(f"The logo {path} is larger than the 5 MB allowed, so the document has no logo.")
        return None
    except UnreadableFile as error:
        warnings.append(f"The logo {path} could not be read ({error.reason}), so the document has no logo.")
        return None
    if not is_picture(data):
        warnings.append(f"The logo {path} is not a PNG or JPEG picture, so the document has no logo.")
        return None
    return data


def render(view: JobSpecification, job: ExportJob, warnings: list[str]) -> bytes:
    """The document's bytes. Qt (the picture of the week and the PDF) is loaded only for a PDF:
    the Word file draws the week as a native table, so a Word export never loads PySide6."""
    logo = _logo(job.logo, warnings)
    if job.format == "pdf":
        from roledesigner.documents.pdf import render_pdf
        from roledesigner.documents.weekpicture import render_png

        week_png = render_png(view.chart) if view.chart is not None and view.week_alt_text else None
        return render_pdf(view, week_png=week_png, logo_png=logo)
    return render_docx(view, job.template, logo_png=logo)


def _fault(job: ExportJob, error: Exception, warnings: list[str] | None = None) -> ExportResult:
    """A fault in one file's export (a bug to report), as that file's result."""
    return ExportResult(
        job, ExportStatus.FAILED, f"Could not export {job.source}: an internal fault ({error}).", warnings or []
    )


def export_design(
    design: RoleDesign, job: ExportJob, library: Library | None = None, check: Check | None = None
) -> ExportResult:
    """Write one design (as it is in memory) to `job.target`; the app's exports come here.

    With `check`, the design is reviewed first: errors mark the header "Draft: not yet reviewed"
    (as `job.unreviewed` does) and are listed in the result.
    """
    warnings: list[str] = []
    errors: list[Finding] = []
    try:
        library = library or _library()
        if check is not None:
            errors = review_errors(design, library, check)
        view = build_view(design, library, job.organisation, show_draft=job.show_draft)
        if job.unreviewed or errors:
            view = replace(view, draft_mark=UNREVIEWED_MARK)
        # Outputs land in shared folders beside designs: a link planted at the name is replaced, never written through.
        write_atomically(job.target, render(view, job, warnings), follow_links=False)
    except (TemplateError, WriteError, ExportError) as error:
        return ExportResult(job, ExportStatus.FAILED, str(error), warnings, errors)
    except Exception as error:  # noqa: BLE001 - one file's fault must not stop a batch
        return _fault(job, error, warnings)
    return ExportResult(job, ExportStatus.EXPORTED, f"Exported {job.target}", warnings, errors)


def export_one(job: ExportJob, check: Check | None = None) -> ExportResult:
    """Read and export one design file; whatever goes wrong is this file's result, never the batch's end."""
    try:
        design = load_design(job.source)
    except DesignFileError as error:
        return ExportResult(job, ExportStatus.FAILED, str(error))
    except Exception as error:  # noqa: BLE001 - one file's fault must not hide the others' results
        return _fault(job, error)
    return export_design(design, job, check=check)


def export_many(
    jobs: Sequence[ExportJob],
    workers: int | None = None,
    progress: Callable[[int, int, ExportResult], None] | None = None,
    *,
    should_stop: Callable[[], bool] | None = None,
    check: Check | None = None,
) -> list[ExportResult]:
    """Export every job on up to `workers` processes (default: every core); results in job order.

    This process exports too, beside `workers - 1` spawned ones, so the batch does not wait
    idle while new processes start (about a second each: Qt, pydantic, the library).

    `progress(done, total, result)` is called for each file exported or failed. Once
    `should_stop()` returns True no further job is started; jobs already running finish, and
    every job never started gets a `CANCELLED` result (without a `progress` call). With `check`,
    each design is reviewed as it is exported (`export_design`).
    """
    count = len(jobs)
    workers = max(1, min(workers or os.cpu_count() or 1, count))
    results: dict[int, ExportResult] = {}

    def record(index: int, result: ExportResult) -> None:
        results[index] = result
        if progress:
            progress(len(results), count, result)

    def stopping() -> bool:
        return should_stop is not None and should_stop()

    def cancel(index: int) -> None:
        results[index] = ExportResult(jobs[index], ExportStatus.CANCELLED, CANCELLED)

    pending = deque(enumerate(jobs))
    if workers == 1:
        while pending and not stopping():
            index, job = pending.popleft()
            record(index, export_one(job, check))
        for index, _job in pending:
            cancel(index)
        return [results[index] for index in range(count)]
    # Spawn, not fork: each worker starts its own Qt offscreen, never a copy of ours.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        in_flight: dict[Future[ExportResult], int] = {}
        broken = False

        def top_up() -> None:
            nonlocal broken
            while not broken and pending and len(in_flight) < 2 * (workers - 1):
                index, job = pending.popleft()
                try:
                    in_flight[pool.submit(export_one, job, check)] = index
                except BrokenProcessPool:
                    broken = True
                    pending.appendleft((index, job))

        def collect(future: Future[ExportResult]) -> None:
            """A worker that died (killed, out of memory) costs only a retry here."""
            nonlocal broken
            index = in_flight.pop(future)
            try:
                result = future.result()
            except BrokenProcessPool:
                broken = True
                if stopping():
                    cancel(index)
                    return
                result = export_one(jobs[index], check)
            except Exception as error:  # noqa: BLE001 - a result that could not come back is still one result
                result = _fault(jobs[index], error)
            record(index, result)

        def stop() -> None:
            """Cancel what is queued but not yet running; what runs is collected as it ends."""
            while pending:
                index, _job = pending.popleft()
                cancel(index)
            for future in [f for f in in_flight if f.cancel()]:
                cancel(in_flight.pop(future))

        while pending or in_flight:
            for future in [f for f in in_flight if f.done()]:
                collect(future)
            if stopping():
                stop()
            top_up()
            if pending:
                index, job = pending.pop()  # from the far end, away from the workers' queue
                record(index, export_one(job, check))
            elif in_flight:
                wait(in_flight, return_when=FIRST_COMPLETED)
    return [results[index] for index in range(count)]


class Targeted(Protocol):
    """A job that writes one file: a job specification's (`ExportJob`) or a pack's (`PackJob`)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def target(self) -> Path: ...


J = TypeVar("J", bound=Targeted)


def unique_targets(jobs: Sequence[J], *, keep_existing: bool = False) -> list[J]:
    """The jobs with any target that an earlier job already writes renamed "name (2).docx".

    Names are compared without regard to case, as Windows and macOS compare them. A numbered
    name never takes the name another job in the batch would write. With `keep_existing`, a
    file already on disk counts as taken too, so an earlier export is never replaced.
    """

    def key(path: Path) -> tuple[Path, str]:
        return path.parent, path.name.casefold()

    def on_disk(path: Path) -> bool:
        return keep_existing and path.exists()

    wanted = {key(job.target) for job in jobs}
    taken: set[tuple[Path, str]] = set()
    unique: list[J] = []
    for job in jobs:
        target = job.target
        number = 1
        while key(target) in taken or on_disk(target) or (number > 1 and key(target) in wanted):
            number += 1
            target = job.target.with_name(f"{job.target.stem} ({number}){job.target.suffix}")
        taken.add(key(target))
        unique.append(job if target == job.target else replace(job, target=target))
    return unique


def existing_targets(jobs: Sequence[Targeted]) -> list[Path]:
    """The targets that a file already holds: what the batch would replace."""
    return [job.target for job in jobs if job.target.exists()]
