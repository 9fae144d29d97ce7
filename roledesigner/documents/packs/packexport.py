"""Export the recruitment pack's documents to files: one design, or several one after another.

As with the job specification (`documents.export`), each file is built in memory and written
atomically, a link planted at the output's name is replaced rather than written through, and a
design that cannot be read or exported is that design's result, never the end of a batch. Each
pack takes a fraction of a second, the interview pack's PDF (Qt, loaded only for it) a quarter
to half a second, so a batch runs in this process.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from roledesigner.documents.export import _library, _logo
from roledesigner.documents.jobs import UNREVIEWED_MARK, ExportStatus
from roledesigner.documents.packs.criteriatext import criteria_text
from roledesigner.documents.packs.interview import DEFAULT_PANEL, build_interview_pack
from roledesigner.documents.packs.interviewhtml import render_interview_pdf
from roledesigner.documents.packs.interviewword import render_interview_docx
from roledesigner.documents.packs.shortlistexcel import render_shortlisting_xlsx
from roledesigner.documents.packs.shortlisting import DEFAULT_CANDIDATES, DEFAULT_SHORTLISTERS, build_shortlisting
from roledesigner.documents.packs.shortlistword import render_shortlisting_docx
from roledesigner.domain.errors import InputError
from roledesigner.domain.models import RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.designfile import load_design
from roledesigner.library.catalogue import Library
from roledesigner.library.scoring import LoadedScoring, scoring_for

INTERVIEW, SHORTLISTING = "interview", "shortlisting"
#: What each pack document can be made as, its default first.
FORMATS: dict[str, tuple[str, ...]] = {INTERVIEW: ("docx", "pdf"), SHORTLISTING: ("xlsx", "docx", "txt")}
#: What each document adds to the design's name: "post.roledesign" -> "post-interview-pack.docx".
NAME_ENDINGS = {INTERVIEW: "-interview-pack", SHORTLISTING: "-shortlisting"}
DESCRIPTIONS = {INTERVIEW: "The interview pack", SHORTLISTING: "The shortlisting matrix"}
CANCELLED = "Not exported: the export was cancelled."


@dataclass(frozen=True)
class PackJob:
    source: Path
    target: Path
    document: str
    format: str
    template: Path | None = None
    organisation: str = ""
    logo: Path | None = None
    candidates: int = DEFAULT_CANDIDATES
    shortlisters: int = DEFAULT_SHORTLISTERS
    panel_members: int = DEFAULT_PANEL
    # The design still has review errors and was exported anyway: the pack carries the draft mark.
    unreviewed: bool = False


@dataclass(frozen=True)
class PackResult:
    job: PackJob
    status: ExportStatus
    message: str
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status is ExportStatus.EXPORTED


def format_problem(document: str, fmt: str) -> str | None:
    """Why `document` cannot be made as `fmt`, in a phrase, or None when it can."""
    if document not in FORMATS:
        return f"'{document}' is not a document Role Designer exports (choose specification, interview or shortlisting)"
    if fmt not in FORMATS[document]:
        made = " or ".join(FORMATS[document])
        return f"{DESCRIPTIONS[document].lower()} cannot be exported as {fmt}; it is made as {made}"
    return None


def pack_target(source: Path, document: str, fmt: str, out_dir: Path | None = None) -> Path:
    """Beside the design, or in `out_dir`: post-interview-pack.docx, post-shortlisting.xlsx, post-criteria.txt."""
    ending = "-criteria" if fmt == "txt" else NAME_ENDINGS[document]
    name = f"{source.stem}{ending}.{fmt}"
    return (out_dir or source.parent) / name


def render_pack(
    design: RoleDesign, job: PackJob, library: Library, scoring: LoadedScoring, warnings: list[str]
) -> bytes:
    """The document's bytes; `warnings` gets what the reader of a result should know."""
    if job.template is not None and job.format != "docx":
        warnings.append(f"{job.template} is not used: a template shapes Word files only.")
    # Exported while the review has errors: every page says so. Not the criteria text, which is
    # pasted into a recruitment site's form.
    mark = UNREVIEWED_MARK if job.unreviewed else ""
    if job.document == INTERVIEW:
        pack = build_interview_pack(design, library, scoring, job.organisation, job.panel_members)
        if job.format == "pdf":
            return render_interview_pdf(pack, _logo(job.logo, warnings), mark=mark)
        return render_interview_docx(pack, job.template, _logo(job.logo, warnings), mark=mark)
    if job.format == "txt":
        return criteria_text(design, library).encode("utf-8")
    matrix = build_shortlisting(design, library, scoring, job.organisation, job.shortlisters, job.candidates)
    if job.format == "docx":
        return render_shortlisting_docx(matrix, job.template, _logo(job.logo, warnings), mark=mark)
    return render_shortlisting_xlsx(matrix, mark=mark)


def export_pack(
    design: RoleDesign, job: PackJob, library: Library | None = None, scoring: LoadedScoring | None = None
) -> PackResult:
    """Write one design's pack document to `job.target`; the app's exports come here.

    The scales' warnings are in the result when the scales are read here (`scoring` None); a
    caller that passes them in says their warnings itself, once."""
    warnings: list[str] = []
    problem = format_problem(job.document, job.format)
    if problem:
        return PackResult(job, ExportStatus.FAILED, f"{problem[:1].upper()}{problem[1:]}.")
    try:
        library = library or _library()
        if scoring is None:
            scoring = scoring_for(library)
            warnings += scoring.warnings
        data = render_pack(design, job, library, scoring, warnings)
        write_atomically(job.target, data, follow_links=False)
    except (InputError, WriteError) as error:  # a template, a broken install's scales: one sentence
        return PackResult(job, ExportStatus.FAILED, str(error), warnings)
    except Exception as error:  # noqa: BLE001 - one file's fault must not stop a batch
        message = f"Could not export {job.source}: an internal fault ({type(error).__name__}: {error})."
        return PackResult(job, ExportStatus.FAILED, message, warnings)
    return PackResult(job, ExportStatus.EXPORTED, f"Exported {job.target}", warnings)


def load_for(job: PackJob) -> RoleDesign | PackResult:
    """The job's design, or the failed result that says why it could not be read."""
    try:
        return load_design(job.source)
    except InputError as error:  # a design file's own refusal (DesignFileError), in its sentence
        return PackResult(job, ExportStatus.FAILED, str(error))
    except Exception as error:  # noqa: BLE001 - one file's fault must not hide the others' results
        message = f"Could not export {job.source}: an internal fault ({type(error).__name__}: {error})."
        return PackResult(job, ExportStatus.FAILED, message)


def export_pack_file(job: PackJob, library: Library | None = None, scoring: LoadedScoring | None = None) -> PackResult:
    """Read one design file and export its pack document."""
    design = load_for(job)
    return design if isinstance(design, PackResult) else export_pack(design, job, library, scoring)


def export_packs(
    jobs: Sequence[PackJob],
    progress: Callable[[int, int, PackResult], None] | None = None,
    *,
    should_stop: Callable[[], bool] | None = None,
    library: Library | None = None,
) -> list[PackResult]:
    """Export every job in turn, results in job order; the scales are read once for the batch.

    `progress(done, total, result)` follows each file; once `should_stop()` is true, the jobs
    not yet started are `CANCELLED`.
    """
    library = library or _library()
    scoring = scoring_for(library)
    results: list[PackResult] = []
    for job in jobs:
        if should_stop is not None and should_stop():
            results.append(PackResult(job, ExportStatus.CANCELLED, CANCELLED))
            continue
        result = export_pack_file(job, library, scoring)
        if not results:  # the scales' warnings are said once for a batch, with its first file
            result = PackResult(job, result.status, result.message, [*scoring.warnings, *result.warnings])
        results.append(result)
        if progress:
            progress(len(results), len(jobs), result)
    return results
