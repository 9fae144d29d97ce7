"""Word export: one full specification against a bare python-docx document of the same text, in
process and as a whole process from the command line (issue 17: within 2x), and a batch of 100
on every core against one core."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.timing import Result, compile_package, median_seconds
from roledesigner.documents.export import export_many
from roledesigner.documents.jobs import ExportJob
from roledesigner.documents.sample import sample_design
from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.documents.word import render_docx
from roledesigner.files.designfile import save_design
from roledesigner.library.loader import load_library

BATCH = 100
REPEAT = 15
PROCESS_REPEAT = 7
ORGANISATION = "North Shire Integrated Care Board"


def document_text(view: JobSpecification) -> dict[str, Any]:
    """Everything the job specification says, as plain lists: what the bare script writes."""
    sections: list[tuple[str, list[str]]] = [
        ("Job purpose", view.purpose),
        ("Structure", [f"{tier.label}: {', '.join(tier.posts)}" for tier in view.structure]),
        ("System context", view.system_context),
        ("Protected time", view.time + view.learning),
        ("Joint", view.joint),
        ("Working relationships", [f"{r.name} ({r.sector})" for r in view.relationships]),
        ("Development", view.development),
        ("Stability", view.stability),
    ]
    sections += [(group.heading, group.lines) for group in view.responsibilities]
    for domain in view.capability_domains:
        for cap in domain.capabilities:
            sections.append((cap.name, [cap.description, *cap.indicators]))
    sections += [(group.heading, group.lines) for group in view.clauses]
    tables = [
        [[row.label, row.value] for row in view.details],
        [[row.label, row.value] for row in view.dimensions],
        [[row.label, *row.values] for row in view.partner_rows],
        [[c.category, c.criterion, c.requirement, c.assessed_by] for c in view.person_spec],
        [[g.term, g.meaning] for g in view.glossary],
        [[row.label, row.value] for row in view.control],
    ]
    if view.week_table is not None:
        week = view.week_table
        tables.append([week.days, *[[cell.text for cell in row.cells] for row in week.rows]])
    return {"title": view.title, "sections": sections, "tables": [t for t in tables if t]}


#: The floor for any template: python-docx writing the same text, headings, bullets and tables.
_BARE_SCRIPT = """
import io, json, sys
from docx import Document

def write(text):
    document = Document()
    document.add_heading(text["title"], 0)
    for heading, lines in text["sections"]:
        document.add_heading(heading, 1)
        for line in lines:
            document.add_paragraph(line, style="List Bullet")
    for rows in text["tables"]:
        table = document.add_table(rows=0, cols=max(len(row) for row in rows))
        for row in rows:
            for cell, value in zip(table.add_row().cells, row):
                cell.text = value
    return document

if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        write(json.load(file)).save(sys.argv[2])
"""


def bare_document(text: dict[str, Any]) -> bytes:
    namespace: dict[str, Any] = {}
    exec(compile(_BARE_SCRIPT, "bare", "exec"), namespace)
    buffer = io.BytesIO()
    namespace["write"](text).save(buffer)
    return buffer.getvalue()


def _process_ms(*args: str) -> float:
    def run() -> None:
        subprocess.run([sys.executable, *args], check=True, capture_output=True)

    return median_seconds(run, repeat=PROCESS_REPEAT, warmup=1) * 1000


def run() -> list[Result]:
    compile_package()  # the whole-process rows start our modules as an install does, compiled
    library = load_library()
    design = sample_design(library)
    view = build_view(design, library, ORGANISATION)
    text = document_text(view)

    def ours() -> None:
        render_docx(view)  # the week is a table in Word: no picture, no Qt

    def bare() -> None:
        bare_document(text)

    one = median_seconds(ours, repeat=REPEAT) * 1000
    floor = median_seconds(bare, repeat=REPEAT) * 1000
    baseline = "bare python-docx, same text"
    results = [Result("export one Word file (in process)", one, baseline, floor, "< 2x baseline", one < 2 * floor)]

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "sample.roledesign"
        save_design(design, source)
        (root / "text.json").write_text(json.dumps(text), encoding="utf-8")
        (root / "bare.py").write_text(_BARE_SCRIPT, encoding="utf-8")
        whole = _process_ms("-m", "roledesigner", "export", str(source), "-o", str(root / "ours.docx"))
        bare_whole = _process_ms(str(root / "bare.py"), str(root / "text.json"), str(root / "bare.docx"))
        results.append(
            Result(
                "export one Word file, whole process (roledesigner export)",
                whole,
                "a bare python-docx script writing the same text",
                bare_whole,
                "< 2x baseline",
                whole < 2 * bare_whole,
            )
        )

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


if __name__ == "__main__":  # python -m benchmarks.export: this suite alone
    from benchmarks.__main__ import table

    print(table(run()))
