"""Export off the GUI thread, so the window keeps answering while a document is written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from roledesigner.documents.jobs import ExportJob, ExportResult
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library


class ExportSignals(QObject):
    finished = Signal(object)  # an ExportResult


class ExportTask(QRunnable):
    """One export of a design as it was when the user asked (a snapshot, not the live design)."""

    def __init__(self, design: RoleDesign, job: ExportJob, library: Library, signals: ExportSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Exporter keeps it until its result has been delivered
        self.design = design
        self.job = job
        self.library = library
        self.signals = signals

    def run(self) -> None:
        from roledesigner.documents.export import export_design  # Word and PDF code loads on first use

        result: ExportResult = export_design(self.design, self.job, self.library)
        self.signals.finished.emit(result)


class Exporter(QObject):
    """Starts exports on the thread pool and keeps each task and its signals alive until done.

    A task freed by the pool while its queued result is still on its way would take the signal
    object with it; holding both here until the result arrives in the GUI thread prevents that.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: dict[int, ExportTask] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def start(self, design: RoleDesign, job: ExportJob, library: Library, done: Callable[[ExportResult], None]) -> None:
        signals = ExportSignals(self)
        task = ExportTask(design, job, library, signals)
        key = id(task)
        self._running[key] = task

        def finished(result: ExportResult) -> None:
            self._running.pop(key, None)
            signals.deleteLater()
            done(result)

        signals.finished.connect(finished)
        QThreadPool.globalInstance().start(task)
