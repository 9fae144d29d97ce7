"""Word export: one full specification against a bare python-docx document of the same text,
and a batch of 100 on every core against one core."""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path

from docx import Document

from benchmarks.timing import Result, median_seconds
from roledesigner.documents.export import export_many
from roledesigner.documents.jobs import ExportJob
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.documents.weekpicture import render_png
from roledesigner.documents.word import render_docx
from roledesigner.files.designfile import save_design
from roledesigner.library.loader import load_library

BATCH = 100


def bare_document(view: JobSpecification, picture: bytes) -> bytes:
    """The same text and picture written straight with python-docx: the floor for any template."""
    document = Document()
    document.add_heading(view.title, 0)
    table = document.add_table(rows=0, cols=2)
    for row in view.details:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = row.label, row.value
    for heading, lines in (("Job purpose", view.purpose), ("Protected time", view.time), ("Joint", view.joint)):
        document.add_heading(heading, 1)
        for line in lines:
            document.add_paragraph(line)
    document.add_picture(io.BytesIO(picture))
    for group in view.responsibilities:
        document.add_heading(group.heading, 2)
        for line in group.lines:
            document.add_paragraph(line, style="List Bullet")
    for domain in view.capability_domains:
        document.add_heading(domain.name, 2)
        for cap in domain.capabilities:
            document.add_heading(cap.name, 3)
            for line in cap.indicators:
                document.add_paragraph(line, style="List Bullet")
    spec = document.add_table(rows=1, cols=4)
    for criterion in view.person_spec:
        cells = spec.add_row().cells
        cells[0].text, cells[1].text, cells[2].text, cells[3].text = (
            criterion.category, criterion.criterion, criterion.requirement, criterion.assessed_by,
        )  # fmt: skip
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def run() -> list[Result]:
    library = load_library()
    view = build_view(sample_design(library), library, "North Shire Integrated Care Board")
    assert view.chart is not None
    picture = render_png(view.chart)

    def ours() -> None:
        render_docx(view, week_png=render_png(view.chart) if view.chart else None)

    def bare() -> None:
        bare_document(view, render_png(view.chart) if view.chart else picture)

    one = median_seconds(ours, repeat=15) * 1000
    floor = median_seconds(bare, repeat=15) * 1000
    baseline = "bare python-docx, same text"
    results = [Result("export one Word file", one, baseline, floor, "< 2x baseline", one < 2 * floor)]

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "sample.roledesign"
        save_design(sample_design(library), source)
        jobs = [ExportJob(source, root / f"out{i}.docx") for i in range(BATCH)]
        timings = {}
        for workers in (1, 2):
            start = time.perf_counter()
            results_ = export_many(jobs, workers=workers)
            timings[workers] = (time.perf_counter() - start) * 1000
            assert all(r.ok for r in results_), [r.message for r in results_ if not r.ok][:3]
    speedup = timings[1] / timings[2]
    results.append(
        Result(
            f"export {BATCH} Word files, 2 processes (speed-up {speedup:.2f}x)",
            timings[2],
            "the same on 1 process",
            timings[1],
            ">= 1.6x faster",
            speedup >= 1.6,
        )
    )
    return results
