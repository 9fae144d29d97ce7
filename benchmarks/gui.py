"""The desktop app: start-up against a bare PySide6 window, preview refresh, library filtering
per keystroke over 5,000 entries, and the longest stall of the GUI thread during an export."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import Result, median_seconds

BARE = """
import time
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
print(time.perf_counter() - start)
"""

#: The floor for any window built on our stack: a bare window that also touches the Qt
#: namespace (its hundred enums are made on first use) and defines our pydantic models.
FLOOR = BARE.replace(
    "from PySide6.QtWidgets import QApplication, QMainWindow",
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import Qt\n"
    "import roledesigner.domain.models, roledesigner.library.models",
)

#: The floor for any window that uses pydantic (one of the project's required libraries) before it
#: shows: a bare window that imports pydantic and validates one one-field model.
PYDANTIC = BARE.replace(
    "window = QMainWindow()",
    "import pydantic\nclass Model(pydantic.BaseModel):\n    number: int = 0\nModel(number=1)\nwindow = QMainWindow()",
)

#: The floor for any window with our widgets, whatever feeds them: the same widget inventory
#: as the main window, with no data, no pydantic and no logic (benchmarks/widgetfloor.py).
WIDGETS = (Path(__file__).parent / "widgetfloor.py").read_text(encoding="utf-8")

OURS = """
import time
start = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from roledesigner.gui.app import create_window
window = create_window()
window.resize(1280, 800)
window.show()
app.processEvents()
print(time.perf_counter() - start)
"""


def compile_package() -> None:
    """Byte-compile roledesigner first, as any install does (pip, or the bundle's archive).

    Otherwise, with PYTHONDONTWRITEBYTECODE set, every start would compile our modules from
    source while PySide6's were compiled at install: an unfair comparison.
    """
    import compileall

    import roledesigner

    compileall.compile_dir(Path(roledesigner.__file__).parent, quiet=1)


def _start_seconds(code: str, runs: int = 7) -> float:
    """Median wall time of a fresh process from launch to a shown window (interpreter start included)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def startup() -> list[Result]:
    compile_package()
    with tempfile.TemporaryDirectory() as home:
        os.environ.setdefault("ROLEDESIGNER_CONFIG_DIR", str(Path(home) / "config"))
        bare = _start_seconds(BARE) * 1000
        floor = _start_seconds(FLOOR) * 1000
        pydantic = _start_seconds(PYDANTIC) * 1000
        widgets = _start_seconds(WIDGETS) * 1000
        ours = _start_seconds(OURS) * 1000
    return [
        Result(
            "floor: a window with our 480 widgets and nothing else (no pydantic, no data)",
            widgets,
            "bare PySide6 window",
            bare,
            "report",
            True,
        ),
        Result(
            "floor: bare window + pydantic with a one-field model",
            pydantic,
            "bare PySide6 window",
            bare,
            "report",
            True,
        ),
        Result(
            "floor: bare window + Qt namespace + our pydantic models",
            floor,
            "bare PySide6 window",
            bare,
            "report",
            True,
        ),
        Result("start to a shown main window", ours, "bare PySide6 window", bare, "< 1.5x baseline", ours < 1.5 * bare),
    ]


def in_app() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([])
    from benchmarks.library_search import generated_library
    from roledesigner.documents.jobs import ExportJob
    from roledesigner.gui.app import create_window
    from roledesigner.gui.exporting import Exporter
    from roledesigner.gui.library.panel import LibraryPanel
    from roledesigner.library.compose import new_design

    window = create_window()
    window.show()
    controller = window.controller
    controller.replace(new_design(controller.library, "joint_mental_health_lead"))
    counter = iter(range(10**9))

    def refresh_after_edit() -> None:
        controller.set_field("purpose", f"The postholder leads joint work, version {next(counter)}.")
        window.preview.refresh_now()

    def bare_label() -> None:
        QLabel(f"version {next(counter)}")

    refresh = median_seconds(refresh_after_edit, repeat=21) * 1000
    label = median_seconds(bare_label, repeat=21) * 1000
    results = [
        Result("preview and review refresh after an edit", refresh, "a bare QLabel", label, "< 50 ms", refresh < 50)
    ]

    panel = LibraryPanel(generated_library(5000))
    panel.show()
    typed = "leading change"
    per_key: list[float] = []
    for _ in range(3):
        panel.search_box.clear()
        app.processEvents()
        for length in range(1, len(typed) + 1):
            started = time.perf_counter()
            panel.search_box.setText(typed[:length])
            app.processEvents()
            per_key.append(time.perf_counter() - started)
    haystacks = [" ".join([c.name, c.description]).casefold() for c in panel.library.capabilities.values()]

    def scan() -> None:
        for length in range(1, len(typed) + 1):
            [t for t in haystacks if typed[:length] in t]

    keystroke = statistics.median(per_key) * 1000
    scan_ms = median_seconds(scan, repeat=5) * 1000 / len(typed)
    results.append(
        Result(
            "library filter per keystroke, 5,000 entries",
            keystroke,
            "substring scan, no widgets",
            scan_ms,
            "< 16 ms",
            keystroke < 16,
        )
    )

    with tempfile.TemporaryDirectory() as folder:
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        done = [0]
        exporter = Exporter()
        for index, fmt in enumerate(["docx", "pdf", "docx", "pdf"]):
            job = ExportJob(Path(folder) / f"x{index}.{fmt}", Path(folder) / f"x{index}.{fmt}", fmt)  # type: ignore[arg-type]
            exporter.start(controller.design, job, controller.library, lambda _r: done.__setitem__(0, done[0] + 1))
        while done[0] < 4:
            app.processEvents()
            time.sleep(0.002)
        timer.stop()
    longest = max(gaps) if gaps else 0.0
    results.append(
        Result(
            "longest GUI-thread stall during 4 exports",
            longest,
            "the 10 ms timer interval",
            10.0,
            "< 100 ms",
            longest < 100,
        )
    )
    controller.undo_stack.setClean()
    window.close()
    return results


def run() -> list[Result]:
    return [*startup(), *in_app()]


if __name__ == "__main__":
    for result in run():
        print(result.name, round(result.median_ms, 2), round(result.baseline_ms, 2), result.met)
