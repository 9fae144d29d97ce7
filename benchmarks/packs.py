"""The recruitment pack: each document's export against the job specification's export of the same
design, in the same run (issue 15: within 2x)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.timing import Result, median_seconds
from roledesigner.documents.export import export_design
from roledesigner.documents.jobs import ExportJob
from roledesigner.documents.packs.packexport import INTERVIEW, SHORTLISTING, PackJob, export_pack
from roledesigner.documents.sample import sample_design
from roledesigner.domain.models import RoleDesign
from roledesigner.library.compose import new_design
from roledesigner.library.loader import load_library
from roledesigner.library.scoring import scoring_for

ORGANISATION = "North Shire Integrated Care Board"
REPEAT = 15
#: Each pack document beside the job specification in the same kind of file: a PDF against the
#: specification's PDF (both laid out by Qt), the rest against its Word export.
DOCUMENTS = [
    ("interview pack (Word)", INTERVIEW, "docx"),
    ("interview pack (PDF)", INTERVIEW, "pdf"),
    ("shortlisting matrix (Excel)", SHORTLISTING, "xlsx"),
    ("shortlisting forms (Word)", SHORTLISTING, "docx"),
    ("criteria to paste (text)", SHORTLISTING, "txt"),
]


def run() -> list[Result]:
    library = load_library()
    scoring = scoring_for(library)
    designs: list[tuple[str, RoleDesign]] = [
        ("sample joint post", sample_design(library)),
        # A board post: every capability, the six competency domains and the NHS values.
        ("independent chair", new_design(library, "independent_chair")),
    ]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "post.roledesign"
        for label, design in designs:
            baselines = {}
            for suffix in ("docx", "pdf"):
                job = ExportJob(source, root / f"post.{suffix}", format=suffix, organisation=ORGANISATION)

                def specification(design: RoleDesign = design, job: ExportJob = job) -> None:
                    assert export_design(design, job, library).ok

                baselines[suffix] = median_seconds(specification, repeat=REPEAT) * 1000
            for name, document, fmt in DOCUMENTS:
                kind = "pdf" if fmt == "pdf" else "docx"
                baseline = baselines[kind]
                pack = PackJob(source, root / f"post-{document}.{fmt}", document, fmt, organisation=ORGANISATION)

                def export(design: RoleDesign = design, pack: PackJob = pack) -> None:
                    assert export_pack(design, pack, library, scoring).ok

                median = median_seconds(export, repeat=REPEAT) * 1000
                results.append(
                    Result(
                        f"export the {name}, {label}",
                        median,
                        f"the job specification's export ({'PDF' if kind == 'pdf' else 'Word'}), same design",
                        baseline,
                        "< 2x baseline",
                        median < 2 * baseline,
                    )
                )
    return results


if __name__ == "__main__":  # python -m benchmarks.packs: this suite alone
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks.__main__ import table

    app = QApplication.instance() or QApplication([])
    print(table(run()))
