"""Start-up as users meet it (the bundle, and the `roledesigner` command), and peak memory.

Each is a fresh process from launch to exit, timed from outside, so interpreter start, the
bootloader and teardown all count, exactly as for the bare PySide6 window measured beside it.
The app quits by itself once its window is shown (ROLEDESIGNER_QUIT_WHEN_SHOWN).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.gui import BARE
from benchmarks.timing import Result, compile_package

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "RoleDesigner" / ("RoleDesigner.exe" if sys.platform == "win32" else "RoleDesigner")
RUNS = 7

#: Runs one command and prints the largest resident set of it (its only child), in kilobytes.
PEAK = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _env(home: Path, quit_when: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ROLEDESIGNER_QUIT_WHEN_SHOWN": quit_when,
        "ROLEDESIGNER_CONFIG_DIR": str(home / "config"),
        "ROLEDESIGNER_DATA_DIR": str(home / "data"),
    }


def _median_wall(command: list[str], env: dict[str, str]) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def _peak_mb(command: list[str], env: dict[str, str]) -> float:
    output = subprocess.run([sys.executable, "-c", PEAK, *command], env=env, check=True, capture_output=True)
    return int(output.stdout) / 1024  # ru_maxrss is in kilobytes on Linux


def _design_file(folder: Path) -> Path:
    from roledesigner.documents.sample import sample_design
    from roledesigner.files.designfile import save_design
    from roledesigner.files.paths import library_dir
    from roledesigner.library.catalogue import Folder
    from roledesigner.library.loader import load_library

    path = folder / "sample.roledesign"
    save_design(sample_design(load_library([Folder(library_dir(), "bundled")])), path)
    return path


def run() -> list[Result]:
    compile_package()
    bare_command = [sys.executable, "-c", BARE]
    source_command = [sys.executable, "-m", "roledesigner"]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = _env(home, "1")
        bare = _median_wall(bare_command, env)
        source = _median_wall(source_command, env)
        results.append(
            Result(
                "start via the roledesigner command (source), to a shown window",
                source,
                "bare PySide6 window",
                bare,
                "report",
                True,
            )
        )
        built = BUNDLE.exists()
        if built:
            bundled = _median_wall([str(BUNDLE)], env)
            results.append(
                Result(
                    "bundle: start to a shown window",
                    bundled,
                    "bare PySide6 window",
                    bare,
                    "< 1.5x baseline",
                    bundled < 1.5 * bare,
                )
            )
            previewed = _median_wall([str(BUNDLE)], _env(home, "preview"))
            results.append(
                Result(
                    "bundle: start until the first preview and review are in",
                    previewed,
                    "bare PySide6 window",
                    bare,
                    "report",
                    True,
                )
            )
        else:
            print(f"No bundle at {BUNDLE}: run `make package` to measure it.", file=sys.stderr)
        if sys.platform.startswith("linux"):
            design = _design_file(home)
            app = [str(BUNDLE)] if built else source_command
            peak = _peak_mb([*app, str(design)], _env(home, "preview"))
            bare_peak = _peak_mb(bare_command, env)
            results.append(
                Result(
                    f"peak memory, {'bundle' if built else 'source'} with a design open and previewed",
                    peak,
                    "bare PySide6 window",
                    bare_peak,
                    "< 200 MB",
                    peak < 200,
                    unit="MB",
                )
            )
    return results


if __name__ == "__main__":
    for result in run():
        print(result.name, round(result.median_ms, 1), result.unit, round(result.baseline_ms, 1), result.met)
