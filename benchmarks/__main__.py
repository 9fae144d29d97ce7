"""`make bench`: run every benchmark, print medians beside their same-run baselines, write JSON."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

from benchmarks import bundle, compare, export, gui, importing, keystroke, library_search, packs, review
from benchmarks.timing import Result

SUITES = [library_search, review, export, compare, packs, importing, gui, keystroke, bundle]
OUTPUT = Path("build") / "benchmarks.json"


def machine() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cores": str(os.cpu_count()),
    }


def table(results: list[Result]) -> str:
    rows = [("benchmark", "median", "baseline", "baseline median", "ratio", "target", "met")]
    for r in results:
        rows.append(
            (
                r.name,
                f"{r.median_ms:.3f} {r.unit}",
                r.baseline,
                f"{r.baseline_ms:.3f} {r.unit}",
                f"{r.ratio:.2f}",
                r.target,
                "yes" if r.met else "NO",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> int:
    # One QApplication for the whole run, made first: the export benchmark would otherwise start
    # a bare QGuiApplication for rendering, and the app's widgets cannot live in that.
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    results = [result for suite in SUITES for result in suite.run()]
    print(table(results))
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(
        json.dumps({"machine": machine(), "results": [r.as_dict() for r in results]}, indent=2), encoding="utf-8"
    )
    print(f"\nWritten to {OUTPUT}.")
    del app
    return 0 if all(r.met for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
