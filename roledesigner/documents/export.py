"""Export designs to Word or PDF: one file, or a batch over both cores, never a partial file.

Each file is built in memory and written atomically, so a failure leaves any existing output
untouched. In a batch, one bad file does not stop the others: each result says what happened.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from roledesigner.atomic import WriteError, write_atomically
from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.documents.word import TemplateError, render_docx
from roledesigner.library.catalogue import Library
from roledesigner.library.loader import default_folders, load_library
from roledesigner.settings import load_settings
from roledesigner.storage import DesignFileError, load_design

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


class ExportError(Exception):
    """One plain sentence naming the file and the problem."""


@cache
def _library() -> Library:
    """Each process loads the library once, however many files it exports."""
    return load_library(default_folders(load_settings()))


def _logo(path: Path | None, warnings: list[str]) -> bytes | None:
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        warnings.append(f"The logo {path} could not be read, so the document has no logo.")
        return None
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        warnings.append(f"The logo {path} is not a PNG or JPEG picture, so the document has no logo.")
        return None
    return data


def render(view: JobSpecification, job: ExportJob, warnings: list[str]) -> bytes:
    """The document's bytes; Qt (for the picture and the PDF) is loaded only here."""
    from roledesigner.documents.weekpicture import render_png

    week_png = render_png(view.chart) if view.chart is not None and view.week_alt_text else None
    logo = _logo(job.logo, warnings)
    if job.format == "pdf":
        from roledesigner.documents.pdf import render_pdf

        return render_pdf(view, week_png=week_png, logo_png=logo)
    return render_docx(view, job.template, week_png=week_png, logo_png=logo)


def export_one(job: ExportJob) -> ExportResult:
    warnings: list[str] = []
    try:
        design = load_design(job.source)
        view = build_view(design, _library(), job.organisation)
        data = render(view, job, warnings)
        write_atomically(job.target, data)
    except (DesignFileError, TemplateError, WriteError, ExportError) as error:
        return ExportResult(job, False, str(error), warnings)
    except Exception as error:  # noqa: BLE001 - one file's fault must not stop a batch
        return ExportResult(job, False, f"Could not export {job.source}: an internal fault ({error}).", warnings)
    return ExportResult(job, True, f"Exported {job.target}", warnings)


def export_many(
    jobs: Sequence[ExportJob],
    workers: int | None = None,
    progress: Callable[[int, int, ExportResult], None] | None = None,
) -> list[ExportResult]:
    """Export every job, on up to `workers` processes (default: every core); results in job order."""
    count = len(jobs)
    workers = max(1, min(workers or os.cpu_count() or 1, count))
    results: dict[int, ExportResult] = {}
    if workers == 1:
        for index, job in enumerate(jobs):
            results[index] = export_one(job)
            if progress:
                progress(len(results), count, results[index])
    else:
        # Spawn, not fork: each worker starts its own Qt offscreen, never a copy of ours.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {pool.submit(export_one, job): index for index, job in enumerate(jobs)}
            for future in as_completed(futures):
                index = futures[future]
                results[index] = future.result()
                if progress:
                    progress(len(results), count, results[index])
    return [results[index] for index in range(count)]
