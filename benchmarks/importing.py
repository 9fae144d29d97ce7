"""Import and audit: a typical six-page description against docx2python only reading the same file;
the real `roledesigner import` command, whole process, on that description and a 200-page one, each
as Word and as a PDF LibreOffice makes, against a fresh process only reading the same file; and an
audit of 200 descriptions on two processes against one, all in the same run.

Run on its own with `python -m benchmarks.importing`; `benchmarks/__main__.py` can add it to SUITES.
"""

from __future__ import annotations

import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docx2python import docx2python

from benchmarks.timing import Result, compile_package, median_seconds
from roledesigner.importing.audit import audit_many
from roledesigner.importing.importer import import_file
from roledesigner.library.loader import load_library
from tests.importing import samples

AUDITED = 200
#: Each audit is timed this many times and the median kept, as every other benchmark here does.
AUDIT_ROUNDS = 3
#: Pages of the long description (`samples.long_document` lays out to about this many in Word and LibreOffice).
LONG_PAGES = 200
#: The 200-page description, whole process, within this many times a process only reading it: the
#: reading is most of the time for a long PDF (pypdf took 7.9 s of 9.2 s on the first measurement).
LONG_TARGET_RATIO = 2.0
#: The whole import as a person runs it: the real command in a fresh process (it reads the
#: library, imports, suggests, and saves the design).
_IMPORT_COMMAND = [sys.executable, "-m", "roledesigner", "import"]
#: The baselines, each a fresh process only reading the same file with the library that reads it
#: best: docx2python for Word, pypdf (which the import uses) for a PDF's text.
_READ_WORD = """
import sys
from docx2python import docx2python
with docx2python(sys.argv[1]) as document:
    document.text
"""
_READ_PDF = """
import sys
from pypdf import PdfReader
for page in PdfReader(sys.argv[1]).pages:
    page.extract_text()
"""
SOFFICE = shutil.which("soffice")
#: Additions in one unit of pure arithmetic: about as long as the audit of a few dozen files.
ARITHMETIC = 30_000_000


def arithmetic() -> int:
    """Work that shares nothing: two processes of it show how much two cores give on this machine now."""
    total = 0
    for number in range(ARITHMETIC):
        total += number
    return total


def _arithmetic_ms(workers: int) -> float:
    """Two units of arithmetic: one after the other in this process, or one here and one in a fresh
    process started as the audit starts its worker (spawned)."""
    start = time.perf_counter()
    if workers == 1:
        arithmetic()
        arithmetic()
    else:
        helper = multiprocessing.get_context("spawn").Process(target=arithmetic)
        helper.start()
        arithmetic()
        helper.join()
    return (time.perf_counter() - start) * 1000


def _command_ms(command: list[str], repeat: int) -> float:
    def run() -> None:
        subprocess.run(command, check=True, capture_output=True)

    return median_seconds(run, repeat=repeat, warmup=1) * 1000


def _to_pdf(source: Path) -> Path | None:
    """The PDF LibreOffice makes of `source`, as HR teams make them; None when LibreOffice is not installed."""
    if SOFFICE is None:
        return None
    profile = (source.parent / "lo-profile").as_uri()
    command = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(source.parent), str(source)],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    made = source.with_suffix(".pdf")
    return made if made.exists() else None


def whole_process(
    source: Path, what: str, *, target_ms: float | None = None, ratio: float | None = None, repeat: int = 7
) -> Result:
    """`roledesigner import FILE -o OUT` timed whole, beside a fresh process only reading the file;
    met when under `target_ms`, or within `ratio` times the reading."""
    out = source.with_name(source.stem + "-imported.roledesign")
    ours = _command_ms([*_IMPORT_COMMAND, str(source), "-o", str(out), "--force"], repeat)
    script = _READ_PDF if source.suffix == ".pdf" else _READ_WORD
    reader = "pypdf" if source.suffix == ".pdf" else "docx2python"
    floor = _command_ms([sys.executable, "-c", script, str(source)], repeat)
    if target_ms is not None:
        target, met = f"< {target_ms:.0f} ms", ours < target_ms
    else:
        limit = ratio or LONG_TARGET_RATIO
        target, met = f"< {limit:g}x baseline", ours < limit * floor
    return Result(
        f"roledesigner import, {what}, whole process",
        ours,
        f"{reader} only reading it, whole process",
        floor,
        target,
        met,
    )


def whole_processes(root: Path, repeat: int = 7, long_repeat: int = 3) -> list[Result]:
    """The real command on a typical description and a 200-page one, as Word and as PDF."""
    typical = root / "typical.docx"
    typical.write_bytes(samples.typical())
    long = root / "long.docx"
    long.write_bytes(samples.long_document(LONG_PAGES))
    results = [whole_process(typical, "a 6-page Word description", target_ms=1000, repeat=repeat)]
    typical_pdf = _to_pdf(typical)
    if typical_pdf is not None:
        results.append(whole_process(typical_pdf, "the same as a PDF", target_ms=1000, repeat=repeat))
    long_word = f"a {LONG_PAGES}-page Word description"
    results.append(whole_process(long, long_word, ratio=LONG_TARGET_RATIO, repeat=long_repeat))
    long_pdf = _to_pdf(long)
    if long_pdf is not None:
        long_as_pdf = f"the {LONG_PAGES}-page one as a PDF"
        results.append(whole_process(long_pdf, long_as_pdf, ratio=LONG_TARGET_RATIO, repeat=long_repeat))
    return results


def run() -> list[Result]:
    compile_package()  # the whole-process rows start our modules as an install does, compiled
    library = load_library()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "typical.docx"
        source.write_bytes(samples.typical())

        def ours() -> None:
            import_file(source, library)

        def theirs() -> None:
            with docx2python(str(source)) as document:
                _ = document.text

        one = median_seconds(ours, repeat=21) * 1000
        floor = median_seconds(theirs, repeat=21) * 1000
        results.append(
            Result(
                "import a 6-page description (in process)",
                one,
                "docx2python only reading it",
                floor,
                "< 2x baseline",
                one < 2 * floor,
            )
        )
        results += whole_processes(root)
        builders = (samples.typical, samples.heading_styles, samples.bold_capitals, samples.numbered_sections)
        made = [builder() for builder in builders]
        files = []
        for number in range(AUDITED):
            path = root / f"description{number:03}.docx"
            path.write_bytes(made[number % len(made)])
            files.append(path)
        # Rounds alternate one process and two, so a burst of load elsewhere falls on both alike.
        timed: dict[int, list[float]] = {1: [], 2: []}
        ceiling: dict[int, list[float]] = {1: [], 2: []}
        for _round in range(AUDIT_ROUNDS):
            for workers in (1, 2):
                start = time.perf_counter()
                rows = audit_many(files, workers=workers)
                timed[workers].append((time.perf_counter() - start) * 1000)
                assert all(row.readable for row in rows), [row.reason for row in rows if not row.readable][:3]
                ceiling[workers].append(_arithmetic_ms(workers))
    timings = {workers: statistics.median(values) for workers, values in timed.items()}
    speedup = timings[1] / timings[2]
    machine = {workers: statistics.median(values) for workers, values in ceiling.items()}
    results.append(
        Result(
            f"this machine now: arithmetic on 2 processes (speed-up {machine[1] / machine[2]:.2f}x), the ceiling",
            machine[2],
            "the same on 1 process",
            machine[1],
            "for reference",
            True,
        )
    )
    results.append(
        Result(
            f"audit {AUDITED} descriptions, 2 processes (speed-up {speedup:.2f}x)",
            timings[2],
            "the same on 1 process",
            timings[1],
            "< 60 s and >= 1.6x faster",
            timings[2] < 60_000 and speedup >= 1.6,
        )
    )
    return results


if __name__ == "__main__":
    from benchmarks.__main__ import table

    print(table(run()))
