"""Import and audit: a typical six-page description against docx2python only reading the same file,
and an audit of 200 descriptions on two processes against one, all in the same run.

Run on its own with `python -m benchmarks.importing`; `benchmarks/__main__.py` can add it to SUITES.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docx2python import docx2python

from benchmarks.timing import Result, median_seconds
from roledesigner.importing.audit import audit_many
from roledesigner.importing.importer import import_file
from roledesigner.library.loader import load_library
from tests.importing import samples

AUDITED = 200
#: Each audit is timed this many times and the median kept, as every other benchmark here does.
AUDIT_ROUNDS = 3
#: The whole import as a person runs it: a fresh process reads the library, imports, saves the design.
_IMPORT_PROCESS = """
import sys
from pathlib import Path
from roledesigner.files.designfile import save_design
from roledesigner.importing.importer import import_file
from roledesigner.library.loader import load_library
save_design(import_file(Path(sys.argv[1]), load_library()).design, Path(sys.argv[2]))
"""
_READ_PROCESS = """
import sys
from docx2python import docx2python
with docx2python(sys.argv[1]) as document:
    document.text
"""


def _process_ms(script: str, *args: str, repeat: int = 7) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-c", script, *args], check=True, capture_output=True)

    return median_seconds(run, repeat=repeat, warmup=1) * 1000


def run() -> list[Result]:
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
        whole = _process_ms(_IMPORT_PROCESS, str(source), str(root / "typical.roledesign"))
        reading = _process_ms(_READ_PROCESS, str(source))
        results.append(
            Result(
                "import a 6-page description, whole process (library, import, save)",
                whole,
                "docx2python reading it, whole process",
                reading,
                "< 1000 ms",
                whole < 1000,
            )
        )
        builders = (samples.typical, samples.heading_styles, samples.bold_capitals, samples.numbered_sections)
        made = [builder() for builder in builders]
        files = []
        for number in range(AUDITED):
            path = root / f"description{number:03}.docx"
            path.write_bytes(made[number % len(made)])
            files.append(path)
        # Rounds alternate one process and two, so a burst of load elsewhere falls on both alike.
        timed: dict[int, list[float]] = {1: [], 2: []}
        for _round in range(AUDIT_ROUNDS):
            for workers in (1, 2):
                start = time.perf_counter()
                rows = audit_many(files, workers=workers)
                timed[workers].append((time.perf_counter() - start) * 1000)
                assert all(row.readable for row in rows), [row.reason for row in rows if not row.readable][:3]
    timings = {workers: statistics.median(values) for workers, values in timed.items()}
    speedup = timings[1] / timings[2]
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
