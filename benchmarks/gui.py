"""The desktop app: start-up against a bare PySide6 window (offscreen, and on a real X display when
there is one or Xvfb can make one), preview refresh, library filtering per keystroke over 5,000
entries, and the longest stall of the GUI thread during an export.

Run alone: `python -m benchmarks.gui [startup]`."""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.timing import Result, compile_package, median_seconds

#: Every window below quits at its first paint, as the app does with ROLEDESIGNER_QUIT_WHEN_SHOWN:
#: on a real X display a window is on screen only once the server has exposed it and it has
#: painted, which `processEvents()` right after `show()` does not wait for.
QUIT_AT_FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer
class _FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False
_painted = _FirstPaint()
window.installEventFilter(_painted)
window.show()
QApplication.instance().exec()
"""

BARE = (
    """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
"""
    + QUIT_AT_FIRST_PAINT
)

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
WIDGETS = (Path(__file__).parent / "widgetfloor.py").read_text(encoding="utf-8") + QUIT_AT_FIRST_PAINT

#: The app as `roledesigner` starts it, less the command line's parser: `run()` shows the window's
#: frame, fills it from the event loop after the first paint, and quits when ROLEDESIGNER_QUIT_WHEN_SHOWN
#: says: "frame" at the frame's first paint, "1" once filled and painted, "preview" once the first
#: preview and review are in.
OURS = "import sys\nfrom roledesigner.gui.app import run\nsys.exit(run())\n"
#: The same through the `roledesigner` command, as a desktop launcher or `make run` starts it.
COMMAND = "import runpy\nrunpy.run_module('roledesigner', run_name='__main__')\n"

RUNS = 9


def _start_seconds(code: str, env: dict[str, str]) -> float:
    """Wall time of a fresh process from launch to its end (interpreter start and teardown included)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


@contextlib.contextmanager
def x_display() -> Iterator[str | None]:
    """A real X display: $DISPLAY if there is one, else an Xvfb of our own, else None."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(timeout=10)


def _startups(where: str, platform: dict[str, str]) -> list[Result]:
    """Every start measured RUNS times, the kinds interleaved so a busy moment hits them all alike."""
    base = {**os.environ, **platform}
    kinds = {
        "bare": (BARE, base),
        "widgets": (WIDGETS, base),
        "pydantic": (PYDANTIC, base),
        "floor": (FLOOR, base),
        "frame": (OURS, {**base, "ROLEDESIGNER_QUIT_WHEN_SHOWN": "frame"}),
        "command": (COMMAND, {**base, "ROLEDESIGNER_QUIT_WHEN_SHOWN": "frame"}),
        "filled": (OURS, {**base, "ROLEDESIGNER_QUIT_WHEN_SHOWN": "1"}),
        "preview": (OURS, {**base, "ROLEDESIGNER_QUIT_WHEN_SHOWN": "preview"}),
    }
    samples: dict[str, list[float]] = {kind: [] for kind in kinds}
    for _ in range(RUNS):
        for kind, (code, env) in kinds.items():
            samples[kind].append(_start_seconds(code, env) * 1000)
    ms = {kind: statistics.median(values) for kind, values in samples.items()}
    bare, name = ms["bare"], f"bare PySide6 window ({where})"
    return [
        Result(
            f"floor ({where}): a window with our widgets and nothing else", ms["widgets"], name, bare, "report", True
        ),
        Result(f"floor ({where}): bare window + pydantic, one-field model", ms["pydantic"], name, bare, "report", True),
        Result(f"floor ({where}): bare window + Qt namespace + our models", ms["floor"], name, bare, "report", True),
        Result(
            f"start to a shown main window ({where}): frame painted, menus answer",
            ms["frame"],
            name,
            bare,
            "< 2.5x baseline",
            ms["frame"] < 2.5 * bare,
        ),
        Result(
            f"start with the roledesigner command to a shown main window ({where})",
            ms["command"],
            name,
            bare,
            "report",
            True,
        ),
        Result(
            f"start to the filled window ({where}): editor, library and preview panes built",
            ms["filled"],
            name,
            bare,
            "report",
            True,
        ),
        Result(f"start until the first preview and review ({where})", ms["preview"], name, bare, "report", True),
    ]


def startup() -> list[Result]:
    compile_package()
    with tempfile.TemporaryDirectory() as home:
        os.environ.setdefault("ROLEDESIGNER_CONFIG_DIR", str(Path(home) / "config"))
        results = _startups("offscreen", {"QT_QPA_PLATFORM": "offscreen"})
        with x_display() as display:
            if display is not None:
                results += _startups("X", {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display})
    return results


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
    for result in startup() if sys.argv[1:] == ["startup"] else run():
        print(result.name, round(result.median_ms, 2), round(result.baseline_ms, 2), result.met)
