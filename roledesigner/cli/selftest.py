"""`roledesigner --self-test`: check an install end to end, one line per step (issue #9).

IT staff run it after installing. It finds the data folders, loads the bundled library, and for
every emerging role builds a design, reviews it, exports it to Word and to PDF in a temporary
folder and reads both back; then it removes the folder. Each step prints one line, PASS or FAIL
with a plain reason (SKIP when an earlier step of the same role left nothing to check, WARN
for what the app survives but someone should mend), and a last line sums up. Exit codes follow
the command line's: 0 every step passed, 1 a step failed, 2 the folder cannot be written (one
sentence on stderr, nothing else printed or written).

The exports check the install alone: the bundled library, the bundled Word template and the
default settings, so their result is the same for everyone on the machine. Problems in the
bundled library are FAIL lines: they came with the install.

It then reads what this user's app reads besides: the settings file, the team's shared library
and the user's own. Each problem found there is a WARN line of its own, under the folder whose
files caused it (a problem a folder causes in an entry below it, by replacing what that entry
names, is that folder's). WARN, not FAIL, because the app survives them (it skips what they name,
says so, and runs) and because they are a team's or a user's data, not the install: a colleague's
broken entry must not make a sound install look broken, yet IT should see it. So warnings leave
the exit code 0, and the summary line counts them.

The PDF is checked by its structure only (the `%PDF-` header, the `%%EOF` trailer and at least
one page object): reading its text back would need QtPdf, which the app does not ship. The Word
file is opened with python-docx and must hold the title, every section heading the view model
expects and the opening sentences.

It never needs a window: Qt's platform defaults to `offscreen` if QT_QPA_PLATFORM is unset. A
windowed app (the PyInstaller bundle on Windows) has no console, so `sys.stdout` is None; then the
report is written to `roledesigner-self-test.txt` in DIR if given, else in the temporary folder
(TMPDIR, TEMP or TMP, else the system's), replacing any earlier report.

Qt is not imported here: the PDF and picture renderers import it when the first export runs.
"""

from __future__ import annotations

import errno
import io
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from docx import Document
from docx.oxml.ns import qn

from roledesigner import __version__
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK
from roledesigner.cli.selftestlibraries import Warned, library_steps, plural
from roledesigner.documents.export import export_design
from roledesigner.documents.html import TEMPLATE_NAME as HTML_TEMPLATE
from roledesigner.documents.jobs import ExportJob, Format
from roledesigner.documents.templatebuild import TEMPLATE_NAME as WORD_TEMPLATE
from roledesigner.documents.viewmodel import build_view
from roledesigner.domain.findings import Finding, Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.files.paths import ResourceMissing, library_dir, templates_dir
from roledesigner.files.settings import Settings
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.compose import new_design
from roledesigner.library.loader import load_library
from roledesigner.review import review

EXIT_FAILED = EXIT_FINDINGS  # a step failed: the command line's exit 1
REPORT_NAME = "roledesigner-self-test.txt"
FOLDER_PREFIX = "roledesigner-self-test-"
#: Environment variables naming the temporary folder, in the order Python's tempfile reads them.
TEMP_VARIABLES = ("TMPDIR", "TEMP", "TMP")
#: A page object; "/Type /Pages" (the page tree) does not match. Qt writes PDF 1.4, with no
#: object streams, so every page object is in plain sight.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b")


class StepFailed(Exception):
    """A step's plain reason for failing: str() is shown after FAIL."""


class CannotWrite(Exception):
    """The folder to work in cannot be written: str() is the one sentence for the user."""


def _write(stream: TextIO, text: str) -> None:
    """One line, shown at once; a console that cannot show a letter gets an escape, not a crash."""
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        stream.write(text.encode("ascii", "backslashreplace").decode("ascii") + "\n")
    stream.flush()


def _size(path: Path) -> str:
    return f"{max(1, round(path.stat().st_size / 1024))} KB"


@dataclass
class _Report:
    """The lines printed so far, counted for the summary."""

    out: TextIO
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    warnings: int = 0

    def step(self, what: str, check: Callable[[], str | Warned]) -> bool:
        """Run one step; any exception becomes its FAIL line and the test carries on."""
        try:
            detail = check()
        except (StepFailed, ResourceMissing) as error:
            self.failed += 1
            _write(self.out, f"FAIL  {what}: {error}")
            return False
        except Exception as error:  # noqa: BLE001 - one step's fault must not stop the others
            self.failed += 1
            reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            _write(self.out, f"FAIL  {what}: {reason}")
            return False
        self.passed += 1
        if isinstance(detail, Warned):
            self.warnings += max(1, len(detail.problems))
            for line in [detail.detail, *detail.problems]:
                _write(self.out, f"WARN  {what}: {line}")
            return True
        _write(self.out, f"PASS  {what}: {detail}")
        return True

    def skip(self, what: str, reason: str) -> None:
        self.skipped += 1
        _write(self.out, f"SKIP  {what}: {reason}")

    def summary(self, seconds: float) -> None:
        total = self.passed + self.failed + self.skipped
        if not self.failed and not self.skipped and self.warnings:
            _write(
                self.out,
                f"Self-test passed with {plural(self.warnings, 'warning')}: all {total} steps passed in "
                f"{seconds:.1f} s; the WARN lines above name what the app skips until it is mended.",
            )
            return
        if not self.failed and not self.skipped:
            _write(self.out, f"Self-test passed: all {total} steps passed in {seconds:.1f} s.")
            return
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        _write(
            self.out,
            f"Self-test failed: {self.failed} of {total} steps failed{skipped} (see the lines above); {seconds:.1f} s.",
        )


# --- the folder to work in -------------------------------------------------------------------


def _temporary_parent() -> tuple[Path, str]:
    """The temporary folder and the variable that named it ("" for the system's own).

    A variable naming a folder that does not work is reported, not passed over as Python's
    tempfile would: the IT department set it, so it should hear that it is wrong."""
    for name in TEMP_VARIABLES:
        value = os.environ.get(name)
        if value:
            return Path(value), name
    return Path(tempfile.gettempdir()), ""


def _reason(error: OSError, folder: Path) -> str:
    """The problem in a few plain words."""
    if error.errno == errno.ENOTDIR:
        return "it is a file, not a folder" if folder.is_file() else "part of that path is a file, not a folder"
    if error.errno == errno.ENOENT:
        return "it does not accept new files" if folder.is_dir() else "there is no such folder"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.EROFS:
        return "the disk is read-only"
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    return (error.strerror or type(error).__name__).lower()


def make_work_folder(folder: Path | None) -> Path:
    """A new, empty folder inside `folder` (default: the temporary folder) that can be written."""
    parent, named_by = folder, ""
    try:
        if parent is None:
            parent, named_by = _temporary_parent()
        work = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=parent))
    except OSError as error:
        if parent is None:  # Python's tempfile found no folder it could write to
            raise CannotWrite(
                "Role Designer cannot find a temporary folder it can write to, so the self-test cannot export; "
                "run it with a folder you can write to: roledesigner --self-test FOLDER."
            ) from error
        raise CannotWrite(_cannot_write(folder, parent, named_by, _reason(error, parent))) from error
    probe = work / "write-check.txt"
    try:  # a folder can allow new folders but not new files (Windows permissions)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        shutil.rmtree(work, ignore_errors=True)
        raise CannotWrite(_cannot_write(folder, parent, named_by, _reason(error, parent))) from error
    return work


def _cannot_write(folder: Path | None, parent: Path, named_by: str, reason: str) -> str:
    where = str(parent) if folder is not None else f"the temporary folder {parent}"
    if named_by:
        reason += f"; {named_by} names it"
    return (
        f"Role Designer cannot write to {where} ({reason}), so the self-test cannot export; "
        "run it with a folder you can write to: roledesigner --self-test FOLDER."
    )


# --- the steps -------------------------------------------------------------------------------


def _layout(root: Path) -> str:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and root == Path(bundle):
        return "the app bundle"
    if root.name == "_data":
        return "the installed package"
    return "a source checkout"


def check_data_folders() -> str:
    """The role library and both templates are where this install keeps them."""
    library, templates = library_dir(), templates_dir()
    for path in (templates / WORD_TEMPLATE, templates / HTML_TEMPLATE):
        if not path.is_file():
            raise StepFailed(f"{path} is missing; reinstall the app")
    if library.parent == templates.parent:
        return f"{library.name} and {templates.name} in {library.parent} ({_layout(library.parent)})"
    return f"{library.name} in {library}, {templates.name} in {templates}"


def check_library(loaded: list[Library]) -> str:
    """Load the bundled library; whatever loads goes on to the role steps even if it has problems."""
    folder = library_dir()
    library = load_library([Folder(folder, "bundled")])
    loaded.append(library)
    if library.problems:
        count, first = len(library.problems), library.problems[0]
        if count == 1:
            raise StepFailed(f"a problem in the bundled library: {first}; reinstall the app")
        raise StepFailed(f"{count} problems in the bundled library, the first: {first}; reinstall the app")
    if not library.roles:
        raise StepFailed(f"the bundled library in {folder} has no emerging roles; reinstall the app")
    roles = plural(len(library.roles), "emerging role")
    capabilities = plural(len(library.capabilities), "capability", "capabilities")
    return f"{roles}, {capabilities} (bundled, from {folder})"


def _findings(findings: list[Finding]) -> str:
    if not findings:
        return "no findings"
    counts = Counter(finding.severity for finding in findings)
    parts = [
        plural(counts[Severity.ERROR], "error") if counts[Severity.ERROR] else "",
        plural(counts[Severity.WARNING], "warning") if counts[Severity.WARNING] else "",
        f"{counts[Severity.INFO]} for information" if counts[Severity.INFO] else "",
    ]
    return f"{plural(len(findings), 'finding')} ({', '.join(part for part in parts if part)})"


def check_design(library: Library, role_id: str, built: list[RoleDesign]) -> str:
    """Build the design (kept in `built` for the exports) and run the review; findings are not failures."""
    design = new_design(library, role_id, Settings().default_contracted_hours)
    built.append(design)
    findings = review(design, library)
    return f"built from {role_id}; review: {_findings(findings)}"


def _export(design: RoleDesign, library: Library, target: Path, fmt: Format) -> None:
    # The job's source names the file in export_design's messages; there is no design file here.
    result = export_design(design, ExportJob(target, target, fmt), library)
    if not result.ok:
        raise StepFailed(result.message)
    if not target.is_file():
        raise StepFailed(f"the export reported success, but {target} is not there")


def _paragraphs(document: Any) -> list[str]:
    """Every paragraph's text (tables included), with runs of white space made one space."""
    body = document.element.body
    return [" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))).split()) for p in body.iter(qn("w:p"))]


def check_word(design: RoleDesign, library: Library, target: Path) -> str:
    """Export to Word and read it back: the title, every section heading and the opening sentences."""
    view = build_view(design, library)
    _export(design, library, target, "docx")
    document = Document(io.BytesIO(target.read_bytes()))  # read whole: no file left open to block removal
    title = str(document.core_properties.title or "")
    if title != view.document_title:
        raise StepFailed(f'read back, but its title property is "{title}", not "{view.document_title}"')
    paragraphs = _paragraphs(document)
    whole = "\n".join(paragraphs)
    headings = [view.title, *(section.heading for section in view.sections)]
    sentences = [*view.purpose[:1], *(group.lines[0] for group in view.responsibilities[:1])]
    missing = [text for text in headings if " ".join(text.split()) not in paragraphs]
    missing += [text for text in sentences if " ".join(text.split()) not in whole]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise StepFailed(f'read back, but "{missing[0]}" is not in it{more}')
    return (
        f"exported and read back: title, {plural(len(view.sections), 'heading')} and opening sentences found "
        f"({target.name}, {_size(target)})"
    )


def check_pdf(design: RoleDesign, library: Library, target: Path) -> str:
    """Export to PDF and check its structure (there is no PDF text reader to check more)."""
    _export(design, library, target, "pdf")
    data = target.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise StepFailed(f"{target.name} does not start as a PDF does (%PDF-)")
    if not data.rstrip().endswith(b"%%EOF"):
        raise StepFailed(f"{target.name} is cut short (it does not end with %%EOF)")
    pages = len(_PAGE_OBJECT.findall(data))
    if not pages:
        raise StepFailed(f"{target.name} has no pages")
    return f"exported and read back: {plural(pages, 'page')} ({target.name}, {_size(target)})"


def check_role(report: _Report, library: Library, role_id: str, work: Path) -> None:
    """Design, Word and PDF for one emerging role: three lines."""
    name = f'"{library.roles[role_id].name}"'
    built: list[RoleDesign] = []
    report.step(f"Design for {name}", lambda: check_design(library, role_id, built))
    if not built:
        for what in ("Word", "PDF"):
            report.skip(f"{what} for {name}", "not tried, because the design could not be built")
        return
    design = built[0]
    report.step(f"Word for {name}", lambda: check_word(design, library, work / f"{role_id}.docx"))
    report.step(f"PDF for {name}", lambda: check_pdf(design, library, work / f"{role_id}.pdf"))


def remove_work_folder(work: Path) -> str:
    try:
        shutil.rmtree(work)
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise StepFailed(f"{work} could not be removed ({reason}); delete it by hand") from error
    return f"removed {work}"


# --- running it ------------------------------------------------------------------------------


def run(folder: Path | None, out: TextIO, err: TextIO) -> int:
    """The whole self-test, working in a new folder inside `folder` (default: the temporary folder)."""
    started = time.perf_counter()
    try:
        work = make_work_folder(folder)
    except CannotWrite as error:
        _write(err, str(error))
        return EXIT_BAD_INPUT
    report = _Report(out)
    _write(
        out,
        f"Role Designer {__version__} self-test, Python {platform.python_version()} on {platform.system()}, "
        f"Qt platform {os.environ.get('QT_QPA_PLATFORM') or 'default'}",
    )
    try:
        report.step("Data folders", check_data_folders)
        loaded: list[Library] = []
        report.step("Library", lambda: check_library(loaded))
        for what, check in library_steps(loaded):
            report.step(what, check)
        for library in loaded:
            for role_id in library.roles:
                check_role(report, library, role_id, work)
    finally:
        report.step("Temporary folder", lambda: remove_work_folder(work))
    report.summary(time.perf_counter() - started)
    return EXIT_FAILED if report.failed else EXIT_OK


def _report_file(folder: Path | None) -> TextIO | None:
    """The report file for an app with no console: in `folder` if it can be written, else the temporary folder."""
    candidates = [folder] if folder is not None else []
    try:
        candidates.append(_temporary_parent()[0])
        candidates.append(Path(tempfile.gettempdir()))
    except OSError:
        pass
    for candidate in candidates:
        try:
            return (candidate / REPORT_NAME).open("w", encoding="utf-8")
        except OSError:
            continue
    return None


def self_test(folder: Path | None = None) -> int:
    """Run the self-test with no window, to the console or, with none, to the report file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before the first export imports Qt
    if sys.stdout is not None:
        return run(folder, sys.stdout, sys.stderr if sys.stderr is not None else sys.stdout)
    report = _report_file(folder)
    if report is None:  # nowhere to write at all: the exit code is all there is
        return run(folder, io.StringIO(), io.StringIO())
    with report:
        return run(folder, report, report)
