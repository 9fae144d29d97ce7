"""Timing helpers: medians of repeated runs, and a result row that always names its baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


def median_seconds(action: Callable[[], object], repeat: int = 21, warmup: int = 2) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


@dataclass(frozen=True)
class Result:
    """One measurement beside its baseline, measured in the same run."""

    name: str
    median_ms: float
    baseline: str
    baseline_ms: float
    target: str
    met: bool
    #: What median_ms and baseline_ms are measured in, when it is not milliseconds (memory: MB).
    unit: str = "ms"

    @property
    def ratio(self) -> float:
        return self.median_ms / self.baseline_ms if self.baseline_ms else float("inf")

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ratio": round(self.ratio, 3)}


def compile_package() -> None:
    """Byte-compile roledesigner first, as any install does (pip, or the bundle's archive).

    Otherwise, with PYTHONDONTWRITEBYTECODE set, every start would compile our modules from
    source while PySide6's were compiled at install: an unfair comparison.
    """
    import compileall
    from pathlib import Path

    import roledesigner

    compileall.compile_dir(Path(roledesigner.__file__).parent, quiet=1)
