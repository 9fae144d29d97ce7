"""Export off the GUI thread, so the window keeps answering while a document is written.

One export runs in the app's one background model (`gui/background.py`), as a batch does: on
Qt's pool, its result read from a queue on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from roledesigner.documents.jobs import ExportJob, ExportResult, ExportStatus
from roledesigner.gui.background import BackgroundRunner

if TYPE_CHECKING:
    from roledesigner.domain.models import RoleDesign
    from roledesigner.library.catalogue import Library


class Exporter(QObject):
    """Exports one design at a time as it was when the user asked (a snapshot, not the live design)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = BackgroundRunner(self)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def start(self, design: RoleDesign, job: ExportJob, library: Library, done: Callable[[ExportResult], None]) -> None:
        def work(_report: Callable[[None], None], _stop: threading.Event) -> ExportResult:
            from roledesigner.documents.export import export_design  # Word and PDF code loads on first use

            return export_design(design, job, library)

        def fault(error: Exception) -> None:  # export_design answers every fault itself; this is the last net
            done(ExportResult(job, ExportStatus.FAILED, f"Could not export {job.source}: an internal fault ({error})."))

        self._runner.start(work, done, fault=fault)
