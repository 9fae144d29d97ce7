"""Document control: the changes document against a plain export (with and without the week's
picture), and a design with 500 recorded versions against one with none (open, save, one edit;
open again for a larger design of 60 responsibilities), each beside its same-run baseline."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from benchmarks.timing import Result, median_seconds
from roledesigner.documents.sample import sample_design
from roledesigner.documents.trackchanges import changes_document
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.weekpicture import render_png
from roledesigner.documents.word import render_docx
from roledesigner.domain.compare import compare_designs
from roledesigner.domain.edits import set_value
from roledesigner.domain.models import Criterion, Responsibility, RoleDesign
from roledesigner.domain.versions import record_version
from roledesigner.files.designfile import load_design, save_design
from roledesigner.library.catalogue import Library
from roledesigner.library.loader import load_library

ORGANISATION = "North Shire Integrated Care Board"
VERSIONS = 500
#: The responsibilities of the larger design whose 500 versions are opened.
LARGE_RESPONSIBILITIES = 60
DAY = dt.date(2026, 5, 3)


def later(design: RoleDesign) -> RoleDesign:
    """A later version of a full design: a responsibility moved, one reworded, one added, one
    removed, a criterion added and the purpose edited."""
    items = list(design.responsibilities)
    items.insert(4, items.pop(0))
    items[1] = items[1].model_copy(update={"text": items[1].text.replace("Build", "Write")})
    del items[5]
    items.append(Responsibility(text="Chair the place partnership board"))
    return design.model_copy(
        update={
            "responsibilities": items,
            "criteria": [*design.criteria, Criterion(text="Experience of managing a pooled budget")],
            "purpose": design.purpose.replace("local area", "wider local area"),
        }
    )


def with_history(design: RoleDesign, count: int) -> RoleDesign:
    for n in range(count):
        design = record_version(design.model_copy(update={"stability": f"Reviewed, draft {n}."}), when=DAY)
    return design


def _documents(library: Library) -> list[Result]:
    old = sample_design(library)
    new = later(old)

    def plain_export() -> None:
        view = build_view(new, library, ORGANISATION)
        render_docx(view, week_png=render_png(view.chart) if view.chart else None)

    def plain_export_without_picture() -> None:
        """As the changes document renders each side: the week as a table, no picture, no Qt."""
        render_docx(build_view(new, library, ORGANISATION))

    def changes() -> None:
        compare_designs(old, new)
        changes_document(old, new, library, organisation=ORGANISATION)

    # Interleaved, so a busy moment on the machine falls on both alike.
    floor = median_seconds(plain_export, repeat=11) * 1000
    bare = median_seconds(plain_export_without_picture, repeat=11) * 1000
    ours = median_seconds(changes, repeat=11) * 1000
    floor = min(floor, median_seconds(plain_export, repeat=11) * 1000)
    bare = min(bare, median_seconds(plain_export_without_picture, repeat=11) * 1000)
    return [
        Result(
            "compare two full designs and write the changes document",
            ours,
            "plain Word export of the new design",
            floor,
            "< 2x baseline",
            ours < 2 * floor,
        ),
        Result(
            "compare two full designs and write the changes document",
            ours,
            "plain Word export of the new design without the week picture (two of these make the document)",
            bare,
            "< 2x baseline",
            ours < 2 * bare,
        ),
    ]


def larger(design: RoleDesign, count: int = LARGE_RESPONSIBILITIES) -> RoleDesign:
    """A larger design: `count` responsibilities, each its own sentence."""
    items = [
        Responsibility(text=f"Lead the place's work on priority {n + 1}, with partners and people who use services.")
        for n in range(count)
    ]
    return design.model_copy(update={"responsibilities": items})


def _opening_larger(library: Library) -> Result:
    """Opening 500 versions of a larger design (60 responsibilities), beside the same with none."""
    none = larger(sample_design(library))
    many = with_history(none, VERSIONS)
    with tempfile.TemporaryDirectory() as folder:
        bare, long = Path(folder) / "bare.roledesign", Path(folder) / "long.roledesign"
        save_design(none, bare)
        save_design(many, long)
        floor = median_seconds(lambda: load_design(bare), repeat=11) * 1000
        ours = median_seconds(lambda: load_design(long), repeat=11) * 1000
        size = long.stat().st_size // 1024
    return Result(
        f"open a design of {LARGE_RESPONSIBILITIES} responsibilities with {VERSIONS} recorded versions ({size} KB)",
        ours,
        "the same design with none",
        floor,
        "< 1.5x baseline + 100 ms",
        ours < 1.5 * floor + 100,
    )


def _history(library: Library) -> list[Result]:
    none = sample_design(library)
    many = with_history(none, VERSIONS)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        bare, long = Path(folder) / "bare.roledesign", Path(folder) / "long.roledesign"
        save_design(none, bare)
        save_design(many, long)
        for what, action_many, action_none in (
            ("open", lambda: load_design(long), lambda: load_design(bare)),
            ("save", lambda: save_design(many, long), lambda: save_design(none, bare)),
        ):
            floor = median_seconds(action_none, repeat=11) * 1000
            ours = median_seconds(action_many, repeat=11) * 1000
            results.append(
                Result(
                    f"{what} a design with {VERSIONS} recorded versions ({long.stat().st_size // 1024} KB)",
                    ours,
                    "the same design with none",
                    floor,
                    "< 1.5x baseline + 100 ms",
                    ours < 1.5 * floor + 100,
                )
            )
    floor = median_seconds(lambda: set_value(none, "purpose", "Leads the place."), repeat=21) * 1000
    ours = median_seconds(lambda: set_value(many, "purpose", "Leads the place."), repeat=21) * 1000
    results.append(
        Result(
            f"one edit of a design with {VERSIONS} recorded versions",
            ours,
            "the same edit with none",
            floor,
            "< 1.5x baseline + 16 ms (a frame)",
            ours < 1.5 * floor + 16,
        )
    )
    return results


def run() -> list[Result]:
    library = load_library()
    return [*_documents(library), *_history(library), _opening_larger(library)]


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    from benchmarks.__main__ import table

    application = QApplication.instance() or QApplication([])
    print(table(run()))
