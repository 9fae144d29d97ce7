"""Audit folders of job descriptions: every design, Word and PDF file imported in memory and reviewed.

One row per file: its title, footprint (guessed from the title for a document, and said to be a
guess), whether it has system responsibilities, protected time, a named line manager and job
stability, its review's counts and its inclusive and plain-English findings, and how much of it
the import kept unmapped. A file that cannot be read is a row with its reason; nothing stops the
run. The files are shared out over every core, as a batch export is (`documents.export`): this
process works too, beside spawned ones, and a worker that dies costs only a retry here.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from roledesigner.domain.errors import InputError
from roledesigner.domain.findings import Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Footprint, ResponsibilityKind, label
from roledesigner.files.designfile import SUFFIX, load_design
from roledesigner.files.reading import os_reason
from roledesigner.files.settings import load_settings
from roledesigner.importing.importer import import_file, unmapped_share
from roledesigner.importing.placements import Target
from roledesigner.importing.reading import PDF_SUFFIX, WORD_SUFFIXES
from roledesigner.importing.values import contract
from roledesigner.library.catalogue import Library
from roledesigner.library.loader import default_folders, load_library
from roledesigner.review import review
from roledesigner.review.acknowledgements import reviewed

#: What an audit reads; a legacy .doc is listed too, with the sentence that says to save it as .docx.
AUDITED = (SUFFIX, *WORD_SUFFIXES, PDF_SUFFIX, ".doc")
#: The result of a file a cancelled audit never reached.
CANCELLED = "Not audited: the audit was cancelled."
#: Findings on the author's words: inclusive language and plain English.
LANGUAGE_CODES = ("inclusive.", "plain.", "language.")
_FOOTPRINT_WORDS: tuple[tuple[Footprint, re.Pattern[str]], ...] = (
    (Footprint.SYSTEM, re.compile(r"\b(system|ics|icb|integrated care (system|board))\b", re.I)),
    (Footprint.NEIGHBOURHOOD, re.compile(r"\b(neighbourhood|pcn|primary care network)\b", re.I)),
    (Footprint.PLACE, re.compile(r"\bplace\b", re.I)),
)


@dataclass(frozen=True)
class AuditRow:
    file: str
    #: "design", "word", "pdf", or "other" for a file of another kind.
    kind: str
    readable: bool
    #: Why the file could not be read (one sentence), or "" when it was.
    reason: str = ""
    title: str = ""
    footprint: str = ""
    footprint_guessed: bool = False
    system_responsibilities: int = 0
    #: The protected time for system work, in words ("2 days a week"), or "".
    protected_time: str = ""
    #: The line managers named under "reports to", joined with "; ".
    line_manager: str = ""
    stability: bool = False
    errors: int = 0
    warnings: int = 0
    info: int = 0
    #: The share of the text the import kept unmapped, 0 to 1.
    unmapped_share: float = 0.0
    unmapped_blocks: int = 0
    nearest_role: str = ""
    language_findings: list[dict[str, str]] = field(default_factory=list)
    findings: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == SUFFIX:
        return "design"
    if suffix in (*WORD_SUFFIXES, ".doc"):
        return "word"
    return "pdf" if suffix == PDF_SUFFIX else "other"


def guess_footprint(title: str) -> Footprint | None:
    """The footprint a title names ("System Workforce Lead", "Place Director"), if any."""
    for footprint, pattern in _FOOTPRINT_WORDS:
        if pattern.search(title):
            return footprint
    return None


@cache
def _library() -> Library:
    """Each process loads the library once, however many files it audits."""
    return load_library(default_folders(load_settings()))


def _time(design: RoleDesign) -> str:
    allocation = design.time.system_work
    if allocation.amount <= 0:
        return ""
    amount = allocation.amount.normalize()
    return f"{amount:f} {label(allocation.unit)}"


def row_for(
    path: Path, design: RoleDesign, library: Library, *, imported: bool, nearest: str = "", contract_said: bool = True
) -> AuditRow:
    """A design's row: reviewed as it is, or (imported) with its footprint guessed from the title.

    The post says how stable it is by its job stability text or by its contract ("Permanent",
    "Fixed term for 24 months"): a design always holds a contract, which its documents print; an
    imported description only when its source said one (`contract_said`), since the design's
    contract is permanent when the source is silent."""
    guessed = False
    if imported and design.footprint is None:
        footprint = guess_footprint(design.title)
        if footprint is not None:
            design = design.model_copy(update={"footprint": footprint})
            guessed = True
    found = review(design, library)
    as_dicts = [entry.as_dict() for entry in reviewed(design, found)]
    return AuditRow(
        file=str(path),
        kind=kind_of(path),
        readable=True,
        title=design.title,
        footprint=design.footprint.value if design.footprint else "",
        footprint_guessed=guessed,
        system_responsibilities=sum(1 for r in design.responsibilities if r.kind is ResponsibilityKind.SYSTEM),
        protected_time=_time(design),
        line_manager="; ".join(design.reports_to),
        stability=bool(design.stability.strip()) or contract_said,
        errors=sum(1 for f in found if f.severity is Severity.ERROR),
        warnings=sum(1 for f in found if f.severity is Severity.WARNING),
        info=sum(1 for f in found if f.severity is Severity.INFO),
        unmapped_share=round(unmapped_share(design), 4),
        unmapped_blocks=len(design.unmapped),
        nearest_role=nearest,
        language_findings=[d for d in as_dicts if d["code"].startswith(LANGUAGE_CODES)],
        findings=as_dicts,
    )


def audit_one(path: Path) -> AuditRow:
    """One file's row; whatever goes wrong is this file's reason, never the audit's end."""
    library = _library()
    try:
        if kind_of(path) == "design":
            return row_for(path, load_design(path), library, imported=False)
        result = import_file(path, library, load_settings().default_contracted_hours)
        role = result.suggestions.role if result.suggestions else None
        said = any(p.target is Target.CONTRACT and contract(p.text)[0] is not None for p in result.placements)
        nearest = role.name if role else ""
        return row_for(path, result.design, library, imported=True, nearest=nearest, contract_said=said)
    except InputError as error:
        return AuditRow(str(path), kind_of(path), False, str(error))
    except OSError as error:  # the file went, or was locked, between the listing and the reading
        return AuditRow(str(path), kind_of(path), False, f"{path} cannot be read: {os_reason(error)}.")
    except Exception as error:  # noqa: BLE001 - one file's fault must not stop the audit
        return AuditRow(
            str(path),
            kind_of(path),
            False,
            f"{path} could not be audited: an internal fault ({error}); please report it.",
        )


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[AuditRow]]:
    """The files to audit under `paths` (folders searched to the bottom, links to folders not
    followed), sorted; and a row for each path that cannot be audited at all."""
    found: list[Path] = []
    problems: list[AuditRow] = []
    for path in paths:
        if path.is_dir():
            walk_errors: list[OSError] = []
            for folder, folders, files in os.walk(path, onerror=walk_errors.append):
                folders.sort()
                for name in sorted(files):
                    candidate = Path(folder) / name
                    if name.startswith(("~$", ".~lock")):  # Word's and LibreOffice's lock files
                        continue
                    if candidate.suffix.lower() in AUDITED:
                        found.append(candidate)
            for error in walk_errors:
                where = error.filename or str(path)
                problems.append(
                    AuditRow(str(where), "folder", False, f"{where} cannot be searched: {os_reason(error)}.")
                )
        elif path.suffix.lower() in AUDITED or path.is_file():
            found.append(path)
        else:
            problems.append(AuditRow(str(path), "other", False, f"{path} does not exist."))
    return found, problems


def audit_many(
    files: Sequence[Path],
    workers: int | None = None,
    progress: Callable[[int, int, AuditRow], None] | None = None,
    *,
    should_stop: Callable[[], bool] | None = None,
) -> list[AuditRow]:
    """Audit every file on up to `workers` processes (default: every core); rows in file order.

    `progress(done, total, row)` follows each file. Once `should_stop()` is True no further file
    is started; those running finish, and each file never started gets a `CANCELLED` row.
    """
    count = len(files)
    workers = max(1, min(workers or os.cpu_count() or 1, count or 1))
    rows: dict[int, AuditRow] = {}

    def record(index: int, row: AuditRow) -> None:
        rows[index] = row
        if progress:
            progress(len(rows), count, row)

    def stopping() -> bool:
        return should_stop is not None and should_stop()

    def cancel(index: int) -> None:
        rows[index] = AuditRow(str(files[index]), kind_of(files[index]), False, CANCELLED)

    pending = deque(enumerate(files))
    if workers == 1:
        while pending and not stopping():
            index, path = pending.popleft()
            record(index, audit_one(path))
        for index, _path in pending:
            cancel(index)
        return [rows[index] for index in range(count)]
    context = multiprocessing.get_context("spawn")  # each worker its own fresh interpreter, never a copy of ours
    with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
        in_flight: dict[Future[AuditRow], int] = {}
        broken = False

        def top_up() -> None:
            nonlocal broken
            while not broken and pending and len(in_flight) < 2 * (workers - 1):
                index, path = pending.popleft()
                try:
                    in_flight[pool.submit(audit_one, path)] = index
                except BrokenProcessPool:
                    broken = True
                    pending.appendleft((index, path))

        def collect_one(future: Future[AuditRow]) -> None:
            nonlocal broken
            index = in_flight.pop(future)
            try:
                row = future.result()
            except BrokenProcessPool:
                broken = True
                if stopping():
                    cancel(index)
                    return
                row = audit_one(files[index])
            except Exception as error:  # noqa: BLE001 - a row that could not come back is still a row
                row = AuditRow(
                    str(files[index]), kind_of(files[index]), False, f"{files[index]} could not be audited ({error})."
                )
            record(index, row)

        while pending or in_flight:
            for future in [f for f in in_flight if f.done()]:
                collect_one(future)
            if stopping():
                while pending:
                    cancel(pending.popleft()[0])
                for future in [f for f in in_flight if f.cancel()]:
                    cancel(in_flight.pop(future))
            top_up()
            if pending:
                index, path = pending.pop()  # from the far end, away from the workers' queue
                record(index, audit_one(path))
            elif in_flight:
                wait(in_flight, return_when=FIRST_COMPLETED)
    return [rows[index] for index in range(count)]


def summary(rows: Sequence[AuditRow]) -> dict[str, Any]:
    read = [row for row in rows if row.readable]
    imported = [row for row in read if row.kind != "design"]
    average = round(sum(r.unmapped_share for r in imported) / len(imported), 4) if imported else 0.0
    return {
        "files": len(rows),
        "read": len(read),
        "unreadable": len(rows) - len(read),
        "with_system_responsibilities": sum(1 for row in read if row.system_responsibilities),
        "with_protected_time": sum(1 for row in read if row.protected_time),
        "with_named_line_manager": sum(1 for row in read if row.line_manager),
        "with_stability": sum(1 for row in read if row.stability),
        "errors": sum(row.errors for row in read),
        "warnings": sum(row.warnings for row in read),
        "info": sum(row.info for row in read),
        "language_findings": sum(len(row.language_findings) for row in read),
        "average_unmapped_share": average,
    }
