"""Typing in the editor: the model and table work of one keystroke in the Title field, with the
sample design open, against the same keystroke into a bare QLineEdit in the same run.

Each sample runs from the key event until Qt has handled everything it posted in reply (the
controller, the bindings, the table models and their views' layouts), so deferred work is not
hidden; the debounced refreshes (the week picture, the preview) are timers that cannot fire
within a sample and are not counted.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable

from benchmarks.timing import Result, median_seconds

#: Typed over and over into the field: letters, a space and capitals, as a title is typed.
TEXT = "Director of Integrated Care Partnerships "
KEYSTROKES = 400


def _per_keystroke(edit: object, settle: Callable[[], None], keystrokes: int = KEYSTROKES) -> float:
    """Median seconds from a key press into `edit` until `settle()` (the event loop) is done."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    assert isinstance(edit, QLineEdit)
    samples: list[float] = []
    for index in range(keystrokes + 20):
        if index % len(TEXT) == 0:
            edit.selectAll()  # start the title again, so it stays a title's length
        character = TEXT[index % len(TEXT)]
        started = time.perf_counter()
        QTest.keyClicks(edit, character)
        settle()
        if index >= 20:  # the first keystrokes warm caches up
            samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication.instance() or QApplication([])
    from roledesigner.documents.sample import sample_design
    from roledesigner.domain.edits import set_value
    from roledesigner.files.paths import library_dir
    from roledesigner.files.settings import Settings
    from roledesigner.gui.controller import DocumentController
    from roledesigner.gui.editor.editor import RoleEditor
    from roledesigner.library.catalogue import Folder
    from roledesigner.library.loader import load_library

    library = load_library([Folder(library_dir(), "bundled")])  # as shipped, whoever runs it
    controller = DocumentController(library, Settings())
    design = sample_design(library)
    controller.replace(design)
    editor = RoleEditor(controller)
    editor.resize(900, 700)
    editor.show()
    app.processEvents()
    binding = editor.binder.find("title")
    assert binding is not None
    title = binding.widget
    editor.setCurrentIndex(0)
    title.setFocus()
    app.processEvents()
    ours = _per_keystroke(title, app.processEvents) * 1000
    assert controller.design.title != design.title, "the keystrokes reached the design"

    bare = QLineEdit()
    bare.resize(400, 30)
    bare.show()
    bare.setFocus()
    app.processEvents()
    baseline = _per_keystroke(bare, app.processEvents) * 1000

    counter = iter(range(10**9))
    core = median_seconds(lambda: set_value(design, "title", f"{TEXT}{next(counter)}"), repeat=201) * 1000

    controller.undo_stack.setClean()
    editor.close()
    bare.close()
    return [
        Result(
            "keystroke in the Title field, sample design (model and table work)",
            ours,
            "the same keystroke into a bare QLineEdit",
            baseline,
            "< 1.5 ms",
            ours < 1.5,
        ),
        Result(
            "keystroke in the Title field, sample design (model and table work)",
            ours,
            "the core's set_value alone",
            core,
            "report",
            True,
        ),
    ]


if __name__ == "__main__":
    for result in run():
        print(f"{result.name}: {result.median_ms:.3f} ms; {result.baseline}: {result.baseline_ms:.3f} ms")
